"""MHTML (.mhtml, .mht): a MIME multipart message holding a page and what it loaded.

The first text/html part becomes the scrape, its bytes exactly as the part carries them (only
the transfer encoding is undone); image parts are kept beside it under their original URLs.
"""

from __future__ import annotations

import email
import email.policy
from email.message import Message
from email.utils import parsedate_to_datetime
from pathlib import Path

from .item import Failure, Item, iso_time
from .names import asset_name


def items(path: Path, raw: bytes) -> list[Item | Failure]:
    message = email.message_from_bytes(raw, policy=email.policy.compat32)
    if not message.is_multipart() and message.get_content_type() != "text/html":
        return [Failure(str(path), "is not an MHTML archive (no multipart message in it)")]
    page: Message | None = None
    images: list[Message] = []
    for part in message.walk():
        kind = part.get_content_type()
        if kind == "text/html" and page is None:
            page = part
        elif part.get_content_maintype() == "image":
            images.append(part)
    if page is None:
        return [Failure(str(path), "holds no HTML page (no text/html part)")]
    body = page.get_payload(decode=True)
    if not isinstance(body, bytes):
        return [Failure(str(path), "has an unreadable HTML part")]
    url = message.get("Snapshot-Content-Location") or page.get("Content-Location")
    item = Item(name=str(path), raw=body, ext=".html", obtained="mhtml", original_name=path.name,
                url=str(url).strip() if url else None, retrieved_at=_date(message.get("Date")))
    for number, part in enumerate(images, 1):
        data = part.get_payload(decode=True)
        if not isinstance(data, bytes) or not data:
            continue
        where = str(part.get("Content-Location") or "").strip()
        cid = str(part.get("Content-ID") or "").strip().strip("<>")
        name = asset_name(where or cid, part.get_content_type(), number, item.assets)
        item.assets[name] = data
        for key in (where, f"cid:{cid}" if cid else ""):
            if key:
                item.asset_urls[key] = name
    return [item]


def _date(value: object) -> str | None:
    if not value:
        return None
    try:
        return iso_time(parsedate_to_datetime(str(value)))
    except (TypeError, ValueError):
        return None
