"""Metadata of a plain-text dump: only what its lines show."""

from __future__ import annotations

import re

from ..model import Clipping, Page
from . import authors, dates, source
from .textnorm import plain

URL_LINE = re.compile(r"^\s*(?:(?:url|source|link|permalink)\s*:\s*)?(https?://\S+)\s*$", re.I)
EDGE_LINES = 15  # a saved URL sits at the very top or bottom of a dump, not in the story


def describe_text(page: Page, clipping: Clipping) -> None:
    clipping.title = plain(clipping.headline)
    deck = plain(clipping.deck)
    clipping.subtitle = deck if deck != clipping.title else None
    clipping.source = source.from_chrome(chrome_lines(page, clipping))
    clipping.authors = authors.names([clipping.byline] if clipping.byline else [], clipping.source)
    clipping.date = dates.from_text(clipping.dateline) or dates.from_text(clipping.byline)
    clipping.url = _url(page.text)
    clipping.lang = None  # a dump declares no language; the site's default applies


def chrome_lines(page: Page, clipping: Clipping) -> list[str]:
    """The chrome the cleaner removed; without it, the lines of the dump not in the body."""
    if clipping.chrome:
        return clipping.chrome
    body = {" ".join(line.split()) for line in clipping.text.splitlines()}
    lines = (" ".join(line.split()) for line in page.text.splitlines())
    return [line for line in lines if line and line not in body]


def _url(text: str) -> str | None:
    lines = text.splitlines()
    for line in lines[:EDGE_LINES] + lines[-EDGE_LINES:]:
        match = URL_LINE.match(line)
        if match:
            return match.group(1)
    return None
