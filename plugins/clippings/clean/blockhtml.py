"""The article's blocks as safe HTML and as plain text (every character escaped)."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from typing import Literal

BlockKind = Literal["p", "h2", "figure", "ul", "blockquote"]


@dataclass
class BodyBlock:
    kind: BlockKind
    text: str
    items: list[str] = field(default_factory=list)
    credit: str = ""


def to_html(body: list[BodyBlock]) -> str:
    return "\n".join(_html(block) for block in body)


def to_text(body: list[BodyBlock]) -> str:
    """Blocks separated by a blank line; captions left out, as the Clipping contract says."""
    parts = ["\n".join(b.items) if b.kind == "ul" else b.text for b in body if b.kind != "figure"]
    return "\n\n".join(parts)


def _html(block: BodyBlock) -> str:
    if block.kind == "ul":
        items = "".join(f"<li>{escape(item)}</li>" for item in block.items)
        return f"<ul>{items}</ul>"
    if block.kind == "figure":
        credit = f' <small class="credit">{escape(block.credit)}</small>' if block.credit else ""
        return f"<figure><figcaption>{escape(block.text)}{credit}</figcaption></figure>"
    if block.kind == "blockquote":
        return f"<blockquote><p>{escape(block.text)}</p></blockquote>"
    return f"<{block.kind}>{escape(block.text)}</{block.kind}>"
