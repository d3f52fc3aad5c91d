"""Per-site rules as data (clean/sites/): the file format, host matching, and each rule file at
work on a fixture page shaped like its site's markup (tests/fixtures/sites/<host>.html)."""

from __future__ import annotations

from pathlib import Path

import pytest
from clippings.clean import clean, sites
from clippings.clean.sites.match import candidates, find
from clippings.clean.sites.rules import RuleError, parse
from clippings.pipeline import extract_bytes, extract_path
from clippings.read import read_bytes

FIXTURES = Path(__file__).parent / "fixtures" / "sites"
RULE_FILES = sorted(p for p in sites.DIRECTORY.iterdir() if p.suffix == ".txt")

PAGE = """<html><head><title>{title}</title>
<link rel="canonical" href="https://{host}/2020/01/story.html">
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "What JSON-LD says",
 "datePublished": "2020-01-01", "author": {{"@type": "Person", "name": "Lee Marsh"}}}}</script>
</head><body>
<div class="story"><h2 class="kicker">Town news</h2>
<p>The council met on Tuesday night and voted to repair the old footbridge over the canal,
which has been closed since the floods in the spring, at a cost of two hundred thousand.</p>
<p>Work starts in May, the mayor said, and should be finished before the autumn fair.</p>
<div class="promo-box"><p>Sign up for our newsletter and never miss a story from the town.</p></div>
<aside class="extra-bits"><p>Also read: the history of the canal and its bridges.</p></aside>
</div>
<div class="teaser-col"><p>Another story entirely, about the bakery on the corner that has
sold bread for ninety years to three generations of the same families in town.</p>
<p>The baker says the secret is patience, a cold cellar and flour from the mill upriver.</p></div>
<div class="meta"><span class="who">Kim Lindqvist</span><span class="when">March 3, 2020</span>
<p class="dek">Repairs start in May</p><p class="hed">Council votes to mend footbridge</p></div>
</body></html>"""


def page_bytes(host: str = "www.example.com", title: str = "Story") -> bytes:
    return PAGE.format(host=host, title=title).encode("utf-8")


@pytest.fixture
def rules_dir(tmp_path, monkeypatch):
    """An empty rule folder in place of the package's: write <host>.txt files into it."""
    folder = tmp_path / "rules"
    folder.mkdir()
    monkeypatch.setattr(sites, "DIRECTORY", folder)
    return folder


def clip(rules: Path, rule: str, host: str = "example.com"):
    (rules / f"{host}.txt").write_text(rule, encoding="utf-8")
    return clean(read_bytes(page_bytes(), "story.html"))


# --- the rule files shipped -------------------------------------------------------------------

@pytest.mark.parametrize("path", RULE_FILES, ids=lambda p: p.name)
def test_every_rule_file_parses_and_has_a_fixture(path):
    rule = sites.rules.read(path)
    assert rule.body or rule.strip or rule.strip_id_or_class or rule.title
    assert (FIXTURES / f"{path.stem}.html").is_file(), f"no fixture page for {path.name}"


def test_quotes_site_keeps_the_post_and_leaves_out_the_related_excerpts():
    clipping = extract_path(FIXTURES / "mensagensreflexao.com.br.html", entities=False)
    assert clipping.text == (
        "A felicidade mora nas coisas simples: no café passado devagar, na conversa sem pressa, "
        "no abraço de quem chega de longe. Quem aprende a notar esses momentos descobre que a "
        "vida, mesmo nos dias difíceis, guarda presentes escondidos em cada esquina. Não é "
        "preciso esperar grandes conquistas para agradecer; basta abrir os olhos para o que já "
        "está diante de nós.")
    assert clipping.title == "Pequenas Alegrias"
    assert not [w for w in clipping.warnings if "site rule" in w]


def test_a_rule_body_still_goes_through_the_sanitizer():
    # The post the rule picks holds a <script> mid-paragraph and an <img onerror>.
    clipping = extract_path(FIXTURES / "mensagensreflexao.com.br.html", entities=False)
    for bad in ("<script", "onerror", "alert(", "document.write", "javascript:", "oferta"):
        assert bad not in clipping.html
    assert "oferta" not in clipping.text


def test_news_site_hover_cards_do_not_run_into_the_sentence():
    clipping = extract_path(FIXTURES / "thehill.com.html", entities=False)
    first, _, third, _ = clipping.text.split("\n\n")
    assert first.startswith("Sen. Jane Roe (D-Ore.) on Wednesday accused her colleagues")
    assert third.startswith("John Doe (R-Idaho) said the cost estimates")
    for card in ("Roe unveils water plan", "farm bill talks", "MORE"):
        assert card not in clipping.text and card not in clipping.html
    assert clipping.authors == ["Pat Example"]


# --- matching ---------------------------------------------------------------------------------

def test_candidates_go_from_exact_host_to_wildcard_parents():
    assert candidates("www.news.example.com") == [
        "www.news.example.com.txt", "news.example.com.txt", ".news.example.com.txt",
        ".example.com.txt"]
    assert candidates("example.com") == ["example.com.txt"]  # never ".com.txt"


@pytest.mark.parametrize(("url", "expected"), [
    ("https://www.example.com/a", "www.example.com.txt"),
    ("https://example.com/a", "example.com.txt"),
    ("http://WWW.Example.Com:8080/a", "www.example.com.txt"),
    ("https://www.example.org/a", "example.org.txt"),
    ("https://news.example.net/a", ".example.net.txt"),
    ("https://a.b.example.net/a", ".b.example.net.txt"),
    ("https://x.example.net/a", ".example.net.txt"),
    ("https://example.net/a", None),  # a wildcard covers subdomains only
    ("https://notexample.com/a", None),
    ("ftp://example.com/a", None),
    ("/relative/only", None),
    (None, None),
])
def test_find_matches_like_ftr_site_config(tmp_path, url, expected):
    for name in ("www.example.com.txt", "example.com.txt", "example.org.txt",
                 ".example.net.txt", ".b.example.net.txt", "readme.md"):
        (tmp_path / name).write_text("", encoding="utf-8")
    found = find(url, tmp_path)
    assert (found.name if found else None) == expected


# --- the file format --------------------------------------------------------------------------

def test_parse_keeps_every_line_of_a_key_in_order():
    rule = parse("# a comment\n\nbody: .a\nBODY : .b\nstrip: .x\nstrip: .y\n"
                 "strip_id_or_class: promo\ntitle: h1\n", "example.com.txt")
    assert [s.pattern for s in rule.body] == [".a", ".b"]
    assert [s.pattern for s in rule.strip] == [".x", ".y"]
    assert rule.strip_id_or_class == ("promo",)
    assert rule.name == "example.com.txt"


@pytest.mark.parametrize(("text", "message"), [
    ("body: .a\nnext_page_link: //a\n", "line 2: unknown key 'next_page_link'"),
    ("body: //div[@class='x']\n", "line 1: \"//div[@class='x']\" is not a CSS selector"),
    ("strip: p:has(\n", "line 1: 'p:has(' is not a CSS selector"),
    ("title h1\n", "line 1: expected 'key: value'"),
    ("strip:\n", "line 1: 'strip' has no value"),
])
def test_bad_lines_are_refused_with_the_file_and_line(text, message):
    with pytest.raises(RuleError) as raised:
        parse(text, "example.com.txt")
    assert str(raised.value).startswith("site rule example.com.txt, ")
    assert message in str(raised.value)


def test_a_bad_rule_file_is_ignored_with_a_warning_and_never_stops_a_build(rules_dir):
    (rules_dir / "example.com.txt").write_text("body: .teaser-col\nwibble: yes\n",
                                               encoding="utf-8")
    clipping = extract_bytes(page_bytes(), "story.html", entities=False)
    assert any("site rule example.com.txt, line 2: unknown key 'wibble'" in w
               and "ignored" in w and w.startswith("story.html: ")
               for w in clipping.warnings), clipping.warnings
    assert "footbridge" in clipping.text  # the general finder, not the rule's body


def test_an_unreadable_rule_file_is_reported_too(rules_dir):
    (rules_dir / "example.com.txt").write_bytes(b"body: \xff\xfe.story\n")
    clipping = clean(read_bytes(page_bytes(), "story.html"))
    assert any("example.com.txt: cannot be read" in w for w in clipping.warnings)
    assert "footbridge" in clipping.text


# --- a rule at work ---------------------------------------------------------------------------

def test_body_rule_picks_the_container_instead_of_the_finder(rules_dir):
    clipping = clip(rules_dir, "body: .teaser-col\n")
    assert clipping.text.startswith("Another story entirely, about the bakery")
    assert "footbridge" not in clipping.text


def test_body_lines_are_tried_in_order(rules_dir):
    clipping = clip(rules_dir, "body: .no-such-thing\nbody: .teaser-col\nbody: .story\n")
    assert clipping.text.startswith("Another story entirely")
    assert not [w for w in clipping.warnings if "site rule" in w]


def test_several_matches_of_one_body_line_are_all_kept_in_page_order(rules_dir):
    clipping = clip(rules_dir, "body: .teaser-col p, .story > p\n")
    starts = [block[:12] for block in clipping.text.split("\n\n")]
    assert starts == ["The council ", "Work starts ", "Another stor", "The baker sa"]


def test_a_body_rule_that_matches_nothing_falls_back_with_a_warning(rules_dir):
    clipping = clip(rules_dir, "body: .no-such-thing\n")
    assert "footbridge" in clipping.text
    assert any("site rule example.com.txt: the body selector matched nothing" in w
               for w in clipping.warnings), clipping.warnings


def test_in_article_chrome_is_still_stripped_inside_a_rule_body(rules_dir):
    clipping = clip(rules_dir, "body: .story\n")
    assert "footbridge" in clipping.text
    assert "Sign up for our newsletter" not in clipping.text


def test_strip_rules_remove_elements_without_touching_the_tree(rules_dir):
    (rules_dir / "example.com.txt").write_text(
        "body: .story\nstrip: .kicker\nstrip_id_or_class: extra-b\n", encoding="utf-8")
    page = read_bytes(page_bytes(), "story.html")
    before = str(page.dom)
    clipping = clean(page)
    assert "Town news" not in clipping.text
    assert "history of the canal" not in clipping.text
    assert "Work starts in May" in clipping.text
    assert str(page.dom) == before  # the View recorded the removals; describe reads page.dom


def test_rule_fields_outrank_json_ld(rules_dir):
    (rules_dir / "example.com.txt").write_text(
        "title: .missing\ntitle: .hed\nsubtitle: .dek\nauthor: .who\ndate: .when\n",
        encoding="utf-8")
    clipping = extract_bytes(page_bytes(), "story.html", entities=False)
    assert clipping.title == "Council votes to mend footbridge"
    assert clipping.subtitle == "Repairs start in May"
    assert clipping.authors == ["Kim Lindqvist"]
    assert clipping.date == "2020-03-03"


def test_without_a_rule_json_ld_still_decides(rules_dir):
    clipping = extract_bytes(page_bytes(host="elsewhere.org"), "story.html", entities=False)
    assert clipping.site_fields == {}
    assert clipping.title == "What JSON-LD says"
    assert clipping.authors == ["Lee Marsh"]


def test_a_body_rule_matching_only_page_chrome_falls_back_and_says_so(rules_dir):
    # The page-wide prune runs first (junk, hidden, asides): a rule chooses among what is left.
    clipping = clip(rules_dir, "body: aside.extra-bits\n")
    assert "footbridge" in clipping.text
    assert any("only matched elements removed as chrome" in w for w in clipping.warnings)
