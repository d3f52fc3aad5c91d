"""The maps of the places pages: a locator on each place's page, and every place on the index.

Both draw on worldmap's outlines (built once per build). Places carry ``lat``/``lon``/``country``
(from the tag stage's gazetteer); a place without coordinates gets its country shaded when that
is known, and the page says so in words either way.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from . import worldmap
from .svg import number

DOT = 28  # map units (0.1°): about 5 px on a place page's 600 px wide map
RING = 70
SMALLEST, LARGEST = 18, 90  # dot radii on the index (area grows with the mentions)
FULL = 100  # a dot takes the largest size at this many mentions, or at the most any place has


@dataclass(frozen=True)
class Locator:
    svg: Markup | None  # None when neither coordinates nor a country outline is known
    text: str  # the same in words


def locator(place: Any) -> Locator:
    """Where one place is: a dot (and its country shaded) on a world map."""
    lat, lon, country = place.lat, place.lon, place.country
    country_name = worldmap.country_name(country)
    words = _where(place.name, lat, lon, country_name)
    outline = country if worldmap.has_country(country) else None
    if lat is None or lon is None:
        if outline is None:
            return Locator(None, words)
        body: list[str] = []
    else:
        x, y = worldmap.project(lat, lon)
        body = [f'<circle class="ring" cx="{x}" cy="{y}" r="{RING}"/>',
                f'<circle class="dot" cx="{x}" cy="{y}" r="{DOT}"/>']
    svg = worldmap.svg(f"map-{place.slug}", f"Where {place.name} is", words, body,
                       highlight=outline, detail="coarse")
    return Locator(svg, words)


def overview(places: Iterable[Any], mentions: Callable[[Any], int],
             base: str = "") -> tuple[Markup | None, int]:
    """Every place with coordinates as a dot sized by how often the archive mentions it
    (``mentions(place)``), each dot a link to its page.

    Each link is ``base`` + "<slug>.html": "" for links relative to places/index.html, where the
    map is shown; "<SITEURL>/places/" when the site's links are absolute. Returns the map (None
    when no place has coordinates) and the number of places on it.
    """
    counted = [(p, mentions(p)) for p in places if p.lat is not None and p.lon is not None]
    if not counted:
        return None, 0
    # Large dots first, so the small ones stay visible (and clickable) on top of them.
    counted.sort(key=lambda pc: (-pc[1], pc[0].name.casefold(), pc[0].slug))
    most = max(counted[0][1], 1)
    body = []
    for place, count in counted:
        x, y = worldmap.project(place.lat, place.lon)
        radius = SMALLEST + (LARGEST - SMALLEST) * math.sqrt(
            max(count - 1, 0) / max(most - 1, FULL))
        label = escape(f"{place.name}: {_count(count, 'mention')} in "
                       f"{_count(len(place.articles), 'article')}")
        body.append(f'<a href="{escape(base + place.slug)}.html"><circle class="dot" cx="{x}" '
                    f'cy="{y}" r="{number(radius)}"><title>{label}</title></circle></a>')
    desc = (f"{_count(len(counted), 'place')} with known coordinates, each a dot sized by the "
            "number of times the archive mentions it and linking to its page; the list below "
            "names every place.")
    return worldmap.svg("map-places", "Places on a world map", desc, body), len(counted)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _where(name: str, lat: float | None, lon: float | None, country: str | None) -> str:
    parts = [name]
    if lat is not None and lon is not None:
        parts.append(f"at {_degrees(lat, 'N', 'S')}, {_degrees(lon, 'E', 'W')}")
    if country and country != name:
        parts.append(f"in {country}")
    if len(parts) == 1:
        return f"Where {name} lies is not known to the gazetteer."
    return ", ".join(parts) + "."


def _degrees(value: float, positive: str, negative: str) -> str:
    return f"{abs(value):.1f}° {positive if value >= 0 else negative}"
