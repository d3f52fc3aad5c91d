"""Chrome removal on the cleaner's own copy of the tree: first page-wide, then inside the article.

Everything here is destructive and runs only on the tree the clean stage parsed for itself,
never on ``page.dom``.
"""

from __future__ import annotations

import re

from lxml import etree

from .hints import (
    HEADINGS,
    SPACES,
    class_weight,
    label,
    link_density,
    matches,
    tag_of,
    text_of,
)
from .phrases import pattern
from .sanitize import VOID_DROP

# Never content: removed with everything inside before the article is looked for.
JUNK = frozenset(
    ["script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed",
     "applet", "param", "input", "button", "select", "textarea", "option", "optgroup", "datalist",
     "output", "meta", "link", "base", "title", "svg", "math", "canvas", "video", "audio", "source",
     "track", "map", "area", "dialog", "portal", "nav"]
)
CHROME_ROLES = frozenset({"navigation", "banner", "complementary", "contentinfo", "search",
                          "dialog", "alertdialog", "menu", "menubar", "toolbar", "tablist"})
PROTECTED = frozenset({"html", "body", "article", "main", "a"})
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
COPYRIGHT = re.compile(r"(©|\(c\)|copyright)\s*\S.{0,120}", re.IGNORECASE)
SHORT_BLOCK = 240
CONDITIONAL = ("div", "section", "ul", "ol", "table", "form", "header", "footer", "aside", "dl")


def prune(root: etree._Element) -> list[str]:
    """Remove page chrome outside any article: junk elements, hidden ones, navigation, forms,
    and containers whose class/id says they are not the article. Returns copyright-like lines
    seen in what was removed (they may name the site)."""
    chrome: list[str] = []
    _walk(root, lambda el, tag: tag in JUNK or _hidden(el) or el.get("role") in CHROME_ROLES)
    body = root.find("body")
    page_length = len(text_of(body)) if body is not None else 0

    def unwanted(el: etree._Element, tag: str) -> bool:
        if tag in ("footer", "aside", "header", "form"):
            return _is_page_chrome(el, tag, chrome)
        if tag in PROTECTED or not _unlikely(el) or _holds_article(el, page_length):
            return False
        _note_copyright(el, chrome)
        return True

    _walk(root, unwanted)
    return chrome


def _walk(root: etree._Element, unwanted) -> None:
    """Drop every element ``unwanted(el, tag)`` names, never looking inside a dropped one."""
    stack = [root]
    while stack:
        el = stack.pop()
        for child in list(el):
            tag = tag_of(child)
            if not tag:
                _drop(child)  # a comment or processing instruction
            elif tag in VOID_DROP and len(child) and tag in JUNK:
                child.drop_tag()  # it swallowed its siblings (see VOID_DROP): free them
                stack.append(el)  # and look at this element's children again
                break
            elif unwanted(child, tag):
                _drop(child)
            else:
                stack.append(child)


def strip_inside(container: etree._Element, known: dict[str, str | None]) -> list[str]:
    """Remove in-article chrome (share bars, related lists, prompts, the headline and byline the
    theme shows from metadata). ``known`` holds the masthead texts found earlier."""
    removed: list[str] = []
    total = len(text_of(container))
    for el in list(container.iter(etree.Element)):
        if el is container or _detached(el, container):
            continue
        if tag_of(el) == "h1" or _chrome_class(el, total):
            _drop(el)
    _drop_known(container, known)
    _drop_chrome_blocks(container, removed)
    _clean_conditionally(container)
    _drop_trailing_headings(container)
    return removed


def _chrome_class(el: etree._Element, total: int) -> bool:
    if not matches("html_chrome_class", el) or matches("html_keep_class", el):
        return False
    # Sites also mark the body itself ("content paywall", "layout--adrail"): not chrome.
    return len(text_of(el)) <= total * 0.4


def _is_page_chrome(el: etree._Element, tag: str, chrome: list[str]) -> bool:
    # Some sites wrap the whole page in a <form> (ASP.NET) or the article in <header>: those stay.
    paragraphs = sum(1 for p in el.iter("p") if len(text_of(p)) > 80)
    if paragraphs >= 3:
        return False
    if tag == "footer":
        _note_copyright(el, chrome)
    return True


def _unlikely(el: etree._Element) -> bool:
    if el.get("itemprop") == "articleBody":
        return False
    text = label(el)
    return (bool(text) and pattern("html_unlikely").search(text) is not None
            and pattern("html_maybe").search(text) is None)


def _holds_article(el: etree._Element, page_length: int) -> bool:
    """A wrapper with a chrome-like name ("page-ad-margins") around the whole article."""
    if el.find(".//h1") is not None or el.find(".//article") is not None:
        return True
    if el.find(".//*[@itemprop='articleBody']") is not None:
        return True
    return len(text_of(el)) > page_length * 0.8


def _hidden(el: etree._Element) -> bool:
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    style = el.get("style")
    return bool(style) and HIDDEN_STYLE.search(style) is not None


def _note_copyright(el: etree._Element, chrome: list[str]) -> None:
    if len(chrome) >= 5:
        return
    match = COPYRIGHT.search(SPACES.sub(" ", el.text_content()))
    if match:
        chrome.append(match.group(0).strip())


def _drop_known(container: etree._Element, known: dict[str, str | None]) -> None:
    texts = {SPACES.sub(" ", v).strip().lower() for v in known.values() if v}
    if not texts:
        return
    for el in list(container.iter(etree.Element)):
        if el is container or _detached(el, container):
            continue
        text = text_of(el)
        if text and len(text) < 400 and text.lower() in texts:
            _drop(el)


def _drop_chrome_blocks(container: etree._Element, removed: list[str]) -> None:
    chrome = pattern("html_chrome")
    byline = pattern("html_byline")
    seen_prose = False
    for el in list(container.iter(etree.Element)):
        if el is container or _detached(el, container):
            continue
        tag = tag_of(el)
        if tag not in ("p", "div", "li", "span", "section", "strong", "em", "b", "h2", "h3",
                       "h4", "h5", "h6", "figcaption", "small", "a"):
            continue
        text = text_of(el)
        if not text or any(tag_of(a) == "figure" for a in el.iterancestors()):
            continue  # a figure's credit line is kept for the figure
        if len(text) <= SHORT_BLOCK and chrome.search(text):
            removed.append(text)
            _drop(el)
        elif not seen_prose and len(text) < 120 and byline.search(text) and tag != "a":
            removed.append(text)  # a byline above the first paragraph
            _drop(el)
        elif tag == "p" and len(text) > 120:
            seen_prose = True


def _clean_conditionally(container: etree._Element) -> None:
    """Readability's conditional cleaning: drop blocks that look like lists of links or ads."""
    total = len(text_of(container))
    for el in list(container.iter(*CONDITIONAL)):
        if el is container or _detached(el, container):
            continue
        if _looks_like_chrome(el, total):
            _drop(el)


def _looks_like_chrome(el: etree._Element, total: int) -> bool:
    tag = tag_of(el)
    weight = class_weight(el)
    images = sum(1 for _ in el.iter("img"))
    text = text_of(el)
    density = link_density(el, len(text))
    if len(text) > total * 0.4 and density < 0.5:
        return False  # most of the article: whatever its markup, it is not an aside
    if weight < 0 and not images:
        return True
    if text.count(",") + text.count("，") >= 10:
        return False
    is_list = tag in ("ul", "ol", "dl")
    if tag == "table" and _data_table(el):
        return False
    paragraphs = sum(1 for _ in el.iter("p"))
    items = sum(1 for _ in el.iter("li")) - 100
    in_figure = any(tag_of(a) == "figure" for a in el.iterancestors())
    if images > 1 and paragraphs / images < 0.5 and not in_figure:
        return True
    if not is_list and items > paragraphs:
        return True
    if not is_list and len(text) < 25 and (images == 0 or images > 2) and not in_figure:
        return not any(tag_of(x) in HEADINGS for x in el.iter())
    if weight < 25 and density > (0.5 if is_list else 0.2) and len(text) < 2000:
        return True
    return weight >= 25 and density > 0.5


def _data_table(table: etree._Element) -> bool:
    if table.get("role") == "presentation":
        return False
    if table.find(".//th") is not None or table.find(".//caption") is not None:
        return True
    rows = table.findall(".//tr")
    return len(rows) >= 2 and not table.findall(".//table")


def _drop_trailing_headings(container: etree._Element) -> None:
    # "Related coverage" left as a heading once its list went: a heading with nothing after it.
    while True:
        last = _last_block(container)
        if last is None or tag_of(last) not in HEADINGS:
            return
        _drop(last)


def _last_block(container: etree._Element) -> etree._Element | None:
    for el in reversed(list(container.iter(etree.Element))):
        if el is container or not (el.text or "").strip():
            continue
        for ancestor in el.iterancestors():
            if ancestor is container:
                break
            if tag_of(ancestor) in HEADINGS:
                return ancestor
        return el
    return None


def _detached(el: etree._Element, container: etree._Element) -> bool:
    parent = el.getparent()
    while parent is not None:
        if parent is container:
            return False
        parent = parent.getparent()
    return True


def _drop(el: etree._Element) -> None:
    """Remove an element but keep the text that follows it (its tail)."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail and tail.strip():
        previous = el.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)
