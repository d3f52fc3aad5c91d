"""Whether a text is English, which the model reads: its NER on other languages is noise.

Pages often declare the wrong language (a CMS default of "en"), so the text has the last word:
the share of its words that are common English function words (data/english_function_words.txt)
is 0.2-0.5 in English prose and under 0.1 in other languages.
"""

from __future__ import annotations

import re

from .data import word_set

# A page declared English (or not declared) is refused only when its text is plainly not
# English (lists and box scores run low); a page declared in another language needs prose.
MIN_SHARE_DECLARED_ENGLISH = 0.05
MIN_SHARE_DECLARED_OTHER = 0.15
SAMPLE_WORDS = 3000
_WORD = re.compile(r"[^\W\d_]+")


def is_english(text: str, lang: str | None = None) -> bool:
    """True when ``text`` (declared as ``lang``, a BCP 47 tag, if known) reads as English."""
    found = _WORD.findall(text[: SAMPLE_WORDS * 8])[:SAMPLE_WORDS]
    if not found:
        return False
    common = word_set("english_function_words")
    share = sum(1 for w in found if w.casefold() in common) / len(found)
    declared_other = bool(lang) and not lang.lower().startswith("en")
    return share >= (MIN_SHARE_DECLARED_OTHER if declared_other else MIN_SHARE_DECLARED_ENGLISH)
