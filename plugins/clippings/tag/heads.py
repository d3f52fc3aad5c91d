"""Names whose form says "place": a geographic or building head word ("Sonoran Desert",
"Carnegie Hall") or lead word ("Mount Talau", "Fort Lee"). The word lists are data."""

from __future__ import annotations

from .data import word_set


def names_a_place(name: str, *, model_said_person: bool) -> bool:
    """A multi-word name ending or starting in a place word. Words that are also surnames or
    organisation words ("Hall", "Park", "Church") count only when the model did not call the
    name a person."""
    parts = name.split()
    if len(parts) < 2 or not (parts[0][:1].isupper() or parts[0][:1].isdigit()):
        return False
    last, first = parts[-1], parts[0]
    if last in word_set("place_heads") or first in word_set("place_leads"):
        return True
    # "Museum of Modern Art", "Gulf of Aden"
    heads = word_set("place_heads")
    if any(w in heads and nxt == "of" for w, nxt in zip(parts, parts[1:], strict=False)):
        return True
    return not model_said_person and last in word_set("facility_heads")
