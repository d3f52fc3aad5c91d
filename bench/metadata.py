"""Metadata benchmark: read → clean → describe over Readability's test pages, scored against
their expected-metadata.json. Only pages whose expected value is present count for a field.

    .venv/bin/python bench/metadata.py [--shared ../shared] [--verbose]

Scoring (words are \\w+ runs, case-insensitive):
- title: right when our words equal the expected words, or one is the other plus the site's name
  (the expected siteName, the source we found, or the page's host name) at its start or end;
- byline: right when the words of our authors all occur in the expected byline (without "By")
  and include the expected byline's first name (its words up to the first comma, parenthesis
  or line break);
- date: right when the day (YYYY-MM-DD as written in the value) matches.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import NamedTuple

from clippings.model import Clipping
from clippings.pipeline import extract_path

REPO = Path(__file__).resolve().parents[1]
TARGETS = {"title": 0.95, "byline": 0.90, "date": 0.95}
EXPECTED_KEY = {"title": "title", "byline": "byline", "date": "publishedTime"}


def words(text: str | None) -> list[str]:
    return re.findall(r"\w+", (text or "").casefold())


def letters(text: str | None) -> str:
    return "".join(words(text))


def title_right(ours: str | None, expected: str, sites: list[str | None]) -> bool:
    """Same words, or the same but for the site's name at one end ("Headline | Site"). Site
    names are compared by their letters, so "HeraldSun" is "Herald Sun" and "[LWN.net]" is the
    host name lwn.net."""
    a, b = letters(ours), letters(expected)
    if words(ours) == words(expected):
        return True
    names = [n for site in filter(None, sites)
             for n in (site, re.sub(r"\.[a-z]{2,4}$", "", site.strip(), flags=re.I))]
    for site in names:
        s = letters(site)
        for longer, shorter in ((a, b), (b, a)):
            if s and shorter and longer in (shorter + s, s + shorter):
                return True
    return False


def host(url: str | None) -> str | None:
    """The URL's host without "www." (a site's name as its address spells it)."""
    match = re.match(r"https?://(?:www\.)?([^/:]+)", url or "")
    return match.group(1) if match else None


def host_label(url: str | None) -> str | None:
    name = host(url)
    return name.rsplit(".", 1)[0] if name and "." in name else None


def byline_right(ours: list[str], expected: str) -> bool:
    full = set(words(expected)) - {"by"}
    first = re.split(r"[,(\n]", re.sub(r"^\s*by\b:?", "", expected.strip(), flags=re.I))[0]
    mine = {w for name in ours for w in words(name)}
    return bool(mine) and mine <= full and set(words(first)) - {"by"} <= mine


def date_right(ours: str | None, expected: str) -> bool:
    return bool(ours) and ours[:10] == expected.strip()[:10]


class Meta(NamedTuple):
    """What one system found on a page, in the form the scoring needs."""

    title: str | None
    authors: list[str]
    date: str | None
    source: str | None
    url: str | None


def from_clipping(clipping: Clipping) -> Meta:
    return Meta(clipping.title, clipping.authors, clipping.date, clipping.source, clipping.url)


def found(meta: Meta, field: str) -> str | list[str] | None:
    return {"title": meta.title, "byline": meta.authors, "date": meta.date}[field]


def right(meta: Meta, field: str, expected: dict) -> bool:
    value = expected[EXPECTED_KEY[field]]
    if field == "title":
        sites = [expected.get("siteName"), meta.source, host(meta.url), host_label(meta.url)]
        return title_right(meta.title, value, sites)
    if field == "byline":
        return byline_right(meta.authors, value)
    return date_right(meta.date, value)


def scored_fields(expected: dict) -> list[str]:
    """The fields a page counts for: those whose expected value is present."""
    return [field for field, key in EXPECTED_KEY.items() if expected.get(key)]


def cases(shared: Path) -> list[Path]:
    """The Readability pages (their source.html), sorted by name."""
    return sorted((shared / "corpus" / "readability").glob("*/source.html"))


def expected_metadata(source: Path) -> dict:
    return json.loads((source.parent / "expected-metadata.json").read_text("utf-8"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--verbose", "-v", action="store_true", help="print every miss")
    args = parser.parse_args()
    pages = cases(args.shared)
    if not pages:
        print(f"no Readability corpus under {args.shared}; nothing to measure", file=sys.stderr)
        return 2
    hits = {field: 0 for field in TARGETS}
    total = {field: 0 for field in TARGETS}
    undated_wrongly = 0
    for path in pages:
        expected = expected_metadata(path)
        clipping = extract_path(path, entities=False)
        meta = from_clipping(clipping)
        for field in scored_fields(expected):
            total[field] += 1
            ok = right(meta, field, expected)
            hits[field] += ok
            if not ok and args.verbose:
                print(f"  miss {field:6} {path.parent.name}: {found(meta, field)!r} ≠ "
                      f"{expected[EXPECTED_KEY[field]]!r}")
        if not expected.get("publishedTime") and clipping.date:
            undated_wrongly += 1
    print(f"Readability metadata, {len(pages)} pages (read → clean → describe)")
    for field, target in TARGETS.items():
        share = hits[field] / total[field] if total[field] else 0.0
        mark = "ok" if share >= target else "below target"
        print(f"  {field:6} {hits[field]:3}/{total[field]:<3} = {share:.3f}"
              f"  (target {target:.2f}: {mark})")
    print(f"  dates found where Readability has none: {undated_wrongly} "
          "(not scored: Readability reads fewer date sources)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
