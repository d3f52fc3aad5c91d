"""Where an article goes: ``<content>/<source>/<year>/<slug>.<ext>``, never over another file."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from urllib.parse import urlsplit

from slugify import slugify

from ..model import Clipping
from .item import Item

UNDATED = "undated"
UNKNOWN_SOURCE = "unknown-source"
SLUG_LENGTH = 80
YEAR = re.compile(r"^\s*(\d{4})(?!\d)")


def source_folder(given: str | None, clipping: Clipping, url: str | None) -> str:
    """The source's folder: as given, else the publication's name, else the site's host."""
    for name in (given, clipping.source, _host(url), _host(clipping.url)):
        slug = slugify(name or "", max_length=SLUG_LENGTH, word_boundary=True)
        if slug:
            return slug
    return UNKNOWN_SOURCE


def _host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return None
    return host.removeprefix("www.") or None


def year_folder(date: str | None) -> str:
    match = YEAR.match(date or "")
    if match and 1000 <= int(match.group(1)) <= 2999:
        return match.group(1)
    return UNDATED


def slug(clipping: Clipping, item: Item) -> str:
    """The article's headline as a slug, else the original file name's, else its hash."""
    stem = item.original_name
    for suffix in (".gz", item.ext.removesuffix(".gz"), ".html", ".htm", ".txt"):
        stem = stem.removesuffix(suffix)
    for text in (clipping.title, clipping.headline, stem):
        found = slugify(text or "", max_length=SLUG_LENGTH, word_boundary=True)
        if found:
            return found
    return hashlib.sha256(item.raw).hexdigest()[:12]


def place(folder: Path, name: str, ext: str, sha256: str) -> tuple[Path, bool]:
    """(path, True) when ``folder`` already holds these very bytes under ``name``; else the first
    free path for them: ``name``, ``name-2``, ``name-3``... — a clash never overwrites."""
    counter = 1
    while True:
        candidate = folder / f"{name if counter == 1 else f'{name}-{counter}'}{ext}"
        if not candidate.exists() and not companion_of(candidate).exists():
            return candidate, False
        if candidate.is_file() and _sha256(candidate) == sha256:
            return candidate, True
        counter += 1


def companion_of(scrape: Path) -> Path:
    """The folder beside a scrape holding what it carries (images, a saved page's files)."""
    name = scrape.name
    for suffix in (".gz", ".html", ".txt"):
        name = name.removesuffix(suffix)
    return scrape.with_name(f"{name}_files")


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
