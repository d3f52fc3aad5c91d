"""The clean stage on plain-text dumps: the sample scrape and small dumps of other shapes."""

from __future__ import annotations

from pathlib import Path

import pytest
from clippings.clean import clean
from clippings.clean.captions import is_caption, sentences
from clippings.clean.kinds import is_sprite
from clippings.clean.lines import Block, blocks, normalise
from clippings.model import Clipping
from clippings.read import read_bytes, read_path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "content/scraped/nikkei-asian-review/china-inching-toward-detente-with-japan.txt"
FIXTURES = ROOT / "tests/fixtures/textdump"


def dump(text: str, name: str = "dump.txt") -> Clipping:
    return clean(read_bytes(text.encode("utf-8"), name))


def fixture(name: str) -> Clipping:
    return clean(read_path(FIXTURES / name))


@pytest.fixture(scope="module")
def sample() -> Clipping:
    return clean(read_path(SAMPLE))


def paragraphs(clipping: Clipping) -> list[str]:
    return clipping.text.split("\n\n")


# --- the sample scrape -------------------------------------------------------------------------

def test_sample_headline_and_deck(sample: Clipping) -> None:
    assert sample.headline == "China inching toward detente with Japan"
    assert sample.deck == "Thaw may be on the horizon as party officials hint at improved ties"
    assert sample.byline is None and sample.dateline is None


def test_sample_captions_are_figures_not_text(sample: Clipping) -> None:
    first = ("Chen Min'er, left, party chief of Guizhou Province, talks with a Japanese government "
             "official at a recent event in Beijing.")
    second = ("Chinese students who took part in a program to visit Japan speak about their "
              "experiences at a forum.")
    assert sample.captions == [first, second]
    assert all(f.src is None for f in sample.figures)
    assert first not in sample.text and second not in sample.text
    assert sample.html.count("<figcaption>") == 2


def test_sample_body_starts_with_lead_and_ends_with_last_paragraph(sample: Clipping) -> None:
    body = paragraphs(sample)
    assert body[0].startswith("BEIJING -- China is sending subtle signals")
    assert body[-1].endswith("anti-Japanese protests in China.")
    assert sample.html.index("<figcaption>Chen Min") < sample.html.index("<p>BEIJING --")


def test_sample_subhead(sample: Clipping) -> None:
    assert "<h2>Mixed signals</h2>" in sample.html
    assert "Mixed signals" in paragraphs(sample)


def test_sample_has_no_header_in_body(sample: Clipping) -> None:
    for part in (sample.headline, sample.deck):
        assert part not in sample.text
        assert part not in sample.html


@pytest.mark.parametrize("chrome", ["Artboard", "Sketch", "Sponsored Content", "free article",
                                    "subscription", "Subscribe", "Try 3 months", "NAR on print",
                                    "{{"])
def test_sample_chrome_removed(sample: Clipping, chrome: str) -> None:
    assert chrome not in sample.text
    assert chrome not in sample.html


def test_sample_chrome_kept_for_describe(sample: Clipping) -> None:
    assert any("Created with Sketch" in line for line in sample.chrome)
    assert "Your full access to the Nikkei Asian Review has expired" in sample.chrome


def test_sample_paragraph_order_and_count(sample: Clipping) -> None:
    raw = normalise(SAMPLE.read_text(encoding="utf-8"))
    body = paragraphs(sample)
    assert len(body) == 31  # 30 paragraphs and one subhead
    positions = [raw.index(p) for p in body]
    assert positions == sorted(positions)


def test_sample_body_paragraphs_are_not_captions(sample: Clipping) -> None:
    assert "Most observers believe that Chen, 56, will eventually join the top echelon of party " \
           "leaders." in paragraphs(sample)
    assert any(p.startswith("The outlook for the historically prickly relationship is far from "
                            "clear.") for p in paragraphs(sample))
    for paragraph in paragraphs(sample):
        if paragraph != "Mixed signals":
            assert not is_caption(paragraph), paragraph


def test_sample_is_complete(sample: Clipping) -> None:
    assert not sample.incomplete
    assert not sample.warnings


def test_sample_spaces_normalised(sample: Clipping) -> None:
    assert "\u00a0" not in sample.text and "  " not in sample.text
    assert "propaganda chief in Zhejiang Province" in sample.text
    assert all(line == line.rstrip() for line in sample.text.splitlines())


def test_html_escapes_everything() -> None:
    clipping = dump("A headline\n\nThe <script>alert(1)</script> tag & its friends were found "
                    "in the page of the town council on Monday.\n")
    assert "<script>" not in clipping.html
    assert "&lt;script&gt;" in clipping.html and "&amp;" in clipping.html


# --- other shapes -------------------------------------------------------------------------------

def test_byline_and_dateline() -> None:
    c = fixture("byline_dateline.txt")
    assert c.headline == "Harbour town votes to rebuild its flooded sea wall"
    assert c.byline == "By Marta Okonkwo and Lee Danvers"
    assert c.dateline == "March 3, 2021"
    assert c.captions == ["Fishermen on the quay watch the tide come in over the broken wall. "
                          "(AP Photo/Sam Ellery)"]
    assert "<h2>What happens next</h2>" in c.html
    assert "<ul><li>the quay stays open to boats during the rebuild</li>" in c.html
    body = paragraphs(c)
    assert body[0].startswith("Residents of Port Hallam voted")
    assert body[-1] == "Work is expected to finish before the winter storms of 2022."
    for chrome in ("Share", "Advertisement", "Related stories", "Storm damage bill", "Privacy"):
        assert chrome not in c.text
    assert not c.incomplete


def test_paywall_teaser_is_incomplete() -> None:
    c = fixture("paywall_teaser.txt")
    assert c.headline == "Copper prices jump as smelters cut output"
    assert c.deck == "Supply worries return to the metals market"
    assert c.incomplete
    assert any("paywall" in w for w in c.warnings)
    assert paragraphs(c)[-1].endswith("and that the")
    assert "Subscribe" not in c.text and "Log in" not in c.text


def test_no_chrome() -> None:
    c = fixture("no_chrome.txt")
    assert c.headline == "Library extends its opening hours"
    assert c.deck is None
    assert c.chrome == []
    assert paragraphs(c)[2] == "Longer hours" and "<h2>Longer hours</h2>" in c.html
    assert len(paragraphs(c)) == 5
    assert not c.incomplete and not c.figures


def test_single_paragraph() -> None:
    c = fixture("single_paragraph.txt")
    text = (FIXTURES / "single_paragraph.txt").read_text(encoding="utf-8").strip()
    assert c.text == text
    assert c.html == f"<p>{text}</p>"
    assert c.headline is None and not c.figures and not c.incomplete


def test_paragraph_split_by_inline_elements_is_rejoined() -> None:
    # get_text("\n") puts each text node on a line: the link's edges keep their spaces
    raw = "A story\n\nThe mayor met \nresidents\n on Monday to discuss the new bus routes.\n"
    assert [b.text for b in blocks(normalise(raw))][-1] == (
        "The mayor met residents on Monday to discuss the new bus routes.")


def test_a_paragraph_split_into_many_nodes_is_one_block() -> None:
    raw = "A story\n\nThe council met \n" + " and talked \n" * 300 + " about the bridge.\n"
    paragraph = blocks(normalise(raw))[-1]
    assert paragraph.words == 3 + 2 * 300 + 3
    assert "  " not in paragraph.text and paragraph.text.endswith("talked about the bridge.")


def test_a_bare_credit_joins_the_caption_above_or_is_chrome() -> None:
    c = dump("Bridge reopens after a year of repairs\n\n"
             "The old bridge over the river reopened to traffic on Monday after a year of repairs "
             "that cost the town far more than it had planned to spend.\n\n"
             "Photo: Workers repair the old bridge over the river.\n\nGetty Images\n\n"
             "Engineers said the steel frame had rusted through in places and that the deck had "
             "to be replaced in full before any car could cross again.\n\nReuters\n\n"
             "Shops on both banks said trade had fallen by half while the bridge was shut, and "
             "several owners said they would ask the council for help.\n")
    assert [(f.caption, f.credit) for f in c.figures] == [
        ("Photo: Workers repair the old bridge over the river.", "Getty Images")]
    assert '<small class="credit">Getty Images</small>' in c.html
    assert c.chrome == ["Reuters"]
    assert "Reuters" not in c.text and "Getty Images" not in c.text
    assert len(paragraphs(c)) == 3


def test_normalise_odd_spaces() -> None:
    assert normalise("a\u00a0b\u200bc\u00add\u2009e\r\nf") == "a bcd e\nf"


def test_sprite_lines_are_recognised_generally() -> None:
    assert is_sprite(Block("Logo IconIcon SearchMenu BurgerIcon CloseArrow LeftArrow Right"))
    assert not is_sprite(Block("The iPhone maker and YouTube said on Monday that McDonald's "
                               "would advertise."))


def test_sentences_keep_abbreviations() -> None:
    assert len(sentences("On Dec. 6, Mr. Li met U.S. officials. They talked.")) == 2


@pytest.mark.parametrize("text", [
    "Protesters march past the parliament building in the capital on Sunday.",
    "Firefighters are pictured outside the burning warehouse.",
    "Photo: Workers repair the bridge.",
])
def test_caption_like_sentences(text: str) -> None:
    assert is_caption(text)


@pytest.mark.parametrize("text", [
    "The law takes effect in January.",
    "Officials say the plan will cost more than expected.",
    "It remains unclear who will pay for the repairs.",
    "But the company is sending mixed signals to investors at the meeting.",
    "WASHINGTON (AP) — Lawmakers return to the capital on Monday.",
])
def test_statements_are_not_captions(text: str) -> None:
    assert not is_caption(text)


def test_cookie_banner_line_is_chrome() -> None:
    paragraphs = [
        "The council voted on Tuesday to reopen the harbour after a week of repairs to the wall.",
        "Engineers said the work had gone faster than expected, and ferries resumed at noon.",
        "We use cookies to give you the best experience on our website and to show you ads.",
        "Local traders, who had lost a week of business, welcomed the news from the council.",
        "The ferry company said timetables would be back to normal by the end of the week.",
    ]
    clipping = dump("Harbour reopens after repairs\n\n" + "\n\n".join(paragraphs) + "\n")
    assert "cookies" not in clipping.text
    assert "Local traders" in clipping.text


# --- mechanisms measured on the AEB dumps (bench.textdump) ---------------------------------------

def _story(n: int, topic: str = "harbour") -> list[str]:
    return [f"Paragraph {i} of the {topic} story says the council met on Monday and agreed, "
            "after a long debate, to spend more on the wall than it had planned last year."
            for i in range(n)]


def test_unspaced_script_paragraphs_are_prose() -> None:
    japanese = ["先日、不正に改造した携帯電話を販売したとして、"
                "二十代の男性が逮捕されたというニュースを耳にしました。",
                "報道によると、今回販売されたのは、"
                "いわゆる改造した端末で、非公式のアプリを利用できるものです。",
                "通常、正規のルートで販売された商品をそのまま転売する場合は、"
                "権利の侵害にはなりません。"]
    c = dump("メニュー\n\nホーム\n\n" + "\n\n".join(japanese) + "\n\nお問い合わせ\n")
    assert paragraphs(c) == japanese


def test_short_article_above_reader_comments() -> None:
    article = ("Our goal with these open threads is to give readers a place to raise questions "
               "about our research in the comments below, and we will try to answer them within "
               "a week or so of the thread going up. You can also write to us by email.")
    comments = []
    for name in ("Ann Lee", "Bo Park", "Cy Young"):
        comments += [f"{name} on September 12, 2018 at 4:47 pm said:",
                     " ".join(_story(3, "comment"))]
    c = dump("Open thread\n\n" + article + "\n\nComments\n\n" + "\n\n".join(comments) + "\n")
    assert c.text == article


def test_a_second_copy_of_the_article_is_dropped() -> None:
    story = _story(5)
    c = dump("Harbour wall\n\n" + "\n\n".join(story) + "\n\nMore news\n\nPrint edition\n\n"
             + "\n\n".join(story) + "\n")
    assert paragraphs(c) == story


def test_a_paragraph_said_twice_is_kept() -> None:
    story = _story(4)
    c = dump("Harbour wall\n\n" + "\n\n".join(story + story[:1]) + "\n")
    assert paragraphs(c) == story + story[:1]


def test_a_teaser_list_above_the_article_is_left_out() -> None:
    cards = []
    for title in ("Ford Recalls Pickup Trucks Over Loose Cable", "The Best Vegan Spots In Town",
                  "Union Opens Talks With Carmaker", "Say Cheese? The City's Top Cheese Shops"):
        cards += [title, f"A short blurb about {title.lower()} that tells readers just enough "
                         "to make them click through to the story."]
    story = _story(4, "virus")
    c = dump("Virus death toll rises\n\n" + "\n\n".join(cards) + "\n\nVirus death toll rises\n\n"
             + "\n\n".join(story) + "\n")
    assert paragraphs(c) == story
    assert c.headline == "Virus death toll rises"


def test_small_print_is_not_the_article() -> None:
    legal = ["The information provided on this website is for informational purposes only and is "
             "not intended to diagnose or treat any condition; consult your physician first.",
             "Apple, iPad and iPhone are registered trademarks of Apple Inc. All rights reserved. "
             "Use of this site constitutes acceptance of our terms of use and privacy policy."]
    story = ["The council agreed on Monday to repair the harbour wall before the winter storms.",
             "Work will start next month and should take about six weeks, officials said."]
    c = dump("Harbour wall\n\n" + "\n\n".join(story) + "\n\nRelated Articles\n\nNewsletter\n\n"
             + "\n\n".join(legal) + "\n")
    assert paragraphs(c) == story


def test_headline_is_the_block_the_page_title_repeats() -> None:
    c = dump("Harbour wall to be rebuilt | The Daily Example\n\nMenu\n\nHarbour wall to be rebuilt"
             "\n\nBy\n\nJo Smith\n\nNov 13, 2019, 10:28am EST\n\nAll sharing options\n\n"
             "Share to facebook\n\nPhotograph: Ann Lee/Example Images\n\n"
             + "\n\n".join(_story(3)) + "\n")
    assert c.headline == "Harbour wall to be rebuilt"
    assert c.dateline == "Nov 13, 2019, 10:28am EST"
