"""Tagging rules added for issue 4 (items 1-2), each on hand-written spaCy spans so the rule is
tested whatever the model says. Names are made up or generic; none comes from a benchmark."""

from __future__ import annotations

import re

import pytest
from clippings import tag as tagging
from clippings.model import Entity
from clippings.tag import entities_from_spans, places


@pytest.fixture(autouse=True)
def _cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("CLIPPINGS_CACHE_DIR", str(tmp_path / "cache"))
    tagging.stats.reset()


def spans_of(text: str, *marks: tuple[str, str]) -> list:
    out = []
    for surface, label in marks:
        m = re.search(re.escape(surface), text)
        assert m, surface
        out.append((m.start(), m.end(), label))
    return out


def names(entities: list[Entity]) -> list[str]:
    return [e.name for e in entities]


def tags(text: str, *marks: tuple[str, str]) -> tuple[list[str], list[str]]:
    people, found = entities_from_spans(text, spans_of(text, *marks))
    for e in people + found:
        for m in e.mentions:
            assert text[m.start:m.end] == m.text
    return names(people), names(found)


# --- facilities and geographic names --------------------------------------------------------

def test_a_cemetery_or_desert_tagged_person_is_a_place():
    assert tags("She lies in Varnholt Cemetery near the Quillan Desert.",
                ("Varnholt Cemetery", "PERSON"), ("Quillan Desert", "PERSON")) == (
        [], ["Quillan Desert", "Varnholt Cemetery"])


def test_hall_is_a_place_only_when_the_model_did_not_say_person():
    assert tags("Tova Hall sang at Brennick Hall.", ("Tova Hall", "PERSON"),
                ("Brennick Hall", "ORG")) == (["Tova Hall"], ["Brennick Hall"])


# --- places inside names of organisations, events and titles --------------------------------

def test_place_inside_an_organisation_name_is_a_place_the_organisation_is_not():
    people, found = tags("She taught at the University of Oslo and at Lagos University.",
                         ("the University of Oslo", "ORG"), ("Lagos University", "ORG"))
    assert found == ["Lagos", "Oslo"] and people == []
    assert tags("He wore the badge of the Society of the Bergen.", (
        "the Society of the Bergen", "ORG"))[1] == ["Bergen"]


def test_firm_named_after_a_small_town_holds_no_place():
    assert tags("He joined Nokia Networks.", ("Nokia Networks", "ORG")) == ([], [])


def test_team_of_a_big_city_names_the_city():
    assert tags("They beat the Chicago Red Stars.", ("the Chicago Red Stars", "ORG"))[1] == [
        "Chicago"]


def test_title_of_a_place_names_the_place_and_no_person():
    assert tags("He met the 3rd Earl of Tarnvale.", ("3rd Earl of Tarnvale", "PERSON")) == (
        [], ["Tarnvale"])


def test_person_of_a_place_is_a_person_and_a_place():
    assert tags("Bonifatius of Ravenna wrote.", ("Bonifatius of Ravenna", "PERSON")) == (
        ["Bonifatius"], ["Ravenna"])


# --- not people -----------------------------------------------------------------------------

def test_titles_of_works_are_not_people():
    text = "In the novel Quiet Harbors, and in Lena Frost (2011), Ada Moss (born 1950) starred."
    assert tags(text, ("Quiet Harbors", "PERSON"), ("Lena Frost", "PERSON"),
                ("Ada Moss", "PERSON"))[0] == ["Ada Moss"]


def test_life_span_in_brackets_is_no_title():
    text = "Ada Moss (March 1, 1914 – May 2, 2001) was a painter."
    assert tags(text, ("Ada Moss", "PERSON"))[0] == ["Ada Moss"]


def test_products_ships_and_particles_are_not_people():
    text = ("Omar Haddad, Jr., sailed the USS Wendover and bought a Pixel 8. "
            "The Symphony of the symphony.")
    people, _ = tags(text, ("Omar Haddad", "PERSON"), ("Jr", "PERSON"),
                     ("USS Wendover", "PERSON"), ("Pixel 8", "PERSON"), ("Symphony", "PERSON"))
    assert people == ["Omar Haddad"]


# --- mislabelled or untagged places ---------------------------------------------------------

def test_country_tagged_org_is_a_place_and_a_capital_standing_for_its_government():
    assert tags("Japan and Tokyo protested.", ("Japan", "ORG"), ("Tokyo", "ORG"))[1] == [
        "Japan", "Tokyo"]


def test_known_town_tagged_org_needs_a_place_context():
    assert tags("Trier reported higher sales.", ("Trier", "ORG"))[1] == []
    assert tags("The firm moved to Trier.", ("Trier", "ORG"))[1] == ["Trier"]


def test_known_places_in_a_list_with_a_place_are_places():
    text = "The suburbs of Mesa, Chandler and Gilbert grew."
    assert tags(text, ("Mesa", "GPE"), ("Chandler", "PERSON"), ("Gilbert", "PERSON")) == (
        [], ["Chandler", "Gilbert", "Mesa"])


def test_a_clause_after_a_place_is_no_list():
    text = "Born in England, Chandler wrote novels."
    assert tags(text, ("England", "GPE"), ("Chandler", "PERSON")) == (["Chandler"], ["England"])


def test_lone_name_after_in_or_the_town_of_is_a_place():
    text = "There are four hotels in Bralto. Ferries leave the town of Quenby daily."
    assert tags(text, ("Bralto", "PERSON"), ("Quenby", "PERSON")) == ([], ["Bralto", "Quenby"])


def test_known_place_the_model_missed_after_a_preposition():
    assert tags("He was born in Randers in 1860.") == ([], ["Randers"])


# --- people the model mislabelled or missed --------------------------------------------------

def test_given_name_and_surname_tagged_org_is_a_person():
    assert tags("He lived with Sophie Varga-Lind.", ("Sophie Varga-Lind", "ORG"))[0] == [
        "Sophie Varga-Lind"]


def test_given_name_and_surname_the_model_missed_is_a_person():
    people, _ = tags("He wrote to his friend Auguste Marrec that night.")
    assert people == ["Auguste Marrec"]


def test_family_name_first_and_given_name_first_are_one_person():
    text = "Abe Shinzo spoke. Later Shinzo Abe left."
    people, _ = entities_from_spans(text, spans_of(text, ("Abe Shinzo", "PERSON"),
                                                   ("Shinzo Abe", "PERSON")))
    assert len(people) == 1 and len(people[0].mentions) == 2
    assert {people[0].name, *people[0].aliases} == {"Abe Shinzo", "Shinzo Abe"}


# --- the gazetteer --------------------------------------------------------------------------

def test_countries_have_coordinates_and_provinces_are_known():
    japan = places.lookup("Japan")
    assert japan is not None and japan.country == "JP" and japan.lat is not None
    jiangsu = places.lookup("Jiangsu")
    assert jiangsu is not None and jiangsu.country == "CN"


def test_a_big_city_is_known_by_another_spelling():
    found = places.lookup("Kiev")
    assert found is not None and found.country == "UA"


def test_country_entity_carries_country_and_coordinates():
    _, found = entities_from_spans("Talks in Peru.", spans_of("Talks in Peru.", ("Peru", "GPE")))
    assert found[0].country == "PE" and found[0].lat is not None and found[0].lon is not None


def at(text: str, surface: str, label: str, nth: int = 0) -> tuple[int, int, str]:
    """The span of the nth occurrence of ``surface`` (-1: the last)."""
    starts = [m.start() for m in re.finditer(re.escape(surface), text)]
    return starts[nth], starts[nth] + len(surface), label


def test_a_town_followed_by_its_state_stays_a_place_beside_a_person_of_that_name():
    text = "Austin Vogt grew up on a farm. Vogt now lives in Austin, Texas, with his dog."
    people_, places_ = entities_from_spans(text, [
        at(text, "Austin Vogt", "PERSON"), at(text, "Austin", "GPE", 1), at(text, "Texas", "GPE")])
    assert names(people_) == ["Austin Vogt"]
    assert names(places_) == ["Austin", "Texas"]


def test_a_country_the_model_left_untagged_is_a_place():
    text = "He called himself the Protector of Mexico and wore a crown."
    people_, places_ = entities_from_spans(text, [])
    assert names(places_) == ["Mexico"] and people_ == []


def test_an_unknown_word_on_a_route_is_a_place_everywhere_in_the_text():
    text = ("Kolvamo has two hotels. A bus runs from Kolvamo to Tessaly twice a day.")
    people_, places_ = entities_from_spans(text, [
        at(text, "Kolvamo", "PERSON"), at(text, "Kolvamo", "PERSON", 1),
        at(text, "Tessaly", "GPE")])
    assert people_ == []
    assert names(places_) == ["Kolvamo", "Tessaly"]
    assert len(places_[0].mentions) == 2


def test_from_a_person_without_a_route_stays_a_person():
    text = "The island got a letter from Kolvamo, who wrote last week."
    people_, _ = entities_from_spans(text, [at(text, "Kolvamo", "PERSON")])
    assert names(people_) == ["Kolvamo"]


def test_an_unknown_word_listed_with_places_is_a_place():
    text = "Ferries leave daily for Tessaly, Kolvamo and Brennick."
    people_, places_ = entities_from_spans(text, [
        at(text, "Tessaly", "GPE"), at(text, "Kolvamo", "PERSON"), at(text, "Brennick", "GPE")])
    assert people_ == []
    assert names(places_) == ["Brennick", "Kolvamo", "Tessaly"]


def test_a_person_of_an_organisation_tagged_as_one_name_is_a_person():
    text = "We spoke to Isabel Tornqvist of Northwind Games about the game."
    people_, _ = entities_from_spans(text, [
        at(text, "Isabel Tornqvist of Northwind Games", "WORK_OF_ART")])
    assert names(people_) == ["Isabel Tornqvist"]


def test_a_name_after_an_occupation_is_a_person_the_model_missed():
    text = "The Danish physicist Tova Lindqvist spoke on Wednesday. Lindqvist smiled."
    people_, _ = entities_from_spans(text, [at(text, "Wednesday", "DATE")])
    assert names(people_) == ["Tova Lindqvist"]
    assert [m.text for m in people_[0].mentions] == ["Tova Lindqvist", "Lindqvist"]


def test_an_occupation_before_a_place_or_organisation_makes_no_person():
    text = "He met the director Grand Hotel Lobby staff and the writer New Zealand praised."
    people_, _ = entities_from_spans(text, [])
    assert people_ == []


def test_a_given_name_after_a_hyphenated_word_starts_a_name():
    text = "His fellow-Scots Paul Kerrow and others served the Tsar."
    people_, _ = entities_from_spans(text, [])
    assert names(people_) == ["Paul Kerrow"]


def test_common_words_are_no_places_but_compass_regions_are():
    text = ("Take the metro to the faculty of Linguistics; linguistics is taught there. "
            "Settlers moved to the West, west of the river.")
    _, places_ = entities_from_spans(text, [
        at(text, "metro", "GPE"), at(text, "Linguistics", "GPE"), at(text, "West", "LOC")])
    assert names(places_) == ["West"]


def test_a_given_name_the_model_calls_a_place_is_a_person_unless_the_gazetteer_knows_it():
    text = "Rebecca and I wrote it together. Later we moved to Charlotte."
    people_, places_ = entities_from_spans(text, [
        at(text, "Rebecca", "GPE"), at(text, "Charlotte", "GPE")])
    assert names(people_) == ["Rebecca"]
    assert names(places_) == ["Charlotte"]


# --- evidence for lone one-word people ------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Then Brennick shrugged. Brennick said the ferry was late.",   # a verb said of people
    "Then Brennick shrugged, as Dr. Brennick does.",               # a title
    "Then Brennick shrugged; Brennick's widow laughed.",            # what only a person has
    "Then Brennick shrugged. Brennick was born in a storm.",        # past an auxiliary
    "Reading list: Brennick, Anna. Tides.",                         # a catalogue's inverted name
])
def test_a_lone_word_said_of_a_person_is_a_person(text):
    assert tags(text, ("Brennick", "PERSON")) == (["Brennick"], [])


@pytest.mark.parametrize("text", [
    "The new Brennick arrives in May. Brennick comes in blue.",
    "Deals: Brennick, now at half price.",
])
def test_a_lone_word_nothing_says_is_a_person_is_no_person(text):
    assert tags(text, ("Brennick", "PERSON")) == ([], [])


def test_a_lone_word_listed_with_people_is_a_person():
    text = "Guests were Tova Lind, Brennick and Ada Quill."
    assert tags(text, ("Tova Lind", "PERSON"), ("Brennick", "PERSON"),
                ("Ada Quill", "PERSON"))[0] == ["Ada Quill", "Brennick", "Tova Lind"]


def test_a_word_the_model_also_calls_an_organisation_needs_more_than_a_verb():
    text = "Brennick wants more users. Brennick said so in a filing."
    spans = [*spans_of(text, ("Brennick", "ORG")),
             at(text, "Brennick", "PERSON", -1)]
    assert names(entities_from_spans(text, spans)[0]) == []
    titled = "Brennick wants more users, said Ms. Brennick."
    spans = [*spans_of(titled, ("Brennick", "ORG")),
             at(titled, "Brennick", "PERSON", -1)]
    assert names(entities_from_spans(titled, spans)[0]) == ["Brennick"]


def test_given_names_and_words_of_full_names_need_no_evidence():
    assert tags("Then Anna shrugged.", ("Anna", "PERSON")) == (["Anna"], [])
    assert tags("Ada Quill came. Later Quill shrugged.", ("Ada Quill", "PERSON"),
                ("Quill", "PERSON"))[0] == ["Ada Quill"]


# --- people's names: products, honours, stray words, spellings ------------------------------

def test_capitals_after_the_initials_make_a_product_not_a_person():
    assert tags("The Brennick UHD Smart sold out.", ("Brennick UHD Smart", "PERSON")) == ([], [])
    assert tags("Tova Sword OR Shield sold out.", ("Tova Sword OR Shield", "PERSON")) == ([], [])
    assert tags("JJ Quill scored. Louis XV ruled.", ("JJ Quill", "PERSON"),
                ("Louis XV", "PERSON"))[0] == ["JJ Quill", "Louis XV"]


def test_honours_after_a_name_are_cut():
    people, _ = tags("Ada Quill FRS spoke, then Tova Lind, OBE.", ("Ada Quill FRS", "PERSON"),
                     ("Tova Lind, OBE", "PERSON"))
    assert people == ["Ada Quill", "Tova Lind"]


def test_clubs_and_shops_are_no_people_or_places():
    assert tags("Brennick United beat Quill Rovers at Tova Store.", (
        "Brennick United", "PERSON"), ("Quill Rovers", "GPE"), ("Tova Store", "PERSON")) == (
        [], [])


def test_a_common_word_glued_to_a_full_name_is_cut():
    text = "Tova Brennick testified.\n\nQuestioning Brennick's judgment\n\nCounsel asked."
    people, _ = tags(text, ("Tova Brennick", "PERSON"), ("Questioning Brennick", "PERSON"))
    assert people == ["Tova Brennick"]


def test_a_family_name_spelt_one_letter_apart_joins_the_full_name():
    text = "Tova Brennicky spoke. Later Brennickyy replied, and Quill nodded."
    people, _ = entities_from_spans(text, spans_of(
        text, ("Tova Brennicky", "PERSON"), ("Brennickyy", "PERSON")))
    assert names(people) == ["Tova Brennicky"]
    assert [m.text for m in people[0].mentions] == ["Tova Brennicky", "Brennickyy"]


def test_a_given_name_one_letter_apart_stays_apart():
    text = "Ingrid Brennick spoke. Later Ingrida said no."
    people, _ = entities_from_spans(text, spans_of(text, ("Ingrid Brennick", "PERSON"),
                                                   ("Ingrida", "PERSON")))
    assert names(people) == ["Ingrid Brennick", "Ingrida"]


def test_a_family_name_in_a_headline_joins_the_person_named_first_after_it():
    text = "Quill hearing ends\n\nAda Quill testified. Her son Bo Quill watched."
    people, _ = entities_from_spans(text, spans_of(
        text, ("Quill", "PERSON"), ("Ada Quill", "PERSON"), ("Bo Quill", "PERSON")))
    assert names(people) == ["Ada Quill", "Bo Quill"]
    assert [m.start for m in people[0].mentions][0] == 0


# --- places no gazetteer knows ----------------------------------------------------------------

@pytest.mark.parametrize("text, mark", [
    ("Ferries stop in Kolvamo twice a week.", "Kolvamo"),
    ("Walks throughout Kolvamo are easy.", "Kolvamo"),
    ("Kolvamo, Texas, is small.", "Kolvamo"),
    ("The harbour of Kolvamo is small.", "Kolvamo"),
    ("Buses run from Kolvamo to Tessaly.", "Kolvamo"),
    ("Settlers moved into the Kolvamo.", "Kolvamo"),
])
def test_an_unknown_place_in_a_place_context_stays(text, mark):
    assert mark in tags(text, (mark, "GPE"))[1]  # ("Texas" is found too)


def test_an_unknown_place_without_context_is_dropped():
    assert tags("Kolvamo has a new app. Kolvamo costs $5.", ("Kolvamo", "GPE")) == ([], [])
    # Said of companies as often as of places: "at", "to", "from" before one word.
    assert tags("She works at Kolvamo and sold shares to Kolvamo.", ("Kolvamo", "GPE")) == (
        [], [])
    assert tags("She sang at the Kolvamo Opera.", ("Kolvamo Opera", "FAC"))[1] == [
        "Kolvamo Opera"]
    # Two unknowns do not vouch for each other; a known place does.
    assert tags("Stream it on Kolvamo or Tessaly.", ("Kolvamo", "GPE"),
                ("Tessaly", "GPE")) == ([], [])
    assert tags("Ferries serve Kolvamo and Norway.", ("Kolvamo", "GPE"),
                ("Norway", "GPE"))[1] == ["Kolvamo", "Norway"]


def test_a_part_of_a_known_place_is_known():
    assert tags("Kolvamo is big. Northeast Ohio is wet.", ("Northeast Ohio", "LOC"))[1] == [
        "Northeast Ohio"]


def test_regions_no_package_lists_are_known_with_their_country():
    found = places.lookup("Scotland")
    assert found is not None and found.kind == "region" and found.country == "GB"
    assert places.lookup("Caribbean") is not None and places.lookup("Caribbean").country is None
    assert tags("Rain fell across Scotland.", ("Scotland", "GPE"))[1] == ["Scotland"]


def test_a_place_span_is_cut_at_lower_case_words_and_commas():
    _, found = entities_from_spans("Knocking on the doors of united Norway, Ohio.", spans_of(
        "Knocking on the doors of united Norway, Ohio.", ("united Norway, Ohio", "GPE")))
    assert [(e.name, [m.text for m in e.mentions]) for e in found] == [
        ("Norway", ["Norway"]), ("Ohio", ["Ohio"])]


def test_no_untagged_place_in_a_title_case_headline():
    assert tags("Last Chance to Buy Tova Sets and Other Deals\n\nBody text.") == ([], [])
    assert tags("He moved to Norway in May.")[1] == ["Norway"]


def test_a_name_after_a_possessive_is_a_work_and_a_storm_is_no_person():
    assert tags("In 1890 he wrote his Tova Trio.", ("Tova Trio", "PERSON")) == ([], [])
    assert tags("Cyclone Tova hit the coast.", ("Cyclone Tova", "PERSON")) == ([], [])


def test_a_person_the_model_cut_out_of_a_place_name_is_that_place():
    text = "Views from Fort Brennick Historic Park and the Ali Kolvamo Palace."
    assert tags(text, ("Brennick Historic", "PERSON"), ("Ali Kolvamo", "PERSON")) == (
        [], ["Ali Kolvamo Palace", "Fort Brennick Historic Park"])


def test_a_title_before_untagged_capitals_makes_a_person():
    people, _ = tags("He served with Major General Brennick. Mrs. Quill agreed.")
    assert people == ["Brennick", "Quill"]
    assert tags("Shares of General Motors fell; President Street is closed.")[0] == []


# --- one person, many forms of the name ---------------------------------------------------

def test_initials_suffixes_and_familiar_forms_are_one_person():
    text = ("Patrick W. Brennick Jr. was charged. Pat Brennick, 55, said little. "
            "Patrick Brennick Jr. pleaded guilty. Brennick left.")
    people, _ = entities_from_spans(text, [*spans_of(
        text, ("Patrick W. Brennick Jr.", "PERSON"), ("Pat Brennick", "PERSON"),
        ("Patrick Brennick Jr.", "PERSON")), at(text, "Brennick", "PERSON", -1)])
    assert names(people) == ["Patrick W. Brennick Jr."]
    assert [m.text for m in people[0].mentions] == [
        "Patrick W. Brennick Jr.", "Pat Brennick", "Patrick Brennick Jr.", "Brennick"]


def test_a_partial_name_two_people_share_goes_to_the_one_named_before_it():
    text = "Bo von Quill was hurt. His father Ada von Quill wept. Later von Quill spoke."
    marks = [("Bo von Quill", "PERSON"), ("Ada von Quill", "PERSON")]
    spans = [*spans_of(text, *marks), at(text, "von Quill", "PERSON", -1)]
    people, _ = entities_from_spans(text, spans)
    assert names(people) == ["Ada von Quill", "Bo von Quill"]
    ada = people[0]
    assert [m.text for m in ada.mentions][-1] == "von Quill"


def test_a_family_name_two_people_share_goes_to_the_one_named_most_before_it():
    text = ("Ada Quill is a painter. Quill was born in 1950. Her father, Bo Quill, sold "
            "shoes. Quill studied in Oslo.")
    marks = [("Ada Quill", "PERSON"), ("Bo Quill", "PERSON")]
    spans = [*spans_of(text, *marks), at(text, "Quill", "PERSON", 1),
             at(text, "Quill", "PERSON", -1)]
    people, _ = entities_from_spans(text, spans)
    ada, bo = people
    assert (ada.name, bo.name) == ("Ada Quill", "Bo Quill")
    assert [m.text for m in ada.mentions] == ["Ada Quill", "Quill", "Quill"]
    # A given name alone still goes to the one named last before it.
    text = "Ada Quill met Ada Lind. Later Ada spoke."
    spans = [*spans_of(text, ("Ada Quill", "PERSON"), ("Ada Lind", "PERSON")),
             at(text, "Ada", "PERSON", -1)]
    people, _ = entities_from_spans(text, spans)
    assert [len(p.mentions) for p in people] == [2, 1]


def test_a_given_name_the_model_tags_as_a_product_still_leads_a_persons_name():
    text = "Jorvan Quill\n\nQuill grew up in Oslo. Jorvan decided to act. Jorvan served as host."
    spans = [*spans_of(text, ("Jorvan Quill", "PERSON")), at(text, "Quill", "PERSON", 1),
             at(text, "Jorvan", "PRODUCT", 1), at(text, "Jorvan", "PRODUCT", 2)]
    people, _ = entities_from_spans(text, spans)
    assert names(people) == ["Jorvan Quill"]
    # A make beside its model is still no person.
    text = "The Korvex Lumen sold well; Korvex said so and Korvex rose."
    people, _ = entities_from_spans(text, [*spans_of(text, ("Korvex Lumen", "PERSON")), at(
        text, "Korvex", "ORG", 1), at(text, "Korvex", "ORG", 2)])
    assert people == []


@pytest.mark.parametrize("text", [
    "Ada Quill (born 3 May 1950), better known by her pseudonym Ada Lind, paints.",
    "Ada Quill (1872 - 1896), also known as Ada Lind, painted.",
    "Ada Lind (born Ada Quill) paints.",
    "Ada Quill, aka Ada Lind, paints.",
    "Lind Ada (Ada Lind), also known as Ada Vogt, paints.",
    "Ada Lind (1872 - 1896) was the pen name of the painter Ada Quill.",
    "Ada Quill (Latin: Ada Lind; Greek: Ada Vogt) paints.",
])
def test_a_person_the_text_says_goes_by_another_name_is_one_tag(text):
    marks = [(n, "PERSON") for n in ("Ada Quill", "Ada Lind", "Ada Vogt", "Lind Ada") if n in text]
    people, _ = entities_from_spans(text, spans_of(text, *marks))
    assert len(people) == 1 and len(people[0].mentions) == len(marks)


@pytest.mark.parametrize("text", [
    "Ada Quill called Bo Lind on Monday.",
    "Ada Quill met the man known as Bo Lind.",
    "The duo, also known as Ada Quill and Bo Lind, sang.",
])
def test_two_people_named_side_by_side_stay_two(text):
    people, _ = entities_from_spans(text, spans_of(text, ("Ada Quill", "PERSON"),
                                                   ("Bo Lind", "PERSON")))
    assert names(people) == ["Ada Quill", "Bo Lind"]


def test_a_name_alone_on_its_line_is_a_person_only_when_named_elsewhere_too():
    text = "Ada Quill\n\nAda Mary Quill (born 1950) paints.\n\nFinished Lantern\n\nIt glows."
    people, _ = entities_from_spans(text, spans_of(
        text, ("Ada Quill", "PERSON"), ("Ada Mary Quill", "PERSON"), ("Finished Lantern",
                                                                      "PERSON")))
    assert names(people) == ["Ada Mary Quill"] and len(people[0].mentions) == 2
    text = "Ada Quill wrote this.\n\nAda Quillbrandsystem"
    people, _ = entities_from_spans(text, spans_of(text, ("Ada Quill", "PERSON"), (
        "Ada Quillbrandsystem", "PERSON")))
    assert names(people) == ["Ada Quill"]


def test_an_epithet_the_model_cut_short_is_kept_whole():
    text = "Also called Bo the Sanctified, he met Ada Quill the next day."
    assert tags(text, ("Bo the", "PERSON"), ("Ada Quill the", "PERSON"))[0] == [
        "Ada Quill", "Bo the Sanctified"]


def test_a_name_the_text_defines_as_a_place_is_a_place_at_every_mention():
    text = ("Kolvamo is a small town in the north. Tova Quill, a painter in Oslo, was born "
            "there. People of Kolvamo fish; Kolvamo waters are warm. Braunau am Inn, a town.")
    people, found = entities_from_spans(text, [
        *spans_of(text, ("Tova Quill", "PERSON"), ("Oslo", "GPE"), ("Inn", "ORG")),
        *(at(text, "Kolvamo", "ORG", i) for i in range(3))])
    assert names(people) == ["Tova Quill"] and names(found) == ["Kolvamo", "Oslo"]
    assert len(found[0].mentions) == 3
    assert tags("Tessaly is in the province of Norland.", ("Tessaly", "PERSON"))[1] == [
        "Tessaly"]
    assert tags("Islands\n\nMira Tessaly: the biggest island out of the group.", (
        "Mira Tessaly", "PERSON")) == ([], ["Mira Tessaly"])
    assert tags("Ada Quill, a town councillor in Oslo.", ("Ada Quill", "PERSON"))[0] == [
        "Ada Quill"]


def test_a_heading_ending_in_a_preposition_puts_no_place_in_the_next_paragraph():
    assert tags("Get in\n\nOslo travellers arrive by train.")[1] == []
    assert tags("She was born in\nOslo in 1950.")[1] == ["Oslo"]  # a line wrapped once


def test_a_name_right_after_a_kind_of_work_is_no_place():
    text = "He starred in the drama Bergen, then lived in his Oslo home."
    assert tags(text, ("Bergen", "GPE"), ("Oslo", "GPE"))[1] == ["Oslo"]
    text = "In his stories, Bergen is home."
    assert tags(text, ("Bergen", "GPE"))[1] == ["Bergen"]


def test_a_person_a_building_or_street_is_named_after_is_a_person_mention():
    text = ("Cars cross the Anna Quill Bridge to Madame Vogt Museum. Quill is a brand of pens. "
            "Queen Street and the Anna Tessaly Company are busy.")
    people, found = entities_from_spans(text, spans_of(
        text, ("the Anna Quill Bridge", "FAC"), ("Madame Vogt Museum", "ORG"),
        ("Queen Street", "FAC"), ("the Anna Tessaly Company", "ORG")))
    assert names(people) == ["Anna Quill", "Madame Vogt"]
    assert len(people[0].mentions) == 1  # the pens' "Quill" is not hers
    assert "Anna Quill Bridge" in names(found) and "Queen Street" in names(found)


def test_a_city_before_a_teams_plural_is_a_place_a_firms_town_is_not():
    text = "The Bergen Vikings won; Bergen Motors and the Bergen Consulting Group sold cars."
    _, found = entities_from_spans(text, spans_of(
        text, ("The Bergen Vikings", "ORG"), ("Bergen Motors", "ORG"),
        ("the Bergen Consulting Group", "ORG")))
    assert names(found) == ["Bergen"] and len(found[0].mentions) == 1
    assert tags("The Bergen Red Sox lost.", ("The Bergen Red Sox", "ORG"))[1] == ["Bergen"]


def test_roads_named_by_their_numbers_are_places():
    text = "Take I-44 West, then US 169 and US-169 north to Route 66."
    people, found = entities_from_spans(text, [at(text, "I", "ORG"), *spans_of(
        text, ("US-169", "PRODUCT"))])
    assert names(found) == ["I-44", "Route 66", "US-169"] and len(found[2].mentions) == 2
    text = "Take the A64 eastbound to the ring road; the A59 and the M62 link it. A1 paper."
    _, found = entities_from_spans(text, spans_of(text, ("A64", "PRODUCT")))
    assert names(found) == ["A59", "A64", "M62"]


@pytest.mark.parametrize("text", [
    "Airbus sold the A350 and the A380 to the airline.",
    "The M1 chip and the M2 chip are fast.",
    "Fill in the I-9 form.",
])
def test_numbers_that_are_no_roads_stay_untagged(text):
    assert entities_from_spans(text, []) == ([], [])


def test_a_building_the_model_tags_is_a_place_on_or_at_it():
    text = "It is a mess on Tessaway. We use English Tessapedia daily; shares sold to Tessaway."
    assert tags(text, ("Tessaway", "FAC"), ("English Tessapedia", "FAC"))[1] == ["Tessaway"]


def test_an_untagged_town_before_its_state_is_a_place():
    assert tags("He led the Calvary Church of Santa Ana, California, for years.", (
        "California", "GPE"))[1] == ["California", "Santa Ana"]


def test_a_full_name_the_model_cut_short_of_a_word_another_form_has_is_taken_whole():
    text = "Ada Quill\n\nDame Ada Mira Quill paints. Bo Vogt Lind\n\nBo Vogt Lind writes; Bo Lind."
    people, _ = entities_from_spans(text, spans_of(
        text, ("Ada Quill", "PERSON"), ("Ada Mira", "PERSON"), ("Vogt Lind", "PERSON"),
        ("Bo Lind", "PERSON")))
    assert names(people) == ["Ada Mira Quill", "Bo Vogt Lind"]


def test_a_town_the_model_called_a_person_is_a_place_where_an_untagged_mention_says_so():
    text = "He helped the Russians take Bergen. His remains were reinterred at Bergen in 1877."
    assert tags(text, ("Bergen", "PERSON")) == ([], ["Bergen"])


def test_a_hyphenated_towns_name_cut_at_its_first_hyphen_is_taken_whole():
    text = "He is buried in Bourg-la-Reine, near the China-Japan border."
    assert tags(text, ("Bourg", "GPE"), ("China", "GPE"), ("Japan", "GPE"))[1] == [
        "Bourg-la-Reine", "China", "Japan"]


def test_a_direction_after_the_mid_sentence_is_a_region():
    text = "Oil is vital for the West. He lives in the West Bank. The North Face sells coats."
    assert tags(text)[1] == ["West"]


def test_a_two_word_state_before_a_newspapers_word_is_a_place():
    text = "He read the New York Press and the Meta Press."
    assert tags(text, ("the New York Press", "ORG"), ("the Meta Press", "ORG"))[1] == [
        "New York"]


def test_a_town_or_state_with_a_direction_or_state_after_it_names_no_person():
    text = "Chicago North beat Penn State; Kanye West and Ada Quill watched."
    assert tags(text, ("Chicago North", "PERSON"), ("Penn State", "PERSON"), (
        "Kanye West", "PERSON"), ("Ada Quill", "PERSON"))[0] == ["Ada Quill", "Kanye West"]


def test_an_untagged_name_in_a_list_of_people_is_a_person():
    text = ("He was traded for Ada Quill, Tova Pimentel, Cy Lind, and Di Vogt. Apple, Google "
            "Cloud and Microsoft agreed.")
    people, _ = entities_from_spans(text, spans_of(
        text, ("Ada Quill", "PERSON"), ("Cy Lind", "PERSON"), ("Di Vogt", "PERSON"),
        ("Apple", "ORG"), ("Microsoft", "ORG")))
    assert names(people) == ["Ada Quill", "Cy Lind", "Di Vogt", "Tova Pimentel"]


def test_a_family_the_text_names_a_person_of_is_no_place():
    text = "Ada Quill said no. Investigators looked into the Quills and moved into Tessaly."
    people, found = tags(text, ("Ada Quill", "PERSON"), ("Quills", "GPE"), ("Tessaly", "GPE"))
    assert people == ["Ada Quill"] and found == ["Tessaly"]


def test_a_person_the_text_defines_as_an_organisation_or_operation_is_none():
    text = ("Ada Quill, a spokesperson for Tessa Lind, the U.S. military operation against "
            "rebels, said Tessa Lind goes on. Bo Vogt, a company director, agreed.")
    people, _ = entities_from_spans(text, [*spans_of(
        text, ("Ada Quill", "PERSON"), ("Bo Vogt", "PERSON")),
        at(text, "Tessa Lind", "PERSON", 0), at(text, "Tessa Lind", "PERSON", 1)])
    assert names(people) == ["Ada Quill", "Bo Vogt"]


def test_a_us_state_outranks_a_smaller_town_of_its_name_abroad():
    assert places.lookup("Virginia").country == "US"  # not Virginia, Free State (122,000)
    assert places.lookup("Washington").kind == "city"  # the capital outranks the state


def test_a_states_postal_code_is_the_state_only_after_a_town():
    text = "The server said HTTP/1.1 200 OK. The show is in Tulsa, OK tonight."
    _, found = entities_from_spans(text, spans_of(text, ("Tulsa", "GPE")))
    assert names(found) == ["Oklahoma", "Tulsa"] and len(found[0].mentions) == 1


def test_the_place_an_event_is_named_for_is_a_place_known_or_not():
    text = ("He was wounded at the Siege of Kolvamo and fought in the Battle of Tessaly; the "
            "Treaty of Varnholt Claims and the Battle of Waterloo came later.")
    _, found = entities_from_spans(text, spans_of(
        text, ("the Battle of Tessaly", "EVENT"), ("the Battle of Waterloo", "EVENT")))
    assert names(found) == ["Kolvamo", "Tessaly", "Varnholt", "Waterloo"]
    assert all(len(p.mentions) == 1 for p in found)


def test_names_before_a_plural_place_noun_are_places():
    text = "Cases were found in Norway, Brennick and Van Tessaly counties."
    assert tags(text, ("Van Tessaly", "PERSON"))[1] == ["Norway", "Van Tessaly"]


def test_a_catalogues_surname_first_names_are_people_named_given_name_first():
    text = "Good ones:\nBrennick, Anna. Tides\nQuill, Karl and Lind, Maria. Letters\n"
    people, _ = entities_from_spans(text, spans_of(text, ("Anna", "PERSON"),
                                                   ("Karl", "PERSON"), ("Lind", "PERSON")))
    assert names(people) == ["Anna Brennick", "Karl Quill", "Maria Lind"]
    assert [m.text for m in people[0].mentions] == ["Brennick, Anna"]
    town = "Moved:\nParis, Georgia. A small town.\nLondon, Anna. Tides\n"
    people, found = entities_from_spans(town, spans_of(town, ("Paris", "GPE"), ("Georgia", "GPE"),
                                                       ("Anna", "PERSON")))
    assert names(people) == ["Anna London"] and "Paris" in names(found)


def test_a_given_name_tagged_as_something_else_takes_its_surname():
    text = "It is based on the Gregory Brennick novel."
    assert tags(text, ("Gregory", "ORG")) == (["Gregory Brennick"], [])


def test_places_joined_by_and_or_ampersand_in_one_span_are_each_a_place():
    assert tags("Trains run to Norway & Sweden daily.", ("Norway & Sweden", "ORG"))[1] == [
        "Norway", "Sweden"]
    assert tags("Visas for Antigua and Barbuda.", ("Antigua and Barbuda", "ORG"))[1] == [
        "Antigua and Barbuda"]


def test_a_span_across_lines_is_read_line_by_line():
    text = "Map of Norway\n\nAnna Brennick: a guide"
    people, found = tags(text, ("Norway\n\nAnna Brennick", "ORG"))
    assert people == ["Anna Brennick"] and found == ["Norway"]


def test_products_are_no_people():
    assert tags("The Brennick Pro and the Galaxy Note sold out; so did Tova®.", (
        "Brennick Pro", "PERSON"), ("Galaxy Note", "PERSON"), ("Tova®", "PERSON")) == ([], [])


# --- across the archive -------------------------------------------------------------------

def person(name: str, *at: int) -> Entity:
    from clippings.model import Mention
    return Entity(name=name, kind="person",
                  mentions=[Mention(s, s + len(name.split()[-1]), name) for s in at])


def clipping_with(*people: Entity):
    from clippings.model import Clipping
    return Clipping(path="x.html", sha256="0" * 64, kind="html", people=list(people))


def test_a_family_name_alone_is_the_one_full_name_the_archive_has():
    from clippings.tag.archive import link_family_names
    one = clipping_with(person("Ada Quill", 0), person("Bo Lind", 30))
    other = clipping_with(person("Quill", 5), person("Bo Lind", 9))  # Bo Lind in both
    both = clipping_with(person("Quill", 3), person("Ada Quill", 20))
    elsewhere = clipping_with(person("Quill", 5), person("Cy Zed", 9))  # nothing in common
    assert link_family_names([one, other, both, elsewhere]) == 2
    assert names(other.people) == ["Ada Quill", "Bo Lind"] and other.people[0].aliases == [
        "Quill"]
    assert names(both.people) == ["Ada Quill"]
    assert [m.start for m in both.people[0].mentions] == [3, 20]
    assert names(elsewhere.people) == ["Cy Zed", "Quill"]


def test_a_family_name_two_people_share_is_left_alone():
    from clippings.tag.archive import link_family_names
    lone = clipping_with(person("Quill", 5))
    archive = [clipping_with(person("Ada Quill", 0)), clipping_with(person("Bo Quill", 0)), lone]
    assert link_family_names(archive) == 0 and names(lone.people) == ["Quill"]


def test_a_dateline_the_model_cut_in_two_is_one_place():
    text = "ST. LOUIS, Mo. (AP) — Rain fell.\n\nKalamazoo, Mich., was dry."
    people, found = tags(text, ("ST", "GPE"), ("LOUIS", "PERSON"), ("Kalamazoo", "GPE"),
                         ("Mich.", "GPE"))
    assert people == [] and found == ["Kalamazoo", "Michigan", "St. Louis"]


def test_saint_is_read_however_it_is_written():
    for name in ("St. Louis", "ST. LOUIS", "St Louis", "Saint Louis"):
        found = places.lookup(places.canonical(name))
        assert found is not None and found.country == "US", name
    assert places.lookup("St. Petersburg").country == "RU"  # the bigger of the two


def test_a_family_name_tagged_as_an_organisation_is_the_person_named_in_full():
    text = "Tova Brennick was charged. Brennick denied it."
    people, _ = entities_from_spans(text, [*spans_of(text, ("Tova Brennick", "PERSON")),
                                           at(text, "Brennick", "ORG", -1)])
    assert [len(p.mentions) for p in people] == [2]
    company = "Ada Dell founded it. Dell Inc. said Dell sales rose."
    people, _ = entities_from_spans(company, [*spans_of(company, ("Ada Dell", "PERSON")),
                                              at(company, "Dell", "ORG", -1)])
    assert company.rindex("Dell") not in [m.start for m in people[0].mentions]


def test_accents_do_not_split_a_person():
    text = "Zahā Ḥadīd designed it. Later Zaha Hadid said so. Hadid smiled."
    people, _ = entities_from_spans(text, spans_of(text, ("Zahā Ḥadīd", "PERSON"),
                                                   ("Zaha Hadid", "PERSON")))
    assert len(people) == 1 and len(people[0].mentions) == 3


def test_a_suffix_is_no_name_of_its_own():
    text = "Patrick Brennick Jr. spoke. Later Ada Quill Jr. came. Brennick left."
    people, _ = entities_from_spans(text, spans_of(text, ("Patrick Brennick Jr.", "PERSON"),
                                                   ("Ada Quill Jr.", "PERSON")))
    brennick = next(p for p in people if p.name.startswith("Patrick"))
    assert [m.text for m in brennick.mentions] == ["Patrick Brennick Jr.", "Brennick"]


def test_a_directions_adjective_alone_is_no_place_and_accessories_no_people():
    text = "He was charged in the Southern District court. The Magic Keyboard ships."
    assert tags(text, ("Southern", "GPE"), ("Magic Keyboard", "PERSON")) == ([], [])


def test_forms_of_one_name_that_differ_in_case_or_stand_inside_it_are_one_person():
    text = ("Luis de Miranda wrote it. De Miranda laughed. Te Tova Anna Quill spoke; "
            "Tova Anna agreed.")
    people, _ = entities_from_spans(text, [*spans_of(
        text, ("Luis de Miranda", "PERSON"), ("De Miranda", "PERSON"),
        ("Te Tova Anna Quill", "PERSON")), at(text, "Tova Anna", "PERSON", -1)])
    assert [(p.name, len(p.mentions)) for p in people] == [
        ("Luis de Miranda", 2), ("Te Tova Anna Quill", 2)]


def test_a_common_word_leading_a_name_nobody_has_makes_no_person():
    text = "The whole fish sells at Whole Foods. After Easter, Bassi and his crew sailed."
    assert tags(text, ("Whole Foods", "PERSON"), ("Easter", "PERSON"))[0] == []
    assert tags("Photo: Anna Quill / Gazette", ("Anna Quill /", "PERSON"))[0] == ["Anna Quill"]
    assert tags("She loves Valentine’s Day.", ("Valentine’s Day", "PERSON"))[0] == []


def test_a_span_across_an_open_bracket_is_two_names():
    text = "We saw Oliver (Anna Quill, star of it) and cheered."
    assert tags(text, ("Oliver (Anna Quill", "PERSON"))[0] == ["Anna Quill", "Oliver"]
    closed = "We saw Tova (Quill) Lind."
    assert tags(closed, ("Tova (Quill) Lind", "PERSON"))[0] == ["Tova (Quill) Lind"]


def test_a_word_tagged_organisation_that_the_text_says_is_a_person_is_one():
    assert tags("Brennick, 47, was charged on Monday.", ("Brennick", "ORG"))[0] == ["Brennick"]
    assert tags("Thanks to Mrs. Brennick we won.", ("Brennick", "ORG"))[0] == ["Brennick"]
    # An occupation goes before a company's name as well.
    assert tags("Money came from investor Brennick.", ("Brennick", "ORG"))[0] == []


def test_a_direction_with_an_administrative_word_keeps_it():
    assert places.canonical("Southern District") == "Southern District"
    assert places.canonical("Eastern Province") == "Eastern Province"


# --- credits, teams, product lines, split given names (news pages, this session) ------------

def test_a_credit_before_a_name_is_cut_off():
    people, _ = tags("Set Design_Brenna Quill Tova. Lund DL Ada Korvell played.",
                     ("Design_Brenna Quill Tova", "PERSON"), ("Lund DL Ada Korvell", "PERSON"))
    assert people == ["Ada Korvell", "Brenna Quill Tova"]


def test_a_regnal_number_is_no_credit():
    people, _ = tags("Pope Odo VII Varn spoke.", ("Odo VII Varn", "PERSON"))
    assert people == ["Odo VII Varn"]


def test_a_full_name_tagged_as_an_organisation_joins_the_person():
    text = ("Defender Tolven Quarry was hurt. Quarry said he would play. Later Quarry ran. "
            "Fans cheered Tolven Quarry again.")
    people, _ = tags(text, ("Tolven Quarry", "ORG"), ("Quarry", "PERSON"), ("Quarry", "PERSON"))
    assert people == ["Tolven Quarry"]


def test_a_company_word_leading_a_full_name_stays_a_company():
    text = "Brennick Quarry was sold. Quarry said so. Quarry left. Brennick Inc. bought it."
    people, _ = tags(text, ("Brennick Quarry", "ORG"), ("Quarry", "PERSON"))
    assert people == ["Quarry"]


def test_a_plural_after_the_is_a_team_or_family_not_a_person():
    text = "The Korvells beat the Tessalers. Korvells fans sang; Tessalers said nothing."
    assert tags(text, ("Korvells", "PERSON"), ("Tessalers", "PERSON")) == ([], [])


def test_a_plural_surname_without_the_is_still_a_person():
    assert tags("Ada Jones won. Jones said so.", ("Ada Jones", "PERSON"), ("Jones", "PERSON"))[
        0] == ["Ada Jones"]


def test_a_name_tagged_as_a_place_and_a_person_equally_is_a_place_when_its_head_says_so():
    text = "We met at Varnholt Park. Varnholt Park was full. Rain at Varnholt Park. Varnholt Park!"
    spans = spans_of(text, ("Varnholt Park", "FAC"))
    starts = [m.start() for m in re.finditer("Varnholt Park", text)]
    spans = [(s, s + 13, "FAC" if i % 2 else "PERSON") for i, s in enumerate(starts)]
    people, found = entities_from_spans(text, spans)
    assert names(people) == [] and names(found) == ["Varnholt Park"]
    assert len(found[0].mentions) == 4


def test_lower_case_words_before_a_person_are_cut_but_particles_stay():
    people, _ = tags("They hunt Tova Lund with Ada de Varn.", ("hunt Tova Lund", "PERSON"),
                     ("Ada de Varn", "PERSON"))
    assert people == ["Ada de Varn", "Tova Lund"]


def test_a_given_name_split_at_its_hyphen_is_joined_again():
    people, _ = tags("President Quon Jae-in met Ada Lund in a Lund-era hall.",
                     ("Quon Jae", "PERSON"), ("Ada Lund", "PERSON"))
    assert people == ["Ada Lund", "Quon Jae-in"]


def test_a_product_line_of_a_company_named_alone_is_no_person():
    text = "Korvex sells the Korvex Lumen. Korvex said demand was high."
    people, _ = tags(text, ("Korvex", "ORG"), ("Korvex Lumen", "PERSON"), ("Korvex", "ORG"))
    assert people == []


def test_a_dateline_the_model_took_for_a_person_is_the_place():
    text = "SIOUX FALLS, S.D. – Ranchers met on Monday."
    people, found = tags(text, ("SIOUX FALLS", "PERSON"))
    assert people == [] and found == ["Sioux Falls"]


def test_a_slash_or_colon_ends_a_person_name():
    text = "Photo: Ada Lund/Reuters. Arrested: Tova Quill: Dealing."
    people, _ = tags(text, ("Ada Lund/Reuters", "PERSON"), ("Tova Quill: Dealing", "PERSON"))
    assert people == ["Ada Lund", "Tova Quill"]


def test_leading_possessive_or_symbol_is_not_part_of_a_name():
    people, _ = tags("Hanoi’s Tova Lund spoke. 👁 Ada Quill wrote.", ("’s Tova Lund", "PERSON"),
                     ("👁 Ada Quill", "PERSON"))
    assert people == ["Ada Quill", "Tova Lund"]


def test_an_acronym_is_no_small_town_and_state_of_is_the_country():
    assert places.lookup("UN") is None
    assert places.canonical("the State of Israel") == "Israel"
    assert places.canonical("State College") == "State College"


def test_a_county_is_not_the_town_it_is_named_after():
    assert places.canonical("Orange County") == "Orange County"
    assert places.canonical("Hunan Province") == "Hunan"


def test_postal_codes_after_a_town_are_states():
    _, found = tags("She lives in Paramus, NJ and works in Tulsa, OK.",
                    ("Paramus", "GPE"), ("NJ", "GPE"), ("Tulsa", "GPE"), ("OK", "GPE"))
    assert found == ["New Jersey", "Oklahoma", "Paramus", "Tulsa"]


def test_a_person_named_like_a_small_town_is_not_made_a_place_by_to():
    text = ("Under the Obama plan, Obama declined. Obama spoke twice. They gave space to "
            "Obama before the vote.")
    spans = [(m.start(), m.end(), "PERSON") for m in re.finditer("Obama", text)][1:]
    people, found = entities_from_spans(text, spans)
    assert names(found) == []


def test_the_administration_of_a_lone_name_says_it_is_a_person():
    text = "During the Varnholt administration, Varnholt declined to act."
    spans = [(m.start(), m.end(), "PERSON") for m in re.finditer("Varnholt", text)]
    people, _ = entities_from_spans(text, spans)
    assert names(people) == ["Varnholt"]


def test_an_other_name_of_a_city_does_not_lead_an_organisation_as_a_place():
    _, found = tags("Shares on the Hang Seng Index rose.", ("the Hang Seng Index", "ORG"))
    assert found == []


def test_a_country_then_a_full_name_after_a_role_preposition_are_a_place_and_a_person():
    people, found = tags("Chad Quill Varn sang.", ("Chad Quill Varn", "PERSON"))
    assert (people, found) == (["Chad Quill Varn"], [])  # no preposition before: a person
    text = "The ambassador to the Ukraine Marie Quill spoke."
    people, found = tags(text, ("Ukraine Marie Quill", "PERSON"))
    assert (people, found) == (["Marie Quill"], ["Ukraine"])


def test_a_make_before_a_plural_noun_is_no_place():
    text = "Faults in Brennick keyboards grew. Brennick Pro sold well."
    assert tags(text, ("Brennick", "GPE"))[1] == []
    assert tags("Hotels in Brennick are full.", ("Brennick", "GPE"))[1] == ["Brennick"]


def test_a_handle_tagged_as_a_company_does_not_make_its_person_a_product():
    text = "Rep. Tova Quill spoke. — Rep. Tova Quill (@Tova) wrote. Quill said so."
    people, _ = tags(text, ("Tova Quill", "PERSON"), ("Tova", "ORG"))
    assert people == ["Tova Quill"]


def test_a_quoted_title_ending_in_a_street_word_is_no_place():
    text = "The state's “Don’t Jerk and Drive” campaign failed on Varn Drive."
    _, found = tags(text, ("Don’t Jerk and Drive", "WORK_OF_ART"), ("Varn Drive", "FAC"))
    assert found == ["Varn Drive"]


def test_a_name_with_initials_joins_the_full_name_and_does_not_name_the_tag():
    text = "Senator B. U. Korvell died. Bram Korvell served Tessaly."
    people, _ = tags(text, ("B. U. Korvell", "PERSON"), ("Bram Korvell", "PERSON"))
    assert people == ["Bram Korvell"]


def test_a_name_before_a_building_noun_or_a_state_with_a_direction_is_a_site():
    text = "He was held in the Hoa Vey prison. She represents Ohio Central."
    people, found = tags(text, ("Hoa Vey", "PERSON"), ("Ohio Central", "PERSON"))
    assert people == [] and found == ["Hoa Vey", "Ohio Central"]
    assert tags("Oliver North spoke.", ("Oliver North", "PERSON"))[0] == ["Oliver North"]


def test_an_acronym_and_a_verb_before_a_person_word_make_no_full_name():
    text = "NASA Picks Korvex. Korvex said yes. Korvex said more."
    spans = [(0, 17, "ORG"), *((m.start(), m.end(), "PERSON")
                                for m in re.finditer("Korvex", text) if m.start() > 0)]
    people, _ = entities_from_spans(text, spans)
    assert "NASA Picks Korvex" not in names(people)


def test_a_word_always_after_the_is_no_person_nor_is_a_newspaper():
    text = "The man ran. The Korvex says he was caught. The Varnholt Courant agreed."
    people, _ = tags(text, ("Korvex", "PERSON"), ("Varnholt Courant", "PERSON"))
    assert people == []


def test_a_kinship_noun_before_a_lone_name_says_it_is_a_person():
    text = "He had two brothers, Korvo and Tessel. Korvo studied. Tessel studied."
    spans = [(m.start(), m.end(), "PERSON") for m in re.finditer("Korvo", text)]
    people, _ = entities_from_spans(text, spans)
    assert names(people) == ["Korvo"]
    text = "The firm Korvo grew. Korvo grew more."
    spans = [(m.start(), m.end(), "PERSON") for m in re.finditer("Korvo", text)]
    assert names(entities_from_spans(text, spans)[0]) == []


def test_a_reference_list_names_people_surname_first_and_initials_alone_name_nobody():
    text = ("^ Korvell, Anne B. (April 2010). \"A study\". Retrieved 2013.\n"
            "^ Quill, Mary; Varn, Peter (2009). \"Another\".\n"
            "Reviewed by J. M. in 2011.")
    spans = spans_of(text, ("Korvell", "PERSON"), ("Anne B.", "PERSON"), ("J. M.", "PERSON"))
    people, _ = entities_from_spans(text, spans)
    assert sorted(names(people)) == ["Anne B. Korvell", "Mary Quill", "Peter Varn"]


def test_a_word_the_model_never_tagged_is_a_person_where_the_text_plainly_says_so():
    text = ("Korvell received his schooling in Tessaly. In Korvell's later memoirs, the town "
            "looms large. Korvell fell ill in 1820.")
    people, _ = entities_from_spans(text, [])
    assert names(people) == ["Korvell"] and len(people[0].mentions) == 3
    text = "She is Chief Strategy Officer. The Chief Strategy Officer said so. Strategy said."
    assert names(entities_from_spans(text, [])[0]) == []


def test_a_nationality_leading_a_name_makes_no_person():
    assert tags("Australian Heritage printed it.", ("Australian Heritage", "PERSON"))[0] == []


def test_a_title_on_a_full_name_tagged_as_an_organisation_is_cut():
    text = "Detective Korvell came. Korvell said no. Korvell said yes."
    spans = [(0, 16, "ORG"), *((m.start(), m.end(), "PERSON")
                                for m in re.finditer("Korvell", text) if m.start() > 10)]
    assert names(entities_from_spans(text, spans)[0]) == ["Korvell"]


def test_quotes_and_dashes_in_person_spans():
    text = "Ada Quill 'Humbled' by it. Finley \"Finn\" Varn came. Korvos - they said."
    people, _ = tags(text, ("Ada Quill 'Humbled'", "PERSON"),
                     ("Finley \"Finn\" Varn", "PERSON"), ("Korvos - they", "PERSON"))
    assert people == ["Ada Quill", "Finley \"Finn\" Varn"]


def test_lower_case_junk_before_a_name_is_cut_and_awards_are_no_people():
    people, _ = tags("[harry] Amy Quill won an Oscar.", ("harry] Amy Quill", "PERSON"),
                     ("Oscar", "PERSON"))
    assert people == ["Amy Quill"]


def test_a_name_of_words_the_text_writes_in_lower_case_is_no_person():
    text = "Binary Tag is new: each binary value has a tag."
    assert tags(text, ("Binary Tag", "PERSON"))[0] == []


def test_titles_before_a_company_or_a_make_are_no_evidence_of_a_person():
    text = ("Major Korvex layoffs begin. Ada Quill, President Korvex North America, spoke. "
            "Korvex grew. The Senate impeachment trial began. The Senate met.")
    spans = [(m.start(), m.end(), "ORG") for m in re.finditer(r"Korvex|Senate", text)]
    spans.append((text.index("Ada Quill"), text.index("Ada Quill") + 9, "PERSON"))
    assert names(entities_from_spans(text, spans)[0]) == ["Ada Quill"]


def test_a_title_after_a_title_is_no_name_and_a_team_ends_a_city_name():
    text = "Lt. Col. Ada Vindel spoke. The Oklahoma City Korvel won; the Korvel, who lost, left."
    spans = spans_of(text, ("Ada Vindel", "PERSON"))
    spans += [(m.start(), m.end(), "PERSON") for m in re.finditer("Korvel", text)]
    assert names(entities_from_spans(text, spans)[0]) == ["Ada Vindel"]


def test_venues_addresses_and_works_with_place_words():
    text = ("June 9 – Tampa, FL @ Korvell Amphitheatre. Mail us at 5 Third Street, Suite 350, "
            "Tampa. The artists built Spider on the Bridge in Tampa. Nashville’s Grand Varn "
            "Pavilion opened.")
    people, found = tags(text, ("FL @ Korvell Amphitheatre", "GPE"), ("Suite 350", "GPE"),
                         ("Spider on the Bridge", "WORK_OF_ART"),
                         ("Nashville’s Grand Varn Pavilion", "ORG"))
    assert people == []
    assert found == ["Florida", "Grand Varn Pavilion", "Korvell Amphitheatre", "Nashville", "Tampa"]


def test_a_person_named_like_a_village_with_a_direction_stays_a_person():
    text = "She worked with Kanye West and Ada Quill."
    assert tags(text, ("Kanye West", "PERSON"), ("Ada Quill", "PERSON"))[0] == [
        "Ada Quill", "Kanye West"]


def test_only_directions_and_modifiers_refine_a_known_place():
    text = "Guests of the mogul, Debola Lagos, came from Greater Lagos."
    _, found = tags(text, ("Debola Lagos", "GPE"), ("Greater Lagos", "GPE"))
    assert found == ["Greater Lagos"]
    assert places.canonical("Republic of Ireland") == "Ireland"


def test_a_team_before_a_name_familiar_forms_titles_dashes_and_regnal_numbers():
    text = ("The Korvels won. Korvels Ada Quill Varn scored. Josh Tamber spoke; Joshua Tamber "
            "left. Lt Col Ivo Sandel came with Nia Brand -. He served Edward IV.")
    people, _ = tags(text, ("Korvels Ada Quill Varn", "PERSON"), ("Josh Tamber", "PERSON"),
                     ("Joshua Tamber", "PERSON"), ("Lt Col Ivo Sandel", "PERSON"),
                     ("Nia Brand -", "PERSON"), ("Edward IV.", "PERSON"))
    assert people == ["Ada Quill Varn", "Edward IV", "Ivo Sandel", "Joshua Tamber", "Nia Brand"]


def test_according_to_says_who_not_where_and_a_nested_common_word_is_no_town():
    text = "Sales rose, according to Toyota. Fans of the Wheel of Time series wait; time passes."
    _, found = tags(text, ("Toyota", "ORG"), ("the Wheel of Time series", "WORK_OF_ART"))
    assert found == []
    _, found = tags("The firm moved to Toyota in 2001.", ("Toyota", "ORG"))
    assert found == ["Toyota"]


def test_the_after_a_place_possessive_is_not_part_of_the_venue():
    text = "The tour ends at Houston’s The Korvell Woods Pavilion in October."
    _, found = tags(text, ("Houston’s The Korvell Woods Pavilion", "ORG"))
    assert found == ["Houston", "Korvell Woods Pavilion"]


def test_a_name_before_a_life_s_dates_is_a_person_whatever_the_model_said():
    text = ("Tamsin Brock Varnel (born June 11, 1988) is a pitcher. Varnel joined in 2012. "
            "Varnel hit twice. Fans in Varnel cheered. Grammar on Historical Principles "
            "(1909 – 1949) followed.")
    spans = [(m.start(), m.end(), "ORG") for m in re.finditer("Varnel", text)][1:3]
    spans.append((text.index("Varnel cheered"), text.index("Varnel cheered") + 6, "GPE"))
    people, found = entities_from_spans(text, spans)
    assert names(people) == ["Tamsin Brock Varnel"] and names(found) == []
    assert len(people[0].mentions) == 4


def test_a_title_before_a_town_s_name_makes_a_person_and_more_verbs_are_said_of_people():
    text = "He served with Major General Lafayette. Saint Lucia is an island."
    people, found = tags(text, ("Saint Lucia", "GPE"))
    assert people == ["Lafayette"] and found == ["Saint Lucia"]
    text = "Talks between Korvich and the government. Korvich agreed to cut arms."
    spans = [(m.start(), m.end(), "PERSON") for m in re.finditer("Korvich", text)]
    assert names(entities_from_spans(text, spans)[0]) == ["Korvich"]


def test_a_two_word_person_the_gazetteer_knows_as_a_place_is_that_place():
    text = "Flights go via Broken Arrow and Santa Clara. Paris Hilton flew."
    people, found = tags(text, ("Broken Arrow", "PERSON"), ("Santa Clara", "PERSON"),
                         ("Paris Hilton", "PERSON"))
    assert people == ["Paris Hilton"] and found == ["Broken Arrow", "Santa Clara"]


def test_an_untagged_name_ending_in_a_place_word_is_a_place_but_not_in_a_headline():
    text = ("Korvell Buried Near Brennick Cemetery\n\nHe was buried in the Varnholt Cemetery, "
            "near Tessel Square.")
    people, found = tags(text)
    assert found == ["Tessel Square", "Varnholt Cemetery"]  # not the headline's alone


def test_a_title_alone_is_no_name_and_a_list_after_the_is_of_people():
    text = "Lawmakers grilled Lt Col Ada Vindel. Unlike the Korvich and Brennan hearings, it ran."
    spans = spans_of(text, ("Lt Col", "PERSON"), ("Ada Vindel", "PERSON"), ("Korvich", "PERSON"),
                     ("Brennan", "PERSON"))
    people, _ = entities_from_spans(text, spans)
    assert "Col" not in names(people)
    assert "Korvich" in names(people)
