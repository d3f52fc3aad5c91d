"""Duplicates: the same article under another URL, or (nearly) the same text in another file.

URLs are compared in a canonical form: no scheme, no fragment, no tracking parameters, no AMP or
mobile host or path, no trailing slash (the lists are data files in ``data/``). Texts are
compared by their word shingles: each text keeps a bottom-k sketch (the K smallest 64-bit hashes
of its 5-word shingles), from which the Jaccard similarity of two texts is estimated.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

from ..datafiles import entries

DATA = Path(__file__).parent / "data"
SHINGLE = 5  # words per shingle
K = 128  # hashes kept per text
# At or above this, two texts are one article (a re-scrape, another site's copy of the same
# story). With 5-word shingles, 0.9 is about one word in a hundred changed, or a tenth more text
# added: an update longer than that is kept as an article of its own rather than lost.
JACCARD = 0.9
MIN_WORDS = 30  # shorter texts (teasers, stubs) say too little to be compared
WORD = re.compile(r"\w+")
DEFAULT_PORTS = {"http": 80, "https": 443}
AMP_PATH = re.compile(r"(?:^/amp(?=/)|/amp/?$|\.amp(?=\.html?$))", re.IGNORECASE)


@cache
def _tracking() -> tuple[frozenset[str], tuple[str, ...]]:
    names = [name.lower() for name in entries(DATA / "tracking_params.txt")]
    exact = frozenset(n for n in names if not n.endswith("*"))
    prefixes = tuple(n[:-1] for n in names if n.endswith("*"))
    return exact, prefixes


def _dropped(name: str, value: str) -> bool:
    name = name.lower()
    exact, prefixes = _tracking()
    if name in exact or name.startswith(prefixes):
        return True
    amp = entries(DATA / "amp_params.txt")
    return name in amp or f"{name}={value.lower()}" in amp


def canonical_url(url: str | None) -> str | None:
    """The form two URLs of one article share; None for anything but an http(s) URL."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    if scheme not in DEFAULT_PORTS or not host:
        return None
    prefixes = entries(DATA / "mobile_hosts.txt")
    stripped = True
    while stripped:
        stripped = False
        for prefix in prefixes:
            # "m.example.com" → "example.com", but never down to a bare top-level domain.
            if host.startswith(prefix) and "." in host[len(prefix):]:
                host, stripped = host[len(prefix):], True
    if port and port != DEFAULT_PORTS[scheme]:
        host = f"{host}:{port}"
    path = re.sub(r"/{2,}", "/", unquote(parts.path) or "/")
    path = AMP_PATH.sub("", path).rstrip("/")
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                   if not _dropped(k, v))
    return host + path + (f"?{urlencode(query)}" if query else "")


def sketch(text: str) -> tuple[int, ...]:
    """The bottom-k sketch of the text's word shingles; () when the text is too short."""
    words = [w.lower() for w in WORD.findall(text)]
    if len(words) < MIN_WORDS:
        return ()
    hashes = {
        int.from_bytes(hashlib.blake2b(" ".join(words[i:i + SHINGLE]).encode(),
                                       digest_size=8).digest(), "big")
        for i in range(len(words) - SHINGLE + 1)
    }
    return tuple(sorted(hashes)[:K])


def similarity(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two sketches."""
    if not a or not b:
        return 0.0
    union = sorted(set(a) | set(b))[:K]
    both = set(a) & set(b)
    return sum(1 for h in union if h in both) / len(union)


@dataclass
class Entry:
    """One article already in the archive (or added earlier in this run)."""

    path: Path
    sha256: str
    urls: set[str] = field(default_factory=set)  # canonical forms
    sketch: tuple[int, ...] = ()
    retrieved_at: str | None = None


@dataclass
class Match:
    entry: Entry
    reason: str


class Index:
    """What the archive holds, looked up by bytes, canonical URL and text."""

    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self.by_sha: dict[str, Entry] = {}
        self.by_url: dict[str, Entry] = {}
        self.by_hash: dict[int, list[Entry]] = {}

    def __len__(self) -> int:
        return len(self.entries)

    def add(self, entry: Entry) -> None:
        self.entries.append(entry)
        self.by_sha.setdefault(entry.sha256, entry)
        for url in entry.urls:
            self.by_url.setdefault(url, entry)
        for value in entry.sketch:
            self.by_hash.setdefault(value, []).append(entry)

    def remove(self, entry: Entry) -> None:
        self.entries.remove(entry)
        if self.by_sha.get(entry.sha256) is entry:
            del self.by_sha[entry.sha256]
        for url in entry.urls:
            if self.by_url.get(url) is entry:
                del self.by_url[url]
        for value in entry.sketch:
            self.by_hash[value] = [e for e in self.by_hash[value] if e is not entry]

    def match(self, sha256: str, urls: set[str], text_sketch: tuple[int, ...]) -> Match | None:
        """The archived article this one duplicates, with the reason, or None."""
        if sha256 in self.by_sha:
            return Match(self.by_sha[sha256], "the same file")
        for url in sorted(urls):
            if url in self.by_url:
                return Match(self.by_url[url], f"the same URL ({url})")
        if not text_sketch:
            return None
        # Only texts sharing a good part of the sketch can reach the threshold.
        shared = Counter(id(e) for h in text_sketch for e in self.by_hash.get(h, ()))
        floor = len(text_sketch) * JACCARD / 2
        best: tuple[float, Entry] | None = None
        for entry in {id(e): e for h in text_sketch for e in self.by_hash.get(h, ())}.values():
            if shared[id(entry)] < floor:
                continue
            score = similarity(text_sketch, entry.sketch)
            if score >= JACCARD and (best is None or score > best[0]):
                best = (score, entry)
        if best is None:
            return None
        return Match(best[1], f"the same text ({best[0]:.0%} of word shingles shared)")
