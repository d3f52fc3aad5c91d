"""Other names for one place, given by the article itself: "the Falkland Islands, which Argentina
calls the Malvinas Islands" makes one place with two names, shown under the first.

The link phrases are data (data/alternate_name_links.txt), each anchored right before the
second name. The second name joins the nearest earlier place of the same sentence that shares
its generic head word ("Islands", "Sea"); without one, only a place standing right before the
link ("Myanmar, formerly known as Burma") takes it.
"""

from __future__ import annotations

import re
from functools import cache

from .candidate import Candidate
from .data import words
from .places import canonical

WINDOW = 160  # how far back in the sentence the first name may stand
LINK_REACH = 60  # how long a link phrase may be
_SENTENCE_END = re.compile(r"[.!?]\s|\n")


@cache
def _links() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in words("alternate_name_links")), re.IGNORECASE)


def alternate_names(text: str, places: list[Candidate]) -> dict[str, str]:
    """Canonical name of a second name → canonical name of the place it is another name for."""
    merged: dict[str, str] = {}
    ordered = sorted(places, key=lambda c: c.start)
    for i, second in enumerate(ordered):
        if not _links().search(text[max(0, second.start - LINK_REACH):second.start]):
            continue
        first = _antecedent(text, second, ordered[:i])
        if first is None:
            continue
        a, b = canonical(first.text), canonical(second.text)
        if a != b and b not in merged and a not in merged:
            merged[b] = a
    return merged


def _antecedent(text: str, second: Candidate, earlier: list[Candidate]) -> Candidate | None:
    window_start = max(0, second.start - WINDOW)
    ends = list(_SENTENCE_END.finditer(text, window_start, second.start))
    sentence_start = ends[-1].end() if ends else window_start
    in_sentence = [c for c in earlier if c.start >= sentence_start]
    head = _head(second)
    same_head = [c for c in in_sentence if head and _head(c) == head]
    if same_head:
        return same_head[-1]
    if in_sentence and second.start - in_sentence[-1].end <= LINK_REACH:
        between = text[in_sentence[-1].end:second.start]
        if _links().fullmatch(between.lstrip(", ")) or _links().match(between):
            return in_sentence[-1]
    return None


def _head(place: Candidate) -> str | None:
    """The generic last word of a multi-word name ("islands"), None for one-word names."""
    parts = place.text.split()
    return parts[-1].casefold() if len(parts) > 1 else None
