"""What a person's or place's page shows, gathered from the articles that mention it.

Other names, roles (tag/roles.py on the text around each mention), first and last seen (dated
articles only), each mention in context, the people and places most often mentioned with it, a
timeline, and for places a locator map. Built for one term at a time, just before its page is
written, so a large archive never holds every snippet in memory at once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..model import Entity
from ..tag.roles import roles
from . import places_map
from .links import entity_slug
from .snippets import Snippet, snippets
from .tagging import tagged_text
from .timeline import Timeline, month_of, timeline

MAX_SNIPPETS = 3  # per article; the other mentions are counted, not shown
MAX_ARTICLES_WITH_SNIPPETS = 100  # the newest; older articles are listed by title only
MAX_RELATED = 12  # people (and places) most often mentioned with it


@dataclass(frozen=True)
class Related:
    """Another person or place, with the number of articles that mention both."""

    name: str
    url: str
    count: int


@dataclass
class Appearance:
    """One article that mentions the term: its snippets, and how many mentions there are."""

    article: Any
    snippets: list[Snippet] = field(default_factory=list)
    mentions: int = 0

    @property
    def more(self) -> int:
        return max(0, self.mentions - len(self.snippets)) if self.snippets else 0


@dataclass
class Profile:
    other_names: list[str]
    roles: list[tuple[str, int]]  # (role, number of articles giving it), most frequent first
    appearances: list[Appearance]
    mentions: int
    first: Any | None  # the earliest and latest dated articles
    last: Any | None
    undated: int  # articles without a date (never placed on the timeline)
    people: list[Related]
    places: list[Related]
    timeline: Timeline | None
    locator: places_map.Locator | None


def profile(term: Any, terms: dict[str, dict[str, Any]]) -> Profile:
    """Everything ``term``'s page shows; ``terms`` maps kind → slug → term (for co-mentions)."""
    appearances: list[Appearance] = []
    names: Counter[str] = Counter()
    role_articles: Counter[str] = Counter()
    role_shown: dict[str, str] = {}
    months: list[tuple[tuple[int, int], int]] = []
    for i, article in enumerate(term.articles):
        entities = entities_in(article, term.kind, term.slug)
        text = tagged_text(article) if entities else ""
        mentions = mention_spans(entities)
        names.update(_names(entities, article, term))
        if term.kind == "person":
            for role in roles(text, [m for e in entities for m in e.mentions]):
                role_shown.setdefault(role.casefold(), role)
                role_articles[role.casefold()] += 1
        shown = snippets(text, mentions)[:MAX_SNIPPETS] if i < MAX_ARTICLES_WITH_SNIPPETS else []
        appearances.append(Appearance(article, shown, len(mentions)))
        if not getattr(article, "undated", False):
            months.append((month_of(article.date), max(1, len(mentions))))
    dated = [a for a in term.articles if not getattr(a, "undated", False)]
    return Profile(
        other_names=_other_names(names, term.name),
        roles=sorted(((role_shown[k], n) for k, n in role_articles.items()),
                     key=lambda r: (-r[1], r[0].casefold())),
        appearances=appearances,
        mentions=sum(a.mentions for a in appearances),
        first=min(dated, key=lambda a: a.date) if dated else None,
        last=max(dated, key=lambda a: a.date) if dated else None,
        undated=len(term.articles) - len(dated),
        people=co_mentions(term, "people", terms.get("person", {})),
        places=co_mentions(term, "places", terms.get("place", {})),
        timeline=timeline(f"timeline-{term.slug}", term.name, months),
        locator=places_map.locator(term) if term.kind == "place" else None,
    )


def mention_count(term: Any) -> int:
    """How often the archive mentions ``term``: its mentions in all its articles."""
    return sum(len(mention_spans(entities_in(a, term.kind, term.slug))) for a in term.articles)


def mention_spans(entities: list[Entity]) -> list[tuple[int, int]]:
    """The mentions of one term in one article (an entity merged from several counts once)."""
    return sorted({(m.start, m.end) for e in entities for m in e.mentions})


def entities_in(article: Any, kind: str, slug: str) -> list[Entity]:
    """The article's entities of this kind whose names spell ``slug`` (one entity, merged)."""
    clipping = getattr(article, "clipping", None)
    found = getattr(clipping, "people" if kind == "person" else "places", None) or ()
    return [e for e in found if entity_slug(e.name) == slug]


def co_mentions(term: Any, attribute: str, others: dict[str, Any]) -> list[Related]:
    """The terms of one kind that share the most articles with ``term``, with those counts."""
    counts: Counter[str] = Counter()
    for article in term.articles:
        slugs = {link.slug for link in getattr(article, attribute, None) or ()}
        counts.update(s for s in slugs if s in others and others[s] is not term)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], others[kv[0]].name.casefold(), kv[0]))
    return [Related(others[s].name, others[s].url, n) for s, n in ranked[:MAX_RELATED]]


def location(term: Any) -> tuple[float | None, float | None, str | None]:
    """A place's coordinates and country: what most of its articles' entities say."""
    votes: Counter[tuple[float | None, float | None, str | None]] = Counter()
    for article in term.articles:
        for e in entities_in(article, term.kind, term.slug):
            if (e.lat is not None and e.lon is not None) or e.country:
                votes[(e.lat, e.lon, e.country)] += 1
    if not votes:
        return None, None, None
    return min(votes, key=lambda v: (-votes[v], repr(v)))


def _names(entities: Iterable[Entity], article: Any, term: Any) -> list[str]:
    """Every name the article gives the term, once: its entities' names and surface forms."""
    found = {e.name for e in entities} | {alias for e in entities for alias in e.aliases}
    found |= {link.name for link in getattr(article, _attribute(term.kind), None) or ()
              if link.slug == term.slug}
    return sorted(found)


def _other_names(names: Counter[str], name: str) -> list[str]:
    """Names seen other than the shown one; spellings that differ only in case are one."""
    seen = {name.casefold()}
    out = []
    for other in sorted(names, key=lambda n: (-names[n], n.casefold(), n)):
        if other.casefold() not in seen:
            seen.add(other.casefold())
            out.append(other)
    return out


def _attribute(kind: str) -> str:
    return "people" if kind == "person" else "places"
