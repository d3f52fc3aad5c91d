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
        home = _owner(people, c)
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
    """The person a lone word refers to; when several fit, the one named last before it."""
    hits = [p for p in people if c.text in p.ends()]
    if len(hits) <= 1:
        return hits[0] if hits else None
    before = [(max((f.start for f in p.forms if f.start < c.start), default=-1), i)
              for i, p in enumerate(hits)]
    best = max(before)
    return hits[best[1]] if best[0] >= 0 else None
