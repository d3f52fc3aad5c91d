"""What content/ already holds, indexed for duplicates at the start of an import.

Each scrape's canonical URLs (from its provenance sidecar and from the page itself) and its
text sketch go into the index. Reading every scrape through the pipeline is the slow part, so
what it gives is cached by the file's sha256 (``$CLIPPINGS_CACHE_DIR/import/``, default
``.cache/clippings/import/``): a second import over the same archive reads only new files.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path

from .. import pipeline
from ..read import provenance
from . import dedupe
from .sources import kind_of, walk

CACHE_VERSION = f"1-{dedupe.SHINGLE}-{dedupe.K}-{dedupe.MIN_WORDS}"


def cache_dir() -> Path:
    configured = os.environ.get("CLIPPINGS_CACHE_DIR")
    base = Path(configured) if configured else Path.cwd() / ".cache" / "clippings"
    return base / "import"


def scrapes(content: Path) -> list[Path]:
    """The scrapes under ``content`` (not their sidecars, nor what a saved page carries)."""
    if not content.is_dir():
        return []
    return [p for p in walk(content) if kind_of(p.name) in ("html", "text")]


def build_index(content: Path, tick: Callable[[], None] | None = None) -> dedupe.Index:
    index = dedupe.Index()
    for path in scrapes(content):
        entry = entry_for(path)
        if entry is not None:
            index.add(entry)
        if tick:
            tick()
    return index


def entry_for(path: Path) -> dedupe.Entry | None:
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    sha256 = hashlib.sha256(raw).hexdigest()
    known = provenance.load(path)
    page_url, sketch = _described(raw, path, sha256)
    urls = {u for u in (dedupe.canonical_url(known.get("url")), dedupe.canonical_url(page_url))
            if u}
    return dedupe.Entry(path=path, sha256=sha256, urls=urls, sketch=sketch,
                        retrieved_at=known.get("retrieved_at"))


def remember(sha256: str, page_url: str | None, sketch: tuple[int, ...]) -> None:
    """Cache what the pipeline said of a file, for the next import's index."""
    target = cache_dir() / sha256[:2] / f"{sha256}.json"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps({"version": CACHE_VERSION, "url": page_url,
                                      "sketch": list(sketch)}), encoding="utf-8")
    except OSError:
        pass  # a cache that cannot be written only costs time


def _described(raw: bytes, path: Path, sha256: str) -> tuple[str | None, tuple[int, ...]]:
    try:
        cached = json.loads((cache_dir() / sha256[:2] / f"{sha256}.json").read_text("utf-8"))
        if cached.get("version") == CACHE_VERSION:
            return cached.get("url"), tuple(cached.get("sketch") or ())
    except (OSError, ValueError, AttributeError):
        pass
    try:
        clipping = pipeline.extract_bytes(raw, path.name, entities=False)
    except Exception:  # a scrape the build cannot read still counts by its bytes and sidecar
        return None, ()
    sketch = dedupe.sketch(clipping.text)
    remember(sha256, clipping.url, sketch)
    return clipping.url, sketch
