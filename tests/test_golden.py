"""Golden regression tests: real pages of each failure class (listed in tests/golden/cases.tsv,
read in place from ../shared/corpus) must come out as their golden files say.

The goldens record the cleaner's behaviour when they were written, not the truth. A change that
is meant — a better cleaner — is accepted with `make golden` and reviewed as a git diff.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _golden_module():
    # bench/ is not a package on pytest's path: load the one module that knows the goldens.
    spec = importlib.util.spec_from_file_location("bench_golden", ROOT / "bench" / "golden.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


golden = _golden_module()
CASES = golden.cases()


def test_cases_are_listed_once_and_have_goldens():
    names = [case.name for case in CASES]
    assert len(names) == len(set(names)), "a name is listed twice in tests/golden/cases.tsv"
    for name in names:
        assert (golden.GOLDEN / f"{name}.txt").exists(), f"{name}.txt missing: run `make golden`"
        assert (golden.GOLDEN / f"{name}.json").exists(), f"{name}.json missing: run `make golden`"


@pytest.mark.shared
@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_page_matches_its_golden(case):
    if not case.source.exists():
        pytest.skip(f"../shared is absent (needs ../{case.source.relative_to(SHARED.parent)})")
    problems = golden.changes(case)
    if problems:
        pytest.fail(f"{case.name} ({case.guards}) no longer matches its golden; if the change "
                    "is meant, run `make golden` and review `git diff tests/golden/`:\n"
                    + "\n".join(problems), pytrace=False)
