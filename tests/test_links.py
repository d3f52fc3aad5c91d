"""Every internal link works from file://, from a server at / and under a sub-path.

Built with pelicanconf.py (relative URLs), every href and src in every HTML page must name an
existing file relative to the page: never a folder, never "./" or "../" alone (file:// would
list the folder), never a root-absolute "/x" (wrong under /<repo>/ and from file://). Built with
publishconf.py and SITEURL https://example.org/repo, every internal link starts with that URL.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from sitebuild import soup
from standin import SITEURL

pytestmark = pytest.mark.slow

URL_ATTRIBUTES = ("href", "src")


def links(output: Path) -> list[tuple[str, str]]:
    """(page, URL) for every href and src of every HTML page, in-page fragments left out."""
    found = []
    for page in sorted(output.rglob("*.html")):
        name = page.relative_to(output).as_posix()
        for element in soup(page).find_all(True):
            for attribute in URL_ATTRIBUTES:
                value = element.get(attribute)
                if value is not None and not value.startswith(("#", "data:")):
                    found.append((name, value))  # a data: URL is inline: it names no file
    return found


def is_external(url: str) -> bool:
    return urlsplit(url).scheme in ("http", "https", "mailto") and not url.startswith(SITEURL)


def test_relative_links_name_existing_files(relative):
    checked = 0
    for page, url in links(relative):
        if is_external(url):
            continue
        path = unquote(urlsplit(url).path)
        assert not urlsplit(url).scheme and not url.startswith("/"), (page, url)
        assert path and not path.endswith("/") and path not in (".", ".."), (page, url)
        target = (relative / page).parent / path
        assert target.is_file(), (page, url)
        assert target.resolve().is_relative_to(relative.resolve()), (page, url)
        checked += 1
    assert checked > 100


def test_the_pages_are_linked(relative):
    """The pages of this issue are reachable: period archives, sources, scrape copies."""
    linked = {posixpath.normpath(posixpath.join(posixpath.dirname(page), urlsplit(url).path))
              for page, url in links(relative) if not is_external(url)}
    for name in ("archives.html", "archives/2016.html", "archives/2016-12.html",
                 "archives/2015-03.html", "archives/2014-03.html", "archives/undated.html",
                 "sources/index.html", "sources/daily-planet.html", "sources/the-bugle.html",
                 "scrapes/daily-planet/newer.txt", "scrapes/daily-planet/zipped.gz"):
        assert name in linked, name


def test_published_links_start_with_siteurl(published):
    checked = 0
    for page, url in links(published):
        if is_external(url):
            continue
        assert url.startswith(f"{SITEURL}/"), (page, url)
        path = unquote(urlsplit(url[len(SITEURL):]).path).lstrip("/")
        assert path and not path.endswith("/"), (page, url)
        assert (published / path).is_file(), (page, url)
        checked += 1
    assert checked > 100


def test_404_works_from_any_depth_when_published(published):
    """A server shows 404.html for any missing URL, at any depth: its links are absolute."""
    page = soup(published / "404.html")
    urls = [e.get("href") or e.get("src") for e in page.find_all(["a", "link", "script"])]
    internal = [u for u in urls if u and not u.startswith(("#", "data:"))]
    assert internal
    assert all(u.startswith(f"{SITEURL}/") for u in internal), internal
    assert len(page.find_all("h1")) == 1


def test_feeds_use_absolute_urls(published):
    for feed in sorted((published / "feeds").rglob("*.xml")):
        text = feed.read_text(encoding="utf-8")
        assert 'href="/' not in text and 'href="."' not in text, feed
        assert f"{SITEURL}/articles/" in text or "<entry" not in text, feed
