"""Where the article is: candidate containers scored by the prose they hold.

Readability's idea, kept general: every paragraph-like block gives points (for its length and
its commas) to its parent and, less, to the ancestors above; a container's score is cut by its
link density and moved by class/id hints (data in phrases/). The best container wins, and its
siblings that hold prose too are merged in, because many sites split one article in pieces.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import chain

from bs4 import Tag

from .hints import BLOCK, SPACES, Node, View, attr, class_weight, tag_of

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
# Inline elements whose text is not prose (pruned already when junk; these may remain).
SKIPPED = frozenset({"script", "style", "noscript", "template", "svg", "button", "select"})


class _Scores:
    """Scores by element; bs4 elements hash by their markup, so they are keyed by id()."""

    def __init__(self) -> None:
        self.score: dict[int, float] = {}
        self.element: dict[int, Node] = {}

    def __contains__(self, el: Node) -> bool:
        return id(el) in self.score

    def get(self, el: Node, default: float = 0.0) -> float:
        return self.score.get(id(el), default)

    def __getitem__(self, el: Node) -> float:
        return self.score[id(el)]

    def __setitem__(self, el: Node, value: float) -> None:
        self.score[id(el)] = value
        self.element[id(el)] = el

    def __iter__(self):
        return iter(self.element.values())

    def __bool__(self) -> bool:
        return bool(self.score)


def find_article(view: View, body: Tag) -> list[Node]:
    """The element(s) holding the article, in document order (more than one when it is split).

    Falls back to ``[body]`` when nothing scores."""
    scores = _score(view, body)
    if not scores:
        return [body]
    final = _Scores()
    for el in scores:
        final[el] = scores[el] * (1 - view.link_density(el))
    top = max(final, key=final.get)
    top = _promote(view, top, final, body)
    return _with_siblings(view, top, final)


def _score(view: View, body: Tag) -> _Scores:
    scores = _Scores()
    stop = view.parent(body)
    for el in view.iter(body):
        tag = el.name
        if tag in PARAGRAPHS:
            _give(view, scores, view.text(el), view.ancestors(el), stop)
        elif tag in LOOSE_TEXT:
            if not view.has_block_child(el):
                # text in a bare <div> or <li> reads as a paragraph too
                _give(view, scores, view.text(el), view.ancestors(el), stop)
                continue
            for run in _loose_runs(view, el):
                # text between the blocks of a <div> (lines split by <br>): a paragraph
                # that has no element of its own, so the <div> is its parent
                _give(view, scores, run, chain([el], view.ancestors(el)), stop)
    return scores


def _give(view: View, scores: _Scores, text: str, ancestors: Iterable[Node], stop: Node) -> None:
    """A paragraph's points to its parent and, less, to the ancestors above."""
    if len(text) < MIN_BLOCK:
        return
    points = 1 + len(COMMAS.findall(text)) + min(len(text) // 100, 3)
    for level, ancestor in enumerate(ancestors):
        if level >= ANCESTOR_LEVELS or ancestor is stop:
            break
        if ancestor not in scores:
            scores[ancestor] = TAG_SCORE.get(tag_of(ancestor), 0) + class_weight(ancestor)
        divider = 1 if level == 0 else 2 if level == 1 else level * 3
        scores[ancestor] += points / divider


def _loose_runs(view: View, el: Node) -> Iterator[str]:
    """The runs of text and inline elements between the block children of ``el``."""
    run: list[str] = []
    for node in view.nodes(el):
        if isinstance(node, str):
            run.append(node)
        elif node.name in BLOCK:
            if run:
                yield SPACES.sub(" ", "".join(run)).strip()
                run.clear()
        elif node.name not in SKIPPED:
            run.append(view.raw_text(node))
    if run:
        yield SPACES.sub(" ", "".join(run)).strip()


def _promote(view: View, top: Node, final: _Scores, body: Tag) -> Node:
    """Climb to a better container: one shared by several near-best candidates, or a parent
    that scores higher, or a parent the top candidate is the only child of."""
    stop = view.parent(body)
    best = final[top]
    rivals = sorted((el for el in final if el is not top), key=final.get, reverse=True)[:5]
    rivals = [el for el in rivals if final[el] >= best * 0.75]
    if len(rivals) >= 2:
        for ancestor in view.ancestors(top):
            if ancestor is stop:
                break
            shared = sum(1 for r in rivals if _contains(view, ancestor, r))
            if shared >= 2:
                top = ancestor
                break
    last = final.get(top, 0.0)
    parent = view.parent(top)
    while parent is not None and parent is not stop:
        if parent not in final:
            parent = view.parent(parent)
            continue
        score = final[parent]
        if score < last / 3:
            break
        if score > last:
            top = parent
            break
        last = score
        parent = view.parent(parent)
    while (parent := view.parent(top)) is not None and parent is not stop \
            and len(view.kids(parent)) == 1 and tag_of(parent) != "html":
        top = parent
    return top


def _contains(view: View, ancestor: Node, el: Node) -> bool:
    return any(a is ancestor for a in view.ancestors(el))


def _with_siblings(view: View, top: Node, final: _Scores) -> list[Node]:
    parent = view.parent(top)
    if parent is None or tag_of(parent) == "html":
        return [top]
    best = final.get(top, 0.0)
    threshold = max(10.0, best * 0.2)
    top_class = attr(top, "class")
    chosen = []
    for sibling in view.kids(parent):
        if sibling is top:
            chosen.append(sibling)
            continue
        same = bool(top_class) and attr(sibling, "class") == top_class
        bonus = best * 0.2 if same else 0.0
        if sibling in final and final[sibling] + bonus >= threshold:
            chosen.append(sibling)
        elif same and _best_below(view, sibling, final) + bonus >= threshold \
                and view.link_density(sibling) < 0.3:
            chosen.append(sibling)  # its paragraphs sit too deep to have scored it
        elif tag_of(sibling) == "p" or (tag_of(sibling) in LOOSE_TEXT
                                        and not view.has_block_child(sibling)):
            text = view.text(sibling)
            density = view.link_density(sibling, len(text))
            if (len(text) > 80 and density < 0.25) or (
                    0 < len(text) <= 80 and density == 0 and SENTENCE_END.search(text)):
                chosen.append(sibling)
    return chosen


def _best_below(view: View, el: Node, final: _Scores) -> float:
    return max((final[inner] for inner in view.iter(el) if inner in final), default=0.0)

