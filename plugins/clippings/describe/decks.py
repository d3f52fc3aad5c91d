"""Whether a deck (the subtitle under a headline) says something about this article.

The element a page marks as its "description" is not always the article's: a newsletter box, a
video player's "This is a modal window.", an ad script's text, the site's own tagline ("The
latest local news, weather and..."), or the kicker, headline and byline run together. A deck
is kept only when it is prose, no prompt or credit (clean/phrases/html_chrome.txt), not the
headline again with more around it, and shares at least one word with the article.
"""

from __future__ import annotations

import re

from ..clean.phrases import prompt
from .textnorm import word_list

# Script text that reached the page's text ("var brightcoveBrandsafety='...'").
_CODE = re.compile(r"\bvar\s+\w+\s*=|\bfunction\s*\(|[{}]|=>|;\s*$")
MIN_WORD = 4  # letters in a word that counts as shared ("harbour", not "the")
MIN_TEXT_WORDS = 60  # shorter texts say too little to judge a deck by


def plausible(deck: str, title: str | None, text: str) -> bool:
    if _CODE.search(deck) or prompt(deck):
        return False
    if title and len(deck) > len(title) and title.casefold() in deck.casefold():
        return False  # "SPACE <headline> VICTOR TANGERMANN, 19 NOV 2019"
    body = word_list(text)
    if len(body) < MIN_TEXT_WORDS:
        return True
    said = {w for w in word_list(deck) if len(w) >= MIN_WORD}
    known = {w for w in [*word_list(title), *body] if len(w) >= MIN_WORD}
    return not said or not said.isdisjoint(known)
