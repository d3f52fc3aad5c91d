"""Clean a plain-text dump of a whole news page: keep the article, name its parts.

A dump is a column of blocks (lines.py). The article is the stretch of blocks richest in prose
(a maximum-sum run over per-block scores, cut at the first "Related"/"Comments"-like heading;
the blurbs of a list of other stories score as furniture, and a second copy of the article
further down the page is dropped).
Above its first real paragraph sit the header blocks — headline, deck, byline, date, lead photo
captions; inside it, subheads and captions are told from paragraphs by shape and grammar.
Everything else is chrome, kept in ``Clipping.chrome`` for the describe stage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Clipping, Figure, Page
from . import kinds, paywall
from .blockhtml import BodyBlock, to_html, to_text
from .captions import has_cue, is_caption
from .lines import Block, blocks, normalise

HEADER_REACH = 10  # header blocks looked at above the first paragraph
TITLE_REACH = 40  # how far above the first paragraph the headline may sit, past furniture
DECK_MIN_WORDS = 4  # shorter lines under a headline are buttons and labels
SUBHEAD_WORDS = 12
STOP_AFTER_WORDS = 150
CREDIT_WORDS = 8
BLURB_WORDS = 45  # a teaser card's paragraph is a sentence or two
TEASER_CARDS = 3  # headline-and-blurb pairs in a row that make a list of other stories
CARD_GAP = 4  # from one card's headline to the next
# an interview's question, a numbered section, a credit line ("Name | Agency")
CARD_NOT_HEADLINE = re.compile(r"(Q|Question)\s*[:.\-–—]|\d|.*\s\|\s", re.IGNORECASE)
REPEAT_WORDS = 8  # paragraphs this long, met again in a run, are a second copy of the article
REPEAT_RUN = 4
COMMENT_REACH = 30  # blocks below a comments heading searched for comment header lines
COMMENTS_ABOVE_WORDS = 40  # an article above real comments may be this short


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
    paragraphs = [b.text for b in body if b.kind in ("p", "blockquote", "ul")]
    if paywall.teaser(paragraphs, [b.text for b in all_blocks[end:end + paywall.FOLLOW_BLOCKS]]):
        clipping.incomplete = True
        clipping.warnings.append(f"{page.path}: {paywall.WARNING}")
    return clipping


def _article_span(bs: list[Block]) -> tuple[int, int]:
    """[start, end) of the richest run of prose, ended at a comments-like heading."""
    start, end = _richest(bs, len(bs))
    stop = _stop(bs, 0, len(bs))
    if stop < start:  # comments outweigh the article: look for it above them
        before = _richest(bs, stop)
        enough = COMMENTS_ABOVE_WORDS if _comments_follow(bs, stop) else STOP_AFTER_WORDS
        if _prose_words(bs, *before) >= enough:
            start, end = before
    return start, _with_unfinished(bs, _stop(bs, start, end))


def _richest(bs: list[Block], limit: int) -> tuple[int, int]:
    """The maximum-sum run of block scores among the first ``limit`` blocks."""
    scores = _scores(bs[:limit])
    best, best_span = float("-inf"), (0, limit)
    total, start = 0.0, 0
    for i in range(limit):
        if total <= 0:
            total, start = 0.0, i
        total += scores[i]
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


def _scores(bs: list[Block]) -> list[float]:
    """Each block's score; the blurbs of a teaser list count as page furniture."""
    scores = [kinds.score(b) for b in bs]
    for i in _teaser_blurbs(bs):
        scores[i] = min(scores[i], -1.0)
    return scores


def _teaser_blurbs(bs: list[Block]) -> set[int]:
    """The blurbs of a list of other stories: headline, one short paragraph, headline, one
    short paragraph... An article's sections run to more than one paragraph now and then, and
    a headline dropped between two paragraphs (a link to another story) makes no card."""
    cards: list[int] = []  # the index of each card's headline
    i = 0
    while i + 1 < len(bs):
        alone = i + 2 >= len(bs) or not kinds.is_prose(bs[i + 2])
        if _card_headline(bs[i]) and kinds.is_prose(bs[i + 1]) and bs[i + 1].words <= BLURB_WORDS \
                and alone:
            cards.append(i)
            i += 2
        else:
            i += 1
    blurbs: set[int] = set()
    run: list[int] = []
    for at in cards + [-9]:
        if run and 0 < at - run[-1] <= CARD_GAP:  # a label or two may sit between cards
            run.append(at)
            continue
        if len(run) >= TEASER_CARDS:
            blurbs.update(head + 1 for head in run)
        run = [at]
    return blurbs


def _card_headline(block: Block) -> bool:
    """A headline in title case ("Ford Recalls F-150s; Loose Cable Can Cause Stalling"), as lists
    of stories set them; an interview's questions ("Q: ...") are the article."""
    long_words = [w for w in kinds.WORD.findall(block.text) if len(w) >= 4]
    capitals = sum(1 for w in long_words if w[0].isupper())
    return block.words >= 3 and kinds.is_title_like(block, most=20) \
        and len(long_words) >= 2 and capitals >= 0.75 * len(long_words) \
        and not kinds.is_menu_line(block) and not CARD_NOT_HEADLINE.match(block.text)


def _prose_words(bs: list[Block], start: int, end: int) -> int:
    return sum(b.words for b in bs[start:end] if kinds.is_prose(b))


def _stop(bs: list[Block], start: int, end: int) -> int:
    """Where a comments-like heading ends the article; one near the top is a share-bar counter,
    unless reader comments follow it."""
    words = 0
    for i in range(start, end):
        if kinds.is_stop(bs[i]) and (words >= STOP_AFTER_WORDS or _comments_follow(bs, i)):
            return i
        if kinds.is_prose(bs[i]):
            words += bs[i].words
    return end


def _comments_follow(bs: list[Block], at: int) -> bool:
    """Two comment header lines ("Jo on May 2 said:") soon after a heading."""
    return sum(1 for b in bs[at + 1:at + COMMENT_REACH] if kinds.is_comment_header(b)) >= 2


def _with_unfinished(bs: list[Block], end: int) -> int:
    """Take in a last paragraph that a paywall cut mid-sentence (it scored as non-prose)."""
    if end < len(bs) and _unfinished(bs[end]) and not kinds.is_chrome(bs[end]):
        return end + 1
    return end


def _unfinished(block: Block) -> bool:
    return paywall.ends_mid_sentence(block.text)


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
    title_at = _headline_index(bs, cluster, lead)
    if title_at is not None and title_at not in cluster:
        # the headline the page title repeats sits above a stack of furniture: start there
        cluster = [title_at] + [i for i in cluster if i > title_at]
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


def _headline_index(bs: list[Block], cluster: list[int], lead: int) -> int | None:
    """The block the page's title repeats (a dump opens with the <title>) a little above the
    lead, else the first wordy title-like block of the header."""
    first = next((i for i, b in enumerate(bs) if not kinds.is_chrome(b)), lead)
    page_title = bs[first].text.lower() if first < lead else ""
    repeated = [i for i in range(max(first + 1, lead - TITLE_REACH), lead)
                if bs[i].words >= 3 and _could_be_headline(bs[i])
                and bs[i].text.lower() in page_title]
    if repeated:
        return repeated[-1]
    titles = [i for i in cluster if _could_be_headline(bs[i])]
    wordy = [i for i in titles if bs[i].words >= 3]
    return (wordy or titles or [None])[0]


def _could_be_headline(block: Block) -> bool:
    """Title-like, and none of the furniture that looks like a title (a byline, a date, a photo
    credit, a section label of one word, a "Comments" heading)."""
    return (kinds.is_title_like(block) and block.words >= 2 and not kinds.is_byline(block)
            and not kinds.is_date_line(block) and not kinds.is_stop(block)
            and not kinds.is_related(block) and not kinds.is_chrome(block)
            and not has_cue(block.text) and not block.text.startswith(("|", "(", "/")))


def _is_deck(block: Block, header: Header) -> bool:
    """A summary under the headline: a phrase of some length, not a button ("View Photos")."""
    return (header.deck is None and not header.captions and block.words >= DECK_MIN_WORDS
            and kinds.is_title_like(block, most=40))


def _body(bs: list[Block]) -> tuple[list[BodyBlock], set[int]]:
    """The article's blocks from the lead on, with the indexes (into ``bs``) that were kept."""
    out: list[BodyBlock] = []
    used: set[int] = set()
    copies = _second_copy(bs)
    for i, block in enumerate(bs):
        if i in copies:
            continue
        following = bs[i + 1] if i + 1 < len(bs) and i + 1 not in copies else None
        kept = _body_block(block, following)
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


def _second_copy(bs: list[Block]) -> set[int]:
    """Blocks of a second copy of the article (an AMP or print version further down the page):
    a run of paragraphs met before, of several different texts (one paragraph said twice, or
    a refrain, is the author's)."""
    seen: set[str] = set()
    runs: list[list[int]] = [[]]
    for i, block in enumerate(bs):
        if block.words < REPEAT_WORDS:
            continue  # short lines (labels, subheads) neither extend nor break a run
        if block.text in seen:
            runs[-1].append(i)
        else:
            seen.add(block.text)
            runs.append([])
    copies: set[int] = set()
    for run in runs:
        if len({bs[j].text for j in run}) >= REPEAT_RUN:
            copies.update(range(run[0], run[-1] + 1))
    return copies


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

