"""A built site runs nothing and loads nothing from elsewhere, even from a hostile scrape.

The scan covers every file in output/: no script, no event-handler attribute, no javascript:
URL, no iframe/object/embed, no meta refresh, and no remote load (src, srcset, poster, data,
link href, CSS url()/@import) to http(s): or protocol-relative // URLs.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
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


def problems_in_html(name: str, text: str) -> list[str]:
    found = []
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
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix in (".html", ".htm", ".xhtml", ".svg"):
            found += problems_in_html(name, text)
        elif path.suffix == ".css" and CSS_REMOTE.search(text):
            found.append(f"{name}: CSS loads a remote url()")
        elif path.suffix in (".js", ".mjs"):
            found.append(f"{name}: a script file")
    return found


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
