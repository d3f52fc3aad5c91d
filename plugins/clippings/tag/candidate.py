"""A candidate: one name found in a text, where it is, what the model called it and what the
rules take it for so far. Shared by every stage of tagging."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

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


@dataclass(eq=False)  # one candidate is itself: found by identity, never by its fields
class Candidate:
    start: int
    end: int
    label: str
    kind: Kind
    text: str
    maybe_place: bool = False  # a known place name the model mislabelled: context decides
    name: str = ""  # the name as a tag shows it, when not the text ("Austen, Jane")
