"""search.html and its index under search/: full-text search with no server, even from file://.

The index is built here, at build time (clippings.publish.searchindex), and theme/static/js/
search.js reads it. Documents are numbered newest first, so equal scores list newer articles first.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from pelican.generators import Generator
from slugify import slugify

from . import searchindex
from .order import newest_first
from .searchindex import Facet, SearchDoc

logger = logging.getLogger(__name__)

FOLDER = "search"
PAGE = "search.html"
FACET_LIMIT = 300  # a <select> longer than this helps nobody; the rest have their own pages
# Files this generator writes under search/; others there are left alone.
OURS = re.compile(r"^(?:manifest\.js|t/[0-9a-f]+\.js|[cd]/\d+\.js|f/[a-z]+\.js)$")
TAGS = re.compile(r"<[^>]+>")


def search_doc(article: Any) -> SearchDoc:
    """What search knows of one Pelican article."""
    clipping = getattr(article, "clipping", None)
    text = getattr(clipping, "text", None) or TAGS.sub(" ", getattr(article, "content", ""))
    people = list(getattr(article, "people", None) or ())
    places = list(getattr(article, "places", None) or ())
    source = getattr(article, "source", None) or ""
    undated = getattr(article, "undated", False)
    facets = {
        "person": [p.slug for p in people],
        "place": [p.slug for p in places],
        "source": [slugify(source)] if slugify(source) else [],
        "year": [] if undated else [str(article.date.year)],
    }
    return SearchDoc(
        title=str(article.title),
        url=article.url,
        text=text,
        deck=getattr(article, "deck", None) or "",
        source=source,
        date="" if undated else (getattr(article, "date_shown", None) or f"{article.date:%Y}"),
        people=[p.name for p in people],
        places=[p.name for p in places],
        facets=facets,
    )


def offered_facets(articles: list[Any], docs: list[SearchDoc]) -> dict[str, list[Facet]]:
    """The filter values the page offers: the most frequent people, places, sources; all years."""
    labels: dict[str, dict[str, str]] = {"person": {}, "place": {}, "source": {}, "year": {}}
    for article in articles:  # newest first: the newest spelling of a name wins, as on its page
        for kind, attribute in (("person", "people"), ("place", "places")):
            for link in getattr(article, attribute, None) or ():
                labels[kind].setdefault(link.slug, link.name)
        source = getattr(article, "source", None)
        if source and slugify(source):
            labels["source"].setdefault(slugify(source), source)
    return {
        "person": searchindex.top_facets(docs, "person", labels["person"], FACET_LIMIT),
        "place": searchindex.top_facets(docs, "place", labels["place"], FACET_LIMIT),
        "source": searchindex.top_facets(docs, "source", labels["source"], FACET_LIMIT),
        "year": searchindex.top_facets(docs, "year", {}, FACET_LIMIT, by_label=False),
    }


def write_files(root: Path, files: dict[str, str]) -> None:
    """Write the index under ``root``; index files of an earlier build that are gone, go too."""
    if root.is_dir():
        for old in sorted(root.rglob("*.js")):
            name = old.relative_to(root).as_posix()
            if OURS.match(name) and name not in files:
                old.unlink()
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        if not path.is_file() or path.read_bytes() != data:
            path.write_bytes(data)


class SearchGenerator(Generator):
    """Writes search.html and the index files it loads."""

    def generate_context(self) -> None:
        pass  # everything happens once the articles of every generator are known

    def generate_output(self, writer: Any) -> None:
        articles = sorted(self.context.get("articles", []), key=newest_first)
        docs = [search_doc(article) for article in articles]
        facets = offered_facets(articles, docs)
        files = searchindex.build(docs, facets)
        write_files(Path(self.output_path) / FOLDER, files)
        logger.info("Search index: %d articles, %d files, %d bytes", len(docs), len(files),
                    sum(len(t.encode("utf-8")) for t in files.values()))
        writer.write_file(PAGE, self.get_template("search"), self.context,
                          relative_urls=self.settings.get("RELATIVE_URLS", False), url=PAGE,
                          facets=facets, search_folder=FOLDER, template_name="search")


def generators(pelican: Any) -> type[Generator]:
    """get_generators: the search page and its index."""
    return SearchGenerator
