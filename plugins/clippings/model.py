"""The plain data that moves between the stages: read → clean → describe → tag → publish.

Nothing here knows Pelican. Each stage takes the data of the stages before it and returns new
or enriched data; none reaches back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Kind = Literal["html", "text"]


@dataclass
class Page:
    """A scrape as read from disk: decoded, and for HTML parsed (the *read* stage's output).

    The clean stage may take the article subtree out of ``dom`` but never alters ``<head>`` or
    ``script[type=application/ld+json]`` elements, so the describe stage can still read them.
    """

    path: str
    raw: bytes
    sha256: str
    kind: Kind
    encoding: str
    text: str
    dom: Any = None  # bs4.BeautifulSoup for HTML pages, None for text dumps
    warnings: list[str] = field(default_factory=list)


@dataclass
class Figure:
    """An image the article shows. Remote images are never loaded: ``src`` is kept as a link."""

    caption: str
    src: str | None = None
    alt: str = ""
    credit: str = ""


@dataclass
class Mention:
    start: int
    end: int
    text: str


@dataclass
class Entity:
    """One real person or place of an article, with every mention of it in ``Clipping.text``."""

    name: str
    kind: Literal["person", "place"]
    mentions: list[Mention] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)  # other surface forms seen ("Xi", "U.S.")
    country: str | None = None  # places: ISO country code when the gazetteer knows it
    lat: float | None = None
    lon: float | None = None


@dataclass
class Clipping:
    """One article. clean fills the body; describe the metadata; tag the people and places."""

    path: str
    sha256: str
    kind: Kind
    encoding: str = ""  # as the read stage decoded the file (provenance)
    # clean
    html: str = ""  # sanitized article body HTML: no headline, deck or byline (shown by the theme)
    text: str = ""  # the body as plain text, blocks separated by a blank line, no captions
    figures: list[Figure] = field(default_factory=list)
    headline: str | None = None  # what the cleaner saw as the visible headline / deck / byline
    deck: str | None = None
    byline: str | None = None
    dateline: str | None = None  # visible date text near the headline, if any
    chrome: list[str] = field(default_factory=list)  # text the cleaner removed (source hints)
    incomplete: bool = False  # a teaser or paywalled page: the text may be cut short
    # what a site rule (clean/sites/) names as title/subtitle/author/date: describe puts it first
    site_fields: dict[str, list[str]] = field(default_factory=dict)
    # describe
    title: str | None = None
    subtitle: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None  # ISO 8601 (date or datetime), None when the page is undated
    source: str | None = None  # the publication's name
    url: str | None = None
    lang: str | None = None
    # tag
    people: list[Entity] = field(default_factory=list)
    places: list[Entity] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def captions(self) -> list[str]:
        return [f.caption for f in self.figures if f.caption]
