"""Bylines → a list of personal names.

A byline is cut into segments at commas, semicolons, line breaks and joining words ("and",
"&", "with", kept as data); each segment loses its lead word ("By"), roles and credentials
("Staff Writer", "PhD"), e-mail addresses, handles, links and dates. What is left must look like a
name: a few words, no digits, and no lower-case words other than name particles ("van", "de").

Organisation bylines: an author whose name is the publication's own (``source``) is dropped,
because the source line already shows it and it names no person; other organisations (a wire
agency, a foundation) are kept, since they are who the page credits.
"""

from __future__ import annotations

import re
from functools import cache

from .dates import VISIBLE
from .lists import load, words
from .textnorm import key, plain

MAX_AUTHORS = 12
NAME_MARKS = frozenset(" .'’-‐ʻ")  # besides letters, the only characters personal names use
MAX_NAME_WORDS = 6
MAX_NAME_CHARS = 70

URL = re.compile(r"\b(?:https?://|www\.)\S+|\S+@\S+\.\w+|(?<!\w)@\w+", re.I)
TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}\b)?", re.I)
SEPARATORS = re.compile(r"[,;|/•·\n\t()\[\]{}]|\s[-–—]\s|\s:\s")
# A place or employer after the name: "Jane Doe in Tokyo", "Jane Doe for The Times".
AFTER_NAME = re.compile(r"^(\S+\s+\S+.*?)\s(?:in|at|for|from|reporting from)\s.*$")
# Lower-case words allowed inside an organisation's name ("Organization for Transformative Works").
ORG_INNER = frozenset({"of", "for", "the", "and", "on", "to"})


def names(raw: list[str], source: str | None = None) -> list[str]:
    """The personal (or credited organisation) names in some byline strings, deduplicated."""
    found: list[str] = []
    seen: set[str] = set()
    for text in raw:
        for name in _split(text):
            name_key = _house_key(name)
            if name_key and name_key not in seen and not is_house(name, source):
                seen.add(name_key)
                found.append(name)
    return found[:MAX_AUTHORS]


def organisations(raw: list[str], source: str | None = None) -> list[str]:
    """Names of organisations credited as authors (typed so in JSON-LD), kept as written unless
    they are the publication itself."""
    found = []
    for name in raw:
        name = plain(name, MAX_NAME_CHARS)
        if name and _house_key(name) not in {_house_key(source), *map(_house_key, found)}:
            found.append(name)
    return found[:MAX_AUTHORS]


def inverted(value: str, max_surname_words: int = 3) -> str:
    """'Last, First' (the Highwire ``citation_author`` form, common in Dublin Core too) →
    'First Last'; anything else unchanged. A surname of more words than allowed means the comma
    separates two people instead."""
    last, comma, first = value.partition(",")
    if (comma and first.strip() and "," not in first and len(first.split()) <= 3
            and len(last.split()) <= max_surname_words):
        return f"{first.strip()} {last.strip()}"
    return value


def is_house(name: str, source: str | None) -> bool:
    """Whether ``name`` is the publication itself: its name, the first part of a decorated
    site name ("Site | Slogan"), or that name without a masthead word ("BBC" for "BBC News")."""
    if not source:
        return False
    name_key = _house_key(name)
    first = re.split(r"\s+[|–—-]\s+", source)[0]
    if name_key in (_house_key(source), _house_key(first)):
        return True
    rest = [w.casefold() for w in first.split()[len(name.split()):]]
    extra = words("mastheads") | words("org_tails")
    return (bool(rest) and _house_key(" ".join(first.split()[: len(name.split())])) == name_key
            and all(w in extra for w in rest))


def _house_key(name: str | None) -> str:
    # "The Independent" and "Independent" are one house name.
    return key(re.sub(r"^\s*the\s+", "", name or "", flags=re.I))


def _split(text: str) -> list[str]:
    named = [(name, org) for name, org in (_clean_segment(s) for s in _segments(text)) if name]
    people = [name for name, org in named if not org]
    if people:  # "Jane Doe, AP": with a person named, a bare acronym is the agency or a credential
        people = [n for n in people if not (n.isupper() and len(n) <= 5)] or people
    return people or [name for name, _ in named]


def _segments(text: str) -> list[str]:
    text = plain(text.replace("\n", " ; "), limit=1000) or ""
    text = URL.sub(" ", text)
    text = VISIBLE.sub(" ; ", text)
    text = TIME.sub(" ; ", text)
    text = _joiners().sub(" ; ", text)
    return SEPARATORS.split(text)


@cache
def _joiners() -> re.Pattern[str]:
    alternatives = "|".join(re.escape(j) for j in load("byline_joiners"))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.I)


def _clean_segment(segment: str) -> tuple[str | None, bool]:
    """(name or None, whether the segment names a desk or organisation)."""
    segment = " ".join(segment.split())
    if _as_name(segment) is None:  # "Jane Doe in Tokyo" → "Jane Doe"; an org name stays whole
        segment = AFTER_NAME.sub(r"\1", segment)
    tokens = segment.strip(" .:-–—'\"").split()
    tokens = _drop_leading(tokens)
    noise, tails = words("byline_noise"), words("org_tails")
    org = bool(tokens) and tokens[-1].strip(".,:").casefold() in tails
    while tokens and tokens[-1].strip(".,:").casefold() in noise:
        tokens.pop()
    if not tokens:
        return None, org
    name = " ".join(tokens).strip(" .,:-–—'\"")
    return _as_name(name), org


def _drop_leading(tokens: list[str]) -> list[str]:
    """Lead words ("By", "Written by") and roles ("Senior Reporter") before the name."""
    noise = words("byline_noise")
    changed = True
    while tokens and changed:
        changed = False
        lowered = [t.strip(".,:").casefold() for t in tokens]
        for lead in _leads():
            if lowered[: len(lead)] == lead:
                tokens, changed = tokens[len(lead):], True
                break
        else:
            if lowered[0] in noise or not lowered[0]:
                tokens, changed = tokens[1:], True
    return tokens


@cache
def _leads() -> tuple[list[str], ...]:
    """The lead phrases as word lists, longest first ("written by" before "by")."""
    return tuple(sorted((lead.split() for lead in load("byline_lead")), key=len, reverse=True))


def _as_name(name: str) -> str | None:
    tokens = name.split()
    if not tokens or len(tokens) > MAX_NAME_WORDS or len(name) > MAX_NAME_CHARS:
        return None
    if any(ch.isdigit() for ch in name) or not any(ch.isalpha() for ch in name):
        return None
    if any(not (ch.isalpha() or ch in NAME_MARKS) for ch in name):
        return None  # "Terms of Use. >": markup or furniture, not a name
    particles = words("name_particles")
    for index, token in enumerate(tokens):
        first = next((ch for ch in token if ch.isalpha()), "")
        inner = 0 < index < len(tokens) - 1 and token in ORG_INNER
        if first.islower() and token.casefold() not in particles and not inner:
            return None  # prose, not a name ("posted in category news")
    bare = [t for t in tokens if len(t) == 1 and t.isalpha()]
    if bare and sum(len(t.strip(".")) > 1 for t in tokens) < 2:
        return None  # "J J", "S Sky": initials of a widget, not a byline
    if len(tokens) == 1 and len(name) < 2:
        return None
    # "JOE HILDEBRAND" → "Joe Hildebrand"; a single capitalised word is an acronym ("AFP").
    if len(tokens) > 1 and name.isupper() and any(ch.isalpha() and ch.isascii() for ch in name):
        name = _title_case(name)
    return name


def _title_case(name: str) -> str:
    # "JOE HILDEBRAND" → "Joe Hildebrand"; keeps apostrophes and hyphens joined ("O'Neil").
    return re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), name)
