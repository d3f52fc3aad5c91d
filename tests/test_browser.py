"""The built archive in real headless Chromium: from file://, from a server at / and under a
sub-path (/repo/, as GitHub project pages serve it).

One site is built per session (the sample, two small articles that share people and places with
each other and with the sample, and the hostile page of the publish tests). A crawl from
index.html opens every internal page it can reach through <a href>, <link href>, <img src> and
<script src>, and records every request, failed load, HTTP error and console error on the way.
Screenshots go to $CLIPPINGS_ARTIFACTS (default tests/artifacts/, git-ignored).

Needs the playwright Python package and a Chromium on PATH (.ci/run installs Debian's); without
either the whole module is skipped with the reason.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

import pytest
from chromium import launched, missing, serve

if missing():
    pytest.skip(missing(), allow_module_level=True)

from playwright.sync_api import Browser, BrowserContext, Locator, Page  # noqa: E402
from playwright.sync_api import Error as PlaywrightError  # noqa: E402
from sitebuild import REPO, build, cache_dir  # noqa: E402

pytestmark = pytest.mark.slow

FIXTURES = Path(__file__).parent / "fixtures" / "browser"
HOSTILE = Path(__file__).parent / "fixtures" / "publish" / "hostile.html"
SAMPLE = "china-inching-toward-detente-with-japan"
SAMPLE_TITLE = "China inching toward detente with Japan"
SEARCH_WORD = "Guizhou"  # in the sample's captions and body, in no fixture page
TIMEOUT_MS = 15_000
# What the crawl follows, resolved against the document's base (so <base> and relative URLs
# count); attributes, not properties, so that SVG links (href or xlink:href) are read too.
LINKS_JS = """() => {
  const out = [];
  const add = (kind, el, name) => {
    const value = el.getAttribute(name) ?? el.getAttribute('xlink:' + name);
    if (value === null) return;
    try { out.push([kind, new URL(value, document.baseURI).href]); } catch (e) { }
  };
  document.querySelectorAll('a').forEach(e => add('a', e, 'href'));
  document.querySelectorAll('link[href]').forEach(e => add('link', e, 'href'));
  document.querySelectorAll('img[src], script[src]').forEach(e => add(e.localName, e, 'src'));
  document.querySelectorAll('image, use').forEach(e => add(e.localName, e, 'href'));
  return out;
}"""


# ---------------------------------------------------------------------------------------------
# The site, the browser, the servers


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The built site's output folder."""
    root = tmp_path_factory.mktemp("browser-site")
    content = root / "content" / "scraped"
    sample = next((REPO / "content" / "scraped").glob(f"*/{SAMPLE}.*"))
    shutil.copytree(sample.parent, content / sample.parent.name)
    shutil.copytree(FIXTURES / "coastal-gazette", content / "coastal-gazette")
    (content / "hostile-gazette").mkdir()
    shutil.copy(HOSTILE, content / "hostile-gazette" / HOSTILE.name)
    with cache_dir(root / "ner-cache"):
        build(root / "content", root / "output")
    return root / "output"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with launched() as chromium:
        yield chromium


@dataclass
class Place:
    """Where the site is opened: its home URL, the URL prefix every request must stay under,
    and how to find the file behind one of its URLs."""

    name: str
    base: str
    file_for: Callable[[str], Path]
    answered: list[tuple[str, int]] = field(default_factory=list)

    def inside(self, url: str) -> bool:
        return url.startswith(self.base)

    def url(self, relative: str) -> str:
        return self.base + relative


@pytest.fixture(scope="module")
def places(site, tmp_path_factory) -> Iterator[dict[str, Place]]:
    """The site from file://, from a server at / and from a server under /repo/."""
    mount = tmp_path_factory.mktemp("mount")
    (mount / "repo").symlink_to(site, target_is_directory=True)

    def on_disk(base: str) -> Callable[[str], Path]:
        return lambda url: site / unquote(urlsplit(url).path[len(urlsplit(base).path):])

    file_base = site.as_uri() + "/"
    with serve(site) as (root_base, root_log), serve(mount) as (mount_base, mount_log):
        sub_base = mount_base + "repo/"
        yield {
            "file": Place("file", file_base, on_disk(file_base)),
            "server": Place("server", root_base, on_disk(root_base), root_log),
            "subpath": Place("subpath", sub_base, on_disk(sub_base), mount_log),
        }


# ---------------------------------------------------------------------------------------------
# The crawl


@dataclass
class Crawl:
    place: Place
    opened: list[str] = field(default_factory=list)        # pages opened in the browser
    requests: list[str] = field(default_factory=list)      # every URL the browser asked for
    failed: list[str] = field(default_factory=list)        # "<url>: <why> (from <page>)"
    console: list[str] = field(default_factory=list)       # "<page>: <message>"
    current: str = ""                                      # the page being opened

    def foreign(self) -> list[str]:
        return sorted({u for u in self.requests if not self.place.inside(u)
                       and not u.startswith(("data:", "blob:", "about:"))})


def without_fragment(url: str) -> str:
    return urlunsplit(urlsplit(url)._replace(fragment=""))


def is_page(url: str) -> bool:
    path = urlsplit(url).path
    return path.endswith((".html", ".htm", "/"))


def new_page(browser: Browser, crawl: Crawl) -> Page:
    """A fresh page whose every request, failure and console error lands in ``crawl``."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    # Nothing may leave the site: abort it (so a sandbox without network never hangs), and keep
    # its URL for foreign(), which reports it.
    context.route(lambda url: not crawl.place.inside(url) and url.startswith(("http", "ws")),
                  lambda route: route.abort())
    context.on("request", lambda r: crawl.requests.append(r.url))
    context.on("requestfailed", lambda r: crawl.place.inside(r.url) and crawl.failed.append(
        f"{r.url}: {r.failure} (from {crawl.current})"))
    context.on("response", lambda r: r.status >= 400 and crawl.failed.append(
        f"{r.url}: HTTP {r.status} (from {crawl.current})"))
    return new_tab(context, crawl)


def new_tab(context: BrowserContext, crawl: Crawl) -> Page:
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and crawl.console.append(
        f"{crawl.current}: console error: {m.text} at {m.location.get('url')}"))
    page.on("pageerror", lambda e: crawl.console.append(f"{crawl.current}: page error: {e}"))
    return page


def visit(page: Page, crawl: Crawl, url: str) -> None:
    crawl.current = url
    page.goto(url, wait_until="load")


def check_target(crawl: Crawl, page: Page, url: str, source: str) -> None:
    """A link that is not opened as a page (a feed, a stylesheet, a kept scrape) must exist."""
    place = crawl.place
    if place.name == "file":
        path = place.file_for(url)
        if path.is_dir():
            crawl.failed.append(f"{url}: a folder, not a file (opens a listing; from {source})")
        elif not path.is_file():
            crawl.failed.append(f"{url}: no such file (from {source})")
        return
    status = page.context.request.get(url, max_redirects=0).status
    if status >= 400:
        crawl.failed.append(f"{url}: HTTP {status} (from {source})")


def crawl_site(browser: Browser, place: Place) -> Crawl:
    """Open index.html and every internal page reachable from it; check every other target."""
    crawl = Crawl(place)
    page = new_page(browser, crawl)
    home = place.url("index.html")
    queue, seen = [(home, "the start")], {home}
    try:
        while queue:
            url, source = queue.pop(0)
            crawl.current = url
            try:
                response = page.goto(url, wait_until="load")
            except PlaywrightError as exc:  # file:// of a missing file, a download...
                crawl.failed.append(f"{url}: {exc.message.splitlines()[0]} (linked from {source})")
                page.close()  # an error page may interrupt the next navigation
                page = new_tab(page.context, crawl)
                continue
            crawl.opened.append(url)
            if place.name == "file" and place.file_for(url).is_dir():
                crawl.failed.append(f"{url}: a folder, not a page (opens a listing; linked from "
                                    f"{source})")
                continue
            if response is not None and response.status >= 400:
                continue  # already recorded by the response handler
            for kind, link in page.evaluate(LINKS_JS):
                target = without_fragment(link)
                if not place.inside(target) or target in seen:
                    continue
                seen.add(target)
                if kind == "a" and is_page(target):
                    queue.append((target, url))
                else:
                    check_target(crawl, page, target, url)
    finally:
        page.context.close()
    return crawl


@pytest.fixture(scope="module", params=["file", "server", "subpath"])
def crawl(request, browser, places) -> Crawl:
    return crawl_site(browser, places[request.param])


def test_crawl_opens_every_page_of_the_site(crawl, site):
    """Every page written (but the 404 page) is reachable by links from the home page."""
    written = {p.relative_to(site).as_posix() for p in site.rglob("*.html")} - {"404.html"}
    opened = {unquote(urlsplit(u).path)[len(urlsplit(crawl.place.base).path):]
              for u in crawl.opened}
    assert f"articles/nikkei-asian-review/{SAMPLE}.html" in written
    assert sorted(written - opened) == []


def test_every_internal_link_loads(crawl):
    assert crawl.failed == []


def test_no_request_leaves_the_site(crawl):
    assert crawl.requests, "the crawl recorded no request at all"
    assert crawl.foreign() == []


def test_no_console_errors(crawl):
    assert crawl.console == []


def test_server_answered_no_error(crawl):
    """The server's own log agrees (it also sees requests the browser makes on its own)."""
    if crawl.place.name == "file":
        pytest.skip("no server for file://")
    assert [(path, status) for path, status in crawl.place.answered if status >= 400] == []


# ---------------------------------------------------------------------------------------------
# Search (output/search.html: input#search-q, ol#search-results > li > a, #search-status, ?q=)


@pytest.fixture(scope="module")
def search_page(site) -> Path:
    page = site / "search.html"
    if not page.is_file():
        pytest.skip("search page not built (output/search.html is absent)")
    return page


def sample_result(page: Page) -> Locator:
    """Wait for the results and return the one that leads to the sample."""
    links = page.locator("#search-results li a")
    links.first.wait_for()
    hrefs = links.evaluate_all("links => links.map(a => a.href)")
    matches = [i for i, h in enumerate(hrefs) if without_fragment(h).endswith(f"/{SAMPLE}.html")]
    assert matches, f"no result leads to the sample among {hrefs}"
    return links.nth(matches[0])


@pytest.mark.parametrize("where", ["file", "server", "subpath"])
def test_search_from_the_query_finds_the_sample(where, search_page, browser, places):
    crawl = Crawl(places[where])
    page = new_page(browser, crawl)
    try:
        visit(page, crawl, crawl.place.url(f"search.html?q={SEARCH_WORD}"))
        assert page.locator("#search-q").input_value() == SEARCH_WORD
        sample_result(page).click()
        page.wait_for_url(f"**/{SAMPLE}.html*")
        assert page.locator("h1").inner_text() == SAMPLE_TITLE
    finally:
        page.context.close()
    assert crawl.failed == []
    assert crawl.foreign() == []
    assert crawl.console == []


def test_search_as_you_type_finds_the_sample(search_page, browser, places):
    crawl = Crawl(places["file"])
    page = new_page(browser, crawl)
    try:
        visit(page, crawl, crawl.place.url("search.html"))
        page.locator("#search-q").click()
        page.keyboard.type(SEARCH_WORD, delay=20)
        sample_result(page)
        status = page.locator("#search-status").inner_text()
        assert status.strip(), "the search status says nothing after a query"
    finally:
        page.context.close()
    assert crawl.failed == []
    assert crawl.console == []


# ---------------------------------------------------------------------------------------------
# Screenshots (artifacts for a human eye; the test checks only that they were written)


def artifacts() -> Path:
    folder = Path(os.environ.get("CLIPPINGS_ARTIFACTS") or Path(__file__).parent / "artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_screenshots(browser, places):
    place = places["file"]
    crawl = Crawl(place)
    page = new_page(browser, crawl)
    folder = artifacts()
    shots = {}
    try:
        visit(page, crawl, place.url(f"articles/nikkei-asian-review/{SAMPLE}.html"))
        person = page.locator('a[href*="people/"]:not([href$="people/index.html"])').first
        person_url = person.evaluate("a => a.href")
        for name, url in [("home", place.url("index.html")),
                          ("sample-article", place.url(f"articles/nikkei-asian-review/"
                                                       f"{SAMPLE}.html")),
                          ("person", person_url),
                          ("places-index", place.url("places/index.html"))]:
            visit(page, crawl, url)
            shots[name] = folder / f"{name}.png"
            page.screenshot(path=shots[name], full_page=True)
    finally:
        page.context.close()
    assert all(path.stat().st_size > 1000 for path in shots.values()), shots
    assert crawl.failed == []
    assert crawl.console == []
