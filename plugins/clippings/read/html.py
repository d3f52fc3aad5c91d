"""HTML text → a BeautifulSoup tree (lxml parser), safe for the stages after it."""

from __future__ import annotations

from bs4 import BeautifulSoup

# Real articles nest a few dozen levels deep; hostile pages nest thousands, which makes every
# recursive walk later on (and libxml2 itself) fail. Deeper elements are unwrapped.
MAX_DEPTH = 200


def parse_html(text: str, path: str, warnings: list[str]) -> BeautifulSoup:
    soup = BeautifulSoup(text, "lxml")
    if _flatten_deep(soup):
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
