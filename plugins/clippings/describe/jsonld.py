"""Article metadata from schema.org JSON-LD blocks, however the page wraps or breaks them.

Pages nest the article in ``@graph``, in arrays, under ``mainEntity``; authors and publishers may
be strings, objects, lists or ``@id`` references to other nodes. Broken JSON (HTML comments,
CDATA, trailing commas, raw newlines in strings, two objects glued together) is repaired when it
can be and skipped with a warning when it cannot.
"""

from __future__ import annotations

import json
import re
from collections import deque
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from bs4 import SoupStrainer

from .lists import load
from .tags import Tags

MAX_SCRIPT_CHARS = 2_000_000  # larger blocks are data dumps, not article metadata
MAX_NODES = 5_000  # bounds the walk over a hostile or enormous graph
MAX_DEPTH = 30
LD_SCRIPT = SoupStrainer("script", attrs={"type": re.compile(r"ld\+json", re.I)})


@dataclass
class Found:
    """What one page's JSON-LD says about its article; empty fields were not there."""

    title: str | None = None
    alt_title: str | None = None  # schema's "name" when it differs from "headline"
    subtitle: str | None = None
    authors: list[dict[str, str]] = field(default_factory=list)  # {"name", "type"}
    date: str | None = None  # as written; dates.to_iso normalises it
    source: str | None = None
    url: str | None = None
    lang: str | None = None


def read(dom: Any, warnings: list[str]) -> Found:
    """The best article node of the page's JSON-LD, with references resolved; ``dom`` is a
    parsed page or its Tags listing."""
    tags = Tags.of(dom)
    nodes: list[dict] = []
    for script in tags.find_all(LD_SCRIPT, tags.named("script")):
        data = parse_block(script.string or script.get_text() or "", warnings)
        if data is not None:
            nodes.extend(_walk(data))
    return _describe(nodes)


def parse_block(text: str, warnings: list[str]) -> Any:
    """One script's JSON, repaired where possible; None (and a warning) when it is beyond that."""
    if len(text) > MAX_SCRIPT_CHARS:
        warnings.append(f"JSON-LD block of {len(text)} characters skipped (too large)")
        return None
    text = _unwrap(text)
    if not text:
        return None
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        text = _repair(text)  # only a block that fails as written is worth the repair pass
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        pass
    glued = _raw_decode_all(text)
    if glued:
        return glued
    warnings.append("JSON-LD block could not be parsed; skipped")
    return None


def _unwrap(text: str) -> str:
    text = text.strip()
    text = re.sub(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$", "", text).strip()
    text = re.sub(r"^\s*<!--|-->\s*$", "", text).strip()
    return text.rstrip(";").strip()


def _repair(text: str) -> str:
    text = re.sub(r",\s*([}\]])", r"\1", text)  # trailing commas
    # Raw control characters inside strings are invalid JSON but common in hand-made blocks.
    return re.sub(r"[\x00-\x1f]", " ", text)


def _raw_decode_all(text: str) -> list[Any]:
    """Values glued one after another ('{...}{...}'), as far as they decode."""
    decoder = json.JSONDecoder()
    values, index = [], 0
    while index < len(text):
        start = text.find("{", index)
        if start < 0:
            break
        try:
            value, index = decoder.raw_decode(text, start)
        except (ValueError, RecursionError):
            break
        values.append(value)
    return values


def _walk(data: Any) -> list[dict]:
    """Every object node under ``data`` (graphs, arrays, nested entities), breadth first."""
    found: list[dict] = []
    queue: deque[tuple[Any, int]] = deque([(data, 0)])
    seen = 0
    while queue and seen < MAX_NODES:
        value, depth = queue.popleft()
        seen += 1
        if depth > MAX_DEPTH:
            continue
        if isinstance(value, list):
            queue.extend((item, depth + 1) for item in value)
        elif isinstance(value, dict):
            found.append(value)
            for key, child in value.items():
                if isinstance(child, dict | list) and key not in ("author", "creator", "publisher"):
                    queue.append((child, depth + 1))
    return found


def _types(node: dict) -> list[str]:
    kind = node.get("@type", [])
    kinds = kind if isinstance(kind, list) else [kind]
    # "http://schema.org/NewsArticle" and "schema:NewsArticle" name the same type.
    return [re.split(r"[/:#]", k)[-1] for k in kinds if isinstance(k, str)]


@cache
def _ranks() -> dict[str, int]:
    ranks = {}
    for line in load("article_types"):
        rank, _, name = line.partition(" ")
        ranks[name.strip().lower()] = int(rank)
    return ranks


def _rank(node: dict) -> int:
    ranks = _ranks()
    return min((ranks.get(t.lower(), 99) for t in _types(node)), default=99)


def _describe(nodes: list[dict]) -> Found:
    # A bare {"@id": X} is a reference to a node, not the node: it never stands in for it.
    by_id = {n["@id"]: n for n in nodes if isinstance(n.get("@id"), str) and len(n) > 1}
    ranked = sorted((n for n in nodes if _rank(n) < 99), key=_rank)  # stable: page order kept
    found = Found()
    if not ranked:
        found.source = _site_name(nodes, by_id, None)
        return found
    # The best-ranked article node leads; lower-ranked ones (its WebPage) fill what it lacks.
    for node in ranked:
        _fill(found, node, by_id)
    found.source = found.source or _site_name(nodes, by_id, ranked[0])
    return found


def _fill(found: Found, node: dict, by_id: dict[str, dict]) -> None:
    headline, name = _text(node.get("headline")), _text(node.get("name"))
    if found.title is None and (headline or name):
        found.title = headline or name
        if headline and name and name != headline:
            found.alt_title = name
    found.subtitle = found.subtitle or _text(node.get("alternativeHeadline"))
    if not found.authors:
        found.authors = _people(node.get("author") or node.get("creator"), by_id)
    found.date = found.date or _text(node.get("datePublished")) or _text(node.get("dateCreated"))
    if found.source is None:
        publisher = _people(node.get("publisher") or node.get("sourceOrganization"), by_id)
        found.source = publisher[0]["name"] if publisher else None
    if found.url is None:
        found.url = _url(node.get("url")) or _url(_id_of(node.get("mainEntityOfPage")))
    if found.lang is None:
        lang = node.get("inLanguage")
        found.lang = _text(lang.get("name") if isinstance(lang, dict) else lang)


def _people(value: Any, by_id: dict[str, dict]) -> list[dict[str, str]]:
    people = []
    for item in value if isinstance(value, list) else [value]:
        item = _resolved(item, by_id)
        if isinstance(item, str):
            people.append({"name": item, "type": ""})
        elif isinstance(item, dict):
            name = _text(item.get("name"))
            if not name and (item.get("givenName") or item.get("familyName")):
                name = " ".join(filter(None, (_text(item.get("givenName")),
                                              _text(item.get("familyName")))))
            if name:
                people.append({"name": name, "type": (_types(item) or [""])[0]})
    return people


def _site_name(nodes: list[dict], by_id: dict[str, dict], article: dict | None) -> str | None:
    for node in nodes:
        if "WebSite" in _types(node) and _text(node.get("name")):
            return _text(node.get("name"))
    part = _resolved(article.get("isPartOf"), by_id) if article is not None else None
    return _text(part.get("name")) if isinstance(part, dict) else None


def _resolved(value: Any, by_id: dict[str, dict]) -> Any:
    """The node an unnamed ``{"@id": ...}`` reference points to elsewhere in the graph, when
    the graph has it; any other value as it is."""
    if isinstance(value, dict) and "name" not in value and isinstance(value.get("@id"), str):
        return by_id.get(value["@id"], value)
    return value


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
    if isinstance(value, dict):
        value = value.get("@value")
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        text = " ".join(str(value).split())
        return text or None
    return None


def _id_of(value: Any) -> Any:
    return value.get("@id") if isinstance(value, dict) else value


def _url(value: Any) -> str | None:
    text = _text(value)
    return text if text and re.match(r"https?://", text, re.I) else None
