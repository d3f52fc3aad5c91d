"""Turn `clippings extract --jsonl` output into the PRED form of ../shared/tools/aeb_score.py.

    .venv/bin/clippings extract --jsonl --no-entities ../shared/corpus/aeb/html \
        | .venv/bin/python bench/aeb_pred.py > bench/out/aeb_cli.json
    python3 ../shared/tools/aeb_score.py bench/out/aeb_cli.json \
        --truth ../shared/corpus/aeb/ground-truth.json

An AEB page's id is its file name without .html.gz.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main() -> None:
    pred = {}
    for line in sys.stdin:
        if line.strip():
            record = json.loads(line)
            pred[Path(record["path"]).name.split(".")[0]] = record["text"]
    json.dump(pred, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
