"""Images a scrape carries beside it are shown from local copies; nothing else is ever loaded."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from clippings.clean.sanitize import LOCAL_IMAGE, sanitize
from clippings.publish.images import raster_extension
from sitebuild import build, cache_dir, soup

SAVED = Path(__file__).resolve().parent / "fixtures" / "import" / "saved"
PNG = (SAVED / "footbridge_files" / "bridge.png").read_bytes()

HOSTILE_REFERENCES = """<html><head><title>Quay wall repaired</title></head><body><article>
<h1>Quay wall repaired</h1>
<p>The old quay wall by the fish market was repaired over the winter by a team of masons who
rebuilt two hundred metres of stone with lime mortar, as it was first laid a century ago.</p>
<img src="../outside.png" alt="A file outside the scrape's folder">
<img src="quay_files/script.png" alt="A script named like an image">
<img src="quay_files/missing.png" alt="A file that is not there">
<img src="quay_files/drawing.svg" alt="An SVG drawing">
<p>The council said the work came in under budget and that the quay would reopen to boats in the
spring, once the mortar has cured and the new mooring rings have been tested by divers.</p>
</article></body></html>"""


def test_relative_image_paths_become_local_placeholders() -> None:
    html = sanitize('<p>x</p><img src="./page_files/a%20b.png" alt="A"><img src="/abs.png">'
                    '<img src="../up.png"><img src="https://cdn.example/c.png" alt="C">'
                    '<img src="javascript:alert(1)">')
    assert f'{LOCAL_IMAGE}="page_files/a%20b.png"' in html
    assert f'{LOCAL_IMAGE}="https://cdn.example/c.png"' in html  # an import may keep it by URL
    assert html.count(LOCAL_IMAGE) == 2  # not /abs.png, ../up.png or javascript:
    assert "src=" not in html  # nothing the browser would load


def test_an_image_with_a_remote_link_keeps_only_the_link_when_no_file_is_found(tmp_path) -> None:
    from types import SimpleNamespace

    from clippings.publish.images import show_local_images

    scrape = tmp_path / "page.html"
    scrape.write_text("x", encoding="utf-8")
    content = sanitize('<p>Text of the story.</p><img src="pics/a.png" alt="A harbour">',
                       base_url="https://news.example/story")
    article = SimpleNamespace(_content=content, source_path=str(scrape), save_as="a/b.html",
                              folder="a", slug="b")
    show_local_images(SimpleNamespace(settings={"OUTPUT_PATH": str(tmp_path / "out")},
                                      articles=[article]))
    assert "[A harbour]" not in article._content and LOCAL_IMAGE not in article._content
    assert 'href="https://news.example/pics/a.png"' in article._content


def test_raster_extension_by_content() -> None:
    assert raster_extension(PNG[:16]) == ".png"
    assert raster_extension(b"\xff\xd8\xff\xe0rest") == ".jpg"
    assert raster_extension(b"RIFF\x00\x00\x00\x00WEBPVP8 ") == ".webp"
    assert raster_extension(b"<svg xmlns=") is None
    assert raster_extension(b"alert(1)") is None


@pytest.fixture(scope="module")
def output(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("images")
    folder = root / "content" / "scraped" / "river-times"
    folder.mkdir(parents=True)
    shutil.copy(SAVED / "footbridge.html", folder)
    shutil.copytree(SAVED / "footbridge_files", folder / "footbridge_files")
    (folder / "quay.html").write_text(HOSTILE_REFERENCES, encoding="utf-8")
    (folder / "quay_files").mkdir()
    (folder / "quay_files" / "script.png").write_text("alert(1)", encoding="utf-8")
    (folder / "quay_files" / "drawing.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "utf-8")
    (root / "content" / "scraped" / "outside.png").write_bytes(PNG)
    with cache_dir(root / "ner-cache"):
        build(root / "content", root / "output")
    return root / "output"


def test_a_saved_pages_image_is_shown_from_its_local_copy(output: Path) -> None:
    page = output / "articles" / "river-times" / "footbridge.html"
    images = soup(page).select("main img")
    assert [img["alt"] for img in images] == ["The new footbridge at dawn"]
    copy = (page.parent / images[0]["src"]).resolve()
    assert copy.is_relative_to(output.resolve() / "images")
    assert copy.read_bytes() == PNG
    assert LOCAL_IMAGE not in page.read_text(encoding="utf-8")


def test_nothing_but_real_raster_files_inside_the_scrape_folder_is_copied(output: Path) -> None:
    copied = sorted(p.name for p in (output / "images").rglob("*") if p.is_file())
    assert len(copied) == 1 and copied[0].endswith(".png") and copied[0].startswith("bridge-")
    page = output / "articles" / "river-times" / "quay.html"
    text = page.read_text(encoding="utf-8")
    assert not soup(page).select("main img") and LOCAL_IMAGE not in text
    for alt in ("A file outside the scrape's folder", "A script named like an image",
                "A file that is not there", "An SVG drawing"):
        assert f"[{alt}]" in text  # the alt text stays where the image was


def test_inline_and_url_kept_images_are_written_from_the_scrape(tmp_path) -> None:
    import base64
    import json
    from types import SimpleNamespace

    from clippings.publish.images import show_local_images

    scrape = tmp_path / "story.html"
    scrape.write_text("x", encoding="utf-8")
    (tmp_path / "story_files").mkdir()
    (tmp_path / "story_files" / "kept.png").write_bytes(PNG)
    (tmp_path / "story_files" / "clippings-images.json").write_text(
        json.dumps({"urls": {"https://img.example/kept.png": "kept.png",
                             "https://img.example/evil.png": "../../outside.png"}}), "utf-8")
    inline = "data:image/png;base64," + base64.b64encode(PNG).decode()
    content = sanitize(f'<p>Story text here.</p><img src="{inline}" alt="Inline">'
                       '<img src="https://img.example/kept.png" alt="Kept">'
                       '<img src="https://img.example/evil.png" alt="Escaping">'
                       '<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="Svg">')
    article = SimpleNamespace(_content=content, source_path=str(scrape), save_as="a/b.html",
                              folder="a", slug="b")
    out = tmp_path / "out"
    show_local_images(SimpleNamespace(settings={"OUTPUT_PATH": str(out), "RELATIVE_URLS": True},
                                      articles=[article]))
    shown = soup_of(article._content).find_all("img")
    assert [img["alt"] for img in shown] == ["Inline", "Kept"]
    for img in shown:
        assert (out / "a" / img["src"]).resolve().read_bytes() == PNG
    assert "data:" not in article._content and LOCAL_IMAGE not in article._content


def soup_of(html: str):
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "html.parser")
