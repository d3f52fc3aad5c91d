"""Whole-site benchmark: build time against plain Pelican, and the search targets in Chromium.

Run from the repo root:  .venv/bin/python -m bench.site   (or `make bench-site`)

    --articles N      how many articles (default 10000); try `BENCHOPTS="--articles 500"`
    --query WORD      the typical query opened as search.html?q=WORD (default "government")
    --type WORD       the word typed char by char after the first results (default "minister")
    --runs N          how many fresh openings of the search page (median reported; default 5)
    --warm            also time a second build on the warm NER cache
    --no-plain        skip the plain-Pelican build (no ratio)
    --no-search       skip the Chromium measurements
    --keep DIR        build in DIR and keep it (content, outputs, logs) instead of a temp folder
    --site DIR        no build: measure search on the site already built in DIR (e.g. output/)

The archive is made of the shared corpus pages (../shared/corpus/aeb/html/*.html.gz and
../shared/corpus/readability/*/source.html), repeated with a new <title>, <h1> and publication
date per copy (the page's own JSON-LD and date metas are dropped so the new ones are the page's
only), into a temporary content folder. Ours is built with the repo's pelicanconf.py in a
subprocess, with a fresh NER cache (a cold build: every copy's text differs by its title, so each
one goes through NER); plain Pelican builds the same articles (each page's extracted text under
the copy's title and date) with no plugins, default theme, in the same run: as Markdown when the
`markdown` package is installed, else as plain HTML files through Pelican's own HTML reader (the
cheaper of the two, so the ratio is if anything on the high side).

Search, in headless Chromium from file:// (needs Debian's chromium and playwright):
- first results: from navigation start (performance.now() in the page) to the first
  #search-results li, opening search.html?q=<query>; median of --runs fresh pages;
- per keystroke: the word typed with real key presses; each from keydown until its results are
  in the DOM (the list itself changed and is no longer aria-busy); median and worst. Snippets
  fill in after that, from the article files: reported apart (keydown to the last DOM change the
  key caused, the page quiet for 250 ms), with no target;
- bytes: the sizes of every file the search page loaded for the query (from opening to quiet).
"""

from __future__ import annotations

import argparse
import gzip
import html
import importlib.util
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from bench.shared import AEB, READABILITY, ROOT, SHARED

TARGETS = {"first_ms": 300.0, "keystroke_ms": 50.0, "query_bytes": 3 * 1024 * 1024}
LABELS = ("Update", "Analysis", "Report", "Briefing", "Dispatch", "Follow-up", "Review", "Notes")
FIRST_DATE = datetime(2001, 1, 1, tzinfo=UTC)
DATE_SPAN_DAYS = 24 * 365
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--no-first-run"]
QUIET_MS = 250
FIRST_TIMEOUT_MS = 30_000
FOLDERS = 40  # source folders the copies are spread over

# The page's own title, dates and structured data go, so each copy's new ones are the only ones.
DROP = [
    re.compile(r"<script[^>]*application/ld\+json[^>]*>.*?</script\s*>", re.I | re.S),
    re.compile(r"<meta\b[^>]*(?:title|date|time|published|modified|charset|content-type)[^>]*>",
               re.I),
    re.compile(r"<title\b[^>]*>.*?</title\s*>", re.I | re.S),
]
H1 = re.compile(r"(<h1\b[^>]*>).*?(</h1\s*>)", re.I | re.S)
HEAD = re.compile(r"<head\b[^>]*>", re.I)

# Runs in the search page before its own scripts: the times the measures read.
PROBE_JS = """
window.__bench = {first: null, key: null, last: null, shown: null};
new MutationObserver((records) => {
  const t = performance.now();
  const bench = window.__bench;
  if (bench.first === null && document.querySelector('#search-results li')) bench.first = t;
  if (bench.shown === null && records.some((r) => r.target.id === 'search-results')) {
    const list = document.getElementById('search-results');
    if (list.getAttribute('aria-busy') !== 'true') bench.shown = t;
  }
  bench.last = t;
}).observe(document, {childList: true, subtree: true, characterData: true, attributes: true,
                     attributeFilter: ['aria-busy']});
addEventListener('keydown', () => { window.__bench.key = performance.now();
                                     window.__bench.last = null;
                                     window.__bench.shown = null; }, true);
"""
QUIET_JS = f"""() => window.__bench.last !== null
    && performance.now() - window.__bench.last > {QUIET_MS}"""


@dataclass
class Source:
    """One corpus page, decoded, with what the copies need of it."""

    name: str
    html: str
    title: str
    text: str  # the extracted body, for the Markdown twin


@dataclass
class Build:
    wall: float
    cpu: float
    files: int
    size: int


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.site is not None:
        search = measure_search(args.site, args)
        print(f"\nbench-site, search only, on {args.site}")
        report_search(search)
        return 0 if search.first_ms is not None else 1
    if not SHARED.is_dir():
        print(f"bench-site needs the shared corpus: {SHARED} is absent (check out ../shared "
              "beside the repo)", file=sys.stderr)
        return 2
    with workdir(args.keep) as work:
        print(f"bench-site: {args.articles} articles in {work}", flush=True)
        sources = corpus_sources()
        print(f"  {len(sources)} corpus pages usable as models", flush=True)
        write_copies(sources, args.articles, work / "content" / "scraped",
                     None if args.no_plain else work / "plain-content")
        ours = build_ours(work, "cold")
        warm = build_ours(work, "warm", clean=False) if args.warm else None
        plain = None if args.no_plain else build_plain(work)
        search = None if args.no_search else measure_search(work / "output", args)
        report(args.articles, ours, warm, plain, search)
    return 0


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="bench.site", description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--query", default="government")
    parser.add_argument("--type", default="minister", dest="typed")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--warm", action="store_true")
    parser.add_argument("--no-plain", action="store_true")
    parser.add_argument("--no-search", action="store_true")
    parser.add_argument("--keep", type=Path)
    parser.add_argument("--site", type=Path)
    return parser.parse_args(argv)


@contextmanager
def workdir(keep: Path | None) -> Iterator[Path]:
    if keep is not None:
        if keep.exists():
            shutil.rmtree(keep)
        keep.mkdir(parents=True)
        yield keep.resolve()
        return
    with tempfile.TemporaryDirectory(prefix="bench-site-") as tmp:
        yield Path(tmp)


# ---------------------------------------------------------------------------------------------
# The articles


def corpus_sources() -> list[Source]:
    """Every corpus page the pipeline makes an article of (with a title and some text)."""
    from clippings.errors import BadInput
    from clippings.pipeline import extract_bytes

    paths = sorted((AEB / "html").glob("*.html.gz")) + sorted(READABILITY.glob("*/source.html"))
    sources = []
    for path in paths:
        raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
        try:
            clipping = extract_bytes(raw, str(path), entities=False)
        except BadInput:
            continue
        if len(clipping.text.split()) < 50:
            continue
        text = raw.decode(clipping.encoding or "utf-8", errors="replace")
        name = path.name.split(".")[0] if path.parent.name == "html" else path.parent.name
        sources.append(Source(name, text, clipping.title or clipping.headline or name,
                              clipping.text))
    return sources


def copy_title(source: Source, index: int) -> str:
    label = LABELS[index % len(LABELS)]
    return f"{source.title} ({label} {index // len(LABELS) + 1})"


def copy_date(rng: random.Random) -> datetime:
    return FIRST_DATE + timedelta(days=rng.randrange(DATE_SPAN_DAYS), minutes=rng.randrange(1440))


def retitled(source: Source, title: str, date: datetime) -> str:
    """The page with ``title`` and ``date`` as its only title and date, declared UTF-8."""
    page = source.html
    for pattern in DROP:
        page = pattern.sub("", page)
    page = H1.sub(lambda m: m.group(1) + html.escape(title) + m.group(2), page, count=1)
    head = (f'<meta charset="utf-8"><title>{html.escape(title)}</title>'
            f'<meta property="og:title" content="{html.escape(title)}">'
            f'<meta property="article:published_time" content="{date.isoformat()}">')
    if HEAD.search(page):
        return HEAD.sub(lambda m: m.group(0) + head, page, count=1)
    return f"<head>{head}</head>{page}"


def plain_format() -> str:
    """Markdown when Pelican can read it (the `markdown` package), else Pelican's HTML reader."""
    return "md" if importlib.util.find_spec("markdown") else "html"


def plain_twin(title: str, date: datetime, folder: str, slug: str, text: str, fmt: str) -> str:
    """The article as plain Pelican content: its text under the copy's title and date (and a
    slug of its own: two corpus pages may have the same title)."""
    if fmt == "md":
        return (f"Title: {title}\nDate: {date:%Y-%m-%d %H:%M}\nCategory: {folder}\n"
                f"Slug: {slug}\n\n{text.strip()}\n")
    paragraphs = "\n".join(f"<p>{html.escape(p.strip())}</p>" for p in text.split("\n\n")
                           if p.strip())
    return (f'<html><head><title>{html.escape(title)}</title>'
            f'<meta name="date" content="{date:%Y-%m-%d %H:%M}"><meta name="slug" content="{slug}">'
            f'<meta name="category" content="{folder}"></head>\n<body>\n{paragraphs}\n'
            "</body></html>\n")


def write_copies(sources: list[Source], count: int, scraped: Path, plain: Path | None) -> None:
    """``count`` copies of the corpus pages, round robin, into content folders (and their
    Markdown twins into ``plain``)."""
    rng = random.Random(20261130)  # the same archive on every run
    fmt = plain_format()
    for index in range(count):
        source = sources[index % len(sources)]
        copy = index // len(sources)
        title, date = copy_title(source, copy), copy_date(rng)
        folder = f"source-{index % FOLDERS:02d}"
        stem = f"{source.name[:40]}-{copy}"
        (scraped / folder).mkdir(parents=True, exist_ok=True)
        (scraped / folder / f"{stem}.html").write_text(retitled(source, title, date),
                                                       encoding="utf-8")
        if plain is not None:
            (plain / folder).mkdir(parents=True, exist_ok=True)
            twin = plain_twin(title, date, folder, f"{folder}-{stem}", source.text, fmt)
            (plain / folder / f"{stem}.{fmt}").write_text(twin, encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# The builds


PLAIN_CONF = """\
SITENAME = "Plain"
SITEURL = ""
RELATIVE_URLS = True
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
PLUGINS = []
DEFAULT_PAGINATION = False
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
"""


def build_ours(work: Path, label: str, clean: bool = True) -> Build:
    output = work / "output"
    if clean and (work / "ner-cache").exists():
        shutil.rmtree(work / "ner-cache")
    env = {**os.environ, "CLIPPINGS_CACHE_DIR": str(work / "ner-cache")}
    return pelican(f"ours ({label})", work / "content", output, ROOT / "pelicanconf.py", env,
                   work / f"ours-{label}.log")


def build_plain(work: Path) -> Build:
    conf = work / "plainconf.py"
    conf.write_text(PLAIN_CONF, encoding="utf-8")
    return pelican("plain Pelican", work / "plain-content", work / "plain-output", conf,
                   dict(os.environ), work / "plain.log")


def pelican(label: str, content: Path, output: Path, conf: Path, env: dict[str, str],
            log: Path) -> Build:
    """Build in a subprocess (as `make html` does: start-up and model loading count)."""
    print(f"  building: {label} ...", flush=True)
    if output.exists():
        shutil.rmtree(output)
    command = [str(Path(sys.executable).parent / "pelican"), str(content), "-o", str(output),
               "-s", str(conf), "-e", f'CACHE_PATH="{output.parent / "pelican-cache"}"']
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with log.open("w", encoding="utf-8") as out:
        done = subprocess.run(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                              check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace").splitlines()[-20:]
        raise SystemExit(f"{label} build failed ({done.returncode}); the end of {log}:\n"
                         + "\n".join(tail))
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    files = [p for p in output.rglob("*") if p.is_file()]
    build = Build(wall, cpu, len(files), sum(p.stat().st_size for p in files))
    print(f"    {wall:.1f} s wall, {cpu:.1f} s CPU, {build.files} files", flush=True)
    return build


# ---------------------------------------------------------------------------------------------
# Search in Chromium


@dataclass
class Search:
    first_ms: float | None = None
    first_runs: list[float] | None = None
    results: int = 0
    query_bytes: int | None = None
    query_files: int = 0
    keystrokes: list[float | None] | None = None  # keydown → results in the DOM
    snippets: list[float | None] | None = None  # keydown → the page quiet again
    typed: str = ""
    missing: str = ""  # why nothing was measured


def measure_search(output: Path, args: argparse.Namespace) -> Search:
    page_path = output.resolve() / "search.html"
    if not page_path.is_file():
        return Search(missing="search page not built (output/search.html is absent)")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return Search(missing="the playwright Python package is not installed")
    if chromium is None:
        return Search(missing="no chromium on PATH")
    print("  measuring search in Chromium ...", flush=True)
    url = f"{page_path.as_uri()}?q={quote(args.query)}"
    search = Search(first_runs=[], typed=args.typed)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            for run in range(max(1, args.runs)):
                context = browser.new_context()
                try:
                    if not open_search(context, url, args.typed, search, measure_all=run == 0):
                        return search
                finally:
                    context.close()
        finally:
            browser.close()
    search.first_ms = statistics.median(search.first_runs)
    return search


def open_search(context, url: str, typed: str, search: Search, measure_all: bool) -> bool:
    """Open the search page on the query once; False (with ``search.missing``) when it fails."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    context.add_init_script(PROBE_JS)
    page = context.new_page()
    loaded: list[str] = []
    errors: list[str] = []
    page.on("requestfinished", lambda r: loaded.append(r.url))
    page.on("requestfailed", lambda r: errors.append(f"failed load {r.url}: {r.failure}"))
    page.on("pageerror", lambda e: errors.append(f"page error: {e}"))
    page.on("console", lambda m: m.type == "error" and errors.append(f"console: {m.text}"))
    page.goto(url, wait_until="commit")
    try:
        page.wait_for_function("() => window.__bench && window.__bench.first !== null",
                               timeout=FIRST_TIMEOUT_MS)
    except PlaywrightTimeout:
        status = page.locator("#search-status")
        said = status.inner_text() if status.count() else "(no #search-status)"
        search.missing = (f"no result within {FIRST_TIMEOUT_MS / 1000:.0f} s for {url!r}; "
                          f"status: {said!r}; " + "; ".join(errors[:5]))
        return False
    search.first_runs.append(page.evaluate("() => window.__bench.first"))
    page.wait_for_function(QUIET_JS, timeout=FIRST_TIMEOUT_MS, polling=50)
    if measure_all:
        search.results = page.locator("#search-results li").count()
        search.query_files, search.query_bytes = sizes(loaded)
        search.keystrokes, search.snippets = keystrokes(page, typed)
    return True


def keystrokes(page, word: str) -> tuple[list[float | None], list[float | None]]:
    """Clear the box, then type ``word``: for each key, ms from keydown until its results are in
    the DOM, and until its last DOM change (None when the key changed nothing on the page)."""
    box = page.locator("#search-q")
    box.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    settle(page)
    shown: list[float | None] = []
    quiet: list[float | None] = []
    for char in word:
        page.evaluate("() => { window.__bench.last = null; }")
        page.keyboard.press(char)
        if settle(page):
            done = page.evaluate("() => [window.__bench.shown, window.__bench.last, "
                                 "window.__bench.key]")
            shown.append(done[0] - done[2] if done[0] is not None else None)
            quiet.append(done[1] - done[2])
        else:
            shown.append(None)
            quiet.append(None)
    return shown, quiet


def settle(page) -> bool:
    """Wait until the page has changed and then been quiet; False when it never changed."""
    try:
        page.wait_for_function(QUIET_JS, timeout=5_000, polling=25)
    except Exception:  # playwright's TimeoutError: the key changed nothing
        return False
    return True


def sizes(urls: list[str]) -> tuple[int, int]:
    """How many distinct files were loaded and their total size on disk."""
    files = {Path(unquote(urlsplit(u).path)) for u in urls if u.startswith("file:")}
    return len(files), sum(f.stat().st_size for f in files if f.is_file())


# ---------------------------------------------------------------------------------------------
# The report


def verdict(value: float | None, target: float, smaller: bool = True) -> str:
    if value is None:
        return "n/a"
    return "ok" if (value < target if smaller else value > target) else "MISSED"


def report(articles: int, ours: Build, warm: Build | None, plain: Build | None,
           search: Search | None) -> None:
    print(f"\nbench-site, {articles} articles")
    print(f"  build (ours, cold NER cache)   {ours.wall:8.1f} s wall  {ours.cpu:8.1f} s CPU  "
          f"{ours.files} files, {ours.size / 2**20:.1f} MB")
    if warm is not None:
        print(f"  build (ours, warm NER cache)   {warm.wall:8.1f} s wall  {warm.cpu:8.1f} s CPU")
    if plain is not None:
        name = f"build (plain Pelican, .{plain_format()})"
        print(f"  {name:30} {plain.wall:8.1f} s wall  {plain.cpu:8.1f} s CPU  "
              f"{plain.files} files, {plain.size / 2**20:.1f} MB")
        print(f"  ratio ours / plain (wall)      {ours.wall / plain.wall:8.1f}x"
              + (f"   warm: {warm.wall / plain.wall:.1f}x" if warm else ""))
    if search is not None:
        report_search(search)


def report_search(search: Search) -> None:
    if search.missing:
        print(f"  search: not measured: {search.missing}")
        return
    strokes = [t for t in search.keystrokes or [] if t is not None]
    median = statistics.median(strokes) if strokes else None
    worst = max(strokes) if strokes else None
    runs = ", ".join(f"{t:.0f}" for t in search.first_runs or [])
    print(f"  search first results           {search.first_ms:8.0f} ms   target < "
          f"{TARGETS['first_ms']:.0f} ms   {verdict(search.first_ms, TARGETS['first_ms'])}"
          f"   (runs: {runs}; {search.results} results)")
    for name, value in (("median", median), ("worst", worst)):
        shown = f"{value:8.1f}" if value is not None else "     n/a"
        print(f"  search per keystroke, {name:7} {shown} ms   target < "
              f"{TARGETS['keystroke_ms']:.0f} ms    {verdict(value, TARGETS['keystroke_ms'])}")
    keys = "  ".join(f"{c}:{'-' if t is None else f'{t:.0f}'}"
                     for c, t in zip(search.typed, search.keystrokes or [], strict=False))
    print(f"    per key, ms ('-': the key changed no results within 5 s): {keys}")
    filled = [t for t in search.snippets or [] if t is not None]
    if filled:
        print(f"  snippets filled in (informative)  median {statistics.median(filled):.0f} ms, "
              f"worst {max(filled):.0f} ms")
    size = search.query_bytes / 2**20 if search.query_bytes is not None else None
    print(f"  search bytes for a query       {size:8.2f} MB   target <= 3 MB     "
          f"{verdict(search.query_bytes, TARGETS['query_bytes'] + 1)}   "
          f"({search.query_files} files)")


if __name__ == "__main__":
    sys.exit(main())
