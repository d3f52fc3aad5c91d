"""What every bench reads from ../shared: corpus paths and the reference AEB scorer."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
AEB = SHARED / "corpus" / "aeb"
READABILITY = SHARED / "corpus" / "readability"
OUT = ROOT / "bench" / "out"


def aeb_scorer() -> ModuleType:
    """../shared/tools/aeb_score.py as a module, so benches score exactly as it does."""
    spec = importlib.util.spec_from_file_location("aeb_score", SHARED / "tools" / "aeb_score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def f1(precision: float | None, recall: float | None) -> float:
    """Harmonic mean of one page's precision and recall (None, for an empty side, counts 0)."""
    p, r = precision or 0.0, recall or 0.0
    return 2 * p * r / (p + r) if p + r else 0.0
