"""The ``clippings`` command: the plugin's own stages, run from the shell.

    clippings extract [--jsonl] [--no-entities] PATH...    one JSON object per scrape
    clippings entities [--jsonl] [--corrections FILE] PATH...|-
                                                           people and places of plain text
    clippings import PATH|URL... [--source NAME] [--dry-run] [--replace] [--content DIR]
                                                           add scrapes to the archive

A directory PATH stands for every scrape below it. A bad input gets a message naming it on
stderr; the other inputs are still processed, and the exit status is then 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from .errors import BadInput
from .model import Clipping


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    return args.run(args)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="clippings", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    extract = commands.add_parser("extract", help="clean scrapes and print their articles")
    extract.add_argument("paths", nargs="+", metavar="PATH", help="scrape files or folders")
    extract.add_argument("--jsonl", action="store_true", help="one compact JSON line per input")
    extract.add_argument("--no-entities", dest="entities", action="store_false",
                         help="skip people and places (times the cleaner alone)")
    extract.set_defaults(run=_extract)

    entities = commands.add_parser("entities", help="tag people and places in plain text")
    entities.add_argument("paths", nargs="+", metavar="PATH",
                          help="UTF-8 text files, or - for standard input")
    entities.add_argument("--jsonl", action="store_true", help="one compact JSON line per input")
    entities.add_argument("--corrections", metavar="FILE",
                          help="a corrections file (as content/corrections.toml); default none")
    entities.set_defaults(run=_entities)

    add = commands.add_parser("import", help="add scrapes (files, folders, URLs, MHTML, WARC) "
                                             "to the archive, with their provenance")
    add.add_argument("inputs", nargs="+", metavar="PATH|URL",
                     help="HTML, text, MHTML or WARC files, folders, or http(s) URLs")
    add.add_argument("--source", help="the source folder's name (default: the publication's "
                                      "name the page gives, else its web site)")
    add.add_argument("--dry-run", action="store_true", help="report what would be added; "
                                                            "write nothing")
    add.add_argument("--replace", action="store_true",
                     help="a newer copy of an article already archived takes its place")
    add.add_argument("--content", type=Path, default=Path("content") / "scraped",
                     help="the archive's scrape folder (default: content/scraped)")
    add.set_defaults(run=_import)
    return parser


def _import(args: argparse.Namespace) -> int:
    from .ingest.run import Options, default_progress, run

    options = Options(content=args.content, source=args.source, dry_run=args.dry_run,
                      replace=args.replace)
    summary = run(args.inputs, options, progress=default_progress())
    print(summary.report(args.content))
    return 0 if summary.ok else 1


def _extract(args: argparse.Namespace) -> int:
    from .pipeline import extract_path

    failed = 0
    for path in _scrapes(args.paths):
        try:
            clipping = extract_path(path, entities=args.entities)
        except BadInput as exc:
            failed += _complain(str(exc))
            continue
        except Exception as exc:  # one broken page must not cost the user the others
            failed += _complain(f"{path}: could not be processed ({type(exc).__name__}: {exc})")
            continue
        _emit(extract_record(clipping), args.jsonl)
    return 1 if failed else 0


def extract_record(clipping: Clipping) -> dict[str, Any]:
    """The JSON shape ``clippings extract`` prints for one article."""
    return {
        "path": clipping.path,
        "title": clipping.title,
        "subtitle": clipping.subtitle,
        "authors": list(clipping.authors),
        "date": clipping.date,
        "source": clipping.source,
        "url": clipping.url,
        "lang": clipping.lang,
        "text": clipping.text,
        "html": clipping.html,
        "captions": clipping.captions,
        "people": [entity.name for entity in clipping.people],
        "places": [entity.name for entity in clipping.places],
        "warnings": list(clipping.warnings),
    }


def _entities(args: argparse.Namespace) -> int:
    """What the site does to one article's text, after the read-to-describe stages: the tag
    stage (English text only), then the corrections."""
    from .tag import NOT_ENGLISH, corrections, tag_texts, to_json
    from .tag.language import is_english

    try:
        fixes = _corrections(args.corrections)
    except BadInput as exc:
        _complain(str(exc))
        return 2
    names, texts, failed = [], [], 0
    for name in args.paths:
        try:
            texts.append(_read_text(name))
            names.append(name)
        except BadInput as exc:
            failed += _complain(str(exc))
    english = [is_english(text) for text in texts]
    tagged = iter(tag_texts([t for t, ok in zip(texts, english, strict=True) if ok]))
    for name, ok in zip(names, english, strict=True):
        people, places = next(tagged) if ok else ([], [])
        if not ok:
            print(f"clippings: {name}: {NOT_ENGLISH}", file=sys.stderr)
        people, places = corrections.apply(fixes, people, places, name)
        _emit(to_json(people, places), args.jsonl)
    return 1 if failed else 0


def _corrections(path: str | None) -> Any:
    """The parsed --corrections file, or no corrections. Raises BadInput naming the file."""
    from .tag import corrections

    if not path:
        return corrections.Corrections()
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInput(path, f"cannot be read ({exc})") from exc
    try:
        return corrections.parse(text, path)
    except corrections.CorrectionsError as exc:
        raise BadInput(path, f"is not a usable corrections file: {exc.problem}"
                       + (f" (line {exc.line})" if exc.line else "")) from exc


def _read_text(name: str) -> str:
    """Plain UTF-8 text exactly as given: offsets printed are offsets into this string."""
    if name == "-":
        return sys.stdin.buffer.read().decode("utf-8", errors="replace")
    try:
        raw = Path(name).read_bytes()
    except OSError as exc:
        raise BadInput(name, f"cannot be read ({exc.strerror or exc})") from exc
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadInput(name, f"is not UTF-8 text (byte {exc.start})") from exc


def _scrapes(paths: Sequence[str]) -> Iterator[str]:
    """The given files, and every scrape below the given folders, in a stable order."""
    from .read import is_scrape

    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = (p for p in path.rglob("*") if p.is_file() and is_scrape(p.name))
            yield from (str(p) for p in sorted(found))
        else:
            yield given


def _emit(record: dict[str, Any], jsonl: bool) -> None:
    indent = None if jsonl else 2
    sys.stdout.write(json.dumps(record, ensure_ascii=False, indent=indent) + "\n")


def _complain(message: str) -> int:
    print(f"clippings: {message}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
