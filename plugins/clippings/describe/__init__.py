"""The describe stage: a cleaned Clipping gets its title, subtitle, authors, date, source, url
and language, filled in place.

Order of trust, field by field: JSON-LD, then <meta>/<link> tags in the head, then <time> and
microdata, then what the page shows (the cleaner's headline, byline and dateline; <h1>, byline
elements; the chrome for the source). Text dumps have only the visible layer. Nothing is guessed:
a page with no date stays undated (``date`` None, and a warning says so).
"""

from __future__ import annotations

from ..model import Clipping, Page
from .html import describe_html
from .text import describe_text


def describe(page: Page, clipping: Clipping) -> None:
    """Fill the metadata fields of ``clipping`` from ``page`` (and what the cleaner saw)."""
    if page.dom is not None:
        describe_html(page, clipping)
    else:
        describe_text(page, clipping)
    _warn(clipping)


# What `clippings extract` says of a field the page does not give. The site shows the gap
# itself ("Undated", no byline), so these are not repeated as notes on the article page.
MISSING = {
    "title": "no title found",
    "date": "no date found: undated",
    "authors": "no author found",
    "source": "no source found",
}


def _warn(clipping: Clipping) -> None:
    for name, message in MISSING.items():
        if not getattr(clipping, name) and message not in clipping.warnings:
            clipping.warnings.append(message)
