"""NER in batches: the worker pool gives the serial results in the same order, large batches use
it, only uncached texts reach the model, and the progress bar shows only when it should."""

from __future__ import annotations

import io

import pytest
from clippings.tag import cache as ner_cache
from clippings.tag import ner

TEXTS = [
    "Ada Moss flew from Oslo to Bergen on Monday.",
    "Carl Lund met the mayor of Rome.",
    "Nothing to see here.",
    "Lena Vogt moved to Lisbon in 2019, then to Porto.",
    "The talks in Nairobi ended; Kofi Mensah went home to Accra.",
    "",
    "Ada Moss and Carl Lund spoke in Paris.",
]


@pytest.fixture(autouse=True)
def _cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("CLIPPINGS_CACHE_DIR", str(tmp_path / "cache"))
    ner_cache.stats.reset()


def test_pool_gives_the_serial_results_in_order(monkeypatch) -> None:
    monkeypatch.setattr(ner, "CHUNK", 2)  # several chunks, so both workers get some
    serial = list(ner.run_ner(TEXTS, processes=1, progress=False))
    pooled = list(ner.run_ner(TEXTS, processes=2, progress=False))
    assert pooled == serial
    assert len(serial) == len(TEXTS) and serial[5] == []
    assert any(label == "GPE" for s, e, label in serial[0])


def test_many_uncached_texts_use_both_processes(monkeypatch) -> None:
    used = []
    original = ner._pooled

    def spy(texts, processes):
        used.append((len(texts), processes))
        return original(texts, processes)

    monkeypatch.setattr(ner, "_pooled", spy)
    monkeypatch.setattr(ner, "PARALLEL_MIN", 4)
    monkeypatch.setattr(ner, "_cores", lambda: 2)
    first = ner.entity_spans_many(TEXTS[:3])  # below the minimum: serial
    assert used == []
    both = ner.entity_spans_many(TEXTS)  # 4 new texts: the pool
    assert used == [(4, ner.PROCESSES)]
    assert both[:3] == first
    assert (ner_cache.stats.ner_runs, ner_cache.stats.cache_hits) == (7, 3)


def test_one_core_never_forks(monkeypatch) -> None:
    monkeypatch.setattr(ner, "PARALLEL_MIN", 2)
    monkeypatch.setattr(ner, "_cores", lambda: 1)
    monkeypatch.setattr(ner, "_pooled", lambda *a: pytest.fail("forked on one core"))
    assert len(list(ner.run_ner(TEXTS[:3], progress=False))) == 3


def test_cached_texts_never_reach_the_model(monkeypatch) -> None:
    ner.entity_spans_many(TEXTS[:2])
    monkeypatch.setattr(ner, "run_ner", lambda *a, **k: pytest.fail("the model ran"))
    assert len(ner.entity_spans_many(TEXTS[:2])) == 2


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("total", "forced", "env", "tty", "shown"), [
    (ner.PROGRESS_MIN, None, "", True, False),  # a few texts: no bar
    (ner.PROGRESS_MIN + 1, None, "", True, True),
    (ner.PROGRESS_MIN + 1, None, "", False, False),  # stderr is a log file
    (ner.PROGRESS_MIN + 1, True, "", False, True),  # forced by the caller
    (ner.PROGRESS_MIN + 1, None, "1", False, True),  # forced by the environment
    (ner.PROGRESS_MIN + 1, None, "0", True, False),
    (ner.PROGRESS_MIN + 1, False, "1", True, False),
])
def test_progress_bar_only_when_it_helps(monkeypatch, total, forced, env, tty, shown) -> None:
    monkeypatch.setenv(ner.PROGRESS_ENV, env)
    monkeypatch.setattr("sys.stderr", Terminal() if tty else io.StringIO())
    assert ner._show_progress(total, forced) is shown


def test_progress_bar_writes_to_stderr_when_shown(monkeypatch) -> None:
    err = io.StringIO()
    monkeypatch.setattr("sys.stderr", err)
    monkeypatch.setattr(ner, "PROGRESS_MIN", 2)
    list(ner.run_ner(TEXTS[:3], processes=1, progress=True))
    assert "Clippings NER" in err.getvalue()


def test_a_text_longer_than_the_model_takes_is_read_in_pieces(monkeypatch) -> None:
    monkeypatch.setattr(ner, "MAX_PIECE", 120)
    text = "\n\n".join(TEXTS[:5]) * 3
    pieces = ner._pieces(text)
    assert len(pieces) > 3 and "".join(p for _, p in pieces) == text
    assert all(text[offset:offset + len(p)] == p and len(p) <= 120 for offset, p in pieces)
    # Cut between paragraphs: no piece ends inside a name.
    assert all(p.endswith(".") for _, p in pieces[:-1])
    for processes in (1, 2):
        [spans] = ner.run_ner([text], processes=processes, progress=False)
        found = {text[s:e] for s, e, _ in spans}
        assert {"Oslo", "Bergen", "Accra"} <= found
        assert max(s for s, _, _ in spans) > 3 * 120  # spans of later pieces, at their offsets


def test_only_the_first_part_of_a_huge_article_is_tagged_and_the_article_says_so(
        monkeypatch) -> None:
    from clippings import tag
    from clippings.model import Clipping

    monkeypatch.setattr(tag, "MAX_TAGGED", 140)  # the three paragraphs about Ada Moss
    text = "Ada Moss flew from Oslo to Bergen on Monday.\n\n" * 3 + "Carl Lund met Rome.\n\n" * 20
    clipping = Clipping(path="big.txt", sha256="0" * 64, kind="text", text=text, lang="en")
    tag.tag_many([clipping])
    assert [p.name for p in clipping.people] == ["Ada Moss"]
    assert all(m.end <= 140 for e in clipping.people + clipping.places for m in e.mentions)
    assert tag.tagging_notes(clipping) == [
        f"people and places are tagged in the first 140 characters of "
        f"{len(tag.article_text(clipping)):,} only"]
