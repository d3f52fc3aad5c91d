"""People: one entity per real person of a text. A lone given name or family name ("Vogt";
"Wen" of "Wen Daobao", family name first as in Chinese) joins the full name that has it as its
first or last word; reordered or longer forms of one name merge; the fullest form names the tag.

Names are compared by their key words: no initials ("Ada B. Vogt"), no suffixes ("Jr.",
"III"), and the usual given name for a familiar form ("Pat" → "Patrick"; data/nicknames.tsv).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, insort
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from .candidate import Candidate
from .data import table, word_set


@lru_cache(maxsize=8192)  # the same few names are compared again and again
def key_words(name: str) -> tuple[str, ...]:
    """The words by which a name is compared, in order, without accents or case ("Zahā
    Ḥadīd" is "Zaha Hadid", "De Miranda" is "de Miranda")."""
    out = []
    for word in name.split():
        core = word.rstrip(".,")
        if _INITIAL.fullmatch(core) or core in word_set("name_suffixes"):
            continue
        out.append(_unaccented(table("nicknames").get(core, core)))
    return tuple(out)


def _unaccented(word: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", word)
                   if not unicodedata.combining(ch)).casefold()


_INITIAL = re.compile(r"[A-Z]")


@dataclass
class Person:
    """The forms of one person's name seen so far, with what lookups need kept up to date as
    forms are added (a text may name one person hundreds of times)."""

    forms: list[Candidate] = field(default_factory=list)
    tokens: set[str] = field(default_factory=set)  # key words of every form
    _ends: set[str] = field(default_factory=set)  # first and last key words of the full forms
    _last: set[str] = field(default_factory=set)  # last key words of the full forms
    _starts: list[int] = field(default_factory=list)  # where the forms stand, in order
    _counts: Counter[str] = field(default_factory=Counter)  # each form's mentions
    _first: dict[str, int] = field(default_factory=dict)  # where each form is first seen
    _named: list[str] = field(default_factory=list)  # names given apart ("Austen, Jane")

    def add(self, c: Candidate) -> None:
        self.forms.append(c)
        words = key_words(c.text)
        self.tokens.update(words)
        if len(words) > 1:
            self._ends.update((words[0], words[-1]))
            self._last.add(words[-1])
        insort(self._starts, c.start)
        self._counts[c.text] += 1
        self._first[c.text] = min(self._first.get(c.text, c.start), c.start)
        if c.name:
            self._named.append(c.name)

    def in_text_order(self) -> None:
        self.forms.sort(key=lambda c: c.start)

    def name(self) -> str:
        """The fullest form (initials not counted; "Joshua" over "Josh"), then the most used,
        then the one seen first."""
        if self._named:
            return max(self._named, key=len)
        return max(self._counts, key=lambda t: (len(key_words(t)), len(t.split()), len(t),
                                                self._counts[t], -self._first[t]))

    def last_names(self) -> set[str]:
        return self._last

    def ends(self) -> set[str]:
        """First and last key words of the full forms: what a lone name may stand for."""
        return self._ends

    def last_seen_before(self, start: int) -> int:
        """Where the last of its forms before ``start`` stands; -1 when none does."""
        i = bisect_left(self._starts, start)
        return self._starts[i - 1] if i else -1

    def named_before(self, start: int) -> int:
        """How many of its mentions stand before ``start``."""
        return bisect_left(self._starts, start)

    def first_seen(self) -> int:
        return self._starts[0]


_WORD_AFTER = re.compile(r" ([A-Z][\w'’\-]*[\w])(?![\w'’\-])")
_WORD_BEFORE = re.compile(r"(?<![\w'’.\-])([A-Z][\w'’\-]*[\w]) $")


def join_cut_names(text: str, cands: list[Candidate]) -> None:
    """A full name the model cut short of a word that another form of the same name has: "Zaha
    Mohammad" before "Hadid" beside "Zaha Hadid", "Leopold Dvořák" after "Antonín" beside
    "Antonín Dvořák" (a middle name between): the name is taken whole."""
    full = [c for c in cands if c.kind == "person" and " " in c.text]
    first_and_last = {(c.text.split()[0], c.text.split()[-1]) for c in full}
    for c in full:
        words = c.text.split()
        if (m := _WORD_AFTER.match(text, c.end)) and (words[0], m.group(1)) in first_and_last:
            c.end, c.text = m.end(1), text[c.start:m.end(1)]
        elif (m := _WORD_BEFORE.search(text, max(0, c.start - 40), c.start)) and (
                m.group(1), words[-1]) in first_and_last:
            c.start, c.text = m.start(1), text[m.start(1):c.end]


def cluster(cands: list[Candidate]) -> list[Person]:
    """Group person candidates (in text order) into people. Initials alone ("J. M.") name
    nobody: a reference list's leftovers."""
    cands = [c for c in cands if key_words(c.text)]
    full = [c for c in cands if len(c.text.split()) > 1]
    single = [c for c in cands if len(c.text.split()) == 1]
    found = _People()
    # Longest forms first so that shorter variants find the fullest name to join; initials
    # do not count ("B. U. Vogt" joins "Bram Vogt").
    for c in sorted(full, key=lambda c: (-len(key_words(c.text)), -len(c.text.split()),
                                         c.start)):
        found.add(found.containing(c) or found.new(), c)
    for c in single:
        home = found.owner(c) or found.owner_by_spelling(c) or found.alone.get(c.text)
        if home is None:
            home = found.alone[c.text] = found.new()
        found.add(home, c)
    for p in found.people:
        p.in_text_order()
    return found.people


# Shorter names are too often other names one letter apart ("Mann", "Munn").
MIN_VARIANT_LENGTH = 6


class _People:
    """The people of one text so far, indexed by the words of their names, so that a page
    naming thousands of people does not compare every name with every other."""

    def __init__(self) -> None:
        self.people: list[Person] = []
        self.alone: dict[str, Person] = {}  # people known by one word only, by that word
        self._by_token: dict[str, list[Person]] = {}
        self._by_end: dict[str, list[Person]] = {}
        self._by_initial: dict[str, list[tuple[str, Person]]] = {}  # family names, by letter

    def new(self) -> Person:
        person = Person()
        self.people.append(person)
        return person

    def add(self, person: Person, c: Candidate) -> None:
        tokens, ends, last = set(person.tokens), set(person.ends()), set(person.last_names())
        person.add(c)
        for word in person.tokens - tokens:
            self._by_token.setdefault(word, []).append(person)
        for word in person.ends() - ends:
            self._by_end.setdefault(word, []).append(person)
        for word in person.last_names() - last:
            self._by_initial.setdefault(word[:1], []).append((word, person))

    def containing(self, c: Candidate) -> Person | None:
        """The person whose fuller name has all of this name's key words (in any order); when
        several have them, the one named last before it ("von Vogt" after "Bo von Vogt")."""
        words = key_words(c.text)
        if not words:
            return None
        hits = [p for p in self._by_token.get(words[0], []) if set(words) <= p.tokens and (
            not p.ends().isdisjoint((words[0], words[-1])) or _run_of(words, p))]
        return _nearest_before(hits, c) if len(hits) > 1 else (hits[0] if hits else None)

    def owner(self, c: Candidate) -> Person | None:
        """The person a lone word refers to; when several fit: for a family name, the one named
        most often before it, for a given name only the one named last before it; or (a headline
        names people before the text introduces them) the one whose family name it is named
        first after it."""
        word = (key_words(c.text) or [c.text])[0]
        hits = self._by_end.get(word, [])
        if len(hits) <= 1:
            return hits[0] if hits else None
        a_family_name = any(word in p.last_names() for p in hits)
        found = _most_named_before(hits, c) if a_family_name else _nearest_before(hits, c)
        if found is not None:
            return found
        # Only a family name: a lone given name before any full one may be anyone's.
        after = [p for p in hits if word in p.last_names()]
        return min(after, key=Person.first_seen) if after else None

    def owner_by_spelling(self, c: Candidate) -> Person | None:
        """The one person whose family name is this lone word spelt one letter differently,
        as transliterations are ("Zelenskyy" beside "Volodymyr Zelensky")."""
        word = _unaccented(c.text)
        if len(word) < MIN_VARIANT_LENGTH:
            return None
        hits = {id(p): p for last, p in self._by_initial.get(word[:1], [])
                if last != word and _one_edit_apart(word, last)}
        return next(iter(hits.values())) if len(hits) == 1 else None


def _run_of(words: tuple[str, ...], person: Person) -> bool:
    """Whether the words stand together in one of the person's fuller forms ("Kaurinui
    Robert" of "Te Kaurinui Robert Parata")."""
    for form in person.forms:
        full = key_words(form.text)
        if any(full[i:i + len(words)] == words for i in range(len(full) - len(words) + 1)):
            return True
    return False


def _nearest_before(hits: list[Person], c: Candidate) -> Person | None:
    """Of several people a name may mean, the one named last before it, if any."""
    before = [(p.last_seen_before(c.start), i) for i, p in enumerate(hits)]
    best = max(before)
    return hits[best[1]] if best[0] >= 0 else None


def _most_named_before(hits: list[Person], c: Candidate) -> Person | None:
    """Of several people a lone name may mean, the one named most often before it, then the
    one named last before it: a biography's subject, not the father its early life names
    ("Jeanne Vogt ... her father, Anatole Vogt ... Vogt studied")."""
    before = [(p.named_before(c.start), p.last_seen_before(c.start), i)
              for i, p in enumerate(hits)]
    best = max(before)
    return hits[best[2]] if best[0] > 0 else None


def _one_edit_apart(a: str, b: str) -> bool:
    """One letter added, dropped or changed, case and all: "Zelensky" / "Zelenskyy"."""
    if abs(len(a) - len(b)) > 1 or a[:1] != b[:1]:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))
