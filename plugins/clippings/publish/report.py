"""The one line at the end of a build saying how much NER work it did."""

from __future__ import annotations

import logging
from typing import Any

from ..tag import stats

logger = logging.getLogger(__name__)


def reset_counters(*_args: object, **_kwargs: object) -> None:
    """At the start of each build (autoreload rebuilds in one process), count from zero."""
    stats.reset()


def ner_line() -> str:
    """'NER ran on N text(s); M came from the cache.'"""
    return (f"Clippings: NER ran on {stats.ner_runs} text(s); "
            f"{stats.cache_hits} came from the cache.")


def ner_summary(pelican: Any) -> None:
    """finalized: print the line next to Pelican's own 'Done: ...' summary."""
    if logger.isEnabledFor(logging.INFO):
        logger.info(ner_line())
        return
    # Pelican shows only warnings by default; its own end-of-build summary goes to the console.
    from pelican.log import console

    console.print(ner_line())
