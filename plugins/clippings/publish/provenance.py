"""Where each article came from: the scrape as kept, copied into output/ byte for byte.

A scrape may be hostile HTML, so its copy must never render as a live page, whatever serves it:
the copy is named scrapes/<folder>/<article-slug>.txt (text/plain on every server and from
file://, so a browser shows the source), or .gz for a gzipped scrape (a download, never
decompressed into a page). The slug has no dot, so no server sees a second extension
('story.html.txt' would be text/html plus a handler to some Apache setups).
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path, PurePosixPath
from typing import Any

from dateutil.parser import isoparse
from pelican.generators import Generator

from ..read import provenance as sidecar

logger = logging.getLogger(__name__)

FOLDER = "scrapes"
SUFFIXES = (".txt", ".gz")


def copy_url(folder: str, slug: str, source_path: str) -> str:
    """The copy of one scrape in output/, e.g. scrapes/<folder>/<slug>.txt."""
    suffix = ".gz" if source_path.lower().endswith(".gz") else ".txt"
    return f"{FOLDER}/{folder}/{slug}{suffix}"


def is_copy(name: str) -> bool:
    """Whether an output file (relative POSIX name) is one of the scrape copies, by name alone."""
    path = PurePosixPath(name)
    return (len(path.parts) >= 3 and path.parts[0] == FOLDER and path.suffix in SUFFIXES
            and path.name.count(".") == 1)


def recorded(source_path: str, sha256: str) -> dict[str, Any]:
    """What `clippings import` recorded beside the scrape: URL, retrieval date, how obtained.

    Only what is there and makes sense is returned; the URL only when it is a web address.
    """
    record = sidecar.load(source_path)
    shown: dict[str, Any] = {}
    if _is_web_url(record.get("url")):
        shown["url"] = record["url"].strip()
    retrieved = _date(record.get("retrieved_at"))
    if retrieved:
        shown["retrieved_at"] = record["retrieved_at"].strip()
        shown["retrieved_on"] = retrieved
    if record.get("obtained"):
        shown["obtained"] = record["obtained"]
    if record.get("sha256") and record["sha256"].lower() != sha256:
        # The file is not the one imported: say so rather than vouch for either.
        shown["recorded_sha256"] = record["sha256"]
    return shown


def _is_web_url(url: str | None) -> bool:
    return bool(url) and url.strip().lower().startswith(("http://", "https://"))


def _date(value: str | None) -> str | None:
    """'2026-11-30T10:04:00+00:00' → '2026-11-30'; None when it is not a date."""
    if not value:
        return None
    try:
        return isoparse(value.strip()).date().isoformat()
    except (ValueError, OverflowError):
        return None


class ScrapeCopies(Generator):
    """Writes the copy of every published article's scrape, unchanged."""

    def generate_context(self) -> None:
        pass

    def generate_output(self, writer: Any) -> None:
        output = Path(self.output_path)
        for article in self.context.get("articles", []):
            kept = getattr(article, "provenance", None)
            if not kept or not kept.get("copy_url"):
                continue
            try:
                raw = Path(article.source_path).read_bytes()
            except OSError as exc:
                logger.error("No copy of %s: %s", kept["file"], exc.strerror or exc)
                continue
            if hashlib.sha256(raw).hexdigest() != kept["sha256"]:
                # Only a file replaced during the build does this: the next build puts it right.
                logger.info("%s changed while the site was built; its copy is the newer file",
                            kept["file"])
            target = output / kept["copy_url"]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(raw)


def generators(pelican: Any) -> type[Generator]:
    """get_generators: the scrape copies."""
    return ScrapeCopies
