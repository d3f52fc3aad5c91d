"""Newest first, undated last: the one order every list of articles on the site uses."""

from __future__ import annotations

from typing import Any


def newest_first(article: Any) -> tuple:
    """Sort key: dated articles by date descending, then undated ones; ties by title, then file.

    Undated articles carry a sentinel date (see readers.UNDATED) only because Pelican requires
    one; the key never looks at it, so it cannot leak into the order either.
    """
    undated = bool(getattr(article, "undated", False))
    stamp = 0.0 if undated else -article.date.timestamp()
    title = str(getattr(article, "title", "")).casefold()
    return (undated, stamp, title, str(getattr(article, "source_path", "")))


def configure(pelican: Any) -> None:
    """Make Pelican's own article order ours, unless the site chose another one."""
    if pelican.settings.get("ARTICLE_ORDER_BY") in (None, "reversed-date"):
        pelican.settings["ARTICLE_ORDER_BY"] = newest_first
