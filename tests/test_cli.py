"""The ``clippings`` command: the same stages as the site, JSON out, bad inputs named."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from clippings.cli import main

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "content/scraped/nikkei-asian-review/china-inching-toward-detente-with-japan.txt"
FIELDS = {"path", "title", "subtitle", "authors", "date", "source", "url", "lang", "text", "html",
          "captions", "people", "places", "warnings"}

ARTICLE = """<!doctype html><html lang="en"><head><title>Harbour reopens | Coast Daily</title>
<meta property="og:site_name" content="Coast Daily"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbour reopens</h1>
<p>The harbour at Portsmouth reopened on Monday after a week of repairs to its sea wall.</p>
<p>Engineers said the work had gone faster than expected, and ferries resumed at noon.</p>
<p>Local traders, who had lost a week of business, welcomed the news from the council.</p>
</article><footer>Subscribe to our newsletter</footer></body></html>"""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict], str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, [json.loads(line) for line in out.splitlines() if line.strip()], err


@pytest.fixture(autouse=True)
def _private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLIPPINGS_CACHE_DIR", str(tmp_path / "cache"))


def test_extract_prints_every_field_for_the_sample(capsys: pytest.CaptureFixture[str]) -> None:
    code, records, _ = run(capsys, "extract", "--jsonl", str(SAMPLE))
    assert code == 0
    [record] = records
    assert set(record) == FIELDS
    assert record["title"] == "China inching toward detente with Japan"
    assert record["date"] is None
    assert record["text"].startswith("BEIJING -- China is sending subtle signals")
    assert record["text"].endswith("anti-Japanese protests in China.")
    assert "Thaw may be on the horizon" not in record["text"]
    assert not any(caption in record["text"] for caption in record["captions"])
    assert len(record["captions"]) == 2
    assert "Xi Jinping" in record["people"] and "Xi" not in record["people"]


def test_extract_without_entities_skips_tagging(capsys, tmp_path: Path) -> None:
    page = tmp_path / "harbour.html"
    page.write_text(ARTICLE, encoding="utf-8")
    code, [record], _ = run(capsys, "extract", "--jsonl", "--no-entities", str(page))
    assert code == 0
    assert record["people"] == [] and record["places"] == []
    assert record["title"] == "Harbour reopens"
    assert record["source"] == "Coast Daily"
    assert "Subscribe" not in record["text"] and "Home" not in record["text"]
    assert record["text"].count("\n\n") == 2


def test_a_bad_input_is_named_and_the_others_still_come_out(capsys, tmp_path: Path) -> None:
    good = tmp_path / "a-good.html"
    good.write_text(ARTICLE, encoding="utf-8")
    empty = tmp_path / "b-empty.html"
    empty.write_bytes(b"")
    binary = tmp_path / "c-binary.txt"
    binary.write_bytes(bytes(range(256)) * 16)
    code, records, err = run(capsys, "extract", "--jsonl", "--no-entities", str(tmp_path))
    assert code == 1
    assert [Path(r["path"]).name for r in records] == ["a-good.html"]
    assert f"{empty}: is empty" in err
    assert f"{binary}: is binary" in err


def test_entities_offsets_point_into_the_text_as_given(capsys, tmp_path: Path) -> None:
    text = "Angela Merkel visited Paris on Monday.\nMerkel later met officials in Berlin."
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    code, [record], _ = run(capsys, "entities", "--jsonl", str(path))
    assert code == 0
    [person] = record["people"]
    assert person["name"] == "Angela Merkel"
    assert [text[s:e] for s, e in person["mentions"]] == ["Angela Merkel", "Merkel"]
    places = {p["name"]: p for p in record["places"]}
    assert set(places) == {"Paris", "Berlin"}
    assert all(text[s:e] == name for name, p in places.items() for s, e in p["mentions"])


def test_entities_reads_standard_input(capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Officials in Nairobi said Kenya would reopen the border."
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    code, [record], _ = run(capsys, "entities", "--jsonl", "-")
    assert code == 0
    assert {p["name"] for p in record["places"]} == {"Nairobi", "Kenya"}


def test_entities_refuses_text_that_is_not_utf8(capsys, tmp_path: Path) -> None:
    bad = tmp_path / "latin.txt"
    bad.write_bytes("Caf\u00e9 in Lyon".encode("latin-1"))
    good = tmp_path / "good.txt"
    good.write_text("Officials in Nairobi said Kenya would reopen the border.", encoding="utf-8")
    code, records, err = run(capsys, "entities", "--jsonl", str(bad), str(good))
    assert code == 1
    assert len(records) == 1
    assert f"{bad}: is not UTF-8 text" in err
