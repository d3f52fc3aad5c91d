"""Word lists and tables for the tag stage, kept as data: '#' starts a comment line."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ...datafiles import entries

HERE = Path(__file__).parent


def words(name: str) -> tuple[str, ...]:
    """The entries of ``<name>.txt``, one per line."""
    return entries(HERE / f"{name}.txt")


@cache
def word_set(name: str) -> frozenset[str]:
    """The entries of ``<name>.txt`` as a set, built once, for membership tests."""
    return frozenset(words(name))


@cache
def table(name: str) -> dict[str, str]:
    """The two tab-separated columns of ``<name>.tsv`` as a mapping."""
    rows = (line.split("\t") for line in entries(HERE / f"{name}.tsv"))
    return {row[0].strip(): row[1].strip() for row in rows if len(row) >= 2}
