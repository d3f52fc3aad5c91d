"""Where a scrape came from, kept beside it: ``<scrape>.provenance.json``.

`clippings import` writes one for every file it adds; the reader shows what it holds (original
URL, retrieval time, how the file was obtained). A scrape without one is fine: its provenance is
then only what the file itself says. Never written by the build.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SUFFIX = ".provenance.json"
# The keys a sidecar may carry; anything else in the file is ignored.
FIELDS = ("url", "retrieved_at", "sha256", "obtained", "original_name", "source")


def sidecar_path(scrape: str | Path) -> Path:
    """The provenance file of a scrape: its full file name plus SUFFIX."""
    scrape = Path(scrape)
    return scrape.with_name(scrape.name + SUFFIX)


def load(scrape: str | Path) -> dict[str, Any]:
    """The scrape's recorded provenance, {} when there is none or it cannot be read."""
    try:
        data = json.loads(sidecar_path(scrape).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {key: data[key] for key in FIELDS if isinstance(data.get(key), str) and data[key]}


def dump(scrape: str | Path, record: dict[str, Any]) -> Path:
    """Write the provenance file of a scrape (keys outside FIELDS are dropped); its path."""
    target = sidecar_path(scrape)
    kept = {key: record[key] for key in FIELDS if record.get(key)}
    target.write_text(json.dumps(kept, indent=2, sort_keys=True, ensure_ascii=False) + "\n",
                      encoding="utf-8")
    return target
