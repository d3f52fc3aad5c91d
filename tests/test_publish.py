"""The publish stage with a stand-in pipeline: ordering, undated articles, taxonomy pages, links,
feeds and bad input. Fast (no NER): the real stages are exercised by test_site.py."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from clippings import pipeline
from clippings.clean import paywall
from clippings.errors import BadInput
from clippings.model import Clipping, Entity, Figure
from sitebuild import build, files, recording, soup

SOURCE = "scraped/daily-planet"


def entity(name: str, kind: str) -> Entity:
    return Entity(name=name, kind=kind)


ARTICLES = {
    "older.txt": dict(title="Older news", date="2015-03-02", source="Daily Planet",
                      authors=["Lois Lane"], people=[entity("Ada Quill", "person")],
                      places=[entity("Gotham", "place"), entity("Metropolis", "place")]),
    "newer.txt": dict(title="Newer news", subtitle="A deck & a <b>tag</b>",
                      date="2016-12-27T08:30:00+09:00", source="Daily Planet",
                      people=[entity("Ada Quill", "person"), entity("Bo Index", "person")],
                      places=[entity("Metropolis", "place")]),
    "undated-b.txt": dict(title="Beta, undated", incomplete=True,
                          warnings=[f"scraped/undated-b.txt: {paywall.WARNING}"],
                          figures=[Figure(caption="A caption", src="https://img.example/x.jpg")],
                          people=[entity("Ada Quill", "person")]),
    "undated-a.txt": dict(title="<script>alert(1)</script> Alpha, undated",
                          url="https://news.example/alpha", places=[entity("Gotham", "place")]),
}


def fake_extract_path(path, *, entities=True):
    name = Path(path).name
    if name == "bad.txt":
        raise BadInput(str(path), "is empty")
    if name == "crash.txt":
        raise RuntimeError("the cleaner fell over")
    fields = ARTICLES.get(name, {"title": "Same story"})
    return Clipping(path=str(path), sha256="ab" * 32, kind="text", encoding="utf-8",
                    html=f"<p>Body of {name}.</p>", text=f"Body of {name}.", **fields)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> tuple[Path, list[str]]:
    content = tmp_path_factory.mktemp("content")
    folder = content / SOURCE
    folder.mkdir(parents=True)
    for name in [*ARTICLES, "bad.txt", "crash.txt"]:
        (folder / name).write_text("stand-in", encoding="utf-8")
    output = tmp_path_factory.mktemp("site") / "output"
    with pytest.MonkeyPatch.context() as mp, recording() as log:
        mp.setattr(pipeline, "extract_path", fake_extract_path)
        build(content, output)
    return output, log.messages()


def article_page(output: Path, stem: str) -> Path:
    return output / "articles" / "daily-planet" / f"{stem}.html"


def titles(page: Path) -> list[str]:
    return [a.get_text(strip=True) for a in soup(page).select(".article-list .title")]


def test_one_bad_file_never_stops_the_build(site):
    output, errors = site
    for stem in ("older", "newer", "undated-a", "undated-b"):
        assert article_page(output, stem).is_file()
    assert any(f"{SOURCE}/bad.txt" in m and "is empty" in m for m in errors), errors
    assert any(f"{SOURCE}/crash.txt" in m and "the cleaner fell over" in m for m in errors), errors
    assert not article_page(output, "bad").exists()


def test_newest_first_undated_last(site):
    output, _ = site
    expected = ["Newer news", "Older news", "<script>alert(1)</script> Alpha, undated",
                "Beta, undated"]
    assert titles(output / "index.html") == expected
    assert titles(output / "people" / "ada-quill.html") == ["Newer news", "Older news",
                                                          "Beta, undated"]


def test_undated_articles_show_no_invented_date(site):
    output, _ = site
    page = soup(article_page(output, "undated-b"))
    assert page.select_one(".meta .undated").get_text() == "Undated"
    assert page.find("time") is None
    for name, data in files(output).items():
        text = data.decode("utf-8", "replace")
        assert not re.search(r"\b0?001-01-01|\b1970\b|January 1\b", text), name


def test_dates_are_shown_as_given(site):
    output, _ = site
    time = soup(article_page(output, "older")).select_one(".meta time")
    assert (time["datetime"], time.get_text()) == ("2015-03-02", "2 March 2015")
    time = soup(article_page(output, "newer")).select_one(".meta time")
    assert time["datetime"] == "2016-12-27T08:30:00+09:00"
    assert time.get_text() == "27 December 2016, 08:30 (UTC+09:00)"


def test_article_page_parts(site):
    output, _ = site
    page = soup(article_page(output, "newer"))
    assert [h.get_text() for h in page.find_all("h1")] == ["Newer news"]
    assert page.select_one(".deck").get_text() == "A deck & a <b>tag</b>"  # text, not markup
    assert page.select_one(".source").get_text() == "Daily Planet"
    links = {a.get_text(): a["href"] for a in page.select(".entities a")}
    assert links == {"Ada Quill": "../../people/ada-quill.html",
                     "Bo Index": "../../people/bo-index.html",
                     "Metropolis": "../../places/metropolis.html"}
    provenance = page.select_one(".provenance").get_text(" ", strip=True)
    assert f"{SOURCE}/newer.txt" in provenance and "ab" * 32 in provenance
    assert "utf-8" in provenance and "text dump" in provenance
    assert soup(article_page(output, "older")).select_one(".byline").get_text() == "By Lois Lane"


def test_titles_are_escaped_and_notes_shown(site):
    output, _ = site
    raw = article_page(output, "undated-a").read_text(encoding="utf-8")
    assert "<script>" not in raw and "&lt;script&gt;" in raw
    assert 'href="https://news.example/alpha"' in raw
    page = soup(article_page(output, "undated-b"))
    [note] = page.select(".notes li")  # the teaser warning is said once, in words
    assert "may be incomplete" in note.get_text()
    figure = page.select_one("figure")
    assert figure.figcaption.get_text(strip=True) == "A caption"
    assert figure.find("img") is None  # the remote image is linked, never loaded
    assert figure.a["href"] == "https://img.example/x.jpg"


def test_taxonomy_indexes_are_alphabetical_with_counts(site):
    output, _ = site
    people = soup(output / "people" / "index.html")
    rows = [li.get_text(" ", strip=True) for li in people.select(".term-list li")]
    assert rows == ["Ada Quill (3 articles)", "Bo Index (1 article)"]
    places = soup(output / "places" / "index.html")
    assert [a["href"] for a in places.select(".term-list a")] == ["../places/gotham.html",
                                                                  "../places/metropolis.html"]
    assert sorted(p.name for p in (output / "places").iterdir()) == [
        "gotham.html", "index.html", "metropolis.html"]


def test_every_internal_link_names_an_existing_file(site):
    output, _ = site
    for page in output.rglob("*.html"):
        for tag in soup(page).find_all(href=True):
            href = tag["href"]
            if href.startswith(("http://", "https://", "mailto:", "#", "data:")):
                continue
            assert not href.endswith("/"), (page, href)  # index.html, explicitly
            target = (page.parent / href.split("#")[0]).resolve()
            assert target.is_file(), (page.relative_to(output), href)


def test_one_h1_and_a_skip_link_on_every_page(site):
    output, _ = site
    for page in output.rglob("*.html"):
        html = soup(page)
        assert len(html.find_all("h1")) == 1, page
        assert html.select_one("a.skip-link")["href"] == "#main"
        assert html.find(id="main") is not None


def test_publish_feeds_list_dated_articles_only(tmp_path):
    content = tmp_path / "content"
    (content / SOURCE).mkdir(parents=True)
    for name in ARTICLES:
        (content / SOURCE / name).write_text("stand-in", encoding="utf-8")
    output = tmp_path / "output"
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pipeline, "extract_path", fake_extract_path)
        build(content, output, conf="publishconf.py", SITEURL="https://archive.example")
    atom = (output / "feeds" / "all.atom.xml").read_text(encoding="utf-8")
    rss = (output / "feeds" / "all.rss.xml").read_text(encoding="utf-8")
    for feed in (atom, rss):
        assert "Newer news" in feed and "Older news" in feed
        assert "undated" not in feed and "0001" not in feed
    link = soup(output / "index.html").find("link", rel="alternate")
    assert link["href"] == "https://archive.example/feeds/all.atom.xml"


def test_no_feed_without_a_dated_article(tmp_path):
    content = tmp_path / "content"
    (content / SOURCE).mkdir(parents=True)
    (content / SOURCE / "undated-a.txt").write_text("stand-in", encoding="utf-8")
    output = tmp_path / "output"
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pipeline, "extract_path", fake_extract_path)
        build(content, output, conf="publishconf.py", SITEURL="https://archive.example")
    assert not (output / "feeds").exists()
    assert soup(output / "index.html").find("link", rel="alternate") is None


def test_same_story_saved_twice_gets_two_pages(tmp_path):
    content = tmp_path / "content"
    (content / SOURCE).mkdir(parents=True)
    for name in ("story.html", "story.txt", "other.txt"):
        (content / SOURCE / name).write_text("stand-in", encoding="utf-8")
    output = tmp_path / "output"
    with pytest.MonkeyPatch.context() as mp, recording() as log:
        mp.setattr(pipeline, "extract_path", fake_extract_path)
        build(content, output)
    assert log.messages(logging.WARNING) == []
    pages = sorted(p.name for p in (output / "articles" / "daily-planet").iterdir())
    assert pages == ["other.html", "story-html.html", "story-txt.html"]
    assert len(soup(output / "index.html").select(".article-list li")) == 3


def test_article_slugs_are_unique_within_a_folder(tmp_path):
    from clippings.publish.readers import article_slug, scrapes_by_slug

    scrapes = ["story.html", "story.txt", "Story.TXT.gz", "report.htm", "report.html", "lone.txt",
               "+++.txt"]
    for name in [*scrapes, "lone.md"]:  # lone.md is no scrape: it takes no slug from lone.txt
        (tmp_path / name).write_text("stand-in", encoding="utf-8")
    by_slug = scrapes_by_slug(str(tmp_path))
    slugs = {name: article_slug(str(tmp_path / name), f"{i:02d}" * 32, by_slug)
             for i, name in enumerate(scrapes)}
    assert slugs == {"story.html": "story-html", "story.txt": "story-txt-01010101",
                     "Story.TXT.gz": "story-txt-02020202", "report.htm": "report-htm",
                     "report.html": "report-html", "lone.txt": "lone", "+++.txt": "06" * 6}
    gone = str(tmp_path / "gone")  # a folder that cannot be listed: the plain slug
    assert article_slug(f"{gone}/story.txt", "cd" * 32, scrapes_by_slug(gone)) == "story"


@pytest.mark.parametrize(("name", "folder"), [
    ("scraped/nikkei-asian-review/story.txt", "nikkei-asian-review"),
    ("scraped/The Hill/2021/story.html", "the-hill/2021"),
    ("scraped/story.html", "misc"),
    ("story.html", "misc"),
])
def test_article_folder_is_every_folder_below_the_article_root(name, folder):
    from clippings.publish.readers import folder_slug

    assert folder_slug(name) == folder
