"""Word and phrase lists kept as data in ``data/<name>.txt``: one entry per line, '#' comments."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from ..datafiles import entries

DATA = Path(__file__).parent / "data"


def load(name: str) -> tuple[str, ...]:
    """The non-blank, non-comment lines of ``data/<name>.txt``, stripped."""
    return entries(DATA / f"{name}.txt")


@cache
def words(name: str) -> frozenset[str]:
    """The entries of a word list, lower-cased, for membership tests."""
    return frozenset(entry.lower() for entry in load(name))


@cache
def patterns(name: str, flags: int = re.IGNORECASE) -> tuple[re.Pattern[str], ...]:
    """Each line compiled as its own regular expression, in file order (order is priority)."""
    return tuple(re.compile(p, flags) for p in load(name))
