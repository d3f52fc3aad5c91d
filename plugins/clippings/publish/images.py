"""Images a scrape carries, shown from local copies.

The clean stage leaves ``<img data-clippings-local="...">`` placeholders naming where an image's
bytes may be: a relative path (a browser's "Save page as, complete" keeps images in
``<page>_files/``), an inline ``data:image/...;base64`` picture (SingleFile), or the image's URL
(`clippings import` keeps the images of a WARC or MHTML beside the scrape, with a map from URL to
file). Once the articles are read, each is looked up: bytes that really are a raster image (by
their first bytes, whatever the name), from inside the scrape's own folder, are copied to
``images/<article folder>/<article slug>/`` and shown; anything else (missing, outside the folder,
an SVG, a script named .png) is dropped and its alt text stays. Remote images are never loaded:
those stay links to the original.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import logging
import posixpath
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from bs4 import BeautifulSoup
from slugify import slugify

from ..clean.sanitize import LOCAL_FALLBACK, LOCAL_IMAGE
from ..ingest.layout import companion_of
from ..ingest.run import MANIFEST

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
    data = image_bytes(scrape, reference)
    if data is None:
        return None
    extension = raster_extension(data[:16])
    if extension is None:
        logger.warning("Clippings: %s: an image is not a PNG, JPEG, GIF or WebP file; not shown",
                       scrape.name)
        return None
    # The name says what the file is and where it came from, and two files never share one.
    stem = "image" if reference.startswith("data:") else \
        slugify(PurePosixPath(urlsplit(reference).path).stem)[:60] or "image"
    name = f"{stem}-{hashlib.sha256(data).hexdigest()[:10]}{extension}"
    target = posixpath.join(FOLDER, article.folder, article.slug, name)
    destination = output / target
    destination.parent.mkdir(parents=True, exist_ok=True)
    if not destination.exists():
        destination.write_bytes(data)
    return target


def image_bytes(scrape: Path, reference: str) -> bytes | None:
    """The bytes of an image the scrape carries: inline, beside it by path, or kept by URL."""
    if reference.startswith("data:"):
        try:
            return base64.b64decode(reference.partition(",")[2], validate=False)[:MAX_BYTES]
        except (ValueError, binascii.Error):
            return None
    if urlsplit(reference).scheme in ("http", "https"):
        kept = kept_by_url(scrape).get(reference)
        source = local_file(scrape, kept) if kept else None
    else:
        source = local_file(scrape, reference)
    return source.read_bytes() if source else None


def kept_by_url(scrape: Path) -> dict[str, str]:
    """URL → path beside the scrape, from the map `clippings import` writes next to it."""
    companion = companion_of(scrape)
    try:
        urls = json.loads((companion / MANIFEST).read_text(encoding="utf-8")).get("urls") or {}
    except (OSError, ValueError, AttributeError):
        return {}
    return {url: f"{companion.name}/{name}" for url, name in urls.items()
            if isinstance(url, str) and isinstance(name, str)}
