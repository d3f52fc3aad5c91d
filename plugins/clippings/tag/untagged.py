"""Places the model left untagged: a name the gazetteer knows right after a word that says
"place" ("born in Randers", "moved south to Vichy", "flights from Sana'a")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import places
from .cache import Span
from .data import word_set

_AFTER_PREPOSITION = re.compile(
    r"\b(in|near|from|to|into|outside|via|across|through)\s+"
    r"([A-Z][\w'’\-]*[\w](?:\s+[A-Z][\w'’\-]*[\w]){0,2})")


def untagged_places(text: str, spans: Sequence[Span]) -> list[Span]:
    """GPE spans for known places after a place preposition that no model span touches."""
    taken = [(s, e) for s, e, _ in spans]
    out: list[Span] = []
    for m in _AFTER_PREPOSITION.finditer(text):
        start = m.start(2)
        words = m.group(2).split()
        for size in range(len(words), 0, -1):  # the longest known prefix
            name = " ".join(words[:size])
            end = start + len(name)
            if text[start:end] != name:
                continue  # words split by a line break: no name
            if _known(name) and not any(s < end and start < e for s, e in taken):
                out.append((start, end, "GPE"))
                break
    return out


def _known(name: str) -> bool:
    if name in word_set("given_names") or name.lower() in word_set("english_function_words"):
        return False
    return places.is_known(places.canonical(name))
