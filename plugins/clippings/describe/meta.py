"""Metadata in the document head: <meta> tags (OpenGraph, Twitter, Dublin Core, Highwire
``citation_*``, Parse.ly, Sailthru, itemprop), <link rel=canonical>, <html lang> and <title>.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from bs4 import SoupStrainer

from .tags import Tags

MAX_VALUE_CHARS = 2_000

# Keys per field, most trusted first. Keys are lower-cased; "dc.", "dc:" and "dcterms." spellings
# are all looked up because sites use each.
TITLE_KEYS = ("dc.title", "dcterms.title", "og:title", "citation_title", "parsely-title",
              "sailthru.title", "twitter:title", "headline", "title")
AUTHOR_KEYS = ("citation_author", "parsely-author", "sailthru.author", "dc.creator",
               "dcterms.creator", "author", "article:author", "byl", "byline", "og:article:author")
DATE_KEYS = ("article:published_time", "og:article:published_time", "article:published",
             "datepublished", "citation_publication_date", "citation_date",
             "citation_online_date", "dc.date.issued", "dcterms.issued", "dc.date.created",
             "dcterms.created", "dc.date", "dcterms.date", "parsely-pub-date", "sailthru.date",
             "pubdate", "publishdate", "publish-date", "publish_date", "date", "article.published",
             "og:published_time", "datecreated")
SOURCE_KEYS = ("og:site_name", "application-name", "citation_journal_title", "citation_publisher",
               "dc.publisher", "dcterms.publisher", "publisher", "apple-mobile-web-app-title")
URL_KEYS = ("og:url", "twitter:url", "parsely-link", "citation_abstract_html_url")
LANG_KEYS = ("content-language", "dc.language", "dcterms.language", "language", "inlanguage",
             "og:locale")


@dataclass
class Head:
    """Every <meta> value by lower-cased key (name, property or itemprop), in page order."""

    values: dict[str, list[str]] = field(default_factory=dict)
    canonical: str | None = None
    base: str | None = None
    html_lang: str | None = None
    title: str | None = None  # the document's <title>

    def first(self, keys: tuple[str, ...]) -> str | None:
        for key in keys:
            for value in self.values.get(key, ()):
                if value:
                    return value
        return None

    def all(self, keys: tuple[str, ...]) -> list[str]:
        return [value for key in keys for value in self.values.get(key, ()) if value]


_LINK = SoupStrainer("link", href=True)
_BASE = SoupStrainer("base", href=True)


def read(dom: Any) -> Head:
    """The head's metadata; ``dom`` is a parsed page or its Tags listing."""
    tags = Tags.of(dom)
    head = Head()
    for tag in tags.named("meta"):
        content = tag.get("content")
        if content is None:
            continue
        content = " ".join(str(content)[:MAX_VALUE_CHARS].split())
        for attr in ("name", "property", "itemprop", "http-equiv"):
            for key in str(tag.get(attr) or "").lower().split():
                head.values.setdefault(_key(key), []).append(content)
    _parsely_page(head)
    for link in tags.find_all(_LINK, tags.named("link")):
        rels = [r.lower() for r in (link.get("rel") or [])]
        if "canonical" in rels and head.canonical is None:
            head.canonical = str(link["href"]).strip()
    base = tags.find_all(_BASE, tags.named("base"), limit=1)
    head.base = str(base[0]["href"]).strip() if base else None
    html = tags.named("html")
    if html:
        head.html_lang = str(html[0].get("lang") or html[0].get("xml:lang") or "").strip() or None
    head.title = document_title(tags)
    return head


def document_title(dom: Any) -> str | None:
    """The page's own <title>, not one inside an inline <svg> icon."""
    for title in Tags.of(dom).named("title"):
        if title.find_parent("svg") is None:
            text = " ".join(title.get_text(" ").split())
            if text:
                return text
    return None


def _key(key: str) -> str:
    # "DC.Title", "dc:title", "DCTERMS.title" → one spelling per vocabulary.
    return re.sub(r"^(dc|dcterms)[:.]", r"\1.", key)


def _parsely_page(head: Head) -> None:
    """Parse.ly's older ``parsely-page`` meta holds a JSON object with title, author and date."""
    for raw in head.values.get("parsely-page", ()):
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        if not isinstance(data, dict):
            continue
        for key, name in (("title", "parsely-title"), ("author", "parsely-author"),
                          ("pub_date", "parsely-pub-date"), ("link", "parsely-link")):
            if isinstance(data.get(key), str):
                head.values.setdefault(name, []).append(data[key])
