"""Person names the model mislabels or misses, recognised by a common given name followed by a
capitalised surname ("Sophie Dymoke" tagged ORG, "Auguste Chevalier" untagged), or by an
occupation before them ("the physicist Tova Lindqvist"). The given names and occupations are
data (data/given_names.txt, data/occupation_nouns.txt, data/role_heads.txt)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from . import places
from .cache import Span
from .context import region_after
from .data import word_set
from .occupied import Occupied

_SURNAME = r"(?:(?:de|du|da|van|von|del|di|al|el|le|la)[ -])?[A-Z][A-Za-zà-ÿ'’\-]*[a-zà-ÿ]"
_NAME_RUN = re.compile(
    rf"(?<![\w'’.-])([A-Z][a-zà-ÿ]+)(?:-[A-Z][a-zà-ÿ]+)?((?:[ ](?:[A-Z]\.|{_SURNAME})){{1,2}})"
    r"(?![\w'’-])")


@cache
def _heads() -> frozenset[str]:
    """Words that make a name an organisation's or a place's ("Hall", "Street", "Bank")."""
    return word_set("org_heads") | word_set("place_heads") | word_set("facility_heads")


def looks_like_person(name: str) -> bool:
    """A given name and one or two surnames, nothing that makes it an organisation or place."""
    m = _NAME_RUN.fullmatch(name.removesuffix("'s").removesuffix("’s"))
    return bool(m) and _plausible(m.group(1), m.group(0))


def _plausible(given: str, name: str) -> bool:
    if given not in word_set("given_names"):
        return False
    words = name.split()
    if any(w in _heads() for w in words) or words[-1] in word_set("english_function_words"):
        return False
    return not places.is_known(places.canonical(name))


def untagged_people(text: str, spans: Sequence[Span]) -> list[Span]:
    """PERSON spans for given-name + surname runs that no model span touches."""
    taken = Occupied(len(text), ((s, e) for s, e, _ in spans))
    out: list[Span] = []
    for m in _NAME_RUN.finditer(text):
        start, end = m.span()
        if taken.overlaps(start, end):
            continue
        if _capitalised_word_before(text, start) or not _plausible(m.group(1), m.group(0)):
            continue
        out.append((start, end, "PERSON"))
    return out


def _capitalised_word_before(text: str, start: int) -> bool:
    """Part of a longer capitalised name ("Saint Mary Lane"), unless a sentence starts here."""
    before = text[max(0, start - 30):start]
    m = re.search(r"(?<![\w'’.-])([\w'’.]+)[ ]$", before)  # "fellow-Danes Ida": no name
    return bool(m) and m.group(1)[:1].isupper() and not m.group(1).endswith(".")


_UPPER = r"[^\W\d_a-zß-ÿ]"  # a letter, not a lower-case one of Latin-1
# A lower-case occupation, then two or three capitalised words (an initial may be one).
_AFTER_OCCUPATION = re.compile(
    rf"(?<![\w'’-])([a-z][a-z\-]+)[ ]((?:{_UPPER}[\w'’\-]*|[A-Z]\.)(?:[ ](?:{_UPPER}[\w'’\-]*"
    r"|[A-Z]\.)){1,2})(?![\w'’-])")


def people_after_occupation(text: str, spans: Sequence[Span]) -> list[Span]:
    """PERSON spans for capitalised names right after an occupation ("the poet Ilse
    Varga", "interviewee K Ramanathan") that no model span touches."""
    taken = Occupied(len(text), ((s, e) for s, e, _ in spans))
    occupations = word_set("occupation_nouns") | word_set("role_heads")
    out: list[Span] = []
    for m in _AFTER_OCCUPATION.finditer(text):
        if m.group(1) not in occupations:
            continue
        words = _capitalised_prefix(m.group(2)).split(" ")
        start = m.start(2)
        # Cut before anything the model tagged ("Tova Lindqvist" of "Tova Lindqvist Monday").
        while words and taken.overlaps(start, start + len(" ".join(words))):
            words.pop()
        if len(words) < 2:
            continue
        name = " ".join(words)
        end = start + len(name)
        if any(w in _heads() for w in words) or places.is_known(places.canonical(name)):
            continue
        out.append((start, end, "PERSON"))
    return out


# Two to four capitalised words (or initials) and then a life's dates in brackets: "Ada Brock
# Vogt (born June 11, 1988)", "Ada Vogt (1815 – 1852)", "Ada Vogt (b. 1950)".
_BEFORE_LIFE_DATES = re.compile(
    rf"(?<![\w'’-])((?:{_UPPER}[\w'’\-]+|[A-Z]\.)(?:[ ](?:{_UPPER}[\w'’\-]+|[A-Z]\.)){{1,3}})"
    r"[ ]\((?:(born\b|b\.[ ]|n[ée]e\b)|c\.[ ]\d|\d{3,4}[ ]?[–—-][ ]?\d{3,4}\))")


def people_before_life_dates(text: str, spans: Sequence[Span]) -> list[Span]:
    """PERSON spans for a name the model missed or called something else, right before the
    dates of a life ("Ada Brock Vogt (born June 11, 1988) is..."): only a person has them. Two
    years alone may be a work's ("Grammar on Historical Principles (1909 – 1949)"): then a
    common given name must lead."""
    out: list[Span] = []
    for m in _BEFORE_LIFE_DATES.finditer(text):
        start, end = m.span(1)
        if any(s <= start and end <= e and label == "PERSON" for s, e, label in spans):
            continue
        if m.group(2) is None and m.group(1).split()[0] not in word_set("given_names"):
            continue
        if _heads().isdisjoint(m.group(1).split()):
            out.append((start, end, "PERSON"))
    return out


def _capitalised_prefix(run: str) -> str:
    """The leading words that start with a capital ("Tova Lindqvist" of "Tova Lindqvist is")."""
    kept = []
    for w in run.split(" "):
        if not w[:1].isupper():
            break
        kept.append(w)
    return " ".join(kept)


_TITLED_RUN = re.compile(r"[ ]((?:[A-Z][a-zà-ÿ'’\-]+)(?:[ ][A-Z][a-zà-ÿ'’\-]+)?)(?![\w'’-])")


def people_after_title(text: str, spans: Sequence[Span]) -> list[Span]:
    """PERSON spans for one or two capitalised words after a title ("Major General Lafayette",
    "Mrs. Okonjo") that no model span touches; not when they name a place or an organisation."""
    taken = Occupied(len(text), ((s, e) for s, e, _ in spans))
    out: list[Span] = []
    for found in _titles().finditer(text):
        m = _TITLED_RUN.match(text, found.end())
        if m is None:
            continue
        start, end = m.span(1)
        words = m.group(1).split()
        # Touching a tagged span ("Dame Ada Tova <Quill>"): part of a longer name.
        if taken.overlaps(start, end + 2) or not _heads().isdisjoint(words):
            continue
        # "Saint Lucia" is a place; "Major General Lafayette" a man, though Lafayette a town.
        titled = text[found.start():end]
        if places.is_known(places.canonical(titled)) or words[0] in word_set(
                "english_function_words") or f"{words[0]}." in word_set("name_titles"):
            continue  # "Lt. Col. Ada Vogt": "Col" is the next title, not a name
        taken.take(start, end)
        out.append((start, end, "PERSON"))
    return out


@cache
def _titles() -> re.Pattern[str]:
    """Any title of data/name_titles.txt as a whole word, the longest first."""
    titles = sorted(word_set("name_titles"), key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + "|".join(map(re.escape, titles)) + r")(?=[ ])")


# "Austen, Jane." / "Marx, Karl and Engels, Friedrich." / a reference list's "^ Vogt, Ada B.
# (2010)" and "Vogt, Ada; Lund, Tova (2009)": a catalogue's surname-first names, at the start
# of a line (after a list mark) or after "and" or ";", ended by a full stop, "and", ";" or a
# bracket.
_CATALOGUE = re.compile(
    r"(?m)(?:^(?:[\^•*–-][ ])?|(?<=\band )|(?<=; ))([A-Z][\w'’\-]+), "
    r"((?:[A-Z][\w'’\-]+)(?: [A-Z][\w'’\-]+)?(?: [A-Z]\.)*)"
    r"(?=[.;]|\s+and\s|\s+\()")


def catalogue_names(text: str, spans: Sequence[Span]) -> tuple[list[Span], list[Span]]:
    """Spans for surname-first names ("INVERTED", the whole "Austen, Jane"), and the model's
    spans without those that fall inside them."""
    found: list[Span] = []
    for m in _CATALOGUE.finditer(text):
        given = m.group(2).split()[0]
        # "Athens, Georgia" is a town and its state, "London, Jack." an author.
        if given not in word_set("given_names") or region_after(text, m.end(1)):
            continue
        found.append((m.start(1), m.end(2), "INVERTED"))
    inside = [(s, e, label) for s, e, label in spans
              if any(a <= s and e <= b for a, b, _ in found)]
    return found, [span for span in spans if span not in inside]
