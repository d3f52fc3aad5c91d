"""`clippings import`: every input kind, provenance beside each scrape, duplicates caught."""

from __future__ import annotations

import email.policy
import gzip
import hashlib
import io
import json
import shutil
import threading
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from clippings import cli
from clippings.ingest import dedupe, fetch
from clippings.ingest.run import MANIFEST, Options, run
from clippings.read import provenance
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

FIXTURES = Path(__file__).parent / "fixtures" / "import"


@pytest.fixture(autouse=True)
def _private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("CLIPPINGS_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture
def content(tmp_path) -> Path:
    return tmp_path / "content" / "scraped"


def scrapes(content: Path) -> list[Path]:
    return sorted(p for p in content.rglob("*") if p.is_file() and "_files" not in p.parent.name
                  and not p.name.endswith(provenance.SUFFIX))


def only(content: Path) -> Path:
    found = scrapes(content)
    assert len(found) == 1, found
    return found[0]


# --- single files, provenance, layout ----------------------------------------------------------

def test_html_file_is_copied_byte_for_byte_under_source_year_slug(content):
    summary = run([str(FIXTURES / "harbour.html")], Options(content=content))
    assert summary.ok and len(summary.added) == 1
    target = only(content)
    assert target.relative_to(content).as_posix() == (
        "coastal-gazette/2021/harbour-town-opens-its-first-tidal-power-station.html")
    assert target.read_bytes() == (FIXTURES / "harbour.html").read_bytes()


def test_provenance_sidecar_records_where_the_scrape_came_from(content):
    run([str(FIXTURES / "harbour.html")], Options(content=content))
    target = only(content)
    record = provenance.load(target)
    raw = (FIXTURES / "harbour.html").read_bytes()
    assert record["sha256"] == hashlib.sha256(raw).hexdigest()
    assert record["obtained"] == "file"
    assert record["original_name"] == "harbour.html"
    assert record["url"] == "https://www.coastal-gazette.example/news/2021/tidal-power-station/"
    assert record["source"] == "Coastal Gazette"
    assert record["retrieved_at"].endswith("+00:00")


def test_text_dump_is_imported(content):
    summary = run([str(FIXTURES / "library.txt")], Options(content=content))
    assert summary.ok and len(summary.added) == 1
    target = only(content)
    assert target.suffix == ".txt"
    assert target.parent.name == "2020"
    assert target.read_bytes() == (FIXTURES / "library.txt").read_bytes()


def test_source_option_names_the_folder(content):
    run([str(FIXTURES / "library.txt")], Options(content=content, source="Valley Courier"))
    assert only(content).relative_to(content).parts[0] == "valley-courier"
    assert provenance.load(only(content))["source"] == "Valley Courier"


def test_undated_article_goes_to_undated(content, tmp_path):
    page = tmp_path / "in" / "nodate.html"
    page.parent.mkdir()
    page.write_text((FIXTURES / "harbour.html").read_text("utf-8").replace(
        '<meta property="article:published_time" content="2021-06-14T09:30:00Z">', ""),
        encoding="utf-8")
    run([str(page)], Options(content=content))
    assert only(content).parent.name == "undated"


def test_gzipped_scrape_stays_gzipped(content, tmp_path):
    packed = tmp_path / "harbour.html.gz"
    packed.write_bytes(gzip.compress((FIXTURES / "harbour.html").read_bytes()))
    run([str(packed)], Options(content=content))
    target = only(content)
    assert target.name.endswith(".html.gz")
    assert target.read_bytes() == packed.read_bytes()


# --- browser saves -----------------------------------------------------------------------------

def test_save_page_complete_keeps_its_folder_beside_the_scrape(content):
    summary = run([str(FIXTURES / "saved")], Options(content=content))
    assert summary.ok and len(summary.added) == 1, summary.report(content)
    target = only(content)
    assert target.read_bytes() == (FIXTURES / "saved" / "footbridge.html").read_bytes()
    folder = target.with_name(target.name.removesuffix(".html") + "_files")
    assert (folder / "bridge.png").read_bytes() == (
        FIXTURES / "saved" / "footbridge_files" / "bridge.png").read_bytes()
    assert json.loads((folder / MANIFEST).read_text("utf-8"))["folder"] == "footbridge_files"
    record = provenance.load(target)
    assert record["obtained"] == "save-page-complete"
    assert record["url"] == "https://www.river-times.example/news/2021/new-footbridge-opens"


def test_files_inside_a_saved_pages_folder_are_not_articles(content):
    # The advert frame inside footbridge_files/ is part of the saved page, not an article.
    summary = run([str(FIXTURES)], Options(content=content))
    assert not any("ad-frame" in name for name, _ in summary.added)


def test_singlefile_page_keeps_its_inline_images_and_address(content):
    run([str(FIXTURES / "singlefile.html")], Options(content=content))
    target = only(content)
    assert b"data:image/png;base64," in target.read_bytes()
    record = provenance.load(target)
    assert record["obtained"] == "singlefile"
    assert record["url"] == "https://www.hill-weekly.example/2019/05/orchard-harvest-record"
    assert record["retrieved_at"].startswith("2019-05-23T18:04:11")


def test_folders_are_imported_recursively(content, tmp_path):
    inbox = tmp_path / "inbox"
    (inbox / "a" / "b").mkdir(parents=True)
    shutil.copy(FIXTURES / "harbour.html", inbox / "a" / "harbour.html")
    shutil.copy(FIXTURES / "library.txt", inbox / "a" / "b" / "library.txt")
    (inbox / "a" / "notes.docx").write_bytes(b"not a scrape")  # other kinds are passed over
    summary = run([str(inbox)], Options(content=content))
    assert summary.ok and len(summary.added) == 2


# --- MHTML ---------------------------------------------------------------------------------------

def mhtml(page: bytes, url: str, images: dict[str, bytes]) -> bytes:
    message = EmailMessage(policy=email.policy.SMTP)
    message["From"] = "<Saved by Blink>"
    message["Snapshot-Content-Location"] = url
    message["Subject"] = "saved page"
    message["Date"] = "Tue, 15 Jun 2021 10:00:00 -0000"
    message.make_related()
    html = EmailMessage(policy=email.policy.SMTP)
    html.set_content(page, maintype="text", subtype="html", cte="quoted-printable")
    html["Content-Location"] = url
    message.attach(html)
    for where, data in images.items():
        part = EmailMessage(policy=email.policy.SMTP)
        part.set_content(data, maintype="image", subtype="png")
        part["Content-Location"] = where
        message.attach(part)
    return bytes(message)


def test_mhtml_html_part_becomes_the_scrape_and_images_are_kept(content, tmp_path):
    page = (FIXTURES / "harbour.html").read_bytes()
    image = (FIXTURES / "saved" / "footbridge_files" / "bridge.png").read_bytes()
    archive = tmp_path / "harbour.mhtml"
    archive.write_bytes(mhtml(page, "https://coastal-gazette.example/tidal",
                              {"https://cdn.coastal-gazette.example/img/turbine.png": image}))
    summary = run([str(archive)], Options(content=content))
    assert summary.ok and len(summary.added) == 1, summary.report(content)
    target = only(content)
    assert target.read_bytes() == page
    folder = target.with_name(target.name.removesuffix(".html") + "_files")
    assert (folder / "turbine.png").read_bytes() == image
    manifest = json.loads((folder / MANIFEST).read_text("utf-8"))
    assert manifest["urls"] == {"https://cdn.coastal-gazette.example/img/turbine.png":
                                "turbine.png"}
    record = provenance.load(target)
    assert record["obtained"] == "mhtml"
    assert record["url"] == "https://coastal-gazette.example/tidal"
    assert record["retrieved_at"] == "2021-06-15T10:00:00+00:00"


def test_mhtml_without_a_page_fails_with_its_name(content, tmp_path):
    archive = tmp_path / "empty.mhtml"
    archive.write_bytes(b"From: nobody\nContent-Type: text/plain\n\njust words\n")
    summary = run([str(archive)], Options(content=content))
    assert [f.name for f in summary.failed] == [str(archive)]
    assert not scrapes(content)


# --- WARC ----------------------------------------------------------------------------------------

def warc(path: Path, records: list[tuple[str, str, bytes, str]], gz: bool) -> Path:
    """records: (url, content type, payload, status line)."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gz)
        for url, kind, payload, status in records:
            headers = StatusAndHeaders(status, [("Content-Type", kind)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                               http_headers=headers,
                                               warc_headers_dict={"WARC-Date":
                                                                  "2022-03-04T05:06:07Z"})
            writer.write_record(record)
    return path


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_warc_html_responses_become_articles_with_url_and_date(content, tmp_path, gz):
    harbour = (FIXTURES / "harbour.html").read_bytes()
    teaser = (FIXTURES / "teaser.html").read_bytes().replace(b'src="', b'src="')
    image = (FIXTURES / "saved" / "footbridge_files" / "bridge.png").read_bytes()
    page_with_image = harbour.replace(b"<article>", b'<article><img src="/img/turbine.png">')
    name = "crawl.warc.gz" if gz else "crawl.warc"
    archive = warc(tmp_path / name, [
        ("https://coastal-gazette.example/tidal", "text/html; charset=utf-8", page_with_image,
         "200 OK"),
        ("https://coastal-gazette.example/img/turbine.png", "image/png", image, "200 OK"),
        ("https://coastal-gazette.example/old", "text/html", b"<p>moved</p>", "301 Moved"),
        ("https://coastal-gazette.example/style.css", "text/css", b"body{}", "200 OK"),
        ("https://metro-ledger.example/budget", "text/html", teaser, "200 OK"),
    ], gz)
    summary = run([str(archive)], Options(content=content))
    assert summary.ok and len(summary.added) == 2, summary.report(content)
    tidal = next(p for p in scrapes(content) if "tidal" in p.name)
    assert tidal.read_bytes() == page_with_image
    record = provenance.load(tidal)
    assert record["obtained"] == "warc"
    assert record["url"] == "https://coastal-gazette.example/tidal"
    assert record["retrieved_at"] == "2022-03-04T05:06:07Z"
    assert (tidal.with_name(tidal.name.removesuffix(".html") + "_files")
            / "turbine.png").read_bytes() == image


def test_broken_warc_fails_with_its_name(content, tmp_path):
    archive = tmp_path / "broken.warc.gz"
    archive.write_bytes(b"\x1f\x8b\x08\x00garbage that is not a warc")
    summary = run([str(archive)], Options(content=content))
    assert summary.failed and summary.failed[0].name == str(archive)


# --- URLs ---------------------------------------------------------------------------------------

class _Site(BaseHTTPRequestHandler):
    pages: dict[str, tuple[int, str, bytes, dict[str, str]]] = {}
    agents: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (the http.server API)
        self.agents.append(self.headers.get("User-Agent", ""))
        status, kind, body, headers = self.pages.get(self.path, (404, "text/plain", b"no", {}))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    _Site.pages = {
        "/story": (200, "text/html; charset=utf-8", (FIXTURES / "harbour.html").read_bytes(), {}),
        "/hop": (302, "text/plain", b"", {"Location": "/story"}),
        "/loop": (302, "text/plain", b"", {"Location": "/loop"}),
        "/to-file": (302, "text/plain", b"", {"Location": "file:///etc/passwd"}),
        "/pdf": (200, "application/pdf", b"%PDF-1.4 not a page", {}),
        "/big": (200, "text/html", b"<p>" + b"x" * 5000 + b"</p>", {}),
    }
    _Site.agents = []
    yield base
    server.shutdown()
    server.server_close()


def test_url_is_fetched_with_an_honest_user_agent(content, site):
    summary = run([f"{site}/story"], Options(content=content))
    assert summary.ok and len(summary.added) == 1, summary.report(content)
    target = only(content)
    assert target.read_bytes() == (FIXTURES / "harbour.html").read_bytes()
    record = provenance.load(target)
    assert record["obtained"] == "http"
    assert record["url"] == f"{site}/story"
    assert _Site.agents and all(agent == fetch.USER_AGENT for agent in _Site.agents)
    assert "Clippings" in fetch.USER_AGENT


def test_redirect_is_followed_and_the_final_url_recorded(content, site):
    summary = run([f"{site}/hop"], Options(content=content))
    assert summary.ok
    assert provenance.load(only(content))["url"] == f"{site}/story"


@pytest.mark.parametrize("path, reason", [
    ("/missing", "404"),
    ("/loop", "redirect"),
    ("/to-file", "redirect"),
    ("/pdf", "application/pdf"),
    ("/big", "limit"),
])
def test_url_refusals_name_the_url_and_the_reason(content, site, monkeypatch, path, reason):
    monkeypatch.setenv("CLIPPINGS_MAX_BYTES", "1024")
    summary = run([f"{site}{path}"], Options(content=content))
    assert [f.name for f in summary.failed] == [f"{site}{path}"]
    assert reason in summary.failed[0].reason
    assert not scrapes(content)


def test_unreachable_url_fails(content):
    # Port 9 (discard) on the loopback interface: nothing listens there.
    summary = run(["http://127.0.0.1:9/story"], Options(content=content))
    assert summary.failed and "could not be fetched" in summary.failed[0].reason


# --- duplicates ---------------------------------------------------------------------------------

@pytest.mark.parametrize("a, b", [
    ("https://www.example.com/news/story/", "http://example.com/news/story"),
    ("https://example.com/news/story?utm_source=x&utm_medium=y", "https://example.com/news/story"),
    ("https://example.com/a?fbclid=1&id=7&gclid=2", "https://example.com/a?id=7"),
    ("https://m.example.com/a", "https://example.com/a"),
    ("https://mobile.example.com/a", "https://example.com/a"),
    ("https://amp.example.com/a", "https://example.com/a"),
    ("https://example.com/amp/a", "https://example.com/a"),
    ("https://example.com/a/amp/", "https://example.com/a"),
    ("https://example.com/a?amp=1", "https://example.com/a"),
    ("https://example.com/a#comments", "https://example.com/a"),
    ("https://example.com/a?b=2&a=1", "https://example.com/a?a=1&b=2"),
])
def test_canonical_urls_agree(a, b):
    assert dedupe.canonical_url(a) == dedupe.canonical_url(b)


@pytest.mark.parametrize("a, b", [
    ("https://example.com/a?id=7", "https://example.com/a?id=8"),
    ("https://example.com/a", "https://example.org/a"),
    ("https://example.com/news/a", "https://example.com/sport/a"),
])
def test_canonical_urls_differ(a, b):
    assert dedupe.canonical_url(a) != dedupe.canonical_url(b)


def test_second_import_adds_nothing(content):
    run([str(FIXTURES)], Options(content=content))
    before = sorted(p.relative_to(content) for p in content.rglob("*"))
    summary = run([str(FIXTURES)], Options(content=content))
    assert summary.added == [] and summary.duplicates
    assert sorted(p.relative_to(content) for p in content.rglob("*")) == before


def test_same_url_with_tracking_params_is_a_duplicate(content, tmp_path):
    run([str(FIXTURES / "harbour.html")], Options(content=content))
    copy = tmp_path / "copy.html"
    copy.write_bytes((FIXTURES / "harbour.html").read_bytes().replace(
        b"tidal-power-station/", b"tidal-power-station?utm_source=feed&fbclid=abc").replace(
        b"opened on", b"was opened on").replace(b"<p>The station", b"<p>The new station"))
    summary = run([str(copy)], Options(content=content))
    assert summary.added == []
    assert "the same URL" in summary.duplicates[0][1]


def test_same_text_under_another_url_is_a_duplicate(content, tmp_path):
    run([str(FIXTURES / "harbour.html")], Options(content=content))
    copy = tmp_path / "syndicated.html"
    copy.write_bytes((FIXTURES / "harbour.html").read_bytes().replace(
        b"www.coastal-gazette.example/news/2021/", b"other-paper.example/wire/").replace(
        b"All rights reserved.", b"Syndicated copy."))
    summary = run([str(copy)], Options(content=content))
    assert summary.added == []
    assert "the same text" in summary.duplicates[0][1]


def test_different_articles_are_not_text_duplicates():
    a = "The turbines beneath the old sea wall began turning on Monday morning " * 5
    b = "Volunteers carried the last boxes of books back from the school gymnasium " * 5
    assert dedupe.similarity(dedupe.sketch(a), dedupe.sketch(b)) < dedupe.JACCARD


def test_duplicates_within_one_import_are_caught(content, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(FIXTURES / "harbour.html", inbox / "one.html")
    shutil.copy(FIXTURES / "harbour.html", inbox / "two.html")
    summary = run([str(inbox)], Options(content=content))
    assert len(summary.added) == 1 and len(summary.duplicates) == 1


def newer_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "newer.html"
    copy.write_bytes((FIXTURES / "harbour.html").read_bytes().replace(
        b"in the summer", b"in the summer, the operator confirmed on Tuesday"))
    return copy


def test_replace_swaps_the_older_copy_for_the_newer(content, tmp_path):
    run([str(FIXTURES / "harbour.html")], Options(content=content))
    old = only(content)
    copy = newer_copy(tmp_path)
    summary = run([str(copy)], Options(content=content))
    assert summary.added == [] and only(content).read_bytes() == old.read_bytes()
    summary = run([str(copy)], Options(content=content, replace=True))
    assert len(summary.replaced) == 1 and len(summary.added) == 1
    assert only(content).read_bytes() == copy.read_bytes()
    assert provenance.load(only(content))["original_name"] == "newer.html"


def test_name_clash_with_different_content_gets_a_suffix(content, tmp_path):
    run([str(FIXTURES / "harbour.html")], Options(content=content))
    other = tmp_path / "other.html"
    # The same headline and date, a different article: never written over the first.
    other.write_bytes((FIXTURES / "harbour.html").read_bytes().split(b"<article>")[0]
                      + b"<article><h1>Harbour town opens its first tidal power station</h1>"
                      + (FIXTURES / "library.txt").read_bytes().replace(b"\n\n", b"<p>")
                      + b"</article></body></html>")
    other.write_bytes(other.read_bytes().replace(b"tidal-power-station/", b"other/"))
    summary = run([str(other)], Options(content=content))
    assert summary.ok and len(summary.added) == 1, summary.report(content)
    names = sorted(p.name for p in scrapes(content))
    assert names == ["harbour-town-opens-its-first-tidal-power-station-2.html",
                     "harbour-town-opens-its-first-tidal-power-station.html"]


def test_dry_run_writes_nothing(content):
    summary = run([str(FIXTURES)], Options(content=content, dry_run=True))
    assert summary.added and not content.exists()
    assert "would add" in summary.report(content)


# --- the command --------------------------------------------------------------------------------

def test_command_prints_a_summary_and_fails_when_anything_failed(tmp_path, capsys):
    content = tmp_path / "scraped"
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    status = cli.main(["import", str(FIXTURES / "harbour.html"), str(empty),
                       "--content", str(content)])
    out = capsys.readouterr().out
    assert status == 1
    assert "added 1, duplicates 0, failed 1" in out
    assert f"{empty}: is empty" in out
    status = cli.main(["import", str(FIXTURES / "harbour.html"), "--content", str(content)])
    assert status == 0
    assert "added 0, duplicates 1, failed 0" in capsys.readouterr().out


def test_no_progress_bar_off_a_terminal(tmp_path, capsys):
    cli.main(["import", str(FIXTURES), "--content", str(tmp_path / "scraped"), "--dry-run"])
    assert capsys.readouterr().err == ""


def test_makefile_has_an_import_target():
    makefile = (Path(__file__).resolve().parents[1] / "Makefile").read_text("utf-8")
    assert "\nimport:" in makefile
    assert '/clippings" import $(SRC)' in makefile and "make import SRC=" in makefile


@pytest.mark.slow
def test_a_saved_pages_folder_is_not_built_into_articles(tmp_path):
    from sitebuild import build, cache_dir

    content = tmp_path / "content"
    run([str(FIXTURES / "saved")], Options(content=content / "scraped"))
    with cache_dir(tmp_path / "ner"):
        build(content, tmp_path / "output")
    pages = sorted(p.name for p in (tmp_path / "output" / "articles").rglob("*.html"))
    assert pages == ["new-footbridge-opens-across-the-river.html"]
