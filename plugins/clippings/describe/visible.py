"""Metadata shown in the page body: <time datetime>, microdata (itemprop), the <h1>, and the
elements sites use for bylines (rel=author, class "byline" / "author")."""

from __future__ import annotations

import re
from itertools import islice
from typing import Any

from bs4 import SoupStrainer

from .tags import Tags

MAX_BYLINE_CHARS = 200
BYLINE_CLASS = re.compile(r"byline|author|writer|contributor", re.I)
# Class names that contain "author" but are not a byline (author bios, boxes, avatars, links
# lists): skipped so the byline is not a paragraph about the author.
NOT_BYLINE_CLASS = re.compile(r"bio|avatar|image|img|photo|box|about|desc|comment|follow|social|"
                              r"more|card|pic|thumb|label|title|share|list", re.I)
PUBLISHED_HINT = re.compile(r"publish|posted|created|issued|dateline|pubdate|date", re.I)
LATER_HINT = re.compile(r"modif|updat|edit|revis", re.I)
DATE_PROP = SoupStrainer(attrs={"itemprop": re.compile(r"^date(Published|Created)$", re.I)})
REL_ANY = SoupStrainer(rel=True)
BYLINE = SoupStrainer(class_=BYLINE_CLASS)

# Each function takes a parsed page or its Tags listing (describe lists a page's tags once).


def time_values(dom: Any) -> list[str]:
    """``datetime`` values of <time> and microdata date elements, publication dates first."""
    tags = Tags.of(dom)
    first, other, later = [], [], []
    for tag in tags.find_all(DATE_PROP, tags.having("itemprop")):
        value = tag.get("datetime") or tag.get("content")
        if value and tag.name != "meta":
            first.append(str(value))
    for tag in tags.named("time"):
        value = tag.get("datetime") or (tag.get_text(" ") if tag.has_attr("pubdate") else None)
        if not value:
            continue
        hints = _hints(tag)
        if LATER_HINT.search(hints) and not re.search(r"publish", hints, re.I):
            later.append(str(value))
        elif PUBLISHED_HINT.search(hints):
            first.append(str(value))
        else:
            other.append(str(value))
    return first + other + later


def _hints(tag: Any) -> str:
    """Class names and attributes of a <time> and its three nearest ancestors."""
    parts = ["pubdate" if tag.has_attr("pubdate") else "", str(tag.get("itemprop") or "")]
    for node in [tag, *islice(tag.parents, 3)]:
        parts.extend(node.get("class") or [])
    return " ".join(parts)


def microdata(dom: Any, prop: str) -> list[str]:
    """Texts of non-<meta> elements with ``itemprop=prop`` (a nested itemprop=name preferred)."""
    tags = Tags.of(dom)
    wanted = SoupStrainer(attrs={"itemprop": re.compile(rf"(^|\s){prop}(\s|$)", re.I)})
    values = []
    for tag in tags.find_all(wanted, tags.having("itemprop")):
        if tag.name == "meta":
            continue
        named = tag.find(attrs={"itemprop": re.compile(r"^name$", re.I)})
        source = named if named is not None else tag
        text = source.get("content") or source.get_text(" ")
        text = " ".join(str(text).split())
        if text and len(text) <= MAX_BYLINE_CHARS:
            values.append(text)
    return values


def h1_texts(dom: Any) -> list[str]:
    texts = []
    for h1 in Tags.of(dom).named("h1"):
        text = " ".join(h1.get_text(" ").split())
        if text:
            texts.append(text)
    return texts


def bylines(dom: Any) -> list[str]:
    """Texts of rel=author links and byline-like elements, in page order, short ones only."""
    tags = Tags.of(dom)
    texts: list[str] = []
    for tag in tags.find_all(REL_ANY, tags.having("rel")):
        if "author" in [r.lower() for r in tag.get("rel") or []]:
            _add(texts, tag)
    for tag in tags.find_all(BYLINE, tags.having("class")):
        classes = " ".join(tag.get("class") or [])
        if NOT_BYLINE_CLASS.search(classes) or tag.name in ("body", "html", "article", "main"):
            continue
        _add(texts, tag)
    return texts


def _add(texts: list[str], tag: Any) -> None:
    text = " ".join(tag.get_text(" ").split())
    if text and len(text) <= MAX_BYLINE_CHARS and text not in texts:
        texts.append(text)
