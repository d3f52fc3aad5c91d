"""Across the archive: a person one article names only by family name ("Quill") is the person
another article names in full ("Ada Quill") when exactly one person in the whole archive has
that family name and the two articles have something else in common (another person or place
they both name), so that "Quill" in a story about the harbour is not taken for an Ada Quill
known only from a story about films. The full name becomes the tag and the family name one of
its other names. A given name alone ("Ada") is never resolved this way: too many people share
one. The user's corrections file is applied afterwards and can undo any of it.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Clipping, Entity
from .data import word_set
from .people import key_words


def link_family_names(clippings: Sequence[Clipping]) -> int:
    """Rename one-word people to the one full name in the archive that ends with that word,
    where an article naming it in full shares another tag; returns how many were renamed."""
    full: dict[str, set[str]] = {}
    context: dict[str, set[str]] = {}  # full name → the other tags of the articles naming it
    for clipping in clippings:
        for person in clipping.people:
            words = key_words(person.name)
            if len(words) > 1:
                full.setdefault(words[-1], set()).add(person.name)
                # Not the family name alone: that is the name to resolve, not a reason to.
                others = {t for t in _tags(clipping)
                          if t != person.name and key_words(t) != (words[-1],)}
                context.setdefault(person.name, set()).update(others)
    renamed = 0
    for clipping in clippings:
        kept: dict[str, Entity] = {}
        tags = _tags(clipping)
        for person in clipping.people:
            names = full.get((key_words(person.name) or [""])[0], set())
            if " " not in person.name and person.name not in word_set("given_names") and len(
                    names) == 1 and _related(next(iter(names)), tags - {person.name}, context):
                (name,) = names
                person.aliases = sorted({*person.aliases, person.name} - {name})
                person.name = name
                renamed += 1
            if person.name in kept:  # the article names them in full too: one tag
                _merge(kept[person.name], person)
            else:
                kept[person.name] = person
        clipping.people = sorted(kept.values(), key=lambda e: e.name.casefold())
    return renamed


def _related(name: str, tags: set[str], context: dict[str, set[str]]) -> bool:
    """The article names ``name`` in full too, or shares a tag with an article that does."""
    return name in tags or not context[name].isdisjoint(tags)


def _tags(clipping: Clipping) -> set[str]:
    return {e.name for e in (*clipping.people, *clipping.places)}


def _merge(into: Entity, other: Entity) -> None:
    into.mentions = sorted([*into.mentions, *other.mentions], key=lambda m: m.start)
    into.aliases = sorted({*into.aliases, *other.aliases, other.name} - {into.name})
