"""Images a scrape carries beside it, shown from local copies.

The clean stage leaves ``<img data-clippings-local="page_files/a.png">`` where a page names an
image by a relative path (a browser's "Save page as, complete" keeps them in ``<page>_files/``).
Once the articles are read, each such image is looked up next to its scrape: a file inside the
scrape's own folder that really is a raster image (by its first bytes, whatever its name) is
copied to ``images/<article folder>/<article slug>/`` and shown; anything else (missing, outside
the folder, an SVG, a script named .png) is dropped and its alt text stays. Remote images are never
loaded: those stay links to the original.
"""

from __future__ import annotations

import hashlib
import logging
import posixpath
import shutil
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote, unquote

from bs4 import BeautifulSoup
from slugify import slugify

from ..clean.sanitize import LOCAL_FALLBACK, LOCAL_IMAGE

logger = logging.getLogger(__name__)

FOLDER = "images"
MAX_BYTES = 10 * 1024 * 1024
# Raster formats a browser shows in <img> and that cannot carry script: signature → extension.
SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", ".png"),
    (b"\xff\xd8\xff", ".jpg"),
    (b"GIF87a", ".gif"),
    (b"GIF89a", ".gif"),
)


def raster_extension(head: bytes) -> str | None:
    """The file extension of a PNG, JPEG, GIF or WebP from its first bytes; None for the rest."""
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return ".webp"
    return next((ext for magic, ext in SIGNATURES if head.startswith(magic)), None)


def local_file(scrape: Path, reference: str) -> Path | None:
    """The file a relative image reference names beside ``scrape``, if it is one we may show."""
    folder = scrape.parent.resolve()
    candidate = (folder / unquote(reference)).resolve()
    if not candidate.is_relative_to(folder) or not candidate.is_file():
        return None
    if candidate.stat().st_size > MAX_BYTES:
        return None
    return candidate


def show_local_images(generator: Any) -> None:
    """article_generator_finalized: copy each article's local images and point <img> at them."""
    output = Path(generator.settings["OUTPUT_PATH"])
    relative = generator.settings.get("RELATIVE_URLS", False)
    site = (generator.settings.get("SITEURL") or "").rstrip("/")
    for article in [*generator.articles, *getattr(generator, "drafts", [])]:
        if LOCAL_IMAGE not in (article._content or ""):
            continue
        soup = BeautifulSoup(article._content, "html.parser")
        for img in soup.find_all("img", attrs={LOCAL_IMAGE: True}):
            target = _copy(Path(article.source_path), img[LOCAL_IMAGE], article, output)
            if target is None:
                # Its alt text stays, unless a link to the original image already carries it.
                alt = img.get("alt") or ""
                img.replace_with(f"[{alt}]" if alt and img.has_attr(LOCAL_FALLBACK) else "")
                continue
            del img[LOCAL_IMAGE]
            if img.has_attr(LOCAL_FALLBACK):
                del img[LOCAL_FALLBACK]
            page_folder = posixpath.dirname(article.save_as)
            img["src"] = (quote(posixpath.relpath(target, page_folder)) if relative
                          else f"{site}/{quote(target)}")
        article._content = str(soup)


def _copy(scrape: Path, reference: str, article: Any, output: Path) -> str | None:
    """Copy one image into output/; its path there (POSIX, relative to output), or None."""
    source = local_file(scrape, reference)
    if source is None:
        return None
    data = source.read_bytes()
    extension = raster_extension(data[:16])
    if extension is None:
        logger.warning("Clippings: %s: %s is not a PNG, JPEG, GIF or WebP image; not shown",
                       scrape.name, reference)
        return None
    # The name says what the file is and where it came from, and two files never share one.
    stem = slugify(PurePosixPath(reference).stem)[:60] or "image"
    name = f"{stem}-{hashlib.sha256(data).hexdigest()[:10]}{extension}"
    target = posixpath.join(FOLDER, article.folder, article.slug, name)
    destination = output / target
    destination.parent.mkdir(parents=True, exist_ok=True)
    if not destination.exists():
        shutil.copyfile(source, destination)
    return target
