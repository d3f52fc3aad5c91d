"""HTML text → a BeautifulSoup tree (lxml parser), safe for the stages after it."""

from __future__ import annotations

from bs4 import BeautifulSoup

from .builder import tree_builder

# Real articles nest a few dozen levels deep; hostile pages nest thousands, which makes every
# recursive walk later on (and libxml2 itself) fail. Deeper elements are unwrapped.
MAX_DEPTH = 200


def parse_html(text: str, path: str, warnings: list[str]) -> BeautifulSoup:
    # The same tree as BeautifulSoup(text, "lxml"), built with less overhead (see builder.py).
    builder = tree_builder()
    soup = BeautifulSoup(text, builder=builder)
    # The lean builder measured the depth: only a page that deep needs the walk that flattens it.
    depth = getattr(builder, "depth", None)
    if (depth is None or depth > MAX_DEPTH) and _flatten_deep(soup):
        warnings.append(f"{path}: elements nested deeper than {MAX_DEPTH} levels were flattened")
    return soup


def _flatten_deep(soup: BeautifulSoup) -> bool:
    """Unwrap elements below MAX_DEPTH, keeping their text. True when something was unwrapped."""
    too_deep = []
    stack = [(soup, 0)]
    while stack:
        node, depth = stack.pop()
        for child in getattr(node, "contents", ()):
            if getattr(child, "name", None) is None:
                continue
            if depth + 1 > MAX_DEPTH:
                too_deep.append(child)
            else:
                stack.append((child, depth + 1))
    for element in too_deep:
        # Keep the text of everything below the cut, in order, without its markup.
        element.replace_with(element.get_text(" "))
    return bool(too_deep)
