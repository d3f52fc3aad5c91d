"""Helpers for the tests that build a whole site: build with Pelican in-process, read the output."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@contextmanager
def cache_dir(path: Path) -> Iterator[Path]:
    """Point the tag stage's NER cache at ``path`` for the duration (never the repo's .cache/)."""
    old = os.environ.get("CLIPPINGS_CACHE_DIR")
    os.environ["CLIPPINGS_CACHE_DIR"] = str(path)
    try:
        yield path
    finally:
        if old is None:
            os.environ.pop("CLIPPINGS_CACHE_DIR", None)
        else:
            os.environ["CLIPPINGS_CACHE_DIR"] = old


def build(content: Path, output: Path, conf: str = "pelicanconf.py", **overrides) -> None:
    """Build the site from ``content`` into ``output`` with the repo's settings file."""
    from pelican import Pelican
    from pelican.settings import read_settings

    settings = read_settings(
        str(REPO / conf),
        override={
            "PATH": str(content),
            "OUTPUT_PATH": str(output),
            "CACHE_PATH": str(output.parent / f"{output.name}-pelican-cache"),
            **overrides,
        },
    )
    Pelican(settings).run()


def files(root: Path) -> dict[str, bytes]:
    """Every file under ``root``, by relative POSIX path."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file()}


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


class Records(logging.Handler):
    """Collects log records (Pelican's own logging setup may bypass pytest's caplog)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def messages(self, level: int = logging.ERROR) -> list[str]:
        return [r.getMessage() for r in self.records if r.levelno >= level]


@contextmanager
def recording() -> Iterator[Records]:
    handler = Records()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield handler
    finally:
        root.removeHandler(handler)
