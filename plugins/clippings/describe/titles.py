"""The article's own title: site decorations taken off what the metadata calls the title.

"Headline | Site", "Site - Headline", "Headline [Site]" lose the site part when it is the site's
name (or its host name). When the site's name is unknown and the title has such parts, a part
that the page shows as its visible headline is preferred.
"""

from __future__ import annotations

import re
from functools import cache

from .lists import load
from .source import same
from .textnorm import key, word_list

MAX_LABEL_WORDS = 3


@cache
def _separator() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in load("title_separators")))


def strip_site(title: str, site: str | None, url: str | None) -> str:
    """``title`` without a leading or trailing part that names the site."""
    for _ in range(3):  # "Headline - Section | Site" loses only the site, one pass per part
        parts = _split(title)
        if len(parts) < 2:
            break
        if same(parts[-1][0], site, url):
            title = title[: parts[-2][2]]
        elif same(parts[0][0], site, url):
            title = title[parts[1][1]:]
        else:
            break
    return title.strip(" []")


def prefer_visible(title: str, visible: list[str]) -> str:
    """When a decorated title starts with a visible headline ("Headline | Section | Site"), or
    ends with one after a short label ("Site: Headline"), that part of the title. Visible
    headlines that point at different parts (a site name in an <h1>) leave the title whole."""
    parts = _split(title)
    if len(parts) < 2:
        return title
    chosen = {match for match in (_part_matching(title, parts, h) for h in visible) if match}
    anywhere = {part for part, _, _ in parts for h in visible if word_list(part) == word_list(h)}
    if len(chosen) != 1 or len(anywhere) > 1:
        return title
    return chosen.pop().strip(" []")


def _part_matching(title: str, parts: list[tuple[str, int, int]], headline: str) -> str | None:
    """The span of ``title`` (from its start, or after a short label) that reads as
    ``headline``."""
    wanted = word_list(headline)
    for end in range(1, len(parts)):
        span = title[: parts[end - 1][2]]
        if word_list(span) == wanted:
            return span
    for start in range(1, len(parts)):
        label = word_list(title[: parts[start][1]])
        span = title[parts[start][1]:]
        if len(label) <= MAX_LABEL_WORDS and word_list(span) == wanted:
            return span
    return None


def similar(a: str | None, b: str | None) -> bool:
    return bool(a and b) and key(a) == key(b)


def _split(title: str) -> list[tuple[str, int, int]]:
    """[(part, start, end)] of the parts between separators."""
    parts: list[tuple[str, int, int]] = []
    last = 0
    for match in _separator().finditer(title):
        if match.start() > last:
            parts.append((title[last:match.start()], last, match.start()))
        last = match.end()
    parts.append((title[last:], last, len(title)))
    return [(p.strip(" []"), start, end) for p, start, end in parts if p.strip(" []")]
