"""People and places pages: roles, mentions in context (escaped), co-mentions, timeline and map
SVGs, the A–Z indexes. A stand-in archive (tests/entitysite.py) for most checks; the repo's
sample, built with the real stages, for its nine people."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from types import SimpleNamespace

import pytest
from clippings.publish import entity_pages, places_map, worldmap
from clippings.publish.snippets import snippets
from clippings.publish.taxonomy import initial, letters
from entitysite import build_site
from sitebuild import REPO, build, cache_dir, soup

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def output(tmp_path_factory) -> Path:
    return build_site(tmp_path_factory.mktemp("entities"))


def page(output: Path, path: str):
    return soup(output / path)


# --- snippets -------------------------------------------------------------------------------

def test_snippets_escape_hostile_text_and_mark_the_mention():
    text = "Intro.\n\n<script>alert(1)</script> <b>Ada</b> & \"Bo\" met <img src=x onerror=y>."
    start = text.index("<b>Ada</b>")
    [snippet] = snippets(text, [(start, start + len("<b>Ada</b>"))])
    shown = snippet.html
    assert "<script>" not in shown and "<img" not in shown and "<b>" not in shown
    assert "&lt;script&gt;" in shown and "&amp;" in shown
    assert "<mark>&lt;b&gt;Ada&lt;/b&gt;</mark>" in shown
    assert re.sub(r"</?mark>", "", shown).count("<") == 0


def test_snippets_are_sentences_and_long_ones_are_cut_at_a_word():
    text = "First one. Ada spoke here. Third one.\n\n" + "word " * 80 + "Ada " + "tail " * 80
    spans = [(11, 14), (text.rindex("Ada"), text.rindex("Ada") + 3)]
    short, long_ = (s.html for s in snippets(text, spans))
    assert short == "<mark>Ada</mark> spoke here."
    assert long_.startswith("…word") and long_.endswith("tail…") and len(long_) < 330


def test_mentions_in_one_sentence_share_a_snippet():
    text = "Ada met Bo and Ada left. Then rain."
    assert [s.html for s in snippets(text, [(0, 3), (15, 18)])] == [
        "<mark>Ada</mark> met Bo and <mark>Ada</mark> left."]


def test_a_snippet_finds_its_mention_by_text_fragment():
    text = "Rain fell.\nThe mayor, Ada Vogt-Lund, said no & left.\nVogt-Lund's car."
    first = text.index("Ada")
    second = text.index("Vogt-Lund's")
    [one, two] = snippets(text, [(first, first + len("Ada Vogt-Lund")), (second, second + 9)])
    # The words before it on its line, then the mention; "-" "," "&" spelled as escapes.
    assert one.fragment == "#:~:text=The%20mayor%2C-,Ada%20Vogt%2DLund"
    assert two.fragment == "#:~:text=Vogt%2DLund"  # first on its line: no prefix


# --- co-mentions, A–Z ----------------------------------------------------------------------

def link(slug: str) -> SimpleNamespace:
    return SimpleNamespace(slug=slug, name=slug.title())


def test_co_mentions_count_shared_articles():
    articles = [SimpleNamespace(people=[link("ada"), link("bo")]),
                SimpleNamespace(people=[link("ada"), link("bo"), link("cy")]),
                SimpleNamespace(people=[link("ada"), link("cy"), link("cy")]),
                SimpleNamespace(people=[link("bo")])]
    terms = {s: SimpleNamespace(name=s.title(), slug=s, url=f"people/{s}.html")
             for s in ("ada", "bo", "cy")}
    ada = terms["ada"]
    ada.articles = articles[:3]
    related = entity_pages.co_mentions(ada, "people", terms)
    assert [(r.name, r.count, r.url) for r in related] == [
        ("Bo", 2, "people/bo.html"), ("Cy", 2, "people/cy.html")]


def test_letters_group_a_to_z_accents_aside_then_the_rest():
    names = ["Émile", "ada", "Bo", "42nd Street", "Zoë", "Åsa"]
    terms = sorted((SimpleNamespace(name=n, letter=initial(n)) for n in names),
                   key=lambda t: t.letter)
    assert [(s.letter, [t.name for t in s.terms]) for s in letters(terms)] == [
        ("A", ["ada", "Åsa"]), ("B", ["Bo"]), ("E", ["Émile"]), ("Z", ["Zoë"]),
        ("#", ["42nd Street"])]


# --- the pages ------------------------------------------------------------------------------

def test_person_page_parts(output):
    html = page(output, "people/ada-quill.html")
    assert html.h1.get_text() == "Ada Quill"
    assert "Quill" in html.select_one(".aka").get_text()
    facts = {dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True)
             for dt in html.select(".facts dt")}
    assert "Roles in the text" in facts
    assert [r.get_text(strip=True) for r in html.select(".roles li")] == [
        "Mayor", "mayor of Gotham"]
    assert [r.get_text(strip=True) for r in page(output, "people/bo-index.html")
            .select(".roles li")] == ["finance minister of Ruritania"]
    assert facts["Articles"] == "3 (1 undated)"
    assert facts["First seen"] == "15 January 2020" and facts["Last seen"] == "2 March 2020"
    intro = html.select_one(".intro").get_text(" ", strip=True)
    assert "4 times in 3 articles" in intro


def test_mentions_link_their_article_and_escape_the_text(output):
    html = page(output, "people/ada-quill.html")
    items = html.select(".mentions > li")
    assert [li.select_one(".title").get_text() for li in items] == [
        "Bridge opens", "Harbour deal signed", "An undated visit"]
    for li in items:  # the article's title, then each mention linking to it at that mention
        title = li.select_one(".title")["href"]
        mentions = li.select(".snippets a")
        assert mentions and all(a.select("mark") for a in mentions)
        assert {a["href"].partition("#:~:text=")[0] for a in mentions} == {title}
        assert all(a["href"].partition("#:~:text=")[2] for a in mentions)
    raw = (output / "people" / "ada-quill.html").read_text(encoding="utf-8")
    assert "&lt;b&gt;<mark>Ada Quill</mark>&lt;/b&gt;" in raw
    undated = items[-1].select_one(".meta").get_text(" ", strip=True)
    assert undated.startswith("Undated") and not re.search(r"\b0?001\b|1970", undated)


def test_co_mentions_on_the_page(output):
    html = page(output, "people/ada-quill.html")
    rows = [li.get_text(" ", strip=True) for li in html.select(".related-list li")]
    assert rows == ["Bo Index (1 article)", "Cy Zed (1 article)", "Dee Undated (1 article)",
                    "Gotham (2 articles)", "Metropolis (2 articles)"]
    assert html.select_one(".related-list a")["href"] == "../people/bo-index.html"


def svgs(html) -> list[ET.Element]:
    return [ET.fromstring(str(svg)) for svg in html.find_all("svg")]


def assert_safe_accessible_svg(svg: ET.Element) -> None:
    tags = {el.tag.removeprefix(SVG) for el in svg.iter()}
    assert not tags & {"script", "foreignObject", "image", "iframe", "use"}, tags
    for el in svg.iter():
        for name, value in el.attrib.items():
            assert not name.lower().startswith("on"), (el.tag, name)
            assert "javascript:" not in value.lower()
    assert svg.get("role") == "img"
    labels = svg.get("aria-labelledby").split()
    ids = {el.get("id"): el for el in svg.iter() if el.get("id")}
    assert [ids[i].tag.removeprefix(SVG) for i in labels] == ["title", "desc"]
    assert all(ids[i].text.strip() for i in labels)


def test_timeline_svg_valid_accessible_with_a_table(output):
    html = page(output, "people/ada-quill.html")
    [chart] = svgs(html)
    assert_safe_accessible_svg(chart)
    bars = [el for el in chart.iter(f"{SVG}rect")]
    assert len(bars) == 2  # January and March 2020; February has none, the undated one none
    rows = [[td.get_text() for td in tr.find_all("td")] for tr in html.select(".months-table tr")]
    assert [r for r in rows if r] == [["Jan 2020", "2"], ["Mar 2020", "1"]]
    assert "1 undated article is not on the timeline" in html.get_text(" ", strip=True)


def test_undated_only_term_has_no_timeline_nor_dates(output):
    html = page(output, "people/dee-undated.html")
    assert html.find("svg") is None
    assert "no timeline" in html.get_text()
    assert [dd.get_text(strip=True) for dd in html.select(".facts dd")][-2:] == [
        "No dated article", "No dated article"]


def test_place_page_locator_map(output):
    html = page(output, "places/gotham.html")
    maps = [s for s in svgs(html) if "world-map" in s.get("class")]
    assert len(maps) == 1
    assert_safe_accessible_svg(maps[0])
    dot = next(c for c in maps[0].iter(f"{SVG}circle") if c.get("class") == "dot")
    assert (int(dot.get("cx")), int(dot.get("cy"))) == worldmap.project(40.7, -74.0)
    assert any(p.get("class") == "country" for p in maps[0].iter(f"{SVG}path"))
    where = html.select_one(".locator figcaption").get_text()
    assert "40.7° N, 74.0° W" in where and "United States" in where
    # a place the gazetteer cannot place says so in words, with no map
    nowhere = page(output, "places/nowhere-atoll.html")
    assert nowhere.select_one(".locator") is None
    assert "not known" in nowhere.select_one(".facts").get_text()


def test_world_map_is_small_and_rounded():
    land = worldmap.world("coarse").land
    assert len(land) < 25_000 and len(worldmap.world("fine").land) < 30_000
    assert not re.search(r"\d\.\d", land)  # integer tenths of a degree, no decimals


def test_places_index_map_and_a_to_z(output):
    html = page(output, "places/index.html")
    [world] = svgs(html)
    assert_safe_accessible_svg(world)
    links = [a.get("href") for a in world.iter(f"{SVG}a")]
    assert sorted(links) == ["gotham.html", "metropolis.html"]  # Nowhere Atoll: no coordinates
    radii = {a.get("href"): float(a.find(f"{SVG}circle").get("r")) for a in world.iter(f"{SVG}a")}
    # Both are in two articles; Gotham is mentioned three times, Metropolis twice.
    assert radii["gotham.html"] > radii["metropolis.html"] > 0
    titles = [t.text for t in world.iter(f"{SVG}title")]
    assert "Gotham: 3 mentions in 2 articles" in titles
    assert [h.get_text() for h in html.select("section.letter h2")] == ["G", "M", "N"]
    jump = [a.get_text() for a in html.select(".az a")]
    assert jump == ["G", "M", "N"]
    for a in html.select(".az a"):
        assert html.find(id=a["href"][1:]) is not None


def test_people_index_a_to_z_with_counts(output):
    html = page(output, "people/index.html")
    sections = {h.get_text(): [li.get_text(" ", strip=True) for li in h.find_parent("section")
                               .select(".term-list li")] for h in html.select("section.letter h2")}
    assert sections == {"A": ["Ada Quill (3 articles)"], "B": ["Bo Index (1 article)"],
                        "C": ["Cy Zed (1 article)"], "D": ["Dee Undated (1 article)"],
                        "E": ["Émile Ångström (1 article)"]}


def test_locator_without_anything_known():
    place = SimpleNamespace(name="Atlantis", slug="atlantis", lat=None, lon=None, country=None)
    found = places_map.locator(place)
    assert found.svg is None and "not known" in found.text


def test_no_feed_links_in_the_local_build(output):
    assert not (output / "feeds").exists()
    html = page(output, "people/ada-quill.html")
    assert html.find("link", type="application/atom+xml") is None
    assert html.select_one("a.feed") is None


# --- the sample, with the real stages --------------------------------------------------------

SAMPLE_ROLES = {
    "Chen Min'er": "party chief of Guizhou Province",
    "Fumihiro Koba": "president of the Japanese Chamber of Commerce and Industry in China",
    "Li Xiaolin": "president of the Chinese People's Association for Friendship with Foreign "
                  "Countries",
    "Shinzo Abe": "Japanese Prime Minister",
    "Tomoo Kitamura": "chief of the Beijing office of the Council of Local Authorities for "
                      "International Relations",
    "Wang Zhanqi": "vice secretary-general of the China-Japan Friendship Association",
    "Xi Jinping": "President",
    "Yutaka Yokoi": "Japanese ambassador to China",
    "Zhu Dan": "vice secretary-general of the association",
}


@pytest.mark.slow
def test_sample_people_pages_show_their_roles(tmp_path):
    with cache_dir(tmp_path / "ner-cache"):
        build(REPO / "content", tmp_path / "output")
    people = tmp_path / "output" / "people"
    names = {}
    for path in sorted(people.glob("*.html")):
        if path.name != "index.html":
            html = soup(path)
            names[html.h1.get_text()] = [li.get_text(" ", strip=True).split(" (")[0]
                                         for li in html.select(".roles li")]
    assert sorted(names) == sorted(SAMPLE_ROLES)
    for name, role in SAMPLE_ROLES.items():
        assert role in names[name], (name, names[name])
    for path in (tmp_path / "output" / "places").glob("*.html"):
        for svg in svgs(soup(path)):
            assert_safe_accessible_svg(svg)
