"""Inline SVG figures for the entity pages: accessible, static, and nothing but drawing.

Every figure is role="img" with a <title> and <desc> it is labelled by, so a screen reader reads
a sentence, not shapes; the page gives a text equivalent next to it. No script, no foreignObject,
no external reference: the figures are built from numbers and escaped text only.
"""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup, escape


def figure(ident: str, css_class: str, viewbox: str, title: str, desc: str,
           parts: Iterable[str]) -> Markup:
    """<svg> with ``parts`` (SVG markup already escaped) inside; ``ident`` unique on the page."""
    head = (f'<svg class="{escape(css_class)}" viewBox="{escape(viewbox)}" role="img" '
            f'aria-labelledby="{ident}-title {ident}-desc" xmlns="http://www.w3.org/2000/svg">'
            f'<title id="{ident}-title">{escape(title)}</title>'
            f'<desc id="{ident}-desc">{escape(desc)}</desc>')
    return Markup(head + "".join(parts) + "</svg>")


def number(value: float) -> str:
    """A coordinate as short as it can be written: 12, 12.5 (one decimal is plenty on screen)."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text
