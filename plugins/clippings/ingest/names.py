"""File names for images kept beside a scrape: short, safe, unique within the folder."""

from __future__ import annotations

import mimetypes
import posixpath
import re
from collections.abc import Container
from urllib.parse import unquote, urlsplit

SAFE = re.compile(r"[^A-Za-z0-9._-]+")
IMAGE_EXTENSIONS = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg", ".bmp", ".ico"}


def asset_name(where: str, content_type: str, number: int, taken: Container[str]) -> str:
    """A local name for an image from its URL (or Content-ID) and type; never one ``taken``."""
    try:
        base = posixpath.basename(unquote(urlsplit(where).path)) if where else ""
    except ValueError:
        base = ""
    stem, ext = posixpath.splitext(SAFE.sub("-", base).strip("-."))
    if ext.lower() not in IMAGE_EXTENSIONS:
        ext = mimetypes.guess_extension(content_type.split(";")[0].strip()) or ".bin"
    # ".svg" images may carry scripts: they are kept (byte for byte) but never published inline.
    stem = (stem or f"image-{number}")[:60]
    name = f"{stem}{ext.lower()}"
    counter = 2
    while name in taken:
        name = f"{stem}-{counter}{ext.lower()}"
        counter += 1
    return name
