"""A world map as inline SVG, drawn from the country outlines the countryinfo package ships.

No tiles, no network, no script: countryinfo/data/<country>.json holds each country's outline as
GeoJSON (lon/lat). We project it equirectangularly (x = lon, y = -lat, in tenths of a degree so
every coordinate is a small integer), simplify each ring (Douglas-Peucker) and write one path for
all countries. The path is built once per build (``world()``) and reused by every page.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from markupsafe import Markup

from .svg import figure

SCALE = 10  # units per degree: integer coordinates are then 0.1° apart
NORTH, SOUTH = 84, -58  # the map's edges: nobody needs Antarctica's outline to find a place
WIDTH, HEIGHT = 360 * SCALE, (NORTH - SOUTH) * SCALE
# Douglas-Peucker tolerance and the smallest ring kept (bounding box), in units, per detail:
# the places index shows the map about 1000 px wide (0.36° a pixel), a place page's locator
# about 400 px (0.9° a pixel), so coarser outlines there look the same and weigh less.
DETAIL = {"fine": (3, 8), "coarse": (5, 12)}

Point = tuple[int, int]


@dataclass(frozen=True)
class WorldMap:
    """The outlines, ready to inline: one path for all land, and each country's own path."""

    land: str  # SVG path data
    countries: dict[str, str]  # ISO 3166-1 alpha-2 → path data


def project(lat: float, lon: float) -> Point:
    """Latitude/longitude in degrees → map units (x right, y down), clamped to the map."""
    x = round((max(-180.0, min(180.0, lon)) + 180) * SCALE)
    y = round((NORTH - max(SOUTH, min(NORTH, lat))) * SCALE)
    return x, y


@cache
def world(detail: str = "fine") -> WorldMap:
    """Every country's outline at one level of detail, built once per process."""
    tolerance, smallest = DETAIL[detail]
    countries: dict[str, str] = {}
    for code, polygons in sorted(_outlines().items()):
        path = "".join(_ring_path(ring, tolerance, smallest)
                       for polygon in polygons for ring in polygon)
        if path:
            countries[code] = path
    return WorldMap(land="".join(countries.values()), countries=countries)


def svg(ident: str, title: str, desc: str, body: Iterable[str] = (), *,
        highlight: str | None = None, detail: str = "fine") -> Markup:
    """An accessible inline SVG world map with extra elements (SVG markup) drawn on top."""
    found = world(detail)
    parts = [f'<rect class="sea" width="{WIDTH}" height="{HEIGHT}"/>',
             f'<path class="land" d="{found.land}"/>']
    if highlight and highlight.upper() in found.countries:
        parts.append(f'<path class="country" d="{found.countries[highlight.upper()]}"/>')
    parts.extend(body)
    return figure(ident, "world-map", f"0 0 {WIDTH} {HEIGHT}", title, desc, parts)


def has_country(code: str | None) -> bool:
    """True when the outlines include this ISO alpha-2 country."""
    return bool(code) and code.upper() in world().countries


def country_name(code: str | None) -> str | None:
    """'JP' → 'Japan' (countryinfo's name), None when unknown."""
    return _countries()[1].get(code.upper()) if code else None


def _outlines() -> dict[str, list[list[list[list[float]]]]]:
    """ISO alpha-2 → polygons (each a list of rings of [lon, lat]), for countries with both."""
    return _countries()[0]


@cache
def _countries() -> tuple[dict[str, list], dict[str, str]]:
    """Outlines and names by ISO alpha-2, read once from countryinfo's data files."""
    outlines: dict[str, list] = {}
    names: dict[str, str] = {}
    folder = resources.files("countryinfo") / "data"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".json"):
            continue
        data = json.loads(entry.read_text(encoding="utf-8"))
        code = ((data.get("ISO") or {}).get("alpha2") or "").upper()
        if not code:
            continue
        if data.get("name"):
            names.setdefault(code, data["name"])
        if data.get("geoJSON"):
            outlines.setdefault(code, []).extend(_polygons(data["geoJSON"]))
    return outlines, names


def _polygons(geojson: dict[str, Any]) -> list:
    polygons = []
    for feature in geojson.get("features", ()):
        geometry = feature.get("geometry") or {}
        if geometry.get("type") == "Polygon":
            polygons.append(geometry["coordinates"])
        elif geometry.get("type") == "MultiPolygon":
            polygons.extend(geometry["coordinates"])
    return polygons


def _ring_path(ring: Sequence[Sequence[float]], tolerance: float, smallest: int) -> str:
    """One ring as compact path data: absolute move, then relative integer steps, closed."""
    points = _dedupe([project(lat, lon) for lon, lat, *_ in ring])
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    if len(points) < 3 or max(xs) - min(xs) + max(ys) - min(ys) < smallest:
        return ""
    points = _dedupe(simplify(points, tolerance))
    if len(points) < 3:
        return ""
    steps = [f"M{points[0][0]} {points[0][1]}l"]
    previous = points[0]
    numbers: list[str] = []
    for x, y in points[1:]:
        numbers.append(_pair(x - previous[0], y - previous[1]))
        previous = (x, y)
    return steps[0] + "".join(numbers).lstrip(" ") + "z"


def _pair(dx: int, dy: int) -> str:
    # A minus sign separates numbers by itself; only a positive number needs a space first.
    return "".join(f"-{-n}" if n < 0 else f" {n}" for n in (dx, dy))


def _dedupe(points: list[Point]) -> list[Point]:
    out = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
    if len(out) > 1 and out[0] == out[-1]:
        out.pop()  # "z" closes the ring
    return out


def simplify(points: Sequence[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker, iterative: the points that keep the line within ``tolerance``."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        index, distance = 0, 0.0
        for i in range(first + 1, last):
            d = _distance(points[i], points[first], points[last])
            if d > distance:
                index, distance = i, d
        if distance > tolerance:
            keep[index] = True
            stack.extend(((first, index), (index, last)))
    return [p for p, kept in zip(points, keep, strict=True) if kept]


def _distance(p: Point, a: Point, b: Point) -> float:
    """Distance from p to the segment a–b."""
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    if dx == dy == 0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)
