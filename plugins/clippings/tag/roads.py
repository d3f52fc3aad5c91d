"""Roads named by their numbers: "I-44", "US-75", "Route 66", "Highway 101", and, where the
text shows it is speaking of roads, "the M1", "the A64" (UK and European numbering). The model
tags them as products or organisations, or cuts them ("I" alone); they are places.

A bare letter and number is as often an aircraft, a chip or a planet ("the A350", "the M1
chip", "SR388"): it is a road only after "the" with a road word right after it ("the A64
eastbound", "the (M2) highway"; data/road_words.txt), and then every other "the <number>" of
that text is a road too ("take the M1 ... the A59 and the M62"), as is every "US 169" or "SR 51"
of a text that names a road.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from .cache import Span
from .data import words

# Always a road: a number after a word that says so, or an Interstate or US route's prefix.
_NAMED = re.compile(
    r"\b(?:(?:Interstate|Highway|Hwy\.?|Route|State Route|U\.S\. Route|Motorway|Freeway)\s+"
    r"\d{1,4}[A-Z]?|(?:I|US)-\d{1,3}[A-Z]?)\b(?![\w-]| forms?\b| visas?\b)")
# A road only where the text speaks of roads: "the A64", "US 169", "the M1".
_BARE = re.compile(r"(?<![\w/-])(?:[AMBN]\d{1,4}(?:\(M\)|M)?|US \d{1,3}|SR[- ]\d{1,3})\b(?![\w-])")
_THE_BEFORE = re.compile(r"(?:\bthe|\()\s*$", re.IGNORECASE)
_LISTED_BEFORE = re.compile(r"(?:,|\band|\bor|&)\s*$")
_NEXT_WORDS = re.compile(r"\)?\s*((?:[A-Za-z]+\s*){1,3})")


@cache
def _road_words() -> frozenset[str]:
    return frozenset(w.lower() for w in words("road_words"))


def road_spans(text: str, spans: Sequence[Span]) -> tuple[list[Span], list[Span]]:
    """ROAD spans for the roads of the text, and the model's spans without what overlaps them
    ("I" of "I-44" tagged ORG, "A64" tagged PRODUCT)."""
    found = [m.span() for m in _NAMED.finditer(text)]
    bare = list(_BARE.finditer(text))
    said = {m.group() for m in bare if _said_to_be_a_road(text, m.start(), m.end())}
    if found or said:
        found += [m.span() for m in bare if m.group() in said or m.group()[:1] in "US" or (
            _THE_BEFORE.search(text, max(0, m.start() - 5), m.start())) or (
            _LISTED_BEFORE.search(text, max(0, m.start() - 5), m.start()))]
    roads = sorted(set(found))
    return [(s, e, "ROAD") for s, e in roads], [
        piece for span in spans for piece in _outside(text, span, roads)]


def _outside(text: str, span: Span, roads: list[tuple[int, int]]) -> list[Span]:
    """The parts of a model span that are no road: "US 169 (Mingo Valley Expressway" keeps
    "Mingo Valley Expressway"."""
    start, end, label = span
    pieces = [(start, end)]
    for r_start, r_end in roads:
        if r_start < end and start < r_end:
            pieces = [p for a, b in pieces
                      for p in ((a, min(b, r_start)), (max(a, r_end), b)) if p[0] < p[1]]
    out = []
    for a, b in pieces:
        core = text[a:b]
        lead = len(core) - len(core.lstrip(" ([-–,"))
        a, b = a + lead, a + len(core.rstrip(" )]-–,"))
        if b - a > 1:
            out.append((a, b, label))
    return out


def _said_to_be_a_road(text: str, start: int, end: int) -> bool:
    """ "the A64 eastbound", "the (M2) highway"."""
    if not _THE_BEFORE.search(text, max(0, start - 6), start):
        return False
    m = _NEXT_WORDS.match(text, end)
    return m is not None and any(w.lower() in _road_words() for w in m.group(1).split())
