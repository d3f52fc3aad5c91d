"""On-disk cache of raw NER results, so an unchanged rebuild runs no NER.

Key: sha256 of the text, the model's name and version, and RULES_VERSION. One JSON file per
text under ``$CLIPPINGS_CACHE_DIR/ner/`` (default ``.cache/clippings`` in the working
directory). Writes are atomic; an unreadable file counts as a miss and is rewritten.

The user's corrections file (content/corrections.toml, see tag/corrections.py) is not part of
the key: what is stored is the model's raw spans, and corrections are applied afterwards, to
the people and places built from them, on every build. Editing the corrections therefore costs
no NER, and an unchanged text always finds its spans here whatever the corrections say.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

# Bump when what is stored (or how spans are produced) changes, to invalidate old entries.
RULES_VERSION = "tag-1"

Span = tuple[int, int, str]


@dataclass
class Stats:
    ner_runs: int = 0
    cache_hits: int = 0

    def reset(self) -> None:
        self.ner_runs = 0
        self.cache_hits = 0

    def summary(self) -> str:
        return f"NER ran on {self.ner_runs} texts ({self.cache_hits} cached)"


stats = Stats()


def cache_dir() -> Path:
    configured = os.environ.get("CLIPPINGS_CACHE_DIR")
    base = Path(configured) if configured else Path.cwd() / ".cache" / "clippings"
    return base / "ner"


def key(text: str, model: str) -> str:
    h = hashlib.sha256()
    for part in (model, RULES_VERSION, text):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


def path_for(text: str, model: str) -> Path:
    k = key(text, model)
    return cache_dir() / k[:2] / f"{k}.json"


def get(text: str, model: str) -> list[Span] | None:
    """The cached spans for ``text``, or None when absent or unreadable."""
    try:
        data = json.loads(path_for(text, model).read_text(encoding="utf-8"))
        spans = [(int(s), int(e), str(label)) for s, e, label in data["spans"]]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if any(not 0 <= s < e <= len(text) for s, e, _ in spans):
        return None
    stats.cache_hits += 1
    return spans


def put(text: str, model: str, spans: list[Span]) -> None:
    """Store spans atomically (temp file + rename); a cache that cannot be written is skipped."""
    stats.ner_runs += 1
    target = path_for(text, model)
    payload = json.dumps({"model": model, "rules": RULES_VERSION, "spans": spans})
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(payload)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        pass
