"""Chrome removal: first page-wide, then inside the article.

Nothing is cut from ``page.dom`` (the describe stage reads it later): removals are recorded in the
cleaner's :class:`~.hints.View`, which every later walk goes through.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import takewhile

from bs4 import Tag

from .hints import (
    HEADINGS,
    SPACES,
    Node,
    View,
    class_weight,
    hinted,
    label,
    matches,
    tag_of,
    without_modifiers,
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
LEAD_INS = ("h2", "h3", "h4", "h5", "h6", "p", "div", "span", "strong", "b", "li", "header")
CARD_HOLDERS = ("span", "div", "aside", "section", "ul")
URL_TEXT = re.compile(r"://|\bwww\.", re.IGNORECASE)  # a cited source, shown as its address
LEAD_IN_END = re.compile(r"[\s.:…»›>!|/-]+$")
CONDITIONAL = ("div", "section", "ul", "ol", "table", "form", "header", "footer", "aside", "dl")
CHROME_BLOCKS = ("p", "div", "li", "span", "section", "strong", "em", "b", "h2", "h3", "h4", "h5",
                 "h6", "figcaption", "small", "a")


def prune(view: View, root: Node) -> list[str]:
    """Remove page chrome outside any article: junk elements, hidden ones, navigation, forms,
    and containers whose class/id says they are not the article. Returns copyright-like lines
    seen in what was removed (they may name the site)."""
    chrome: list[str] = []
    _walk(view, root, _junk)
    body = next((el for el in view.kids(root) if el.name == "body"), None)
    page_length = len(view.text(body)) if body is not None else 0

    def unwanted(el: Tag, tag: str) -> bool:
        if tag in ("footer", "aside", "header", "form"):
            return _is_page_chrome(view, el, tag, chrome)
        if tag in PROTECTED or not _unlikely(el) or _holds_article(view, el, page_length):
            return False
        _note_copyright(view, el, chrome)
        return True

    _walk(view, root, unwanted)
    if body is not None:
        _drop_related_sections(view, body)
    return chrome


def _drop_related_sections(view: View, body: Tag) -> None:
    """A "You may also like" lead-in and the teasers after it in its container. The lead-in is
    a short block whose whole text says so; what follows goes too unless it is prose."""
    for el in list(view.below(body, LEAD_INS)):
        text = view.text(el)
        if not text or len(text) > 60 or not _lead_in(text) or not view.within(el, body):
            continue
        while (parent := view.parent(el)) is not None and parent is not body \
                and view.text(parent) == text:
            el = parent  # the lead-in's wrappers, up to the container of the list
        after = _section_after(view, el)
        if any(_prose(view, sibling) or _holds_headline(view, sibling) for sibling in after):
            after = list(takewhile(lambda sibling: _all_links(view, sibling), after))
        for sibling in [el, *after]:
            view.drop(sibling)


@lru_cache(maxsize=4096)
def _lead_in(text: str) -> bool:
    """Whether a short text says that related stories follow ("More on this", "Read next:")."""
    return pattern("html_related").fullmatch(LEAD_IN_END.sub("", text)) is not None


def _all_links(view: View, el: Tag) -> bool:
    """A block that is only a link or links (a teaser headline), images aside."""
    text = view.text(el)
    return bool(text) and view.link_density(el, len(text)) >= 0.9


def _section_after(view: View, lead_in: Tag) -> list[Tag]:
    """What follows a lead-in in its container; after a heading, up to the next heading of
    the same or a higher level (a "See also" section ends where "References" begins)."""
    parent = view.parent(lead_in)
    if parent is None:
        return []
    kids = view.kids(parent)
    after = kids[kids.index(lead_in) + 1:]
    level = _heading_level(view, lead_in)
    if level is None:
        return after
    for index, sibling in enumerate(after):
        found = _heading_level(view, sibling)
        if found is not None and found <= level:
            return after[:index]
    return after


def _heading_level(view: View, el: Tag) -> int | None:
    """The level of a heading, or of a block that is only a heading (a teaser that holds its
    own headline is not a heading)."""
    heading = el if el.name in HEADINGS else next(view.below(el, HEADINGS), None)
    if heading is None or (heading is not el and view.text(heading) != view.text(el)):
        return None
    return int(heading.name[1])


def _prose(view: View, el: Tag) -> bool:
    """Paragraphs of the article, not teasers: one long paragraph on its own, or two or more
    inside one element (a teaser has one summary at most)."""
    long_paragraphs = 0
    for inner in view.iter(el, ("p",)):
        text = view.text(inner)
        if len(text) > 150 and view.link_density(inner, len(text)) < 0.2:
            long_paragraphs += 1
            if inner is el or long_paragraphs >= 2:
                return True
    return False


def _holds_headline(view: View, el: Tag) -> bool:
    return any(inner.name == "h1" or inner.get("itemprop") == "articleBody"
               for inner in view.iter(el))


def _walk(view: View, root: Node, unwanted) -> None:
    """Drop every element ``unwanted(el, tag)`` names, never looking inside a dropped one."""
    stack = [root]
    while stack:
        el = stack.pop()
        for child in view.kids(el):
            tag = child.name
            if tag in VOID_DROP and tag in JUNK and view.kids(child):
                view.unwrap(child)  # it swallowed its siblings (see VOID_DROP): free them
                stack.append(el)  # and look at this element's children again
                break
            if unwanted(child, tag):
                view.drop(child)
            else:
                stack.append(child)


def strip_inside(view: View, container: Node, known: dict[str, str | None]) -> list[str]:
    """Remove in-article chrome (share bars, related lists, prompts, the headline and byline the
    theme shows from metadata). ``known`` holds the masthead texts found earlier."""
    removed: list[str] = []
    total = len(view.text(container))
    for el in list(view.below(container)):
        if view.within(el, container) and (el.name == "h1" or _chrome_class(view, el, total)):
            view.drop(el)
    _drop_known(view, container, known)
    _drop_chrome_blocks(view, container, removed)
    _drop_teaser_links(view, container, removed)
    _drop_hover_cards(view, container)
    _clean_conditionally(view, container)
    _drop_trailing_headings(view, container)
    return removed


def _chrome_class(view: View, el: Tag, total: int) -> bool:
    if not matches("html_chrome_class", el) or matches("html_keep_class", el):
        return False
    # Sites also mark the body itself ("content paywall", "layout--adrail"): not chrome.
    return len(view.text(el)) <= total * 0.4


def _is_page_chrome(view: View, el: Tag, tag: str, chrome: list[str]) -> bool:
    # Some sites wrap the whole page in a <form> (ASP.NET) or the article in <header>: those stay.
    paragraphs = sum(1 for p in view.iter(el, ("p",)) if len(view.text(p)) > 80)
    if paragraphs >= 3:
        return False
    if tag == "footer":
        _note_copyright(view, el, chrome)
    return True


def _unlikely(el: Tag) -> bool:
    if el.attrs.get("itemprop") == "articleBody":
        return False
    text = label(el)
    return bool(text) and _unlikely_label(text)


@lru_cache(maxsize=8192)
def _unlikely_label(text: str) -> bool:
    return hinted("html_unlikely", text) and not hinted("html_maybe", text) \
        and not hinted("html_keep_class", without_modifiers(text))


def _holds_article(view: View, el: Tag, page_length: int) -> bool:
    """A wrapper with a chrome-like name ("page-ad-margins") around the whole article."""
    for inner in view.below(el):
        if inner.name in ("h1", "article") or inner.get("itemprop") == "articleBody":
            return True
    return len(view.text(el)) > page_length * 0.8


def _junk(el: Tag, tag: str) -> bool:
    """Never content: a junk element, a hidden one, or one whose role says it is chrome."""
    if tag in JUNK:
        return True
    attrs = el.attrs
    if not attrs:
        return False
    if attrs.get("hidden") is not None or attrs.get("aria-hidden") == "true":
        return True
    style = attrs.get("style")
    if style and HIDDEN_STYLE.search(style) is not None:
        return True
    return attrs.get("role") in CHROME_ROLES


def _note_copyright(view: View, el: Tag, chrome: list[str]) -> None:
    if len(chrome) >= 5:
        return
    match = COPYRIGHT.search(SPACES.sub(" ", view.raw_text(el)))
    if match:
        chrome.append(match.group(0).strip())


def _drop_known(view: View, container: Node, known: dict[str, str | None]) -> None:
    texts = {SPACES.sub(" ", v).strip().lower() for v in known.values() if v}
    if not texts:
        return
    for el in list(view.below(container)):
        if not view.within(el, container):
            continue
        text = view.text(el)
        if text and len(text) < 400 and text.lower() in texts:
            view.drop(el)


def _drop_chrome_blocks(view: View, container: Node, removed: list[str]) -> None:
    chrome = pattern("html_chrome")
    byline = pattern("html_byline")
    seen_prose = False
    figures: dict[int, bool] = {}
    for el in list(view.below(container, CHROME_BLOCKS)):
        if not view.within(el, container):
            continue
        tag = el.name
        text = view.text(el)
        if not text or _in_figure(view, el, figures):
            continue  # a figure's credit line is kept for the figure
        if len(text) <= SHORT_BLOCK and chrome.search(text):
            removed.append(text)
            view.drop(el)
        elif not seen_prose and len(text) < 120 and byline.search(text) and tag != "a":
            removed.append(text)  # a byline above the first paragraph
            view.drop(el)
        elif tag == "p" and len(text) > 120:
            seen_prose = True


def _in_figure(view: View, el: Node, memo: dict[int, bool]) -> bool:
    """Whether ``el`` is inside a <figure>. ``memo`` holds the answer for the ancestors seen
    (removals do not move elements, so it stays right while one pass drops elements)."""
    parent = view.parent(el)
    if parent is None:
        return False
    found = memo.get(id(parent))
    if found is None:
        found = memo[id(parent)] = tag_of(parent) == "figure" or _in_figure(view, parent, memo)
    return found


def _drop_teaser_links(view: View, container: Node, removed: list[str]) -> None:
    """A paragraph that is nothing but a link: the headline of another article set between the
    paragraphs ("SENATE PASSES BILL", "Read: ..."), not prose."""
    for el in list(view.below(container, ("p",))):
        text = view.text(el)
        if view.within(el, container) and len(text) <= 200 and len(text.split()) >= 4 \
                and not URL_TEXT.search(text) and _all_links(view, el):
            removed.append(text)
            view.drop(el)


def _drop_hover_cards(view: View, container: Node) -> None:
    """A card injected mid-sentence (a name's photo and its latest headlines, shown on hover):
    an inline element inside a paragraph made of several links and nothing else. Innermost
    first, so the name the card hangs on stays in the sentence."""
    for paragraph in list(view.below(container, ("p",))):
        if not view.within(paragraph, container):
            continue
        for el in reversed(list(view.below(paragraph, CARD_HOLDERS))):
            text = view.text(el)
            if len(text) < 40 or view.link_density(el, len(text)) < 0.9:
                continue
            links = sum(1 for _ in view.iter(el, ("a",)))
            pictures = any(True for _ in view.iter(el, ("img",)))
            if links >= 3 or (links >= 2 and pictures):
                view.drop(el)


def _clean_conditionally(view: View, container: Node) -> None:
    """Readability's conditional cleaning: drop blocks that look like lists of links or ads."""
    total = len(view.text(container))
    figures: dict[int, bool] = {}
    for el in list(view.below(container, CONDITIONAL)):
        if view.within(el, container) and not matches("html_keep_class", el) \
                and _looks_like_chrome(view, el, total, figures):
            view.drop(el)


def _looks_like_chrome(view: View, el: Tag, total: int, figures: dict[int, bool]) -> bool:
    tag = el.name
    weight = class_weight(el)
    images = paragraphs = items = 0
    headings = False
    for inner in view.iter(el):
        name = inner.name
        images += name == "img"
        paragraphs += name == "p"
        items += name == "li"
        headings = headings or name in HEADINGS
    text = view.text(el)
    density = view.link_density(el, len(text))
    if len(text) > total * 0.4 and density < 0.5:
        return False  # most of the article: whatever its markup, it is not an aside
    if weight < 0 and not images:
        return True
    if text.count(",") + text.count("，") >= 10:
        return False
    is_list = tag in ("ul", "ol", "dl")
    if tag == "table" and _data_table(view, el):
        return False
    items -= 100
    in_figure = _in_figure(view, el, figures)
    if images > 1 and paragraphs / images < 0.5 and not in_figure:
        return True
    if not is_list and items > paragraphs:
        return True
    if not is_list and len(text) < 25 and (images == 0 or images > 2) and not in_figure:
        return not headings
    if weight < 25 and density > (0.5 if is_list else 0.2) and len(text) < 2000:
        return True
    return weight >= 25 and density > 0.5


def _data_table(view: View, table: Tag) -> bool:
    if table.get("role") == "presentation":
        return False
    rows = 0
    for inner in view.below(table):
        if inner.name in ("th", "caption"):
            return True
        rows += inner.name == "tr"
    return rows >= 2 and not any(view.below(table, ("table",)))


def _drop_trailing_headings(view: View, container: Node) -> None:
    # "Related coverage" left as a heading once its list went: a heading with nothing after it.
    while True:
        last = _last_block(view, container)
        if last is None or tag_of(last) not in HEADINGS:
            return
        view.drop(last)


def _last_block(view: View, container: Node) -> Node | None:
    for el in reversed(list(view.below(container))):
        first = next(view.parts(el), None)
        if not isinstance(first, str) or not first.strip():
            continue
        for ancestor in view.ancestors(el):
            if ancestor is container:
                break
            if tag_of(ancestor) in HEADINGS:
                return ancestor
        return el
    return None
