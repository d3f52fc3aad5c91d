"""HTML scrape → Clipping: find the article, strip the chrome, sanitize what is left.

The cleaner works on the read stage's tree (``page.dom``) without changing it: the describe
stage reads <head>, JSON-LD and the visible elements from it afterwards. What the cleaner
removes is recorded in a :class:`~.hints.View` that every step reads the tree through.
"""

from __future__ import annotations

from urllib.parse import urljoin

from bs4 import Tag

from ..model import Clipping, Page
from . import paywall, sites
from .figures import caption_like, collect_figures
from .finder import find_article
from .hints import BLOCK, SPACES, Node, View, attr, collapse_spaces, tag_of
from .masthead import read_masthead
from .sanitize import safe_url, sanitize_children
from .strip import prune, strip_inside

NOT_TEXT = frozenset({"figure", "figcaption", "img", "picture", "script", "style", "noscript",
                      "template", "svg", "button", "select", "textarea"})
# A table row reads as one line: its cells are not blocks of their own.
TEXT_BLOCK = (BLOCK - {"td", "th"}) | {"br"}


def clean_html(page: Page) -> Clipping:
    clipping = Clipping(path=page.path, sha256=page.sha256, kind=page.kind)
    view = View()
    root = _child(page.dom, "html")
    body = _child(root, "body")
    if body is None or not view.text(body):
        clipping.warnings.append(f"{page.path}: the page has no visible text")
        return clipping
    base_url = _base_url(view, root)
    # Subscriber-only parts the page itself names in JSON-LD (often in a "paywall" div) are
    # the article's body when they are there: no chrome rule may remove them.
    for part in paywall.gated_parts(root):
        view.keep(part)
    rule = sites.rule_for(base_url, page.path, clipping.warnings)  # sites.NO_RULE: no-ops
    sites.strip(view, root, rule)
    clipping.site_fields = sites.fields(view, root, rule)
    known = sites.masthead(read_masthead(view, root), clipping.site_fields)
    page_text = collapse_spaces(view.raw_text(body))
    clipping.chrome = prune(view, root)
    found = sites.article(view, root, rule, clipping.warnings, page.path) \
        or find_article(view, body)
    article = found[0] if len(found) == 1 else view.gather(found)
    article_text = view.text(article)
    strip_inside(view, article, known)
    clipping.headline, clipping.deck = known["headline"], known["deck"]
    clipping.byline, clipping.dateline = known["byline"], known["dateline"]
    clipping.figures = collect_figures(view, article, base_url)
    blocks = text_blocks(view, article)
    clipping.text = "\n\n".join(blocks)
    clipping.html = sanitize_children(article, base_url, view)
    if paywall.html_teaser(view, root, article_text, blocks, page_text):
        clipping.incomplete = True
        clipping.warnings.append(f"{page.path}: {paywall.WARNING}")
    if not blocks:
        clipping.warnings.append(f"{page.path}: no article text found")
    return clipping


def text_blocks(view: View, container: Node) -> list[str]:
    """The visible prose of a container, one string per block, captions left out."""
    blocks: list[str] = []
    buffer: list[str] = []
    _walk(view, container, blocks, buffer)
    _flush(blocks, buffer)
    return blocks


def _walk(view: View, el: Node, blocks: list[str], buffer: list[str]) -> None:
    tag = tag_of(el)
    block = tag in TEXT_BLOCK
    if block:
        _flush(blocks, buffer)
    if tag in ("td", "th"):
        buffer.append(" ")
    for node in view.nodes(el):
        if isinstance(node, str):
            buffer.append(node)
        elif node.name not in NOT_TEXT and not caption_like(node):
            _walk(view, node, blocks, buffer)
    if block:
        _flush(blocks, buffer)


def _flush(blocks: list[str], buffer: list[str]) -> None:
    text = SPACES.sub(" ", "".join(buffer)).strip()
    buffer.clear()
    if text:
        blocks.append(text)


def _child(parent: Tag | None, name: str) -> Tag | None:
    if parent is None:
        return None
    return next((el for el in parent.children if isinstance(el, Tag) and el.name == name), None)


def _base_url(view: View, root: Tag) -> str | None:
    """Where relative links point: <base href>, else the canonical URL, else og:url."""
    found, base = [], []
    for el in view.iter(root, ("link", "meta", "base")):
        if el.name == "link" and attr(el, "rel") == "canonical" and el.get("href") is not None:
            found.append(el.get("href"))
        elif el.name == "meta" and el.get("property") == "og:url" \
                and el.get("content") is not None:
            found.append(el.get("content"))
        elif el.name == "base" and el.get("href") is not None:
            base.append(el.get("href"))
    page_url = next((u for u in (safe_url(f.strip()) for f in found) if u), None)
    if base:
        resolved = safe_url(base[0].strip()) or (
            safe_url(urljoin(page_url, base[0].strip())) if page_url else None)
        if resolved:
            return resolved
    return page_url

