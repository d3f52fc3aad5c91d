"""people/ and places/: an A–Z index of each, and one page per person and per place.

Our own generator rather than Pelican's tags: the URLs are exactly people/<slug>.html, the pages
use our templates, and the lists keep the site's order (newest first, undated last). What a page
shows beyond its articles (snippets, roles, co-mentions, timeline, map) is entity_pages.profile,
built for one term at a time as its page is written.
"""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from pelican.generators import Generator

from . import entity_pages, feeds, places_map
from .links import FOLDERS, entity_url, usual_name
from .order import newest_first

# (article attribute, kind): both taxonomies share the templates terms.html and term.html.
TAXONOMIES = (("people", "person"), ("places", "place"))
OTHER = "#"  # the A–Z heading of names that start with no letter A to Z


@dataclass
class Term:
    """One person or place across the archive, with the articles that mention it."""

    name: str
    slug: str
    kind: str
    articles: list[Any] = field(default_factory=list)
    # places: where, by what most of its articles' entities say (tag stage's gazetteer)
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    feed: str | None = None  # its Atom feed's path, when one is written

    @property
    def url(self) -> str:
        return entity_url(self.kind, self.slug)

    @property
    def letter(self) -> str:
        return initial(self.name)


@dataclass(frozen=True)
class Letter:
    """One A–Z section of an index."""

    letter: str
    terms: list[Term]

    @property
    def anchor(self) -> str:
        return "other" if self.letter == OTHER else self.letter.lower()


def collect(articles: list[Any], attribute: str, kind: str) -> list[Term]:
    """Every entity of one kind, alphabetical; names that share a slug are one entity.

    Each term lists its articles in the order ``articles`` come in.
    """
    names: dict[str, Counter] = defaultdict(Counter)
    mentioned_in: dict[str, list[Any]] = defaultdict(list)
    for article in articles:
        for link in getattr(article, attribute, None) or ():
            names[link.slug][link.name] += 1
            # One article at a time: if it is listed for this slug already, it is the last entry.
            if not mentioned_in[link.slug] or mentioned_in[link.slug][-1] is not article:
                mentioned_in[link.slug].append(article)
    terms = [Term(usual_name(names[slug]), slug, kind, mentioned_in[slug]) for slug in names]
    if kind == "place":
        for term in terms:
            term.lat, term.lon, term.country = entity_pages.location(term)
    return sorted(terms, key=sort_key)


def sort_key(term: Term) -> tuple[str, str, str]:
    """A–Z by name, accents aside ("Île" with the I's), then by slug so builds agree."""
    return (_plain(term.name), term.name.casefold(), term.slug)


def initial(name: str) -> str:
    """The A–Z letter a name is listed under: its first letter, accents dropped; else "#"."""
    first = _plain(name)[:1].upper()
    return first if "A" <= first <= "Z" else OTHER


def letters(terms: list[Term]) -> list[Letter]:
    """The index's sections, A to Z, then "#" for the rest; ``terms`` are already sorted."""
    groups: dict[str, list[Term]] = defaultdict(list)
    for term in terms:
        groups[term.letter].append(term)
    order = sorted(groups, key=lambda letter: (letter == OTHER, letter))
    return [Letter(letter, groups[letter]) for letter in order]


def _plain(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lstrip("'\"“‘(¿¡. ")



class TaxonomyGenerator(Generator):
    """Builds the terms after the articles are read and writes their pages."""

    def generate_context(self) -> None:
        # Sorted once here, so every term's list is already newest first.
        articles = sorted(self.context.get("articles", []), key=newest_first)
        for attribute, kind in TAXONOMIES:
            terms = collect(articles, attribute, kind)
            for term in terms:
                term.feed = feeds.term_feed(self.settings, term)
            self.context[attribute] = terms

    def generate_output(self, writer: Any) -> None:
        relative = self.settings.get("RELATIVE_URLS", False)
        index, page = self.get_template("terms"), self.get_template("term")
        by_kind = {kind: {t.slug: t for t in self.context[attribute]}
                   for attribute, kind in TAXONOMIES}
        for attribute, kind in TAXONOMIES:
            folder = FOLDERS[kind]
            terms = self.context[attribute]
            # The map's links, like the templates': relative, or starting with SITEURL.
            base = "" if relative else f"{self.settings.get('SITEURL', '')}/{folder}/"
            world, on_map = (places_map.overview(terms, entity_pages.mention_count, base)
                             if kind == "place" else (None, 0))
            writer.write_file(f"{folder}/index.html", index, self.context, relative_urls=relative,
                              url=f"{folder}/index.html", folder=folder, kind=kind, terms=terms,
                              letters=letters(terms), world_map=world, on_map=on_map,
                              template_name="terms")
            for term in terms:
                writer.write_file(term.url, page, self.context, relative_urls=relative,
                                  url=term.url, folder=folder, term=term, articles=term.articles,
                                  profile=entity_pages.profile(term, by_kind),
                                  template_name="term")


def generators(pelican: Any) -> type[Generator]:
    """get_generators: our taxonomy pages."""
    return TaxonomyGenerator
