"""The clean stage: a read Page becomes a Clipping holding only the article."""

from __future__ import annotations

from ..model import Clipping, Page


def clean(page: Page) -> Clipping:
    """Strip the chrome from a page: HTML through BeautifulSoup, text dumps line by line."""
    if page.kind == "html":
        from .html import clean_html

        return clean_html(page)
    from .textdump import clean_text

    return clean_text(page)
