"""The whole text's say on each candidate: drop organisations, events and nationalities that
carry place words, and repair labels with evidence from the rest of the text ("Vogt" tagged GPE
where "Lena Vogt" is a PERSON; "Nagano" tagged PERSON where "Nagano Prefecture" is a GPE). Each
span is first read on its own (spans.py)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from . import context, heads, nested, places
from .cache import Span
from .candidate import (
    ALWAYS_PLACES,
    ORG_LABELS,
    PLACE_LABELS,
    REPAIRABLE,
    Candidate,
)
from .context import written_lower
from .data import word_set, words
from .occupied import Occupied
from .spans import ROMAN, from_span, has_org_head, honorific_length

FULL_NAME_WEIGHT = 2
SMALL_TOWN = 100_000  # people: the gazetteer's towns below this share many a person's name
_NEXT_WORD = re.compile(r"['’]?s?\s+([A-Za-z]+)")


def candidates(text: str, spans: Iterable[Span]) -> list[Candidate]:
    """Trimmed, filtered, relabelled candidates in text order (kind "other" kept as blockers)."""
    out: list[Candidate] = []
    for start, end, label in spans:
        found = from_span(text, start, end, label)
        out.extend(found)
        if not any(c.kind == "person" for c in found):  # "the <George Washington> Bridge"
            out.extend(Candidate(s, e, "NESTED", "person", text[s:e])
                       for s, e in nested.people_within(text, start, end))
    out.sort(key=lambda c: c.start)
    _drop_orgs_and_nationalities(text, out)
    _common_lead_words(text, out)
    _drop_non_names(text, out)
    _family_names_tagged_as_organisations(text, out)
    _repair_labels(text, out)
    _places_by_context(text, out)
    _places_by_definition(text, out)
    _things_by_definition(text, out)
    return out


def _things_by_definition(text: str, cands: list[Candidate]) -> None:
    """A "person" the text defines as an organisation, an operation or a work ("a spokesperson
    for Tessaly, the U.S. military operation,"; "Quill, a rebel group") is none, at any mention."""
    defined = {c.text for c in cands if c.kind == "person"
               and context.defined_as(text, c.end) in word_set("thing_nouns")}
    for c in cands:
        if c.kind == "person" and c.text in defined:
            c.kind = "other"


def _places_by_definition(text: str, cands: list[Candidate]) -> None:
    """A name the text defines as a place ("Kolvamo is a town in ...", "Kolvamo, the capital
    of ...") is that place at every mention, whatever the model called it ("Kolvamo" tagged
    ORG 13 times in the travel guide that is about it)."""
    defined = {c.text for c in cands if c.kind != "place" and c.label in _DEFINABLE
               and c.text[:1].isupper() and len(c.text.split()) <= 3
               and not _TAIL_OF_A_NAME.search(text, max(0, c.start - 30), c.start)
               and context.defined_as_place(text, c.end)}
    for c in cands:
        if c.text in defined and c.kind != "place" and c.label in _DEFINABLE:
            c.kind, c.label = "place", "DEFINED"


_DEFINABLE = PLACE_LABELS | {"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "LANGUAGE"}
# "Braunau am <Inn>, a town on ...": the last word of a longer name the model cut.
_TAIL_OF_A_NAME = re.compile(r"[A-Z][\w'’\-]* [a-z]{1,4} $")


def _next_word(text: str, end: int) -> str:
    m = _NEXT_WORD.match(text, end, end + 40)
    return m.group(1) if m else ""


def _drop_orgs_and_nationalities(text: str, cands: list[Candidate]) -> None:
    events = word_set("event_words")
    for c in cands:
        if c.kind == "other":
            continue
        if has_org_head(c.text) or (c.kind == "person" and not _looks_like_name(c.text)):
            c.kind = "other"
        elif c.kind == "person" and _led_by_a_nationality(c.text):
            c.kind = "other"  # "Australian Heritage", "Samoan"
        elif c.kind == "place" and not places.is_known(places.canonical(c.text)):
            following = _next_word(text, c.end)
            if following in events or _is_nationality(c.text, following):
                c.kind = "other"


def _led_by_a_nationality(name: str) -> bool:
    first = name.split(" ", 1)[0]
    return first in places.demonyms() and first not in word_set("given_names")


def _looks_like_name(name: str) -> bool:
    letters = [ch for ch in name if ch.isalpha()]
    if not letters or not any(ch.isupper() for ch in letters):
        return False
    if any(ch in _TRADE_SIGNS for ch in name) or _INNER_POSSESSIVE.search(name):
        return False  # "Honey®", "Disney+", "Valentine’s Day"
    # A short all-caps word is an acronym (an agency, a broadcaster), not a person.
    if name.isupper() and len(letters) <= 5 and " " not in name:
        return False
    # In a mixed-case name, an all-caps word past the initials is a product's or a trade's
    # ("UHD Smart", "Sword OR Shield"); a person's initials lead ("JJ Watt") or carry dots,
    # and a regnal number is no such word ("Louis XV").
    return name.isupper() or not any(
        w.isalpha() and w.isupper() and (len(w) > 2 or i > 0) and not ROMAN.fullmatch(w)
        for i, w in enumerate(name.split()))


_TRADE_SIGNS = "®™©+@#"
_INNER_POSSESSIVE = re.compile(r"\w['’]s\s+\w")


def _is_nationality(name: str, following: str) -> bool:
    if " " in name or not following or not following[0].islower():
        return False
    return name.endswith(words("nationality_endings"))


def _repair_labels(text: str, cands: list[Candidate]) -> None:
    """One sense per text: every one-word person or place name takes the kind most of the text
    gives it, a fuller name counting double ("Lena Vogt" outweighs one "Vogt" tagged GPE;
    thirteen "Athens" tagged GPE outweigh one "of Athens" tagged PERSON)."""
    votes: dict[str, Counter[str]] = {}
    for c in cands:
        if c.kind == "other":
            continue
        if " " not in c.text:
            votes.setdefault(c.text, Counter())[c.kind] += 1
        for word in name_words(c):
            votes.setdefault(word, Counter())[c.kind] += FULL_NAME_WEIGHT
    for c in cands:
        if c.label not in REPAIRABLE or " " in c.text or c.kind == "other":
            continue
        if c.kind == "place" and context.region_after(text, c.end):
            continue  # "Tyler, Texas" stays a place beside "Tyler Vogt"
        # A word of a full person name the gazetteer does not know is that person, however
        # often the model calls it a place ("Abba Theodorus" ... "Theodorus" as GPE).
        if (c.kind == "place" and votes[c.text]["person"] >= FULL_NAME_WEIGHT
                and not places.is_known(places.canonical(c.text))):
            c.kind = "person"
            continue
        ranked = votes[c.text].most_common()
        if len(ranked) > 1 and ranked[0][1] > ranked[1][1]:
            c.kind = ranked[0][0]  # type: ignore[assignment]
    _one_sense_of_full_names(cands)


def _one_sense_of_full_names(cands: list[Candidate]) -> None:
    """ "Marronnier Park" tagged twice a place, twice a person: one name, one kind, the one the
    model gives it more often; on a tie a place's head word ("Park", "Hall") decides."""
    votes: dict[str, Counter[str]] = {}
    for c in cands:
        if c.kind in ("person", "place") and " " in c.text:
            votes.setdefault(c.text, Counter())[c.kind] += 1
    for c in cands:
        if c.kind not in ("person", "place") or " " not in c.text or len(votes[c.text]) < 2:
            continue
        person, place = votes[c.text]["person"], votes[c.text]["place"]
        if person == place:
            c.kind = "place" if heads.names_a_place(c.text, model_said_person=False) else c.kind
        else:
            c.kind = "person" if person > place else "place"


def name_words(c: Candidate) -> list[str]:
    """The one-word names a fuller name vouches for: the words of a person's full name, or the
    base of a place name with an administrative suffix ("Nagano" of "Nagano Prefecture")."""
    parts = c.text.split()
    if len(parts) < 2 or not parts[0][0].isupper():
        return []
    if c.kind == "person":
        return [w for w in parts if len(w) > 1 and w[0].isupper()]
    name = places.canonical(c.text)
    return [name] if " " not in name else []


def _common_lead_words(text: str, cands: list[Candidate]) -> None:
    """ "Questioning Vindman" beside "Alexander Vindman": a common word (the text also writes
    it in lower case, or a verb's -ing form), no given name, glued to a name the text gives in
    full, is cut off. Leading a name the text does not give in full, a word the text also
    writes in lower case makes it no person's ("Whole Foods" beside "whole fish")."""
    persons = [c for c in cands if c.kind == "person"]
    words_of = {c.text: name_words(c) for c in persons}
    firsts = Counter(name.split(" ")[0] for name in words_of)  # "Rose Byrne", "Rose Lind"
    for c in persons:
        parts = c.text.split(" ")
        if len(parts) < 2 or parts[0] in word_set("given_names") or firsts[parts[0]] > 1:
            continue
        common = written_lower(text, parts[0]) or parts[0].endswith("ing")  # "Questioning"
        if not common:
            continue
        rest = " ".join(parts[1:])
        # The full name must be another one: "Whole Foods" alone vouches for nothing.
        full_words = {w for other, words_ in words_of.items()
                      if other != c.text and parts[0] not in other.split() for w in words_}
        if rest.split()[-1] in full_words:
            cut = len(parts[0]) + 1
            c.start, c.text = c.start + cut, rest
        elif written_lower(text, parts[0]):
            c.kind = "other"  # "Whole Foods", "Art Deco": a common word leads, no name follows


def vouched_words(cands: list[Candidate]) -> set[str]:
    """The one-word names the people's fuller names here vouch for ("Vogt" of "Lena Vogt")."""
    return {w for c in cands if c.kind == "person" for w in name_words(c)}


def _drop_non_names(text: str, cands: list[Candidate]) -> None:
    """ "People" that are no name: products and versions (a digit: "Galaxy S24"), ships ("USS
    Potomac"), a company's product line (its first word tagged alone as the company's name);
    one-word particles or suffixes ("Jr", "De"), a common word the text also writes in lower
    case ("Symphony" beside "the symphony"), a team or family ("the Steelers")."""
    vouched = vouched_words(cands)
    brands = _brands(cands)
    for c in cands:
        if c.kind == "person" and c.text.split()[0] in brands:
            c.kind = "other"  # "Korvex Lumen" beside "Korvex" tagged as a company
        if c.kind == "place" and (_common_word_place(text, c.text) or c.text.split()[0] in (
                word_set("thing_prefixes"))):
            c.kind = "other"  # "Suite 350", "Hurricane Ada"
        if c.kind != "person":
            continue
        if any(ch.isdigit() for ch in c.text) or c.text.split()[0] in word_set(
                "thing_prefixes"):
            c.kind = "other"
            continue
        parts = c.text.split(" ")
        if len(parts) > 2 and parts[0].endswith("s") and _a_group(text, parts[0]):
            # "Browns Ada Quill": the team, then a name
            c.start, c.text = c.start + len(parts[0]) + 1, " ".join(parts[1:])
        if " " in c.text and _common_words(text, c.text):
            c.kind = "other"  # "Binary Tag", "Input Method": words the text also writes lower
            continue
        if " " in c.text or c.text in vouched:
            continue
        if c.text in word_set("not_names") or len(c.text) < 2 or written_lower(
                text, c.text) or _a_group(text, c.text) or _a_title(c.text):
            c.kind = "other"


def _a_title(word: str) -> bool:
    """ "Col" left of "Lt Col": a title alone names nobody."""
    return word in word_set("honorifics") or f"{word}." in word_set("honorifics")


def _brands(cands: list[Candidate]) -> set[str]:
    """Words the model tags alone as a company more often than it starts a person's name
    with them (not "Ilhan" of "@Ilhan" beside "Rep. Ilhan Omar" twice), no given names, and
    none that starts a name whose last word the model also tags alone as a person ("Jared
    decided" tagged as a product beside "Jared Vogt" and "Vogt said")."""
    alone = Counter(c.text for c in cands if c.label in ORG_LABELS and " " not in c.text)
    people = [c.text.split() for c in cands if c.kind == "person"]
    leading = Counter(words[0] for words in people)
    lone_people = {words[0] for words in people if len(words) == 1}
    named_in_full = {words[0] for words in people if len(words) > 1 and words[-1] in lone_people}
    return {w for w, n in alone.items() if n > leading[w]} - lone_people - named_in_full - (
        word_set("given_names"))


def _common_words(text: str, name: str) -> bool:
    """Every word of the name is one the text also writes in lower case, none a given name."""
    parts = name.split()
    return not any(p in word_set("given_names") for p in parts) and all(
        written_lower(text, p.rstrip(".,")) for p in parts)


def _a_group(text: str, name: str) -> bool:
    """ "the Steelers", "the Smiths": a plural after "the" is a team or a family, no one person;
    nor is a word that always has "the" before it ("the Chronicle said")."""
    # Not where it ends a longer name ("Oklahoma City Thunder") or starts a list after "the"
    # ("the Nixon and Clinton impeachments": two people's).
    after_the = [context.word_before(text, start) in ("the", "The")
                 for start, end in context.occurrences(text, name)
                 if not _in_a_longer_name(text, start) and not _LISTED_AFTER.match(text, end)]
    if name.endswith("s") and not name.endswith(("ss", "us", "is")):
        return any(after_the)
    return bool(after_the) and all(after_the)


_LISTED_AFTER = re.compile(r"(?:,| and| or) [A-Z]")


def _in_a_longer_name(text: str, start: int) -> bool:
    word = context.word_before(text, start)
    return word[:1].isupper() and word != "The"


def _common_word_place(text: str, name: str) -> bool:
    """A "place" in lower case ("metro", "south east"), a direction's adjective alone
    ("Southern"), or a one-word one the gazetteer does not know that the text also writes in
    lower case ("Botany" beside "botany")."""
    if not any(ch.isupper() for ch in name) or name.lower() in word_set("direction_adjectives"):
        return True
    if " " in name or name.lower() in word_set("direction_words"):
        return False
    return not places.is_known(places.canonical(name)) and written_lower(text, name)


def _places_by_context(text: str, cands: list[Candidate]) -> None:
    """A known place name the model took for a person (one word, no part of any full person
    name here) or mislabelled ("Kiev" as ORG) is a place where the context says so: right after
    "in"/"at"/"from"... ("moved to Exeter"), or listed with places ("Exeter, Devon"; "Tempe,
    Chandler and Gilbert")."""
    vouched = vouched_words(cands)
    lone = [c for c in cands if c.kind == "person" and " " not in c.text
            and c.text not in vouched and not context.possessive_after(text, c.end)]
    alone = set(lone)
    lists = context.Lists(cands)
    for c in lone:
        found = places.lookup(c.text)
        if context.place_noun_of_before(text, c.start) or (
                context.word_before(text, c.start) in _STRONG) or (
                found is not None and found.kind in ALWAYS_PLACES):
            c.kind = "place"
    doubtful = [c for c in cands if c.maybe_place or (
        c in alone and c.kind == "person" and places.lookup(c.text) is not None)]
    # A lone word no gazetteer or given-name list knows: a place only where a route or a list
    # of places says so ("from Kolvamo to Tessaly", "via Brennick and Kolvamo").
    unknown = [c for c in lone if c.kind == "person" and places.lookup(c.text) is None
               and c.text not in word_set("given_names")]
    preps = word_set("place_prepositions")
    # A word the model calls a person again and again is not made a small town by "to" or
    # "from" before one mention ("space to Obama"): only the strong words count for it.
    called_a_person = Counter(c.text for c in lone if _small_town(c.text))
    tagged = Occupied(len(text), ((c.start, c.end) for c in cands))
    for _ in range(2):  # a second pass lets a list's places vouch for each other
        for c in doubtful:
            if c.kind == "place":
                continue
            before = preps if called_a_person[c.text] < 3 else _STRONG
            if (context.word_before(text, context.after_the(text, c.start)) in before
                    or context.region_after(text, c.end)
                    or lists.listed_with(text, c, "place")
                    or _placed_where_untagged(text, c, before, tagged)):
                c.kind = "place"  # "in the Crimea", "Paramus, NJ"
        for c in unknown:
            if c.kind != "place" and (context.on_a_route(text, c.start, c.end)
                                      or lists.listed_with(text, c, "place")):
                c.kind = "place"
    # One sense per text: a lone word the context made a place is a place everywhere.
    placed = {c.text for c in cands if c.kind == "place"}
    for c in lone:
        if c.kind == "person" and c.text in placed:
            c.kind = "place"


def _placed_where_untagged(text: str, c: Candidate, before: frozenset[str],
                           tagged: Occupied) -> bool:
    """A mention of the same word the model left untagged stands where a place does: "take
    <Azov>" beside "reinterred at Azov"."""
    return c.label == "PERSON" and any(
        context.word_before(text, context.after_the(text, s)) in before
        for s, e in context.occurrences(text, c.text) if not tagged.overlaps(s, e))


def _small_town(name: str) -> bool:
    found = places.lookup(name)
    return found is not None and found.kind not in ALWAYS_PLACES and (
        found.population < SMALL_TOWN)


def _family_names_tagged_as_organisations(text: str, cands: list[Candidate]) -> None:
    """ "Assange" tagged ORG beside "Julian Assange" tagged PERSON: the family name of a person
    the text names in full is that person, unless the text also writes it as a company's
    name ("Dell Inc.", "Ford Motor")."""
    family = {c.text.split()[-1] for c in cands if c.kind == "person" and " " in c.text}
    alone = Counter(c.text for c in cands if c.kind == "person" and " " not in c.text)
    for c in cands:
        if c.label != "ORG" or c.kind != "other":
            continue
        if c.text in family and not written_as_company(text, c.text):
            c.label, c.kind = "PERSON", "person"
        elif _full_name_of_a_person(text, c.text, alone):
            c.label, c.kind = "PERSON", "person"  # "Mason Rudolph" as ORG, "Rudolph" a person
            cut = honorific_length(c.text)  # "Detective Vogt": the title is no part of it
            c.start, c.text = c.start + cut, c.text[cut:]


def _full_name_of_a_person(text: str, name: str, alone: Counter[str]) -> bool:
    """Capitalised words ending in one the text tags alone as a person, led by a common given
    name or by a word that is no common word and no company's: a full name. (A place may lead:
    many given names are towns too.)"""
    parts = name.split()
    if not 2 <= len(parts) <= 3 or not all(p[:1].isupper() for p in parts) or has_org_head(
            name) or written_as_company(text, parts[-1]) or not alone[parts[-1]] or not (
            _looks_like_name(name)):  # "NASA Picks SpaceX"
        return False
    first = parts[0]
    return first in word_set("given_names") or (
        alone[parts[-1]] >= 2 and not written_lower(text, first)
        and not written_as_company(text, first))


def written_as_company(text: str, word: str) -> bool:
    """Whether the text writes ``word`` as a company's name somewhere ("Dell Inc.")."""
    return any(_next_word(text, end) in word_set("org_heads") or (
        end < len(text) and text[end] == "-")  # "Dell-branded"
        for _, end in context.occurrences(text, word))


# Words before a name that make it a place whatever the gazetteer says ("hotels in Hadibo");
# "to", "from", "at" are too often said of people ("wrote to Smith").
_STRONG = {"in", "near", "outside"}
