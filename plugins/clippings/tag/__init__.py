"""The tag stage: the people and places a text mentions, with canonical names and every
mention as character offsets into the text exactly as given.

spaCy's NER (cached by content) proposes spans; spans.py trims each and reads what it names;
repair.py and evidence.py weigh them against the rest of the text; people.py and places.py merge
the mentions of one real person or place under one name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from ..model import Clipping, Entity, Mention
from . import evidence, mentions, people, places
from .alternates import alternate_names
from .cache import Span, stats
from .candidate import Candidate
from .language import is_english
from .names import (
    catalogue_names,
    people_after_occupation,
    people_after_title,
    people_before_life_dates,
    untagged_people,
)
from .ner import entity_spans, entity_spans_many
from .occupied import Occupied
from .other_names import merge_other_names
from .repair import candidates
from .roads import road_spans
from .untagged import untagged_places, untagged_regions, untagged_sites

__all__ = ["article_text", "stats", "tag", "tag_many", "tag_text", "tag_texts", "tagging_notes",
           "to_json"]

NOT_ENGLISH = "not tagged: people and places are found in English text only"
# Characters of one article the tagger reads: a long book's worth. A page larger than that (a
# whole site saved as one file, a log) would hold the build for many minutes.
MAX_TAGGED = 1_000_000
TOO_LONG = "people and places are tagged in the first {limit:,} characters of {length:,} only"

# "NAIROBI -- ..." at the start of a paragraph: a dateline the model may not tag.
_DATELINE = re.compile(r"(?m)^([A-Z][A-Z.'’ ]*[A-Z.])(?:,[^\n]{0,30}?)?\s+(?:--|—|–)\s")


def tag_text(text: str) -> tuple[list[Entity], list[Entity]]:
    """People and places of one plain text, each sorted by name."""
    return entities_from_spans(text, entity_spans(text))


def tag_texts(texts: Sequence[str]) -> list[tuple[list[Entity], list[Entity]]]:
    """People and places of many texts, the model run in batches over those not cached."""
    return [entities_from_spans(text, spans)
            for text, spans in zip(texts, entity_spans_many(texts), strict=True)]


def tag(clipping: Clipping) -> None:
    """Tag one article: its title, subtitle, captions and body, as one text."""
    tag_many([clipping])


def tag_many(clippings: Sequence[Clipping]) -> None:
    """Tag many articles, running the model in batches over those not cached.

    Articles not in English are left untagged, with a warning: the model reads English only.
    """
    english = []
    for clipping in clippings:
        if is_english(clipping.text or article_text(clipping), clipping.lang):
            english.append(clipping)
        else:
            clipping.warnings.append(NOT_ENGLISH)
    tagged = tag_texts([_within_limit(c) for c in english])
    for clipping, (people_, places_) in zip(english, tagged, strict=True):
        clipping.people, clipping.places = people_, places_


def _within_limit(clipping: Clipping) -> str:
    """The article's text, cut at a paragraph before MAX_TAGGED characters, with a warning."""
    text = article_text(clipping)
    if len(text) <= MAX_TAGGED:
        return text
    cut = text.rfind("\n\n", 0, MAX_TAGGED)
    clipping.warnings.append(TOO_LONG.format(limit=MAX_TAGGED, length=len(text)))
    return text[:cut if cut > 0 else MAX_TAGGED]


def tagging_notes(clipping: Clipping) -> list[str]:
    """What the tag stage has to tell a reader of this article: not read, or read in part."""
    return [w for w in clipping.warnings
            if w == NOT_ENGLISH or w.startswith(TOO_LONG.split("{", 1)[0])]


def article_text(clipping: Clipping) -> str:
    """Everything a reader sees of the article, in order, blocks joined by a blank line."""
    parts = [clipping.title, clipping.subtitle, *clipping.captions, clipping.text]
    return "\n\n".join(p.strip() for p in parts if p and p.strip())


def to_json(people_: Iterable[Entity], places_: Iterable[Entity]) -> dict[str, Any]:
    """The shape `clippings entities` prints for one text."""
    def one(e: Entity) -> dict[str, Any]:
        return {"name": e.name, "mentions": [[m.start, m.end] for m in e.mentions]}

    return {"people": [one(e) for e in people_], "places": [one(e) for e in places_]}


def entities_from_spans(text: str, spans: Sequence[Span]) -> tuple[list[Entity], list[Entity]]:
    """The rules on top of the model: from raw spans to people and places."""
    inverted, spans = catalogue_names(text, spans)
    datelines, spans = _datelines(text, spans)
    roads, spans = road_spans(text, spans)
    spans = [*spans, *inverted, *datelines, *roads]
    # A name before a life's dates is a person whatever the model made of it.
    lived = people_before_life_dates(text, spans)
    by_lives = Occupied(len(text), ((s, e) for s, e, _ in lived))
    spans = [*(s for s in spans if not by_lives.overlaps(s[0], s[1])), *lived]
    found = [*spans, *untagged_people(text, spans), *untagged_places(text, spans)]
    found += untagged_sites(text, found)
    found += evidence.people_by_evidence(text, found)
    found += people_after_occupation(text, found)
    found += people_after_title(text, found)
    cands = candidates(text, [*found, *untagged_regions(text, found)])
    people.join_cut_names(text, cands)
    evidence.require(text, cands)
    cands += evidence.people_listed_with_people(text, cands)
    persons = merge_other_names(text, people.cluster([c for c in cands if c.kind == "person"]))
    groups = _group_places(text, [c for c in cands if c.kind == "place"])
    person_entities = [_person_entity(p) for p in persons]
    place_entities = [_place_entity(name, forms) for name, forms in groups.items()]
    # Only named in what is named after them ("the Ada Quill Bridge"): their family name alone
    # elsewhere is not taken for them.
    named_after = {i for i, p in enumerate(persons) if all(c.label == "NESTED" for c in p.forms)}
    _add_missed_mentions(text, cands, person_entities, place_entities, named_after)
    return _sorted(person_entities), _sorted(place_entities)


def _datelines(text: str, spans: Sequence[Span]) -> tuple[list[Span], list[Span]]:
    """GPE spans for the known places of all-caps datelines ("ST. JOSEPH, Mich. (AP) —"), and
    the model's spans without those it cut them into ("ST" as a place, "JOSEPH" as a person)."""
    out = []
    for m in _DATELINE.finditer(text):
        s, e = m.span(1)
        inside = [(a, b, label) for a, b, label in spans if s <= a and b <= e]
        crossing = any(a < e and s < b and not s <= a <= b <= e for a, b, _ in spans)
        # The model has it as one place already ("SIOUX FALLS" as a person is not).
        tagged_whole = len(inside) == 1 and inside[0][:2] == (s, e) and inside[0][2] != "PERSON"
        if not tagged_whole and not crossing and places.is_known(places.canonical(m.group(1))):
            out.append((s, e, "GPE"))
    return out, [span for span in spans
                 if not any(s <= span[0] and span[1] <= e for s, e, _ in out)]


def _group_places(text: str, cands: list[Candidate]) -> dict[str, list[Candidate]]:
    other_names = alternate_names(text, cands)
    groups: dict[str, list[Candidate]] = {}
    for c in cands:
        name = places.canonical(c.text)
        groups.setdefault(other_names.get(name, name), []).append(c)
    return groups


def _person_entity(p: people.Person) -> Entity:
    name = p.name()
    return Entity(
        name=name,
        kind="person",
        mentions=[Mention(c.start, c.end, c.text) for c in p.forms],
        aliases=_aliases(name, (c.text for c in p.forms)),
    )


def _place_entity(name: str, forms: list[Candidate]) -> Entity:
    found = places.lookup(name)
    return Entity(
        name=name,
        kind="place",
        mentions=[Mention(c.start, c.end, c.text) for c in forms],
        aliases=_aliases(name, (c.text for c in forms)),
        country=found.country if found else None,
        lat=found.lat if found else None,
        lon=found.lon if found else None,
    )


def _aliases(name: str, forms: Iterable[str]) -> list[str]:
    return sorted({f for f in forms if f != name})


def _add_missed_mentions(
    text: str,
    cands: list[Candidate],
    person_entities: list[Entity],
    place_entities: list[Entity],
    no_family_name: set[int],
) -> None:
    """Other occurrences of the names found, which the model left untagged; a person's family
    name alone too, unless the person is in ``no_family_name``."""
    entities = person_entities + place_entities
    owners: dict[str, set[int]] = {}
    for i, e in enumerate(entities):
        for form in {m.text for m in e.mentions}:
            owners.setdefault(form, set()).add(i)
    for i, p in enumerate(person_entities):
        if i in no_family_name:
            continue
        for form in {p.name} | {m.text for m in p.mentions}:  # "Zaha Hadid" of "Zahā Ḥadīd"
            words = [w for w in form.split() if people.key_words(w)]  # no "Jr.", no "W."
            if len(words) > 1:
                owners.setdefault(words[-1].rstrip(","), set()).add(i)
    # Not two capitals ("OK" of "Tulsa, OK" is no Oklahoma in "HTTP/1.1 200 OK").
    forms = {f: next(iter(o)) for f, o in owners.items()
             if len(o) == 1 and len(f) > 1 and f[0].isupper() and not (
                 len(f) == 2 and f.isupper())}
    for start, end, owner in mentions.find_more(text, forms, [(c.start, c.end) for c in cands]):
        entities[owner].mentions.append(Mention(start, end, text[start:end]))
    for e in entities:
        e.mentions.sort(key=lambda m: m.start)


def _sorted(entities: list[Entity]) -> list[Entity]:
    return sorted(entities, key=lambda e: e.name.casefold())
