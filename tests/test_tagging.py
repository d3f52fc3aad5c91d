"""Tagging during the build: every article tagged in one batch after all are read, the
corrections file applied (or reported and skipped when broken), and the sample passing on its
own, with no corrections at all."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from clippings import pipeline
from clippings.model import Clipping, Entity, Mention
from clippings.publish import tagging
from clippings.tag import NOT_ENGLISH, corrections, tag_many
from sitebuild import SHARED, build, recording, soup

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "content" / "scraped" / "nikkei-asian-review" / (
    "china-inching-toward-detente-with-japan.txt")
GOLD = SHARED / "gold" / "sample_entities.json"

# What the stand-in tagger finds in each article: (people, places).
TAGS = {
    "one.txt": (["A. Quill", "Bo Index", "Sam Reed"], ["Gotham"]),
    "two.txt": (["Ada Quill", "Sam Reed"], []),
    "three.txt": (["Sam Reed"], ["Gotham"]),
}
FILES = ["scraped/daily/one.txt", "scraped/daily/two.txt", "scraped/track-news/three.txt",
         "scraped/daily/german.txt"]
CORRECTIONS = """\
[aliases]
"Ada Quill" = ["A. Quill"]

[ignore]
people = ["Bo Index"]

[[split]]
name = "Sam Reed"
as = "Sam Reed (runner)"
folders = ["track-news"]
"""


def fake_extract_path(path, *, entities=True):
    assert entities is False, "the reader must leave tagging to the batch"
    name = Path(path).name
    return Clipping(path=str(path), sha256="cd" * 32, kind="text", encoding="utf-8",
                    title=f"Story {name}", html=f"<p>Body of {name}.</p>", text=f"Body of {name}.")


def fake_tag_many(batches: list[int]):
    def tag(clippings: list[Clipping]) -> None:
        batches.append(len(clippings))
        for clipping in clippings:
            name = Path(clipping.path).name
            if name not in TAGS:
                clipping.warnings.append(NOT_ENGLISH)
                continue
            people, places = TAGS[name]
            clipping.people = [Entity(n, "person", [Mention(0, len(n), n)]) for n in people]
            clipping.places = [Entity(n, "place", [Mention(0, len(n), n)]) for n in places]
    return tag


def build_site(root: Path, corrections_text: str | None) -> tuple[Path, list[int], list[str]]:
    content = root / "content"
    for name in FILES:
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_text("stand-in", encoding="utf-8")
    if corrections_text is not None:
        (content / "corrections.toml").write_text(corrections_text, encoding="utf-8")
    batches: list[int] = []
    with pytest.MonkeyPatch.context() as mp, recording() as log:
        mp.setattr(pipeline, "extract_path", fake_extract_path)
        mp.setattr(tagging, "tag_many", fake_tag_many(batches))
        build(content, root / "output")
    return root / "output", batches, log.messages()


def listed(page: Path) -> list[str]:
    return sorted(a.get_text(strip=True) for a in soup(page).select(".article-list .title"))


@pytest.fixture(scope="module")
def corrected(tmp_path_factory) -> tuple[Path, list[int], list[str]]:
    return build_site(tmp_path_factory.mktemp("corrected"), CORRECTIONS)


def test_all_articles_are_tagged_in_one_batch(corrected) -> None:
    _, batches, errors = corrected
    assert batches == [len(FILES)]
    assert errors == []


def test_corrections_apply_across_the_archive(corrected) -> None:
    output, _, _ = corrected
    people = {p.name for p in (output / "people").glob("*.html")}
    assert people == {"index.html", "ada-quill.html", "sam-reed.html", "sam-reed-runner.html"}
    assert listed(output / "people" / "ada-quill.html") == ["Story one.txt", "Story two.txt"]
    assert listed(output / "people" / "sam-reed.html") == ["Story one.txt", "Story two.txt"]
    assert listed(output / "people" / "sam-reed-runner.html") == ["Story three.txt"]
    page = soup(output / "articles" / "daily" / "one.html")
    assert {a.get_text() for a in page.select(".entities a")} == {"Ada Quill", "Sam Reed",
                                                                  "Gotham"}


def test_text_the_model_cannot_read_gets_a_note(corrected) -> None:
    output, _, _ = corrected
    notes = [li.get_text(" ", strip=True)
             for li in soup(output / "articles" / "daily" / "german.html").select(".notes li")]
    assert NOT_ENGLISH in notes


def test_a_broken_corrections_file_is_reported_and_the_build_goes_on(tmp_path) -> None:
    output, batches, errors = build_site(tmp_path, CORRECTIONS.replace("[ignore]", "[ignore"))
    assert batches == [len(FILES)]
    [error] = errors
    assert "corrections.toml, line 4" in error and "without corrections" in error
    people = {p.name for p in (output / "people").glob("*.html")}
    assert {"a-quill.html", "bo-index.html", "sam-reed.html"} <= people


def test_no_setting_or_no_file_means_no_corrections(tmp_path) -> None:
    assert not tagging.load_corrections({"PATH": str(tmp_path)})
    assert not tagging.load_corrections({"PATH": str(tmp_path),
                                         tagging.SETTING: "corrections.toml"})


def test_a_clipping_tagged_already_is_not_tagged_again(monkeypatch) -> None:
    class Article:
        def __init__(self, clipping: Clipping) -> None:
            self.clipping, self.metadata, self.notes = clipping, {}, []
            self.settings = {"PATH": "."}

    class Generator:
        settings: dict = {}

    done = Clipping(path="a.txt", sha256="0", kind="text",
                    people=[Entity("Ada Moss", "person", [Mention(0, 8, "Ada Moss")])])
    fresh = Clipping(path="b.txt", sha256="1", kind="text")
    generator = Generator()
    generator.articles = [Article(done)]
    generator.drafts = [Article(fresh)]
    batches: list[int] = []
    monkeypatch.setattr(tagging, "tag_many", fake_tag_many(batches))
    tagging.tag_articles(generator)
    assert batches == [1]
    assert [link.name for link in generator.articles[0].people] == ["Ada Moss"]
    assert generator.drafts[0].notes == [NOT_ENGLISH]


@pytest.mark.shared
def test_the_sample_passes_with_an_empty_corrections_file(tmp_path, monkeypatch) -> None:
    if not GOLD.is_file():
        pytest.skip(f"{GOLD.relative_to(ROOT.parent)} is absent (../shared not checked out)")
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    monkeypatch.setenv("CLIPPINGS_CACHE_DIR", str(tmp_path / "cache"))
    clipping = pipeline.extract_path(SAMPLE, entities=False)
    tag_many([clipping])
    people, places = corrections.apply(corrections.parse(""), clipping.people, clipping.places)
    assert [p.name for p in people] == sorted(gold["people"], key=str.casefold)
    assert len({p.name for p in places} & set(gold["places"])) >= 12
    # And the repo's own file changes nothing: nothing passes because of it.
    repo_file = (ROOT / "content" / "corrections.toml").read_text(encoding="utf-8")
    assert corrections.apply(corrections.parse(repo_file), people, places) == (people, places)
