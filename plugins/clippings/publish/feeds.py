"""Atom feeds of dated articles only: the whole archive, and one per person, place and source.

A feed entry must carry a date, and we never invent one. Pelican's own FEED_* settings would put
undated articles in with their sentinel date, so the site leaves those off and sets
CLIPPINGS_FEED_ATOM / CLIPPINGS_FEED_RSS and the per-term patterns below (publishconf.py) instead.
A feed with no dated article is not written (an empty feed would carry the build's own time as
its date), and then no page links to it.

Feeds are written in publish mode only. A feed's links and entry ids must be absolute URLs (feed
readers resolve nothing relative to a file they fetched from elsewhere, and Pelican's writer
builds both from SITEURL); the local build has SITEURL "" and RELATIVE_URLS for browsing from
file://, where no feed reader would reach the feeds anyway. So without an absolute SITEURL the
build writes no feed at all and says so once.

Per-term feeds list the newest CLIPPINGS_TERM_FEED_MAX_ITEMS articles, each entry the article's
deck and the term's mentions in context (not the whole article: thousands of terms times whole
articles would dwarf the archive). The archive and per-source feeds carry whole articles, up to
Pelican's FEED_MAX_ITEMS. Everything is sorted (newest first, ties by title and file), so two
builds write the same bytes.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from markupsafe import Markup, escape
from pelican.generators import Generator

from . import sources
from .entity_pages import MAX_SNIPPETS, entities_in, mention_spans
from .links import feed_path, source_url
from .order import newest_first
from .snippets import snippets
from .tagging import tagged_text

logger = logging.getLogger(__name__)

FEEDS = (("CLIPPINGS_FEED_ATOM", "atom"), ("CLIPPINGS_FEED_RSS", "rss"))
# Path patterns ("feeds/people/{slug}.atom.xml") of the per-term Atom feeds, by kind.
TERM_FEEDS = {"person": "CLIPPINGS_PERSON_FEED_ATOM", "place": "CLIPPINGS_PLACE_FEED_ATOM",
              "source": "CLIPPINGS_SOURCE_FEED_ATOM"}
TERM_MAX_ITEMS = "CLIPPINGS_TERM_FEED_MAX_ITEMS"
FOLDER_TITLES = {"person": "People", "place": "Places", "source": "Sources"}


def absolute_site(settings: dict[str, Any]) -> bool:
    """True when feeds can carry absolute URLs (SITEURL or FEED_DOMAIN is http(s)://...)."""
    base = settings.get("FEED_DOMAIN") or settings.get("SITEURL") or ""
    return base.startswith(("http://", "https://"))


def dated(articles: list[Any]) -> list[Any]:
    """The articles a feed may list: dated ones, newest first."""
    return sorted((a for a in articles if not getattr(a, "undated", False)), key=newest_first)


def term_feed(settings: dict[str, Any], term: Any) -> str | None:
    """The path of the Atom feed of a person, place or source; None when none is written."""
    pattern = settings.get(TERM_FEEDS[term.kind])
    if not pattern or not absolute_site(settings) or not dated(term.articles):
        return None
    return feed_path(pattern, term.slug)


@dataclass(frozen=True)
class FeedEntry:
    """What Pelican's writer reads of an item, for an entry that is not a whole article."""

    title: str
    url: str
    date: datetime
    summary: str | None
    content: str
    author: str | None = None

    def get_content(self, siteurl: str) -> str:
        return self.content


@dataclass(frozen=True)
class SourceTerm:
    """A source as the feeds see it: the publication grouping of publish/sources.py."""

    name: str
    slug: str
    articles: list[Any]
    kind: str = "source"


class FeedsGenerator(Generator):
    def generate_context(self) -> None:
        articles = self.context.get("articles", [])
        self.dated = dated(articles)
        self.source_terms = [SourceTerm(s.name, s.slug, s.articles)
                             for s in sources.collect(articles)[0]]
        usable = absolute_site(self.settings)
        if not usable:
            logger.warning("Clippings: feeds need an absolute SITEURL (publishconf.py); "
                           "none written")
        elif not self.dated:
            logger.info("No dated articles: no feeds written")
        if not usable or not self.dated:
            for setting, _type in FEEDS:
                self.context[setting] = None  # and the theme links to none
        # Page URL → its feed's path, for any template that wants to link a page's feed.
        terms = [*self.context.get("people", ()), *self.context.get("places", ())]
        feeds = {t.url: t.feed for t in terms if t.feed}
        feeds.update((source_url(t.slug), path) for t in self.source_terms
                     if (path := term_feed(self.settings, t)))
        self.context["clippings_feeds"] = feeds

    def generate_output(self, writer: Any) -> None:
        for setting, feed_type in FEEDS:
            path = self.context.get(setting)
            if path:
                writer.write_feed(self.dated, self.context, path, feed_type=feed_type)
        for term in self.source_terms:
            path = term_feed(self.settings, term)
            if path:
                writer.write_feed(dated(term.articles), self.context, path, feed_type="atom",
                                  feed_title=f"{FOLDER_TITLES['source']}: {term.name}")
        limit = self.settings.get(TERM_MAX_ITEMS) or None
        for attribute in ("people", "places"):
            for term in self.context.get(attribute, ()):
                if term.feed:
                    entries = [_entry(a, term) for a in dated(term.articles)[:limit]]
                    writer.write_feed(entries, self.context, term.feed, feed_type="atom",
                                      feed_title=f"{FOLDER_TITLES[term.kind]}: {term.name}")


def _entry(article: Any, term: Any) -> FeedEntry:
    """An article as an entry of a person's or place's feed: deck, mentions in context, source."""
    spans = mention_spans(entities_in(article, term.kind, term.slug))
    shown = snippets(tagged_text(article), spans)[:MAX_SNIPPETS] if spans else []
    deck = getattr(article, "deck", None)
    parts = [f"<p>{escape(deck)}</p>"] if deck else []
    if shown:
        parts.append("<ul>" + "".join(f"<li>{s}</li>" for s in shown) + "</ul>")
    if getattr(article, "source", None):
        parts.append(f"<p>{escape(article.source)}</p>")
    # Atom wants an author: the byline's, else the publication (never an empty name).
    author = getattr(article, "author", None) or getattr(article, "source", None)
    return FeedEntry(
        title=str(article.title),
        url=article.url,
        date=article.date,
        summary=str(escape(deck)) if deck else None,
        content=str(Markup("".join(parts))) or str(escape(article.title)),
        author=str(author) if author else None,
    )


def generators(pelican: Any) -> type[Generator] | None:
    """get_generators: only when the settings ask for a feed."""
    settings = [setting for setting, _type in FEEDS] + list(TERM_FEEDS.values())
    if any(pelican.settings.get(setting) for setting in settings):
        return FeedsGenerator
    return None


def own_ids(context: dict[str, Any], feed: Any) -> None:
    """feed_generated: each feed's own URL as its Atom id.

    Pelican gives every feed the site's URL as its id, so a reader subscribed to two people's
    feeds would see one feed twice over.
    """
    if feed.feed.get("feed_url"):
        feed.feed["id"] = feed.feed["feed_url"]
