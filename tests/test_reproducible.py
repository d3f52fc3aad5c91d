"""Two builds of the same content are byte-identical (what `diff -r` would say).

The repo's content/ is copied into two different temporary folders and built with publishconf.py
(every kind of output: pages, feeds, sitemap, scrape copies, search index) in two separate
processes: another PYTHONHASHSEED, another time zone, another working directory, and the first
with an empty NER cache while the second reuses it. Nothing in the build may read the clock:
every date comes from the content or its provenance.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sitebuild import REPO, files, soup

pytestmark = pytest.mark.slow

SITEURL = "https://example.org/repo"
BUILD = ("import sys; from pathlib import Path; sys.path.insert(0, sys.argv[1]); "
         "from sitebuild import build; "
         "build(Path(sys.argv[2]), Path(sys.argv[3]), conf='publishconf.py', SITEURL=sys.argv[4])")
# What would make two builds differ if the publish stage or the theme used it.
CLOCK_OR_CHANCE = re.compile(r"\b(?:datetime\.now|date\.today|\.utcnow|time\.time|"
                             r"time\.localtime|import random|from random|uuid\d?\(|getmtime|"
                             r"st_mtime|now\(\))")


def build_in_a_process(workdir: Path, content: Path, output: Path, cache: Path, seed: str,
                       zone: str) -> None:
    env = {**os.environ, "PYTHONHASHSEED": seed, "TZ": zone, "CLIPPINGS_CACHE_DIR": str(cache)}
    done = subprocess.run([sys.executable, "-c", BUILD, str(REPO / "tests"), str(content),
                           str(output), SITEURL], cwd=workdir, env=env, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> tuple[Path, Path]:
    first = tmp_path_factory.mktemp("first")
    second = tmp_path_factory.mktemp("second") / "somewhere" / "else"
    cache = tmp_path_factory.mktemp("ner-cache")
    outputs = []
    for root, seed, zone in ((first, "1", "UTC"), (second, "2718", "Pacific/Kiritimati")):
        shutil.copytree(REPO / "content", root / "content")
        build_in_a_process(root, root / "content", root / "output", cache, seed, zone)
        outputs.append(root / "output")
    return outputs[0], outputs[1]


def test_two_builds_are_byte_identical(builds):
    first, second = (files(output) for output in builds)
    assert sorted(first) == sorted(second)
    differing = sorted(name for name in first if first[name] != second[name])
    assert differing == [], first_difference(differing[0], first, second)
    assert len(first) > 10


def first_difference(name: str, first: dict[str, bytes], second: dict[str, bytes]) -> str:
    """The start of a unified diff of one file of the two builds, for the failure message."""
    lines = [data.decode("utf-8", "replace").splitlines() for data in (first[name], second[name])]
    diff = difflib.unified_diff(*lines, f"first/{name}", f"second/{name}", lineterm="", n=1)
    return "\n".join(list(diff)[:40])


def test_no_build_folder_leaks_into_the_output(builds):
    for output in builds:
        root = str(output.parent).encode()
        for name, data in files(output).items():
            assert root not in data, name


def test_the_sample_is_copied_unchanged_with_its_hash(builds):
    output = builds[0]
    for scrape in sorted((REPO / "content" / "scraped").rglob("*.txt")):
        copy = output / "scrapes" / scrape.parent.name / scrape.name
        assert copy.read_bytes() == scrape.read_bytes()
        page = soup(output / "articles" / scrape.parent.name / scrape.with_suffix(".html").name)
        shown = page.select_one(".provenance code.hash").get_text()
        assert shown == hashlib.sha256(copy.read_bytes()).hexdigest()


def test_the_publish_stage_and_templates_never_read_the_clock_or_chance():
    """Build-time code only: what a script does in the browser never reaches the files."""
    places = [REPO / "plugins" / "clippings" / "publish", REPO / "theme", REPO / "pelicanconf.py",
              REPO / "publishconf.py"]
    found = []
    for place in places:
        for path in sorted([place] if place.is_file() else place.rglob("*")):
            if path.is_file() and path.suffix in (".py", ".html"):
                for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                    if CLOCK_OR_CHANCE.search(line):
                        found.append(f"{path.relative_to(REPO)}:{number}: {line.strip()}")
    assert found == []
