"""The publication's name: from metadata when a page has it, else from its chrome.

Chrome phrases such as "Your access to the X has expired", "subscription to X", "© 2016 X",
"X. All rights reserved" are kept as regular expressions in ``data/site_phrases.txt``; a capture
is trimmed to its run of capitalised words and scored, with masthead words ("Times", "Review",
kept in ``data/mastheads.txt``) counting in its favour.
"""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlsplit

from .lists import patterns, words
from .textnorm import key, plain

DOMAIN = re.compile(r"(?:[\w-]+\.)+(?:com|net|org|info|io|co|news|[a-z]{2})", re.I)
MAX_LINES = 400
MAX_LINE_CHARS = 500
CONNECTORS = frozenset({"of", "the", "and", "&", "for", "de", "du", "des", "la", "le", "der",
                        "die", "das", "el", "los", "y", "on"})


def readable(name: str) -> str:
    """A site name some pages give as a URL ("https://www.example.in/") as its host name."""
    if re.match(r"(?i)^(?:https?:)?//", name.strip()):
        host = urlsplit(name.strip()).hostname or name
        return host.removeprefix("www.")
    return name


def from_chrome(lines: list[str]) -> str | None:
    """The most likely publication name mentioned in chrome lines, or None."""
    scores: Counter[str] = Counter()
    spelled: dict[str, str] = {}
    rules = patterns("site_phrases")
    for line in lines[:MAX_LINES]:
        line = line[:MAX_LINE_CHARS]
        for rank, rule in enumerate(rules):
            for match in rule.finditer(line):
                name = _trim(match.group("name"))
                if name is None:
                    continue
                score = _score(name, rank, rules)
                if score <= 0:
                    continue
                name_key = key(name)
                spelled.setdefault(name_key, name)
                scores[name_key] += score
    if not scores:
        return None
    best, _ = max(scores.items(), key=lambda item: (item[1], len(item[0])))
    return spelled[best]


def from_title(title: str | None, url: str | None) -> str | None:
    """The site's name as the <title> decorates the headline with it, or None: a part that
    spells the host name ("… | eHow" on ehow.com), a trailing "[Name]", or a first or last part
    that is a domain name ("… - Example.com")."""
    if not title:
        return None
    segments = _segments(title)
    host_key = _host_key(url)
    for segment in segments:
        if host_key and key(segment) in (host_key, host_key + "com"):
            return segment
    bracketed = re.search(r"\[([^\[\]]{2,60})\]\s*$", title)
    if bracketed and len(segments) > 1:
        return bracketed.group(1).strip()
    for segment in (segments[-1], segments[0]) if len(segments) > 1 else ():
        if DOMAIN.fullmatch(segment):
            return segment
    return None


def same(a: str | None, b: str | None, url: str | None = None) -> bool:
    """Whether ``a`` names the site ``b`` (or the host of ``url``), loosely: letters only,
    a leading "The" and a trailing domain ending ignored."""
    ka = _loose(a)
    if not ka:
        return False
    return ka in {_loose(b), _host_key(url)} - {""}


def _loose(value: str | None) -> str:
    value = re.sub(r"^\s*the\s+", "", value or "", flags=re.I)
    value = re.sub(r"\.(?:com|net|org|co\.uk|[a-z]{2})$", "", value.strip(), flags=re.I)
    return key(value)


def _host_key(url: str | None) -> str:
    if not url:
        return ""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    labels = [p for p in host.split(".") if p and p not in ("www", "m", "amp", "mobile")]
    if len(labels) >= 3 and len(labels[-2]) <= 3:  # example.co.uk
        return key(labels[-3])
    return key(labels[-2]) if len(labels) >= 2 else ""


def _segments(title: str) -> list[str]:
    return [s.strip(" []") for s in re.split(r"\s+[|–—\-:·•»]\s+|\[|\]", title) if s.strip(" []")]


def _trim(capture: str) -> str | None:
    """The run of capitalised words a capture starts with ('Harbour Gazette has expired')."""
    tokens = plain(capture, 100)
    if not tokens:
        return None
    kept: list[str] = []
    for token in tokens.split():
        inner = bool(kept) and (token[:1].isdigit() or token.casefold() in CONNECTORS)
        if not (token[:1].isupper() or inner):
            break
        kept.append(token)
    suffixes = words("corporate_suffixes")
    while len(kept) > 1 and (kept[-1].casefold() in CONNECTORS
                             or kept[-1].casefold().strip(".,") in suffixes):
        kept.pop()
    name = " ".join(kept).strip(" '\"’.,")
    return name if len(name) >= 2 else None


def _score(name: str, rank: int, rules: tuple[re.Pattern[str], ...]) -> float:
    tokens = [t.casefold().strip(".,'’") for t in name.split()]
    stop = words("source_stopwords")
    if all(t in stop or t in CONNECTORS for t in tokens):
        return 0
    if tokens[0] in stop:
        return 0
    masthead = any(t in words("mastheads") for t in tokens)
    # The copyright line names the owner even as a single word ("© 2019 Acme").
    copyright_line = "copyright" in rules[rank].pattern
    if len(tokens) < 2 and not masthead and rank > 0 and not copyright_line:
        return 0
    return (len(rules) - rank) + (3 if masthead else 0) + min(len(tokens), 4) * 0.1
