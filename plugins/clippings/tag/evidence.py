"""Evidence that a name is what the model says it is, asked of the names it is least sure of.

People: a lone capitalised word the model tagged as a person.

A one-word "person" that is no common given name and no word of a fuller person name in the same
text is as often a product, a place, a team or a capitalised common noun ("Convertible",
"Socotra", "Challenges"). It is kept only when some mention of it is said of a person: a title or
an occupation before it ("Dr. Ott", "the poet Ott"), a verb of speaking or living or a pronoun
that refers back right after it ("Ott said", "Ott, who"), a given name after a comma (a
catalogue's "Ott, Lena"), or a possessive naming what only a person has ("Ott's widow",
"Ott's national security adviser", "the Ott administration"). The cue words are data
(data/person_cues_after.txt, data/person_nouns_after.txt, data/person_nouns_attributive.txt;
before the name honorifics.txt, occupation_nouns.txt, role_heads.txt, and kin_nouns.txt for
"his brother, Ott").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from . import context, heads, places
from .cache import Span
from .candidate import ORG_LABELS, Candidate
from .context import written_lower
from .data import word_set, words
from .occupied import Occupied
from .repair import vouched_words, written_as_company

# After the name: an optional possessive and comma, an auxiliary, then the next word.
_NEXT = re.compile(r"(?:['’]s?)?\s*,?\s*(?:(?:was|is|has|had|also|later|then|once)\s+)?"
                   r"([A-Za-z][a-z\-]*)")
# After the name's possessive: the noun and at most two modifiers before it ("Ott's late wife").
_POSSESSED = re.compile(r"['’]s?((?:\s+[a-z\-]+){1,3})")
_CAPITAL_AFTER = re.compile(r" [A-Z]")
_KIN_BEFORE = re.compile(r"\b([a-zé]+),?\s+$")
_INVERTED = re.compile(r",\s*([A-Z][a-z]+)\b")  # "Ott, Lena": surname first, as catalogues do
_WORD_BEFORE = re.compile(r"([A-Za-z][\w.\-]*)\s+$")
_AGE = re.compile(r",\s(?:[1-9]|[1-9]\d|1[01]\d),")  # "Ott, 47, said": news gives an age


def said_of_a_person(text: str, start: int, end: int, *, strict: bool = False) -> bool:
    """Whether the mention at start:end stands where a person's name does. Strict: only an
    honorific, an age or a possession count (companies say and want things too, and an
    occupation goes before them as well: "investor SoftBank")."""
    if _honoured(text, start, end) or _possession(text, end) or _AGE.match(text, end):
        return True
    return not strict and (_titled(text, start) or _cue_after(text, end) or _in_office(
        text, end))


@cache
def _titles() -> frozenset[str]:
    return word_set("honorifics") | word_set("occupation_nouns") | word_set("role_heads")


def _titled(text: str, start: int) -> bool:
    word = _word_before(text, start)
    if word in _titles() or word.lower() in word_set("role_heads"):
        return True
    m = _KIN_BEFORE.search(text, max(0, start - 30), start)  # "his brothers, Ott and Lena"
    return m is not None and m.group(1) in word_set("kin_nouns")


def _honoured(text: str, start: int, end: int) -> bool:
    """ "Mrs. Ott said", not "President Ott North America" (a title before a company's
    longer name) or "Major Ott layoffs" (an adjective before a make)."""
    return _word_before(text, start) in word_set("honorifics") and not (
        _CAPITAL_AFTER.match(text, end) or _names_a_make(text, end))


def _word_before(text: str, start: int) -> str:
    m = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return m.group(1) if m else ""


def _cue_after(text: str, end: int) -> bool:
    m = _NEXT.match(text, end, end + 40)
    if m is not None and m.group(1) in word_set("person_cues_after"):
        return True
    m = _INVERTED.match(text, end, end + 40)
    return m is not None and m.group(1) in word_set("given_names")


def _possession(text: str, end: int) -> bool:
    m = _POSSESSED.match(text, end, end + 60)
    nouns = word_set("person_nouns_after")
    return m is not None and any(noun in nouns for noun in m.group(1).split())


def _in_office(text: str, end: int) -> bool:
    """ "the Ott administration" (not strict evidence: "the Senate impeachment trial")."""
    return context.noun_after(text, end) in word_set("person_nouns_attributive")


def require(text: str, cands: list[Candidate]) -> None:
    """Drop the lone people and the unknown places nothing in the text vouches for; take for
    people the lone words the model called organisations that the text plainly says are."""
    _organisations_said_of_people(text, cands)
    _drop_lone_words_without_evidence(text, cands)
    _drop_headings_named_nowhere_else(text, cands)
    _drop_unknown_places_without_context(text, cands)


def _organisations_said_of_people(text: str, cands: list[Candidate]) -> None:
    """ "Mrs. Brennick" or "Brennick, 47," tagged ORG: a title, an age or what only a person has
    is said of that one word somewhere, and no other mention of it reads as a company's."""
    named: dict[str, list[Candidate]] = {}
    for c in cands:
        if c.label == "ORG" and c.kind == "other" and " " not in c.text and c.text[:1].isupper(
                ) and not c.text.isupper():
            named.setdefault(c.text, []).append(c)
    for name, found in named.items():
        if not written_as_company(text, name) and any(
                said_of_a_person(text, *span, strict=True)
                for span in context.occurrences(text, name)):
            for c in found:
                c.label, c.kind = "PERSON", "person"


def _drop_lone_words_without_evidence(text: str, cands: list[Candidate]) -> None:
    """A one-word "person" that is no given name and no word of a fuller person name here is
    kept only if the text somewhere says it of a person ("Ott said", "Dr. Ott") or lists it
    with people."""
    vouched = vouched_words(cands)
    by_text: dict[str, list[Candidate]] = {}
    for c in cands:
        by_text.setdefault(c.text, []).append(c)
    lone = {c.text for c in cands if c.kind == "person" and " " not in c.text
            and c.text not in vouched and c.text not in word_set("given_names")}
    lone -= {c.text for c in cands if c.label == "TITLED"}
    lists = context.Lists(cands)
    # In text order: a name dropped here is no longer a person that lists vouch with, so the
    # order must not depend on how a set happens to iterate.
    for name in sorted(lone, key=lambda n: by_text[n][0].start):
        found = by_text[name]
        if any(lists.listed_with(text, c, "person", comma_after=False) for c in found):
            continue  # "Moore, Goscinny and Lagerlöf"
        # A word the model also calls an organisation ("Instagram wants...") needs more than
        # a verb: a title, or what only a person has.
        company = any(c.label in ORG_LABELS for c in found)
        if not any(said_of_a_person(text, *span, strict=company)
                   for span in context.occurrences(text, name)):
            for c in found:
                if c.kind == "person":
                    c.kind = "other"


def _drop_headings_named_nowhere_else(text: str, cands: list[Candidate]) -> None:
    """A "person" that is a whole line of its own is a heading ("Finished Terrarium", "Wikimedia
    Maps"), unless the text names that person elsewhere too: a biography's title "Ada Quill"
    above "Ada Mary Quill (born 1950)... Quill studied": another mention ends with its last
    word (not "Ada Quillbrandsystem", a byline glued to a link, beside "Ada Quill")."""
    people = [c for c in cands if c.kind == "person"]
    for c in people:
        if not _alone_on_its_line(text, c.start, c.end):
            continue
        last = c.text.split()[-1]
        if not any(x is not c and x.text.split()[-1] == last for x in people):
            c.kind = "other"


def _alone_on_its_line(text: str, start: int, end: int) -> bool:
    line_start, line_end = context.line_around(text, start, end)
    return not text[line_start:start].strip() and not text[end:line_end].strip()


def _drop_unknown_places_without_context(text: str, cands: list[Candidate]) -> None:
    """A "place" no gazetteer knows and whose form says nothing of a place ("Dashlane",
    "Water Coolest") is kept only where the text puts it somewhere a place goes: after "in",
    "near"..., beside a region ("Monroe, La."), on a route, or in a list with known
    places or inside a list of places ("for Tessaly, Kolvamo and Brennick"; but not
    "Spotify or Pandora", two unknowns vouching for each other)."""
    # NESTED, SITE and DEFINED: the words around the name already say it is a place.
    unknown = {c.text for c in cands if c.kind == "place"
               and c.label not in ("NESTED", "SITE", "DEFINED")
               and c.text.lower() not in word_set("direction_words")  # "the West"
               and not _refines_a_known_place(c.text)
               and not heads.names_a_place(c.text, model_said_person=False)}
    mentions: dict[str, list[Candidate]] = {}  # in text order, for the same reason as above
    for c in cands:
        if c.kind == "place" and c.text in unknown:
            mentions.setdefault(c.text, []).append(c)
    # "investigations into the Bidens": a family the text names a person of is no place.
    families = {f"{word}s" for c in cands if c.kind == "person" for word in c.text.split()}
    for name in families & mentions.keys():
        for c in mentions.pop(name):
            c.kind = "other"
    kept = {name for name, found in mentions.items() if _placed_by_context(text, found)}
    every = context.Lists(cands)
    kept |= {name for name, found in mentions.items()
             if any(all(every.sides(text, c, "place")) for c in found)}
    vouching = context.Lists(x for x in cands if x.kind != "place" or x.text not in unknown - kept)
    for name, found in mentions.items():
        # A possessor is in no list of places: "India and Street's expectations".
        listed = [c for c in found if not context.possessive_after(text, c.end)]
        if name in kept or any(vouching.listed_with(text, c, "place") for c in listed):
            continue
        for c in found:
            c.kind = "other"


def _placed_by_context(text: str, found: list[Candidate]) -> bool:
    """Whether a mention the model tagged stands where a place does. Before a one-word name
    only words seldom said of companies count ("in", "near", "throughout"; not "at", "to" or
    "from": "works at Brennick", "a stake sold to Brennick"); a possessor is no place ("in
    the Tsar's service"), nor a language or people ("in Iranian, 40 means many")."""
    name = found[0].text
    if " " not in name and name.endswith(words("nationality_endings")) and len(name) > 4:
        return False
    before = word_set("place_context_before")
    if " " in name:  # a company is mostly one word; "at the Prague Conservatory" is a place
        before = before | word_set("place_prepositions")
    # What the model calls a building or a street is where things happen: "on Broadway",
    # "at the Louvre" (not "on English Wikipedia").
    building = before | word_set("place_prepositions") | ({"on"} if " " not in name else set())
    return any(_where_a_place_goes(text, c, building if c.label == "FAC" else before)
               for c in found)


def _where_a_place_goes(text: str, c: Candidate, before: frozenset[str]) -> bool:
    said_before = context.word_before(text, context.after_the(text, c.start)) in before
    return (said_before and not context.possessive_after(text, c.end)
            and not _names_a_make(text, c.end)) or any((
        context.region_after(text, c.end), context.place_noun_of_before(text, c.start),
        context.plural_place_noun_after(text, c.end), context.on_a_route(text, c.start, c.end)))


def _names_a_make(text: str, end: int) -> bool:
    """ "in Brennick keyboards": a name before a plural noun names a make, not where."""
    noun = context.noun_after(text, end)
    return len(noun) > 3 and noun.endswith("s") and noun not in word_set(
        "english_function_words")


def _refines_a_known_place(name: str) -> bool:
    """A known place, or one named by what it is part of ("Northeast Ohio", "West Oakland",
    "the Spanish Netherlands"): its last word or words are a known place, the words before
    them directions, nationalities or modifiers such as "Greater" (data/place_modifiers.txt)."""
    parts = name.split()
    if places.is_known(places.canonical(name)):
        return True
    refining = _refining_words()
    for i in range(1, len(parts)):
        lead = parts[:i]
        if parts[i][:1].isupper() and places.is_known(places.canonical(" ".join(parts[i:]))):
            return all(w.lower() in refining or w in places.demonyms() for w in lead)
    return False


@cache
def _refining_words() -> frozenset[str]:
    return word_set("direction_words") | word_set("direction_adjectives") | word_set(
        "place_modifiers")


_CAPITALISED = re.compile(r"(?<![\w'’.-])([A-Z][a-z]{2,})(?![\w-])(?!['’]?s?\s+[A-Z])")


def people_by_evidence(text: str, spans: Sequence[Span]) -> list[Span]:
    """PERSON spans for a capitalised word standing alone that the model never tagged, where
    the text twice says it of a person, or once with a title, an age or what only a person
    has: "Byron fell in love ... In Byron's later memoirs". Not a common word the text also
    writes in lower case, a title or a known place."""
    taken = Occupied(len(text), ((s, e) for s, e, _ in spans))
    found: dict[str, list[tuple[int, int]]] = {}
    for m in _CAPITALISED.finditer(text):
        if not taken.overlaps(*m.span(1)):
            found.setdefault(m.group(1), []).append(m.span(1))
    out: list[Span] = []
    for word, where in found.items():
        if len(where) < 2 or _not_a_name(text, word):
            continue
        strong = any(said_of_a_person(text, s, e, strict=True) for s, e in where)
        if strong or sum(said_of_a_person(text, s, e) for s, e in where) >= 2:
            out.extend((s, e, "PERSON") for s, e in where)
    return out


_NAME_PAIR = re.compile(r"(?<![\w'’.-])[A-Z][a-zß-ÿ]+(?:[ -][A-Z][a-zß-ÿ]+){1,2}(?![\w'’-])")


def people_listed_with_people(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Persons for untagged names of two or three capitalised words in a list of people, with
    a person on each side: "for Ada Quill, Bo Tessaly, Cy Lind and Di Vogt" (the model
    missed "Bo Tessaly"). Not a common word the text writes in lower case, a title or a place."""
    taken = Occupied(len(text), ((c.start, c.end) for c in cands))
    lists = context.Lists(cands)
    out = []
    for m in _NAME_PAIR.finditer(text):
        # A surname may be a town's name too ("Pimentel"); the whole name may not.
        if taken.overlaps(*m.span()) or _not_a_name(text, re.split(r"[ -]", m.group())[0]) or (
                places.is_known(places.canonical(m.group()))):
            continue
        c = Candidate(m.start(), m.end(), "PERSON", "person", m.group())
        if all(lists.sides(text, c, "person")):
            out.append(c)
    return out


def _not_a_name(text: str, word: str) -> bool:
    blocked = _no_names()
    return word in blocked or word.lower() in blocked or f"{word}." in blocked or (
        written_lower(text, word)) or places.is_known(places.canonical(word))  # "Lt. Col."


@cache
def _no_names() -> frozenset[str]:
    """Words that are never a person's name alone: function words, titles, occupations."""
    return (word_set("english_function_words") | word_set("honorifics") | word_set("not_names")
            | word_set("name_titles") | word_set("occupation_nouns"))
