"""People: one entity per real person of a text. A lone given name or family name ("Vogt";
"Wen" of "Wen Daobao", family name first as in Chinese) joins the full name that has it as its
first or last word; reordered or longer forms of one name merge; the fullest form names the tag."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .repair import Candidate


@dataclass
class Person:
    forms: list[Candidate] = field(default_factory=list)

    @property
    def tokens(self) -> set[str]:
        return {w for c in self.forms for w in c.text.split()}

    def name(self) -> str:
        counts = Counter(c.text for c in self.forms)
        first_seen = {c.text: i for i, c in reversed(list(enumerate(self.forms)))}
        return max(counts, key=lambda t: (len(t.split()), counts[t], -first_seen[t]))

    def last_names(self) -> set[str]:
        return {c.text.split()[-1] for c in self.forms if " " in c.text}

    def ends(self) -> set[str]:
        """First and last words of the full forms: what a lone name may stand for."""
        out: set[str] = set()
        for c in self.forms:
            parts = c.text.split()
            if len(parts) > 1:
                out.update((parts[0], parts[-1]))
        return out


def cluster(cands: list[Candidate]) -> list[Person]:
    """Group person candidates (in text order) into people."""
    full = [c for c in cands if len(c.text.split()) > 1]
    single = [c for c in cands if len(c.text.split()) == 1]
    people: list[Person] = []
    # Longest forms first so that shorter variants find the fullest name to join.
    for c in sorted(full, key=lambda c: (-len(c.text.split()), c.start)):
        home = _containing(people, c)
        if home is None:
            home = Person()
            people.append(home)
        home.forms.append(c)
    for c in single:
        home = _owner(people, c) or _owner_by_spelling(people, c)
        if home is None:
            home = next((p for p in people if p.name() == c.text), None)
        if home is None:
            home = Person()
            people.append(home)
        home.forms.append(c)
    for p in people:
        p.forms.sort(key=lambda c: c.start)
    return people


def _containing(people: list[Person], c: Candidate) -> Person | None:
    """The one person whose fuller name has all of this name's words (in any order)."""
    words = set(c.text.split())
    hits = [p for p in people if words <= p.tokens and _same_ends(c.text, p)]
    return hits[0] if len(hits) == 1 else None


def _same_ends(name: str, person: Person) -> bool:
    parts = name.split()
    return not person.ends().isdisjoint((parts[0], parts[-1]))


def _owner(people: list[Person], c: Candidate) -> Person | None:
    """The person a lone word refers to; when several fit, the one named last before it, or
    (a headline names people before the text introduces them) the one whose family name it is
    named first after it."""
    hits = [p for p in people if c.text in p.ends()]
    if len(hits) <= 1:
        return hits[0] if hits else None
    before = [(max((f.start for f in p.forms if f.start < c.start), default=-1), i)
              for i, p in enumerate(hits)]
    best = max(before)
    if best[0] >= 0:
        return hits[best[1]]
    # Only a family name: a lone given name before any full one may be anyone's.
    after = [p for p in hits if c.text in p.last_names()]
    return min(after, key=lambda p: min(f.start for f in p.forms)) if after else None


# Shorter names are too often other names one letter apart ("Mann", "Munn").
MIN_VARIANT_LENGTH = 6


def _owner_by_spelling(people: list[Person], c: Candidate) -> Person | None:
    """The one person whose family name is this lone word spelt one letter differently, as
    transliterations are ("Zelenskyy" beside "Volodymyr Zelensky")."""
    if len(c.text) < MIN_VARIANT_LENGTH:
        return None
    hits = [p for p in people
            if any(_one_edit_apart(c.text, last) for last in p.last_names() if last != c.text)]
    return hits[0] if len(hits) == 1 else None


def _one_edit_apart(a: str, b: str) -> bool:
    """One letter added, dropped or changed, case and all: "Zelensky" / "Zelenskyy"."""
    if abs(len(a) - len(b)) > 1 or a[:1] != b[:1]:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))
