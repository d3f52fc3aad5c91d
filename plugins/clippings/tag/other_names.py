"""Other names one person goes by, given by the text itself: "Jenna Mourey (born 1986), better
known by her pseudonym Jenna Marbles", "Ada Quill (born Ada Lind)", "Bo Lind, aka Bobby Lind".
The model tags both names as people, and nothing in the names themselves says they are one.

The link phrases are data (data/person_name_links.txt): each must fill the whole gap between a
mention of one person and a mention of another, so that "Quill called Lind" links no one.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from .data import words
from .people import Person

LINK_REACH = 120  # how long the gap between the two names may be
# Not "and": "a duo known as Bo Lind and Ada Quill" are two.
_LISTED = re.compile(r",?\s+or\s+|;\s+[A-Z][a-z]+:\s+")
_LINKED = re.compile(r"\b(?:known|called|nicknamed|dubbed)\s+as\s+$|\ba\.?k\.?a\.?\s+$",
                     re.IGNORECASE)


@cache
def _links() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in words("person_name_links")), re.IGNORECASE)


def merge_other_names(text: str, persons: list[Person]) -> list[Person]:
    """The people, with each one the text says goes by another name merged into one."""
    mentions = sorted((c.start, c.end, i) for i, p in enumerate(persons) for c in p.forms)
    into = list(range(len(persons)))  # the person each one is merged into

    def home(i: int) -> int:
        while into[i] != i:
            i = into[i]
        return i

    linked = False  # whether the last two names were linked
    for (a_start, end, a), (start, _, b) in pairwise(mentions):
        if not 0 <= start - end <= LINK_REACH:
            linked = False
            continue
        # "... also known as Bo Lind or Bobby Lind", "(Latin: Bo Lind; Greek: Βο Λινδ)": the
        # names listed after one link are one too
        listed = _LISTED.fullmatch(text, end, start) and (linked or _LINKED.search(
            text, max(0, a_start - LINK_REACH), a_start))
        linked = bool(listed or _links().fullmatch(text, end, start))
        if linked and home(a) != home(b):
            into[home(b)] = home(a)
    merged: dict[int, Person] = {}
    for i, person in enumerate(persons):
        target = merged.setdefault(home(i), Person())
        for c in person.forms:
            target.add(c)
    for person in merged.values():
        person.in_text_order()
    return list(merged.values())
