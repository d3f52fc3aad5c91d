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
