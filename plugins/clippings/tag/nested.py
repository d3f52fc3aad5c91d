"""Places and people named inside the name of something else: "the University of California at
Berkeley" (California, Berkeley), "the Hebrew University of Jerusalem", "Kyoto University", "the
Cannes Film Festival", "the Battle of Waterloo", "Earl of Clare"; "the George Washington Bridge",
"Madame Tussauds Museum". The organisation, event or building is not a place or a person; the
place or person inside its name is a mention of that place or person."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from . import names, places
from .data import word_set

# Words after which a capitalised run inside a name is where the thing is or what it is of.
_LINKS = {"of", "at", "in", ","}
_WORD = re.compile(r"[^\s,()\"“”]+|,")
# Cities this big are places at the head of a name without an institution word ("the Chicago
# White Sox"); smaller ones there are often firms named after a town ("Toyota Motors"). Before a
# team's plural ("the Tampa Bay Rays", "the Altoona Curve" aside) a city of TEAM_CITY will do.
BIG_CITY = 1_000_000
TEAM_CITY = 100_000


def places_within(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the gazetteer-known places inside the name text[start:end]."""
    words = [(m.start() + start, m.end() + start, m.group())
             for m in _WORD.finditer(text[start:end])]
    found: list[tuple[int, int]] = []
    for i, run in _capital_runs(words):
        before = words[i - 1][2] if i > 0 else None
        if before in ("the", "The") and i > 1:  # "the Society of the Cincinnati"
            before = words[i - 2][2]
        if before in _LINKS:
            span = _longest_known(run, from_end=True)
        elif i == 0:
            span = _longest_known(run, from_end=False)
            rest = [w for w in words if w[0] >= span[1]] if span else []
            if span and not (rest and _place_led(text, span, rest)):
                span = None
        else:
            span = None
        if span:
            found.append(span)
    return found


def _capital_runs(words: list[tuple[int, int, str]]) -> Iterator[
        tuple[int, list[tuple[int, int, str]]]]:
    i = 0
    while i < len(words):
        if words[i][2][:1].isupper():
            j = i
            while j < len(words) and words[j][2][:1].isupper():
                j += 1
            yield i, words[i:j]
            i = j
        else:
            i += 1


def _longest_known(run: list[tuple[int, int, str]], *, from_end: bool) -> tuple[int, int] | None:
    """The longest stretch of the run, anchored at its end (or start), that names a place."""
    n = len(run)
    for size in range(n, 0, -1):
        piece = run[n - size:] if from_end else run[:size]
        last = piece[-1][2].removesuffix("'s").removesuffix("’s")
        name = " ".join([*(w for _, _, w in piece[:-1]), last])
        if _is_place_word(name):
            return piece[0][0], piece[-1][0] + len(last)
    return None


def _is_place_word(name: str) -> bool:
    if any(w in word_set("org_heads") for w in name.split()):
        return False
    return places.is_known(places.canonical(name))


def _place_led(text: str, span: tuple[int, int], rest: list[tuple[int, int, str]]) -> bool:
    """A known place at the head of a name: only before an institution word, or a country,
    region or big city ("Chicago White Sox"), not a town a firm is named after."""
    rest_words = [w for _, _, w in rest]
    if any(w in word_set("institution_heads") for w in rest_words):
        return True
    # One more capitalised word may be a surname ("Paris Hilton"); a plural is a team, and a
    # word such as "Press" or "Times" an organisation ("the New York Press").
    if len(rest_words) < 2 and not rest_words[-1].endswith("s") and (
            rest_words[-1] not in word_set("org_heads")):
        return False
    found = places.lookup(places.canonical(text[span[0]:span[1]]))
    if found is None or found.kind == "other-name":  # "Hang" (Seng Index) of Hangzhou
        return False
    last = rest_words[-1].removesuffix("'s").removesuffix("’s")
    name = text[span[0]:span[1]]
    plural = last.endswith("s") or (last.endswith("x") and len(rest_words) > 1)  # "Red Sox"
    a_team = (plural and not last.endswith("ss") and last not in word_set(
        "org_heads") and all(w[:1].isupper() for w in rest_words) and len(name) > 3
        and not name.isupper())  # not "San Franciscans", "Commonwealth of Nations", "DC Comics"
    # A province or region of two words is no firm's town ("the New York Press"); one word may
    # be ("Meta", "Centre", "Falcon" are provinces too).
    large = found.kind in {"country", "state", "continent"} or (
        found.kind in {"province", "region"} and " " in name)
    return large or found.population >= (TEAM_CITY if a_team else BIG_CITY)


_NAME_WORD = re.compile(r"[A-Z][\w'’.\-]*")
_POSSESSIVE_END = re.compile(r"['’]s?$")  # "the Ada Quill Bridge's span"


def people_within(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the person a building, street or institution is named after, at the
    head of its name: a common given name and a surname ("the George Washington Bridge", "Ada
    Quill Community Center") or a title and a name ("Madame Tussauds Museum", "Sheikh Lotfollah
    Mosque"), before the word that says what the thing is. Not a known place ("St. Louis
    Airport") and nothing but a title ("Queen Street")."""
    words = [(m.start() + start, m.end() + start, m.group())
             for m in _WORD.finditer(text[start:end])]
    if words and words[0][2] in ("the", "The"):
        words = words[1:]
    cut = next((i for i, w in enumerate(words)
                if i and _POSSESSIVE_END.sub("", w[2]) in _what_it_is()), None)
    if cut is None or not 2 <= cut <= 4 or not all(_NAME_WORD.fullmatch(w[2]) for w in words[:cut]):
        return []
    name_start, name_end = words[0][0], words[cut - 1][1]
    name = _POSSESSIVE_END.sub("", text[name_start:name_end])
    name_end = name_start + len(name)
    if places.is_known(places.canonical(name)):
        return []
    titled = words[0][2] in word_set("honorifics") and not any(
        w[2] in word_set("honorifics") for w in words[1:cut])
    return [(name_start, name_end)] if titled or names.looks_like_person(name) else []


@cache
def _what_it_is() -> frozenset[str]:
    """The words that end a building's, street's or institution's name and say what it is."""
    return word_set("facility_heads") | word_set("place_heads") | word_set("institution_heads")


_EVENT_OF = re.compile(
    r"\b([A-Z][a-z]+) of (?:the )?([A-Z][\w'’\-]*[\w])( [A-Z][\w'’\-]*[\w])?(?![\w'’-])")


def places_of_events(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the places events are named for in text[start:end], known to a gazetteer
    or not: "the Siege of Savannah", "the Battle of Chudnov" (data/events_of_places.txt). One
    word, or two that name a known place ("the Sack of Santa Cruz"; not "Waitangi Claims")."""
    out = []
    for m in _EVENT_OF.finditer(text, start, end):
        if m.group(1) not in word_set("events_of_places"):
            continue
        two = m.group(3) is not None and places.is_known(places.canonical(
            m.group(2) + m.group(3)))
        out.append((m.start(2), m.end(3) if two else m.end(2)))
    return out
