"""Clean a plain-text dump of a whole news page: keep the article, name its parts.

A dump is a column of blocks (lines.py). The article is the stretch of blocks richest in prose
(a maximum-sum run over per-block scores, cut at the first "Related"/"Comments"-like heading).
Above its first real paragraph sit the header blocks — headline, deck, byline, date, lead photo
captions; inside it, subheads and captions are told from paragraphs by shape and grammar.
Everything else is chrome, kept in ``Clipping.chrome`` for the describe stage.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Clipping, Figure, Page
from . import kinds
from .blockhtml import BodyBlock, to_html, to_text
from .captions import has_cue, is_caption
from .lines import Block, blocks, normalise

HEADER_REACH = 10  # header blocks looked at above the first paragraph
DECK_MIN_WORDS = 4  # shorter lines under a headline are buttons and labels
SUBHEAD_WORDS = 12
STOP_AFTER_WORDS = 150
CREDIT_WORDS = 8
INCOMPLETE_WARNING = "the article looks cut short by a paywall (it ends mid-sentence)"


@dataclass
class Header:
    headline: str | None = None
    deck: str | None = None
    byline: str | None = None
    dateline: str | None = None
    captions: list[str] = field(default_factory=list)


def clean_text(page: Page) -> Clipping:
    """The article of a text dump as a Clipping (body, captions, header parts, chrome)."""
    clipping = Clipping(path=page.path, sha256=page.sha256, kind=page.kind)
    all_blocks = blocks(normalise(page.text))
    if not all_blocks:
        return clipping
    start, end = _article_span(all_blocks)
    lead = _lead(all_blocks, start, end)
    header, used = _header(all_blocks, lead)
    body, body_used = _body(all_blocks[lead:end])
    used |= {lead + i for i in body_used}

    clipping.headline, clipping.deck = header.headline, header.deck
    clipping.byline, clipping.dateline = header.byline, header.dateline
    lead_figures = [BodyBlock("figure", caption) for caption in header.captions]
    body = lead_figures + body
    clipping.figures = [Figure(caption=b.text, credit=b.credit) for b in body if b.kind == "figure"]
    clipping.html = to_html(body)
    clipping.text = to_text(body)
    clipping.chrome = [line for i, b in enumerate(all_blocks) if i not in used
                       for line in (b.items or [b.text])]
    if _cut_by_paywall(body, all_blocks[end:]):
        clipping.incomplete = True
        clipping.warnings.append(INCOMPLETE_WARNING)
    return clipping


def _article_span(bs: list[Block]) -> tuple[int, int]:
    """[start, end) of the richest run of prose, ended at a comments-like heading."""
    start, end = _richest(bs, len(bs))
    stop = _stop(bs, 0, len(bs))
    if stop < start:  # comments outweigh the article: look for it above them
        before = _richest(bs, stop)
        if _prose_words(bs, *before) >= STOP_AFTER_WORDS:
            start, end = before
    return start, _with_unfinished(bs, _stop(bs, start, end))


def _richest(bs: list[Block], limit: int) -> tuple[int, int]:
    """The maximum-sum run of block scores among the first ``limit`` blocks."""
    best, best_span = float("-inf"), (0, limit)
    total, start = 0.0, 0
    for i in range(limit):
        if total <= 0:
            total, start = 0.0, i
        total += kinds.score(bs[i])
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


def _prose_words(bs: list[Block], start: int, end: int) -> int:
    return sum(b.words for b in bs[start:end] if kinds.is_prose(b))


def _stop(bs: list[Block], start: int, end: int) -> int:
    """Where a comments-like heading ends the article; one near the top is a share-bar counter."""
    words = 0
    for i in range(start, end):
        if words >= STOP_AFTER_WORDS and kinds.is_stop(bs[i]):
            return i
        if kinds.is_prose(bs[i]):
            words += bs[i].words
    return end


def _with_unfinished(bs: list[Block], end: int) -> int:
    """Take in a last paragraph that a paywall cut mid-sentence (it scored as non-prose)."""
    if end < len(bs) and _unfinished(bs[end]) and not kinds.is_chrome(bs[end]):
        return end + 1
    return end


def _unfinished(block: Block) -> bool:
    words = block.text.split()
    lower = sum(1 for w in words if w[:1].islower())
    return _ends_cut(block.text) and len(words) >= 12 and lower * 2 >= len(words)


def _lead(bs: list[Block], start: int, end: int) -> int:
    """The first body paragraph: prose that is no caption."""
    for i in range(start, end):
        block = bs[i]
        if kinds.is_prose(block) and not kinds.is_chrome(block) and not is_caption(block.text):
            return i
    return start


def _header(bs: list[Block], lead: int) -> tuple[Header, set[int]]:
    """Headline, deck, byline, date and lead captions among the blocks just above the lead."""
    cluster = _header_cluster(bs, lead)
    header, used = Header(), set()
    title_at = _headline_index(bs, cluster)
    for i in cluster:
        block = bs[i]
        # A second byline or date line ("Updated ...") is header furniture too, never a deck.
        if kinds.is_byline(block):
            header.byline = header.byline or block.text
        elif kinds.is_date_line(block):
            header.dateline = header.dateline or block.text
        elif i == title_at:
            header.headline = block.text
        elif title_at is not None and i > title_at and _is_deck(block, header):
            header.deck = block.text
        elif (title_at is None or i > title_at) and is_caption(block.text):
            header.captions.append(block.text)
        else:
            continue
        used.add(i)
    return header, used


def _header_cluster(bs: list[Block], lead: int) -> list[int]:
    """Non-chrome blocks right above the lead, up to a prose block or HEADER_REACH of them."""
    cluster: list[int] = []
    i = lead - 1
    while i >= 0 and len(cluster) < HEADER_REACH:
        block = bs[i]
        if kinds.is_prose(block) and not is_caption(block.text):
            break  # another story's paragraph, or a blurb: the header is below it
        if not kinds.is_chrome(block):
            cluster.append(i)
        i -= 1
    return cluster[::-1]


def _headline_index(bs: list[Block], cluster: list[int]) -> int | None:
    """The first title-like block of the header, preferring one the page's title repeats."""
    titles = [i for i in cluster if kinds.is_title_like(bs[i]) and not kinds.is_byline(bs[i])
              and not kinds.is_date_line(bs[i])]
    if not titles:
        return None
    page_title = next((b.text.lower() for b in bs if not kinds.is_chrome(b)), "")
    repeated = [i for i in titles if bs[i].words >= 3 and bs[i].text.lower() in page_title
                and bs[i].text.lower() != page_title]
    if repeated:
        return repeated[-1]
    wordy = [i for i in titles if bs[i].words >= 3]
    return (wordy or titles)[0]


def _is_deck(block: Block, header: Header) -> bool:
    """A summary under the headline: a phrase of some length, not a button ("View Photos")."""
    return (header.deck is None and not header.captions and block.words >= DECK_MIN_WORDS
            and kinds.is_title_like(block, most=40))


def _body(bs: list[Block]) -> tuple[list[BodyBlock], set[int]]:
    """The article's blocks from the lead on, with the indexes (into ``bs``) that were kept."""
    out: list[BodyBlock] = []
    used: set[int] = set()
    for i, block in enumerate(bs):
        kept = _body_block(block, bs[i + 1] if i + 1 < len(bs) else None)
        if kept is None:
            continue
        if kept.kind == "figure" and not kept.text:
            # a bare photo credit: it belongs to the caption just above, if there is one
            if not (out and out[-1].kind == "figure"):
                continue
            out[-1].credit = kept.credit
        elif kept.text or kept.items:
            out.append(kept)
        used.add(i)
    return out, used


def _body_block(block: Block, following: Block | None) -> BodyBlock | None:
    """What one block inside the article is (a bare credit: a figure with no caption), or None
    when it is chrome."""
    if kinds.is_chrome(block) or kinds.is_stop(block) or kinds.is_related(block):
        return None
    if block.items:
        return BodyBlock("ul", block.text, list(block.items))
    if block.text.startswith(">"):
        return BodyBlock("blockquote", block.text.lstrip("> "))
    if block.words <= CREDIT_WORDS and has_cue(block.text) and not kinds.is_sentence(block):
        return BodyBlock("figure", "", credit=block.text)
    if kinds.is_sentence(block) and is_caption(block.text):
        return BodyBlock("figure", block.text)
    if kinds.is_title_like(block, most=SUBHEAD_WORDS):
        if following is not None and kinds.is_prose(following):
            return BodyBlock("h2", block.text)
        return None  # a link or label that leads to no paragraph
    return BodyBlock("p", block.text)


def _cut_by_paywall(body: list[BodyBlock], after: list[Block]) -> bool:
    """The text stops mid-sentence and a subscription prompt follows."""
    paragraphs = [b for b in body if b.kind == "p"]
    if not paragraphs or not any(kinds.paywall_hits(b.text) for b in after[:12]):
        return False
    return _ends_cut(paragraphs[-1].text)


def _ends_cut(text: str) -> bool:
    return text.endswith(("...", "…")) or not kinds.is_sentence(Block(text))
