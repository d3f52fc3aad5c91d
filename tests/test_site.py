"""End to end: the repo's content/ built into a temporary folder with the real stages.

The site is built once per session for every check here (it loads spaCy), plus once more to
prove that an unchanged rebuild runs no NER and writes the same bytes.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sitebuild import REPO, SHARED, build, cache_dir, files, recording, soup
from slugify import slugify

pytestmark = pytest.mark.slow

SAMPLE = "china-inching-toward-detente-with-japan"
GOLD = SHARED / "gold" / "sample_entities.json"
FORBIDDEN = ("Artboard", "Sketch", "Sponsored Content", "free article", "subscription",
             "Subscribe", "Try 3 months", "NAR on print")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("site")
    with cache_dir(root / "ner-cache"), recording() as log:
        from clippings.tag import stats

        build(REPO / "content", root / "output")
        first = (stats.ner_runs, stats.cache_hits)
    return {"root": root, "output": root / "output", "errors": log.messages(), "first": first}


@pytest.fixture(scope="module")
def output(built) -> Path:
    return built["output"]


@pytest.fixture(scope="module")
def gold() -> dict:
    if not GOLD.is_file():
        pytest.skip(f"{GOLD.relative_to(REPO.parent)} is absent (../shared not checked out)")
    return json.loads(GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def sample_page(output):
    pages = list(output.glob(f"articles/*/{SAMPLE}.html"))
    assert len(pages) == 1, pages
    return soup(pages[0])


def test_build_reports_no_errors(built):
    assert built["errors"] == []


def test_sample_headline_deck_and_undated(sample_page):
    assert [h.get_text(strip=True) for h in sample_page.find_all("h1")] == [
        "China inching toward detente with Japan"]
    assert sample_page.select_one(".deck").get_text(strip=True) == (
        "Thaw may be on the horizon as party officials hint at improved ties")
    assert sample_page.select_one(".meta .undated").get_text() == "Undated"
    assert sample_page.find("time") is None


def test_sample_figcaptions(sample_page):
    captions = [f.get_text(" ", strip=True) for f in sample_page.find_all("figcaption")]
    assert captions == [
        "Chen Min'er, left, party chief of Guizhou Province, talks with a Japanese government "
        "official at a recent event in Beijing.",
        "Chinese students who took part in a program to visit Japan speak about their "
        "experiences at a forum.",
    ]


def test_sample_body(sample_page):
    body = sample_page.select_one(".body")
    paragraphs = [p.get_text(" ", strip=True) for p in body.find_all("p")]
    assert paragraphs[0].startswith("BEIJING -- China is sending subtle signals")
    assert paragraphs[-1].endswith("anti-Japanese protests in China.")
    headings = [h.get_text(strip=True) for h in body.find_all(re.compile("^h[2-6]$"))]
    assert "Mixed signals" in headings


def test_sample_has_no_chrome(output, sample_page):
    text = sample_page.get_text(" ")
    for phrase in FORBIDDEN:
        assert phrase not in text, phrase


def test_sample_provenance(sample_page):
    provenance = sample_page.select_one(".provenance").get_text(" ", strip=True)
    assert f"scraped/nikkei-asian-review/{SAMPLE}.txt" in provenance
    assert re.search(r"\b[0-9a-f]{64}\b", provenance)


def test_person_pages_are_exactly_the_gold_people(output, gold):
    pages = {p.stem for p in (output / "people").glob("*.html")} - {"index"}
    assert pages == {slugify(name) for name in gold["people"]}
    for lone in ("xi", "chen", "li", "koba"):
        assert not (output / "people" / f"{lone}.html").exists()


def test_place_pages_cover_the_gold_places(output, gold):
    pages = {p.stem for p in (output / "places").glob("*.html")} - {"index"}
    found = {slugify(name) for name in gold["places"]} & pages
    assert len(found) >= 12, sorted({slugify(n) for n in gold["places"]} - pages)
    # Organisations and nationalities that carry place words are not places.
    not_places = {"china-japan-friendship-association", "china-central-television",
                  "asia-pacific-economic-cooperation", "japanese-chamber-of-commerce-and-industry",
                  "chinese", "japanese", "anti-japanese", "communist-party", "diaoyu-islands"}
    assert not pages & not_places


def test_sample_links_its_people_and_places(output, sample_page):
    hrefs = [a["href"] for a in sample_page.select(".entities a")]
    assert "../../people/xi-jinping.html" in hrefs
    assert "../../people/chen-min-er.html" in hrefs
    assert "../../places/beijing.html" in hrefs
    for href in hrefs:
        assert (output / "articles" / "x" / href).resolve().is_file(), href


def test_person_page_lists_the_article(output):
    page = soup(output / "people" / "xi-jinping.html")
    assert page.h1.get_text() == "Xi Jinping"
    article = f"../articles/nikkei-asian-review/{SAMPLE}.html"
    assert [a["href"] for a in page.select(".article-list a.title")] == [article]
    mentions = [a["href"] for a in page.select(".snippets a")]
    assert mentions and all(href.startswith(article + "#:~:text=") for href in mentions)


def test_no_invented_date_anywhere(output):
    for name, data in files(output).items():
        assert not re.search(rb"\b0?001-01-01|\b1970-01-01", data), name


def test_unchanged_rebuild_runs_no_ner_and_writes_the_same_bytes(built):
    from clippings.tag import stats

    assert built["first"][0] >= 1  # a fresh cache: the first build ran the model
    second = built["root"] / "second"
    with cache_dir(built["root"] / "ner-cache"):
        build(REPO / "content", second)
    assert (stats.ner_runs, stats.cache_hits) == (0, built["first"][0] + built["first"][1])
    assert files(second) == files(built["output"])
