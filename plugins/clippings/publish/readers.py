"""Pelican readers for scrapes: each file goes through the pipeline and becomes one article.

They replace Pelican's own HTML reader (a scrape is not a hand-written page) and add .txt text
dumps. A file the pipeline cannot handle is reported by name and skipped; the build goes on.
"""

from __future__ import annotations

import html
import logging
import os
from collections import defaultdict
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import PurePosixPath
from typing import Any

from dateutil.parser import isoparse
from pelican.readers import BaseReader
from slugify import slugify

from .. import pipeline
from ..clean import paywall
from ..describe import MISSING
from ..errors import BadInput
from ..model import Clipping
from ..read import SUFFIXES, is_scrape
from . import provenance

logger = logging.getLogger(__name__)

# Pelican needs a date on every article. Undated ones get this one and `undated: True`; the
# theme, the feeds and the sort key all look at `undated` and never show or use the sentinel.
UNDATED = datetime(1, 1, 1, tzinfo=UTC)
EXTENSIONS = [s.lstrip(".") for s in SUFFIXES] + ["gz"]  # .html.gz: Pelican sees only "gz"
INCOMPLETE = "The text may be incomplete (a teaser or a paywalled page)."
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
MISSING_SHOWN_ELSEWHERE = frozenset(MISSING.values())
KIND_NAMES = {"html": "HTML page", "text": "text dump"}


class ClippingsReader(BaseReader):
    """Reads any scrape (.html, .htm, .txt, and gzipped ones) through clippings.pipeline."""

    enabled = True
    file_extensions = EXTENSIONS

    def __init__(self, settings: dict[str, Any]) -> None:
        super().__init__(settings)
        # Every build makes new readers, so each folder is listed once per build (not once per
        # scrape in it) and a scrape added between two builds is seen by the next one.
        self.folders: dict[str, Mapping[str, list[str]]] = {}

    def read(self, source_path: str) -> tuple[str | None, dict[str, Any]]:
        name = content_name(source_path, self.settings)
        try:
            # Tagged later, all articles in one batch: publish/tagging.py.
            clipping = pipeline.extract_path(source_path, entities=False)
        except BadInput as exc:
            logger.error("Skipped %s: %s", name, exc.reason)
            return None, {"status": "skip"}
        except Exception as exc:  # one broken scrape must never stop the whole archive
            logger.error("Skipped %s: the pipeline failed (%s: %s)", name, type(exc).__name__,
                         exc, exc_info=bool(self.settings.get("DEBUG")))
            return None, {"status": "skip"}
        return clipping.html, self.metadata(clipping, source_path, name)

    def metadata(self, clipping: Clipping, source_path: str, name: str) -> dict[str, Any]:
        """The article's metadata, as the theme and the taxonomy generator read it."""
        deck = clipping.subtitle or clipping.deck
        date = parse_date(clipping.date)
        slug = article_slug(source_path, clipping.sha256, self.folder_scrapes(source_path))
        folder = folder_slug(name)
        meta: dict[str, Any] = {
            "title": clipping.title or clipping.headline or stem(source_path),
            "slug": slug,
            "folder": folder,
            "deck": deck,
            "byline": clipping.byline,
            "source": clipping.source,
            "language": clipping.lang,
            "date": date or UNDATED,
            "undated": date is None,
            "date_iso": clipping.date if date else None,
            "date_shown": show_date(date, clipping.date) if date else None,
            "figures": figure_views(clipping),
            # EntityLinks, set by publish/tagging.py once every article is read.
            "people": [],
            "places": [],
            "provenance": {
                "file": name,
                "sha256": clipping.sha256,
                "url": clipping.url if is_web_url(clipping.url) else None,
                "kind": KIND_NAMES.get(clipping.kind, clipping.kind),
                "encoding": clipping.encoding,
                **provenance.recorded(source_path, clipping.sha256),
                "copy_url": provenance.copy_url(folder, slug, source_path),
            },
            "notes": notes(clipping, source_path, name),
            # The whole Clipping (text, entities with their mentions) for the generators after
            # the readers: entity pages, search index, tagging in batches.
            "clipping": clipping,
        }
        if clipping.authors:
            meta["authors"] = self.process_metadata("authors", list(clipping.authors))
        if deck:
            # Pelican treats a summary as HTML; the deck is plain text.
            meta["summary"] = html.escape(deck)
        if clipping.date and date is None:
            meta["notes"].append(f"The page's date ({clipping.date}) was not understood.")
        return meta

    def folder_scrapes(self, source_path: str) -> Mapping[str, list[str]]:
        folder = os.path.dirname(source_path)
        if folder not in self.folders:
            self.folders[folder] = scrapes_by_slug(folder)
        return self.folders[folder]


def install(readers: Any) -> None:
    """readers_init: scrapes of every kind go to ClippingsReader."""
    for extension in EXTENSIONS:
        readers.reader_classes[extension] = ClippingsReader


def content_name(source_path: str, settings: dict[str, Any]) -> str:
    """The scrape's name as kept under content/ (e.g. scraped/<source>/<file>), never absolute."""
    root = os.path.abspath(settings.get("PATH") or ".")
    path = os.path.abspath(source_path)
    if os.path.commonpath([root, path]) != root:
        return os.path.basename(path)
    return PurePosixPath(*os.path.relpath(path, root).split(os.sep)).as_posix()


def folder_slug(name: str) -> str:
    """The folders between the article root and the scrape, each as a URL segment:
    scraped/<source>/<file> → '<source>'; scraped/<source>/<year>/<file> (the layout
    `clippings import` writes) → '<source>/<year>'. Slugs are unique within a folder, so the
    whole path keeps two articles of one source in different years apart."""
    segments = [slugify(part) for part in PurePosixPath(name).parts[1:-1]]
    return "/".join(s for s in segments if s) or "misc"


def scrapes_by_slug(folder: str) -> Mapping[str, list[str]]:
    """The scrapes in ``folder`` by the slug their file name gives; empty if it cannot be listed."""
    groups: dict[str, list[str]] = defaultdict(list)
    try:
        names = os.listdir(folder)
    except OSError:
        return groups
    for name in names:
        if is_scrape(name):
            groups[slugify(stem(name))].append(name)
    return dict(groups)


def article_slug(source_path: str, sha256: str, scrapes: Mapping[str, list[str]]) -> str:
    """The file name as a slug: 'story.html' → 'story', unique among the ``scrapes`` of its folder.

    A folder may hold the same story twice ('story.html' and 'story.txt'); then both keep their
    extension ('story-html', 'story-txt'), so no page overwrites another.
    """
    name = os.path.basename(source_path)
    own = slugify(stem(name)) or sha256[:12]
    clashes = [n for n in scrapes.get(own, ()) if n != name]
    if not clashes:
        return own
    longer = slugify(name.removesuffix(".gz"))
    if any(slugify(n.removesuffix(".gz")) == longer for n in clashes):
        return f"{longer}-{sha256[:8]}"
    return longer


def stem(source_path: str) -> str:
    name = os.path.basename(source_path)
    name = name.removesuffix(".gz")
    return os.path.splitext(name)[0]


def parse_date(value: str | None) -> datetime | None:
    """ISO 8601 from the describe stage → datetime; None when absent or not understood."""
    if not value:
        return None
    value = value.strip()
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        pass
    try:
        return isoparse(value)
    except (ValueError, OverflowError):
        return None


def show_date(date: datetime, iso: str | None) -> str:
    """'27 December 2016', plus the time only when the page gave one (no locale involved)."""
    day = f"{date.day} {MONTHS[date.month - 1]} {date.year}"
    if iso and len(iso.strip()) <= 10:
        return day
    shown = f"{day}, {date:%H:%M}"
    offset = date.utcoffset()
    if offset is None:
        return shown
    if not offset:
        return f"{shown} UTC"
    zone = f"{date:%z}"
    return f"{shown} (UTC{zone[:3]}:{zone[3:5]})"


def is_web_url(url: str | None) -> bool:
    return bool(url) and url.strip().lower().startswith(("http://", "https://"))


def figure_views(clipping: Clipping) -> list[dict[str, Any]]:
    """Figures the theme shows above the body: none when the body already holds them.

    The image itself is never loaded, only linked.
    """
    if "<figure" in clipping.html:
        return []
    return [
        {
            "caption": f.caption,
            "credit": f.credit,
            "alt": f.alt,
            "link": f.src.strip() if is_web_url(f.src) else None,
        }
        for f in clipping.figures
        if f.caption or f.credit or is_web_url(f.src)
    ]


def notes(clipping: Clipping, source_path: str, name: str) -> list[str]:
    """Warnings worth showing a reader, with the file named as in content/ (no machine paths)."""
    shown = []
    if clipping.incomplete:
        shown.append(INCOMPLETE)
    for warning in clipping.warnings:
        # Gaps the page shows itself, and the teaser warning INCOMPLETE already says in words.
        if warning in MISSING_SHOWN_ELSEWHERE or warning.endswith(paywall.WARNING):
            continue
        warning = warning.replace(source_path, name).replace(os.path.abspath(source_path), name)
        if warning not in shown:
            shown.append(warning)
    return shown
