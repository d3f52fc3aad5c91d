"""From spaCy's raw entity spans to person / place candidates: trim each span to the name
itself, drop organisations, events and nationalities that carry place words, and repair labels
with evidence from the rest of the text ("Vogt" tagged GPE where "Lena Vogt" is a PERSON;
"Nagano" tagged PERSON where "Nagano Prefecture" is a GPE)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Literal

from . import places
from .cache import Span
from .data import word_set, words

Kind = Literal["person", "place", "other"]

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Labels whose one-word spans may be relabelled; ORG is left alone ("Ford" the company).
REPAIRABLE = PLACE_LABELS | {"PERSON"}
FULL_NAME_WEIGHT = 2

_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")
_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
_TRAILING_PUNCT = ",;:!?\"'“”‘’()[]"
_HYPHENS = re.compile(r"\s*[-–—]\s*")
_WORD_BREAKS = re.compile(r"[\s\-–—]+")
_NEXT_WORD = re.compile(r"['’]?s?\s+([A-Za-z]+)")


@dataclass
class Candidate:
    start: int
    end: int
    label: str
    kind: Kind
    text: str


def candidates(text: str, spans: Iterable[Span]) -> list[Candidate]:
    """Trimmed, filtered, relabelled candidates in text order (kind "other" kept as blockers)."""
    out: list[Candidate] = []
    for start, end, label in spans:
        out.extend(_from_span(text, start, end, label))
    out.sort(key=lambda c: c.start)
    _drop_orgs_and_nationalities(text, out)
    _repair_labels(out)
    _places_after_prepositions(text, out)
    return out


def _from_span(text: str, start: int, end: int, label: str) -> list[Candidate]:
    start, end = trim(text, start, end, label)
    if start >= end:
        return []
    core = text[start:end]
    if label == "PERSON":
        return [Candidate(start, end, label, "person", core)]
    if label in PLACE_LABELS:
        return [Candidate(start, end, label, "place", core)]
    if label == "ORG":
        parts = _place_compound(text, start, end)
        if parts:
            return parts
    return [Candidate(start, end, label, "other", core)]


def trim(text: str, start: int, end: int, label: str) -> tuple[int, int]:
    """Offsets of the name proper: no leading "the", title, possessive or stray punctuation."""
    core = text[start:end]
    newline = core.find("\n")
    if newline >= 0:
        core = core[:newline]
    lead = len(core) - len(core.lstrip())
    core = core.strip()
    if m := _LEADING_THE.match(core):
        lead += m.end()
        core = core[m.end():]
    while (first := core.split(" ", 1)[0]) in word_set("name_lead_words") and " " in core:
        lead += len(first) + 1
        core = core[len(first) + 1:]
    if label == "PERSON":
        cut = honorific_length(core)
        lead += cut
        core = core[cut:]
    core = _POSSESSIVE.sub("", core).rstrip().rstrip(_TRAILING_PUNCT).rstrip()
    if core.endswith(".") and not _is_abbreviation(core):
        core = core[:-1]
    return start + lead, start + lead + len(core)


def _is_abbreviation(name: str) -> bool:
    last = name.split()[-1]  # name ends with "." so has a word
    return "." in last[:-1] or len(last) <= 4


@cache
def _honorifics() -> tuple[str, ...]:
    return tuple(sorted(words("honorifics"), key=len, reverse=True))


def honorific_length(name: str) -> int:
    """Characters of leading titles ("Prime Minister ", "Mr. ") to drop, keeping ≥1 word."""
    cut = 0
    while True:
        rest = name[cut:]
        for title in _honorifics():
            if rest.startswith(title + " ") and len(rest.split()) > len(title.split()):
                cut += len(title) + 1
                while cut < len(name) and name[cut] == " ":
                    cut += 1
                break
        else:
            return cut


def has_org_head(name: str) -> bool:
    return not word_set("org_heads").isdisjoint(_WORD_BREAKS.split(name))


def _next_word(text: str, end: int) -> str:
    m = _NEXT_WORD.match(text, end, end + 40)
    return m.group(1) if m else ""


def _drop_orgs_and_nationalities(text: str, cands: list[Candidate]) -> None:
    events = word_set("event_words")
    for c in cands:
        if c.kind == "other":
            continue
        if has_org_head(c.text) or (c.kind == "person" and not _looks_like_name(c.text)):
            c.kind = "other"
        elif c.kind == "place" and not places.is_known(places.canonical(c.text)):
            following = _next_word(text, c.end)
            if following in events or _is_nationality(c.text, following):
                c.kind = "other"


def _looks_like_name(name: str) -> bool:
    letters = [ch for ch in name if ch.isalpha()]
    if not letters or not any(ch.isupper() for ch in letters):
        return False
    # A short all-caps word is an acronym (an agency, a broadcaster), not a person.
    return not (name.isupper() and len(letters) <= 5 and " " not in name)


def _is_nationality(name: str, following: str) -> bool:
    if " " in name or not following or not following[0].islower():
        return False
    return name.endswith(words("nationality_endings"))


def _place_compound(text: str, start: int, end: int) -> list[Candidate]:
    """ "the Chile-Japan (relationship)": an ORG made only of known places joined by hyphens."""
    core = text[start:end]
    pieces = _HYPHENS.split(core)
    if len(pieces) < 2 or not all(places.is_known(p) and p[:1].isupper() for p in pieces):
        return []
    out, pos = [], start
    for piece in pieces:
        at = text.index(piece, pos, end)
        out.append(Candidate(at, at + len(piece), "GPE", "place", piece))
        pos = at + len(piece)
    return out


def _repair_labels(cands: list[Candidate]) -> None:
    """One sense per text: every one-word person or place name takes the kind most of the text
    gives it, a fuller name counting double ("Lena Vogt" outweighs one "Vogt" tagged GPE;
    thirteen "Athens" tagged GPE outweigh one "of Athens" tagged PERSON)."""
    votes: dict[str, Counter[str]] = {}
    for c in cands:
        if c.kind == "other":
            continue
        if " " not in c.text:
            votes.setdefault(c.text, Counter())[c.kind] += 1
        for word in _name_words(c):
            votes.setdefault(word, Counter())[c.kind] += FULL_NAME_WEIGHT
    for c in cands:
        if c.label not in REPAIRABLE or " " in c.text or c.kind == "other":
            continue
        ranked = votes[c.text].most_common()
        if len(ranked) > 1 and ranked[0][1] > ranked[1][1]:
            c.kind = ranked[0][0]  # type: ignore[assignment]


def _name_words(c: Candidate) -> list[str]:
    """The one-word names a fuller name vouches for: the words of a person's full name, or the
    base of a place name with an administrative suffix ("Nagano" of "Nagano Prefecture")."""
    parts = c.text.split()
    if len(parts) < 2 or not parts[0][0].isupper():
        return []
    if c.kind == "person":
        return [w for w in parts if len(w) > 1 and w[0].isupper()]
    name = places.canonical(c.text)
    return [name] if " " not in name else []


def _places_after_prepositions(text: str, cands: list[Candidate]) -> None:
    """A lone "person" word the gazetteer knows, right after "in"/"at"/"from"..., and no part of
    any full person name here, is a place ("moved to Exeter")."""
    vouched = {w for c in cands if c.kind == "person" for w in _name_words(c)}
    preps = word_set("place_prepositions")
    for c in cands:
        if c.kind != "person" or " " in c.text or c.text in vouched:
            continue
        before = text[max(0, c.start - 12):c.start].split()
        if before and before[-1] in preps and places.lookup(c.text) is not None:
            c.kind = "place"
