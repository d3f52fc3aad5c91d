"""From spaCy's raw entity spans to person / place candidates: trim each span to the name
itself, drop organisations, events and nationalities that carry place words, and repair labels
with evidence from the rest of the text ("Vogt" tagged GPE where "Lena Vogt" is a PERSON;
"Nagano" tagged PERSON where "Nagano Prefecture" is a GPE)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal

from . import context, heads, names, nested, places, works
from .cache import Span
from .data import table, word_set, words

Kind = Literal["person", "place", "other"]

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Labels of names that may hold a place ("the University of Paris") or be one the model
# mislabelled ("Kiev" tagged ORG, "Adriatic" tagged NORP).
NAME_LABELS = {"ORG", "EVENT", "WORK_OF_ART", "PRODUCT", "NORP", "LANGUAGE", "LAW"}
# Labels whose one-word spans the gazetteer may turn into places, given a place context.
MISLABELLED_PLACE = {"ORG", "NORP", "PRODUCT", "LANGUAGE"}
# Gazetteer kinds that are places in any context, even tagged ORG (a country as a government).
ALWAYS_PLACES = {"country", "state", "continent"}
# Labels whose one-word spans may be relabelled; ORG is left alone ("Ford" the company).
REPAIRABLE = PLACE_LABELS | {"PERSON"}
ORG_LABELS = {"ORG", "PRODUCT"}
FULL_NAME_WEIGHT = 2
SMALL_TOWN = 100_000  # people: the gazetteer's towns below this share many a person's name

_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")
_CLOSERS = {"(": ")", "'": "'", "‘": "’", '"': '"', "“": "”"}


def _closed(rest: str) -> bool:
    """Whether the bracket or quote that starts ``rest`` closes in it: "(Jr.)", Finley
    "Finn" Polmar; a quote must close inside the name, not end it ("Ada Vogt 'Humbled'")."""
    rest = rest.strip()
    opener = rest[:1]
    if opener not in _CLOSERS:
        return False
    closing = rest.find(_CLOSERS[opener], 1)
    return closing > 0 and (opener == "(" or rest[closing + 1:].strip() != "")


_LEADING_JUNK = re.compile(r"(?:['’]s\b|[^\w'’\"“(\[]+)\s*")
_LEADING_THE = re.compile(r"^(?:the|The|THE|a|an)\s+")  # "herself a Grocery Store"
_TRAILING_PUNCT = ",;:!?\"'“”‘’()[]/|-–—"
_JOINS = re.compile(r"\s*(?:[-–—/&]|\band\b)\s*")
_WORD_BREAKS = re.compile(r"[\s\-–—]+")
_SPLIT_AT = re.compile(r"\s*\n\s*|\s*\(\s*|/|:\s+|\s[-–—@]\s|\s['‘\"“](?=\w)")
_NEXT_WORD = re.compile(r"['’]?s?\s+([A-Za-z]+)")


@dataclass(eq=False)  # one candidate is itself: found by identity, never by its fields
class Candidate:
    start: int
    end: int
    label: str
    kind: Kind
    text: str
    maybe_place: bool = False  # a known place name the model mislabelled: context decides
    name: str = ""  # the name as a tag shows it, when not the text ("Austen, Jane")


def candidates(text: str, spans: Iterable[Span]) -> list[Candidate]:
    """Trimmed, filtered, relabelled candidates in text order (kind "other" kept as blockers)."""
    out: list[Candidate] = []
    for start, end, label in spans:
        out.extend(_from_span(text, start, end, label))
    out.sort(key=lambda c: c.start)
    _drop_orgs_and_nationalities(text, out)
    _common_lead_words(text, out)
    _drop_non_names(text, out)
    _family_names_tagged_as_organisations(text, out)
    _repair_labels(text, out)
    _places_by_context(text, out)
    return out


def _from_span(text: str, start: int, end: int, label: str) -> list[Candidate]:
    # A span across lines, a bracket ("Oliver (Armie Hammer"), a slash ("Joshua
    # Roberts/Reuters"), a colon ("Ada Vogt: Dealing"), a spaced dash or an opening quote
    # ("Ada Vogt 'Humbled"): each part apart.
    if (cut := _SPLIT_AT.search(text, start, end)) is not None and not _closed(
            text[cut.start():end]):
        return [*_from_span(text, start, cut.start(), label),
                *_from_span(text, cut.end(), end, label)]
    if label == "INVERTED":  # "Austen, Jane": a catalogue's surname-first name
        surname, _, given = text[start:end].partition(", ")
        return [Candidate(start, end, "TITLED", "person", text[start:end],
                          name=f"{given} {surname}")]
    if label == "PERSON" and (named := _name_after_a_credit(text, start, end)):
        start = named  # "Browns DL Sheldon Richardson", "Art Director_Park Dong Woo"
    if label == "PERSON":
        t_start, t_end = trim(text, start, end, "TITLED")
        titled = text[t_start:t_end]
        if honorific_length(titled) and places.is_known(places.canonical(titled)):
            return [Candidate(t_start, t_end, "GPE", "place", titled)]  # "Saint Lucia"
        of_place = _title_of_place(text, t_start, t_end)
        if of_place:
            return of_place
    start, end = trim(text, start, end, label)
    if start >= end:
        return []
    if label == "PERSON" and (rest := _GIVEN_NAME_REST.match(text, end)) and (
            rest.group(1) not in word_set("hyphen_words")) and _GIVEN_NAME_CUT.search(
            text, start, end):
        end = rest.end()  # "Moon Jae" + "-in"
    if label == "PERSON" and (place := _framed_as_a_place(text, start, end)):
        return [place]
    if label == "PERSON" and " " in text[start:end] and places.is_known(places.canonical(
            text[start:end])) and text[start:end].split()[0] not in word_set("given_names"):
        return [Candidate(start, end, "GPE", "place", text[start:end])]  # "Broken Arrow"
    if label == "PERSON" and _named_for_a_site(text, start, end):
        return [Candidate(start, end, "SITE", "place", text[start:end])]
    if label in NAME_LABELS | {"PERSON"} and (parts := _place_then_person(text, start, end)):
        return parts
    core = text[start:end]
    if label in NAME_LABELS | {"PERSON"} and not has_org_head(core) and heads.names_a_place(
            core, model_said_person=label == "PERSON") and not _a_slogan(text, start, end, label):
        return _place_parts(text, start, end, "FAC")  # "Houston’s Ada Vogt Pavilion": two
    if label == "PERSON":
        kind: Kind = "other" if works.looks_like_title(text, start, end) else "person"
        return [Candidate(start, end, label, kind, core)]
    if label in NAME_LABELS | PLACE_LABELS and names.looks_like_person(core):
        return [Candidate(start, end, "PERSON", "person", core)]
    if label in NAME_LABELS and (person_of := _person_of(text, start, end)):
        return person_of
    if label in NAME_LABELS and (named := _given_name_cut_short(text, start, end)):
        return [named]
    if label in PLACE_LABELS and core in word_set("given_names") and not places.is_known(
            places.canonical(core)):
        return [Candidate(start, end, "PERSON", "person", core)]  # "Greta and I" tagged GPE
    if label in PLACE_LABELS:
        return _place_parts(text, start, end, label)
    if label == "ORG":
        parts = _place_compound(text, start, end)
        if parts:
            return parts
    if label in MISLABELLED_PLACE and not has_org_head(core):
        found = places.lookup(places.canonical(core))
        if found is not None and (found.kind in ALWAYS_PLACES or places.is_capital(core)):
            return [Candidate(start, end, "GPE", "place", core)]
        if found is not None or core in table("place_aliases"):
            return [Candidate(start, end, label, "other", core, maybe_place=True)]
    out = [Candidate(start, end, label, "other", core)]
    if label in NAME_LABELS:
        # Not a word the text also writes in lower case ("the Wheel of Time": a town "Time").
        out.extend(Candidate(s, e, "NESTED", "place", text[s:e])
                   for s, e in nested.places_within(text, start, end)
                   if " " in text[s:e] or not written_lower(text, text[s:e]))
    return out


# A credit before a name in one span: a role joined by "_" ("Design_Lee"), or a team and an
# all-caps position ("Browns DL"); the name is the capitalised words after it.
_CREDIT = re.compile(r"(?:_|[ ][A-Z]{2,4}[ ])(?=[A-Z][\w'’.\-]*(?:[ ][A-Z][\w'’.\-]*)+$)")


def _name_after_a_credit(text: str, start: int, end: int) -> int | None:
    """Where the name starts in a person span that begins with a credit, if it does."""
    found = None
    for m in _CREDIT.finditer(text, start, end):
        if text[m.start() + 1:m.end() - 1] not in _ROMAN_WORDS:
            found = m.end()
    return found


_ROMAN_WORDS = frozenset({"II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII"})
# A two- or three-word name whose last word is a short syllable ("Moon Jae"), and the rest of
# that given name after a hyphen ("-in").
_GIVEN_NAME_CUT = re.compile(r"(?<=[A-Za-z] )[A-Z][a-z]{1,4}$")
_GIVEN_NAME_REST = re.compile(r"-([a-z]{1,5})\b(?!-)")
def _place_then_person(text: str, start: int, end: int) -> list[Candidate]:
    """ "ambassador to <Ukraine Marie Yovanovitch>": after a role's preposition, a country or
    state, then a full name starting with a common given name, in one span, are a place and a
    person (not "Chad Michael Murray", a person alone)."""
    if context.word_before(text, context.after_the(text, start)) not in word_set(
            "role_prepositions"):
        return []
    parts = text[start:end].split(" ")
    for n in range(1, min(3, len(parts) - 1)):
        place, rest = " ".join(parts[:n]), parts[n:]
        found = places.lookup(places.canonical(place))
        if found is None or found.kind not in ALWAYS_PLACES | {"state"} or len(rest) < 2:
            continue
        if rest[0] in word_set("given_names") and names.looks_like_person(" ".join(rest)):
            at = start + len(place) + 1
            return [Candidate(start, start + len(place), "GPE", "place", place),
                    Candidate(at, end, "PERSON", "person", text[at:end])]
    return []


_LEAD_BEFORE = re.compile(r"([A-Z][\w.]*)[ ]$")
_HEAD_AFTER = re.compile(r"[ ]([A-Z][\w]*)\b")
def _framed_as_a_place(text: str, start: int, end: int) -> Candidate | None:
    """A "person" the model cut out of a place's name: "Fort <Lee Historic> Park", "<Ali
    Qapu> Palace": a place word right before or after it makes the whole a place; so does a
    plural place noun after it ("Cass and <Van Buren> counties")."""
    before = _LEAD_BEFORE.search(text, max(0, start - 12), start)
    after = _HEAD_AFTER.match(text, end)
    if context.plural_place_noun_after(text, end):
        return Candidate(start, end, "GPE", "place", text[start:end])  # "... Van Buren counties"
    lead = before is not None and before.group(1) in word_set("place_leads")
    head = after is not None and after.group(1) in word_set("place_heads") | word_set(
        "facility_heads")
    if not (lead or head):
        return None
    start = before.start(1) if lead and before else start
    end = after.end(1) if head and after else end
    return Candidate(start, end, "FAC", "place", text[start:end])


_PLACE_PARTICLES = {"of", "de", "del", "la", "le", "du", "des", "upon", "on-the"}


def _a_slogan(text: str, start: int, end: int, label: str) -> bool:
    """ "the “Don’t Jerk and Drive” campaign", "Spider on the Bridge": a work's title with a
    lower-case word (but "of": "Bridge of Sighs"), or quoted with a contraction, is no road
    or bridge, though "the “Will Vogt Turnpike”" is."""
    core = text[start:end]
    lower = [w for w in core.split() if w.islower() and w not in _PLACE_PARTICLES]
    return label == "WORK_OF_ART" and (bool(lower) or works.looks_like_title(
        text, start, end) and ("’" in core or "'" in core))


_LOWER_NOUN_AFTER = re.compile(r" ([a-z]+)\b")
_DIRECTION_END = re.compile(r" (?:North|South|East|West|Central)$")


def _named_for_a_site(text: str, start: int, end: int) -> bool:
    """ "the <Hoa Lo> prison", "<Yobe North>": a multi-word "person" no given name leads,
    before a building's noun, or a known place with a direction after it (a district)."""
    name = text[start:end]
    first = name.split(" ", 1)[0]
    if " " not in name or first in word_set("given_names"):
        return False
    m = _LOWER_NOUN_AFTER.match(text, end)
    if m is not None and m.group(1) in word_set("facility_nouns"):
        return True
    found = places.lookup(places.canonical(first))  # a state's district, not "Kanye West"
    return _DIRECTION_END.search(name) is not None and found is not None and (
        found.kind in ALWAYS_PLACES | {"state", "province"})


_LOWER_LEAD = re.compile(r"(?:[a-z][\w\-]*\s+)+(?=[A-Z])")  # "united Europe", "greater Tokyo"
_COMMA = re.compile(r",\s+(?=[A-Z])")
_THE_AT = re.compile(r"(?:the|The|THE)\s+")
_PLACE_POSSESSIVE = re.compile(r"['’]s\s+(?=[A-Z])")


def _place_parts(text: str, start: int, end: int, label: str) -> list[Candidate]:
    """A place span as the model gives it, without lower-case words before the name, and split
    where it lists a place and what contains it ("Algoa Bay, Cape of Good Hope")."""
    if m := _LOWER_LEAD.match(text, start, end):
        start = m.end()
    if (m := _THE_AT.match(text, start, end)) and m.end() < end:
        start = m.end()  # "Houston’s The Vogt Pavilion"
    if (m := _PLACE_POSSESSIVE.search(text, start, end)) and places.is_known(
            places.canonical(text[start:m.start()])):  # "Nashville’s Grand Ole Opry"
        return [Candidate(start, m.start(), label, "place", text[start:m.start()]),
                *_place_parts(text, m.end(), end, label)]
    out, at = [], start
    for m in [*_COMMA.finditer(text, start, end), None]:
        stop = m.start() if m else end
        out.append(Candidate(at, stop, label, "place", text[at:stop]))
        at = m.end() if m else end
    return out


_SURNAME_AFTER = re.compile(r"[ ]([A-Z][a-zà-ÿ'’\-]+)(?![\w'’-])")


def _given_name_cut_short(text: str, start: int, end: int) -> Candidate | None:
    """ "<Gregory> Maguire novel": a common given name the model tagged as something else, its
    surname left outside the span. The two are a person."""
    if text[start:end] not in word_set("given_names"):
        return None
    m = _SURNAME_AFTER.match(text, end)
    if m is None or not names.looks_like_person(text[start:m.end(1)]):
        return None
    return Candidate(start, m.end(1), "PERSON", "person", text[start:m.end(1)])


def _person_of(text: str, start: int, end: int) -> list[Candidate]:
    """ "Ida Lund of Northwind Games" tagged as one organisation or work: a person and
    where they come from, the places in the rest still found."""
    head, sep, _ = text[start:end].partition(" of ")
    if not sep or not names.looks_like_person(head):
        return []
    out = [Candidate(start, start + len(head), "PERSON", "person", head)]
    tail = start + len(head) + len(sep)
    out.extend(Candidate(s, e, "NESTED", "place", text[s:e])
               for s, e in nested.places_within(text, tail, end))
    return out


def _title_of_place(text: str, start: int, end: int) -> list[Candidate]:
    """ "2nd Earl of Clare", "Theodorus of Tabennese", "Hilary of Poitiers": the place after
    "of" is a place; what stands before it is a person unless it is only a title."""
    core = text[start:end]
    head, sep, tail = core.partition(" of ")
    if not sep or not tail[:1].isupper() or " of " in tail:
        return []
    head_words = head.split()
    titled = bool(head_words) and (head_words[-1] in word_set("of_titles")
                                   or head_words[0][:1].isdigit())
    single_name = len(head_words) == 1 and head_words[0][:1].isupper()
    if not (titled or single_name or places.is_known(places.canonical(tail))):
        return []
    tail_start = start + len(head) + len(sep)
    # NESTED: the title itself says this is a place, whatever the gazetteer knows.
    out = [Candidate(tail_start, end, "NESTED", "place", tail)]
    if not titled and head_words:
        h_start, h_end = trim(text, start, start + len(head), "PERSON")
        if h_start < h_end:
            # TITLED: "Hilary of Poitiers" is said of a person, one word or not.
            out.insert(0, Candidate(h_start, h_end, "TITLED", "person", text[h_start:h_end]))
    return out


def trim(text: str, start: int, end: int, label: str) -> tuple[int, int]:
    """Offsets of the name proper: no leading "the", title, possessive or stray punctuation."""
    core = text[start:end]
    newline = core.find("\n")
    if newline >= 0:
        core = core[:newline]
    lead = len(core) - len(core.lstrip())
    core = core.strip()
    if m := _LEADING_JUNK.match(core):  # "’s Hoa Lo", "👁 Prepare"
        lead += m.end()
        core = core[m.end():]
    if m := _LEADING_THE.match(core):
        lead += m.end()
        core = core[m.end():]
    while (first := core.split(" ", 1)[0]) in word_set("name_lead_words") and " " in core:
        lead += len(first) + 1
        core = core[len(first) + 1:]
    if label in ("PERSON", "TITLED"):  # "hunt Jedi", but "de Gaulle"
        while (first := core.split(" ", 1)[0]).rstrip(_TRAILING_PUNCT).isalpha() and (
                first.islower()) and " " in core and first not in word_set("name_particles"):
            lead += len(first) + 1
            core = core[len(first) + 1:].lstrip()
    if label == "PERSON":  # "TITLED": a person's name with its title kept
        cut = honorific_length(core)
        lead += cut
        core = core[cut:]
    if label in ("PERSON", "TITLED"):
        core = _without_post_nominals(core)
    core = _POSSESSIVE.sub("", core).rstrip().rstrip(_TRAILING_PUNCT).rstrip()
    if core.endswith(".") and not _is_abbreviation(core):
        core = core[:-1]
    return start + lead, start + lead + len(core)


def _without_post_nominals(name: str) -> str:
    """ "Ada Vogt FRS" → "Ada Vogt": capitals after a two-word name are honours or degrees,
    unless a regnal number ("Louis XV")."""
    words_ = name.split(" ")
    while len(words_) > 2 and _POST_NOMINAL.fullmatch(words_[-1]) and not _ROMAN.fullmatch(
            words_[-1].rstrip(".")):
        words_.pop()
    return " ".join(words_).rstrip(",")


_POST_NOMINAL = re.compile(r"[A-Z]{2,}\.?")


def _is_abbreviation(name: str) -> bool:
    last = name.split()[-1]  # name ends with "." so has a word
    if _ROMAN.fullmatch(last[:-1]):
        return False  # "Edward IV." ends a sentence
    return "." in last[:-1] or len(last) <= 4


@cache
def _honorifics() -> tuple[str, ...]:
    return tuple(sorted(words("honorifics"), key=len, reverse=True))


def honorific_length(name: str) -> int:
    """Characters of leading titles ("Prime Minister ", "Mr. ") to drop, keeping ≥1 word."""
    cut = 0
    while True:
        rest = name[cut:]
        for title in _honorifics():
            if rest.startswith(title + " ") and len(rest.split()) > len(title.split()):
                cut += len(title) + 1
                while cut < len(name) and name[cut] == " ":
                    cut += 1
                break
        else:
            return cut


def has_org_head(name: str) -> bool:
    words_ = _WORD_BREAKS.split(name)
    return not word_set("org_heads").isdisjoint(words_) or words_[-1] in word_set("org_tails")


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
        w.isalpha() and w.isupper() and (len(w) > 2 or i > 0) and not _ROMAN.fullmatch(w)
        for i, w in enumerate(name.split()))


_ROMAN = re.compile(r"[IVXL]+")
_TRADE_SIGNS = "®™©+@#"
_INNER_POSSESSIVE = re.compile(r"\w['’]s\s+\w")


def _is_nationality(name: str, following: str) -> bool:
    if " " in name or not following or not following[0].islower():
        return False
    return name.endswith(words("nationality_endings"))


def _place_compound(text: str, start: int, end: int) -> list[Candidate]:
    """ "the Chile-Japan (relationship)", "Tempe & Mesa": an ORG made only of known places
    joined by hyphens, "&", "/" or "and" (unless the whole is one: "Trinidad and Tobago")."""
    core = text[start:end]
    pieces = _JOINS.split(core)
    if len(pieces) < 2 or places.is_known(places.canonical(core)) or not all(
            places.is_known(places.canonical(p)) and p[:1].isupper() for p in pieces):
        return []
    out, pos = [], start
    for piece in pieces:
        at = text.index(piece, pos, end)
        out.append(Candidate(at, at + len(piece), "GPE", "place", piece))
        pos = at + len(piece)
    return out


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


def _drop_non_names(text: str, cands: list[Candidate]) -> None:
    """ "People" that are no name: products and versions (a digit: "Galaxy S24"), ships ("USS
    Potomac"), a company's product line (its first word tagged alone as the company's name);
    one-word particles or suffixes ("Jr", "De"), a common word the text also writes in lower
    case ("Symphony" beside "the symphony"), a team or family ("the Steelers")."""
    vouched = {w for c in cands if c.kind == "person" for w in name_words(c)}
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
                text, c.text) or _a_group(text, c.text):
            c.kind = "other"


def _brands(cands: list[Candidate]) -> set[str]:
    """Words the model tags alone as a company more often than it starts a person's name
    with them (not "Ilhan" of "@Ilhan" beside "Rep. Ilhan Omar" twice), no given names."""
    alone = Counter(c.text for c in cands if c.label in ORG_LABELS and " " not in c.text)
    leading = Counter(c.text.split()[0] for c in cands if c.kind == "person")
    return {w for w, n in alone.items() if n > leading[w]} - {
        c.text for c in cands if c.kind == "person"} - word_set("given_names")


def _common_words(text: str, name: str) -> bool:
    """Every word of the name is one the text also writes in lower case, none a given name."""
    parts = name.split()
    return not any(p in word_set("given_names") for p in parts) and all(
        written_lower(text, p.rstrip(".,")) for p in parts)


def _a_group(text: str, name: str) -> bool:
    """ "the Steelers", "the Smiths": a plural after "the" is a team or a family, no one person;
    nor is a word that always has "the" before it ("the Chronicle said")."""
    # Not where it ends a longer name ("Oklahoma City Thunder").
    before = [context.word_before(text, start) for start, _ in context.occurrences(text, name)]
    after_the = [w in ("the", "The") for w in before if not w[:1].isupper() or w == "The"]
    if name.endswith("s") and not name.endswith(("ss", "us", "is")):
        return any(after_the)
    return bool(after_the) and all(after_the)


def _common_word_place(text: str, name: str) -> bool:
    """A "place" in lower case ("metro", "south east"), a direction's adjective alone
    ("Southern"), or a one-word one the gazetteer does not know that the text also writes in
    lower case ("Botany" beside "botany")."""
    if not any(ch.isupper() for ch in name) or name.lower() in word_set("direction_adjectives"):
        return True
    if " " in name or name.lower() in word_set("direction_words"):
        return False
    return not places.is_known(places.canonical(name)) and written_lower(text, name)


def written_lower(text: str, word: str) -> bool:
    """Whether the text also writes the word in lower case, as a word of its own."""
    lower = word.lower()
    if lower == word:
        return False
    if _TOKEN.fullmatch(lower):
        return lower in _tokens(text)
    return re.search(rf"(?<![\w'’]){re.escape(lower)}(?![\w'’])", text) is not None


_TOKEN = re.compile(r"[\w'’]+")


@lru_cache(maxsize=4)  # the text being tagged, asked of one word after another
def _tokens(text: str) -> frozenset[str]:
    return frozenset(_TOKEN.findall(text))


def _places_by_context(text: str, cands: list[Candidate]) -> None:
    """A known place name the model took for a person (one word, no part of any full person
    name here) or mislabelled ("Kiev" as ORG) is a place where the context says so: right after
    "in"/"at"/"from"... ("moved to Exeter"), or listed with places ("Exeter, Devon"; "Tempe,
    Chandler and Gilbert")."""
    vouched = {w for c in cands if c.kind == "person" for w in name_words(c)}
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
    for _ in range(2):  # a second pass lets a list's places vouch for each other
        for c in doubtful:
            if c.kind == "place":
                continue
            before = preps if called_a_person[c.text] < 3 else _STRONG
            if (context.word_before(text, context.after_the(text, c.start)) in before
                    or context.region_after(text, c.end)
                    or lists.listed_with(text, c, "place")):
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

