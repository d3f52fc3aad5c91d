"""Hostile and broken input, in the importer and in the reader: each case is refused with a
message naming the file and the reason, or read safely; the other inputs still go through."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from clippings import pipeline
from clippings.errors import BadInput
from clippings.ingest.run import Options, run
from clippings.read import read_bytes
from clippings.read.decode import max_bytes

FIXTURES = Path(__file__).parent / "fixtures" / "import"
GOOD = FIXTURES / "harbour.html"


@pytest.fixture(autouse=True)
def _private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("CLIPPINGS_CACHE_DIR", str(tmp_path / "cache"))


def png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


# A PDF with no compressed stream is nearly all ASCII: only its signature gives it away.
PDF = (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n"
       b"<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")

REFUSED = {
    "zero-length": (b"", "is empty"),
    "whitespace-only": (b" \n\t\n", "is empty"),
    "pdf-renamed": (PDF, "binary"),
    "png-renamed": (png(), "binary"),
}


def import_with_good(tmp_path: Path, name: str, raw: bytes):
    inbox = tmp_path / "inbox"
    inbox.mkdir(exist_ok=True)
    (inbox / name).write_bytes(raw)
    (inbox / "good.html").write_bytes(GOOD.read_bytes())
    return inbox / name, run([str(inbox)], Options(content=tmp_path / "scraped"))


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_importer_refuses_and_goes_on(tmp_path, case):
    raw, reason = REFUSED[case]
    bad, summary = import_with_good(tmp_path, f"{case}.html", raw)
    assert [f.name for f in summary.failed] == [str(bad)]
    assert reason in summary.failed[0].reason
    assert len(summary.added) == 1  # the good page still goes in
    assert str(bad) in summary.report(tmp_path)


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_reader_refuses_naming_the_file(case):
    raw, reason = REFUSED[case]
    with pytest.raises(BadInput) as caught:
        read_bytes(raw, f"scraped/x/{case}.html")
    assert caught.value.path == f"scraped/x/{case}.html"
    assert reason in caught.value.reason


def test_oversized_file_is_refused_with_the_limit_in_the_message(tmp_path, monkeypatch):
    # The real limit is 25 MB; a 100 MB file is made against a limit lowered in proportion.
    monkeypatch.setenv("CLIPPINGS_MAX_BYTES", str(1024 * 1024))
    huge = b"<html><body>" + b"<p>words and words</p>" * (4 * 1024 * 1024 // 22) + b"</body>"
    bad, summary = import_with_good(tmp_path, "huge.html", huge)
    assert [f.name for f in summary.failed] == [str(bad)]
    assert "larger than the 1 MB limit" in summary.failed[0].reason
    with pytest.raises(BadInput, match="larger than the 1 MB limit"):
        read_bytes(huge, "huge.html")


@pytest.mark.slow
def test_a_100_mb_file_is_refused(tmp_path):
    limit = max_bytes()
    huge = tmp_path / "inbox" / "huge.html"
    huge.parent.mkdir()
    with huge.open("wb") as out:
        out.write(b"<html><body>")
        block = b"<p>" + b"x" * 1021 + b"</p>\n"
        for _ in range(100 * 1024):
            out.write(block)
    summary = run([str(huge.parent)], Options(content=tmp_path / "scraped"))
    assert f"larger than the {limit // (1024 * 1024)} MB limit" in summary.failed[0].reason
    with pytest.raises(BadInput, match="MB limit"):
        pipeline.extract_path(huge, entities=False)


def test_deep_nesting_is_read_and_imported(tmp_path):
    deep = (b"<html><head><title>Deep</title></head><body>" + b"<div>" * 100_000
            + b"<p>" + b"A sentence at the very bottom of the page. " * 10 + b"</p>"
            + b"</div>" * 100_000 + b"</body></html>")
    clipping = pipeline.extract_bytes(deep, "deep.html", entities=False)
    assert "very bottom of the page" in clipping.text
    assert any("flattened" in w for w in clipping.warnings)
    _, summary = import_with_good(tmp_path, "deep.html", deep)
    assert summary.ok and len(summary.added) == 2


def test_invalid_utf8_is_read_with_replacements(tmp_path):
    page = (b"<html><head><meta charset='utf-8'><title>Caf\xc3\xa9 news</title></head><body>"
            b"<p>The caf\xe9 on the corner \xff\xfe reopened after the winter closure.</p>"
            b"</body></html>")
    clipping = pipeline.extract_bytes(page, "bad.html", entities=False)
    assert "reopened after the winter closure" in clipping.text
    _, summary = import_with_good(tmp_path, "bad-utf8.html", page)
    assert summary.ok and len(summary.added) == 2


@pytest.mark.parametrize("encoding, text", [
    ("cp1251", "Городской совет утвердил новый маршрут парома через залив в понедельник."),
    ("shift_jis", "市議会は月曜日に湾を渡る新しいフェリー航路を承認しました。"),
    ("cp1252", "Le conseil a approuvé lundi la nouvelle ligne de ferry à travers la baie."),
])
def test_undeclared_legacy_encodings_are_detected(encoding, text):
    page = f"<html><body><p>{text}</p><p>{text}</p></body></html>".encode(encoding)
    clipping = pipeline.extract_bytes(page, "legacy.html", entities=False)
    assert text in clipping.text


def test_hostile_markup_is_imported_as_is_and_read_without_it(tmp_path):
    raw = (FIXTURES / "hostile.html").read_bytes()
    summary = run([str(FIXTURES / "hostile.html")], Options(content=tmp_path / "scraped"))
    assert summary.ok and len(summary.added) == 1
    assert summary.added[0][1].read_bytes() == raw  # the scrape is evidence: kept byte for byte
    clipping = pipeline.extract_bytes(raw, "hostile.html", entities=False)
    body = clipping.html.lower()
    for banned in ("<script", "onclick", "onerror", "onload", "javascript:", "http-equiv",
                   "<base", "url(", "<svg", "evil.example/i.png", "<style"):
        assert banned not in body, banned
    assert "winter timetable starts next week" in clipping.text
    assert "emergency crossing" in clipping.text
    # <base href> must not turn the page's relative links into links to another site.
    assert "evil.example/phish" not in body


def test_teaser_only_page_is_imported_and_flagged(tmp_path):
    summary = run([str(FIXTURES / "teaser.html")], Options(content=tmp_path / "scraped"))
    assert summary.ok and len(summary.added) == 1
    assert any("teaser" in note for note in summary.notes)
    clipping = pipeline.extract_bytes((FIXTURES / "teaser.html").read_bytes(), "teaser.html",
                                      entities=False)
    assert clipping.incomplete


def test_unreadable_file_fails_and_the_import_goes_on(tmp_path):
    missing = tmp_path / "nowhere.html"
    summary = run([str(missing), str(GOOD)], Options(content=tmp_path / "scraped"))
    assert [str(f) for f in summary.failed] == [f"{missing}: does not exist"]
    assert len(summary.added) == 1


def test_unknown_kind_named_explicitly_fails(tmp_path):
    other = tmp_path / "photo.jpg"
    other.write_bytes(b"\xff\xd8\xff\xe0")
    summary = run([str(other)], Options(content=tmp_path / "scraped"))
    assert summary.failed[0].name == str(other)
    assert "not a kind Clippings imports" in summary.failed[0].reason
