"""Date strings → ISO 8601, without ever inventing a part the string does not give.

dateutil fills whatever a string lacks from a default date; parsing twice with two different
defaults shows which parts were really there. A string without a year, month and day is no date.
"""

from __future__ import annotations

import re
import warnings
from datetime import datetime
from functools import cache

from dateutil import parser as dateparser
from dateutil.tz import tzoffset, tzutc

from .lists import load

# Two defaults that differ in every field, so a field that comes out equal was in the string.
_DEFAULTS = (datetime(2001, 1, 1, 0, 0, 0), datetime(2002, 2, 2, 1, 1, 1))
_EARLIEST, _LATEST = 1800, 2200
_MAX_LEN = 120

_MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
           r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_TIME = r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}\b)?)?"
# Date-shaped substrings of visible text, most explicit first. Numeric d/m/y forms are left
# out: "03/04/2015" is two different days depending on the country.
VISIBLE = re.compile(
    r"\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b"
    rf"|\b{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b{_TIME}"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS},?\s+\d{{4}}\b{_TIME}"
    r"|\b\d{4}/\d{1,2}/\d{1,2}\b",
    re.IGNORECASE,
)
# Words before a date that say it is not the publication date.
_LATER = re.compile(r"(?:updated|modified|edited|revised|last\s+changed)\W*$", re.IGNORECASE)
_FIRST = re.compile(r"(?:published|posted|first\s+published|created|issued)\W*(?:on\W*)?$",
                    re.IGNORECASE)


def to_iso(value: object) -> str | None:
    """An ISO 8601 date or datetime for a machine-readable date value, or None.

    Gives 'YYYY-MM-DD' when the value has no time of day, a datetime with its offset when the
    value names one, and a plain local datetime otherwise.
    """
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > _MAX_LEN or not re.search(r"\d{4}", text):
        return None
    if re.fullmatch(r"\d{9,13}(?:\.\d+)?", text):
        return None  # epoch numbers: too easy to confuse with ids
    parsed = _parse(text)
    if parsed is None:
        return None
    when, has_time = parsed
    if not _EARLIEST <= when.year <= _LATEST:
        return None
    if not has_time:
        return when.date().isoformat()
    if when.tzinfo is not None:
        when = _tidy_zone(when)
    return when.isoformat(timespec="seconds" if when.microsecond == 0 else "milliseconds")


def from_text(text: str | None) -> str | None:
    """The publication date written in visible text ('Posted March 3, 2015 at 4:10 pm'), or None.

    A date introduced as 'Updated' or 'Modified' is used only when no other date is there.
    """
    if not text:
        return None
    text = text[:2000]
    first = later = plain = None
    for match in VISIBLE.finditer(text):
        iso = to_iso(match.group(0).replace(" of ", " ").replace(" at ", " "))
        if iso is None:
            continue
        before = text[max(0, match.start() - 40):match.start()]
        if _FIRST.search(before):
            first = first or iso
        elif _LATER.search(before):
            later = later or iso
        else:
            plain = plain or iso
    return first or plain or later


def prefer_local(values: list[str]) -> str | None:
    """The first value, but written in the publisher's own offset when another value gives the
    same instant that way (a UTC '…T01:18Z' is the evening before in California)."""
    if not values:
        return None
    first = values[0]
    if not first.endswith("+00:00"):
        return first
    instant = _instant(first)
    for other in values[1:]:
        if not other.endswith("+00:00") and instant is not None and _instant(other) == instant:
            return other
    return first


def _instant(iso: str) -> datetime | None:
    try:
        when = datetime.fromisoformat(iso)
    except ValueError:
        return None
    return when if when.tzinfo is not None else None


@cache
def _zones() -> dict[str, tzoffset]:
    zones = {}
    for line in load("time_zones"):
        name, hours = line.split()
        zones[name] = tzoffset(name, int(float(hours) * 3600))
    return zones


def _parse(text: str) -> tuple[datetime, bool] | None:
    results = []
    for default in _DEFAULTS:
        try:
            with warnings.catch_warnings():
                # An unknown zone name leaves the time without an offset, which is what we want.
                warnings.simplefilter("ignore")
                results.append(dateparser.parse(text, default=default, tzinfos=_zones()))
        except (ValueError, OverflowError, TypeError):
            return None
    one, two = results
    if one.year != two.year or one.month != two.month or one.day != two.day:
        return None  # year, month or day missing: no date rather than a guessed one
    has_time = one.hour == two.hour and one.minute == two.minute
    if not has_time:
        one = one.replace(hour=0, minute=0, second=0, microsecond=0)
    elif one.second != two.second:
        one = one.replace(second=0)
    return one, has_time


def _tidy_zone(when: datetime) -> datetime:
    offset = when.utcoffset()
    if offset is None:
        return when
    # Named zones print the same as their plain offset; UTC stays UTC.
    return when.replace(tzinfo=tzutc() if not offset else tzoffset(None, offset.total_seconds()))
