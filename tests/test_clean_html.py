"""The clean stage on HTML scrapes: what is kept, what is removed, in which order."""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from clippings.clean import clean
from clippings.errors import BadInput
from clippings.read import read_bytes, read_path
from lxml import etree

FIXTURES = Path(__file__).parent / "fixtures" / "html"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
AEB = SHARED / "corpus" / "aeb"


@pytest.fixture(scope="module")
def article():
    return clean(read_path(FIXTURES / "article.html"))


def clip(markup: str):
    return clean(read_bytes(markup.encode("utf-8"), "page.html"))


def test_body_paragraphs_are_kept_in_order(article):
    starts = ["PORTVILLE — The harbour bridge", "City officials said", "A long wait for commuters",
              "Drivers queued", '"It feels like the city', "The repairs covered",
              "the road deck", "Year Vehicles per day", "The next phase"]
    positions = [article.text.find(s) for s in starts]
    assert -1 not in positions, positions
    assert positions == sorted(positions)


def test_structure_survives_in_html(article):
    html = article.html
    assert "<h2>A long wait for commuters</h2>" in html
    assert "<blockquote><p>" in html
    assert html.count("<li>") == 3
    assert "<table>" in html and "<th>Year</th>" in html
    assert "<figure>" in html and "<figcaption>The bridge at dawn on reopening day." in html
    etree.fromstring(f"<div>{html}</div>")


def test_masthead_is_reported_not_repeated(article):
    assert article.headline == "Harbour Bridge Reopens After Repairs"
    assert article.deck == "Engineers finished the eighteen-month overhaul two weeks early."
    assert article.byline == "By Jane Q. Writer"
    assert article.dateline == "May 4, 2021"
    for text in (article.text, article.html):
        assert "Harbour Bridge Reopens" not in text
        assert "eighteen-month overhaul" not in text
        assert "Jane Q. Writer" not in text


@pytest.mark.parametrize("chrome", [
    "TRACKING-SCRIPT-TEXT", "SCRIPT-AT-END", "font-family", "We use cookies", "Sport",
    "Share on Facebook", "Tweet", "SVG-TITLE", "Advertisement", "Read more",
    "Bridge repairs delayed", "morning briefing", "free newsletter", "Sponsored", "mortgage",
    "Ferry fares cut", "Related", "First! This bridge", "Comments", "All rights reserved",
    "Privacy",
])
def test_chrome_is_removed(article, chrome):
    assert chrome not in article.text
    assert chrome not in article.html


def test_captions_are_figures_not_text(article):
    assert "bridge at dawn" not in article.text
    [figure] = article.figures
    assert figure.caption == "The bridge at dawn on reopening day."
    assert figure.credit == "Photo: Sam Lens"
    assert figure.alt == "The bridge at dawn"
    assert figure.src == "https://news.example.org/images/bridge.jpg"  # made absolute


def test_an_image_in_a_figure_is_one_figure_however_many_there_are():
    figures = "".join(
        f'<figure><img src="https://cdn.example.org/{n}.jpg" alt="Picture {n}"></figure>'
        f'<div class="caption">Caption {n}</div>' for n in range(6))
    paragraph = "<p>The council met on Tuesday, and it voted, after a long debate, to go on.</p>"
    clipping = clip(f"<html><body><article>{paragraph * 4}{figures}</article></body></html>")
    sources = [figure.src for figure in clipping.figures]
    assert sources == [f"https://cdn.example.org/{n}.jpg" for n in range(6)]


def test_copyright_line_is_kept_as_a_source_hint(article):
    assert any("The Daily Example Media Group" in line for line in article.chrome)


def test_the_read_stage_tree_is_not_touched():
    page = read_path(FIXTURES / "article.html")
    before = str(page.dom)
    clean(page)
    assert str(page.dom) == before
    assert page.dom.find("script", attrs={"type": None}) is not None


def test_an_article_split_in_sibling_containers_is_merged():
    clipping = clean(read_path(FIXTURES / "split.html"))
    assert clipping.text.startswith("Part one:")
    assert "Part two:" in clipping.text
    assert clipping.text.index("Part one:") < clipping.text.index("Part two:")
    assert "the ground will stay saturated" in clipping.text
    assert "Most read" not in clipping.text and "Watch:" not in clipping.text
    assert clipping.headline == "Rainfall Records Broken Across the Valley"


def test_a_paywalled_teaser_is_marked_incomplete():
    clipping = clean(read_path(FIXTURES / "paywall.html"))
    assert clipping.incomplete
    assert any("paywall" in w for w in clipping.warnings)
    assert "Subscribe to continue reading" not in clipping.text
    assert clipping.text.startswith("Stocks rose sharply")


def test_a_whole_article_is_not_marked_incomplete(article):
    assert not article.incomplete
    assert not article.warnings


def test_no_remote_loads_in_output(article):
    # Images are placeholders the publish stage fills from local copies or removes: no src.
    assert "src=" not in article.html
    assert article.html.count("<img") == article.html.count("<img data-clippings-local=")


def test_ten_thousand_deep_nesting_keeps_the_text():
    markup = ("<html><body><p>Intro paragraph that is long enough to count as prose here.</p>"
              + "<div>" * 10_000 + "<p>The deepest paragraph, still part of the story.</p>"
              + "</div>" * 10_000 + "<p>A closing paragraph after the deep part.</p></body></html>")
    clipping = clip(markup)
    assert "The deepest paragraph" in clipping.text
    assert "A closing paragraph" in clipping.text
    etree.fromstring(f"<div>{clipping.html}</div>")


def test_broken_html_is_cleaned():
    markup = ("<html><body><div class='story'><p>First paragraph of a page with broken markup, "
              "unclosed <b>bold and <i>italic, and more words to make it prose.<p>Second "
              "paragraph, with a stray </span> closing tag and an unclosed <a href='/x'>link."
              "<table><tr><td>cell one<td>cell two</table></div>")
    clipping = clip(markup)
    assert "First paragraph" in clipping.text and "Second paragraph" in clipping.text
    etree.fromstring(f"<div>{clipping.html}</div>")


def test_a_50_mb_page_is_refused_with_a_clear_message():
    filler = "<p>" + "word " * 200 + "</p>\n"
    raw = ("<html><body>" + filler * (50 * 1024 * 1024 // len(filler) + 1) + "</body></html>")
    with pytest.raises(BadInput, match=r"big\.html: is larger than the \d+ MB limit"):
        read_bytes(raw.encode("ascii"), "big.html")


def test_an_empty_body_gives_an_empty_clipping_with_a_warning():
    clipping = clip("<html><head><title>Nothing</title></head><body>  </body></html>")
    assert clipping.text == "" and clipping.html == ""
    assert clipping.warnings


def test_a_page_without_article_markup_still_yields_its_prose():
    clipping = clip("<html><body>Just one line of text that someone saved, without any "
                    "paragraph markup at all, but it is the whole story.</body></html>")
    assert "Just one line of text" in clipping.text


def test_swallowing_void_elements_do_not_eat_the_article():
    clipping = clip("<html><body><article><p>Before the embed, a paragraph of ordinary prose "
                    "that is long enough.</p><embed src='x.swf'><p>After the embed, another "
                    "paragraph of prose, also long enough to count.</p></article></body></html>")
    assert "After the embed" in clipping.text


# --- golden checks against a few AEB pages (../shared) ---------------------------------------

WORD = re.compile(r"\w+")


def shingle_f1(truth: str, pred: str) -> float:
    def shingles(text: str) -> Counter:
        toks = WORD.findall(text)
        return Counter(tuple(toks[i:i + 4]) for i in range(max(1, len(toks) - 3)))

    t, p = shingles(truth), shingles(pred)
    tp = sum((t & p).values())
    if not tp:
        return 0.0
    precision, recall = tp / sum(p.values()), tp / sum(t.values())
    return 2 * precision * recall / (precision + recall)


@pytest.mark.shared
@pytest.mark.skipif(not AEB.exists(), reason="needs ../shared/corpus/aeb (shared data absent)")
def test_aeb_golden_pages():
    truth = json.loads((AEB / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)[:12]
    scores = []
    for page_id in ids:
        clipping = clean(read_path(AEB / "html" / f"{page_id}.html.gz"))
        scores.append(shingle_f1(truth[page_id]["articleBody"], clipping.text))
        etree.fromstring(f"<div>{clipping.html}</div>")
    assert sum(scores) / len(scores) >= 0.9, scores
    assert min(scores) >= 0.5, scores


def test_gzip_fixture_helper_is_consistent():
    # The AEB pages are gzipped; read_bytes must see through it like read_path does.
    raw = gzip.compress((FIXTURES / "split.html").read_bytes())
    clipping = clean(read_bytes(raw, "split.html.gz"))
    assert "Part one:" in clipping.text


# --- failure classes of the content finder and the in-article chrome rules -------------------

def fixture(name: str):
    return clean(read_path(FIXTURES / name))


def test_chunks_of_an_article_are_all_kept_in_order():
    # one chunk's paragraphs sit too deep to score it; one has a chrome-like BEM modifier
    text = fixture("chunks.html").text
    starts = ["Chunk one:", "The keepers will live", "Chunk two:", "Several retired keepers",
              "Chunk three:", "The keepers start next month"]
    positions = [text.find(s) for s in starts]
    assert -1 not in positions, positions
    assert positions == sorted(positions)
    assert "Coast Examiner" not in text and "About" not in text


def test_text_between_the_blocks_of_a_div_is_the_article():
    text = fixture("loose.html").text
    assert "The home care team in the north district" in text
    assert "borrowed vans from another unit" in text
    assert "City Hall" not in text and "Opening hours" not in text
    assert "Facebook" not in text


def test_related_lists_after_a_lead_in_are_removed():
    text = fixture("related.html").text
    assert text.startswith("Orchard owners in the valley")
    assert "Neighbours have complained" in text  # prose after a "Read also" link stays
    for chrome in ("Read also", "Pear growers", "You may also like", "Cider makers",
                   "oldest apple tree", "Você pode gostar", "Winter pruning", "Grafting",
                   "Storing apples"):
        assert chrome not in text, chrome


def test_a_paragraph_that_is_only_a_headline_link_is_removed_but_a_cited_address_stays():
    text = fixture("related.html").text
    assert "Beekeepers warn" not in text
    assert "Sources: https://weather.example.org/frost-report" in text


def test_a_see_also_section_ends_at_the_next_heading():
    prose = ("<p>The survey counted more birds than last year, and the volunteers said that the "
             "mild winter and the new hedges both helped, although numbers vary a lot.</p>")
    clipping = clip(f"<html><body><article><h1>Bird count</h1>{prose * 3}"
                    "<h2>See also</h2><ul><li><a href='/a'>Hedges</a></li>"
                    "<li><a href='/b'>Winter</a></li></ul>"
                    "<h2>Method</h2><p>Volunteers walked the same routes at dawn on two days, "
                    "counting every bird seen or heard within fifty metres of the path.</p>"
                    "</article></body></html>")
    assert "See also" not in clipping.text and "Hedges" not in clipping.text
    assert "Volunteers walked the same routes" in clipping.text


def test_a_hover_card_injected_mid_sentence_is_removed():
    text = fixture("embeds.html").text
    assert "start conversations, the mayor added, and by that measure" in text
    assert "Mayor Pat Doe" not in text and "library wing" not in text


def test_embedded_social_posts_are_kept():
    text = fixture("embeds.html").text
    assert "all gone in a single afternoon of memes" in text
    assert text.index("memes") < text.index("Residents who spoke")


@pytest.mark.parametrize("prompt", ["Like this story", "Have a tip", "Follow us on Twitter",
                                    "Subscribe to our newsletters"])
def test_promotion_prompts_are_removed(prompt):
    clipping = fixture("embeds.html")
    assert prompt not in clipping.text and prompt not in clipping.html


def test_a_subscription_box_is_no_deck():
    body = " ".join(["The council met on Tuesday to vote on the harbour plan."] * 6)
    clipping = clip(
        "<html><body><article><h1>Harbour plan passes</h1>"
        f"<p>{body}</p><p>{body}</p><p>{body}</p>"
        '<div class="box"><div class="description">Sign up to our newsletter for exclusive '
        "updates and enhanced content</div></div></article></body></html>")
    assert clipping.deck is None
    assert "newsletter" not in clipping.text
