"""sources/index.html and one page per source (the publication an article came from).

A source's slug comes from links.source_slug, which the per-source feeds use too. Names that
spell the same slug are one source, shown under the spelling most of its articles use.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from pelican.generators import Generator

from .links import FOLDERS, source_slug, source_url, usual_name
from .order import newest_first


@dataclass
class Source:
    """One publication, with its articles newest first."""

    name: str
    slug: str
    articles: list[Any] = field(default_factory=list)

    @property
    def url(self) -> str:
        return source_url(self.slug)


def collect(articles: list[Any]) -> tuple[list[Source], list[Any]]:
    """The sources, alphabetical, and the articles that name none (newest first)."""
    names: dict[str, Counter] = defaultdict(Counter)
    by_slug: dict[str, list[Any]] = defaultdict(list)
    unnamed = []
    for article in sorted(articles, key=newest_first):
        name = (getattr(article, "source", None) or "").strip()
        slug = source_slug(name) if name else ""
        if not slug:
            unnamed.append(article)
            continue
        names[slug][name] += 1
        by_slug[slug].append(article)
    sources = [Source(usual_name(names[slug]), slug, by_slug[slug]) for slug in by_slug]
    return sorted(sources, key=lambda s: (s.name.casefold(), s.slug)), unnamed



class SourcesGenerator(Generator):
    """Builds the sources after the articles are read and writes their pages."""

    def generate_context(self) -> None:
        sources, unnamed = collect(self.context.get("articles", []))
        self.context["sources"] = sources
        self.context["sources_unnamed"] = unnamed

    def generate_output(self, writer: Any) -> None:
        relative = self.settings.get("RELATIVE_URLS", False)
        folder = FOLDERS["source"]
        index = f"{folder}/index.html"
        writer.write_file(index, self.get_template("sources"), self.context,
                          relative_urls=relative, url=index, template_name="sources")
        page = self.get_template("source")
        for source in self.context["sources"]:
            writer.write_file(source.url, page, self.context, relative_urls=relative,
                              url=source.url, source=source, articles=source.articles,
                              template_name="source")


def generators(pelican: Any) -> type[Generator]:
    """get_generators: the source pages."""
    return SourcesGenerator
