"""Body extraction on the Article Extraction Benchmark: Clippings' cleaner against trafilatura.

Run from the repo root:  .venv/bin/python -m bench.extract [--limit N] [--no-trafilatura]

Reads ../shared/corpus/aeb, writes bench/out/clippings-aeb.json (and trafilatura-aeb.json),
scores both with ../shared/tools/aeb_score.py (imported by path, so the figures are the
reference scorer's), and prints F1, precision, recall, CPU ms per page and the worst pages.
CPU time is process time: the read stage (decode + parse into page.dom) and the clean stage are
timed apart; trafilatura gets the same decoded text and does its own parsing.
"""

from __future__ import annotations

import argparse
import json
import time

from clippings.clean import clean
from clippings.read import read_path

from bench.shared import AEB, OUT, SHARED, aeb_scorer, f1


def run(limit: int | None, with_trafilatura: bool) -> None:
    scorer = aeb_scorer()
    truth = scorer.load_truth(AEB / "ground-truth.json")
    ids = sorted(truth)[:limit] if limit else sorted(truth)
    truth = {i: truth[i] for i in ids}
    ours: dict[str, str] = {}
    theirs: dict[str, str] = {}
    read_cpu = clean_cpu = traf_cpu = 0.0
    if with_trafilatura:
        import trafilatura
    for page_id in ids:
        start = time.process_time()
        page = read_path(AEB / "html" / f"{page_id}.html.gz")
        middle = time.process_time()
        ours[page_id] = clean(page).text
        end = time.process_time()
        read_cpu += middle - start
        clean_cpu += end - middle
        if with_trafilatura:
            start = time.process_time()
            theirs[page_id] = trafilatura.extract(page.text, favor_precision=True,
                                                  include_comments=False) or ""
            traf_cpu += time.process_time() - start
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "clippings-aeb.json").write_text(json.dumps(ours, ensure_ascii=False, indent=1))
    n = len(ids)
    ours_score = scorer.evaluate(truth, ours, n_boot=200)
    _line("clippings", ours_score, (read_cpu + clean_cpu) / n * 1000)
    print(f"{'':<12} clean stage alone {clean_cpu / n * 1000:.1f} ms/page, "
          f"read stage {read_cpu / n * 1000:.1f} ms/page")
    if with_trafilatura:
        (OUT / "trafilatura-aeb.json").write_text(json.dumps(theirs, ensure_ascii=False,
                                                             indent=1))
        theirs_score = scorer.evaluate(truth, theirs, n_boot=200)
        _line("trafilatura", theirs_score, traf_cpu / n * 1000)
        print(f"CPU ratio clippings/trafilatura: clean stage {clean_cpu / traf_cpu:.2f}x, "
              f"read+clean {(read_cpu + clean_cpu) / traf_cpu:.2f}x")
    _worst(ours_score["per_page"], truth, ours)


def _line(name: str, score: dict, ms: float) -> None:
    print(f"{name:<12} F1 {score['f1']:.3f} ± {score['f1_std']:.3f}  "
          f"P {score['precision']:.3f}  R {score['recall']:.3f}  "
          f"empty {score['n_empty_pred']}  {ms:.1f} ms/page")


def _worst(per_page: dict, truth: dict, ours: dict) -> None:
    def page_f1(row: dict) -> float:
        return f1(row["precision"], row["recall"])

    print("ten worst pages (F1, P, R, id, truth/ours length):")
    for page_id, row in sorted(per_page.items(), key=lambda kv: page_f1(kv[1]))[:10]:
        print(f"  {page_f1(row):.3f}  P {row['precision'] or 0:.3f}  R {row['recall'] or 0:.3f}  "
              f"{page_id[:16]}  {len(truth[page_id])}/{len(ours[page_id])}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="only the first N pages")
    parser.add_argument("--no-trafilatura", action="store_true")
    args = parser.parse_args()
    if not (SHARED / "tools" / "aeb_score.py").exists():
        raise SystemExit(f"needs {SHARED} (the AEB corpus and the reference scorer)")
    run(args.limit, not args.no_trafilatura)


if __name__ == "__main__":
    main()
