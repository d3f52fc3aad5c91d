"""The lean tree builder must build exactly the tree bs4's own lxml builder builds.

Every node's attributes are compared, with links to other nodes (parent, siblings, elements
before and after) compared by position in document order, so a wrong link fails as surely as a
wrong name or string.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import bs4
import pytest
from bs4 import BeautifulSoup
from bs4.element import PageElement
from clippings.read.builder import VERIFIED, LeanLXMLTreeBuilder, tree_builder
from clippings.read.html import MAX_DEPTH, parse_html

TESTS = Path(__file__).resolve().parent
SHARED = TESTS.parents[1] / "shared"
CORPUS = SHARED / "corpus"

EDGE_CASES = {
    "plain": "<html><head><title>T</title></head><body><p>One <b>two</b> three</p></body></html>",
    "fragment": "<p>loose text<p>second paragraph, unclosed<div>block",
    "whitespace": "<body>\n  <div>  <span> </span>\n\n<pre>  keep\n  this </pre>  </div></body>",
    "textarea": "<textarea>  a\n b  </textarea><p> after </p>",
    "classes": '<p class=" a  b\tc " id="x y" rel="nofollow noopener">x</p><a rel="a b">y</a>',
    "duplicate attributes": '<p class="a" class="b" data-x=1 data-x=2>x</p>',
    "entities": "<p>caf&eacute; &amp; &lt;tag&gt; &#x263A; &nbsp;</p>",
    "meta charset": '<head><meta charset="latin-1"><meta http-equiv="Content-Type" '
                    'content="text/html; charset=utf-8"></head><p>x</p>',
    "svg and math": '<p>a<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink='
                    '"http://www.w3.org/1999/xlink"><use xlink:href="#i"/><title>t</title>'
                    '</svg><math><mi>x</mi></math>b</p>',
    "namespaced tag": "<p>a<o:p>office</o:p><fb:like></fb:like>b</p>",
    "script and style": "<script>if (a < b) { x = '</p>'; }</script><style>p{}</style>"
                        '<script type="application/ld+json">{"a": 1}</script><p>t</p>',
    "template and noscript": "<template><p>t</p></template><noscript><img src=x></noscript>",
    "comments and doctype": "<!DOCTYPE html><!-- c --><html><body><!--[if IE]>x<![endif]-->"
                            "<p>t</p><?php echo 1 ?></body></html>",
    "cdata": "<p><![CDATA[ raw ]]>text</p>",
    "misnested": "<b><i>one</b> two</i><table><tr><td>c<p>p</table><ul><li>a<li>b</ul>",
    "stray end tags": "</div></p><p>x</span></p></body></html><p>after the end</p>",
    "void elements": "<p>a<br>b<br/>c<hr><img src=a.png alt='x'><input value=1></p>",
    "uppercase": "<DIV CLASS='Big'><P>Upper</P></DIV>",
    "attributes without values": "<input disabled checked><p hidden>x</p>",
    "empty": "",
    "only text": "just some words",
    "deep": "<div>" * 300 + "deep text" + "</div>" * 300,
    "control characters": "<p>a\x0bb\x0cc</p>",
}


def _node_attributes(node: PageElement, index: dict[int, int]) -> dict:
    """A node's attributes, with other nodes named by their place in document order."""
    described = {}
    for key, value in vars(node).items():
        if key == "builder":  # the document's builder: the one thing meant to differ
            continue
        if isinstance(value, PageElement):
            value = ("node", index.get(id(value)))
        elif isinstance(value, list) and any(isinstance(v, PageElement) for v in value):
            value = [("node", index.get(id(child))) for child in value]  # contents, tagStack
        elif key == "parser_class":
            value = value.__name__
        described[key] = value
    return described


def _describe(soup: BeautifulSoup) -> list[tuple]:
    nodes = [soup, *soup.descendants]
    index = {id(node): position for position, node in enumerate(nodes)}
    return [(type(node).__name__, str(node) if isinstance(node, str) else node.name,
             _node_attributes(node, index)) for node in nodes]


def assert_same_tree(text: str) -> None:
    stock = BeautifulSoup(text, "lxml")
    lean = BeautifulSoup(text, builder=LeanLXMLTreeBuilder())
    assert _describe(lean) == _describe(stock)
    assert lean.decode() == stock.decode()


@pytest.mark.parametrize("name", sorted(EDGE_CASES))
def test_edge_cases_build_the_same_tree(name: str) -> None:
    assert_same_tree(EDGE_CASES[name])


def _fixture_pages() -> list[Path]:
    return sorted(path for path in (TESTS / "fixtures").rglob("*")
                  if path.suffix.lower() in (".html", ".htm"))


@pytest.mark.parametrize("path", _fixture_pages(), ids=lambda p: p.relative_to(TESTS).as_posix())
def test_fixture_pages_build_the_same_tree(path: Path) -> None:
    assert_same_tree(path.read_bytes().decode("utf-8", errors="replace"))


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent: corpus pages skipped")
def test_every_corpus_page_builds_the_same_tree() -> None:
    pages = sorted((CORPUS / "aeb" / "html").glob("*.html.gz"))
    pages += sorted((CORPUS / "readability").glob("*/source.html"))
    assert len(pages) > 200
    for path in pages:
        raw = path.read_bytes()
        text = (gzip.decompress(raw) if path.suffix == ".gz" else raw).decode("utf-8", "replace")
        assert_same_tree(text)


def test_the_lean_builder_is_used_only_on_the_verified_bs4_line(
        monkeypatch: pytest.MonkeyPatch) -> None:
    assert isinstance(tree_builder(), LeanLXMLTreeBuilder) == bs4.__version__.startswith(VERIFIED)
    monkeypatch.setattr(bs4, "__version__", "99.0.0")
    assert not isinstance(tree_builder(), LeanLXMLTreeBuilder)


@pytest.mark.parametrize("lean", [True, False])
def test_deep_pages_are_flattened_with_either_builder(lean: bool,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    if not lean:
        monkeypatch.setattr(bs4, "__version__", "99.0.0")
    warnings: list[str] = []
    soup = parse_html("<div>" * (MAX_DEPTH + 50) + "deep text" + "</div>" * (MAX_DEPTH + 50),
                      "deep.html", warnings)
    assert "deep text" in soup.get_text()
    assert warnings and "deep.html" in warnings[0]
