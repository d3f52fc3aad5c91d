"""Entity tagging benchmark: people/places F1 on GUM-dev and on the sample, and speed.

Runs tag_text over ../shared/corpus/gum-dev/gum_dev_gold.json and over the sample article's gold
text (rebuilt from content/ as ../shared/gold/sample_entities.json describes, checked by sha1),
writes PRED jsonl files to bench/out/, scores them with ../shared/tools/score_entities.py and
prints words per CPU-second and CPU-seconds per 1,000 words (model loading excluded and
reported apart; NER cache off unless --cache).

    .venv/bin/python bench/entities.py [--cache]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
OUT = ROOT / "bench" / "out"
GUM = SHARED / "corpus" / "gum-dev" / "gum_dev_gold.json"
SAMPLE_GOLD = SHARED / "gold" / "sample_entities.json"
SCORER = SHARED / "tools" / "score_entities.py"
SAMPLE = ROOT / "content" / "scraped" / "nikkei-asian-review"


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


def run(name: str, gold: dict, tag_text, to_json) -> tuple[float, int]:
    docs = gold["docs"]
    OUT.mkdir(parents=True, exist_ok=True)
    gold_path = OUT / f"{name}_gold.json"
    gold_path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    pred_path = OUT / f"{name}_pred.jsonl"
    cpu = 0.0
    with pred_path.open("w", encoding="utf-8") as f:
        for doc in docs:
            t0 = time.process_time()
            people, places = tag_text(doc["text"])
            cpu += time.process_time() - t0
            f.write(json.dumps(to_json(people, places), ensure_ascii=False) + "\n")
    errors = OUT / f"{name}_errors.json"
    result = subprocess.run(
        [sys.executable, str(SCORER), str(gold_path), str(pred_path), "--errors", str(errors)],
        capture_output=True, text=True, check=False,
    )
    print(f"== {name}: {len(docs)} docs  (pred {pred_path.relative_to(ROOT)}, "
          f"errors {errors.relative_to(ROOT)})")
    print(result.stdout.strip())
    words = sum(len(d["text"].split()) for d in docs)
    return cpu, words


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", action="store_true", help="use the NER cache (default: off)")
    args = ap.parse_args()
    if not SHARED.is_dir():
        raise SystemExit(f"{SHARED} is absent: nothing to benchmark")
    if not args.cache:
        os.environ["CLIPPINGS_CACHE_DIR"] = tempfile.mkdtemp(prefix="clippings-bench-")

    from clippings.tag import stats, tag_text, to_json
    from clippings.tag.ner import nlp
    from clippings.tag.places import lookup

    t0 = time.process_time()
    nlp()
    lookup("Paris")
    load = time.process_time() - t0

    sample_gold = json.loads(SAMPLE_GOLD.read_text(encoding="utf-8"))
    total_cpu, total_words = run(
        "sample", sample_as_gum(sample_gold, sample_text(sample_gold)), tag_text, to_json)
    cpu, words = run("gum-dev", json.loads(GUM.read_text(encoding="utf-8")), tag_text, to_json)
    total_cpu += cpu
    total_words += words

    print(f"== speed: {total_words} words in {total_cpu:.2f} CPU-s "
          f"(+{load:.2f} CPU-s loading model and gazetteer, once per process)")
    print(f"   {total_words / total_cpu:.0f} words per CPU-second, "
          f"{1000 * total_cpu / total_words:.3f} CPU-s per 1,000 words;  {stats.summary()}")


if __name__ == "__main__":
    main()
