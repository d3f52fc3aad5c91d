"""Plain-text hygiene for metadata values: titles, names and sources are plain text."""

from __future__ import annotations

import html
import re
import unicodedata

# Code elements lose their content too: a title is never meant to show a script's text.
CODE = re.compile(r"<(script|style)\b[^>]*>.*?(?:</\1\s*>|$)", re.I | re.S)
TAG = re.compile(r"</?[A-Za-z][^<>]*>|<!--.*?-->", re.S)
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060\ufeff]")
MAX_CHARS = 400


def plain(value: str | None, limit: int = MAX_CHARS) -> str | None:
    """One line of plain text: entities decoded once, markup and controls dropped, capped."""
    if not value:
        return None
    text = html.unescape(str(value)[: limit * 4])
    text = TAG.sub(" ", CODE.sub(" ", text))
    text = CONTROL.sub("", unicodedata.normalize("NFC", text))
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] + "…"
    return text or None


def key(value: str | None) -> str:
    """A comparison key: the letters and digits only, lower-cased ("Herald Sun" = "HeraldSun")."""
    return "".join(ch for ch in (value or "").casefold() if ch.isalnum())


def word_list(value: str | None) -> list[str]:
    return re.findall(r"\w+", (value or "").casefold())
