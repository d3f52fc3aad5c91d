"""Titles of works (books, films, songs, series) that the model takes for people or places:
"the novel Dark Matters", "Cry Wolf (2005)", "the story “Umoregi”". The cue words are data."""

from __future__ import annotations

import re

from .data import word_set

# A title is often followed by its year alone in brackets; a person by a life span or nothing.
_YEAR_AFTER = re.compile(r"['’]?s?\s*\((?:[^()\d–—-]{0,40}[,;]\s*)?(?:1[5-9]|20)\d\d\)")
_QUOTES_OPEN = "\"“‘«"
_QUOTES_CLOSE = "\"”’»"
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[\s,]+$")


def looks_like_title(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] reads as the title of a work where it stands."""
    if _YEAR_AFTER.match(text, end):
        return True
    before = text[max(0, start - 2):start].strip()[-1:]
    after = text[end:end + 2].strip()[:1]
    if before and after and before in _QUOTES_OPEN and after in _QUOTES_CLOSE:
        return True  # both sides quotes: an empty side (the text's first line) is none
    # A kind of work or a possessive before it: "the novel Dark Matters", "his Dumky Trio" (a
    # person's work, said of a name the model took for a person).
    m = _WORD_BEFORE.search(text[max(0, start - 20):start])
    return bool(m) and (m.group(1) in word_set("work_cues")
                        or m.group(1) in word_set("work_cue_pronouns"))


def named_as_a_work(text: str, start: int) -> bool:
    """ "the novel Dark Matters", "the period drama Downton Abbey": a kind of work right before
    the name, no comma between ("In his stories, Kleijn ..." names no work), and no pronoun
    ("his Paris home" is a place)."""
    m = _NOUN_BEFORE.search(text[max(0, start - 20):start])
    return bool(m) and m.group(1) in word_set("work_cues")


_NOUN_BEFORE = re.compile(r"([A-Za-z]+)[ ]+$")
