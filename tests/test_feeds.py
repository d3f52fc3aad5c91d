"""Atom feeds: the whole archive, per person, per place, per source; dated articles only, absolute
URLs, linked from their pages, the same bytes from build to build. Built from the stand-in archive
of tests/entitysite.py with publishconf.py."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from entitysite import build_site
from sitebuild import files, recording, soup

ATOM = "{http://www.w3.org/2005/Atom}"
SITE = "https://archive.example/sub"


@pytest.fixture(scope="module")
def output(tmp_path_factory) -> Path:
    return build_site(tmp_path_factory.mktemp("feeds"), conf="publishconf.py", SITEURL=SITE)


def entries(path: Path) -> list[tuple[str, str, str]]:
    """(title, link, published) of each entry; the file must parse as Atom."""
    root = ET.parse(path).getroot()
    assert root.tag == f"{ATOM}feed"
    return [(e.findtext(f"{ATOM}title"), e.find(f"{ATOM}link").get("href"),
             e.findtext(f"{ATOM}published")) for e in root.iter(f"{ATOM}entry")]


def test_one_feed_per_person_place_and_source_with_dated_articles(output):
    feeds = sorted(p.relative_to(output).as_posix() for p in (output / "feeds").rglob("*.xml"))
    assert feeds == [
        "feeds/all.atom.xml", "feeds/all.rss.xml",
        "feeds/people/ada-quill.atom.xml", "feeds/people/bo-index.atom.xml",
        "feeds/people/cy-zed.atom.xml", "feeds/people/emile-angstrom.atom.xml",
        # Dee Undated is only in an undated article: no feed (it would have no date at all)
        "feeds/places/gotham.atom.xml", "feeds/places/metropolis.atom.xml",
        "feeds/places/nowhere-atoll.atom.xml",
        "feeds/sources/other-times.atom.xml", "feeds/sources/the-gazette.atom.xml",
    ]


def test_feeds_hold_only_dated_articles_newest_first_with_absolute_links(output):
    assert entries(output / "feeds/people/ada-quill.atom.xml") == [
        ("Bridge opens", f"{SITE}/articles/gazette/a2.html", "2020-03-02T00:00:00+00:00"),
        ("Harbour deal signed", f"{SITE}/articles/gazette/a1.html",
         "2020-01-15T00:00:00+00:00")]
    assert [t for t, _, _ in entries(output / "feeds/places/metropolis.atom.xml")] == [
        "Harbour deal signed"]
    assert [t for t, _, _ in entries(output / "feeds/sources/the-gazette.atom.xml")] == [
        "Bridge opens", "Harbour deal signed"]
    assert [t for t, _, _ in entries(output / "feeds/all.atom.xml")] == [
        "Far away", "Bridge opens", "Harbour deal signed"]
    for path in (output / "feeds").rglob("*.xml"):
        text = path.read_text(encoding="utf-8")
        assert "undated" not in text.lower() and "0001-01-01" not in text, path
        ET.parse(path)  # RSS too: well-formed


def test_person_feed_entries_carry_the_mentions_escaped(output):
    root = ET.parse(output / "feeds/people/ada-quill.atom.xml").getroot()
    contents = [e.findtext(f"{ATOM}content") for e in root.iter(f"{ATOM}entry")]
    assert "<mark>Ada Quill</mark>, the mayor of Gotham" in contents[0]
    assert "<script>" not in "".join(contents)
    authors = [e.findtext(f"{ATOM}author/{ATOM}name") for e in root.iter(f"{ATOM}entry")]
    assert authors == ["The Gazette", "The Gazette"]


def test_pages_link_their_feed(output):
    for page, feed in (("people/ada-quill.html", "feeds/people/ada-quill.atom.xml"),
                       ("places/gotham.html", "feeds/places/gotham.atom.xml")):
        html = soup(output / page)
        alternates = [link["href"] for link in html.find_all("link", rel="alternate")]
        assert f"{SITE}/{feed}" in alternates
        assert html.select_one("a.feed")["href"] == f"{SITE}/{feed}"
    undated = soup(output / "people/dee-undated.html")
    assert [link["href"] for link in undated.find_all("link", rel="alternate")] == [
        f"{SITE}/feeds/all.atom.xml"]
    assert undated.select_one("a.feed") is None


def test_feeds_are_the_same_bytes_from_build_to_build(output, tmp_path):
    again = build_site(tmp_path, conf="publishconf.py", SITEURL=SITE)
    first = {k: v for k, v in files(output).items() if k.startswith("feeds/")}
    assert first and first == {k: v for k, v in files(again).items() if k.startswith("feeds/")}


def test_term_feeds_keep_the_newest_items(tmp_path):
    output = build_site(tmp_path, conf="publishconf.py", SITEURL=SITE,
                        CLIPPINGS_TERM_FEED_MAX_ITEMS=1)
    assert [t for t, _, _ in entries(output / "feeds/people/ada-quill.atom.xml")] == [
        "Bridge opens"]


def test_no_feeds_without_an_absolute_siteurl(tmp_path):
    with recording() as log:
        output = build_site(tmp_path, conf="publishconf.py", SITEURL="")
    assert not (output / "feeds").exists()
    assert any("absolute SITEURL" in m for m in log.messages(30))
    assert soup(output / "people/ada-quill.html").find("link", rel="alternate") is None


def test_published_map_links_are_absolute(output):
    html = soup(output / "places/index.html")
    assert sorted(a["href"] for a in html.select("svg a")) == [
        f"{SITE}/places/gotham.html", f"{SITE}/places/metropolis.html"]


def test_every_atom_feed_has_its_own_id(output):
    ids = {}
    for path in sorted((output / "feeds").rglob("*.atom.xml")):
        feed_id = ET.parse(path).getroot().findtext(f"{ATOM}id")
        assert feed_id == f"{SITE}/{path.relative_to(output).as_posix()}"
        ids[feed_id] = path
    assert len(ids) == len(list((output / "feeds").rglob("*.atom.xml")))
