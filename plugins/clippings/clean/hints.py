"""What an element's class, id and text hint at, from the phrase lists in phrases/html_*.txt."""

from __future__ import annotations

import re

from lxml import etree

from .phrases import pattern

SPACES = re.compile(r"\s+")
# Block-level elements: their text never runs on into a neighbour's.
BLOCK = frozenset(
    ["address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt", "fieldset",
     "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
     "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot", "th",
     "thead", "tr", "ul", "center"]
)
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def label(el: etree._Element) -> str:
    """The class and id of an element as one string, for the class/id hint patterns."""
    return f"{el.get('class') or ''} {el.get('id') or ''}".strip()


def matches(name: str, el: etree._Element) -> bool:
    text = label(el)
    return bool(text) and pattern(name).search(text) is not None


def class_weight(el: etree._Element) -> int:
    """Readability's class weight: +25 for body-like names, -25 for chrome-like ones."""
    text = label(el)
    if el.get("itemprop") in ("articleBody", "text"):
        return 50
    if not text:
        return 0
    weight = 0
    if pattern("html_negative").search(text):
        weight -= 25
    if pattern("html_positive").search(text):
        weight += 25
    return weight


def text_of(el: etree._Element) -> str:
    return SPACES.sub(" ", el.text_content()).strip()


def link_density(el: etree._Element, text_length: int | None = None) -> float:
    length = len(text_of(el)) if text_length is None else text_length
    if not length:
        return 0.0
    linked = sum(len(SPACES.sub(" ", a.text_content()).strip()) for a in el.iter("a"))
    return min(1.0, linked / length)


def tag_of(el: etree._Element) -> str:
    return el.tag.lower() if isinstance(el.tag, str) else ""


def has_block_child(el: etree._Element) -> bool:
    return any(tag_of(child) in BLOCK for child in el)
