"""Mentions in context: a sentence-ish window of the article text around each mention, the
mention itself in <mark>, everything else HTML-escaped (the text is the scrape's, never trusted).

Each snippet also carries a text fragment (``#:~:text=words-,mention``) for the link to its
article: browsers that support text fragments open the article at that mention and highlight it;
the others open the article at its top.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import quote

from markupsafe import Markup, escape

BEFORE = 120  # characters a window reaches back at most
AFTER = 160  # and forward
ELLIPSIS = "…"

# A sentence ends at . ! or ? (maybe closed by a quote or bracket) before a capital, a quote or
# the end of a line; "Dec. 6" and "U.S. officials" are no ends. A line break is always one.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[A-Z\"“‘(]|\s*$)|\n")
_SPACES = re.compile(r"\s+")
PREFIX_WORDS = 3  # words before the mention that make its text fragment unambiguous


@dataclass(frozen=True)
class Snippet:
    """A mention in context, as safe HTML, and the text fragment that finds it in its article."""

    html: Markup
    fragment: str

    def __html__(self) -> str:
        return str(self.html)

    def __str__(self) -> str:
        return str(self.html)


def snippets(text: str, spans: Iterable[tuple[int, int]]) -> list[Snippet]:
    """One snippet per window, in text order; mentions close together share a window."""
    windows: list[_Window] = []
    for start, end in sorted(set(spans)):
        if not 0 <= start < end <= len(text):
            continue
        window = _window(text, start, end)
        if windows and window.left < windows[-1].right:
            windows[-1].right, windows[-1].cut_right = window.right, window.cut_right
            windows[-1].marks.append((start, end))
        else:
            windows.append(window)
    return [Snippet(_render(text, w), text_fragment(text, *w.marks[0])) for w in windows]


def text_fragment(text: str, start: int, end: int) -> str:
    """``#:~:text=`` for the mention at start:end, led by the words before it on its line."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start].split()[-PREFIX_WORDS:]
    # A prefix must end where the mention begins, at a word boundary ("Vogt's" is no prefix).
    prefix = " ".join(before) if before and text[start - 1:start].isspace() else ""
    mention = _SPACES.sub(" ", text[start:end])
    return "#:~:text=" + (f"{_directive(prefix)}-," if prefix else "") + _directive(mention)


def _directive(words: str) -> str:
    # "-", "," and "&" are the syntax of a text directive: written out as percent escapes.
    return quote(words, safe="").replace("-", "%2D")


@dataclass
class _Window:
    left: int
    right: int
    cut_left: bool  # True when the window starts or ends inside a sentence: shown with "…"
    cut_right: bool
    marks: list[tuple[int, int]] = field(default_factory=list)


def _window(text: str, start: int, end: int) -> _Window:
    """From the start of the mention's sentence to its end, cut at a word when too long."""
    floor = max(0, start - BEFORE)
    ends_before = [m.end() for m in _SENTENCE_END.finditer(text, floor, start)]
    if ends_before or floor == 0:
        left, cut_left = (ends_before[-1] if ends_before else 0), False
    else:
        space = text.find(" ", floor, start)
        left, cut_left = (space + 1 if space >= 0 else floor), True
    ceiling = min(len(text), end + AFTER)
    found = _SENTENCE_END.search(text, end, ceiling)
    if found or ceiling == len(text):
        right, cut_right = (found.end() if found else ceiling), False
    else:
        space = text.rfind(" ", end, ceiling)
        right, cut_right = (space if space > end else ceiling), True
    return _Window(left, right, cut_left, cut_right, [(start, end)])


def _render(text: str, window: _Window) -> Markup:
    parts = [ELLIPSIS] if window.cut_left else []
    at = window.left
    for start, end in window.marks:
        if start < at:
            continue  # a mention inside one already marked
        parts.append(_plain(text[at:start]))
        parts.append(f"<mark>{_plain(text[start:end])}</mark>")
        at = end
    parts.append(_plain(text[at:window.right]))
    if window.cut_right:
        parts.append(ELLIPSIS)
    return Markup("".join(parts).strip())


def _plain(piece: str) -> str:
    return str(escape(_SPACES.sub(" ", piece)))
