"""The visible headline, deck, byline and date line, as a reader sees them above the article.

Read before any chrome is removed (they often live in a <header>). These are the describe
stage's last-trust fallback, so a miss is better than a wrong guess: each is None when unsure.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import chain

from bs4 import Tag

from .hints import View, attr, label, tag_of
from .phrases import pattern, prompt

WORDS = re.compile(r"\w+")
DECK_CLASS = re.compile(r"\b(dek|deck|standfirst|subtitle|sub-title|subheadline|sub-headline|"
                        r"strapline|summary|excerpt|intro|lede|lead|description|teaser-text)\b|"
                        r"(dek|deck|standfirst|subtitle|subheadline|strapline)", re.IGNORECASE)
BYLINE_CLASS = re.compile(r"byline|\bauthor|writer|contributor|reporter", re.IGNORECASE)
NOT_BYLINE = re.compile(r"bio|avatar|image|photo|img|follow|social|twitter|more-by|other",
                        re.IGNORECASE)
DATE_CLASS = re.compile(r"date|time|publish|posted|updated|timestamp", re.IGNORECASE)
HAS_DIGIT = re.compile(r"\d")


def read_masthead(view: View, root: Tag) -> dict[str, str | None]:
    """{'headline', 'deck', 'byline', 'dateline'}: visible texts, or None when not found."""
    body = next((el for el in view.kids(root) if el.name == "body"), None)
    if body is None:
        return {"headline": None, "deck": None, "byline": None, "dateline": None}
    h1 = _headline(view, root, body)
    near = _near(view, body, h1)
    return {
        "headline": view.text(h1) if h1 is not None else None,
        "deck": _deck(view, near, h1),
        "byline": _byline(view, body, near),
        "dateline": _dateline(view, body, near),
    }


def _headline(view: View, root: Tag, body: Tag) -> Tag | None:
    titles = [t for t in _titles(view, root) if t.strip()]
    title_words = {w.lower() for t in titles for w in WORDS.findall(t)}
    best, best_score = None, -1.0
    for index, h1 in enumerate(view.iter(body, ("h1",))):
        text = view.text(h1)
        if not text or len(text) > 400:
            continue
        words = {w.lower() for w in WORDS.findall(text)}
        overlap = len(words & title_words) / len(words) if words and title_words else 0.0
        score = overlap + (0.5 if _in_article(view, h1) else 0.0) - index * 0.05
        if score > best_score:
            best, best_score = h1, score
    if best is None:
        found = next((el for el in view.below(body) if el.get("itemprop") == "headline"), None)
        best = found if found is not None and view.text(found) else None
    return best


def _titles(view: View, root: Tag) -> list[str]:
    """The <title> text in <head> and og:title."""
    found = []
    for el in view.iter(root, ("head", "meta")):
        if el.name == "head":
            found += [s for t in view.kids(el) if t.name == "title" for s in view.nodes(t)
                      if isinstance(s, str)]
        elif el.get("property") == "og:title" and el.get("content") is not None:
            found.append(el.get("content"))
    return found


def _in_article(view: View, el: Tag) -> bool:
    return any(tag_of(a) in ("article", "main") for a in view.ancestors(el))


def _near(view: View, body: Tag, h1: Tag | None) -> list[Tag]:
    """Elements in the neighbourhood of the headline (or the whole body when there is none)."""
    if h1 is None:
        return list(view.iter(body))
    area = h1
    for _ in range(3):
        parent = view.parent(area)
        if parent is None or parent is body:
            break
        area = parent
    return list(view.iter(area))


def _deck(view: View, near: list[Tag], h1: Tag | None) -> str | None:
    for el in near:
        if el is h1 or el.name in ("a", "img", "body"):
            continue
        if el.attrs.get("itemprop") in ("description", "alternativeHeadline") \
                or _deck_label(label(el)):
            text = view.text(el)
            # A "description" box can be a newsletter or subscription prompt: no deck.
            if 20 <= len(text) <= 400 and el.name != "time" and not prompt(text):
                return text
    return None


def _byline(view: View, body: Tag, near: list[Tag]) -> str | None:
    for el in chain(near, view.iter(body)):
        if el.name in ("meta", "link", "img", "body", "article", "main"):
            continue
        attrs = el.attrs
        if not attrs:
            continue  # no class, rel or itemprop to say so
        hinted = (attr(el, "rel") == "author" or attrs.get("itemprop") == "author"
                  or _byline_label(label(el)))
        if not hinted:
            continue
        text = view.text(el)
        if 3 <= len(text) <= 150 and any(c.isalpha() for c in text):
            return text
    byline = pattern("html_byline")
    for el in near:
        if el.name not in ("p", "div", "span"):
            continue
        text = view.text(el)
        if len(text) < 120 and byline.search(text):
            return text
    return None


def _dateline(view: View, body: Tag, near: list[Tag]) -> str | None:
    for el in chain(near, view.iter(body, ("time",))):
        if el.name == "time" or (_date_label(label(el)) and el.name != "body"):
            text = view.text(el)
            if 4 <= len(text) <= 80 and HAS_DIGIT.search(text):
                return text
    return None


# Class/id labels repeat across a page and across pages: each is matched once.
@lru_cache(maxsize=8192)
def _deck_label(text: str) -> bool:
    return bool(DECK_CLASS.search(text)) and not BYLINE_CLASS.search(text)


@lru_cache(maxsize=8192)
def _byline_label(text: str) -> bool:
    return bool(BYLINE_CLASS.search(text)) and not NOT_BYLINE.search(text)


@lru_cache(maxsize=8192)
def _date_label(text: str) -> bool:
    return DATE_CLASS.search(text) is not None
