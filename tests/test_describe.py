"""The describe stage: metadata from JSON-LD, <meta>, <time> and visible text, in that order."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import SoupStrainer
from clippings.clean.textdump import clean_text
from clippings.describe import describe, jsonld
from clippings.describe.authors import inverted, names
from clippings.describe.dates import from_text, to_iso
from clippings.describe.source import from_chrome
from clippings.describe.tags import Tags
from clippings.describe.titles import strip_site
from clippings.model import Clipping
from clippings.read import read_bytes, read_path

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "describe"
SAMPLE = (REPO / "content" / "scraped" / "nikkei-asian-review"
          / "china-inching-toward-detente-with-japan.txt")
SHARED = REPO.parent / "shared"


def described(name: str, **seen: object) -> Clipping:
    """A fixture page described without the clean stage; ``seen`` plays the cleaner's part."""
    page = read_path(FIXTURES / name)
    clipping = Clipping(path=page.path, sha256=page.sha256, kind=page.kind, **seen)
    describe(page, clipping)
    return clipping


def html(body: str, head: str = "") -> Clipping:
    raw = f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>".encode()
    page = read_bytes(raw, "inline.html")
    clipping = Clipping(path=page.path, sha256=page.sha256, kind=page.kind)
    describe(page, clipping)
    return clipping


# JSON-LD


def test_jsonld_graph_main_entity_and_references():
    clipping = described("graph.html")
    assert clipping.title == "Harbour reopens after storm"
    assert clipping.subtitle == "Fishing boats return to the quay"
    assert clipping.authors == ["Ana Lima", "Tom Reyes"]  # an @id reference resolved
    assert clipping.date == "2021-03-04T08:15:00+00:00"  # the article's, not its WebPage's
    assert clipping.source == "The Coastal Courier"
    assert clipping.url == "https://courier.example/harbour"
    assert clipping.lang == "en-GB"


def test_jsonld_arrays_of_blocks_pick_the_article():
    block = json.dumps([
        {"@type": "BreadcrumbList", "name": "Home > World"},
        {"@type": "http://schema.org/BlogPosting", "headline": "Gulls learn to open bins",
         "datePublished": "2017-05-06", "author": {"@type": "Person", "name": "Rui Costa"}},
    ])
    clipping = html("<p>x</p>", f'<script type="application/ld+json">{block}</script>')
    assert clipping.title == "Gulls learn to open bins"
    assert clipping.authors == ["Rui Costa"]
    assert clipping.date == "2017-05-06"


def test_broken_jsonld_is_repaired_or_skipped_with_a_warning():
    clipping = described("broken_jsonld.html")
    assert clipping.title == "Rail strike ends"
    assert clipping.authors == ["Lee Chan", "Maria Soto"]
    assert clipping.source == "Metro Daily"
    assert clipping.date == "2020-02-10"
    assert any("could not be parsed" in w for w in clipping.warnings)


def test_huge_jsonld_is_skipped_not_parsed():
    warnings: list[str] = []
    huge = '{"@type": "NewsArticle", "headline": "x", "articleBody": "' + "a" * 3_000_000 + '"}'
    assert jsonld.parse_block(huge, warnings) is None
    assert warnings and "too large" in warnings[0]


@pytest.mark.parametrize(("part", "expected"), [
    ({"@type": "Periodical", "name": "Shore Weekly"}, "Shore Weekly"),
    ({"@id": "#elsewhere"}, None),  # a reference to no node
    ({"@id": ["#mag"]}, None),  # an id that is no string: skipped, not a crash
    ({"@id": {"#mag": 1}}, None),
])
def test_site_name_from_is_part_of(part, expected):
    block = json.dumps({"@type": "NewsArticle", "headline": "Gulls", "isPartOf": part})
    page = read_bytes(f'<script type="application/ld+json">{block}</script>'.encode(), "x.html")
    assert jsonld.read(page.dom, []).source == expected


def test_deeply_nested_jsonld_is_walked_within_bounds():
    nested: dict = {"@type": "NewsArticle", "headline": "Deep"}
    for _ in range(500):
        nested = {"@type": "Thing", "hasPart": nested}
    clipping = html("<p>x</p>", '<script type="application/ld+json">'
                    + json.dumps(nested) + "</script><title>Shallow title</title>")
    assert clipping.title in ("Deep", "Shallow title")  # bounded walk, no RecursionError


# <meta> and <link>


def test_opengraph_and_meta_tags():
    clipping = described("meta_only.html")
    assert clipping.title == "Le port rouvre"
    assert clipping.source == "Le Courrier du Port"
    # meta author equal to the site's name is the house: the next author tag names the person
    assert clipping.authors == ["Jeanne Martin"]
    assert clipping.date == "2019-06-02T10:00:00+02:00"
    assert clipping.url == "https://courrier.example/articles/port-rouvre"  # canonical, resolved
    assert clipping.lang == "fr-FR"


def test_dublin_core_and_citation_authors_are_reordered():
    clipping = html("<p>x</p>", '<meta name="DC.creator" content="Jong, Michiel de">'
                                '<meta name="DC.title" content="Remote storage">')
    assert clipping.authors == ["Michiel de Jong"]
    assert clipping.title == "Remote storage"
    assert inverted("Doe, Jane") == "Jane Doe"
    assert inverted("Jane Doe") == "Jane Doe"


# <time> and visible text


def test_visible_fallbacks_time_byline_and_footer_source():
    clipping = described("visible_only.html")
    assert clipping.title == "Bridge vote delayed again"
    assert clipping.authors == ["Kim Oduya"]
    assert clipping.date == "2018-11-20T09:30:00-05:00"
    assert clipping.source == "Valley Post"


def test_cleaner_byline_and_dateline_are_used_when_metadata_is_silent():
    clipping = described("undated.html", byline="By Sam Ortiz and Lena Park",
                         dateline="Posted March 3, 2015 at 4:10 pm | Updated March 5, 2015")
    assert clipping.authors == ["Sam Ortiz", "Lena Park"]
    assert clipping.date == "2015-03-03T16:10:00"


def test_undated_page_stays_undated():
    clipping = described("undated.html")
    assert clipping.date is None
    assert "no date found: undated" in clipping.warnings


@pytest.mark.parametrize("value", ["2015", "May 2015", "10:30", "1446405170", "yesterday", "",
                                   "Updated often"])
def test_dates_are_never_completed_by_guessing(value):
    assert to_iso(value) is None
    assert from_text(value) is None


def test_date_forms():
    assert to_iso("2021-11-01T10:52:50+0100") == "2021-11-01T10:52:50+01:00"
    assert to_iso("2019-04-28 06:01:07") == "2019-04-28T06:01:07"
    assert to_iso("Wed, 11 Mar 2015 15:46:00 GMT") == "2015-03-11T15:46:00+00:00"
    assert to_iso("March 25, 2015") == "2015-03-25"
    assert from_text("By Jo Lee March 11, 2015 3:46 PM") == "2015-03-11T15:46:00"
    assert from_text("Updated April 29, 2019. First published April 28, 2019") == "2019-04-28"


# titles


@pytest.mark.parametrize(("title", "site", "url", "expected"), [
    ("How to Build a Terrarium | eHow", None, "http://www.ehow.com/x", "How to Build a Terrarium"),
    ("Valley Post - Bridge vote delayed", "Valley Post", None, "Bridge vote delayed"),
    ("Storm hits coast - Weather | The Valley Post", "Valley Post", None,
     "Storm hits coast - Weather"),
    ("Weekly edition [LWN.net]", None, "https://lwn.net/x", "Weekly edition"),
    ("Cats - a history", "Valley Post", None, "Cats - a history"),  # not the site: kept
])
def test_site_suffix_and_prefix_stripping(title, site, url, expected):
    assert strip_site(title, site, url) == expected


def test_decorated_title_yields_to_the_visible_headline():
    clipping = html("<h1>Bridge vote delayed again</h1>",
                    "<title>Bridge vote delayed again - Local News - Somewhere</title>")
    assert clipping.title == "Bridge vote delayed again"


def test_titles_are_plain_text():
    clipping = described("hostile.html")
    assert "<" not in clipping.title and "alert" not in clipping.title
    assert clipping.title == "Harmless headline & more"
    assert clipping.authors == []  # markup in an author tag is no name


# bylines


@pytest.mark.parametrize(("raw", "expected"), [
    ("By Jane Doe, Staff Writer", ["Jane Doe"]),
    ("By Brenda  Goodman, MA\n WebMD Health News", ["Brenda Goodman"]),
    ("Martin Untersinger (avec Damien Leloup et Morgane Tual)",
     ["Martin Untersinger", "Damien Leloup", "Morgane Tual"]),
    ("Bradley M. Kuhn (http://ebb.org/bkuhn/)", ["Bradley M. Kuhn"]),
    ("By GILLIAN MOHNEY\nMarch 11, 2015 3:46 PM", ["Gillian Mohney"]),
    ("jane@example.com", []),
    ("Posted in category news", []),
    ("Senior Reporter Jane Doe in Tokyo", ["Jane Doe"]),
    ("Jane Doe & John Smith; jane doe", ["Jane Doe", "John Smith"]),
    ("Ludwig van Beethoven", ["Ludwig van Beethoven"]),
    ("Sign In| Sign Up| Subscribe My Account", []),
    ("Story by: Jane Doe", ["Jane Doe"]),  # a role word, then the lead word
    ("POSTED BY JANE DOE", ["Jane Doe"]),
])
def test_byline_normalisation(raw, expected):
    assert names([raw]) == expected


def test_house_bylines_are_dropped():
    assert names(["The Coastal Courier"], source="Coastal Courier") == []
    assert names(["Associated Press"], source="Coastal Courier") == ["Associated Press"]
    assert names(["Harbour"], source="Harbour Times | Local news") == []  # a masthead word off


# text dumps and the sample


def sample_clipping() -> tuple:
    page = read_path(SAMPLE)
    lines = [line.strip() for line in page.text.splitlines() if line.strip()]
    start = lines.index("Sponsored Content")
    clipping = Clipping(path=page.path, sha256=page.sha256, kind=page.kind,
                        headline=lines[1], deck=lines[2], chrome=[lines[0], *lines[start:]])
    return page, clipping


def test_sample_dump_source_comes_from_its_chrome():
    page, clipping = sample_clipping()
    describe(page, clipping)
    assert clipping.source == "Nikkei Asian Review"
    assert clipping.title == "China inching toward detente with Japan"
    assert clipping.subtitle == ("Thaw may be on the horizon as party officials hint at "
                                 "improved ties")
    assert clipping.date is None
    assert "no date found: undated" in clipping.warnings
    assert clipping.lang is None
    assert clipping.authors == []


def test_sample_through_the_clean_stage():
    page = read_path(SAMPLE)
    clipping = clean_text(page)
    describe(page, clipping)
    assert clipping.source == "Nikkei Asian Review"
    assert clipping.date is None


@pytest.mark.parametrize(("lines", "expected"), [
    (["Your subscription to The Harbour Gazette has expired"], "Harbour Gazette"),
    (["© 2016 Lakeside Tribune Company. All rights reserved."], "Lakeside Tribune"),
    (["Copyright © 2010-2014 Acme"], "Acme"),
    (["Subscribe to our newsletter", "Get Unlimited access"], None),
])
def test_chrome_phrases_are_general(lines, expected):
    assert from_chrome(lines) == expected


# the Readability corpus (../shared)


@pytest.mark.shared
def test_readability_metadata_bench_meets_targets():
    if not (SHARED / "corpus" / "readability").is_dir():
        pytest.skip("../shared/corpus/readability is absent (shared data not laid out here)")
    import subprocess
    import sys

    out = subprocess.run([sys.executable, str(REPO / "bench" / "metadata.py"),
                          "--shared", str(SHARED)], capture_output=True, text=True, check=True)
    assert "below target" not in out.stdout, out.stdout


def test_jsonld_reference_walked_later_does_not_replace_its_node():
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "Periodical", "@id": "#site", "name": "Coast Daily"},
        {"@type": "Person", "@id": "#ana", "name": "Ana Lima"},
        {"@type": "NewsArticle", "headline": "Harbour reopens", "author": {"@id": "#ana"},
         "isPartOf": {"@id": "#site"}},
    ]}
    script = f'<script type="application/ld+json">{json.dumps(graph)}</script>'
    clipping = html("<p>Text.</p>", head=script)
    assert clipping.authors == ["Ana Lima"]
    assert clipping.source == "Coast Daily"


# The one-pass tag listing (describe/tags.py) must find what find_all finds, in the same order.

LOOKUPS = [
    (("meta",), {}), (("link",), {"href": True}), (("script",), {"type": re.compile("ld", re.I)}),
    ((), {"itemprop": re.compile(r"^date", re.I)}), ((), {"rel": True}),
    ((), {"class_": re.compile("byline|author", re.I)}), ((["footer", "div", "p"],), {}),
]


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.html")))
def test_tag_listing_finds_what_find_all_finds(name):
    dom = read_path(FIXTURES / name).dom
    tags = Tags(dom)
    for args, kwargs in LOOKUPS:
        attr = next(iter(kwargs), None)
        among = tags.having("class" if attr == "class_" else attr) if attr else None
        assert tags.find_all(SoupStrainer(*args, **kwargs), among) == dom.find_all(*args, **kwargs)
    for tag_name in ("meta", "title", "time", "h1", "html", "nothing"):
        assert tags.named(tag_name) == dom.find_all(tag_name)
    assert tags.find_all(SoupStrainer("div"), limit=2) == dom.find_all("div", limit=2)


BODY = " ".join(["The harbour council voted on Tuesday to rebuild the eastern pier."] * 12)


@pytest.mark.parametrize("deck", [
    "var playerBrandsafety='3 General news – passed for ad targeting'",   # script text
    "This is a modal window.",                                          # a video player's
    "Image copyright Getty Images",                                     # a credit
    "SPORT Harbour council rebuilds the pier JANE ROE, 19 NOV 2019",     # kicker, title, byline
    "Smartphones, laptops and wearables reviewed by our experts weekly",  # nothing of this one
])
def test_a_deck_that_says_nothing_of_the_article_is_dropped(deck):
    from clippings.describe.decks import plausible
    assert not plausible(deck, "Harbour council rebuilds the pier", BODY)


def test_a_deck_about_the_article_is_kept():
    from clippings.describe.decks import plausible
    assert plausible("Work on the eastern pier starts in May", "Harbour council rebuilds the pier",
                     BODY)
    assert plausible("Anything at all", "Title", "Too short a text to judge by.")
