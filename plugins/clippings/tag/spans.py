"""One span at a time: what the name in a span of the model is, read from the span and the
words right around it. The span is trimmed to the name ("the", titles, possessives, stray
punctuation), cut where it holds two things (a line break, a bracket, a slash, a credit before
a name, a place and a name), and given the kind its form says ("Varnholt Cemetery" a place,
"USS Potomac" a thing). What the rest of the text says comes after, in repair.py."""

from __future__ import annotations

import re
from functools import cache

from . import context, heads, names, nested, places, works
from .candidate import ALWAYS_PLACES, MISLABELLED_PLACE, NAME_LABELS, PLACE_LABELS, Candidate, Kind
from .data import table, word_set, words

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
_LEADING_THE = re.compile(r"(?:the|The|THE|a|an)\s+")  # "herself a Grocery Store"
_TRAILING_PUNCT = ",;:!?\"'“”‘’()[]/|-–—"
_JOINS = re.compile(r"\s*(?:[-–—/&]|\band\b)\s*")
_WORD_BREAKS = re.compile(r"[\s\-–—]+")
_SPLIT_AT = re.compile(r"\s*\n\s*|\s*\(\s*|/|:\s+|\s[-–—@]\s|\s['‘\"“](?=\w)")


def from_span(text: str, start: int, end: int, label: str) -> list[Candidate]:
    """The candidates one span of the model holds, trimmed, each with the kind its form and
    the words right around it say."""
    # A span across lines, a bracket ("Oliver (Armie Hammer"), a slash ("Joshua
    # Roberts/Reuters"), a colon ("Ada Vogt: Dealing"), a spaced dash or an opening quote
    # ("Ada Vogt 'Humbled"): each part apart.
    if (cut := _SPLIT_AT.search(text, start, end)) is not None and not _closed(
            text[cut.start():end]):
        return [*from_span(text, start, cut.start(), label),
                *from_span(text, cut.end(), end, label)]
    if label in ("ROAD", "SITE"):  # "I-44", "the Siege of <Savannah>": the words around it
        return [Candidate(start, end, "SITE", "place", text[start:end])]  # say it is a place
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
    if label == "PERSON" and _named_for_a_town(text[start:end]):
        return [Candidate(start, end, label, "other", text[start:end])]
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
    if label in PLACE_LABELS and (rest := _TOWN_PARTICLE.match(text, end)):
        end, core = rest.end(), text[start:rest.end()]  # "Bourg" of "Bourg-la-Reine"
    if label in PLACE_LABELS and works.named_as_a_work(text, start):
        return [Candidate(start, end, label, "other", core)]  # "the period drama Downton Abbey"
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
                   if " " in text[s:e] or not context.written_lower(text, text[s:e]))
    if label == "EVENT":  # "the Battle of Chudnov": where it was, known to a gazetteer or not
        known = {(c.start, c.end) for c in out}
        out.extend(Candidate(s, e, "SITE", "place", text[s:e])
                   for s, e in nested.places_of_events(text, start, end) if (s, e) not in known)
    return out


# A credit before a name in one span: a role joined by "_" ("Design_Lee"), or a team and an
# all-caps position ("Browns DL"); the name is the capitalised words after it.
_CREDIT = re.compile(r"(?:_|[ ][A-Z]{2,4}[ ])(?=[A-Z][\w'’.\-]*(?:[ ][A-Z][\w'’.\-]*)+$)")


def _name_after_a_credit(text: str, start: int, end: int) -> int | None:
    """Where the name starts in a person span that begins with a credit, if it does."""
    found = None
    for m in _CREDIT.finditer(text, start, end):
        if not ROMAN.fullmatch(text[m.start() + 1:m.end() - 1]):  # "Pope Odo VII Varn"
            found = m.end()
    return found


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


_DIRECTION_END = re.compile(r" (?:North|South|East|West|Central)$")


def _named_for_a_site(text: str, start: int, end: int) -> bool:
    """ "the <Hoa Lo> prison", "<Yobe North>": a multi-word "person" no given name leads,
    before a building's noun, or a known place with a direction after it (a district)."""
    name = text[start:end]
    first = name.split(" ", 1)[0]
    if " " not in name or first in word_set("given_names"):
        return False
    if context.noun_after(text, end) in word_set("facility_nouns"):
        return True
    found = _place_before_a_direction(name)  # a state's district, not "Kanye West"
    return found is not None and found.kind in ALWAYS_PLACES | {"state", "province"}


BIG_TOWN = 100_000


def _named_for_a_town(name: str) -> bool:
    """ "Wichita North" (a school), "Penn State" (a university): a town or a state's name with
    a direction or "State" after it names no person (not "Kanye West": no town leads it)."""
    first, _, rest = name.partition(" ")
    if not rest or " " in rest or first in word_set("given_names"):
        return False
    if rest == "State":
        return True
    found = _place_before_a_direction(name)  # Kanye is a town of 45,000 too
    return found is not None and (found.kind != "city" or found.population >= BIG_TOWN)


def _place_before_a_direction(name: str) -> places.Gazetted | None:
    """The known place a name of several words starts with, when a direction ends it."""
    if _DIRECTION_END.search(name) is None:
        return None
    return places.lookup(places.canonical(name.split(" ", 1)[0]))


_LOWER_LEAD = re.compile(r"(?:[a-z][\w\-]*\s+)+(?=[A-Z])")  # "united Europe", "greater Tokyo"
_COMMA = re.compile(r",\s+(?=[A-Z])")
_PLACE_POSSESSIVE = re.compile(r"['’]s\s+(?=[A-Z])")


# The rest of a hyphenated town's name the model cut at the first hyphen: "Bourg-la-Reine",
# "Stratford-upon-Avon" (not "China-Japan": no particle between).
_TOWN_PARTICLE = re.compile(
    r"-(?:la|le|les|lès|de|du|des|sur|sous|en|upon|on|under|am|an|im|bei|di|del|della)"
    r"-[A-Z][\w'’]*(?:-[\w'’]+)*")


def _place_parts(text: str, start: int, end: int, label: str) -> list[Candidate]:
    """A place span as the model gives it, without lower-case words before the name, and split
    where it lists a place and what contains it ("Algoa Bay, Cape of Good Hope")."""
    if m := _LOWER_LEAD.match(text, start, end):
        start = m.end()
    if (m := _LEADING_THE.match(text, start, end)) and m.end() < end:
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
    if label == "PERSON" and core.endswith(" the"):  # the model stopped inside an epithet
        epithet = _EPITHET.match(text, start + lead + len(core))
        core = core + epithet.group() if epithet else core[:-4]  # "Theodore the Sanctified"
    return start + lead, start + lead + len(core)


_EPITHET = re.compile(r" [A-Z][\w'’\-]*")


def _without_post_nominals(name: str) -> str:
    """ "Ada Vogt FRS" → "Ada Vogt": capitals after a two-word name are honours or degrees,
    unless a regnal number ("Louis XV")."""
    words_ = name.split(" ")
    while len(words_) > 2 and _POST_NOMINAL.fullmatch(words_[-1]) and not ROMAN.fullmatch(
            words_[-1].rstrip(".")):
        words_.pop()
    return " ".join(words_).rstrip(",")


_POST_NOMINAL = re.compile(r"[A-Z]{2,}\.?")


def _is_abbreviation(name: str) -> bool:
    last = name.split()[-1]  # name ends with "." so has a word
    if ROMAN.fullmatch(last[:-1]):
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


ROMAN = re.compile(r"[IVXL]+")


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
