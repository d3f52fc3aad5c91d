"""The archive's own pages: archives by year and month, undated, sources, sitemap and robots.txt."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sitebuild import soup
from standin import SITEURL

pytestmark = pytest.mark.slow


def titles(page: Path) -> list[str]:
    return [a.get_text(strip=True) for a in soup(page).select(".article-list .title")]


def test_archives_lists_years_months_and_undated(relative):
    page = soup(relative / "archives.html")
    years = [(a.get_text(), a["href"]) for a in page.select(".periods a.year")]
    assert years == [("2016", "./archives/2016.html"), ("2015", "./archives/2015.html"),
                     ("2014", "./archives/2014.html"), ("Undated", "./archives/undated.html")]
    months = [a.get_text() for a in page.select(".months a")]
    assert months == ["December 2016", "March 2015", "March 2014"]
    counts = [c.get_text() for c in page.select(".periods > li > .count")]
    assert counts == ["(2 articles)", "(1 article)", "(1 article)", "(1 article)"]


def test_period_pages(relative):
    assert titles(relative / "archives" / "2016.html") == ["Notícias novas", "Zipped news"]
    assert titles(relative / "archives" / "2016-12.html") == ["Notícias novas", "Zipped news"]
    assert soup(relative / "archives" / "2016-12.html").h1.get_text() == "December 2016"
    # 23:30 at UTC-5 on 5 March is still March 2014 where it was written.
    assert titles(relative / "archives" / "2014-03.html") == ["A story & more"]
    assert titles(relative / "archives" / "undated.html") == ["<b>Undated</b> piece"]
    assert not list((relative / "archives").glob("0001*"))
    names = sorted(p.name for p in (relative / "archives").iterdir())
    assert names == ["2014-03.html", "2014.html", "2015-03.html", "2015.html", "2016-12.html",
                     "2016.html", "undated.html"]


def test_sources_index_and_pages(relative):
    index = soup(relative / "sources" / "index.html")
    listed = [(a.get_text(), a["href"]) for a in index.select(".term-list a")]
    assert listed == [("Daily Planet", "../sources/daily-planet.html"),
                      ("Other Paper & Co", "../sources/other-paper-co.html"),
                      ("The Bugle", "../sources/the-bugle.html")]
    counts = [c.get_text() for c in index.select(".term-list .count")]
    assert counts == ["(2 articles)", "(1 article)", "(1 article)"]
    assert "1 article names no source" in index.get_text(" ", strip=True)
    assert titles(relative / "sources" / "daily-planet.html") == ["Notícias novas", "Older news"]


def test_source_slugs_are_shared_with_the_feeds():
    from clippings.publish.links import source_slug, source_url

    assert source_slug("Other Paper & Co") == "other-paper-co"
    assert source_slug("Index") == "index-1"  # sources/index.html is the list of sources
    assert source_slug("¿¡!") == ""
    assert source_url("the-bugle") == "sources/the-bugle.html"


def test_no_sitemap_or_robots_when_building_locally(relative):
    assert not (relative / "sitemap.xml").exists()
    assert not (relative / "robots.txt").exists()


def test_sitemap_lists_every_page_sorted_with_content_dates(published):
    text = (published / "sitemap.xml").read_text(encoding="utf-8")
    entries = re.findall(r"<url><loc>([^<]+)</loc>(?:<lastmod>([^<]+)</lastmod>)?</url>", text)
    urls = [url for url, _ in entries]
    assert urls == sorted(urls)
    pages = sorted(f"{SITEURL}/{p.relative_to(published).as_posix()}"
                   for p in published.rglob("*.html") if p.name != "404.html")
    assert urls == pages
    lastmods = {url.removeprefix(f"{SITEURL}/"): when for url, when in entries if when}
    assert lastmods == {"articles/daily-planet/newer.html": "2016-12-27T08:30:00+09:00",
                        "articles/daily-planet/older.html": "2015-03-02",
                        "articles/daily-planet/zipped.html": "2016-12-01",
                        "articles/other-paper/story.html": "2014-03-05T23:30:00-05:00"}


def test_robots_points_to_the_sitemap(published):
    robots = (published / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {SITEURL}/sitemap.xml\n" in robots
    assert "User-agent: *" in robots
