"""Evidence that a lone capitalised word the model tagged as a person is one.

A one-word "person" that is no common given name and no word of a fuller person name in the same
text is as often a product, a place, a team or a capitalised common noun ("Convertible",
"Socotra", "Challenges"). It is kept only when some mention of it is said of a person: a title or
an occupation before it ("Dr. Ott", "the poet Ott"), a verb of speaking or living or a pronoun
that refers back right after it ("Ott said", "Ott, who"), a given name after a comma (a
catalogue's "Ott, Lena"), or a possessive naming what only a person has ("Ott's widow",
"Ott's national security adviser"). The cue words are data (data/person_cues_after.txt,
data/person_nouns_after.txt; before the name honorifics.txt, occupation_nouns.txt, role_heads.txt).
"""

from __future__ import annotations

import re
from functools import cache

from .data import word_set

# After the name: an optional possessive and comma, an auxiliary, then the next word.
_NEXT = re.compile(r"(?:['’]s?)?\s*,?\s*(?:(?:was|is|has|had|also|later|then|once)\s+)?"
                   r"([A-Za-z][a-z\-]*)")
# After the name's possessive: the noun and at most two modifiers before it ("Ott's late wife").
_POSSESSED = re.compile(r"['’]s?((?:\s+[a-z\-]+){1,3})")
_INVERTED = re.compile(r",\s*([A-Z][a-z]+)\b")  # "Ott, Lena": surname first, as catalogues do
_WORD_BEFORE = re.compile(r"([A-Za-z][\w.\-]*)\s+$")


def said_of_a_person(text: str, start: int, end: int, *, strict: bool = False) -> bool:
    """Whether the mention at start:end stands where a person's name does. Strict: only a
    title or a possession count (companies say and want things too)."""
    if _titled(text, start) or _possession(text, end):
        return True
    return not strict and _cue_after(text, end)


@cache
def _titles() -> frozenset[str]:
    return word_set("honorifics") | word_set("occupation_nouns") | word_set("role_heads")


def _titled(text: str, start: int) -> bool:
    m = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if m is None:
        return False
    word = m.group(1)
    return word in _titles() or word.lower() in word_set("role_heads")


def _cue_after(text: str, end: int) -> bool:
    m = _NEXT.match(text, end, end + 40)
    if m is not None and m.group(1) in word_set("person_cues_after"):
        return True
    m = _INVERTED.match(text, end, end + 40)
    return m is not None and m.group(1) in word_set("given_names")


def _possession(text: str, end: int) -> bool:
    m = _POSSESSED.match(text, end, end + 60)
    nouns = word_set("person_nouns_after")
    return m is not None and any(noun in nouns for noun in m.group(1).split())
