"""Golden files: a few real pages per failure class, their cleaned text as the code gives it now.

    .venv/bin/python -m bench.golden            compare, print a short diff per changed page
    .venv/bin/python -m bench.golden --write    rewrite tests/golden/ (`make golden`)

The pages are listed in tests/golden/cases.tsv (name, path under ../shared/corpus, what the page
guards) and read in place from ../shared: nothing of the corpus is copied into the repo. For each,
tests/golden/<name>.txt holds the body text of `clippings extract --no-entities` and <name>.json
the title, authors, date, source, the incomplete flag and the figures' captions and credits.
The goldens record behaviour, not truth: when the cleaner changes, rewrite them and review the
change as a git diff. tests/test_golden.py loads this file by path, so it imports only clippings.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from pathlib import Path
from typing import NamedTuple

from clippings.model import Clipping
from clippings.pipeline import extract_path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
GOLDEN = ROOT / "tests" / "golden"
DIFF_LINES = 40


class Case(NamedTuple):
    name: str
    source: Path
    guards: str


def cases() -> list[Case]:
    rows = (GOLDEN / "cases.tsv").read_text(encoding="utf-8").splitlines()
    found = []
    for row in rows:
        if row.strip() and not row.startswith("#"):
            name, path, guards = row.split("\t")
            found.append(Case(name, CORPUS / path, guards))
    return found


def render(clipping: Clipping) -> tuple[str, str]:
    """The golden pair for one clipping: its body text and its metadata as JSON."""
    meta = {
        "title": clipping.title,
        "authors": clipping.authors,
        "date": clipping.date,
        "source": clipping.source,
        "incomplete": clipping.incomplete,
        "figures": [{"caption": f.caption, "credit": f.credit} for f in clipping.figures],
    }
    return clipping.text + "\n", json.dumps(meta, ensure_ascii=False, indent=1) + "\n"


def current(case: Case) -> tuple[str, str]:
    return render(extract_path(case.source, entities=False))


def stored(case: Case) -> tuple[str, str]:
    """The golden pair on disk ("" for a file not written yet)."""
    files = (GOLDEN / f"{case.name}.txt", GOLDEN / f"{case.name}.json")
    return tuple(f.read_text(encoding="utf-8") if f.exists() else "" for f in files)


def diff(expected: str, actual: str, name: str, limit: int = DIFF_LINES) -> str:
    """A unified diff, cut to `limit` lines (a changed page can differ everywhere)."""
    lines = list(difflib.unified_diff(expected.splitlines(), actual.splitlines(),
                                      f"golden/{name}", f"now/{name}", n=1, lineterm=""))
    if len(lines) > limit:
        lines = lines[:limit] + [f"... {len(lines) - limit} more diff lines"]
    return "\n".join(lines)


def changes(case: Case) -> list[str]:
    """A short diff for each golden file of the case that the code no longer reproduces."""
    (want_text, want_meta), (have_text, have_meta) = stored(case), current(case)
    return [diff(want, have, case.name + suffix)
            for want, have, suffix in ((want_text, have_text, ".txt"),
                                       (want_meta, have_meta, ".json"))
            if want != have]


def write(case: Case) -> bool:
    """Rewrite the case's golden pair; True when it changed."""
    text, meta = current(case)
    changed = (text, meta) != stored(case)
    (GOLDEN / f"{case.name}.txt").write_text(text, encoding="utf-8")
    (GOLDEN / f"{case.name}.json").write_text(meta, encoding="utf-8")
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rewrite the golden files")
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print("skipped: ../shared/corpus is absent (shared data not laid out beside the repo)",
              file=sys.stderr)
        return 0
    differ = 0
    for case in cases():
        if args.write:
            changed = write(case)
            print(f"{'rewrote' if changed else 'same   '} {case.name}")
            differ += changed
            continue
        for change in changes(case):
            differ += 1
            print(change)
    if args.write:
        print(f"{differ} golden pages changed: review them with git diff tests/golden/")
        return 0
    print(f"{differ} golden files differ from the code" if differ else "goldens match the code")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
