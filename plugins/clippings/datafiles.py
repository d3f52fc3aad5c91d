"""Word lists, phrase lists and tables kept as data files beside the code that reads them.

One format for all stages: one entry per line, surrounding spaces stripped, blank lines and lines
starting with '#' skipped.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def entries(path: Path) -> tuple[str, ...]:
    """The non-blank, non-comment lines of the file at ``path``, stripped, read once."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(s for s in (line.strip() for line in lines) if s and not s.startswith("#"))
