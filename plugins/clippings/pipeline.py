"""The stages in order, for one scrape: read → clean → describe → tag.

Both the Pelican reader and the ``clippings`` command call this, so what ``clippings extract``
prints is exactly what the site shows.
"""

from __future__ import annotations

from pathlib import Path

from .clean import clean
from .describe import describe
from .model import Clipping, Page
from .read import read_bytes, read_path


def extract_path(path: str | Path, *, entities: bool = True) -> Clipping:
    """One scrape on disk → a cleaned, described (and tagged) Clipping. Raises BadInput."""
    return _stages(read_path(path), entities)


def extract_bytes(raw: bytes, path: str, *, entities: bool = True) -> Clipping:
    return _stages(read_bytes(raw, path), entities)


def _stages(page: Page, entities: bool) -> Clipping:
    clipping = clean(page)
    clipping.encoding = page.encoding
    describe(page, clipping)
    clipping.warnings[:0] = page.warnings
    if entities:
        from .tag import tag

        tag(clipping)
    return clipping
