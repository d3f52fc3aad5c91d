"""The read stage: bytes on disk become a decoded (and for HTML, parsed) Page."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..errors import BadInput
from ..model import Page
from .decode import decode, guard
from .html import parse_html

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
TEXT_SUFFIXES = (".txt",)
SUFFIXES = HTML_SUFFIXES + TEXT_SUFFIXES


def is_scrape(path: str | Path) -> bool:
    """Whether the file name is one Clippings reads (a trailing .gz is looked through)."""
    return str(path).lower().removesuffix(".gz").endswith(SUFFIXES)


def kind_of(path: str | Path) -> str:
    """'html' or 'text' from the file name (a trailing .gz is looked through)."""
    name = str(path).lower().removesuffix(".gz")
    if name.endswith(HTML_SUFFIXES):
        return "html"
    if name.endswith(TEXT_SUFFIXES):
        return "text"
    raise BadInput(str(path), "not a scrape Clippings reads (.html, .htm, .txt)")


def read_path(path: str | Path) -> Page:
    """Read one scrape from disk. Raises BadInput with a message naming the file."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise BadInput(str(path), f"cannot be read ({exc.strerror or exc})") from exc
    return read_bytes(raw, str(path))


def read_bytes(raw: bytes, path: str, kind: str | None = None) -> Page:
    """Read a scrape held in memory; ``path`` names it in messages and provenance."""
    kind = kind or kind_of(path)
    sha256 = hashlib.sha256(raw).hexdigest()
    body = guard(raw, path)
    text, encoding, warnings = decode(body, path, html=(kind == "html"))
    page = Page(path=path, raw=raw, sha256=sha256, kind=kind, encoding=encoding, text=text,
                warnings=warnings)
    if kind == "html":
        page.dom = parse_html(text, path, page.warnings)
    return page
