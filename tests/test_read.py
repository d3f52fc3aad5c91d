"""The read stage: bytes → decoded text (and a parsed tree for HTML), bad input refused clearly."""

from __future__ import annotations

import gzip

import pytest
from clippings.errors import BadInput
from clippings.read import kind_of, read_bytes, read_path

JAPANESE = "東京は日本の首都です。政府は新しい経済政策を発表しました。記者会見は午後です。"
CHINESE = "北京是中国的首都。政府今天宣布了新的经济政策，记者会在下午举行。"
KOREAN = "서울은 대한민국의 수도입니다. 정부는 오늘 새로운 경제 정책을 발표했습니다."
FRENCH = (
    "Le président a déclaré : « Nous étions prêts à coopérer », a-t-il ajouté à Genève. Où ça ?"
)


def page_bytes(body: str, encoding: str, declare: bool) -> bytes:
    meta = f'<meta charset="{encoding}">' if declare else ""
    html = f"<html><head>{meta}<title>t</title></head><body><p>{body}</p></body></html>"
    return html.encode(encoding)


@pytest.mark.parametrize(
    ("body", "encoding", "declare"),
    [
        (JAPANESE, "shift_jis", False),
        (JAPANESE, "shift_jis", True),
        (JAPANESE, "euc-jp", False),
        (CHINESE, "gb2312", True),
        (CHINESE, "gb2312", False),
        (KOREAN, "euc-kr", True),
        (KOREAN, "euc-kr", False),
        (FRENCH, "windows-1252", False),
        (FRENCH, "windows-1252", True),
        (FRENCH, "utf-8", False),
    ],
)
def test_encoding_is_found_declared_or_not(body: str, encoding: str, declare: bool) -> None:
    page = read_bytes(page_bytes(body, encoding, declare), "page.html")
    assert page.dom.p.get_text() == body


def test_declared_encoding_that_lies_is_overruled_with_a_warning() -> None:
    raw = page_bytes(JAPANESE, "utf-8", False)
    raw = raw.replace(b"<head>", b'<head><meta charset="shift_jis">')
    page = read_bytes(raw, "liar.html")
    assert page.dom.p.get_text() == JAPANESE
    assert page.encoding == "utf-8"


def test_latin1_label_reads_as_windows_1252_like_browsers() -> None:
    raw = b'<meta charset="iso-8859-1"><p>\x93quoted\x94 \x96 dash</p>'
    assert read_bytes(raw, "p.html").dom.p.get_text() == "\u201cquoted\u201d \u2013 dash"


def test_byte_order_mark_wins() -> None:
    raw = "\ufeff<p>Grüße</p>".encode("utf-16-le")
    assert read_bytes(raw, "bom.html").dom.p.get_text() == "Grüße"


def test_gzipped_scrape_is_read_through() -> None:
    page = read_bytes(gzip.compress(page_bytes(FRENCH, "utf-8", True)), "a.html.gz")
    assert page.kind == "html"
    assert page.dom.p.get_text() == FRENCH


def test_text_dump_is_decoded_not_parsed() -> None:
    page = read_bytes(b"Headline\n\nBody text.\n", "dump.txt")
    assert page.kind == "text" and page.dom is None
    assert page.text == "Headline\n\nBody text.\n"


def test_provenance_hash_is_of_the_raw_bytes() -> None:
    import hashlib

    raw = page_bytes(FRENCH, "windows-1252", False)
    assert read_bytes(raw, "p.html").sha256 == hashlib.sha256(raw).hexdigest()


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "is empty"),
        (b"  \n\t \n", "is empty"),
        (bytes(range(256)) * 64, "is binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64, "is binary"),
        (b"\x1f\x8b\x08\x00garbage", "broken gzip"),
    ],
)
def test_bad_input_names_the_file(raw: bytes, message: str) -> None:
    with pytest.raises(BadInput) as caught:
        read_bytes(raw, "scrapes/bad.html")
    assert str(caught.value).startswith("scrapes/bad.html: ")
    assert message in str(caught.value)


def test_huge_page_is_refused_with_the_limit_named(monkeypatch: pytest.MonkeyPatch) -> None:
    paragraphs = b"<p>Paragraph of a very long page.</p>" * 1_500_000
    raw = b"<html><body>" + paragraphs + b"</body></html>"
    assert len(raw) > 50 * 1024 * 1024
    with pytest.raises(BadInput, match=r"huge\.html: is larger than the 25 MB limit"):
        read_bytes(raw, "huge.html")
    monkeypatch.setenv("CLIPPINGS_MAX_BYTES", str(len(raw) + 1))
    with pytest.raises(BadInput, match="is larger"):
        read_bytes(raw + b" " * 2, "huge.html")


def test_deep_nesting_is_flattened_and_text_kept() -> None:
    nested = b"<div>" * 10_000 + b"deep words" + b"</div>" * 10_000
    raw = b"<html><body>" + nested + b"</body></html>"
    page = read_bytes(raw, "deep.html")
    assert "deep words" in page.dom.get_text()
    assert any("nested deeper" in w for w in page.warnings)


def test_unreadable_path_names_it(tmp_path) -> None:
    with pytest.raises(BadInput, match="missing.html: cannot be read"):
        read_path(tmp_path / "missing.html")


def test_unknown_suffix_is_refused() -> None:
    with pytest.raises(BadInput, match="not a scrape"):
        kind_of("notes.docx")
    assert kind_of("a.HTM") == "html"
    assert kind_of("a.html.gz") == "html"
    assert kind_of("a.txt") == "text"
