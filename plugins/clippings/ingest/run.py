"""The import loop: every article of every input is read, checked for duplicates and added.

One bad input never stops the others: it is recorded as a failure naming it, with the reason.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from .. import pipeline
from ..errors import BadInput
from ..model import Clipping
from ..read import provenance
from . import archive, dedupe, layout, sources
from .item import Failure, Item

MANIFEST = "clippings-images.json"  # in a scrape's _files folder: original URL → local file
BAR_FROM = 2  # units: a progress bar for more than one input


@dataclass
class Summary:
    added: list[tuple[str, Path]] = field(default_factory=list)
    replaced: list[tuple[str, Path]] = field(default_factory=list)  # (input, the copy removed)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (input, why)
    failed: list[Failure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.failed

    def report(self, content: Path) -> str:
        verb = "would add" if self.dry_run else "added"
        lines = [f"{verb} {len(self.added)}, duplicates {len(self.duplicates)}, "
                 f"failed {len(self.failed)}"
                 + (f", replaced {len(self.replaced)}" if self.replaced else "")]
        for name, path in self.added:
            lines.append(f"  {verb}: {_shown(path, content)}  ← {name}")
        for name, old in self.replaced:
            lines.append(f"  replaced: {_shown(old, content)}  ← {name}")
        for name, why in self.duplicates:
            lines.append(f"  duplicate: {name}: {why}")
        for failure in self.failed:
            lines.append(f"  failed: {failure}")
        lines += [f"  note: {note}" for note in self.notes]
        return "\n".join(lines)


def _shown(path: Path, content: Path) -> str:
    try:
        return path.relative_to(content).as_posix()
    except ValueError:
        return str(path)


@dataclass
class Options:
    content: Path
    source: str | None = None
    dry_run: bool = False
    replace: bool = False


def run(inputs: list[str], options: Options, progress: TextIO | None = None) -> Summary:
    """Import ``inputs`` into ``options.content``; a progress bar on ``progress`` if given."""
    summary = Summary(dry_run=options.dry_run)
    existing = archive.scrapes(options.content)
    with _bar(len(existing), "indexing", progress) as tick:
        index = archive.build_index(options.content, tick)
    units = sources.units(inputs)
    with _bar(len(units), "importing", progress) as tick:
        for unit in units:
            for found in sources.items(unit):
                if isinstance(found, Failure):
                    summary.failed.append(found)
                else:
                    _import(found, options, index, summary)
            tick()
    return summary


def _import(item: Item, options: Options, index: dedupe.Index, summary: Summary) -> None:
    sha256 = hashlib.sha256(item.raw).hexdigest()
    if sha256 in index.by_sha and not options.replace:  # the very same bytes: nothing to read
        same = index.by_sha[sha256]
        summary.duplicates.append((item.name, f"the same file as "
                                              f"{_shown(same.path, options.content)}"))
        return
    try:
        # The read stage's checks (empty, binary, too large, undecodable) and the article's own
        # title, date and URL. The name only has to carry the right extension.
        clipping = pipeline.extract_bytes(item.raw, f"scrape{item.ext}", entities=False)
    except BadInput as exc:
        summary.failed.append(Failure(item.name, exc.reason))
        return
    except Exception as exc:  # one broken page must not cost the user the others
        summary.failed.append(Failure(item.name, f"could not be processed "
                                                 f"({type(exc).__name__}: {exc})"))
        return
    urls = {u for u in (dedupe.canonical_url(item.url), dedupe.canonical_url(clipping.url)) if u}
    sketch = dedupe.sketch(clipping.text)
    match = index.match(sha256, urls, sketch)
    if match is not None and not _replaces(item, match, sha256, index, options, summary):
        return
    folder = (options.content / layout.source_folder(options.source, clipping, item.url)
              / layout.year_folder(clipping.date))
    target, present = layout.place(folder, layout.slug(clipping, item), item.ext, sha256)
    if present:
        summary.duplicates.append((item.name, f"already in the archive as {target.name}"))
        return
    if not options.dry_run:
        _write(item, clipping, target, sha256, options)
        archive.remember(sha256, clipping.url, sketch)
    index.add(dedupe.Entry(path=target, sha256=sha256, urls=urls, sketch=sketch,
                           retrieved_at=item.retrieved_at))
    summary.added.append((item.name, target))
    if not clipping.text.strip():
        # Kept, as the build keeps it (a page of pictures, or one the cleaner could not read).
        summary.notes.append(f"{item.name}: no article text found (headline and images only?)")
    elif clipping.incomplete:
        summary.notes.append(f"{item.name}: only a teaser or the free part of a paywalled page; "
                             "the text may be incomplete")


def _replaces(item: Item, match: dedupe.Match, sha256: str, index: dedupe.Index,
              options: Options, summary: Summary) -> bool:
    """Whether the archived copy gives way to this one (only with --replace, only for a newer,
    different copy); a duplicate is recorded otherwise."""
    old = match.entry
    where = _shown(old.path, options.content)
    if not options.replace or old.sha256 == sha256:
        summary.duplicates.append((item.name, f"{match.reason} as {where}"))
        return False
    if old.retrieved_at and item.retrieved_at and item.retrieved_at < old.retrieved_at:
        summary.duplicates.append((item.name, f"{match.reason} as {where}, retrieved later "
                                              f"({old.retrieved_at}): kept"))
        return False
    if not options.dry_run:
        remove(old.path)
    index.remove(old)
    summary.replaced.append((item.name, old.path))
    return True


def remove(scrape: Path) -> None:
    """Take a scrape out of the archive with its sidecar and its _files folder."""
    scrape.unlink(missing_ok=True)
    provenance.sidecar_path(scrape).unlink(missing_ok=True)
    folder = layout.companion_of(scrape)
    if folder.is_dir():
        shutil.rmtree(folder)


def _write(item: Item, clipping: Clipping, target: Path, sha256: str, options: Options) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("xb") as out:  # "x": a file that appeared meanwhile is never overwritten
        out.write(item.raw)
    url = item.url or clipping.url
    provenance.dump(target, {
        "url": url if url and url.lower().startswith(("http://", "https://")) else None,
        "retrieved_at": item.retrieved_at,
        "sha256": sha256,
        "obtained": item.obtained,
        "original_name": item.original_name,
        "source": options.source or clipping.source,
    })
    _write_companion(item, layout.companion_of(target))


def _write_companion(item: Item, folder: Path) -> None:
    if item.folder is None and not item.assets:
        return
    manifest: dict[str, Any] = {}
    if item.folder is not None:
        shutil.copytree(item.folder, folder, symlinks=True)
        manifest["folder"] = item.folder.name  # how the page refers to it
    else:
        folder.mkdir()
    for name, data in item.assets.items():
        (folder / name).write_bytes(data)
    if item.asset_urls:
        manifest["urls"] = item.asset_urls
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n",
                                   encoding="utf-8")


@contextmanager
def _bar(total: int, what: str, stream: TextIO | None) -> Iterator[Callable[[], None]]:
    """A tqdm bar on ``stream`` (only a terminal is given one) for more than a few steps."""
    if stream is None or total < BAR_FROM or not stream.isatty():
        yield lambda: None
        return
    from tqdm import tqdm

    with tqdm(total=total, desc=what, unit="file", file=stream, leave=False) as bar:
        yield lambda: bar.update(1)


def default_progress() -> TextIO | None:
    return sys.stderr if sys.stderr.isatty() else None
