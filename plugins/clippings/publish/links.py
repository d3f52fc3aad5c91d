"""Stable names and URLs for the people and places an article links to."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from slugify import slugify

FOLDERS = {"person": "people", "place": "places", "source": "sources"}
# people/index.html lists everyone: nobody may take that file name.
RESERVED = {"index"}


def usual_name(counts: Counter) -> str:
    """The spelling most articles use for one slug; ties go to the alphabetically first, so
    builds agree."""
    return min(counts, key=lambda name: (-counts[name], name))


def entity_slug(name: str) -> str:
    """'Zoë O'Neill' → 'zoe-o-neill'; '' when the name has nothing to spell a file name with."""
    slug = slugify(name)
    return f"{slug}-1" if slug in RESERVED else slug


def source_slug(name: str) -> str:
    """A publication's slug, shared by sources/<slug>.html and feeds/sources/<slug>.atom.xml.

    'The Daily Planet' → 'the-daily-planet'; '' when the name spells no file name.
    """
    return entity_slug(name)


def source_url(slug: str) -> str:
    """The page of one source (publication): sources/<slug>.html."""
    return f"{FOLDERS['source']}/{slug}.html"


def entity_url(kind: str, slug: str) -> str:
    """The page of one person or place: people/<slug>.html, places/<slug>.html."""
    return f"{FOLDERS[kind]}/{slug}.html"


def feed_path(pattern: str, slug: str) -> str:
    """A per-term feed's path from its settings pattern: 'feeds/people/{slug}.atom.xml'."""
    return pattern.format(slug=slug)


@dataclass(frozen=True, order=True)
class EntityLink:
    """A person or place as an article page shows it: a name and a page."""

    name: str
    slug: str
    kind: str  # "person" | "place"

    @property
    def url(self) -> str:
        return entity_url(self.kind, self.slug)
