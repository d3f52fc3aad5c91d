"""The inputs of one import — files, folders, URLs — as a list of units, each yielding articles.

A unit is one thing a progress bar can count: a file, a URL, an archive. Folders are walked
recursively; a "Save page as, complete" folder goes with its page, and files of other kinds in a
folder (images, scripts, notes) are passed over. A file named explicitly that is of no kind
Clippings imports is a failure.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..read import HTML_SUFFIXES, TEXT_SUFFIXES
from ..read.decode import max_bytes
from ..read.provenance import SUFFIX as SIDECAR
from . import fetch, mhtml, savedpage, warc
from .item import Failure, Item, iso_time

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
MHTML_SUFFIXES = (".mhtml", ".mht")


@dataclass(frozen=True)
class Unit:
    kind: str  # "url", "warc", "mhtml", "html", "text", "unknown", "missing"
    target: str


def kind_of(name: str) -> str:
    lower = name.lower()
    if lower.endswith(WARC_SUFFIXES):
        return "warc"
    if lower.endswith(MHTML_SUFFIXES):
        return "mhtml"
    if lower.endswith(SIDECAR):
        return "unknown"
    lower = lower.removesuffix(".gz")
    if lower.endswith(HTML_SUFFIXES):
        return "html"
    if lower.endswith(TEXT_SUFFIXES):
        return "text"
    return "unknown"


def units(inputs: list[str]) -> list[Unit]:
    """Every unit the inputs stand for, in the order given (folders sorted)."""
    found: list[Unit] = []
    for given in inputs:
        if fetch.is_url(given):
            found.append(Unit("url", given))
            continue
        path = Path(given)
        if path.is_dir():
            found += [Unit(kind_of(p.name), str(p)) for p in walk(path)]
        elif path.is_file():
            found.append(Unit(kind_of(path.name), given))
        else:
            found.append(Unit("missing", given))
    return found


def walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        here = Path(root)
        # Hidden folders and the folders that belong to a saved page stay out of the walk.
        dirs[:] = sorted(d for d in dirs
                         if not d.startswith(".") and not savedpage.is_companion(here / d))
        for name in sorted(files):
            if not name.startswith(".") and kind_of(name) != "unknown":
                yield here / name


def items(unit: Unit) -> Iterator[Item | Failure]:
    """The articles of one unit (or the failures that stopped them)."""
    if unit.kind == "url":
        yield fetch.fetch(unit.target)
        return
    path = Path(unit.target)
    if unit.kind == "missing":
        yield Failure(unit.target, "does not exist")
        return
    if unit.kind == "unknown":
        yield Failure(unit.target, "is not a kind Clippings imports (.html, .htm, .txt, "
                                   ".mhtml, .mht, .warc, .warc.gz, or a folder)")
        return
    if unit.kind == "warc":
        yield from warc.items(path)
        return
    raw, failure = _read(path)
    if failure:
        yield failure
    elif unit.kind == "mhtml":
        yield from mhtml.items(path, raw)
    elif unit.kind == "html":
        yield savedpage.html_item(path, raw, _extension(path.name, ".html"))
    else:
        yield Item(name=str(path), raw=raw, ext=_extension(path.name, ".txt"), obtained="file",
                   original_name=path.name, retrieved_at=iso_time(os.stat(path).st_mtime))


def _read(path: Path) -> tuple[bytes, Failure | None]:
    """The file's bytes, refusing before reading them a file larger than the reader accepts."""
    limit = max_bytes()
    try:
        if path.stat().st_size > limit:
            return b"", Failure(str(path), f"is larger than the {limit // (1024 * 1024)} MB "
                                           "limit (set CLIPPINGS_MAX_BYTES to raise it)")
        return path.read_bytes(), None
    except OSError as exc:
        return b"", Failure(str(path), f"cannot be read ({exc.strerror or exc})")


def _extension(name: str, plain: str) -> str:
    """The scrape's extension in the archive: one per kind, a gzipped scrape staying gzipped."""
    return plain + ".gz" if name.lower().endswith(".gz") else plain
