"""people/ and places/: an index of each, and one page per person and per place.

Our own generator rather than Pelican's tags: the URLs are exactly people/<slug>.html, the pages
use our templates, and the lists keep the site's order (newest first, undated last).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from pelican.generators import Generator

from .links import FOLDERS, entity_url
from .order import newest_first

# (article attribute, kind): both taxonomies share the templates terms.html and term.html.
TAXONOMIES = (("people", "person"), ("places", "place"))


@dataclass
class Term:
    """One person or place across the archive, with the articles that mention it."""

    name: str
    slug: str
    kind: str
    articles: list[Any] = field(default_factory=list)

    @property
    def url(self) -> str:
        return entity_url(self.kind, self.slug)


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
    terms = [Term(_usual_name(names[slug]), slug, kind, mentioned_in[slug]) for slug in names]
    return sorted(terms, key=lambda t: (t.name.casefold(), t.slug))


def _usual_name(counts: Counter) -> str:
    # The spelling most articles use; ties go to the alphabetically first, so builds agree.
    return min(counts, key=lambda name: (-counts[name], name))


class TaxonomyGenerator(Generator):
    """Builds the terms after the articles are read and writes their pages."""

    def generate_context(self) -> None:
        # Sorted once here, so every term's list is already newest first.
        articles = sorted(self.context.get("articles", []), key=newest_first)
        for attribute, kind in TAXONOMIES:
            self.context[attribute] = collect(articles, attribute, kind)

    def generate_output(self, writer: Any) -> None:
        relative = self.settings.get("RELATIVE_URLS", False)
        index, page = self.get_template("terms"), self.get_template("term")
        for attribute, kind in TAXONOMIES:
            folder = FOLDERS[kind]
            writer.write_file(f"{folder}/index.html", index, self.context, relative_urls=relative,
                              url=f"{folder}/index.html", folder=folder,
                              terms=self.context[attribute], template_name="terms")
            for term in self.context[attribute]:
                writer.write_file(term.url, page, self.context, relative_urls=relative,
                                  url=term.url, folder=folder, term=term, articles=term.articles,
                                  template_name="term")


def generators(pelican: Any) -> type[Generator]:
    """get_generators: our taxonomy pages."""
    return TaxonomyGenerator
