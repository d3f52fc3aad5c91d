"""The search index as static files: term shards, document blocks and filter lists, all .js.

Browsers refuse fetch, modules and wasm from file://, but still run ``<script src>``; so every
index file is one call, ``ClippingsSearch.<kind>(<JSON>);``, and the page loads only the files a
query needs. Nothing here knows Pelican: ``build`` takes plain ``SearchDoc`` records and returns
``{relative path: file text}``, byte-identical for the same documents.

Layout (under search/):
- ``manifest.js``: document count, block size, every term shard's key and size, the filter files.
- ``t/<hex of key>.js``: the terms whose normalised prefix is the key. Keys start as the first two
  characters; a shard over ``SHARD_LIMIT`` bytes hands its biggest longer prefixes to shards of
  their own, so the client takes the longest key that is a prefix of a term.
- ``c/<n>.js``: ``CARDS_PER_FILE`` result cards (title, url, date, source), all loaded when the
  page opens, so that a result list can be drawn the moment a query is ranked. Columns, not rows,
  and small: a url is its folder and extension (listed once in the manifest) plus its file name,
  of which the part that the title spells (``title_slug``) is only counted; a source is an index
  into the manifest's list.
- ``d/<n>.js``: ``DOCS_PER_FILE`` documents' deck and text, loaded only for the results shown, to
  fill in their snippets once the cards are on screen.
- ``f/<kind>.js``: for each person, place, source and year offered as a filter, its documents.

A term's postings are one string: for each document, the gap from the previous document id
(varint, base 32) then one character for its BM25 term weight (title, deck, people, places and
source count more than body words), quantised to 1..63. The client gets df from the postings and
idf from df, so a score is the sum over the query's terms of idf × weight.

search.js repeats ``words``, ``stem`` and ``title_slug`` exactly (tests/test_search.py checks
they agree).
"""

from __future__ import annotations

import json
import re
import unicodedata
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

# One JSON-safe character per digit: never a quote, a backslash or '<'.
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"
LEVELS = len(ALPHABET) - 1  # term weights 1..63
MIN_LENGTH, MAX_LENGTH = 2, 40  # tokens outside this are noise (initials, hashes, run-ons)
K1, B = 1.2, 0.75
FIELD_WEIGHTS = {"title": 3.0, "people": 2.5, "places": 2.0, "deck": 2.0, "source": 1.5,
                 "text": 1.0}
SHARD_LIMIT = 48_000  # bytes: a shard bigger than this splits by a longer prefix
DOCS_PER_FILE = 4
# Few, large card files: they all load at once when the page opens, and fewer requests load faster.
CARDS_PER_FILE = 2500
TEXT_LIMIT = 20_000  # characters of body kept per document for snippets

# A word: letters and digits. Dotted initialisms ("U.S.", "e.g.") are one word, without dots.
TOKEN = re.compile(r"(?<![^\W_])(?:[^\W\d_]\.){2,}|[^\W_]+")
WORD = re.compile(r"[^\W_]+")
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
VOWELS = frozenset("aeiouy")
UNDOUBLE = frozenset("bgmnprt")
NOT_SLUG = re.compile(r"[^a-z0-9]+")
ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


@dataclass
class SearchDoc:
    """One article as search sees it. ``url`` is relative to the site root."""

    title: str
    url: str
    text: str = ""
    deck: str = ""
    source: str = ""
    date: str = ""  # as shown to readers; "" when undated
    people: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    # filter values: kind → ids (slugs, or the year as text)
    facets: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class Facet:
    """A filter value offered on the search page."""

    id: str
    label: str
    count: int


def words(text: str) -> Iterator[str]:
    """Normalised words: lower case, accents folded, initialisms joined, 2 to 40 characters."""
    text = unicodedata.normalize("NFC", text)
    for raw in TOKEN.findall(text):
        yield from normalised(raw)


@lru_cache(maxsize=500_000)
def normalised(raw: str) -> tuple[str, ...]:
    """One raw token as its normalised words (accent folding may split it: '½' → '1', '2')."""
    word = raw.replace(".", "").lower()
    if word.isascii():
        parts = (word,)
    else:
        folded = unicodedata.normalize("NFKD", word)
        folded = "".join(c for c in folded if unicodedata.category(c) != "Mn")
        parts = tuple(WORD.findall(folded.replace("ß", "ss").replace("ς", "σ")))
    return tuple(p for p in parts if MIN_LENGTH <= len(p) <= MAX_LENGTH)


@lru_cache(maxsize=500_000)
def stem(word: str) -> str:
    """A light English stemmer: plurals, -ed, -ing, a final e. Other scripts pass unchanged.

    Deliberately small, so that search.js can repeat it rule for rule; the last word a reader
    types is also matched as a prefix, which covers most of what a fuller stemmer would.
    """
    if len(word) <= 3 or not (word.isascii() and word.isalpha()):
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith(("sses", "ches", "shes", "xes", "zes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if word.endswith("ied") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("ing") and len(word) >= 6 and _has_vowel(word[:-3]):
        word = _undouble(word[:-3])
    elif word.endswith("ed") and len(word) >= 5 and _has_vowel(word[:-2]):
        word = _undouble(word[:-2])
    if word.endswith("e") and len(word) >= 4:
        word = word[:-1]
    return word


def _has_vowel(word: str) -> bool:
    return any(c in VOWELS for c in word)


def _undouble(word: str) -> str:
    return word[:-1] if len(word) >= 3 and word[-1] == word[-2] and word[-1] in UNDOUBLE else word


def terms(text: str) -> Iterator[str]:
    """The index terms of ``text``: its words, stemmed."""
    for word in words(text):
        yield stem(word)


def term_counts(text: str) -> Counter:
    """term → how often ``text`` has it (``terms`` counted, raw tokens first: much faster)."""
    counts: Counter = Counter()
    known = _RAW_TERMS
    for raw, n in Counter(TOKEN.findall(unicodedata.normalize("NFC", text))).items():
        found = known.get(raw)
        if found is None:
            found = known[raw] = tuple(stem(word) for word in normalised(raw))
            if len(known) > 500_000:
                known.clear()
        for term in found:
            counts[term] += n
    return counts


_RAW_TERMS: dict[str, tuple[str, ...]] = {}


def build(docs: list[SearchDoc], facets: dict[str, list[Facet]] | None = None,
          shard_limit: int = SHARD_LIMIT, docs_per_file: int = DOCS_PER_FILE,
          cards_per_file: int = CARDS_PER_FILE) -> dict[str, str]:
    """Every index file for ``docs`` (document id = position in the list), by path."""
    postings = packed_postings(docs)
    encoded = {term: encode_packed(postings.pop(term)) for term in sorted(postings)}
    files: dict[str, str] = {}
    shards = {}
    for key, shard_terms in sorted(shard_terms_by_key(encoded, shard_limit).items()):
        path = f"t/{key.encode('utf-8').hex()}.js"
        files[path] = script("shard", key, {t: encoded[t] for t in shard_terms})
        shards[key] = len(files[path].encode("utf-8"))
    for first in range(0, len(docs), docs_per_file):
        block = [doc_row(doc) for doc in docs[first:first + docs_per_file]]
        files[f"d/{first // docs_per_file}.js"] = script("docs", first, block)
    tables = card_tables(docs)
    cards = []
    for first in range(0, len(docs), cards_per_file):
        path = f"c/{first // cards_per_file}.js"
        files[path] = script("cards", first, card_columns(docs[first:first + cards_per_file],
                                                          tables))
        cards.append(len(files[path].encode("utf-8")))
    facet_files = {}
    for kind, listed in sorted(facet_postings(docs, facets or {}).items()):
        path = f"f/{kind}.js"
        files[path] = script("facet", kind, listed)
        facet_files[kind] = len(files[path].encode("utf-8"))
    manifest = {"docs": len(docs), "docsPerFile": docs_per_file, "shards": shards,
                "facets": facet_files, "cards": cards, "cardsPerFile": cards_per_file,
                "sources": tables.sources, "urls": tables.urls, "version": 2}
    files["manifest.js"] = script("manifest", manifest)
    return files


def weighted_postings(docs: list[SearchDoc]) -> dict[str, list[tuple[int, int]]]:
    """term → [(document id, quantised BM25 weight)], in document order."""
    return {term: [(packed >> 6, packed & LEVELS) for packed in found]
            for term, found in packed_postings(docs).items()}


def packed_postings(docs: list[SearchDoc]) -> dict[str, array]:
    """term → document id × 64 + weight, ascending: compact, for 10,000s of articles."""
    seen: list[tuple[tuple[str, ...], array]] = []
    lengths: list[int] = []
    for doc in docs:
        weighted: Counter = Counter()
        length = 0
        for name, text in fields(doc):
            found = term_counts(text)
            length += found.total()
            weight = FIELD_WEIGHTS[name]
            for term, n in found.items():
                weighted[term] += weight * n
        seen.append((tuple(weighted), array("d", weighted.values())))
        lengths.append(length)
    average = (sum(lengths) / len(lengths)) if lengths and sum(lengths) else 1.0
    postings: defaultdict[str, array] = defaultdict(lambda: array("L"))
    for doc_id, ((terms_of_doc, tfs), length) in enumerate(zip(seen, lengths, strict=True)):
        norm = K1 * (1 - B + B * length / average)
        for term, tf in zip(terms_of_doc, tfs, strict=True):
            # BM25's tf part over its ceiling (k1 + 1): 0..1, in LEVELS steps, never 0
            level = int(LEVELS * tf / (tf + norm) + 0.5) or 1
            postings[term].append(doc_id << 6 | level)
    return dict(postings)


def fields(doc: SearchDoc) -> Iterator[tuple[str, str]]:
    yield "title", doc.title
    yield "deck", doc.deck
    yield "text", doc.text
    yield "people", "\n".join(doc.people)
    yield "places", "\n".join(doc.places)
    yield "source", doc.source


def encode_postings(pairs: Iterable[tuple[int, int]]) -> str:
    """(document id, weight level) pairs, ascending by id, as encode_packed writes them."""
    return encode_packed(doc_id << 6 | level for doc_id, level in pairs)


def encode_packed(packed: Iterable[int]) -> str:
    out = []
    previous = -1
    for value in packed:
        doc_id = value >> 6
        out.append(varint(doc_id - previous - 1))
        out.append(ALPHABET[value & LEVELS])
        previous = doc_id
    return "".join(out)


def encode_ids(ids: Iterable[int]) -> str:
    """Document ids, ascending, as varint gaps (filter lists carry no weights)."""
    out = []
    previous = -1
    for doc_id in ids:
        out.append(varint(doc_id - previous - 1))
        previous = doc_id
    return "".join(out)


def varint(value: int) -> str:
    """Base 32, most significant digit first; every digit but the last is shifted up by 32."""
    if value < len(SMALL):
        return SMALL[value]
    return _varint(value)


def _varint(value: int) -> str:
    digits = [ALPHABET[value & 31]]
    value >>= 5
    while value:
        digits.append(ALPHABET[32 + (value & 31)])
        value >>= 5
    return "".join(reversed(digits))


SMALL = [_varint(v) for v in range(4096)]


def shard_terms_by_key(encoded: dict[str, str], limit: int) -> dict[str, list[str]]:
    """Terms grouped by the shard key (a prefix) they go to; no shard over ``limit`` if avoidable.

    A shard too big gives away its biggest groups of terms sharing one more character, biggest
    first, until it fits; the groups given away are shards of their own and split the same way.
    """
    sizes = {term: len(json.dumps(term, ensure_ascii=False)) + len(postings) + 4
             for term, postings in encoded.items()}
    pending: dict[str, list[str]] = {}
    for term in encoded:
        pending.setdefault(term[:MIN_LENGTH], []).append(term)
    result: dict[str, list[str]] = {}
    queue = sorted(pending)
    while queue:
        key = queue.pop(0)
        members = pending.pop(key)
        total = sum(sizes[t] for t in members)
        if total > limit:
            groups: dict[str, list[str]] = {}
            for term in members:
                if len(term) > len(key):
                    groups.setdefault(term[:len(key) + 1], []).append(term)
            by_size = sorted(groups, key=lambda g: (-sum(sizes[t] for t in groups[g]), g))
            for group in by_size:
                if total <= limit:
                    break
                moved = groups[group]
                total -= sum(sizes[t] for t in moved)
                pending[group] = moved
                queue.append(group)
                gone = set(moved)
                members = [t for t in members if t not in gone]
        result[key] = members
    return result


def doc_row(doc: SearchDoc) -> list[str]:
    """What a snippet is cut from: [deck, text] (the card has the rest)."""
    text = unicodedata.normalize("NFC", doc.text)
    if len(text) > TEXT_LIMIT:
        text = text[:TEXT_LIMIT].rsplit(" ", 1)[0] + " …"
    return [unicodedata.normalize("NFC", doc.deck), text]


@dataclass
class CardTables:
    """What many cards share, listed once in the manifest: sources; url folders and extensions."""

    sources: list[str]
    urls: list[list[str]]  # [folder with its final "/", extension with its dot]
    source_ids: dict[str, int]
    url_ids: dict[tuple[str, str], int]


def card_tables(docs: list[SearchDoc]) -> CardTables:
    sources = sorted({doc.source for doc in docs})
    urls = sorted({url_parts(doc.url)[::2] for doc in docs})
    return CardTables(sources, [list(u) for u in urls],
                      {s: i for i, s in enumerate(sources)}, {u: i for i, u in enumerate(urls)})


def url_parts(url: str) -> tuple[str, str, str]:
    """(folder, name, extension): 'a/b/c.html' → ('a/b/', 'c', '.html')."""
    folder = url[:url.rfind("/") + 1]
    name = url[len(folder):]
    dot = name.rfind(".")
    return (folder, name[:dot], name[dot:]) if dot > 0 else (folder, name, "")


def card_columns(docs: list[SearchDoc], tables: CardTables) -> dict[str, list]:
    """The cards of ``docs`` as columns: title; url as folder+extension id, how many characters
    of the file name are the title's slug and the rest of the name; date; source id."""
    titles = [unicodedata.normalize("NFC", doc.title) for doc in docs]
    parts = [url_parts(doc.url) for doc in docs]
    spelled = [common_prefix(name, title_slug(title))
               for title, (_folder, name, _extension) in zip(titles, parts, strict=True)]
    return {
        "title": titles,
        "url": [tables.url_ids[folder, extension] for folder, _name, extension in parts],
        "slug": spelled,
        "name": [name[n:] for n, (_folder, name, _extension) in zip(spelled, parts, strict=True)],
        "date": [doc.date for doc in docs],
        "source": [tables.source_ids[doc.source] for doc in docs],
    }


def title_slug(title: str) -> str:
    """A title's ASCII letters and digits in lower case, any other run as one '-'.

    File names often start this way, so a card needs only the length they share. ASCII only, so
    that search.js can repeat it with no Unicode tables.
    """
    return NOT_SLUG.sub("-", title.translate(ASCII_LOWER)).strip("-")


def common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def facet_postings(docs: list[SearchDoc], facets: dict[str, list[Facet]]) -> dict[str, dict]:
    """kind → {filter id: encoded document ids}, for the values the page offers."""
    offered = {kind: {f.id for f in listed} for kind, listed in facets.items()}
    found: dict[str, dict[str, list[int]]] = {kind: {} for kind in offered}
    for doc_id, doc in enumerate(docs):
        for kind, ids in doc.facets.items():
            for value in sorted(set(ids)):
                if value in offered.get(kind, ()):
                    found[kind].setdefault(value, []).append(doc_id)
    return {kind: {value: encode_ids(ids) for value, ids in sorted(values.items())}
            for kind, values in found.items()}


def top_facets(docs: list[SearchDoc], kind: str, labels: dict[str, str], limit: int,
               by_label: bool = True) -> list[Facet]:
    """The ``limit`` values of ``kind`` found in most documents, listed by label (or id, desc)."""
    counts = Counter(value for doc in docs for value in set(doc.facets.get(kind, ())))
    chosen = sorted(counts, key=lambda v: (-counts[v], labels.get(v, v).casefold(), v))[:limit]
    listed = [Facet(v, labels.get(v, v), counts[v]) for v in chosen]
    if by_label:
        return sorted(listed, key=lambda f: (f.label.casefold(), f.id))
    return sorted(listed, key=lambda f: f.id, reverse=True)


def script(kind: str, *args: object) -> str:
    """``ClippingsSearch.<kind>(<JSON args>);`` — data only, safe to load with <script src>."""
    body = ",".join(json_text(arg) for arg in args)
    return f"ClippingsSearch.{kind}({body});\n"


def json_text(value: object) -> str:
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    if LONE_SURROGATE.search(text):  # from a badly decoded page: UTF-8 cannot carry them
        text = text.encode("utf-8", "replace").decode("utf-8")
    # '</' could end a script element if this text were ever inlined; U+2028/9 end a JS line.
    return text.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
