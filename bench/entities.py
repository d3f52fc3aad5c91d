"""make bench-entities: people and places of `clippings entities --jsonl`, scored and timed.

Each text (../shared/corpus/gum-dev's 57 documents; the sample article's gold text, rebuilt from
content/ as ../shared/gold/sample_entities.json describes and checked by sha1) is written to a
file and the whole set goes through the `clippings entities --jsonl` code path (cli.main, in this
process, no corrections file), one run per corpus. The output is kept in bench/out/ and scored
with ../shared/tools/score_entities.py's own score(); the sample's tags are also compared with the
gold's lists of names. Speed is CPU time of this process and its workers: NER and the rules apart,
loading the model and gazetteer reported once, apart. The NER cache is off unless --cache.

    .venv/bin/python -m bench.entities [--cache] [--parallel N]

--parallel N times NER alone on N texts (gum-dev, then AEB article bodies) serially and with
the worker pool, alternately, and prints the ratios (same run, so the same machine load).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import importlib.util
import json
import os
import re
import resource
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
OUT = ROOT / "bench" / "out"
GUM = SHARED / "corpus" / "gum-dev" / "gum_dev_gold.json"
AEB_TRUTH = SHARED / "corpus" / "aeb" / "ground-truth.json"
SAMPLE_GOLD = SHARED / "gold" / "sample_entities.json"
SCORER = SHARED / "tools" / "score_entities.py"
SAMPLE = ROOT / "content" / "scraped" / "nikkei-asian-review"

# The targets.
MIN_F1 = {"people": 0.90, "places": 0.85}
MAX_NER_CPU_PER_1000_WORDS = 0.15


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", action="store_true", help="use the NER cache (default: off)")
    ap.add_argument("--parallel", type=int, metavar="N", default=0,
                    help="also time NER serial vs the worker pool on N texts")
    args = ap.parse_args()
    if not (GUM.is_file() and SAMPLE_GOLD.is_file() and SCORER.is_file()):
        print(f"bench-entities skipped: ../{SHARED.name}/ (gum-dev, the sample's gold and "
              "score_entities.py) is absent next to the repo")
        return
    if not args.cache:
        os.environ["CLIPPINGS_CACHE_DIR"] = tempfile.mkdtemp(prefix="clippings-bench-")

    from clippings.tag import ner, places

    load = cpu_now()
    ner.nlp()
    places.lookup("Paris")
    load = cpu_now() - load

    scorer = load_scorer()
    sample_gold = json.loads(SAMPLE_GOLD.read_text(encoding="utf-8"))
    sample = sample_as_gum(sample_gold, sample_text(sample_gold))
    timings = [run("sample", sample, scorer), run("gum-dev", load_json(GUM), scorer)]
    check_sample_names(sample_gold)
    report_speed(timings, load)
    if args.parallel:
        compare_parallel(args.parallel)


# --- the two corpora ---------------------------------------------------------------------

def load_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def sample_text(gold: dict) -> str:
    """The sample from the headline through the last paragraph before the sponsored block,
    runs of blank lines collapsed to one, as the gold offsets expect."""
    raw = next(SAMPLE.glob("*.txt")).read_text(encoding="utf-8")
    first_gold = gold["mentions"][0]["context"][:20]
    start = raw.index(first_gold)
    end = raw.index("Sponsored Content", start)
    text = re.sub(r"\n{3,}", "\n\n", raw[start:end]).strip()
    if hashlib.sha1(text.encode("utf-8")).hexdigest() != gold["text_sha1"]:
        raise SystemExit("sample text does not match the gold's sha1")
    return text


def sample_as_gum(gold: dict, text: str) -> dict:
    """The sample gold in the scorer's GUM shape (one doc, chains by canonical name)."""
    doc: dict = {"id": "sample", "text": text, "people": [], "places": []}
    for m in gold["mentions"]:
        kind = "people" if m["type"] == "PERSON" else "places"
        doc[kind].append({"start": m["start"], "end": m["end"], "entity_id": m["canonical"]})
    return {"docs": [doc]}


# --- one corpus through the CLI, scored ----------------------------------------------------

class Timing:
    def __init__(self, name: str, words: int) -> None:
        self.name, self.words = name, words
        self.total = self.ner = 0.0


def run(name: str, gold: dict, scorer: ModuleType) -> Timing:
    docs = gold["docs"]
    OUT.mkdir(parents=True, exist_ok=True)
    pred_path = OUT / f"{name}_pred.jsonl"
    timing = Timing(name, sum(len(d["text"].split()) for d in docs))
    with tempfile.TemporaryDirectory(prefix="clippings-bench-") as tmp:
        paths = []
        for i, doc in enumerate(docs):
            path = Path(tmp) / f"{i:03d}.txt"
            path.write_bytes(doc["text"].encode("utf-8"))  # exactly the text the offsets index
            paths.append(str(path))
        with pred_path.open("w", encoding="utf-8") as out, timed_ner(timing):
            start = cpu_now()
            status = cli_entities(paths, out)
            timing.total = cpu_now() - start
    if status:
        raise SystemExit(f"clippings entities exited with status {status} on {name}")
    preds = [json.loads(line) for line in pred_path.read_text(encoding="utf-8").splitlines()
             if line.strip()]
    result, errors = scorer.score(docs, preds)
    errors_path = OUT / f"{name}_errors.json"
    errors_path.write_text(json.dumps(errors, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"== {name}: {len(docs)} docs, {timing.words} words  "
          f"(output {pred_path.relative_to(ROOT)}, errors {errors_path.relative_to(ROOT)})")
    print(f"   {json.dumps(result)}")
    for kind in ("people", "places"):
        f1 = result[kind]["f1"]
        target = f"target >= {MIN_F1[kind]:.2f}: {mark(f1 >= MIN_F1[kind])}" if (
            name == "gum-dev") else "target: the gold's names (below)"
        print(f"   {kind:6s} P {result[kind]['p']:.3f}  R {result[kind]['r']:.3f}  "
              f"F1 {f1:.3f}   {target}")
    return timing


def cli_entities(paths: list[str], out: Any) -> int:
    """`clippings entities --jsonl PATH...`, run in this process, stdout into ``out``."""
    from clippings import cli

    with contextlib.redirect_stdout(out):
        return cli.main(["entities", "--jsonl", *paths])


@contextlib.contextmanager
def timed_ner(timing: Timing) -> Iterator[None]:
    """Count the CPU time spent inside the model (ner.run_ner) apart from the rest."""
    from clippings.tag import ner

    original: Callable[..., Any] = ner.run_ner

    def counted(*args: Any, **kwargs: Any) -> Iterator[Any]:
        start = cpu_now()
        found = list(original(*args, **kwargs))
        timing.ner += cpu_now() - start
        return iter(found)

    ner.run_ner = counted
    try:
        yield
    finally:
        ner.run_ner = original


def check_sample_names(gold: dict) -> None:
    """The sample's tags, by name, against the gold lists (aliases must be merged, not extra)."""
    preds = [json.loads(line) for line in (OUT / "sample_pred.jsonl").read_text(
        encoding="utf-8").splitlines() if line.strip()]
    for kind in ("people", "places"):
        names = {t["name"] for t in preds[0][kind]}
        want = set(gold[kind])
        missing, extra = sorted(want - names), sorted(names - want)
        detail = "" if not (missing or extra) else f"  missing {missing}  extra {extra}"
        print(f"   sample {kind}: {len(names & want)}/{len(want)} gold names, {len(extra)} extra"
              f"   target: equal: {mark(not missing and not extra)}{detail}")


# --- speed -----------------------------------------------------------------------------------

def report_speed(timings: list[Timing], load: float) -> None:
    from clippings.tag import stats

    words = sum(t.words for t in timings)
    total = sum(t.total for t in timings)
    ner_cpu = sum(t.ner for t in timings)
    rules = total - ner_cpu
    ner_per_k = 1000 * ner_cpu / words
    print(f"== speed: {words} words, CPU-s of this process and its workers; loading the model "
          f"and gazetteer {load:.2f} CPU-s, once per process, not counted below")
    print(f"   NER        {ner_cpu:6.2f} CPU-s  {_rate(words, ner_cpu):8.0f} words/CPU-s"
          f"  {ner_per_k:.3f} CPU-s per 1,000 words   target <= "
          f"{MAX_NER_CPU_PER_1000_WORDS}: {mark(ner_per_k <= MAX_NER_CPU_PER_1000_WORDS)}")
    print(f"   rules      {rules:6.2f} CPU-s  {_rate(words, rules):8.0f} words/CPU-s"
          f"  {1000 * rules / words:.3f} CPU-s per 1,000 words")
    print(f"   together   {total:6.2f} CPU-s  {_rate(words, total):8.0f} words/CPU-s"
          f"  {1000 * total / words:.3f} CPU-s per 1,000 words")
    print(f"   NER ran on {stats.ner_runs} text(s); {stats.cache_hits} came from the cache")


def compare_parallel(n: int) -> None:
    """Serial vs the worker pool on the same texts, alternating, ratios to serial."""
    from clippings.tag import ner

    texts = [d["text"] for d in load_json(GUM)["docs"]]
    if AEB_TRUTH.is_file():
        texts += [v["articleBody"] for _, v in sorted(load_json(AEB_TRUTH).items())]
    texts = texts[:n]
    words = sum(len(t.split()) for t in texts)
    print(f"== NER alone on {len(texts)} texts ({words} words), no cache: serial vs "
          f"{ner.PROCESSES} processes, alternating, twice each")
    found: dict[int, list[tuple[float, float]]] = {1: [], ner.PROCESSES: []}
    reference = None
    for processes in [1, ner.PROCESSES] * 2:
        wall, cpu = time.perf_counter(), cpu_now()
        spans = list(ner.run_ner(texts, processes=processes, progress=False))
        wall, cpu = time.perf_counter() - wall, cpu_now() - cpu
        found[processes].append((wall, cpu))
        reference = reference or spans
        same = "identical" if spans == reference else "DIFFERENT"
        print(f"   {processes} process(es): wall {wall:6.2f} s  CPU {cpu:6.2f} s  ({same})")
    serial_wall = sum(w for w, _ in found[1])
    serial_cpu = sum(c for _, c in found[1])
    for processes, runs in found.items():
        print(f"   {processes} process(es): wall {sum(w for w, _ in runs) / serial_wall:.2f}, "
              f"CPU {sum(c for _, c in runs) / serial_cpu:.2f} (serial = 1.00)")


def _rate(words: int, seconds: float) -> float:
    return words / seconds if seconds > 0 else 0.0


def cpu_now() -> float:
    """CPU seconds of this process and of its finished children (the NER workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def mark(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def load_scorer() -> ModuleType:
    """../shared/tools/score_entities.py as a module, so the figures are exactly its own."""
    spec = importlib.util.spec_from_file_location("score_entities", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


if __name__ == "__main__":
    sys.exit(main())
