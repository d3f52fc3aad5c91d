"""The user's corrections to people and places (content/corrections.toml), applied after tagging.

Sections, all optional (the file in content/ explains each with an example):

- ``[aliases]``  canonical name = [other names]: a tag spelled as an other name takes the
  canonical one.
- ``[[merge]]``  names = [a, b, ...]: tags that are one person or place, shown under the first.
- ``[[split]]``  name, as, folders and/or articles: the same name, another person, in those
  source folders (content/scraped/<folder>/) or articles (scraped/<folder>/<file>).
- ``[ignore]``   any / people / places = [names]: never a person or place (or not that kind).
- ``[display]``  canonical name = how it is shown.
- ``[kind]``     name = "person" | "place": a tag of the wrong kind.

Names match whatever their case and spacing. Everything here is pure: ``parse`` turns the
file's text into a Corrections, ``apply`` / ``apply_to`` turn entity lists into corrected ones
(merging the mentions of tags that become one). The raw scrapes and the NER cache are never
touched, so a changed file takes effect on the next build without running the model.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath
from typing import Any

from ..model import Clipping, Entity
from . import places

KINDS = {"person": "people", "place": "places"}
SECTIONS = ("aliases", "merge", "split", "ignore", "display", "kind")
IGNORE_KEYS = ("any", "people", "places")


class CorrectionsError(ValueError):
    """A corrections file that cannot be used, with the file and line to look at."""

    def __init__(self, source: str, line: int | None, problem: str) -> None:
        self.source, self.line, self.problem = source, line, problem
        where = f"{source}, line {line}" if line else source
        super().__init__(f"{where}: {problem}")


@dataclass(frozen=True)
class Split:
    """``name`` is another person or place (``to``) in these folders or articles."""

    to: str
    folders: frozenset[str]
    articles: tuple[str, ...]

    def covers(self, where: str) -> bool:
        """Whether the article at ``where`` (scraped/<folder>/<file>) is one of ours."""
        parts = PurePosixPath(where).parts
        folder = parts[-2].casefold() if len(parts) >= 2 else ""
        return folder in self.folders or any(
            where == a or where.endswith("/" + a) for a in self.articles)


@dataclass
class Corrections:
    """A parsed corrections file; all keys are ``key(name)``. Empty: changes nothing."""

    rename: dict[str, str] = field(default_factory=dict)  # aliases and merges
    ignore: dict[str, frozenset[str]] = field(default_factory=dict)  # "any" | kind → names
    splits: dict[str, list[Split]] = field(default_factory=dict)
    display: dict[str, str] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return any((self.rename, any(self.ignore.values()), self.splits, self.display,
                    self.kinds))


def key(name: str) -> str:
    """What two spellings of one name have in common: case and spacing do not count."""
    return " ".join(name.split()).casefold()


# --- reading the file ----------------------------------------------------------------------

def parse(text: str, source: str = "corrections.toml") -> Corrections:
    """The corrections a file's text holds. Raises CorrectionsError naming ``source``."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = re.search(r"\(at (?:line (\d+), column \d+|end of document)\)$", message)
        problem = message[:found.start()].strip() if found else message
        line = None
        if found:
            line = int(found.group(1)) if found.group(1) else max(1, len(text.splitlines()))
        raise CorrectionsError(source, line, f"not valid TOML: {problem}") from exc
    return _Reader(text, source).read(data)


class _Reader:
    """Checks the parsed TOML section by section; errors point at the offending line."""

    def __init__(self, text: str, source: str) -> None:
        self.lines = text.splitlines()
        self.source = source

    def read(self, data: dict[str, Any]) -> Corrections:
        out = Corrections()
        for section in data:
            if section not in SECTIONS:
                self.fail(f"unknown section {section!r} (known: {', '.join(SECTIONS)})",
                          section)
        for canonical, others in self.table(data, "aliases").items():
            for other in self.names(others, "aliases", canonical, single_ok=True):
                self.add_rename(out, other, canonical)
        for i, entry in enumerate(self.entries(data, "merge")):
            names = self.names(entry.get("names"), "merge", "names", nth=i)
            if len(names) < 2 or set(entry) != {"names"}:
                self.fail("each [[merge]] needs only names = [two or more names]", "[[merge]]",
                          nth=i)
            for other in names[1:]:
                self.add_rename(out, other, names[0])
        for i, entry in enumerate(self.entries(data, "split")):
            self.add_split(out, entry, i)
        ignore = self.table(data, "ignore")
        for kind in ignore:
            if kind not in IGNORE_KEYS:
                self.fail(f"[ignore] takes {', '.join(IGNORE_KEYS)}, not {kind!r}", kind)
        out.ignore = {
            kind: frozenset(key(n) for n in self.names(ignore.get(name, []), "ignore", name))
            for kind, name in (("any", "any"), ("person", "people"), ("place", "places"))}
        for canonical, shown in self.table(data, "display").items():
            out.display[key(canonical)] = self.string(shown, "display", canonical)
        for name, kind in self.table(data, "kind").items():
            if kind not in KINDS:
                self.fail(f"[kind] {name!r} must be \"person\" or \"place\", not {kind!r}", name)
            out.kinds[key(name)] = kind
        return out

    def add_rename(self, out: Corrections, other: str, canonical: str) -> None:
        k, target = key(other), out.rename.get(key(canonical), canonical)
        if k == key(target):
            return
        if k in out.rename and key(out.rename[k]) != key(target):
            self.fail(f"{other!r} is given as another name of both {out.rename[k]!r} and "
                      f"{canonical!r}", other)
        out.rename[k] = target
        # A name that was itself renamed to ``other`` follows it to the new target.
        for name, to in out.rename.items():
            if key(to) == k:
                out.rename[name] = target

    def add_split(self, out: Corrections, entry: dict[str, Any], i: int) -> None:
        extra = set(entry) - {"name", "as", "folders", "articles"}
        if extra or "name" not in entry or "as" not in entry:
            self.fail("each [[split]] needs name = ..., as = ..., and folders = [...] and/or "
                      "articles = [...]", "[[split]]", nth=i)
        name = self.string(entry["name"], "split", "name", nth=i)
        folders = self.names(entry.get("folders", []), "split", "folders", nth=i)
        articles = self.names(entry.get("articles", []), "split", "articles", nth=i)
        if not folders and not articles:
            self.fail(f"[[split]] of {name!r} names no folders or articles", "[[split]]", nth=i)
        split = Split(self.string(entry["as"], "split", "as", nth=i),
                      frozenset(f.strip("/").casefold() for f in folders),
                      tuple(a.strip("/") for a in articles))
        out.splits.setdefault(key(name), []).append(split)

    def table(self, data: dict[str, Any], section: str) -> dict[str, Any]:
        value = data.get(section, {})
        if not isinstance(value, dict):
            self.fail(f"{section} must be a table: [{section}]", section)
        return value

    def entries(self, data: dict[str, Any], section: str) -> list[dict[str, Any]]:
        value = data.get(section, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.fail(f"{section} must be written as [[{section}]] entries", section)
        return value

    def names(self, value: Any, section: str, name: str, *, single_ok: bool = False,
              nth: int = 0) -> list[str]:
        if single_ok and isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip()
                                                  for v in value):
            self.fail(f"[{section}] {name!r} must be a list of names in quotes", name, nth=nth,
                      section=section)
        return [" ".join(v.split()) for v in value]

    def string(self, value: Any, section: str, name: str, *, nth: int = 0) -> str:
        if not isinstance(value, str) or not value.strip():
            self.fail(f"[{section}] {name!r} must be a name in quotes", name, nth=nth,
                      section=section)
        return " ".join(value.split())

    def fail(self, problem: str, near: str, *, nth: int = 0, section: str = "") -> None:
        raise CorrectionsError(self.source, self.line_of(near, nth, section), problem)

    def line_of(self, near: str, nth: int, section: str) -> int | None:
        """The line that most likely holds the problem: the nth one that names ``near``,
        after the section's header when there is one."""
        start = 0
        if section:
            headers = [i for i, line in enumerate(self.lines)
                       if re.match(rf"\s*\[\[?{re.escape(section)}\]\]?\s*(#|$)", line)]
            if headers:
                start = headers[min(nth, len(headers) - 1)]
        bare = near.strip("[]")
        pattern = re.compile(rf"(^|[\s\"'\[]){re.escape(bare)}($|[\s\"'\]=])")
        hits = [i for i, line in enumerate(self.lines)
                if i >= start and not line.lstrip().startswith("#") and pattern.search(line)]
        if not hits:
            return start + 1 if section else None
        return hits[0 if section else min(nth, len(hits) - 1)] + 1


# --- applying them ---------------------------------------------------------------------------

def apply(corrections: Corrections, people: Sequence[Entity], places_: Sequence[Entity],
          where: str = "") -> tuple[list[Entity], list[Entity]]:
    """Corrected copies of one text's people and places, each sorted by name.

    ``where`` is the article's name under content/ (scraped/<folder>/<file>), for splits.
    Tags that end up with one name and kind become one entity with all their mentions.
    """
    if not corrections:
        return list(people), list(places_)
    found: dict[str, dict[str, Entity]] = {"person": {}, "place": {}}
    for entity in [*people, *places_]:
        fixed = _correct(corrections, entity, where)
        if fixed is None:
            continue
        same = found[fixed.kind].get(key(fixed.name))
        if same is None:
            found[fixed.kind][key(fixed.name)] = fixed
        else:
            _merge(same, fixed)
    return _sorted(found["person"].values()), _sorted(found["place"].values())


def apply_to(corrections: Corrections, clipping: Clipping, where: str = "") -> None:
    """Correct one article's people and places in place."""
    clipping.people, clipping.places = apply(
        corrections, clipping.people, clipping.places, where or clipping.path)


def _correct(c: Corrections, entity: Entity, where: str) -> Entity | None:
    original = entity.name
    name = c.rename.get(key(original), original)
    seen = {key(original), key(name)}
    kind = next((c.kinds[k] for k in (key(name), key(original)) if k in c.kinds), entity.kind)
    if seen & (c.ignore.get("any", frozenset()) | c.ignore.get(kind, frozenset())):
        return None
    split = next((s for s in c.splits.get(key(name), ()) if s.covers(where)), None)
    if split is not None:
        name = split.to
    shown = c.display.get(key(name), name)
    aliases = {*entity.aliases, original, name} - {shown}
    fixed = replace(entity, name=shown, kind=kind, aliases=sorted(aliases),
                    mentions=[replace(m) for m in entity.mentions])
    if kind != entity.kind:
        _relocate(fixed)
    return fixed


def _relocate(entity: Entity) -> None:
    """A tag that changed kind: a place gets the gazetteer's data, a person none."""
    found = places.lookup(entity.name) if entity.kind == "place" else None
    entity.country = found.country if found else None
    entity.lat = found.lat if found else None
    entity.lon = found.lon if found else None


def _merge(into: Entity, other: Entity) -> None:
    spans = {(m.start, m.end) for m in into.mentions}
    into.mentions.extend(m for m in other.mentions if (m.start, m.end) not in spans)
    into.mentions.sort(key=lambda m: (m.start, m.end))
    into.aliases = sorted(({*into.aliases, *other.aliases, other.name}) - {into.name})
    if into.country is None and into.lat is None:
        into.country, into.lat, into.lon = other.country, other.lat, other.lon


def _sorted(entities: Iterable[Entity]) -> list[Entity]:
    return sorted(entities, key=lambda e: e.name.casefold())
