"""Metadata of an HTML page, field by field in order of trust (see the package docstring)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache, partial
from itertools import islice
from urllib.parse import urljoin

from bs4 import SoupStrainer

from ..model import Clipping, Page
from . import authors, dates, decks, jsonld, meta, source, titles, visible
from .langs import bcp47
from .tags import Tags
from .textnorm import plain, word_list

FOOTER = re.compile(r"footer|copyright|colophon|legal", re.I)
MAX_FOOTER_LINES = 60
MAX_SHOWN_BYLINES = 20
FOOTER_TAGS = SoupStrainer(["footer", "div", "p", "small", "section"])


def describe_html(page: Page, clipping: Clipping) -> None:
    dom = Tags(page.dom)  # walked once here, not once per lookup below
    ld = jsonld.read(dom, clipping.warnings)
    head = meta.read(dom)
    clipping.url = _url(head, ld)
    named = _named_source(head, ld)
    clipping.source = named or _found_source(dom, clipping, head)
    # What a site rule (clean/sites/) names was chosen by a person for this site: it comes first.
    ruled = clipping.site_fields
    clipping.title = _first(map(plain, ruled.get("title", []))) or _title(dom, clipping, head, ld)
    clipping.subtitle = _first(map(plain, ruled.get("subtitle", []))) or _subtitle(clipping, ld)
    # The author and date fallbacks both read the byline elements: found once, when first needed.
    bylines = cache(partial(visible.bylines, dom))
    # A byline equal to the site's declared name is the house, not a person; a name seen only in
    # the chrome (a personal blog's "© Jane Doe") is no reason to drop its author.
    clipping.authors = authors.names(ruled.get("author", []), named) or _authors(
        dom, clipping, head, ld, named, bylines)
    clipping.date = _first(dates.to_iso(v) or dates.from_text(v) for v in ruled.get("date", [])) \
        or _date(dom, clipping, head, ld, bylines)
    clipping.lang = _first(bcp47(v) for v in (head.html_lang, ld.lang, head.first(meta.LANG_KEYS)))


def _first(values: Iterable[str | None]) -> str | None:
    return next((v for v in values if v), None)


def _url(head: meta.Head, ld: jsonld.Found) -> str | None:
    base = head.base or head.first(meta.URL_KEYS) or ld.url
    for value in (head.canonical, head.first(meta.URL_KEYS), ld.url):
        if not value:
            continue
        value = urljoin(base, value) if base and not re.match(r"https?://", value, re.I) else value
        if re.match(r"https?://[^\s/]+", value, re.I) and len(value) <= 2000:
            return value
    return None


def _named_source(head: meta.Head, ld: jsonld.Found) -> str | None:
    named = _first(plain(v, 120) for v in (head.first(("og:site_name",)), ld.source,
                                           head.first(meta.SOURCE_KEYS)))
    return source.readable(named) if named else None


def _found_source(dom, clipping: Clipping, head: meta.Head) -> str | None:
    title = head.title or head.first(meta.TITLE_KEYS)
    from_title = source.from_title(title, clipping.url)
    if from_title:
        return plain(from_title, 120)
    return source.from_chrome(clipping.chrome + _footer_lines(dom))


def _footer_lines(dom: Tags) -> list[str]:
    lines: list[str] = []
    for tag in dom.find_all(FOOTER_TAGS, limit=5000):
        if tag.name == "footer" or FOOTER.search(" ".join(tag.get("class") or []) +
                                                 " " + str(tag.get("id") or "")):
            lines.extend(s for s in tag.get_text("\n").splitlines() if s.strip())
        if len(lines) > MAX_FOOTER_LINES:
            break
    return lines[:MAX_FOOTER_LINES]


def _title(dom, clipping: Clipping, head: meta.Head, ld: jsonld.Found) -> str | None:
    h1s = visible.h1_texts(dom)
    raw = _first(plain(v) for v in (_ld_title(ld, head), head.first(meta.TITLE_KEYS), head.title,
                                    clipping.headline, *h1s[:1]))
    if raw is None:
        return None
    title = titles.strip_site(raw, clipping.source, clipping.url)
    shown = [text for text in (plain(v) for v in (clipping.headline, *h1s)) if text]
    return titles.prefer_visible(title, shown) or None


def _ld_title(ld: jsonld.Found, head: meta.Head) -> str | None:
    """JSON-LD's headline, or its name when that is what the page's <title> says (some sites
    put a description in ``headline``)."""
    if ld.alt_title and head.title and _covers(ld.alt_title, head.title) > _covers(
            ld.title, head.title):
        return ld.alt_title
    return ld.title


def _covers(text: str | None, title: str) -> float:
    """The share of the words of ``title`` that ``text`` has too."""
    wanted = set(word_list(title))
    return len(wanted & set(word_list(text))) / max(len(wanted), 1)


def _subtitle(clipping: Clipping, ld: jsonld.Found) -> str | None:
    found = (plain(v) for v in (clipping.deck, ld.subtitle))
    return _first(d for d in found if d and not titles.similar(d, clipping.title)
                  and decks.plausible(d, clipping.title, clipping.text))


def _authors(dom, clipping: Clipping, head: meta.Head, ld: jsonld.Found,
             site: str | None, bylines: Callable[[], list[str]]) -> list[str]:
    found = authors.names([p["name"] for p in ld.authors if p["type"] != "Organization"], site)
    found = found or authors.organisations(
        [p["name"] for p in ld.authors if p["type"] == "Organization"], site)
    if found:
        return found
    for key in meta.AUTHOR_KEYS:
        values = head.values.get(key, [])
        if key == "citation_author":  # Highwire writes "Last, First"
            values = [authors.inverted(v) for v in values]
        elif key.startswith("dc"):  # often "Last, First" too; only a one-word surname is safe
            values = [authors.inverted(v, max_surname_words=1) for v in values]
        found = authors.names(values, site)
        if found:
            return found
    for value in islice(_shown_bylines(dom, clipping, bylines), MAX_SHOWN_BYLINES):
        found = authors.names([value], site) if value else []
        if found:
            return found
    return []


def _shown_bylines(dom, clipping: Clipping,
                   bylines: Callable[[], list[str]]) -> Iterator[str | None]:
    """The bylines the page shows, most trusted first, each source read only when reached."""
    yield clipping.byline
    yield from visible.microdata(dom, "author")
    yield from bylines()


def _date(dom, clipping: Clipping, head: meta.Head, ld: jsonld.Found,
          bylines: Callable[[], list[str]]) -> str | None:
    declared = [dates.to_iso(v) for v in (ld.date, *head.all(meta.DATE_KEYS))]
    # <time> comes last and never re-zones a declared date: scripts often render it in the
    # reader's own zone (a UK paper's date saved as "-05:00" in New York).
    shown = [dates.to_iso(v) for v in visible.time_values(dom)]
    found = dates.prefer_local([v for v in declared if v]) or _first(shown)
    if found:
        return found
    return (_first(dates.from_text(v) for v in (clipping.dateline, clipping.byline))
            or _first(dates.from_text(v) for v in bylines()[:3]))
