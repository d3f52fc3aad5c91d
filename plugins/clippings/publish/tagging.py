"""People and places for every article of a build, tagged in one batch.

The readers run the pipeline without the tag stage; once all articles are read
(``article_generator_pretaxonomy``, before the taxonomy and feed generators look at them), this
tags them all at once, so the model runs in batches (and on both cores for a large import) over
the texts the NER cache does not hold. Then the user's corrections file is applied and each
article gets its ``people`` / ``places`` links and, for text the model cannot read, a note.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from ..model import Clipping, Entity
from ..tag import NOT_ENGLISH, archive, article_text, corrections, tag_many, tagging_notes
from .links import EntityLink, entity_slug

logger = logging.getLogger(__name__)

SETTING = "CLIPPINGS_CORRECTIONS"  # a file in the content folder, e.g. "corrections.toml"
# Everything a generator may hold that came through our readers.
HOLDERS = ("articles", "translations", "hidden_articles", "hidden_translations", "drafts",
           "drafts_translations", "pages", "hidden_pages", "draft_pages")


def tag_articles(generator: Any) -> None:
    """article_generator_pretaxonomy (and page_generator_finalized): tag, correct, link."""
    contents = [c for c in _contents(generator) if isinstance(c.clipping, Clipping)]
    if not contents:
        return
    fixes = load_corrections(generator.settings)
    _tag([c.clipping for c in contents if _untagged(c.clipping)])
    archive.link_family_names([c.clipping for c in contents])
    for content in contents:
        clipping = content.clipping
        corrections.apply_to(fixes, clipping, _where(content))
        links = {"people": entity_links(clipping.people, "person"),
                 "places": entity_links(clipping.places, "place")}
        for attribute, value in links.items():
            setattr(content, attribute, value)
            content.metadata[attribute] = value
        notes = getattr(content, "notes", None)
        for note in tagging_notes(clipping):
            if isinstance(notes, list) and note not in notes:
                notes.append(note)
                if note != NOT_ENGLISH:  # a page too long to tag in full: worth a log line
                    logger.warning("Clippings: %s: %s", _where(content), note)


def load_corrections(settings: dict[str, Any]) -> corrections.Corrections:
    """The corrections file the settings name (in the content folder); none when it is not
    set or absent. A file that cannot be used is reported and the build goes on without it."""
    configured = settings.get(SETTING)
    if not configured:
        return corrections.Corrections()
    root = settings.get("PATH") or "."
    path = os.path.join(root, configured)
    shown = os.path.join(os.path.basename(os.path.normpath(root)), configured)
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except FileNotFoundError:
        logger.info("Clippings: no corrections file %s", shown)
        return corrections.Corrections()
    except (OSError, UnicodeDecodeError) as exc:
        logger.error("Clippings: %s cannot be read (%s); the build goes on without corrections",
                     shown, exc)
        return corrections.Corrections()
    try:
        return corrections.parse(text, shown)
    except corrections.CorrectionsError as exc:
        logger.error("Clippings: %s; the build goes on without corrections", exc)
        return corrections.Corrections()


def entity_links(entities: list[Entity], kind: str) -> list[EntityLink]:
    """One link per page: names that spell the same slug are one entity; no slug, no link."""
    links: dict[str, EntityLink] = {}
    for entity in entities:
        slug = entity_slug(entity.name)
        if slug and slug not in links:
            links[slug] = EntityLink(entity.name, slug, kind)
    return list(links.values())


def _contents(generator: Any) -> list[Any]:
    seen: dict[int, Any] = {}
    for holder in HOLDERS:
        for content in getattr(generator, holder, None) or ():
            if hasattr(content, "clipping"):
                seen.setdefault(id(content), content)
    return list(seen.values())


def _untagged(clipping: Clipping) -> bool:
    # A Clipping that arrives with people or places was tagged already (a stand-in pipeline,
    # a reader cache); one the model refused keeps its warning. Neither is tagged again.
    return not (clipping.people or clipping.places or NOT_ENGLISH in clipping.warnings)


def _tag(clippings: list[Clipping]) -> None:
    if not clippings:
        return
    try:
        tag_many(clippings)
    except Exception as exc:  # the archive is still worth building without tags
        logger.error("Clippings: tagging failed (%s: %s); %d article(s) have no people or "
                     "places", type(exc).__name__, exc, len(clippings))


def _where(content: Any) -> str:
    """The article's name under content/ (scraped/<folder>/<file>), as splits name it."""
    provenance = content.metadata.get("provenance") or {}
    return provenance.get("file") or _relative(content)


def _relative(content: Any) -> str:
    source = getattr(content, "source_path", "") or ""
    root = content.settings.get("PATH") or "."
    return os.path.relpath(source, root).replace(os.sep, "/") if source else ""



def tagged_text(article: Any) -> str:
    """The text an article's mention offsets point into, built once per article: every person's
    and place's page (and feed) that lists the article cuts its snippets from it."""
    text = getattr(article, "_clippings_tagged_text", None)
    if text is None:
        text = article_text(article.clipping)
        article._clippings_tagged_text = text
    return text
