"""The user's corrections file: parsing (with errors naming file and line) and applying it to
entity lists, pure, without the model."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from clippings.model import Clipping, Entity, Mention
from clippings.tag import corrections
from clippings.tag.corrections import CorrectionsError, apply, apply_to, parse

ROOT = Path(__file__).resolve().parents[1]
REPO_FILE = ROOT / "content" / "corrections.toml"


def person(name: str, *spans: tuple[int, int], aliases: list[str] | None = None) -> Entity:
    return Entity(name, "person", [Mention(s, e, name) for s, e in spans], aliases or [])


def place(name: str, *spans: tuple[int, int], country: str | None = None) -> Entity:
    return Entity(name, "place", [Mention(s, e, name) for s, e in spans], country=country)


def names(entities: list[Entity]) -> list[str]:
    return [e.name for e in entities]


# --- the file in the repo -----------------------------------------------------------------

def test_repo_file_parses_and_corrects_nothing() -> None:
    parsed = parse(REPO_FILE.read_text(encoding="utf-8"), "content/corrections.toml")
    assert not parsed  # a template: every example is commented out


def test_repo_file_examples_parse_when_uncommented() -> None:
    text = REPO_FILE.read_text(encoding="utf-8")
    uncommented = re.sub(r'(?m)^# (?=["\[]|[a-z]+ = )', "", text)
    assert uncommented != text
    parsed = parse(uncommented, "content/corrections.toml")
    assert parsed.rename and parsed.splits and parsed.display and parsed.kinds
    assert parsed.ignore["any"]


def test_empty_file_is_no_corrections() -> None:
    people = [person("Ada Moss", (0, 8))]
    assert not parse("")
    assert apply(parse(""), people, []) == (people, [])


# --- each section --------------------------------------------------------------------------

def test_alias_renames_and_keeps_the_other_name() -> None:
    fixes = parse('[aliases]\n"Lena Vogt" = ["Vogt Lena", "L. Vogt"]\n')
    people, _ = apply(fixes, [person("vogt  lena", (5, 14))], [])
    assert names(people) == ["Lena Vogt"]
    assert people[0].aliases == ["vogt  lena"]
    assert people[0].mentions == [Mention(5, 14, "vogt  lena")]


def test_alias_merges_two_tags_of_one_text_with_all_mentions() -> None:
    fixes = parse('[aliases]\n"Lena Vogt" = "Vogt Lena"\n')
    people, _ = apply(fixes, [person("Lena Vogt", (0, 9), (40, 44)),
                              person("Vogt Lena", (20, 29), aliases=["Lena"])], [])
    [lena] = people
    assert [(m.start, m.end) for m in lena.mentions] == [(0, 9), (20, 29), (40, 44)]
    assert lena.aliases == ["Lena", "Vogt Lena"]


def test_merge_keeps_the_first_name_and_the_gazetteer_data() -> None:
    fixes = parse('[[merge]]\nnames = ["Ostland", "Eastmark", "East Mark"]\n')
    _, places = apply(fixes, [], [place("East Mark", (0, 9)),
                                  place("Ostland", (20, 27), country="OS")])
    [one] = places
    assert one.name == "Ostland" and one.country == "OS"
    assert one.aliases == ["East Mark"]
    assert len(one.mentions) == 2


def test_alias_chains_resolve_to_the_last_canonical_name() -> None:
    fixes = parse('[aliases]\n"B" = ["A"]\n[[merge]]\nnames = ["C", "B"]\n')
    assert fixes.rename == {"a": "C", "b": "C"}


def test_split_by_folder_or_article_only_there() -> None:
    fixes = parse('[[split]]\nname = "Sam Reed"\nas = "Sam Reed (runner)"\n'
                  'folders = ["Track-News"]\narticles = ["scraped/daily/race.html"]\n')
    sam = [person("Sam Reed", (0, 8))]
    assert names(apply(fixes, sam, [], "scraped/track-news/a.txt")[0]) == ["Sam Reed (runner)"]
    assert names(apply(fixes, sam, [], "scraped/daily/race.html")[0]) == ["Sam Reed (runner)"]
    assert names(apply(fixes, sam, [], "scraped/daily/other.html")[0]) == ["Sam Reed"]
    assert names(apply(fixes, sam, [])[0]) == ["Sam Reed"]


def test_ignore_any_or_one_kind() -> None:
    fixes = parse('[ignore]\nany = ["Wirecast"]\npeople = ["Northfall"]\n')
    people, places = apply(fixes, [person("Wirecast", (0, 8)), person("Northfall", (10, 19)),
                                   person("Ada Moss", (20, 28))],
                           [place("Northfall", (30, 39)), place("WIRECAST", (40, 48))])
    assert names(people) == ["Ada Moss"]
    assert names(places) == ["Northfall"]


def test_display_name_shows_the_canonical_entity_otherwise() -> None:
    fixes = parse('[aliases]\n"Ostland" = ["Eastmark"]\n'
                  '[display]\n"Ostland" = "Ostland (Eastmark)"\n')
    _, places = apply(fixes, [], [place("Eastmark", (0, 8))])
    assert names(places) == ["Ostland (Eastmark)"]
    assert places[0].aliases == ["Eastmark", "Ostland"]


def test_kind_change_moves_the_tag_and_merges_with_the_place() -> None:
    fixes = parse('[kind]\n"Lisbon" = "place"\n"Rio Vale" = "person"\n')
    people, places = apply(fixes, [person("Lisbon", (0, 6))],
                           [place("Lisbon", (20, 26)), place("Rio Vale", (30, 38), country="BR")])
    assert names(people) == ["Rio Vale"] and people[0].country is None
    [lisbon] = places
    assert len(lisbon.mentions) == 2
    assert lisbon.country == "PT"  # the gazetteer knows the moved tag


def test_apply_to_a_clipping_uses_its_path_for_splits() -> None:
    fixes = parse('[[split]]\nname = "Sam Reed"\nas = "Sam Reed (runner)"\nfolders = ["track"]\n')
    clipping = Clipping(path="content/scraped/track/a.txt", sha256="0", kind="text",
                        people=[person("Sam Reed", (0, 8))])
    apply_to(fixes, clipping)
    assert names(clipping.people) == ["Sam Reed (runner)"]


def test_results_are_sorted_and_inputs_untouched() -> None:
    fixes = parse('[aliases]\n"Zed Ames" = ["Ames Zed"]\n')
    given = [person("Ames Zed", (0, 8)), person("Bo Lind", (9, 16))]
    people, _ = apply(fixes, given, [])
    assert names(people) == ["Bo Lind", "Zed Ames"]
    assert names(given) == ["Ames Zed", "Bo Lind"]


# --- errors name the file and the line ------------------------------------------------------

@pytest.mark.parametrize(("text", "line", "words"), [
    ('[aliases]\n"A" = ["B"\n', 2, "not valid TOML"),
    ('# fine\n[alias]\n"A" = ["B"]\n', 2, "unknown section 'alias'"),
    ('[aliases]\n"A" = ["B"]\n"C" = 3\n', 3, "must be a list of names"),
    ('[aliases]\n"A" = ["X"]\n"B" = ["X"]\n', 2, "another name of both"),
    ('[kind]\n"Lisbon" = "city"\n', 2, 'must be "person" or "place"'),
    ('[ignore]\nnobody = ["X"]\n', 2, "[ignore] takes"),
    ('[[merge]]\nnames = ["A", "B"]\n\n[[merge]]\nnames = ["C"]\n', 4, "two or more"),
    ('[[split]]\nname = "A"\nas = "B"\n', 1, "names no folders or articles"),
])
def test_malformed_file_names_file_and_line(text: str, line: int, words: str) -> None:
    with pytest.raises(CorrectionsError) as caught:
        parse(text, "content/corrections.toml")
    assert caught.value.line == line
    assert str(caught.value).startswith(f"content/corrections.toml, line {line}: ")
    assert words in str(caught.value)


def test_key_ignores_case_and_spacing() -> None:
    assert corrections.key("  Lena   VOGT ") == corrections.key("lena vogt")


# --- clippings entities --corrections ---------------------------------------------------------

def test_cli_applies_a_corrections_file_and_defaults_to_none(tmp_path, monkeypatch, capsys):
    from clippings import cli

    monkeypatch.setenv("CLIPPINGS_CACHE_DIR", str(tmp_path / "cache"))
    text = tmp_path / "story.txt"
    text.write_text("Carl Lund flew to Oslo on Monday. Lund met the mayor there.", "utf-8")
    fixes = tmp_path / "fixes.toml"
    fixes.write_text('[aliases]\n"Karl Lund" = ["Carl Lund"]\n[ignore]\nplaces = ["Oslo"]\n',
                     "utf-8")
    assert cli.main(["entities", "--jsonl", str(text)]) == 0
    plain = json.loads(capsys.readouterr().out)
    assert [p["name"] for p in plain["people"]] == ["Carl Lund"]
    assert [p["name"] for p in plain["places"]] == ["Oslo"]
    assert cli.main(["entities", "--jsonl", "--corrections", str(fixes), str(text)]) == 0
    fixed = json.loads(capsys.readouterr().out)
    assert fixed["people"] == [{"name": "Karl Lund", "mentions": plain["people"][0]["mentions"]}]
    assert fixed["places"] == []


def test_cli_refuses_a_broken_corrections_file_naming_it(tmp_path, capsys):
    from clippings import cli

    broken = tmp_path / "fixes.toml"
    broken.write_text('[aliases]\n"A" = 3\n', "utf-8")
    assert cli.main(["entities", "--corrections", str(broken), "-"]) == 2
    err = capsys.readouterr().err
    assert str(broken) in err and "line 2" in err
