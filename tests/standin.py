"""A small site built fast: real scrape files (so copies and hashes are real), a stand-in pipeline.

Used by test_links, test_pages, test_provenance and test_accessibility. The articles span three
years, three months, three sources, one article without a source or a date, one in Portuguese,
a gzipped HTML scrape and two provenance sidecars. Every article comes with people or places,
so the tag stage never runs here.
"""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

import pytest
from clippings import pipeline
from clippings.model import Clipping, Entity
from clippings.read import provenance
from sitebuild import build, cache_dir

SITEURL = "https://example.org/repo"

# content path → (file bytes, Clipping fields)
ARTICLES: dict[str, tuple[bytes, dict]] = {
    "scraped/daily-planet/older.txt": (
        b"Older news\n\nA plain text dump.\n",
        dict(title="Older news", date="2015-03-02", source="Daily Planet", lang="en",
             people=[Entity("Ada Quill", "person")], places=[Entity("Gotham", "place")])),
    "scraped/daily-planet/newer.html": (
        b"<html><body><h1>Newer news</h1><script>alert(1)</script><p>Body.</p></body></html>",
        dict(title="Not\u00edcias novas", date="2016-12-27T08:30:00+09:00", source="Daily Planet",
             lang="pt", url="https://planet.example/newer",
             people=[Entity("Ada Quill", "person")])),
    "scraped/daily-planet/zipped.html.gz": (
        gzip.compress(b"<html><body><h1>Zipped</h1></body></html>", mtime=0),
        dict(title="Zipped news", date="2016-12-01", source="The Bugle", lang="en",
             places=[Entity("Metropolis", "place")])),
    "scraped/other-paper/story.txt": (
        b"Story\n\nFrom another paper.\n",
        dict(title="A story & more", date="2014-03-05T23:30:00-05:00",
             source="Other Paper & Co", lang="en", places=[Entity("Gotham", "place")])),
    "scraped/other-paper/undated.txt": (
        b"Undated\n\nNo date, no source.\n",
        dict(title="<b>Undated</b> piece", lang="en", people=[Entity("Bo Index", "person")])),
}
SIDECARS = {
    "scraped/daily-planet/newer.html": {
        "url": "https://planet.example/newer?from=import",
        "retrieved_at": "2026-11-02T09:15:00+00:00", "obtained": "browser save"},
    "scraped/daily-planet/older.txt": {"sha256": "00" * 32},  # the file changed since import
}


def fake_extract_path(path, *, entities=True) -> Clipping:
    path = Path(path)
    raw = path.read_bytes()
    name = "/".join(path.parts[-3:])
    fields = ARTICLES[name][1]
    kind = "html" if ".htm" in path.name else "text"
    body = (f"<p>Body of {path.name}, see <a href=\"https://elsewhere.example/x\">there</a>.</p>")
    return Clipping(path=str(path), sha256=hashlib.sha256(raw).hexdigest(), kind=kind,
                    encoding="utf-8", html=body, text=f"Body of {path.name}.", **fields)


def write_content(root: Path) -> Path:
    content = root / "content"
    for name, (raw, _fields) in ARTICLES.items():
        target = content / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(raw)
    for name, record in SIDECARS.items():
        provenance.dump(content / name, record)
    return content


def build_site(root: Path, conf: str = "pelicanconf.py", **overrides) -> Path:
    """Build the stand-in site under ``root``; the output folder."""
    content = write_content(root)
    output = root / "output"
    with pytest.MonkeyPatch.context() as mp, cache_dir(root / "ner-cache"):
        mp.setattr(pipeline, "extract_path", fake_extract_path)
        build(content, output, conf=conf, **overrides)
    return output
