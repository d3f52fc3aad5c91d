"""Acceptance: the shared corpus imported into a fresh archive, twice, then built safely.

The 181 AEB pages and the 60 Readability pages (source.html of each case) go into a fresh
archive: each is added once, or reported as a duplicate of another page of the same import whose
text is the same (Readability's synthetic cases share one filler text); a second import adds
none; the built site runs nothing and loads nothing remote (the scan of test_output_safety).
Prints the import rate (pages per second).
"""

from __future__ import annotations

import shutil
import time

import pytest
from clippings.ingest.run import Options, run
from clippings.read import provenance
from sitebuild import SHARED, build, cache_dir
from test_output_safety import problems_in_output

pytestmark = [pytest.mark.slow, pytest.mark.shared]

CORPUS = SHARED / "corpus"
if not (CORPUS / "aeb" / "html").is_dir() or not (CORPUS / "readability").is_dir():
    pytest.skip("../shared/corpus (AEB and Readability pages) is absent", allow_module_level=True)


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("corpus-import")
    inbox = root / "inbox"
    shutil.copytree(CORPUS / "aeb" / "html", inbox / "aeb")
    for case in sorted((CORPUS / "readability").iterdir()):
        if (case / "source.html").is_file():
            (inbox / "readability" / case.name).mkdir(parents=True)
            shutil.copy(case / "source.html", inbox / "readability" / case.name)
    content = root / "content" / "scraped"
    with cache_dir(root / "cache"):
        started = time.perf_counter()
        first = run([str(inbox)], Options(content=content))
        seconds = time.perf_counter() - started
        second = run([str(inbox)], Options(content=content))
        build(root / "content", root / "output")
    pages = len(list(inbox.rglob("*.htm*")))
    print(f"\nimported {pages} pages in {seconds:.1f} s: {pages / seconds:.1f} pages per second")
    return {"inbox": inbox, "content": content, "first": first, "second": second,
            "pages": pages, "output": root / "output"}


def test_corpus_is_complete(imported):
    assert imported["pages"] == 181 + 60


def test_every_page_is_added_once_or_reported_as_a_same_text_duplicate(imported):
    first = imported["first"]
    assert first.failed == [], first.report(imported["content"])
    names = [name for name, _ in first.added] + [name for name, _ in first.duplicates]
    assert sorted(names) == sorted(str(p) for p in imported["inbox"].rglob("*.htm*"))
    assert len(set(names)) == len(names)
    # Every AEB page is its own article; only Readability's synthetic cases share a text.
    assert len([n for n, _ in first.added if "/aeb/" in n]) == 181
    for name, why in first.duplicates:
        assert "/readability/" in name and "the same text" in why, (name, why)
    assert len(first.added) >= 181 + 60 - 3
    added = [path for _, path in first.added]
    assert len(set(added)) == len(added)
    for path in added:
        assert provenance.load(path)["sha256"]


def test_second_import_adds_none(imported):
    second = imported["second"]
    assert second.added == [] and second.failed == []
    assert len(second.duplicates) == imported["pages"]


def test_built_site_runs_nothing_and_loads_nothing_remote(imported):
    output = imported["output"]
    assert len(list(output.glob("articles/**/*.html"))) >= len(imported["first"].added)
    assert problems_in_output(output) == []
