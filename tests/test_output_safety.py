"""A built site runs nothing and loads nothing from elsewhere, even from a hostile scrape.

The scan covers every file in output/: no script, no event-handler attribute, no javascript:
URL, no iframe/object/embed, no meta refresh, and no remote load (src, srcset, poster, data,
link href, CSS url()/@import) to http(s): or protocol-relative // URLs. The one exception is
search: search.html's two script tags, theme/js/search.js as in the theme, and the data files
under search/ (checked to be data only).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from clippings.publish import provenance
from sitebuild import REPO, build, cache_dir

pytestmark = pytest.mark.slow

FIXTURES = Path(__file__).parent / "fixtures" / "publish"
REMOTE = re.compile(r"^\s*(?:[a-z][a-z0-9+.\-]*:)?//", re.IGNORECASE)
SCRIPT_URL = re.compile(r"^\s*(?:javascript|vbscript|livescript)\s*:", re.IGNORECASE)
URL_NOISE = re.compile(r"[\x00-\x20\x7f-\x9f\u00ad\u200b-\u200f\u2028\u2029\ufeff]")
LOADING_ATTRS = ("src", "srcset", "poster", "data", "background", "lowsrc", "dynsrc",
                 "xlink:href", "ping", "manifest", "codebase", "archive")
CSS_REMOTE = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])\s*(?:[a-z][a-z0-9+.\-]*:)?//""",
                        re.IGNORECASE)


# The only scripts a site may carry: the search page's own two, and the search files, which are
# data (one ClippingsSearch.<kind>(JSON) call each) loaded by theme/js/search.js, a copy of ours.
SEARCH_PAGE = "search.html"
SEARCH_TAGS = re.compile(r'<script src="(?:\./)?(?:theme/js/search\.js|search/manifest\.js)" '
                         r'defer></script>')
SEARCH_JS = "theme/js/search.js"
SEARCH_DATA = re.compile(r"^search/(?:manifest|t/[0-9a-f]+|[cd]/\d+|f/[a-z]+)\.js$")
DATA_CALL = re.compile(r"\AClippingsSearch\.(manifest|shard|cards|docs|facet)\((.*)\);\n\Z", re.S)
# Each kind of file makes its own call only: search/<folder>/ → the call it may make.
SEARCH_CALLS = {"manifest.js": "manifest", "t": "shard", "c": "cards", "d": "docs", "f": "facet"}


def problems_in_html(name: str, text: str) -> list[str]:
    found = []
    if name == SEARCH_PAGE:
        text = SEARCH_TAGS.sub("", text)
    raw = text.lower()
    for tag in ("<script", "<iframe", "<object", "<embed", "<frame", "<applet"):
        if tag in raw:
            found.append(f"{name}: {tag}>")
    if CSS_REMOTE.search(text):
        found.append(f"{name}: CSS loads a remote url()")
    page = BeautifulSoup(text, "lxml")
    for element in page.find_all(True):
        for attr, value in element.attrs.items():
            value = " ".join(value) if isinstance(value, list) else str(value)
            compact = URL_NOISE.sub("", value)
            if attr.lower().startswith("on"):
                found.append(f"{name}: <{element.name} {attr}>")
            if SCRIPT_URL.match(compact):
                found.append(f"{name}: <{element.name} {attr}={value!r}>")
            if attr.lower() in LOADING_ATTRS and _remote(attr, value):
                found.append(f"{name}: <{element.name} {attr}={value!r}> loads a remote file")
        if element.name == "link" and REMOTE.match(element.get("href", "")):
            found.append(f"{name}: <link href={element['href']!r}> loads a remote file")
        if element.name == "meta" and element.get("http-equiv", "").lower() == "refresh":
            found.append(f"{name}: <meta http-equiv=refresh>")
        if element.name in ("svg", "image", "use") and REMOTE.match(element.get("href", "")):
            found.append(f"{name}: <{element.name} href> loads a remote file")
    return found


def _remote(attr: str, value: str) -> bool:
    if attr.lower() == "srcset":
        return any(REMOTE.match(part.strip()) for part in value.split(","))
    return bool(REMOTE.match(URL_NOISE.sub("", value)))


def problems_in_output(root: Path) -> list[str]:
    found = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        name = path.relative_to(root).as_posix()
        if provenance.is_copy(name):
            continue  # a scrape as kept, by name text/plain or a download: never a page
        if name.startswith(f"{provenance.FOLDER}/"):
            found.append(f"{name}: not a scrape copy name (.txt or .gz, one dot)")
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix in (".html", ".htm", ".xhtml", ".svg"):
            found += problems_in_html(name, text)
        elif path.suffix == ".css" and CSS_REMOTE.search(text):
            found.append(f"{name}: CSS loads a remote url()")
        elif path.suffix in (".js", ".mjs") and not our_script(name, text):
            found.append(f"{name}: a script file")
    return found


def our_script(name: str, text: str) -> bool:
    """search.js as in the theme, or a search file that is data only."""
    if name == SEARCH_JS:
        return text == (REPO / "theme" / "static" / "js" / "search.js").read_text("utf-8")
    if not SEARCH_DATA.match(name):
        return False
    match = DATA_CALL.match(text)
    if not match or "</" in text or match.group(1) != SEARCH_CALLS[name.split("/")[1]]:
        return False
    try:
        json.loads(f"[{match.group(2)}]")
    except ValueError:
        return False
    return True


@pytest.fixture(scope="module")
def output(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("safety")
    source = root / "content" / "scraped" / "coastal-gazette"
    source.mkdir(parents=True)
    shutil.copy(FIXTURES / "hostile.html", source / "hostile.html")
    sample = next((REPO / "content" / "scraped").glob("*/*.txt"))
    shutil.copy(sample, source / sample.name)
    with cache_dir(root / "ner-cache"):
        build(root / "content", root / "output")
    return root / "output"


def test_the_scan_catches_every_hostile_construct():
    found = problems_in_html("hostile.html", (FIXTURES / "hostile.html").read_text("utf-8"))
    for expected in ("<script>", "<iframe>", "<object>", "<embed>", "onload", "onerror",
                     "onclick", "onmouseover", "javascript:alert('link')", "alert(2)",
                     "meta http-equiv=refresh", "srcset", "poster", "<link href",
                     "CSS loads a remote url()", "ferry.jpg", "//pixel.evil.example"):
        assert any(expected in problem for problem in found), expected


def test_hostile_scrape_is_published(output):
    pages = list(output.glob("articles/*/hostile.html"))
    assert len(pages) == 1
    text = pages[0].read_text(encoding="utf-8")
    assert "Harbour council approves new ferry route" in text
    assert "The new ferry leaves the north pier." in text
    assert "Supporters said the route would cut travel time" in text


def test_hostile_markup_costs_no_text(output):
    text = next(output.glob("articles/*/hostile.html")).read_text(encoding="utf-8")
    assert "Opponents argued that the money would be better spent" in text
    assert "first sailing is planned for the spring" in text


def test_built_site_runs_nothing_and_loads_nothing_remote(output):
    assert list(output.rglob("*.html"))
    assert problems_in_output(output) == []


def test_scrape_copies_are_never_named_as_pages(output):
    copies = sorted(p.relative_to(output).as_posix() for p in (output / "scrapes").rglob("*")
                    if p.is_file())
    assert len(copies) == 2  # the hostile page and the sample
    for name in copies:
        assert provenance.is_copy(name), name
        assert not name.lower().endswith((".html", ".htm", ".xhtml", ".svg", ".xml", ".shtml"))
    hostile = next(n for n in copies if "hostile" in n)
    assert hostile.endswith(".txt")
    assert b"<script" in (output / hostile).read_bytes()  # kept as is, and skipped by name only


def test_scan_skips_only_the_scrape_copies():
    assert provenance.is_copy("scrapes/coastal-gazette/hostile.txt")
    assert provenance.is_copy("scrapes/coastal-gazette/hostile.gz")
    assert provenance.is_copy("scrapes/coastal-gazette/2021/hostile.txt")  # source/year layout
    for name in ("scrapes/coastal-gazette/hostile.html", "scrapes/coastal-gazette/hostile.html.txt",
                 "scrapes/hostile.txt", "articles/x/hostile.txt",
                 "scrapes/coastal-gazette/hostile.svg"):
        assert not provenance.is_copy(name), name


def test_only_our_search_scripts_pass():
    page = '<html><head><script src="./theme/js/search.js" defer></script>' \
           '<script src="./search/manifest.js" defer></script></head></html>'
    assert problems_in_html(SEARCH_PAGE, page) == []
    assert problems_in_html("index.html", page)  # anywhere else, a script is a script
    for extra in ('<script>alert(1)</script>', '<script src="theme/js/other.js" defer></script>',
                  '<script src="https://evil.example/search/manifest.js" defer></script>',
                  '<script src="/search/manifest.js" defer></script>',
                  '<SCRIPT src="search/manifest.js" defer></SCRIPT>'):
        assert problems_in_html(SEARCH_PAGE, page + extra), extra
    assert our_script("search/t/6368.js", 'ClippingsSearch.shard("ch",{"china":"0A"});\n')
    assert our_script("search/c/0.js", 'ClippingsSearch.cards(0,{"title":["A"]});\n')
    for name, text in (("search/t/6368.js", 'ClippingsSearch.shard("ch",alert(1));\n'),
                       ("search/t/6368.js", 'ClippingsSearch.shard("</script>",{});\n'),
                       ("search/t/6368.js", 'alert(1);ClippingsSearch.shard("ch",{});\n'),
                       ("search/x.js", 'ClippingsSearch.shard("ch",{});\n'),
                       ("search/c/0.js", 'ClippingsSearch.shard("ch",{});\n'),
                       ("search/manifest.js", 'ClippingsSearch.cards(0,{});\n'),
                       ("search/c/x.js", 'ClippingsSearch.cards(0,{});\n'),
                       ("articles/search/t/6368.js", 'ClippingsSearch.shard("ch",{});\n'),
                       (SEARCH_JS, "alert(1);\n")):
        assert not our_script(name, text), (name, text)


def test_the_search_files_are_the_only_scripts_and_pass_as_data(output):
    scripts = sorted(p.relative_to(output).as_posix() for p in output.rglob("*.js"))
    assert SEARCH_JS in scripts and "search/manifest.js" in scripts
    assert all(n == SEARCH_JS or SEARCH_DATA.match(n) for n in scripts)
    for name in scripts:
        assert our_script(name, (output / name).read_text("utf-8")), name
