"""The visible headline, deck, byline and date line, as a reader sees them above the article.

Read before any chrome is removed (they often live in a <header>). These are the describe
stage's last-trust fallback, so a miss is better than a wrong guess: each is None when unsure.
"""

from __future__ import annotations

import re

from lxml import etree

from .hints import SPACES, label, tag_of, text_of
from .phrases import pattern

WORDS = re.compile(r"\w+")
DECK_CLASS = re.compile(r"\b(dek|deck|standfirst|subtitle|sub-title|subheadline|sub-headline|"
                        r"strapline|summary|excerpt|intro|lede|lead|description|teaser-text)\b|"
                        r"(dek|deck|standfirst|subtitle|subheadline|strapline)", re.IGNORECASE)
BYLINE_CLASS = re.compile(r"byline|\bauthor|writer|contributor|reporter", re.IGNORECASE)
NOT_BYLINE = re.compile(r"bio|avatar|image|photo|img|follow|social|twitter|more-by|other",
                        re.IGNORECASE)
DATE_CLASS = re.compile(r"date|time|publish|posted|updated|timestamp", re.IGNORECASE)
HAS_DIGIT = re.compile(r"\d")


def read_masthead(root: etree._Element) -> dict[str, str | None]:
    """{'headline', 'deck', 'byline', 'dateline'}: visible texts, or None when not found."""
    body = root.find("body")
    if body is None:
        return {"headline": None, "deck": None, "byline": None, "dateline": None}
    h1 = _headline(root, body)
    return {
        "headline": text_of(h1) if h1 is not None else None,
        "deck": _deck(body, h1),
        "byline": _byline(body, h1),
        "dateline": _dateline(body, h1),
    }


def _headline(root: etree._Element, body: etree._Element) -> etree._Element | None:
    titles = [t for t in root.xpath("//head/title/text() | //meta[@property='og:title']/@content")
              if t.strip()]
    title_words = {w.lower() for t in titles for w in WORDS.findall(t)}
    best, best_score = None, -1.0
    for index, h1 in enumerate(body.iter("h1")):
        text = text_of(h1)
        if not text or len(text) > 400:
            continue
        words = {w.lower() for w in WORDS.findall(text)}
        overlap = len(words & title_words) / len(words) if words and title_words else 0.0
        score = overlap + (0.5 if _in_article(h1) else 0.0) - index * 0.05
        if score > best_score:
            best, best_score = h1, score
    if best is None:
        found = body.xpath(".//*[@itemprop='headline']")
        best = found[0] if found and text_of(found[0]) else None
    return best


def _in_article(el: etree._Element) -> bool:
    return any(tag_of(a) in ("article", "main") for a in el.iterancestors())


def _near(body: etree._Element, h1: etree._Element | None) -> list[etree._Element]:
    """Elements in the neighbourhood of the headline (or the whole body when there is none)."""
    if h1 is None:
        return list(body.iter(etree.Element))
    area = h1
    for _ in range(3):
        parent = area.getparent()
        if parent is None or parent is body:
            break
        area = parent
    return list(area.iter(etree.Element))


def _deck(body: etree._Element, h1: etree._Element | None) -> str | None:
    for el in _near(body, h1):
        if el is h1 or tag_of(el) in ("a", "img", "body"):
            continue
        if el.get("itemprop") in ("description", "alternativeHeadline") or (
                DECK_CLASS.search(label(el)) and not BYLINE_CLASS.search(label(el))):
            text = text_of(el)
            if 20 <= len(text) <= 400 and tag_of(el) != "time":
                return text
    return None


def _byline(body: etree._Element, h1: etree._Element | None) -> str | None:
    near = _near(body, h1)
    for el in near + list(body.iter(etree.Element)):
        if tag_of(el) in ("meta", "link", "img", "body", "article", "main"):
            continue
        cls = label(el)
        hinted = (el.get("rel") == "author" or el.get("itemprop") == "author"
                  or (BYLINE_CLASS.search(cls) and not NOT_BYLINE.search(cls)))
        if not hinted:
            continue
        text = text_of(el)
        if 3 <= len(text) <= 150 and any(c.isalpha() for c in text):
            return text
    for el in near:
        text = text_of(el)
        if tag_of(el) in ("p", "div", "span") and len(text) < 120 and \
                pattern("html_byline").search(text):
            return text
    return None


def _dateline(body: etree._Element, h1: etree._Element | None) -> str | None:
    near = _near(body, h1)
    for el in near + list(body.iter("time")):
        if tag_of(el) == "time" or (DATE_CLASS.search(label(el)) and tag_of(el) != "body"):
            text = SPACES.sub(" ", el.text_content()).strip()
            if 4 <= len(text) <= 80 and HAS_DIGIT.search(text):
                return text
    return None
