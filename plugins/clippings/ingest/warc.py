"""WARC and WARC.gz: each HTML response record becomes an article.

The record's HTTP payload (transfer and content encodings undone) is the scrape; its URL and
date come from the record. Image records of the same archive that a page refers to are kept
beside that page. Two passes over the file keep memory flat however large the archive is: the
first notes where each image record starts, the second reads the pages.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urljoin

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..read.decode import max_bytes
from .item import Failure, Item
from .names import asset_name

PAGE_TYPES = ("text/html", "application/xhtml+xml")
IMAGE_REF = re.compile(rb"""(?:src|data-src|data-original|poster)\s*=\s*["']?([^"'\s>]+)""",
                       re.I)
SRCSET = re.compile(rb"""srcset\s*=\s*["']([^"']+)["']""", re.I)


def items(path: Path) -> Iterator[Item | Failure]:
    pages = 0
    try:
        images = _image_offsets(path)
        with path.open("rb") as stream:
            records = ArchiveIterator(stream)
            for number, record in enumerate(records, 1):
                item = _page(path, number, record)
                if item is not None:
                    pages += 1
                    if isinstance(item, Item):
                        _attach_images(path, item, images)
                    yield item
    except (ArchiveLoadFailed, OSError, ValueError, EOFError, KeyError) as exc:
        yield Failure(str(path), f"is not a readable WARC archive ({exc})")
        return
    if not pages:
        yield Failure(str(path), "holds no HTML page (no successful text/html response record)")


def _content_type(record: Any) -> str:
    headers = record.http_headers if record.http_headers is not None else record.rec_headers
    return (headers.get_header("Content-Type") or "").split(";")[0].strip().lower()


def _page(path: Path, number: int, record: Any) -> Item | Failure | None:
    if record.rec_type not in ("response", "resource"):
        return None
    if _content_type(record) not in PAGE_TYPES:
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    name = f"{path}#{number} {url or ''}".rstrip()
    if record.http_headers is not None:
        status = record.http_headers.get_statuscode()
        if status and not status.startswith("2"):
            return None  # redirects and error pages are not articles
    payload, reason = _read(record)
    if reason:
        return Failure(name, reason)
    return Item(name=name, raw=payload, ext=".html", obtained="warc",
                original_name=path.name, url=url,
                retrieved_at=record.rec_headers.get_header("WARC-Date"))


def _read(record: Any) -> tuple[bytes, str | None]:
    limit = max_bytes()
    try:
        payload = record.content_stream().read(limit + 1)
    except (OSError, ValueError, EOFError) as exc:
        return b"", f"has a broken record ({exc})"
    if len(payload) > limit:
        return b"", (f"is larger than the {limit // (1024 * 1024)} MB limit "
                     "(set CLIPPINGS_MAX_BYTES to raise it)")
    return payload, None


def _image_offsets(path: Path) -> dict[str, int]:
    offsets: dict[str, int] = {}
    with path.open("rb") as stream:
        records = ArchiveIterator(stream)
        for record in records:
            if (record.rec_type in ("response", "resource")
                    and _content_type(record).startswith("image/")):
                url = record.rec_headers.get_header("WARC-Target-URI")
                if url:
                    offsets.setdefault(url, records.get_record_offset())
    return offsets


def _attach_images(path: Path, item: Item, images: dict[str, int]) -> None:
    if not images or not item.url:
        return
    wanted = {urljoin(item.url, ref.decode("latin-1").strip()) for ref in _refs(item.raw)}
    with path.open("rb") as stream:
        for number, url in enumerate(sorted(wanted & images.keys()), 1):
            data, kind = _record_at(stream, images[url])
            if data:
                name = asset_name(url, kind, number, item.assets)
                item.assets[name] = data
                item.asset_urls[url] = name


def _refs(raw: bytes) -> list[bytes]:
    refs = IMAGE_REF.findall(raw)
    for srcset in SRCSET.findall(raw):
        refs += [part.strip().split(b" ")[0] for part in srcset.split(b",") if part.strip()]
    return refs


def _record_at(stream: BinaryIO, offset: int) -> tuple[bytes, str]:
    stream.seek(offset)
    for record in ArchiveIterator(stream):
        payload, reason = _read(record)
        return (b"" if reason else payload), _content_type(record)
    return b"", ""
