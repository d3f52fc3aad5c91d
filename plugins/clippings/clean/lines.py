"""A text dump becomes blocks: normalised lines, rejoined where a scraper split one paragraph.

Two kinds of dump reach us. A browser's copy (innerText) puts a blank line between paragraphs.
A parser's ``get_text("\\n")`` puts every text node on its own line, so one paragraph with a link
in it arrives as three lines; the spaces the nodes kept at their edges show where that happened.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Spaces that look like a space but are not U+0020, and marks that print as nothing.
SPACES = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u180e\f\v]")
INVISIBLE = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\u0085]")
RUNS = re.compile(r" {2,}")
BULLET = re.compile(r"^\s*(?:[•·▪◦‣●■□►▸–—*]|-(?=\s))\s+")
TERMINAL = re.compile(r"[.!?…:\"”’)\]]$")
# A line that carries on the previous one: it opens lower case or with closing punctuation.
CONTINUES = re.compile(r"^[a-z,.;:)\]!?%’”]")
# Scripts written without spaces between words (Chinese, Japanese): their characters are counted,
# about two to a word, or a paragraph of them would weigh as much as one English word.
UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]")


@dataclass
class Block:
    """One paragraph-sized piece of the dump, or a list when ``items`` is set."""

    text: str
    items: list[str] = field(default_factory=list)

    @property
    def words(self) -> int:
        return word_count(self.text)


def word_count(text: str) -> int:
    """Words separated by spaces, plus one per two characters of an unspaced script."""
    return len(text.split()) + len(UNSPACED.findall(text)) // 2


def normalise(text: str) -> str:
    """Odd spaces to plain spaces, invisible marks dropped; the words themselves are untouched."""
    text = LINE_BREAKS.sub("\n", text)
    text = INVISIBLE.sub("", text)
    return SPACES.sub(" ", text)


def blocks(text: str) -> list[Block]:
    """The blocks of a normalised dump, in order."""
    out: list[Block] = []
    for run in _runs(text.split("\n")):
        out.extend(_run_blocks(run))
    return out


def _runs(lines: list[str]) -> list[list[str]]:
    """Consecutive non-blank lines: a blank line always ends a paragraph."""
    runs: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            runs[-1].append(line)
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if run]


def _run_blocks(run: list[str]) -> list[Block]:
    out: list[Block] = []
    previous = ""
    for line in run:
        bullet = BULLET.match(line)
        clean = _tidy(line[bullet.end():] if bullet else line)
        if bullet:
            if out and out[-1].items:
                out[-1].items.append(clean)
                out[-1].text += "\n" + clean
            else:
                out.append(Block(clean, [clean]))
        elif out and not out[-1].items and _carries_on(previous, line):
            out[-1].text += " " + clean  # both halves are tidy already
        else:
            out.append(Block(clean))
        previous = line
    return out


def _carries_on(previous: str, line: str) -> bool:
    """Does ``line`` continue the paragraph of ``previous`` (same run, no blank between)?"""
    ended = bool(TERMINAL.search(previous.rstrip()))
    if previous != previous.rstrip() or line != line.lstrip():
        # a text node's own edge space: an inline element was cut out here, unless the
        # sentence had ended and a new one starts (paragraphs often keep a trailing space)
        return not (ended and line.lstrip()[:1].isupper())
    return not ended and bool(CONTINUES.match(line.lstrip()))


def _tidy(line: str) -> str:
    return RUNS.sub(" ", line.strip())
