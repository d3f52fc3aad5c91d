"""The roles a text gives a person: "President", "party chief of Guizhou Province".

Three shapes of news prose carry a role next to a name, and only they are read:
- a title straight before the name: "President Xi", "Japanese Prime Minister Shinzo Abe";
- an appositive after it: "Name, party chief of X," (caption asides such as "left," skipped);
- an appositive before it: "X's foreign minister, Name," and "the ambassador to X, Name,".
A role needs a head noun from data/role_heads.txt ("chief", "minister"); the other word lists
(modifiers, leading words, asides) are data beside it. No names anywhere: the shapes are general.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from ..model import Mention
from .data import word_set, words

WINDOW = 240  # characters looked at on each side of a mention
MAX_TITLE_WORDS = 6  # "Deputy Foreign Minister", "Attorney General"
MAX_HEAD_WORDS = 5  # words up to the head of an appositive: "vice secretary-general"
MAX_ROLE_WORDS = 16  # "chief of the Beijing office of the Council of ... Relations"
MAX_BEFORE_MODIFIERS = 4  # "the company's chief financial officer"

# An appositive ends at a comma, a clause mark, a bracket, a quote, a dash, a line or a full stop.
_APPOSITIVE_END = re.compile(r"[,;:()\[\]\"“”\n—–]|\s--\s|\.(?=\s|$)")
# Where the clause before a name starts (for "X's foreign minister, Name").
_CLAUSE_START = re.compile(r".*[,;:()\[\]\"“”\n.!?—–]", re.S)
_TITLE_WORD = re.compile(r"[A-Z][\w'’&-]*|(?:[A-Z]\.){2,}")
_ABBREVIATION = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]{2,3}")
_POSSESSIVE = re.compile(r"\w(?:['’]s|s['’])$")
_AGE = re.compile(r"\d{1,3}, ")
_CLOSERS = ",.;:)\n"


def roles(text: str, mentions: Iterable[Mention]) -> list[str]:
    """The roles the text gives at these mentions of one person, in text order, each once."""
    found: list[str] = []
    seen: set[str] = set()
    for mention in sorted(mentions, key=lambda m: m.start):
        for role in roles_at(text, mention.start, mention.end):
            if role.casefold() not in seen:
                seen.add(role.casefold())
                found.append(role)
    return found


def roles_at(text: str, start: int, end: int) -> list[str]:
    """The roles around one mention text[start:end]: title, appositive before, after."""
    shapes = (title_before(text, start), appositive_before(text, start, end),
              appositive_after(text, end))
    return [role for role in shapes if role]


def title_before(text: str, start: int) -> str | None:
    """"Japanese Prime Minister Shinzo Abe" → "Japanese Prime Minister"."""
    before = text[max(0, start - WINDOW):start]
    if not before.endswith(" ") or before.endswith("  "):
        return None
    line = before[:-1].rsplit("\n", 1)[-1]  # a title never runs across a line break
    run = _title_run(line.split(" "))
    head = _last_head(run)
    if head is None:
        return None
    first = head
    while first > 0 and head - first < MAX_TITLE_WORDS - 1 and _title_modifier(run[first - 1]):
        first -= 1
    return " ".join(run[first:])


def appositive_after(text: str, end: int) -> str | None:
    """"Name, left, party chief of X, said" → "party chief of X"."""
    rest = text[end:end + WINDOW]
    if not rest.startswith(", "):
        return None
    rest = _skip_asides(rest[2:])
    stop = _APPOSITIVE_END.search(rest)
    if stop is None:
        return None
    return _role_phrase(rest[:stop.start()].split())


def appositive_before(text: str, start: int, end: int) -> str | None:
    """"After the ambassador to X, Name, left" → "ambassador to X"; "X's minister, Name." too.

    The name must close the appositive (a comma or a full stop after it), so "Speaking to the
    minister, Name said" gives the speaker no role.
    """
    before = text[max(0, start - WINDOW):start]
    if not before.endswith(", ") or (end < len(text) and text[end] not in _CLOSERS):
        return None
    clause = before[:-2]
    opening = _CLAUSE_START.match(clause)
    ws = clause[opening.end() if opening else 0:].split()
    head = next((i for i, w in enumerate(ws) if w.casefold() in _heads()
                 and (i + 1 == len(ws) or ws[i + 1] in _prepositions())), None)
    if head is None or len(ws) - head > MAX_ROLE_WORDS - MAX_BEFORE_MODIFIERS:
        return None
    first = head
    while first > 0 and head - first < MAX_BEFORE_MODIFIERS:
        word = ws[first - 1]
        if _POSSESSIVE.search(word):
            # "Japan's foreign minister": a named owner is part of the role; "the company's"
            # is not worth keeping.
            if word[0].isupper():
                first -= 1
            break
        if word.casefold() in _leads() or word.casefold() in _prepositions():
            break
        if word[0].isupper() and not _title_modifier(word):
            break  # "After" opening the sentence, or another name
        first -= 1
    return " ".join(ws[first:])


def _title_run(ws: list[str]) -> list[str]:
    """The capitalised words (and "of") straight before the name, e.g. "Secretary of State"."""
    run: list[str] = []
    for word in reversed(ws):
        if not (_TITLE_WORD.fullmatch(word) or (word == "of" and run)):
            break
        run.insert(0, word)
    while run and run[0] == "of":
        run.pop(0)
    return run


def _last_head(run: list[str]) -> int | None:
    """The index of the title's head; any words after it must be "of" + names ("of State")."""
    for i in range(len(run) - 1, -1, -1):
        if run[i].casefold() in _heads() and run[i][0].isupper():
            tail = run[i + 1:]
            if not tail or (tail[0] == "of" and len(tail) > 1 and "of" not in tail[1:]):
                return i
    return None


def _title_modifier(word: str) -> bool:
    """"Prime", "Deputy", "Japanese", "U.S.": a word that may open a title."""
    folded = word.casefold()
    if folded in _heads() or folded in _modifiers() or _ABBREVIATION.fullmatch(word):
        return True
    return word.isalpha() and any(folded.endswith(e) and len(folded) > len(e) + 2
                                  for e in _nationality_endings())


def _skip_asides(rest: str) -> str:
    """Drop caption asides ("left, ") and ages ("56, ") between a name and its role."""
    for _ in range(3):
        folded = rest.casefold()
        aside = next((a for a in _asides() if folded.startswith(a + ", ")), None)
        if aside is not None:
            rest = rest[len(aside) + 2:]
        elif _AGE.match(rest):
            rest = rest[_AGE.match(rest).end():]
        else:
            break
    return rest


def _role_phrase(ws: list[str]) -> str | None:
    """An appositive's words → the role, if its head is a role word; else None."""
    cut = next((i for i, w in enumerate(ws) if w.casefold() in _stoppers()), len(ws))
    ws = ws[:cut]
    while ws and ws[0].casefold() in _leads():
        ws = ws[1:]
    if not ws or len(ws) > MAX_ROLE_WORDS:
        return None
    # "one of Xi's closest aides": the head is plural and comes after "one of".
    one_of = [w.casefold() for w in ws[:2]] == ["one", "of"]
    begin = 2 if one_of else 0
    end = next((i for i in range(begin, len(ws)) if ws[i] in _prepositions()), len(ws))
    segment = ws[begin:end]
    if not segment or len(segment) > MAX_HEAD_WORDS:
        return None
    head = segment[-1].casefold()
    if one_of:
        head = head.removesuffix("s")
    if head not in _heads():
        return None
    return " ".join(ws)


@cache
def _heads() -> frozenset[str]:
    return word_set("role_heads")


@cache
def _modifiers() -> frozenset[str]:
    return frozenset(w for w in word_set("role_modifiers") if not w.startswith("-"))


@cache
def _nationality_endings() -> tuple[str, ...]:
    return tuple(w[1:] for w in words("role_modifiers") if w.startswith("-"))


def _prepositions() -> frozenset[str]:
    return word_set("role_prepositions")


def _stoppers() -> frozenset[str]:
    return word_set("role_stoppers")


@cache
def _leads() -> frozenset[str]:
    return word_set("role_leads")


@cache
def _asides() -> tuple[str, ...]:
    # Longest first, so "second from left" wins over "left".
    return tuple(sorted(words("role_asides"), key=len, reverse=True))
