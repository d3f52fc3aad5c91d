"""sitemap.xml and robots.txt, in publish mode only (CLIPPINGS_SITEMAP set, SITEURL absolute).

The sitemap lists every HTML page the build wrote, sorted, with absolute URLs. A page's lastmod
is its article's date, when it is an article page with one: never the build's own time, which
would make two builds of the same content differ.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path, PurePosixPath
from typing import Any
from xml.sax.saxutils import escape

logger = logging.getLogger(__name__)

NOT_LISTED = {"404.html"}
# Pages written in this build: output path → lastmod (or None). Cleared when written out, so a
# devserver's next build starts afresh.
pages: dict[str, str | None] = {}


def remember(path: str, context: dict[str, Any] | None = None) -> None:
    """content_written: note each HTML page of a build that makes a sitemap."""
    context = context or {}
    if not context.get("CLIPPINGS_SITEMAP") or not path.endswith(".html"):
        return
    article = context.get("article")
    dated = article is not None and not getattr(article, "undated", False)
    pages[os.path.abspath(path)] = lastmod(article.date) if dated else None


def lastmod(date: Any) -> str:
    """W3C datetime: the date alone when the article gave no time of day."""
    if (date.hour, date.minute, date.second, date.microsecond) == (0, 0, 0, 0):
        return date.date().isoformat()
    return date.isoformat(timespec="seconds")


def write(pelican: Any) -> None:
    """finalized: sitemap.xml and robots.txt beside the pages."""
    settings = pelican.settings
    name = settings.get("CLIPPINGS_SITEMAP")
    written = dict(pages)
    pages.clear()
    if not name:
        return
    siteurl = settings.get("SITEURL", "").rstrip("/")
    if not siteurl.startswith(("http://", "https://")):
        logger.warning("No %s: SITEURL (%r) is not an absolute URL", name, siteurl)
        return
    output = Path(settings["OUTPUT_PATH"]).resolve()
    entries = sorted(entries_of(written, output, siteurl))
    (output / name).write_text(sitemap(entries), encoding="utf-8")
    (output / "robots.txt").write_text(robots(f"{siteurl}/{name}"), encoding="utf-8")


def entries_of(written: dict[str, str | None], output: Path,
               siteurl: str) -> list[tuple[str, str | None]]:
    entries = []
    for path, modified in written.items():
        try:
            relative = PurePosixPath(*Path(path).resolve().relative_to(output).parts)
        except ValueError:
            continue  # not under output/
        if relative.as_posix() not in NOT_LISTED:
            entries.append((f"{siteurl}/{relative.as_posix()}", modified))
    return entries


def sitemap(entries: list[tuple[str, str | None]]) -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for url, modified in entries:
        when = f"<lastmod>{modified}</lastmod>" if modified else ""
        lines.append(f"<url><loc>{escape(url)}</loc>{when}</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots(sitemap_url: str) -> str:
    # Crawlers read robots.txt only at a host's root: under a sub-path it is a harmless extra.
    return f"User-agent: *\nAllow: /\nSitemap: {sitemap_url}\n"
