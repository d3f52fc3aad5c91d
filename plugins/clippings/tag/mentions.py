"""Mentions the model missed: other occurrences of a name already tagged in the same text
("Vogt," after "Lena Vogt"; "Vogt" in "the Vogt-Lund meeting"), outside any other entity."""

from __future__ import annotations

import re
from collections.abc import Iterable


def find_more(text: str, forms: dict[str, int], taken: Iterable[tuple[int, int]]) -> list[
        tuple[int, int, int]]:
    """(start, end, owner) of whole-word occurrences of ``forms`` (surface form → owner index)
    that overlap no span in ``taken``. Longer forms win over the words inside them."""
    occupied = sorted(taken)
    found: list[tuple[int, int, int]] = []
    for form in sorted(forms, key=len, reverse=True):
        pattern = re.compile(r"(?<![\w'’.])" + re.escape(form) + r"(?!\w|['’]\w\w)")
        for m in pattern.finditer(text):
            span = (m.start(), m.end())
            if _overlaps_any(span, occupied):
                continue
            found.append((m.start(), m.end(), forms[form]))
            occupied.append(span)
    return found


def _overlaps_any(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(s < span[1] and span[0] < e for s, e in spans)

