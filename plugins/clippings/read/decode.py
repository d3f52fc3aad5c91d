"""Bytes → text: refuse what is not a scrape, then find the encoding, declared or not.

Order of trust, as browsers do it (WHATWG "encoding sniffing"): a byte-order mark, then the
charset the page declares (only if the bytes really decode with it), then strict UTF-8, then
charset-normalizer's guess from the bytes themselves.
"""

from __future__ import annotations

import codecs
import gzip
import io
import os
import re
import unicodedata

import charset_normalizer
from charset_normalizer.md import mess_ratio

from ..errors import BadInput

# A SingleFile page with inlined images can reach tens of MB; past this we refuse rather than
# let one file stall the whole build. Override with CLIPPINGS_MAX_BYTES.
DEFAULT_MAX_BYTES = 25 * 1024 * 1024

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)|<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.\-]+)""",
    re.IGNORECASE,
)
# Labels that browsers map to a superset: decoding with the label as written loses characters.
WHATWG_ALIASES = {
    "iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252",
    "ascii": "cp1252", "iso8859-1": "cp1252", "gb2312": "gb18030", "gbk": "gb18030",
    "x-gbk": "gb18030", "shift-jis": "cp932", "shift_jis": "cp932", "sjis": "cp932",
    "x-sjis": "cp932", "euc-kr": "cp949", "ks_c_5601-1987": "cp949", "tis-620": "cp874",
    "iso-8859-9": "cp1254", "big5": "big5hkscs",
}
# Signatures of binary formats whose first kilobytes can still look like text (a PDF without
# compressed streams, a PNG whose header is mostly ASCII): refused whatever the file is called.
BINARY_MAGIC = (b"%PDF-", b"\x89PNG\r\n\x1a\n", b"GIF87a", b"GIF89a", b"\xff\xd8\xff",
                b"PK\x03\x04", b"\x00\x00\x01\x00", b"II*\x00", b"MM\x00*", b"\x7fELF",
                b"\xd0\xcf\x11\xe0", b"7z\xbc\xaf", b"\x1a\x45\xdf\xa3", b"\x00asm")
NOT_TEXT = bytes([*range(9), *range(14, 32)])  # C0 controls other than \t \n \v \f \r
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def max_bytes() -> int:
    try:
        return int(os.environ.get("CLIPPINGS_MAX_BYTES", DEFAULT_MAX_BYTES))
    except ValueError:
        return DEFAULT_MAX_BYTES


def guard(raw: bytes, path: str) -> bytes:
    """The bytes to decode, after refusing empty, oversized and binary files."""
    limit = max_bytes()
    if raw[:2] == b"\x1f\x8b":  # a gzipped scrape (.html.gz): read through it, within the limit
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(raw)) as gz:
                raw = gz.read(limit + 1)
        except (OSError, EOFError) as exc:
            raise BadInput(path, f"is a broken gzip file ({exc})") from exc
    if not raw.strip():
        raise BadInput(path, "is empty")
    if len(raw) > limit:
        raise BadInput(path, f"is larger than the {limit // (1024 * 1024)} MB limit "
                             "(set CLIPPINGS_MAX_BYTES to raise it)")
    if _bom(raw) is None and _looks_binary(raw):
        raise BadInput(path, "is binary, not a web page or text dump")
    return raw


def decode(raw: bytes, path: str, html: bool) -> tuple[str, str, list[str]]:
    """(text, encoding name, warnings) for the bytes of one scrape."""
    warnings: list[str] = []
    bom = _bom(raw)
    if bom:
        encoding, skip = bom
        return _finish(raw[skip:].decode(encoding, errors="replace")), encoding, warnings
    declared = _declared(raw) if html else None
    if declared:
        try:
            return _finish(raw.decode(declared)), declared, warnings
        except UnicodeDecodeError:
            warnings.append(f"{path}: declares {declared} but is not; encoding detected instead")
    try:
        return _finish(raw.decode("utf-8")), "utf-8", warnings
    except UnicodeDecodeError:
        pass
    encoding = _guess(raw[:200_000])
    try:
        text = raw.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        text = raw.decode(encoding if _known(encoding) else "cp1252", errors="replace")
        warnings.append(f"{path}: some bytes are not valid {encoding}; replaced with U+FFFD")
    return _finish(text), encoding, warnings


def _guess(sample: bytes) -> str:
    """charset-normalizer's best guess, but windows-1252 where it fits as well.

    Single-byte Western and Central European code pages are often equally plausible for the
    same bytes; the web's default (and the most common by far for undeclared pages) wins ties.
    """
    best = charset_normalizer.from_bytes(sample).best()
    if best is None:
        return "cp1252"
    encoding = _normalise_label(best.encoding)
    if encoding != "cp1252" and _single_byte(encoding):
        try:
            western = sample.decode("cp1252")
        except UnicodeDecodeError:
            return encoding
        if mess_ratio(western) <= best.chaos + 0.01:
            return "cp1252"
    return encoding


def _single_byte(encoding: str) -> bool:
    return codecs.lookup(encoding).name.startswith(("cp12", "iso8859", "cp7", "cp8", "mac-"))


def _finish(text: str) -> str:
    # NFC so that the same word always compares equal; controls would poison XML-based tools.
    return CONTROL.sub("", unicodedata.normalize("NFC", text))


def _bom(raw: bytes) -> tuple[str, int] | None:
    for mark, encoding in BOMS:
        if raw.startswith(mark):
            return encoding, len(mark)
    return None


def _declared(raw: bytes) -> str | None:
    match = DECLARED.search(raw[:4096])
    if not match:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii", "ignore")
    encoding = _normalise_label(label)
    # A page that says UTF-16 in ASCII bytes cannot really be UTF-16 (browsers ignore it too).
    if not _known(encoding) or encoding.startswith("utf-16"):
        return None
    return encoding


def _normalise_label(label: str) -> str:
    label = label.strip().lower().replace("_", "-") if label else "utf-8"
    label = WHATWG_ALIASES.get(label, WHATWG_ALIASES.get(label.replace("-", "_"), label))
    try:
        return codecs.lookup(label).name
    except LookupError:
        return label


def _known(encoding: str) -> bool:
    try:
        codecs.lookup(encoding)
    except LookupError:
        return False
    return True


def _looks_binary(raw: bytes) -> bool:
    if raw.startswith(BINARY_MAGIC):
        return True
    head = raw[:8192]
    if b"\x00" in head:
        return True
    # Many C0 controls other than whitespace: an image, archive or executable.
    controls = len(head) - len(head.translate(None, NOT_TEXT))
    return controls > len(head) * 0.05

