"""Word and phrase lists kept as data in ``data/<name>.txt``: one entry per line, '#' comments."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data"


@cache
def load(name: str) -> tuple[str, ...]:
    """The non-blank, non-comment lines of ``data/<name>.txt``, stripped."""
    lines = (DATA / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return tuple(s for s in (line.strip() for line in lines) if s and not s.startswith("#"))


@cache
def words(name: str) -> frozenset[str]:
    """The entries of a word list, lower-cased, for membership tests."""
    return frozenset(entry.lower() for entry in load(name))


@cache
def patterns(name: str, flags: int = re.IGNORECASE) -> tuple[re.Pattern[str], ...]:
    """Each line compiled as its own regular expression, in file order (order is priority)."""
    return tuple(re.compile(p, flags) for p in load(name))
