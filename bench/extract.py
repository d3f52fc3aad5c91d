"""Extraction benchmark: Clippings against trafilatura on the shared corpora, in one run.

Run from the repo root:  .venv/bin/python -m bench.extract   (or `make bench-extract`)

    --skip aeb|readability|textdump   leave a part out (repeatable)
    --no-trafilatura                  Clippings alone
    --limit N                         only the first N pages of each corpus (quick looks)
    --worst N                         how many of the worst pages to list (default 10)
    --out DIR                         where the PRED files go (default bench/out)

Parts, all from the same run:
- AEB (../shared/corpus/aeb): body precision / recall / F1 of both systems, scored with the
  functions of ../shared/tools/aeb_score.py (imported by path, same bootstrap), so the figures
  agree with that script run on the PRED files written to bench/out/; CPU ms per page (process
  time) of the whole `clippings extract --no-entities` path (read + clean + describe), of the
  clean stage alone (timed on a second read of the page), and of trafilatura (favor_precision,
  no comments, given the page's decoded text); the worst pages.
- Readability (../shared/corpus/readability): title / byline / date accuracy of both systems,
  scored as bench/metadata.py scores (only pages whose expected value is present), and their body
  F1 against the text of expected.html (informative: Readability's own output is no ground truth).
- Text dumps: the AEB pages as BeautifulSoup get_text("\\n") of the whole page (bench/textdump.py),
  through the text reader, scored against the AEB truth.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from bs4 import BeautifulSoup
from clippings.clean import clean
from clippings.pipeline import extract_path
from clippings.read import read_path

from bench import metadata, textdump
from bench.shared import AEB, OUT, READABILITY, ROOT, SHARED, aeb_scorer, f1

TARGETS = {"aeb_f1": 0.975, "page_f1": 0.5, "cpu_ratio": 1.5, "textdump_f1": 0.90}
TRAFILATURA = {"favor_precision": True, "include_comments": False}


def trafilatura_or_none():
    try:
        import trafilatura
    except ImportError:
        print("trafilatura is not installed (a dev dependency): Clippings alone", file=sys.stderr)
        return None
    return trafilatura


def cpu(fn: Callable, *args, **kwargs) -> tuple[object, float]:
    """fn's result and the process CPU seconds it took."""
    start = time.process_time()
    result = fn(*args, **kwargs)
    return result, time.process_time() - start


def _rel(path: Path) -> str:
    """The path as seen from the repo root, where the bench runs (../shared/...)."""
    return os.path.relpath(path, ROOT)


# --- AEB ---------------------------------------------------------------------------------------

@dataclasses.dataclass
class AebRun:
    """Both systems' texts and CPU seconds over the AEB pages."""

    ours: dict[str, str] = dataclasses.field(default_factory=dict)
    theirs: dict[str, str] = dataclasses.field(default_factory=dict)
    whole: float = 0.0  # read + clean + describe, as `clippings extract --no-entities`
    clean_only: float = 0.0
    trafilatura: float = 0.0
    differ: int = 0  # pages where the clean stage alone gave another text than the whole path


def measure_aeb(paths: dict[str, Path], traf) -> AebRun:
    run = AebRun()
    _warm_up(next(iter(paths.values())), traf)
    for page_id, path in paths.items():
        clipping, spent = cpu(extract_path, path, entities=False)
        run.ours[page_id] = clipping.text
        run.whole += spent
        page = read_path(path)
        cleaned, spent = cpu(clean, page)
        run.clean_only += spent
        run.differ += cleaned.text != clipping.text
        if traf:
            text, spent = cpu(traf.extract, page.text, **TRAFILATURA)
            run.theirs[page_id] = text or ""
            run.trafilatura += spent
    return run


def bench_aeb(scorer, traf, limit: int | None, worst: int, out: Path) -> None:
    truth_full = json.loads((AEB / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth_full)[:limit] if limit else sorted(truth_full)
    truth = {i: truth_full[i].get("articleBody") or "" for i in ids}
    run = measure_aeb({i: AEB / "html" / f"{i}.html.gz" for i in ids}, traf)
    ours, whole, clean_only, traf_cpu = run.ours, run.whole, run.clean_only, run.trafilatura
    n = len(ids)
    out.mkdir(parents=True, exist_ok=True)
    preds = {"clippings": ours, "trafilatura": run.theirs} if traf else {"clippings": ours}
    scores = {}
    for name, pred in preds.items():
        (out / f"{name}-aeb.json").write_text(json.dumps(pred, ensure_ascii=False, indent=1))
        scores[name] = scorer.evaluate(truth, pred)  # the script's defaults: 1000 resamples
    ms = {"clippings": whole / n * 1000, "trafilatura": traf_cpu / n * 1000}
    print(f"AEB body text, {n} pages ({_rel(AEB)}), scored by {_rel(SHARED / 'tools')}"
          "/aeb_score.py's functions")
    print(f"  {'system':<12} {'F1':<13}  {'precision':<13}  {'recall':<13}  empty  CPU ms/page")
    for name, score in scores.items():
        print(f"  {name:<12} " + "  ".join(f"{score[k]:.3f} ± {score[k + '_std']:.3f}"
                                           for k in ("f1", "precision", "recall"))
              + f"  {score['n_empty_pred']:5}  {ms[name]:.1f}")
    print(f"  Clippings CPU: whole `extract --no-entities` path (read+clean+describe) "
          f"{ms['clippings']:.1f} ms/page; clean stage alone {clean_only / n * 1000:.1f} ms/page")
    if run.differ:
        print(f"  warning: the clean stage alone gave another text than the whole path on "
              f"{run.differ} pages")
    if traf:
        print(f"  CPU ratio to trafilatura: clean stage {clean_only / traf_cpu:.2f}x, "
              f"whole path {whole / traf_cpu:.2f}x (target, on the whole path: ≤ "
              f"{TARGETS['cpu_ratio']}x)")
    per_page = {i: f1(row["precision"], row["recall"])
                for i, row in scores["clippings"]["per_page"].items()}
    # The target is checked on the whole path: trafilatura's time includes parsing the page too.
    _targets(scores, per_page, whole / traf_cpu if traf else None)
    print(f"  PRED files, to check: python3 {_rel(SHARED / 'tools' / 'aeb_score.py')} "
          + " ".join(_rel(out / f"{name}-aeb.json") for name in preds))
    print(f"  {worst} worst pages for Clippings (F1, P, R, id, host, truth/ours characters):")
    for page_id in sorted(per_page, key=lambda i: (per_page[i], i))[:worst]:
        row = scores["clippings"]["per_page"][page_id]
        url = truth_full[page_id].get("url") or ""
        host = metadata.host(url) or "?"
        print(f"    {per_page[page_id]:.3f}  P {row['precision'] or 0:.3f}  "
              f"R {row['recall'] or 0:.3f}  {page_id[:16]}  {host:<28} "
              f"{len(truth[page_id])}/{len(ours[page_id])}")


def _warm_up(path: Path, traf) -> None:
    """One untimed page per system, so lazy imports and compiled patterns are not charged to
    the first timed page."""
    extract_path(path, entities=False)
    if traf:
        traf.extract(read_path(path).text, **TRAFILATURA)


def _targets(scores: dict, per_page: dict[str, float], ratio: float | None) -> None:
    ours = scores["clippings"]["f1"]
    checks = [(f"F1 ≥ {TARGETS['aeb_f1']}", ours >= TARGETS["aeb_f1"])]
    if "trafilatura" in scores:
        checks.append(("above trafilatura", ours > scores["trafilatura"]["f1"]))
    low = sum(1 for value in per_page.values() if value < TARGETS["page_f1"])
    checks.append((f"no page under F1 {TARGETS['page_f1']} ({low} under)", low == 0))
    if ratio is not None:
        checks.append((f"whole-path CPU ≤ {TARGETS['cpu_ratio']}x trafilatura",
                       ratio <= TARGETS["cpu_ratio"]))
    print("  targets: " + "; ".join(f"{what}: {'ok' if ok else 'MISSED'}" for what, ok in checks))


# --- Readability -------------------------------------------------------------------------------

def bench_readability(scorer, traf, limit: int | None) -> None:
    pages = metadata.cases(SHARED)[:limit] if limit else metadata.cases(SHARED)
    fields = list(metadata.TARGETS)
    systems = ["clippings", "trafilatura"] if traf else ["clippings"]
    hits = {s: dict.fromkeys(fields, 0) for s in systems}
    total = dict.fromkeys(fields, 0)
    rows: dict[str, list] = {s: [] for s in systems}
    for source in pages:
        expected = metadata.expected_metadata(source)
        truth = _expected_text(source.parent / "expected.html")
        clipping = extract_path(source, entities=False)
        found = {"clippings": (metadata.from_clipping(clipping), clipping.text)}
        if traf:
            found["trafilatura"] = _trafilatura_meta(traf, read_path(source).text)
        for field in metadata.scored_fields(expected):
            total[field] += 1
            for name, (meta, _) in found.items():
                hits[name][field] += metadata.right(meta, field, expected)
        for name, (_, text) in found.items():
            rows[name].append(scorer.page_scores(scorer.page_counts(truth, text)))
    print(f"Readability pages, {len(pages)} ({_rel(READABILITY)}): metadata accuracy, "
          "only pages that have the field")
    print(f"  {'field':<7}" + "".join(f"{name:<20}" for name in systems) + "target")
    for field in fields:
        cells = "".join(_share(hits[name][field], total[field]) for name in systems)
        mark = "ok" if _ratio(hits["clippings"][field], total[field]) >= \
            metadata.TARGETS[field] else "MISSED"
        print(f"  {field:<7}{cells}{metadata.TARGETS[field]:.2f} ({mark})")
    print("  body against expected.html text (informative):")
    for name in systems:
        result = scorer.aggregate(rows[name])
        print(f"    {name:<12} F1 {result['f1']:.3f}  P {result['precision']:.3f}  "
              f"R {result['recall']:.3f}")


def _expected_text(path: Path) -> str:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml").get_text("\n")


def _trafilatura_meta(traf, html: str) -> tuple[metadata.Meta, str]:
    doc = traf.bare_extraction(html, with_metadata=True, **TRAFILATURA)
    if doc is None:
        return metadata.Meta(None, [], None, None, None), ""
    authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
    return metadata.Meta(doc.title, authors, doc.date, doc.sitename, doc.url), doc.text or ""


def _ratio(hits: int, total: int) -> float:
    return hits / total if total else 0.0


def _share(hits: int, total: int) -> str:
    return f"{hits:>3}/{total:<3} = {_ratio(hits, total):.3f}    "


# --- text dumps --------------------------------------------------------------------------------

def bench_textdump(scorer, limit: int | None, worst: int) -> None:
    pages = textdump.aeb_pages(keep_scripts=False)
    if limit:
        pages = itertools.islice(pages, limit)
    result, per_page, _ = textdump.score_pages(pages, scorer)
    mark = "ok" if result["f1"] >= TARGETS["textdump_f1"] else "MISSED"
    print(f"Text dumps of the AEB pages (get_text(\"\\n\") of the whole page, text reader), "
          f"{len(per_page)} pages:")
    print(f"  F1 {result['f1']:.3f}  P {result['precision']:.3f}  R {result['recall']:.3f}  "
          f"(target {TARGETS['textdump_f1']:.2f}: {mark})")
    listed = sorted(per_page, key=lambda row: (row[0], row[3]))[:worst]
    print("  worst: " + ", ".join(f"{key[:8]} {page_f1:.2f}" for page_f1, _, _, key in listed))


# -----------------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip", action="append", default=[],
                        choices=["aeb", "readability", "textdump"], help="leave a part out")
    parser.add_argument("--no-trafilatura", action="store_true", help="Clippings alone")
    parser.add_argument("--limit", type=int, help="only the first N pages of each corpus")
    parser.add_argument("--worst", type=int, default=10, help="list the N worst pages")
    parser.add_argument("--out", type=Path, default=OUT, help="where the PRED files go")
    args = parser.parse_args(argv)
    if not (SHARED / "tools" / "aeb_score.py").exists() or not AEB.is_dir():
        print(f"skipped: the shared corpus and scorer are absent ({_rel(SHARED)} not laid out "
              "beside the repo)", file=sys.stderr)
        return 0
    scorer = aeb_scorer()
    traf = None if args.no_trafilatura else trafilatura_or_none()
    if "aeb" not in args.skip:
        bench_aeb(scorer, traf, args.limit, args.worst, args.out)
    if "readability" not in args.skip:
        print()
        bench_readability(scorer, traf, args.limit)
    if "textdump" not in args.skip:
        print()
        bench_textdump(scorer, args.limit, args.worst)
    return 0


if __name__ == "__main__":
    sys.exit(main())
