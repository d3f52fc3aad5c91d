"""Figures of the article: image URL (never loaded), alt text, caption and photo credit."""

from __future__ import annotations

import re
from functools import lru_cache

from bs4 import Tag

from ..model import Figure
from .hints import SPACES, Node, View, label
from .sanitize import image_source

CAPTION_CLASS = re.compile(r"caption|cutline|legend|figcaption|wp-caption-text", re.IGNORECASE)
CREDIT_CLASS = re.compile(r"credit|copyright|photographer|courtesy|image-source|attribution",
                          re.IGNORECASE)
DECORATION = re.compile(r"logo|icon|avatar|sprite|pixel|spacer|badge|emoji|tracking|blank\.gif",
                        re.IGNORECASE)
CREDIT_TEXT = re.compile(r"\s*[(\[]?((photo|image|picture|credit|foto)s?\s*(credit)?\s*[:/|]|©|"
                         r"\(c\))\s*[^)\]]{2,100}[)\]]?\s*$", re.IGNORECASE)


def collect_figures(view: View, container: Node, base_url: str | None) -> list[Figure]:
    figures: list[Figure] = []
    seen: set[int] = set()
    for figure in view.iter(container, ("figure",)):
        found = _from_figure(view, figure, base_url)
        if found:
            figures.append(found)
        seen.update(id(img) for img in view.iter(figure, ("img",)))
    for img in view.iter(container, ("img",)):
        if id(img) in seen or _decoration(img):
            continue
        caption, credit = _caption_near(view, img)
        src = image_source(img, base_url)
        alt = _clean(img.get("alt"))
        if src or caption or alt:
            figures.append(Figure(caption=caption, src=src, alt=alt, credit=credit))
    return figures


def caption_like(el: Node) -> bool:
    """Caption or credit markup outside a <figure>: shown with the image, not part of the text."""
    text = label(el)
    return bool(text) and _caption_label(text)


@lru_cache(maxsize=4096)
def _caption_label(text: str) -> bool:
    return (CAPTION_CLASS.search(text) or CREDIT_CLASS.search(text)) is not None


def _from_figure(view: View, figure: Tag, base_url: str | None) -> Figure | None:
    img = next((i for i in view.iter(figure, ("img",)) if not _decoration(i)), None)
    credit_el = next((el for el in view.below(figure) if CREDIT_CLASS.search(label(el))), None)
    credit = view.text(credit_el) if credit_el is not None else ""
    caption_el = next(view.below(figure, ("figcaption",)), None)
    caption = view.text(caption_el) if caption_el is not None else ""
    if credit and caption.endswith(credit):
        caption = caption[: -len(credit)].strip()
    caption, credit = _split_credit(caption, credit)
    src = image_source(img, base_url) if img is not None else None
    alt = _clean(img.get("alt")) if img is not None else ""
    if not (src or caption or alt):
        return None
    return Figure(caption=caption, src=src, alt=alt, credit=credit)


def _caption_near(view: View, img: Tag) -> tuple[str, str]:
    area = img
    for _ in range(3):
        area = view.parent(area)
        if area is None:
            return "", ""
        captions = [el for el in view.iter(area) if el is not img and caption_like(el)]
        if captions:
            caption = " ".join(view.text(c) for c in captions
                               if not CREDIT_CLASS.search(label(c)))
            credit = " ".join(view.text(c) for c in captions if CREDIT_CLASS.search(label(c)))
            return _split_credit(caption.strip(), credit.strip())
    return "", ""


def _split_credit(caption: str, credit: str) -> tuple[str, str]:
    if not credit:
        match = CREDIT_TEXT.search(caption)
        if match and match.start() > 0:
            credit = match.group(0).strip(" ()[]")
            caption = caption[: match.start()].strip()
    return caption, credit


def _decoration(img: Tag) -> bool:
    for name in ("width", "height"):
        value = (img.get(name) or "").strip().removesuffix("px")
        if value.isdigit() and int(value) < 50:
            return True
    return bool(DECORATION.search(f"{label(img)} {img.get('src') or ''}"))


def _clean(value: str | None) -> str:
    return SPACES.sub(" ", value or "").strip()
