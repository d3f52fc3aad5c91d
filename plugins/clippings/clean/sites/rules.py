"""Reading one site rule file: ``key: value`` lines, as FiveFilters' ftr-site-config writes them,
with CSS selectors (soupsieve) where ftr-site-config has XPath.

    # comments start with '#'
    body: article.post            the article container; several lines are tried in order
    title: h1.headline            title, subtitle, author, date: the first selector that finds
    subtitle: .standfirst           text wins (author: every element it finds)
    author: .byline a
    date: time[datetime]
    strip: .related               removed wherever it is (every line applies)
    strip_id_or_class: promo      removed when its class or id contains this text

A file with a line it cannot read is refused whole: half a rule could cut an article short.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import soupsieve
from soupsieve import SoupSieve

SELECTOR_KEYS = ("body", "title", "subtitle", "author", "date", "strip")
KEYS = (*SELECTOR_KEYS, "strip_id_or_class")


class RuleError(ValueError):
    """A rule file that cannot be used; the message names the file and the line."""


@dataclass(frozen=True)
class Rule:
    """The lines of one rule file, key by key, in file order (selectors compiled)."""

    name: str = ""  # the file's name, for messages
    body: tuple[SoupSieve, ...] = ()
    title: tuple[SoupSieve, ...] = ()
    subtitle: tuple[SoupSieve, ...] = ()
    author: tuple[SoupSieve, ...] = ()
    date: tuple[SoupSieve, ...] = ()
    strip: tuple[SoupSieve, ...] = ()
    strip_id_or_class: tuple[str, ...] = ()


def parse(text: str, name: str) -> Rule:
    """The rule written in ``text`` (the content of the file called ``name``). Raises RuleError."""
    found: dict[str, list] = {key: [] for key in KEYS}
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key, colon, value = line.partition(":")
        key, value = key.strip().lower(), value.strip()
        where = f"site rule {name}, line {number}"
        if not colon:
            raise RuleError(f"{where}: expected 'key: value', got {line!r}")
        if key not in found:
            raise RuleError(f"{where}: unknown key {key!r} (known: {', '.join(KEYS)})")
        if not value:
            raise RuleError(f"{where}: {key!r} has no value")
        found[key].append(_compiled(value, where) if key in SELECTOR_KEYS else value)
    return Rule(name=name, **{key: tuple(values) for key, values in found.items()})


def read(path: Path) -> Rule:
    """The rule in the file at ``path``. Raises RuleError (also for a file it cannot read)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise RuleError(f"site rule {path.name}: cannot be read ({error})") from error
    return parse(text, path.name)


def _compiled(selector: str, where: str) -> SoupSieve:
    try:
        return soupsieve.compile(selector)
    except (soupsieve.SelectorSyntaxError, ValueError, TypeError) as error:
        reason = str(error).splitlines()[0]
        raise RuleError(f"{where}: {selector!r} is not a CSS selector ({reason})") from error
