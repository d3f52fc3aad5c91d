"""Places the model left untagged: a name the gazetteer knows right after a word that says
"place" ("born in Randers", "moved south to Vichy", "flights from Sana'a"), the name of a
country, state or continent anywhere ("the Protector of Peru", "Chile (30 days)"), and a name
whose last word says "place" ("buried in the Montparnasse Cemetery", "on Caldwell Street")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import nested, places
from .cache import Span
from .context import line_around, region_after
from .data import word_set
from .occupied import Occupied

# On one line, or wrapped once: not "Get in" as a heading and the next paragraph's first word.
_AFTER_PREPOSITION = re.compile(
    r"\b(in|near|from|to|into|outside|via|across|through)(?:[ \t]+|[ \t]*\n[ \t]*)"
    r"([A-Z][\w'’\-]*[\w](?:\s+[A-Z][\w'’\-]*[\w]){0,2})")


def untagged_places(text: str, spans: Sequence[Span]) -> list[Span]:
    """GPE spans for known places after a place preposition that no model span touches."""
    taken = Occupied(len(text), ((s, e) for s, e, _ in spans))
    headline = _Headlines(text)
    out: list[Span] = []
    for m in _AFTER_PREPOSITION.finditer(text):
        if headline.at(m.start()):
            continue  # "Last Chance to Buy ...": every word capitalised, none a name for it
        start = m.start(2)
        words = m.group(2).split()
        for size in range(len(words), 0, -1):  # the longest known prefix
            name = " ".join(words[:size])
            end = start + len(name)
            if text[start:end] != name:
                continue  # words split by a line break: no name
            if _known(name) and not taken.overlaps(start, end):
                out.append((start, end, "GPE"))
                taken.take(start, end)
                break
    # "supplies for the West", "across the Midwest": a direction as a region, after "the" in
    # the middle of a sentence, no name going on after it ("the West Bank", "the North Face").
    for m in _THE_DIRECTION.finditer(text):
        start, end = m.span(1)
        if m.group(1).lower() in word_set("direction_words") and not taken.overlaps(start, end):
            out.append((start, end, "LOC"))
    # "the Siege of Savannah", "the Battle of Chudnov": where an event named for its place was.
    out.extend((start, end, "SITE") for start, end in nested.places_of_events(text, 0, len(text))
               if not taken.overlaps(start, end))
    # "the Calvary Church of Santa Ana, California": a known town before its state or country.
    for m in _BEFORE_REGION.finditer(text):
        start, end = m.span(1)
        if not taken.overlaps(start, end) and _known(m.group(1)) and region_after(text, end):
            out.append((start, end, "GPE"))
    return out


_THE_DIRECTION = re.compile(r"(?<=[a-z,] )the ([A-Z][a-z]+)(?![\w'’-])(?!\s+[A-Z0-9])")
_BEFORE_REGION = re.compile(r"(?<![\w'’.-])([A-Z][\w'’\-]*[\w](?:[ ][A-Z][\w'’\-]*[\w]){0,2}),")


_WORD = re.compile(r"[^\W\d_]{4,}")


class _Headlines:
    """Whether a position is on a line that capitalises (nearly) every longer word, as
    headlines do; each line judged once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._lines: dict[int, bool] = {}  # line start → title case

    def at(self, pos: int) -> bool:
        start, end = line_around(self.text, pos, pos)
        if start not in self._lines:
            words = _WORD.findall(self.text[start:end])
            self._lines[start] = len(words) >= 3 and sum(
                w[0].isupper() for w in words) >= 0.8 * len(words)
        return self._lines[start]


# Kinds of place whose name is that place wherever it stands (a town's name is often a surname).
_REGION_KINDS = {"country", "state", "continent"}
_CAPITALISED_RUN = re.compile(r"(?<![\w'’.-])[A-Z][\w'’\-]*[\w](?:[ ][A-Z][\w'’\-]*[\w]){0,2}")


def untagged_regions(text: str, spans: Sequence[Span]) -> list[Span]:
    """GPE spans for country, state and continent names that no model span touches."""
    taken = Occupied(len(text), ((s, e) for s, e, _ in spans))
    out: list[Span] = []
    for m in _CAPITALISED_RUN.finditer(text):
        if _GLUED_AFTER.match(text, m.end()):
            continue
        words = m.group().split(" ")
        for size in range(len(words), 0, -1):
            name = " ".join(words[:size])
            start, end = m.start(), m.start() + len(name)
            if taken.overlaps(start, end):
                break
            found = places.lookup(places.canonical(name)) if _known(name) else None
            if found is not None and found.kind in _REGION_KINDS and not (
                    _a_postal_code(name, found) and text[max(0, start - 2):start] != ", "):
                out.append((start, end, "GPE"))
                break
    return out


def _a_postal_code(name: str, found: places.Gazetted) -> bool:
    """ "OK", "PA": a state's postal code, a state only after a town ("Tulsa, OK"), not in
    "HTTP/1.1 200 OK"."""
    return found.kind == "state" and len(name) == 2 and name.isupper()


_GLUED_AFTER = re.compile(r"[\w'’-]")


def _known(name: str) -> bool:
    if name in word_set("given_names") or name.lower() in word_set("english_function_words"):
        return False
    return places.is_known(places.canonical(name))


_SITE = re.compile(r"(?<![\w'’.-])((?:[A-Z][\w'’\-]*[\w][ ]){1,3}([A-Z][a-z]+))(?![\w'’-])")


def untagged_sites(text: str, spans: Sequence[Span]) -> list[Span]:
    """FAC spans for capitalised names ending in a word that makes them a place (data/
    place_heads.txt: "Cemetery", "Street", "Airport") that no model span touches; not on
    headline lines, where every word is capitalised."""
    taken = Occupied(len(text), ((s, e) for s, e, _ in spans))
    heads = word_set("place_heads")
    headline = _Headlines(text)
    out: list[Span] = []
    for m in _SITE.finditer(text):
        if m.group(2) not in heads:
            continue
        start, end = m.span(1)
        first = m.group(1).split(" ", 1)[0]
        if first.lower() in word_set("english_function_words"):
            start += len(first) + 1  # "The Vogt Cemetery": the name is after "The"
        if headline.at(start) or start >= end or " " not in text[start:end] or taken.overlaps(
                start, end):
            continue
        out.append((start, end, "FAC"))
    return out
