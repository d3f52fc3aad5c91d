"""The one line at the end of a build saying how much NER work it did."""

from __future__ import annotations

import logging
from typing import Any

logger = logging.getLogger(__name__)


def reset_counters(*_args: object, **_kwargs: object) -> None:
    """At the start of each build (autoreload rebuilds in one process), count from zero."""
    stats = _stats()
    if hasattr(stats, "reset"):
        stats.reset()


def _stats() -> Any:
    try:
        from .. import tag
    except ImportError:  # the tag stage needs spaCy; a build without it still reports the rest
        return None
    return getattr(tag, "stats", None)


def ner_line() -> str | None:
    """'NER ran on N texts, M came from the cache', or None before the tag stage keeps counts."""
    stats = _stats()
    runs = _count(stats, "ner_runs")
    hits = _count(stats, "cache_hits")
    if runs is None or hits is None:
        return None
    return f"Clippings: NER ran on {runs} text(s); {hits} came from the cache."


def _count(stats: Any, name: str) -> int | None:
    value = stats.get(name) if isinstance(stats, dict) else getattr(stats, name, None)
    return value if isinstance(value, int) else None


def ner_summary(pelican: Any) -> None:
    """finalized: print the line next to Pelican's own 'Done: ...' summary."""
    line = ner_line()
    if line is None:
        return
    if logger.isEnabledFor(logging.INFO):
        logger.info(line)
        return
    # Pelican shows only warnings by default; its own end-of-build summary goes to the console.
    from pelican.log import console

    console.print(line)
