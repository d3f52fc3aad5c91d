"""Language tags → BCP 47 spelling ('en_US' → 'en-US', 'EN' → 'en')."""

from __future__ import annotations

import re

TAG = re.compile(r"^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$", re.I)


def bcp47(value: str | None) -> str | None:
    """A well-formed BCP 47 tag for a lang attribute, locale or Content-Language value."""
    if not value:
        return None
    value = value.split(",")[0].split(";")[0].strip().replace("_", "-")
    if not TAG.match(value) or value.lower() in ("und", "mul", "zxx", "xx"):
        return None
    parts = value.split("-")
    tidy = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 2 and part.isalpha():
            tidy.append(part.upper())  # region
        elif len(part) == 4 and part.isalpha():
            tidy.append(part.title())  # script
        else:
            tidy.append(part.lower())
    return "-".join(tidy)
