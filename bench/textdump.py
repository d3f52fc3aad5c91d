"""Bench the text-dump cleaner on plain-text dumps made from the shared HTML corpora.

Each page becomes a dump as a scraper would make it — BeautifulSoup ``get_text("\\n")`` of the
whole page (script and style dropped unless --keep-scripts) — and goes through the clean stage.
AEB pages are scored against the ground truth with the reference scorer; Readability pages
against the text of their expected.html, with the same metric.

    .venv/bin/python -m bench.textdump [--corpus aeb|readability|both] [--worst N] [--out PRED.json]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

from bs4 import BeautifulSoup
from clippings.clean.textdump import clean_text
from clippings.read import read_bytes

from bench.shared import AEB, READABILITY, SHARED, aeb_scorer, f1


def dump(html: str, keep_scripts: bool) -> str:
    soup = BeautifulSoup(html, "lxml")
    if not keep_scripts:
        for tag in soup(["script", "style", "noscript", "template"]):
            tag.decompose()
    return soup.get_text("\n")


def extract(text: str, name: str) -> str:
    page = read_bytes(text.encode("utf-8"), f"{name}.txt", kind="text")
    return clean_text(page).text


def aeb_pages(keep_scripts: bool):
    truth = json.loads((AEB / "ground-truth.json").read_text(encoding="utf-8"))
    for key, item in sorted(truth.items()):
        raw = gzip.decompress((AEB / "html" / f"{key}.html.gz").read_bytes())
        yield key, dump(raw.decode("utf-8", errors="replace"), keep_scripts), item["articleBody"]


def readability_pages(keep_scripts: bool):
    for case in sorted(p for p in READABILITY.iterdir() if (p / "expected.html").exists()):
        source = (case / "source.html").read_text(encoding="utf-8", errors="replace")
        expected = BeautifulSoup((case / "expected.html").read_text(encoding="utf-8"), "lxml")
        yield case.name, dump(source, keep_scripts), expected.get_text("\n")


def score_pages(pages, score) -> tuple[dict, list[tuple], dict[str, str]]:
    """Clean every dump and score it: (corpus scores, per page (F1, P, R, key), predictions)."""
    rows, preds, per_page = [], {}, []
    for key, text, truth in pages:
        pred = extract(text, key)
        preds[key] = pred
        p, r, exact = score.page_scores(score.page_counts(truth, pred))
        rows.append((p, r, exact))
        per_page.append((f1(p, r), p, r, key))
    return score.aggregate(rows), per_page, preds


def report(name: str, result: dict, per_page: list[tuple], worst: int) -> None:
    print(f"{name}: {len(per_page)} pages  F1 {result['f1']:.3f}  "
          f"precision {result['precision']:.3f}  recall {result['recall']:.3f}")
    for page_f1, p, r, key in sorted(per_page, key=lambda row: (row[0], row[3]))[:worst]:
        print(f"  worst  F1 {page_f1:.2f}  P {_fmt(p)}  R {_fmt(r)}  {key}")


def run(name: str, pages, worst: int, score) -> dict[str, str]:
    result, per_page, preds = score_pages(pages, score)
    report(name, result, per_page, worst)
    return preds


def _fmt(value) -> str:
    return "  - " if value is None else f"{value:.2f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=["aeb", "readability", "both"], default="both")
    parser.add_argument("--worst", type=int, default=10, help="list the N worst pages")
    parser.add_argument("--keep-scripts", action="store_true", help="leave script text in dumps")
    parser.add_argument("--out", help="write the AEB predictions here (for aeb_score.py)")
    args = parser.parse_args(argv)
    if not SHARED.exists():
        print(f"no shared corpus at {SHARED}", file=sys.stderr)
        return 1
    score = aeb_scorer()
    if args.corpus in ("aeb", "both"):
        preds = run("AEB", aeb_pages(args.keep_scripts), args.worst, score)
        if args.out:
            Path(args.out).write_text(json.dumps(preds), encoding="utf-8")
    if args.corpus in ("readability", "both"):
        run("Readability", readability_pages(args.keep_scripts), args.worst, score)
    return 0


if __name__ == "__main__":
    sys.exit(main())
