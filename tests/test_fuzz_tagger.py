"""Fuzzing the rules on top of the model: whatever the text and whatever spans the model gives,
people and places come out without a crash, and every mention is the text at its offsets.

The model is not run: the spans are drawn, so every rule sees labels and boundaries the model
would seldom give (spans across lines and brackets, inside words, empty, overlapping).
"""

from __future__ import annotations

from datetime import timedelta

from clippings.tag import entities_from_spans
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

BUDGET = settings(max_examples=300, deadline=timedelta(seconds=10), derandomize=True,
                  suppress_health_check=[HealthCheck.too_slow])

# Words that set off the rules: titles, suffixes, places, list glue, possessives, datelines...
WORDS = [
    "Ada", "Quill", "said", "in", "Paris", ",", "Texas", ".", "the", "Mr.", "Dr.", "ST.", "JOSEPH",
    "—", "(", ")", "\n", "Anna", "Brennick", "Jr.", "'s", "’s", "and", "or", "&", "/", "of",
    "counties", "Mich.", "Whole", "Foods", "Inc.", "Pro", "Cyclone", "his", "her", "who", "was",
    "born", "St.", "Louis", "Van", "Buren", "Kolvamo", "Tessaly", "Norway", "UHD", "OR", "XV",
    "FRS:", ";", "–", "-", "é", "Ḥadīd",
]
LABELS = ["PERSON", "GPE", "LOC", "FAC", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "DATE"]


@st.composite
def tagged_text(draw) -> tuple[str, list[tuple[int, int, str]]]:
    words = draw(st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=8)), max_size=40))
    text = " ".join(words)
    spans = []
    for _ in range(draw(st.integers(0, 8))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 30)))
        spans.append((start, end, draw(st.sampled_from(LABELS))))
    return text, spans


@BUDGET
@given(tagged_text())
def test_any_spans_give_people_and_places_whose_mentions_are_the_text(case):
    text, spans = case
    people, places = entities_from_spans(text, spans)
    for entity in [*people, *places]:
        assert entity.name and entity.mentions
        for m in entity.mentions:
            assert text[m.start:m.end] == m.text
