"""Pages saved by a browser: one HTML file, its "Save page as, complete" folder, or SingleFile.

Browsers leave the page's address in the file: Chrome and Edge a "saved from url=" comment (the
mark of the web), SingleFile a header comment with "url:" and "saved date:". Nothing else in the
page is trusted for provenance.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from dateutil import parser as dateparser

from .item import Item, iso_time

SAVED_FROM = re.compile(rb"<!--\s*saved from url=\(\d+\)\s*(https?://[^\s>]+?)\s*-->", re.I)
SINGLEFILE = re.compile(rb"<!--\s*Page saved with SingleFile(.*?)-->", re.I | re.S)
SINGLEFILE_URL = re.compile(rb"^\s*url:\s*(https?://\S+)", re.I | re.M)
SINGLEFILE_DATE = re.compile(rb"^\s*saved date:\s*(.+?)\s*$", re.I | re.M)
HEAD = 8192  # the comments sit before or right after <html>


def companion(page: Path) -> Path | None:
    """The page's "_files" folder (Chrome, Firefox, Edge name it after the page), if any."""
    stem = page.name
    for suffix in (".gz", ".html", ".htm", ".xhtml", ".shtml"):
        stem = stem.removesuffix(suffix)
    for name in (f"{stem}_files", f"{stem}-Dateien", f"{stem}_fichiers"):
        folder = page.with_name(name)
        if folder.is_dir():
            return folder
    return None


def is_companion(folder: Path) -> bool:
    """Whether a folder belongs to a saved page beside it (then it is imported with the page)."""
    for marker in ("_files", "-Dateien", "_fichiers"):
        if folder.name.endswith(marker):
            stem = folder.name.removesuffix(marker)
            return any(folder.with_name(stem + ext).is_file() for ext in (".html", ".htm"))
    return False


def html_item(path: Path, raw: bytes, ext: str) -> Item:
    """A saved HTML page, its kind and address read from the marks browsers leave."""
    head = raw[:HEAD]
    item = Item(name=str(path), raw=raw, ext=ext, obtained="file", original_name=path.name,
                retrieved_at=iso_time(os.stat(path).st_mtime))
    folder = companion(path)
    singlefile = SINGLEFILE.search(head)
    if folder is not None:
        item.obtained, item.folder = "save-page-complete", folder
    elif singlefile:
        item.obtained = "singlefile"
    saved_from = SAVED_FROM.search(head)
    if saved_from:
        item.url = saved_from.group(1).decode("ascii", "replace")
    if singlefile:
        url = SINGLEFILE_URL.search(singlefile.group(1))
        if url:
            item.url = url.group(1).decode("ascii", "replace")
        saved = SINGLEFILE_DATE.search(singlefile.group(1))
        if saved:
            item.retrieved_at = _date(saved.group(1).decode("ascii", "replace"),
                                      item.retrieved_at)
    return item


def _date(text: str, default: str | None) -> str | None:
    # SingleFile writes JavaScript's Date.toString(): "Mon Nov 30 2026 10:00:00 GMT+0100 (CET)".
    text = re.sub(r"\s*\(.*\)$", "", text)
    try:
        return iso_time(dateparser.parse(text))
    except (ValueError, OverflowError):
        return default
