"""Mentions the model missed: other occurrences of a name already tagged in the same text
("Vogt," after "Lena Vogt"; "Vogt" in "the Vogt-Lund meeting"), outside any other entity."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from .occupied import Occupied

# A form glued to a longer word, or the tail of an initial or a contraction, is no mention;
# neither is one the next word continues ("Vogtland", "Vogt'sche"). A possessive 's is fine.
_GLUED_BEFORE = re.compile(r"[\w'’.]")
_GLUED_AFTER = re.compile(r"\w|['’]\w\w")


def find_more(text: str, forms: dict[str, int], taken: Iterable[tuple[int, int]]) -> list[
        tuple[int, int, int]]:
    """(start, end, owner) of whole-word occurrences of ``forms`` (surface form → owner index)
    that overlap no span in ``taken``. Longer forms win over the words inside them."""
    occupied = Occupied(len(text), taken)
    found: list[tuple[int, int, int]] = []
    for form in sorted(forms, key=len, reverse=True):
        for span in _occurrences(text, form):
            if occupied.overlaps(*span):
                continue
            found.append((*span, forms[form]))
            occupied.take(*span)
    return found


def _occurrences(text: str, form: str) -> Iterator[tuple[int, int]]:
    """Whole-word occurrences of ``form``, left to right, not overlapping each other. A plain
    substring search and two fixed patterns, where a pattern per form would be compiled for
    every name of every text."""
    start = text.find(form)
    while start >= 0:
        end = start + len(form)
        if (start and _GLUED_BEFORE.match(text, start - 1)) or _GLUED_AFTER.match(text, end):
            start = text.find(form, start + 1)
        else:
            yield start, end
            start = text.find(form, end)
