"""What every input kind produces: articles to add (Item) or failures that name their input."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path


@dataclass
class Item:
    """One article to add: the scrape's bytes exactly as obtained, and where they came from."""

    name: str  # how messages name it: a path, a URL, or "<archive>#<n> <url>"
    raw: bytes
    ext: str  # the scrape's extension in the archive: ".html", ".html.gz", ".txt"
    obtained: str  # how: "file", "save-page-complete", "singlefile", "mhtml", "warc", "http"
    original_name: str
    url: str | None = None
    retrieved_at: str | None = None
    folder: Path | None = None  # a "Save page as, complete" companion folder, copied as it is
    assets: dict[str, bytes] = field(default_factory=dict)  # file name → image the scrape carries
    asset_urls: dict[str, str] = field(default_factory=dict)  # original URL → file name


@dataclass
class Failure:
    name: str
    reason: str

    def __str__(self) -> str:
        return f"{self.name}: {self.reason}"


def iso_time(moment: datetime | float) -> str:
    """A UTC timestamp in ISO 8601, to the second."""
    if not isinstance(moment, datetime):
        moment = datetime.fromtimestamp(moment, UTC)
    elif moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def now() -> str:
    return iso_time(datetime.now(UTC))
