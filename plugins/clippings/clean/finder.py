"""Where the article is: candidate containers scored by the prose they hold.

Readability's idea, kept general: every paragraph-like block gives points (for its length and
its commas) to its parent and, less, to the ancestors above; a container's score is cut by its
link density and moved by class/id hints (data in phrases/). The best container wins, and its
siblings that hold prose too are merged in, because many sites split one article in pieces.
"""

from __future__ import annotations

import re

from lxml import etree

from .hints import class_weight, has_block_child, link_density, tag_of, text_of

PARAGRAPHS = frozenset({"p", "pre", "td", "blockquote"})
LOOSE_TEXT = frozenset({"div", "section", "article", "span", "font", "center", "main", "li"})
TAG_SCORE = {
    "div": 5, "article": 5, "main": 5, "section": 3, "pre": 3, "td": 3, "blockquote": 3,
    "address": -3, "ol": -3, "ul": -3, "dl": -3, "dd": -3, "dt": -3, "li": -3, "form": -3,
    "h1": -5, "h2": -5, "h3": -5, "h4": -5, "h5": -5, "h6": -5, "th": -5,
}
COMMAS = re.compile(r"[,，、،]")
SENTENCE_END = re.compile(r"[.!?。！？\"”’)]\s*$")
MIN_BLOCK = 25
ANCESTOR_LEVELS = 5


def find_article(body: etree._Element) -> list[etree._Element]:
    """The element(s) holding the article, in document order (more than one when it is split).

    Falls back to ``[body]`` when nothing scores."""
    scores = _score(body)
    if not scores:
        return [body]
    final = {el: score * (1 - link_density(el)) for el, score in scores.items()}
    top = max(final, key=final.get)
    top = _promote(top, final, body)
    return _with_siblings(top, final)


def _score(body: etree._Element) -> dict[etree._Element, float]:
    scores: dict[etree._Element, float] = {}
    for el in body.iter(etree.Element):
        tag = tag_of(el)
        if tag in PARAGRAPHS:
            text = text_of(el)
        elif tag in LOOSE_TEXT and not has_block_child(el):
            text = text_of(el)  # text in a bare <div> or <li> reads as a paragraph too
        else:
            continue
        if len(text) < MIN_BLOCK:
            continue
        points = 1 + len(COMMAS.findall(text)) + min(len(text) // 100, 3)
        for level, ancestor in enumerate(el.iterancestors()):
            if level >= ANCESTOR_LEVELS or ancestor is body.getparent():
                break
            if ancestor not in scores:
                scores[ancestor] = TAG_SCORE.get(tag_of(ancestor), 0) + class_weight(ancestor)
            divider = 1 if level == 0 else 2 if level == 1 else level * 3
            scores[ancestor] += points / divider
    return scores


def _promote(top: etree._Element, final: dict[etree._Element, float],
             body: etree._Element) -> etree._Element:
    """Climb to a better container: one shared by several near-best candidates, or a parent
    that scores higher, or a parent the top candidate is the only child of."""
    best = final[top]
    rivals = sorted((el for el in final if el is not top), key=final.get, reverse=True)[:5]
    rivals = [el for el in rivals if final[el] >= best * 0.75]
    if len(rivals) >= 2:
        for ancestor in top.iterancestors():
            if ancestor is body.getparent():
                break
            shared = sum(1 for r in rivals if _contains(ancestor, r))
            if shared >= 2:
                top = ancestor
                break
    last = final.get(top, 0.0)
    parent = top.getparent()
    while parent is not None and parent is not body.getparent():
        if parent not in final:
            parent = parent.getparent()
            continue
        score = final[parent]
        if score < last / 3:
            break
        if score > last:
            top = parent
            break
        last = score
        parent = parent.getparent()
    while (parent := top.getparent()) is not None and parent is not body.getparent() \
            and len(parent) == 1 and tag_of(parent) != "html":
        top = parent
    return top


def _contains(ancestor: etree._Element, el: etree._Element) -> bool:
    return any(a is ancestor for a in el.iterancestors())


def _with_siblings(top: etree._Element, final: dict[etree._Element, float]) -> list[etree._Element]:
    parent = top.getparent()
    if parent is None or tag_of(parent) == "html":
        return [top]
    best = final.get(top, 0.0)
    threshold = max(10.0, best * 0.2)
    top_class = top.get("class")
    chosen = []
    for sibling in parent:
        if not isinstance(sibling.tag, str):
            continue
        if sibling is top:
            chosen.append(sibling)
            continue
        bonus = best * 0.2 if top_class and sibling.get("class") == top_class else 0.0
        if sibling in final and final[sibling] + bonus >= threshold:
            chosen.append(sibling)
        elif tag_of(sibling) == "p" or (tag_of(sibling) in LOOSE_TEXT
                                        and not has_block_child(sibling)):
            text = text_of(sibling)
            density = link_density(sibling, len(text))
            if (len(text) > 80 and density < 0.25) or (
                    0 < len(text) <= 80 and density == 0 and SENTENCE_END.search(text)):
                chosen.append(sibling)
    return chosen
