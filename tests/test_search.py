"""Full-text search: the index (words, stems, postings, shards, escaping, determinism), the page
built from it, and the page itself in headless Chromium from file:// and from a local server.

Also a measuring script for a synthetic archive of 10,000 articles (not a test; no timing is
asserted anywhere):

    .venv/bin/python tests/test_search.py [--docs 10000] [--runs 3] [--no-browser]

prints the index size, the bytes a few typical queries load and, with Chromium, the times.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import statistics
import sys
from pathlib import Path
from urllib.parse import quote

import chromium
import pytest
from clippings.publish import searchindex
from clippings.publish.searchindex import ALPHABET, Facet, SearchDoc
from sitebuild import REPO, SHARED, build, cache_dir, soup

SAMPLE = "china-inching-toward-detente-with-japan"
CALL = re.compile(r"\AClippingsSearch\.(manifest|shard|cards|docs|facet)\((.*)\);\n\Z", re.S)


def decode(postings: str) -> list[tuple[int, int]]:
    """The Python twin of search.js's decoder: [(document id, weight)]."""
    digits = {c: i for i, c in enumerate(ALPHABET)}
    pairs, previous, value, at = [], -1, 0, 0
    while at < len(postings):
        digit = digits[postings[at]]
        at += 1
        if digit >= 32:
            value = value * 32 + digit - 32
            continue
        previous += value * 32 + digit + 1
        value = 0
        pairs.append((previous, digits[postings[at]]))
        at += 1
    return pairs


def call(text: str) -> tuple[str, list]:
    """A generated index file as (function, arguments); fails unless it is one call with JSON."""
    match = CALL.match(text)
    assert match, text[:80]
    return match.group(1), json.loads(f"[{match.group(2)}]")


def shard_for(term: str, keys: set[str]) -> str:
    return next(term[:n] for n in range(len(term), 0, -1) if term[:n] in keys)


def doc(title: str, text: str = "", **fields) -> SearchDoc:
    return SearchDoc(title=title, url=f"articles/x/{len(title)}.html", text=text, **fields)


# ---------------------------------------------------------------------------------------------
# Words and stems


def test_words_fold_case_and_accents_and_join_initialisms():
    assert list(searchindex.words("Zoë O'Neill visited SÃO PAULO")) == [
        "zoe", "neill", "visited", "sao", "paulo"]
    assert list(searchindex.words("U.S. and e.g. U.K.-based")) == ["us", "and", "eg", "uk", "based"]
    assert list(searchindex.words("Straße ΟΔΟΣ café")) == ["strasse", "οδοσ", "cafe"]
    assert list(searchindex.words("a I x 7 42 ½")) == ["42"]  # one character is no word


def test_decomposed_and_composed_accents_are_the_same_word():
    assert list(searchindex.words("Jos\u00e9")) == list(searchindex.words("Jose\u0301")) == ["jose"]


@pytest.mark.parametrize(("word", "stem"), [
    ("talks", "talk"), ("talked", "talk"), ("talking", "talk"), ("policies", "policy"),
    ("policy", "policy"), ("studied", "study"), ("taxes", "tax"), ("matches", "match"),
    ("running", "run"), ("planned", "plan"), ("making", "mak"), ("make", "mak"),
    ("houses", "hous"), ("house", "hous"), ("status", "status"), ("crisis", "crisis"),
    ("king", "king"), ("sing", "sing"), ("bus", "bus"), ("2016", "2016"), ("café", "café"),
])
def test_stem(word, stem):
    assert searchindex.stem(word) == stem


# ---------------------------------------------------------------------------------------------
# Postings, shards, files


def test_postings_round_trip_and_rank_title_words_higher():
    docs = [doc("Ferry news", "the ferry leaves"), doc("Harbour", "a ferry, a ferry, a bridge"),
            doc("Bridge", "nothing here")]
    postings = searchindex.weighted_postings(docs)
    assert [i for i, _ in postings["ferry"]] == [0, 1]
    encoded = searchindex.encode_postings(postings["ferry"])
    assert decode(encoded) == postings["ferry"]
    weight = dict(postings["bridg"])
    assert weight[2] > weight[1]  # in the title beats once in the body


@pytest.mark.parametrize("gap", [0, 1, 31, 32, 33, 1023, 1024, 99_999])
def test_varint_gaps(gap):
    pairs = [(5, 1), (5 + gap + 1, 63)]
    assert decode(searchindex.encode_postings(pairs)) == pairs


def test_shards_stay_under_the_limit_and_every_term_has_exactly_one():
    rng = random.Random(7)
    vocabulary = ["".join(rng.choice("abcdefghij") for _ in range(rng.randint(2, 9)))
                  for _ in range(3000)]
    docs = [doc(f"t{i}", " ".join(rng.choices(vocabulary, k=80))) for i in range(400)]
    files = searchindex.build(docs, shard_limit=4000)
    _kind, (manifest,) = call(files["manifest.js"])
    keys = set(manifest["shards"])
    seen: dict[str, str] = {}
    for key in keys:
        kind, (shard_key, terms) = call(files[f"t/{key.encode().hex()}.js"])
        assert (kind, shard_key) == ("shard", key)
        for term in terms:
            assert term not in seen
            seen[term] = key
            assert shard_for(term, keys) == key  # where the client will look for it
        one_term = len(terms) == 1 or len(key) == max(map(len, terms))
        assert manifest["shards"][key] <= 4000 or one_term
    assert len(keys) > 10
    assert set(seen) == set(searchindex.weighted_postings(docs))


def test_build_is_byte_identical_and_data_only():
    docs = [doc("Ferry news", "the ferry leaves", source="Coastal Gazette", date="1 May 2020",
                people=["Ann Lee"], facets={"person": ["ann-lee"], "year": ["2020"]}),
            doc("Harbour", "a ferry and a bridge")]
    facets = {"person": [Facet("ann-lee", "Ann Lee", 1)], "year": [Facet("2020", "2020", 1)]}
    first = searchindex.build(docs, facets)
    again = searchindex.build([doc(d.title, d.text, source=d.source, date=d.date,
                                   people=list(d.people), facets=dict(d.facets)) for d in docs],
                              {k: list(v) for k, v in facets.items()})
    assert first == again
    for text in first.values():
        call(text)
    _kind, (kind, lists) = call(first["f/person.js"])
    assert kind == "person" and decode_ids(lists["ann-lee"]) == [0]


def decode_ids(encoded: str) -> list[int]:
    """Filter lists: the same gaps, with no weights."""
    ids, previous, value = [], -1, 0
    for digit in (ALPHABET.index(c) for c in encoded):
        if digit >= 32:
            value = value * 32 + digit - 32
            continue
        previous += value * 32 + digit + 1
        value = 0
        ids.append(previous)
    return ids


def test_hostile_text_stays_data():
    hostile = 'Evil </script><script>alert(1)</script> "quote" \\ \u2028 line \u2029 end'
    files = searchindex.build([doc(hostile, hostile, deck=hostile, source=hostile, date=hostile)])
    for text in files.values():
        assert "</" not in text and "\u2028" not in text and "\u2029" not in text
    _kind, (_first, rows) = call(files["d/0.js"])
    assert rows == [[hostile, hostile]]
    _kind, (manifest,) = call(files["manifest.js"])
    assert cards(files, manifest)[0] == {"title": hostile, "url": f"articles/x/{len(hostile)}.html",
                                         "date": hostile, "source": hostile}


def cards(files: dict[str, str], manifest: dict) -> list[dict[str, str]]:
    """The Python twin of search.js's card(): every document's card, in id order."""
    found = []
    for n, _size in enumerate(manifest["cards"]):
        kind, (first, columns) = call(files[f"c/{n}.js"])
        assert (kind, first) == ("cards", n * manifest["cardsPerFile"])
        for at, title in enumerate(columns["title"]):
            folder, extension = manifest["urls"][columns["url"][at]]
            name = searchindex.title_slug(title)[:columns["slug"][at]] + columns["name"][at]
            found.append({"title": title, "url": folder + name + extension,
                          "date": columns["date"][at],
                          "source": manifest["sources"][columns["source"][at]]})
    return found


def test_cards_give_back_every_title_url_date_and_source():
    urls = ["articles/a/one.html", "articles/a/two.html", "articles/b/one.html", "index.html",
            "articles/a/no-extension", "articles/a.b/c", "articles/.hidden", "a/b/c.tar.gz",
            "articles/a/", "articles/a/title-9-zo-2.html", "articles/a/title-10-zoe.html",
            "articles/a/title-11.html", "articles/a/title-12-zo.html"]
    docs = [SearchDoc(title=f"Title {i} Zoë", url=url, date=f"{i} May 2020" if i % 2 else "",
                      source=["", "Coastal Gazette", "Harbour News"][i % 3])
            for i, url in enumerate(urls)]
    files = searchindex.build(docs, cards_per_file=4)
    _kind, (manifest,) = call(files["manifest.js"])
    assert len(manifest["cards"]) == 4 and manifest["cardsPerFile"] == 4
    assert cards(files, manifest) == [{"title": d.title, "url": d.url, "date": d.date,
                                       "source": d.source} for d in docs]
    assert len(manifest["sources"]) == 3  # each source once, not once per card
    assert ["articles/a/", ".html"] in manifest["urls"]
    _kind, (_first, columns) = call(files["c/3.js"])
    assert columns["slug"] == [11] and columns["name"] == [""]  # the title spells the name


@pytest.mark.parametrize(("title", "slug"), [
    ("China inching toward detente with Japan", "china-inching-toward-detente-with-japan"),
    ("  U.S. & U.K.: 2 talks — 'soon'?", "u-s-u-k-2-talks-soon"), ("Zoë's café", "zo-s-caf"),
    ("İSTANBUL Kelvin \u212a", "stanbul-kelvin"), ("", ""), ("!!!", "")])
def test_title_slug(title, slug):
    assert searchindex.title_slug(title) == slug


def test_a_lone_surrogate_cannot_break_the_build():
    files = searchindex.build([doc("Bad \udce9 bytes", "text \udce9 here")])
    for text in files.values():
        text.encode("utf-8")


def test_people_places_and_source_are_searchable():
    docs = [doc("Council meets", "A vote.", people=["Ann Lee"], places=["Port Ellen"],
                source="Coastal Gazette")]
    terms = set(searchindex.weighted_postings(docs))
    wanted = {"ann", "lee", "port", "ellen", "coastal", "gazette", "council", "meets", "vote"}
    assert {searchindex.stem(w) for w in wanted} <= terms


def test_an_empty_archive_has_an_index_too():
    files = searchindex.build([])
    assert set(files) == {"manifest.js"}
    assert call(files["manifest.js"])[1][0]["docs"] == 0


def test_a_rebuild_removes_only_its_own_stale_files(tmp_path):
    from clippings.publish.search import write_files

    write_files(tmp_path, {"manifest.js": "a", "t/6162.js": "b", "d/0.js": "c", "c/0.js": "d",
                           "c/1.js": "e"})
    (tmp_path / "notes.js").write_text("kept: not a name the index uses")
    write_files(tmp_path, {"manifest.js": "a2", "d/0.js": "c", "c/0.js": "d"})
    left = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.js"))
    assert left == ["c/0.js", "d/0.js", "manifest.js", "notes.js"]
    assert (tmp_path / "manifest.js").read_text() == "a2"


# ---------------------------------------------------------------------------------------------
# The built site


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("search")
    with cache_dir(root / "ner-cache"):
        build(REPO / "content", root / "output")
    return root / "output"


@pytest.mark.slow
def test_search_page_contract(site):
    page = soup(site / "search.html")
    box = page.find(id="search-q")
    assert box.name == "input" and box["type"] == "search"
    assert page.find("label", attrs={"for": "search-q"})
    for kind in ("person", "place", "source", "year"):
        assert page.find(id=f"search-{kind}").name == "select"
        assert page.find("label", attrs={"for": f"search-{kind}"})
    assert page.find(id="search-results").name == "ol"
    assert page.find(id="search-status").get("aria-live") == "polite"
    assert page.find("noscript")
    csp = page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "script-src 'self'" in csp and "unsafe" not in csp
    assert [s["src"] for s in page.find_all("script")] == ["./theme/js/search.js",
                                                          "./search/manifest.js"]
    assert all(not s.string for s in page.find_all("script"))


@pytest.mark.slow
def test_other_pages_run_nothing_and_link_to_search(site):
    page = soup(site / "index.html")
    csp = page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "script-src 'none'" in csp
    assert page.find("a", href="./search.html")


@pytest.mark.slow
def test_the_index_finds_the_sample(site):
    files = {p.relative_to(site / "search").as_posix(): p.read_text("utf-8")
             for p in (site / "search").rglob("*.js")}
    _kind, (manifest,) = call(files["manifest.js"])
    assert manifest["docs"] == len(list((site / "articles").rglob("*.html")))
    term = searchindex.stem("beijing")
    key = shard_for(term, set(manifest["shards"]))
    _kind, (_key, terms) = call(files[f"t/{key.encode().hex()}.js"])
    assert [i for i, _ in decode(terms[term])] == [0]
    assert cards(files, manifest)[0]["url"] == f"articles/nikkei-asian-review/{SAMPLE}.html"


@pytest.mark.slow
def test_a_second_build_writes_the_same_index(site, tmp_path):
    with cache_dir(tmp_path / "ner-cache"):
        build(REPO / "content", tmp_path / "output")
    ours = sorted((site / "search").rglob("*"))
    again = sorted((tmp_path / "output" / "search").rglob("*"))
    assert [p.relative_to(site) for p in ours] == [p.relative_to(tmp_path / "output")
                                                    for p in again]
    for a, b in zip(ours, again, strict=True):
        assert a.is_dir() or a.read_bytes() == b.read_bytes(), a
    assert (site / "search.html").read_bytes() == (tmp_path / "output" / "search.html").read_bytes()


# ---------------------------------------------------------------------------------------------
# In Chromium


def chromium_or_skip() -> None:
    why = chromium.missing()
    if why:
        pytest.skip(why)


@pytest.fixture(scope="module")
def browser():
    chromium_or_skip()
    with chromium.launched() as browser:
        yield browser


@pytest.fixture(scope="module")
def server(site):
    with chromium.serve(site) as (url, _answered):
        yield url.rstrip("/")


def open_page(browser, url: str):
    page = browser.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning")
            else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
    page.goto(url)
    return page, problems


def wait_for_results(page) -> None:
    page.wait_for_function("""() => document.getElementById('search-status').textContent
                              && document.getElementById('search-results')
                                 .getAttribute('aria-busy') === 'false'""", timeout=10_000)


@pytest.mark.slow
@pytest.mark.parametrize("where", ["file", "server"])
def test_search_finds_the_sample_in_chromium(where, site, browser, request):
    base = site.as_uri() if where == "file" else request.getfixturevalue("server")
    page, problems = open_page(browser, f"{base}/search.html?q=Beijing")
    try:
        wait_for_results(page)
        assert page.locator("#search-status").inner_text() == "1 result"
        link = page.locator("#search-results li a").first
        assert link.get_attribute("href") == f"./articles/nikkei-asian-review/{SAMPLE}.html"
        marks = page.locator("#search-results li mark").all_inner_texts()
        assert marks and {m.casefold() for m in marks} == {"beijing"}
        page.fill("#search-q", "no-such-wordzz")
        wait_for_results(page)
        assert page.locator("#search-status").inner_text() == "No results"
        link_count = page.locator("#search-results li").count()
        assert link_count == 0
        page.fill("#search-q", "japan chin")  # the last word as a prefix: China, Chinese
        wait_for_results(page)
        assert page.locator("#search-status").inner_text() == "1 result"
        page.click(f"#search-results a[href$='{SAMPLE}.html']")
        page.wait_for_url(f"**/{SAMPLE}.html")
    finally:
        page.close()
    assert problems == []


@pytest.mark.slow
def test_results_show_from_their_cards_before_their_text_loads(site, browser, server):
    """A result is drawn from its card alone; its snippet fills in when the article's text
    arrives, with the words of the query shown by then."""
    page = browser.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(str(e)))
    held = []
    page.route("**/search/d/*.js", lambda route: held.append(route))  # the text: held back
    try:
        page.goto(f"{server}/search.html?q=Beijing", wait_until="domcontentloaded")
        wait_for_results(page)
        assert page.locator("#search-status").inner_text() == "1 result"
        item = page.locator("#search-results li")
        assert item.locator("a").get_attribute("href") == (
            f"./articles/nikkei-asian-review/{SAMPLE}.html")
        assert item.locator("a mark").all_inner_texts() == []  # the word is not in the title
        assert item.locator(".snippet.pending").inner_text() == ""
        page.wait_for_function("() => ClippingsSearch.loaded().some(p => p.startsWith('d/'))")
        page.fill("#search-q", "japan")  # a newer query, while the text is still on its way
        wait_for_results(page)
        assert page.locator("#search-results li .snippet.pending").count() == 1
        for route in held:
            route.continue_()
        page.wait_for_function("() => !document.querySelector('#search-results .pending')")
        marks = page.locator("#search-results li .snippet mark").all_inner_texts()
        assert marks and {m.casefold() for m in marks} == {"japan"}
    finally:
        page.close()
    assert problems == []


@pytest.mark.slow
def test_search_keyboard_and_filters(site, browser):
    page, problems = open_page(browser, f"{site.as_uri()}/search.html")
    try:
        page.focus("#search-q")
        page.keyboard.type("xi jinping", delay=10)
        wait_for_results(page)
        page.keyboard.press("ArrowDown")
        focused = page.evaluate("document.activeElement.closest('#search-results') !== null")
        assert focused
        page.keyboard.press("ArrowUp")
        assert page.evaluate("document.activeElement.id") == "search-q"
        page.keyboard.press("Escape")
        assert page.input_value("#search-q") == ""
        assert page.locator("#search-results li").count() == 0
        places = page.locator("#search-place option").evaluate_all("os => os.map(o => o.value)")
        page.select_option("#search-place", places[1])
        wait_for_results(page)
        assert page.locator("#search-status").inner_text() == "1 result"
    finally:
        page.close()
    assert problems == []


@pytest.mark.slow
def test_python_and_javascript_agree_on_words_stems_and_slugs(site, browser):
    text = (REPO / "content" / "scraped" / "nikkei-asian-review" / f"{SAMPLE}.txt").read_text(
        "utf-8")
    text += (" Zoë O'Neill SÃO PAULO U.S. e.g. Straße ΟΔΟΣ ½ Jose\u0301 ﬁnance K 東京 "
             "policies studied matches running planned houses taxes buses Ⅻ. İstanbul")
    page, problems = open_page(browser, f"{site.as_uri()}/search.html")
    try:
        page.wait_for_function("() => window.ClippingsSearch")
        ours = page.evaluate("t => ClippingsSearch.words(t)", text)
        stems = page.evaluate("ws => ws.map(ClippingsSearch.stem)", ours)
        lines = text.splitlines()
        slugs = page.evaluate("ls => ls.map(ClippingsSearch.titleSlug)", lines)
    finally:
        page.close()
    assert ours == list(searchindex.words(text))
    assert stems == [searchindex.stem(w) for w in ours]
    assert slugs == [searchindex.title_slug(line) for line in lines]
    assert problems == []


# ---------------------------------------------------------------------------------------------
# Measuring a synthetic archive (python tests/test_search.py)


def synthetic_docs(count: int, seed: int = 5) -> list[SearchDoc]:
    """``count`` articles mixed from real news text (../shared) or, without it, made-up words.

    Each takes the paragraphs of one corpus article, shuffled, plus two of another, plus rare
    names, so the vocabulary has the long tail of a real archive.
    """
    rng = random.Random(seed)
    bodies = corpus_bodies()
    if not bodies:
        words = ["".join(rng.choice("aeioubcdfghklmnprstvw") for _ in range(rng.randint(3, 10)))
                 for _ in range(20_000)]
        bodies = [" ".join(rng.choices(words, k=700)) for _ in range(200)]
    paragraphs = [[p for p in body.split("\n") if p.strip()] or [body] for body in bodies]
    syllables = ["ka", "lo", "mi", "ren", "sa", "tor", "vi", "zen", "ba", "dur", "el", "fin",
                 "gor", "han", "is", "jun", "kel", "lin", "mor", "nas", "ol", "pet", "qua", "rus"]
    names = [" ".join("".join(rng.choices(syllables, k=rng.randint(2, 3))).title()
                      for _ in range(2)) for _ in range(8000)]
    places = ["".join(rng.choices(syllables, k=rng.randint(2, 4))).title() for _ in range(3000)]
    sources = [f"{rng.choice(names).split()[0]} Times" for _ in range(40)]
    docs = []
    for i in range(count):
        own = list(paragraphs[i % len(paragraphs)])
        rng.shuffle(own)
        other = paragraphs[rng.randrange(len(paragraphs))]
        extra = rng.sample(other, min(2, len(other)))
        people = rng.sample(names[: 200 + i // 2], rng.randint(1, 6))
        where = rng.sample(places[: 100 + i // 4], rng.randint(1, 5))
        text = "\n\n".join(own + extra + [" ".join(people + where) + "."])
        year = 2000 + rng.randrange(24)
        source = rng.choice(sources)
        title = " ".join(own[0].split()[:rng.randint(5, 12)]) + f" {rng.choice(names)}"
        # urls as the site makes them: a folder per source, a file name much like the title
        slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60] + f"-{i}"
        docs.append(SearchDoc(
            title=title, url=f"articles/{source.lower().replace(' ', '-')}/{slug}.html",
            text=text, deck=" ".join(own[-1].split()[:25]), source=source,
            date=f"{rng.randint(1, 28)} May {year}", people=people, places=where,
            facets={"person": [n.lower().replace(" ", "-") for n in people],
                    "place": [p.lower() for p in where], "source": [source.lower()],
                    "year": [str(year)]}))
    return docs


def corpus_bodies() -> list[str]:
    truth = SHARED / "corpus" / "aeb" / "ground-truth.json"
    gum = SHARED / "corpus" / "gum-dev" / "gum_dev_gold.json"
    bodies = []
    if truth.is_file():
        bodies += [v["articleBody"] for _, v in sorted(json.loads(truth.read_text()).items())]
    if gum.is_file():
        bodies += [d["text"] for d in json.loads(gum.read_text())["docs"]]
    return [b for b in bodies if len(b) > 500]


QUERIES = ["government", "china", "police", "climate change", "president trump", "new york"]


def measure(count: int, browser_too: bool, runs: int) -> None:
    import tempfile
    import time

    docs = synthetic_docs(count)
    labels = {kind: {} for kind in ("person", "place", "source", "year")}
    facets = {kind: searchindex.top_facets(docs, kind, labels[kind], 300, kind != "year")
              for kind in labels}
    started = time.perf_counter()
    files = searchindex.build(docs, facets)
    seconds = time.perf_counter() - started
    size = {name: len(text.encode("utf-8")) for name, text in files.items()}
    print(f"{count} documents, index built in {seconds:.1f} s")
    for folder, what in (("t/", "term shards"), ("c/", "card files"), ("d/", "doc blocks"),
                         ("f/", "filters")):
        part = [n for name, n in size.items() if name.startswith(folder)]
        if part:
            print(f"  {what:12} {len(part):5} files, {sum(part) / 2**20:5.2f} MB (largest "
                  f"{max(part) / 1024:.0f} KB, median {statistics.median(part) / 1024:.1f} KB)")
    print(f"  manifest {size['manifest.js'] / 1024:.0f} KB")
    if not browser_too:
        return
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        with cache_dir(root / "ner-cache"):
            build(REPO / "content", root / "output")
        out = root / "output"
        shutil.rmtree(out / "search")
        for name, text in files.items():
            (out / "search" / name).parent.mkdir(parents=True, exist_ok=True)
            (out / "search" / name).write_text(text, encoding="utf-8")
        browse(out, runs)


# Runs before the page's scripts: when the first result item is in the DOM (ms since navigation).
PROBE = """window.__t = {first: null};
new MutationObserver(() => { if (window.__t.first === null
    && document.querySelector('#search-results li')) window.__t.first = performance.now(); })
  .observe(document, {childList: true, subtree: true});"""
# A snippet still waiting for its article's text (search.js marks its placeholder so).
PENDING = "#search-results .snippet.pending"
# One keystroke: [ms from the input event until its results are in the DOM (search.js draws
# them and clears aria-busy in the same task), ms until every snippet shown is filled in].
KEY = """async (text) => {
  const list = document.getElementById('search-results');
  const box = document.getElementById('search-q');
  const start = performance.now();
  let shown = null;
  const done = new Promise(resolve => new MutationObserver((_, o) => {
    if (list.getAttribute('aria-busy') === 'false') {
      shown = performance.now(); o.disconnect(); resolve();
    }
  }).observe(list, {attributes: true, attributeFilter: ['aria-busy']}));
  const later = ms => new Promise(r => setTimeout(r, ms));
  box.value = text;
  box.dispatchEvent(new Event('input'));
  await Promise.race([done, later(5000)]);
  const pending = () => list.querySelector('PENDING') !== null;
  while (pending() && performance.now() - start < 10000) await later(2);
  return [shown === null ? null : shown - start, performance.now() - start];
}""".replace("PENDING", PENDING)


def browse(out: Path, runs: int) -> None:
    """Per query: first results, bytes, then the query typed one character at a time, ``runs``
    times each in a fresh page; medians and maxima over every keystroke of every run."""
    common = sum((out / p).stat().st_size for p in ("search.html", "theme/js/search.js",
                                                     "search/manifest.js", "theme/css/style.css",
                                                     "theme/css/search.css"))
    all_firsts, all_keys, all_snippets, all_bytes = [], [], [], []
    with chromium.launched() as browser:
        for query in QUERIES:
            firsts = []
            for _run in range(runs):
                context = browser.new_context()
                context.add_init_script(PROBE)
                page = context.new_page()
                page.goto(f"{(out / 'search.html').as_uri()}?q={quote(query)}")
                page.wait_for_function("() => window.__t.first !== null", timeout=20_000)
                firsts.append(page.evaluate("() => window.__t.first"))
                page.wait_for_function(f"() => !document.querySelector('{PENDING}')",
                                       timeout=20_000)
                loaded = page.evaluate("() => ClippingsSearch.loaded()")
                status = page.inner_text("#search-status")
                context.close()
            data = common + sum((out / "search" / name).stat().st_size for name in loaded)
            keys, snippets = [], []
            for _run in range(runs):
                context = browser.new_context()
                page = context.new_page()
                page.goto((out / "search.html").as_uri())
                page.wait_for_function("() => window.ClippingsSearch")
                page.wait_for_timeout(300)  # the page's own loads are over, as for a reader
                for n in range(1, len(query) + 1):
                    shown, filled = page.evaluate(KEY, query[:n])
                    keys.append(shown if shown is not None else float("inf"))
                    snippets.append(filled)
                context.close()
            all_firsts += firsts
            all_keys += keys
            all_snippets += snippets
            all_bytes.append(data)
            print(f"  {query!r:18} {status:>13}: first results {statistics.median(firsts):4.0f} ms"
                  f" (max {max(firsts):3.0f}), {data / 1024:5.0f} KB in {len(loaded) + 5:2} files;"
                  f" keystrokes median {statistics.median(keys):3.0f} ms, max {max(keys):3.0f};"
                  f" snippets in {statistics.median(snippets):3.0f} ms (max {max(snippets):3.0f})")
    print(f"  all ({runs} runs):  first results median {statistics.median(all_firsts):.0f} ms, "
          f"max {max(all_firsts):.0f}; keystroke median {statistics.median(all_keys):.0f} ms, "
          f"max {max(all_keys):.0f} ({len(all_keys)} keys, "
          f"{sum(k >= 50 for k in all_keys)} at 50 ms or more); "
          f"snippets filled median {statistics.median(all_snippets):.0f} ms; "
          f"bytes per query median {statistics.median(all_bytes) / 1024:.0f} KB, "
          f"max {max(all_bytes) / 1024:.0f} KB")


if __name__ == "__main__":
    arguments = sys.argv[1:]

    def option(name: str, default: int) -> int:
        return int(arguments[arguments.index(name) + 1]) if name in arguments else default

    measure(option("--docs", 10_000), "--no-browser" not in arguments, option("--runs", 3))
