"""Phrase lists kept as data: one phrase or regular expression per line, '#' starts a comment."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from ...datafiles import entries

HERE = Path(__file__).parent


def load(name: str) -> tuple[str, ...]:
    """The non-blank, non-comment lines of ``<name>.txt`` beside this module."""
    return entries(HERE / f"{name}.txt")


@cache
def pattern(name: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """One compiled alternation of the regular expressions in ``<name>.txt``."""
    return re.compile("|".join(f"(?:{p})" for p in load(name)), flags)


def prompt(text: str) -> bool:
    """Whether a block of text is page chrome: a sign-up or subscription prompt, a credit, a
    player's message (html_chrome.txt) or a paywall's (paywall.txt)."""
    return bool(pattern("html_chrome").search(text) or pattern("paywall").search(text))
