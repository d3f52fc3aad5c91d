"""people/ and places/: an index of each, and one page per person and per place.

Our own generator rather than Pelican's tags: the URLs are exactly people/<slug>.html, the pages
use our templates, and the lists keep the site's order (newest first, undated last).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from pelican.generators import Generator

from .links import FOLDERS
from .order import sorted_newest_first

# (article attribute, kind, index template, page template)
TAXONOMIES = (("people", "person", "people", "person"), ("places", "place", "places", "place"))


@dataclass
class Term:
    """One person or place across the archive, with the articles that mention it."""

    name: str
    slug: str
    kind: str
    articles: list[Any] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"{FOLDERS[self.kind]}/{self.slug}.html"


def collect(articles: list[Any], attribute: str, kind: str) -> list[Term]:
    """Every entity of one kind, alphabetical; names that share a slug are one entity."""
    names: dict[str, Counter] = defaultdict(Counter)
    mentioned_in: dict[str, list[Any]] = defaultdict(list)
    for article in articles:
        for link in getattr(article, attribute, None) or ():
            names[link.slug][link.name] += 1
            if article not in mentioned_in[link.slug]:
                mentioned_in[link.slug].append(article)
    terms = [
        Term(_usual_name(names[slug]), slug, kind, sorted_newest_first(mentioned_in[slug]))
        for slug in names
    ]
    return sorted(terms, key=lambda t: (t.name.casefold(), t.slug))


def _usual_name(counts: Counter) -> str:
    # The spelling most articles use; ties go to the alphabetically first, so builds agree.
    return min(counts, key=lambda name: (-counts[name], name))


class TaxonomyGenerator(Generator):
    """Builds the terms after the articles are read and writes their pages."""

    def generate_context(self) -> None:
        articles = self.context.get("articles", [])
        for attribute, kind, _index, _page in TAXONOMIES:
            self.context[attribute] = collect(articles, attribute, kind)

    def generate_output(self, writer: Any) -> None:
        relative = self.settings.get("RELATIVE_URLS", False)
        for attribute, _kind, index, page in TAXONOMIES:
            folder = FOLDERS[_kind]
            writer.write_file(f"{folder}/index.html", self.get_template(index), self.context,
                              relative_urls=relative, url=f"{folder}/index.html",
                              terms=self.context[attribute], template_name=index)
            template = self.get_template(page)
            for term in self.context[attribute]:
                writer.write_file(term.url, template, self.context, relative_urls=relative,
                                  url=term.url, term=term, articles=term.articles,
                                  template_name=page)


def generators(pelican: Any) -> type[Generator]:
    """get_generators: our taxonomy pages."""
    return TaxonomyGenerator
