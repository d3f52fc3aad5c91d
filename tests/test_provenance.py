"""Each article page links to its scrape as kept: copied byte for byte, named so that it can never
render as a page (text/plain .txt, or a .gz download), with its sha256, source URL and retrieval
date when known."""

from __future__ import annotations

import hashlib
import mimetypes
import posixpath
from pathlib import Path

import pytest
from clippings.publish import provenance
from sitebuild import soup
from standin import ARTICLES, build_site

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("provenance")
    output = build_site(root)
    return root / "content", output


def article_pages(output: Path) -> list[Path]:
    return sorted((output / "articles").rglob("*.html"))


def scrape_link(output: Path, page: Path):
    link = soup(page).select_one(".provenance a.scrape")
    assert link is not None, page
    target = posixpath.normpath(posixpath.join(page.relative_to(output).parent.as_posix(),
                                               link["href"]))
    return link, target


def test_every_article_links_to_an_unchanged_copy(site):
    content, output = site
    pages = article_pages(output)
    assert len(pages) == len(ARTICLES)
    kept = {}
    for page in pages:
        _link, target = scrape_link(output, page)
        source = soup(page).select_one(".provenance code").get_text()
        kept[source] = target
        assert (output / target).read_bytes() == (content / source).read_bytes(), source
    assert sorted(kept) == sorted(ARTICLES)


def test_the_shown_hash_is_the_copys(site):
    _content, output = site
    for page in article_pages(output):
        _link, target = scrape_link(output, page)
        shown = soup(page).select_one(".provenance code.hash").get_text()
        assert shown == hashlib.sha256((output / target).read_bytes()).hexdigest(), page


def test_copies_are_plain_text_or_a_download(site):
    _content, output = site
    for page in article_pages(output):
        link, target = scrape_link(output, page)
        assert provenance.is_copy(target), target
        guessed, _encoding = mimetypes.guess_type(target)
        if target.endswith(".gz"):
            assert link.has_attr("download") and link["download"].endswith(".gz")
            assert link["type"] == "application/gzip"
        else:
            assert guessed == "text/plain", target
            assert link["type"] == "text/plain"
    html_copy = output / "scrapes" / "daily-planet" / "newer.txt"
    assert b"<script>" in html_copy.read_bytes()  # an HTML scrape, kept as is, shown as text
    assert (output / "scrapes" / "daily-planet" / "zipped.gz").read_bytes()[:2] == b"\x1f\x8b"


def test_url_and_retrieval_date_when_recorded(site):
    _content, output = site
    page = soup(output / "articles" / "daily-planet" / "newer.html")
    text = page.select_one(".provenance").get_text(" ", strip=True)
    assert "Originally at https://planet.example/newer?from=import" in text
    assert "retrieved on 2026-11-02 (browser save)" in text
    assert page.select_one(".provenance time")["datetime"] == "2026-11-02T09:15:00+00:00"


def test_nothing_invented_without_a_record(site):
    _content, output = site
    page = soup(output / "articles" / "daily-planet" / "zipped.html")
    text = page.select_one(".provenance").get_text(" ", strip=True)
    assert "Originally" not in text and "etrieved" not in text
    assert page.select_one(".provenance time") is None


def test_a_file_changed_since_import_is_flagged(site):
    _content, output = site
    text = soup(output / "articles" / "daily-planet" / "older.html").select_one(
        ".provenance").get_text(" ", strip=True)
    assert "the import recorded " + "00" * 32 in text and "changed since" in text


def test_recorded_reads_only_what_makes_sense(tmp_path):
    from clippings.read import provenance as sidecar

    scrape = tmp_path / "page.html"
    scrape.write_bytes(b"<p>x</p>")
    sidecar.dump(scrape, {"url": "javascript:alert(1)", "retrieved_at": "yesterday",
                          "sha256": "ab" * 32})
    assert provenance.recorded(str(scrape), "ab" * 32) == {}
    assert provenance.recorded(str(tmp_path / "none.html"), "ab" * 32) == {}
