"""A site rule at work on a page, through the cleaner's View: page.dom itself is never changed."""

from __future__ import annotations

from bs4 import Tag

from ..hints import View, attr
from .rules import Rule

FIELDS = ("title", "subtitle", "author", "date")
MAX_AUTHORS = 10
# The masthead texts the cleaner keeps out of the body, and the rule field that overrides each.
MASTHEAD = {"headline": "title", "deck": "subtitle", "byline": "author", "dateline": "date"}


def strip(view: View, root: Tag, rule: Rule) -> None:
    """Remove what the rule's strip and strip_id_or_class lines name, anywhere on the page."""
    for selector in rule.strip:
        for el in selector.select(root):
            view.drop(el)
    if not rule.strip_id_or_class:
        return
    for el in list(view.below(root)):
        names = f"{attr(el, 'class') or ''} {el.get('id') or ''}"
        if any(part in names for part in rule.strip_id_or_class):
            view.drop(el)


def article(view: View, root: Tag, rule: Rule, warnings: list[str], where: str) -> list[Tag]:
    """The elements the first matching body line picks (outermost ones, in page order), or []
    when the rule has no body line or none of them finds anything left on the page."""
    matched_removed = False
    for selector in rule.body:
        found = selector.select(root)
        kept = [el for el in found if view.within(el, root)]
        matched_removed = matched_removed or len(kept) < len(found)
        kept = _outermost(kept)
        if kept:
            return kept
    if rule.body:
        why = "only matched elements removed as chrome" if matched_removed else "matched nothing"
        warnings.append(f"{where}: site rule {rule.name}: the body selector {why}; "
                        "the article was looked for as on any page")
    return []


def fields(view: View, root: Tag, rule: Rule) -> dict[str, list[str]]:
    """{'title': [...], ...}: the texts the rule's title/subtitle/author/date lines find, for the
    first line of each key that finds any (one text, or every author)."""
    found: dict[str, list[str]] = {}
    for key in FIELDS:
        for selector in getattr(rule, key):
            texts = [t for t in (_text(view, el, key) for el in selector.select(root)) if t]
            if texts:
                texts = list(dict.fromkeys(texts))
                found[key] = texts[:MAX_AUTHORS] if key == "author" else texts[:1]
                break
    return found


def masthead(known: dict[str, str | None], found: dict[str, list[str]]) -> dict[str, str | None]:
    """The masthead texts with the rule's values in place of the cleaner's guesses, so the body
    leaves them out as it leaves out what the cleaner found itself."""
    ruled = {slot: found[key] for slot, key in MASTHEAD.items() if len(found.get(key, ())) == 1}
    return {**known, **{slot: values[0] for slot, values in ruled.items()}}


def _text(view: View, el: Tag, key: str) -> str:
    if key == "date" and el.get("datetime"):
        return str(el.get("datetime")).strip()
    if el.name == "meta":
        return str(el.get("content") or "").strip()
    return view.text(el)


def _outermost(elements: list[Tag]) -> list[Tag]:
    """Leave out matches inside other matches (they would come out twice)."""
    chosen = {id(el) for el in elements}
    return [el for el in elements if not any(id(p) in chosen for p in el.parents)]
