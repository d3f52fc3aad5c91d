"""Where a name stands in its text: the words around a mention that say "place" ("in X", "the
port of X", "X, Texas", "from X to Y", "X and Y counties") and the lists it is part of ("Tempe,
Chandler and Gilbert"). Shared by the rules that decide what a name is (repair.py, evidence.py).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache
from typing import Protocol

from . import places
from .data import table, word_set


class Named(Protocol):
    """A name found in the text: where it is and what it is taken for so far."""

    start: int
    end: int
    kind: str


def occurrences(text: str, name: str) -> list[tuple[int, int]]:
    """(start, end) of every place the text writes ``name`` as a whole word (a possessive may
    follow: "Vogt's"; a hyphen may not: "Vogt-Lund"). One-word names are looked up in an index
    of the text built once, so that a page of thousands of names is not read once per name."""
    if _RUN.fullmatch(name):
        return [(start, start + len(name)) for start in _runs(text).get(name, ())]
    return [m.span() for m in re.finditer(rf"(?<![\w'’-]){re.escape(name)}(?![\w-])", text)]


_RUN = re.compile(r"[\w'’-]+")


@lru_cache(maxsize=4)  # the text being tagged; a few, for the rare caller with several at once
def _runs(text: str) -> dict[str, list[int]]:
    """Where each run of word characters, apostrophes and hyphens starts, filed under the run
    and under each part of it before an apostrophe ("Vogt's" under "Vogt's" and "Vogt")."""
    index: dict[str, list[int]] = {}
    for m in _RUN.finditer(text):
        run, start = m.group(), m.start()
        index.setdefault(run, []).append(start)
        for i, ch in enumerate(run):
            if ch in "'’" and i:
                index.setdefault(run[:i], []).append(start)
    return index


def word_before(text: str, start: int) -> str:
    """The word before ``start``; a two-word preposition ("according to") as one."""
    before = text[max(0, start - 30):start].split()
    if not before:
        return ""
    for n in (3, 2):
        pair = " ".join(before[-n:]).lower()
        if len(before) >= n and pair in word_set("compound_prepositions"):
            return pair
    return before[-1]


def after_the(text: str, start: int) -> int:
    """Where the name's phrase starts: before a "the" ("moved to the West")."""
    return start - 4 if text[max(0, start - 4):start].lower() == "the " else start


_PLACE_NOUN_OF = re.compile(r"\b([A-Za-z]+)\s+of\s+$")


def place_noun_of_before(text: str, start: int) -> bool:
    """ "the port of X", "the province of X"."""
    m = _PLACE_NOUN_OF.search(text[max(0, start - 30):start])
    return bool(m) and m.group(1).lower() in word_set("place_nouns")


# "X is a small town in", "X, the capital of", "X lies in the province of", "X, the U.S. military
# operation against": the text says what X is. The noun must end its phrase ("a town
# councillor" says nothing of a place).
_DEFINED = re.compile(
    r"(?:,\s+|:\s+|\s+(?:is|was)\s+(?:both\s+)?)(?:a|an|the)\s+"
    r"(?:(?:[a-z\-]+|(?:[A-Z]\.)+)\s+){0,3}?([a-z]+)"  # up to three modifiers ("U.S. military")
    r"(?=\s+(?:in|on|of|near|off|out|from|for|against|with|by|at|to|north|south|east|west)\b"
    r"|\s*[,.;:]|\s+(?:that|which|where)\b)"
    r"|\s+(?:is|was|lies)\s+(?:located\s+|situated\s+)?(?:in|on)\s+the\s+(?:[a-z]+\s+)?"
    r"([a-z]+)\s+of\b")


def defined_as_place(text: str, end: int) -> bool:
    """Whether the text right after a name says it is a place: "Kolvamo is a town in ...",
    "Kolvamo, the capital of ...", "Kolvamo: the biggest island out of ...", "Kolvamo is in
    the province of ..."."""
    return defined_as(text, end) in word_set("place_nouns")


def defined_as(text: str, end: int) -> str:
    """The noun the text right after a name says it is ("Kolvamo, a town in ..." → "town",
    "Tessaly, the U.S. military operation," → "operation"), or ""."""
    m = _DEFINED.match(text, end, end + 80)
    return (m.group(1) or m.group(2)) if m else ""


_NOUN_AFTER = re.compile(r"[ ]([a-z]+)\b")


def noun_after(text: str, end: int) -> str:
    """The lower-case word right after the name ("counties", "prison", "administration"), or
    "" when none follows."""
    m = _NOUN_AFTER.match(text, end)
    return m.group(1) if m else ""


def plural_place_noun_after(text: str, end: int) -> bool:
    """ "... Kalamazoo and Van Buren counties"."""
    return noun_after(text, end) in word_set("place_nouns_plural")


_POSSESSIVE_AFTER = re.compile(r"['’]s?\b")


def possessive_after(text: str, end: int) -> bool:
    return _POSSESSIVE_AFTER.match(text, end) is not None


# ", Texas", ", D.C.", ", Japan": what follows a town named with its region or country.
_REGION_AFTER = re.compile(r",\s*([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)")
REGION_KINDS = {"country", "state", "province"}


def region_after(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` is followed by ", <country, state or province>"."""
    m = _REGION_AFTER.match(text, end)
    if m is None:
        return False
    for name in (m.group(1), m.group(1).split()[0]):
        if name in table("place_aliases"):  # "D.C.", "U.K.": short forms of regions
            return True
        found = places.lookup(places.canonical(name.rstrip(".")))
        if found is not None and found.kind in REGION_KINDS:
            return True
    return False


# "from X to Y", "from Y to X", "between X and Y", "via X": a route names places.
_ROUTE_BEFORE = re.compile(
    r"(?:\b(?P<open>[Ff]rom|[Bb]etween)|\bvia|\bfrom\s+[A-Z][\w'’\-]*(?:\s[A-Z][\w'’\-]*)?"
    r"\s+to)\s+$")
_ROUTE_AFTER = re.compile(r"\s+(?:to|and)\s+[A-Z]")


def on_a_route(text: str, start: int, end: int) -> bool:
    m = _ROUTE_BEFORE.search(text[max(0, start - 50):start])
    if m is None:
        return False
    # "from Smith" alone is no route: it needs its other end ("from Kolvamo to Tessaly").
    return m.group("open") is None or _ROUTE_AFTER.match(text, end) is not None


# What joins the items of a list of places: "Exeter, Devon"; "Tempe, Chandler and Gilbert".
_LIST_GLUE = re.compile(r"\s*(?:,|;|/|&)?\s*")
_LIST_END = re.compile(r"\s*,?\s*(?:and|or|&)\s+")
_CLAUSE_END = re.compile(r"\s*(?:[,;.()\n]|$|(?:and|or)\b)")


class Lists:
    """The names of a text in order, to ask which stand in a list with which. Built once per
    pass; the names' kinds are read when asked, so a pass may change them as it goes."""

    REACH = 8  # names looked at on each side: overlapping spans put a few between neighbours

    def __init__(self, names: Iterable[Named]) -> None:
        self.names = sorted(names, key=lambda n: n.start)
        self.starts = [n.start for n in self.names]

    def listed_with(self, text: str, c: Named, kind: str, *, comma_after: bool = True) -> bool:
        """Whether c stands in a list with a place (or person) next to it."""
        return any(self.sides(text, c, kind, comma_after=comma_after))

    def sides(self, text: str, c: Named, kind: str, *,
              comma_after: bool = True) -> tuple[bool, bool]:
        """Whether c is listed with one of ``kind`` before it, and after it (c itself need not
        be among the names). After a comma the list must go on or end there: in "Born in
        England, Norton spent..." Norton starts a clause. Without ``comma_after``, only
        "and"/"or" joins c to a name after it ("after Easter, Bassi and his crew": a clause)."""
        i = bisect_left(self.starts, c.start)
        prev = next((p for p in reversed(self.names[max(0, i - self.REACH):i])
                     if p is not c and p.end <= c.start), None)
        j = bisect_left(self.starts, c.end)
        nxt = next((n for n in self.names[j:j + self.REACH] if n is not c and n.start >= c.end),
                   None)
        before = after = False
        if prev is not None and prev.kind == kind:
            between = text[prev.end:c.start]
            before = bool(_LIST_END.fullmatch(between) or (
                _LIST_GLUE.fullmatch(between) and "," in between
                and _CLAUSE_END.match(text, c.end)))
        if nxt is not None and nxt.kind == kind:
            between = text[c.end:nxt.start]
            after = bool(_LIST_END.fullmatch(between) or (
                comma_after and "," in between and _LIST_GLUE.fullmatch(between)))
        return before, after


def line_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the line holding text[start:end] starts and ends (its line break not counted)."""
    line_end = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, len(text) if line_end < 0 else line_end


def written_lower(text: str, word: str) -> bool:
    """Whether the text also writes the word in lower case, as a word of its own."""
    lower = word.lower()
    if lower == word:
        return False
    if _TOKEN.fullmatch(lower):
        return lower in _tokens(text)
    return re.search(rf"(?<![\w'’]){re.escape(lower)}(?![\w'’])", text) is not None


_TOKEN = re.compile(r"[\w'’]+")


@lru_cache(maxsize=4)  # the text being tagged, asked of one word after another
def _tokens(text: str) -> frozenset[str]:
    return frozenset(_TOKEN.findall(text))
