"""HTML scrape → Clipping: find the article, strip the chrome, sanitize what is left.

The cleaner parses ``page.text`` again with lxml into a tree of its own (fast, and safe to cut
up), so ``page.dom`` is never touched: the describe stage still reads <head>, JSON-LD and the
visible elements from it.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

import lxml.html
from lxml import etree

from ..model import Clipping, Page
from .figures import caption_like, collect_figures
from .finder import find_article
from .hints import BLOCK, SPACES, tag_of, text_of
from .masthead import read_masthead
from .phrases import pattern
from .sanitize import safe_url, sanitize_children
from .strip import prune, strip_inside

XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
NOT_TEXT = frozenset({"figure", "figcaption", "img", "picture", "script", "style", "noscript",
                      "template", "svg", "button", "select", "textarea"})
# A table row reads as one line: its cells are not blocks of their own.
TEXT_BLOCK = (BLOCK - {"td", "th"}) | {"br"}
SENTENCE_END = re.compile(r"[.!?。！？…\"”’»)\]:]\s*$")


def clean_html(page: Page) -> Clipping:
    clipping = Clipping(path=page.path, sha256=page.sha256, kind=page.kind)
    root = _parse(page)
    body = root.find("body") if root is not None else None
    if body is None or not text_of(body):
        clipping.warnings.append(f"{page.path}: the page has no visible text")
        return clipping
    base_url = _base_url(root)
    known = read_masthead(root)
    page_text = SPACES.sub(" ", body.text_content())
    clipping.chrome = prune(root)
    article = _gather(find_article(body))
    article_text = text_of(article)
    strip_inside(article, known)
    clipping.headline, clipping.deck = known["headline"], known["deck"]
    clipping.byline, clipping.dateline = known["byline"], known["dateline"]
    clipping.figures = collect_figures(article, base_url)
    blocks = text_blocks(article)
    clipping.text = "\n\n".join(blocks)
    clipping.html = sanitize_children(article, base_url)
    if _cut_short(article_text, page_text, blocks):
        clipping.incomplete = True
        clipping.warnings.append(f"{page.path}: looks like a teaser or paywalled page; "
                                 "the article may be cut short")
    if not blocks:
        clipping.warnings.append(f"{page.path}: no article text found")
    return clipping


def text_blocks(container: etree._Element) -> list[str]:
    """The visible prose of a container, one string per block, captions left out."""
    blocks: list[str] = []
    buffer: list[str] = []
    _walk(container, blocks, buffer)
    _flush(blocks, buffer)
    return blocks


def _walk(el: etree._Element, blocks: list[str], buffer: list[str]) -> None:
    tag = tag_of(el)
    block = tag in TEXT_BLOCK
    if block:
        _flush(blocks, buffer)
    if tag in ("td", "th"):
        buffer.append(" ")
    if el.text:
        buffer.append(el.text)
    for child in el:
        if isinstance(child.tag, str) and tag_of(child) not in NOT_TEXT \
                and not caption_like(child):
            _walk(child, blocks, buffer)
        if child.tail:
            buffer.append(child.tail)
    if block:
        _flush(blocks, buffer)


def _flush(blocks: list[str], buffer: list[str]) -> None:
    text = SPACES.sub(" ", "".join(buffer)).strip()
    buffer.clear()
    if text:
        blocks.append(text)


def _parse(page: Page) -> etree._Element | None:
    root, truncated = _lxml(XML_DECLARATION.sub("", page.text, count=1))
    if (root is None or truncated) and page.dom is not None:
        # libxml2 stops at 256 levels and drops the rest; the read stage's tree was flattened
        # below that depth without losing text, so it is parsed again in its stead.
        root, _ = _lxml(str(page.dom))
    return root


def _lxml(text: str) -> tuple[etree._Element | None, bool]:
    """(root, truncated): truncated when libxml2 gave up on the nesting depth."""
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError):
        return None, False
    return root, any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log)


def _base_url(root: etree._Element) -> str | None:
    """Where relative links point: <base href>, else the canonical URL, else og:url."""
    found = root.xpath("//link[@rel='canonical']/@href | //meta[@property='og:url']/@content")
    page_url = next((u for u in (safe_url(f.strip()) for f in found) if u), None)
    base = root.xpath("//base/@href")
    if base:
        resolved = safe_url(base[0].strip()) or (
            safe_url(urljoin(page_url, base[0].strip())) if page_url else None)
        if resolved:
            return resolved
    return page_url


def _gather(elements: list[etree._Element]) -> etree._Element:
    """One container for the chosen element(s): the element itself, or a new <div> of them."""
    if len(elements) == 1:
        return elements[0]
    container = lxml.html.Element("div")
    for el in elements:
        tail, el.tail = el.tail, None
        container.append(el)  # moves it out of the (private) page tree
        if tail and tail.strip():
            el.tail = tail
    return container


def _cut_short(article_text: str, page_text: str, blocks: list[str]) -> bool:
    """A paywall or teaser page: a "subscribe to continue reading" prompt inside the article, or
    an article that stops mid-sentence on a page that shows such a prompt."""
    paywall = pattern("html_paywall")
    if paywall.search(article_text):
        return True
    if not blocks or SENTENCE_END.search(blocks[-1]):
        return False
    return paywall.search(page_text) is not None
