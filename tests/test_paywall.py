"""Teaser and paywall flags: honest both ways (a complete article with subscription chrome is
not flagged; a teaser is), on HTML pages and text dumps alike."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from clippings.clean import clean
from clippings.clean.paywall import WARNING, ends_mid_sentence, firm_prompt, teaser
from clippings.cli import extract_record
from clippings.model import Clipping
from clippings.read import read_bytes, read_path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests/fixtures/paywall"
SAMPLE = ROOT / "content/scraped/nikkei-asian-review/china-inching-toward-detente-with-japan.txt"
AEB = ROOT.parent / "shared" / "corpus" / "aeb"


def fixture(name: str) -> Clipping:
    return clean(read_path(FIXTURES / name))


def flagged(clipping: Clipping) -> bool:
    warned = any(WARNING in w for w in clipping.warnings)
    assert warned == clipping.incomplete  # the flag and the warning always go together
    return clipping.incomplete


# --- HTML pages ---------------------------------------------------------------------------------

def test_complete_article_with_subscribe_chrome_and_meter_is_not_flagged() -> None:
    c = fixture("full_with_subscribe_footer.html")
    assert c.text.endswith("well over its budget.")
    assert not flagged(c)


def test_short_article_with_comment_login_is_not_flagged() -> None:
    assert not flagged(fixture("short_with_comment_login.html"))


def test_firm_prompt_closing_a_short_article_is_flagged() -> None:
    c = fixture("closing_prompt.html")
    assert flagged(c)
    assert "Subscribe" not in c.text and c.text.startswith("The city council voted")


def test_declared_paywalled_part_that_is_not_served_is_flagged() -> None:
    assert flagged(fixture("gated_missing.html"))


def test_declared_paywalled_part_that_is_served_and_kept_is_not_flagged() -> None:
    c = fixture("gated_present.html")
    assert "delay the opening of a new plant" in c.text
    assert not flagged(c)


def test_a_long_article_cut_mid_sentence_with_no_prompt_is_not_flagged() -> None:
    paragraph = ("<p>The committee heard evidence from engineers, residents and the company "
                 "that runs the line, and it will report to the minister before the summer.</p>")
    c = clean(read_bytes((f"<html><body><article><h1>Rail inquiry</h1>{paragraph * 12}"
                          "<p>Its chair said the evidence so far pointed to years of neglect "
                          "of the signals and that the</p></article></body></html>").encode(),
                         "page.html"))
    assert c.text.endswith("and that the")
    assert not flagged(c)


# --- text dumps ---------------------------------------------------------------------------------

def test_text_teaser_trailing_off_before_a_prompt_is_flagged() -> None:
    c = fixture("teaser.txt")
    assert flagged(c)
    assert c.text.endswith("more than a century ago...")
    assert "subscribe" not in c.text.lower()


def test_complete_text_followed_by_paywall_chrome_is_not_flagged() -> None:
    c = fixture("complete_with_chrome.txt")
    assert c.text.endswith("for those on low incomes.")
    assert not flagged(c)


def test_sample_dump_is_not_flagged() -> None:
    assert not flagged(clean(read_path(SAMPLE)))


def test_extract_prints_the_warning() -> None:
    record = extract_record(fixture("teaser.txt"))
    assert any(WARNING in w for w in record["warnings"])


# --- the pieces ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Traders said the rally could run further if stocks keep falling, but analysts warned that the",
    "The companies had asked for more, arguing that years of low prices had left them short...",
    "The board met on Monday and agreed, after a long debate about the costs of the plan,",
])
def test_ends_mid_sentence(text: str) -> None:
    assert ends_mid_sentence(text)


@pytest.mark.parametrize("text", [
    "The board met on Monday and agreed to the plan after a long debate about its costs.",
    "were deported by the authorities for entering the country without papers last month. PTI",
    "The app bundle delivers over forty apps from just one dollar each https://t.co/x by @editor",
    "Read more",
])
def test_does_not_end_mid_sentence(text: str) -> None:
    assert not ends_mid_sentence(text)


def test_a_prompt_alone_never_flags_a_long_text() -> None:
    long_text = ["The council met on Monday to discuss the plan for the harbour. " * 30]
    assert not teaser(long_text, ["Subscribe to continue reading"])
    assert teaser(["The council met on Monday."], ["Subscribe to continue reading"])


@pytest.mark.parametrize("text, firm", [
    ("Subscribe to continue reading", True),
    ("This article is for subscribers only.", True),
    ("To Read the Full Story Subscribe Sign In", True),
    ("You have reached your limit of free articles this month", True),
    ("Subscribe to our newsletter", False),
    ("Already have an account? Sign in", False),
    ("Support independent journalism", False),
])
def test_firm_prompts(text: str, firm: bool) -> None:
    assert bool(firm_prompt(text)) == firm


# --- real pages (read in place from ../shared) ----------------------------------------------------

@pytest.mark.skipif(not AEB.exists(), reason="../shared/corpus/aeb is not here")
@pytest.mark.parametrize("prefix, expected", [
    ("7ab16ade", True),   # a teaser: two paragraphs trailing off, "To Read the Full Story"
    ("042bb7b5", True),   # a teaser: "All...", a paywalled part declared and not served
    ("2f42ef1d", False),  # declares a paywalled part, serves the whole article
    ("5f9c5ed5", False),  # ends on an agency signature, a "subscribe to" box follows
    ("ad826691", False),  # ends on an embedded post, a newsletter box follows
])
def test_real_pages(prefix: str, expected: bool) -> None:
    path = next((AEB / "html").glob(f"{prefix}*.html.gz"))
    page = read_bytes(gzip.decompress(path.read_bytes()), path.name.removesuffix(".gz"))
    assert flagged(clean(page)) == expected


def test_declared_paywalled_part_is_kept_even_when_its_class_says_paywall() -> None:
    # Dow Jones pages serve the whole article inside div.paywall and name it in JSON-LD.
    page = (FIXTURES / "gated_present.html").read_bytes().replace(b"locked-body", b"paywall")
    c = clean(read_bytes(page, "gated_in_paywall_class.html"))
    assert "delay the opening of a new plant" in c.text
    assert not flagged(c)
