"""What one block of a text dump looks like: chrome, prose, a title, a byline, a date.

Each test looks at one block alone; where the article starts and ends is textdump.py's job.
The phrases are data in ``phrases/`` (textdump_*.txt, sprite.txt, paywall.txt). Scripts written
without spaces (Chinese, Japanese) count by characters (lines.word_count).
"""

from __future__ import annotations

import re

from .lines import UNSPACED, Block
from .phrases import pattern

WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
GLUED = re.compile(r"[a-z][A-Z]|[a-z]\.[A-Z]")  # "ArrowArtboard", "Sketch.Title"
# A sentence's end, perhaps followed by a photo credit in brackets ("... wall. (AP Photo/X)")
SENTENCE_END = re.compile(r"[.!?…。！？][\"”’)\]」』）]*(\s*\([^()]{1,60}\))?$")
MENU_SEPARATORS = re.compile(r"\s[|•·»›/]\s|\s{3,}")
INNER_SENTENCE_END = re.compile(r"[a-z][.!?][\"”’)]*\s+[A-Z]")
REFERENCE = re.compile(r"\[(\w{1,4} )?\w{1,4}\]")
CODE_CHARS = re.compile(r"[{}();=<>\[\]]")
CODE_WORDS = re.compile(r"\b(function|var|let|const|return|window\.|document\.|null|true|false)\b"
                        r"|=>|\}\)|\);|://")


def _full(name: str, text: str) -> bool:
    return bool(pattern(name).fullmatch(text.strip(" .:|•·>»-–—")))


def is_sprite(block: Block) -> bool:
    """An icon sprite flattened to text: two sprite words, or tokens mostly glued CamelCase."""
    hits = len(pattern("sprite", 0).findall(block.text))
    tokens = block.text.split()
    glued = sum(1 for token in tokens if GLUED.search(token))
    return hits >= 2 or (glued >= 3 and glued * 3 >= len(tokens))


def is_code(block: Block) -> bool:
    """Script or style text that a careless dump kept."""
    text = block.text
    if len(text) < 20:
        return False
    symbols = len(CODE_CHARS.findall(text))
    return symbols / len(text) > 0.06 and (bool(CODE_WORDS.search(text)) or symbols > 20)


def is_menu_line(block: Block) -> bool:
    return _full("textdump_chrome", block.text) or _is_link_row(block.text)


def _is_link_row(text: str) -> bool:
    """"Home | News | Markets": three or more short items between separators."""
    parts = [p for p in MENU_SEPARATORS.split(text) if p.strip()]
    return len(parts) >= 3 and all(len(p.split()) <= 3 for p in parts)


def is_stop(block: Block) -> bool:
    """A heading after which a page shows no more of the article (comments, sponsored...)."""
    return _full("textdump_stop", block.text)


def is_comment_header(block: Block) -> bool:
    """The name-and-date line above one reader comment."""
    # matched as is: the colon that sets it apart from a headline ("..., engineer says") counts
    return block.words <= 16 and bool(pattern("textdump_comment").fullmatch(block.text.strip()))


def is_related(block: Block) -> bool:
    return _full("textdump_related", block.text)


def paywall_hits(text: str) -> int:
    return len(pattern("paywall").findall(text))


def is_paywall(block: Block) -> bool:
    """A subscription prompt; a long paragraph must show two prompts to count (it may be news
    about subscriptions)."""
    hits = paywall_hits(block.text)
    return hits >= 2 or (hits == 1 and block.words <= 25)


def is_small_print(block: Block) -> bool:
    """A disclaimer, trademark or cookie notice: two legal phrases in one paragraph."""
    return len(pattern("textdump_legal").findall(block.text)) >= 2


def is_chrome(block: Block) -> bool:
    return is_sprite(block) or is_code(block) or is_menu_line(block) or is_paywall(block)


def is_sentence(block: Block) -> bool:
    return bool(SENTENCE_END.search(block.text))


def is_prose(block: Block) -> bool:
    """A paragraph of running text: words in the main, ending as a sentence does."""
    words = WORD.findall(block.text)
    # names are capitalised, running text is not; scripts without case count as running text
    lower = sum(1 for w in words if not w[0].isupper())
    ends = is_sentence(block) or block.text.endswith((":", "："))
    # a long paragraph may end in a signature ("Editing by ...") yet be sentences all through
    running = len(words) >= 25 and len(INNER_SENTENCE_END.findall(block.text)) >= 2
    count = len(words) + len(UNSPACED.findall(block.text)) // 2
    return (ends or running) and count >= 8 and lower * 2 >= len(words)


def is_title_like(block: Block, most: int = 25) -> bool:
    """A heading: a few words, at least one capitalised, not ending as a statement does."""
    if block.items or not 1 <= block.words <= most or len(block.text) > 200:
        return False
    if block.text.endswith((".", ",", ";", ":")) and not block.text.endswith("..."):
        return False
    words = WORD.findall(block.text)
    return bool(words) and words[0][0].isupper()


def is_byline(block: Block) -> bool:
    return block.words <= 16 and _full("textdump_byline", block.text)


def is_date_line(block: Block) -> bool:
    return block.words <= 14 and _full("textdump_date", block.text)


def score(block: Block) -> float:
    """How much this block looks like article text (positive) or page furniture (negative)."""
    if is_sprite(block) or is_code(block) or is_stop(block) or is_related(block) \
            or is_comment_header(block):
        return -6.0
    if is_paywall(block):
        return -4.0
    if is_small_print(block):
        return -2.0
    if is_menu_line(block):
        return -1.0  # share buttons sit inside articles too: no worse than any short line
    if block.items:
        return 0.5 * sum(1 for item in block.items if len(item.split()) >= 6) - 0.5
    if REFERENCE.fullmatch(block.text):
        return 0.0  # a footnote mark ("[17]") that a dump put on its own line mid-paragraph
    if block.text.endswith(("...", "…", "[…]", "[...]")):
        return -1.0  # a teaser cut short for a list of other stories
    if is_prose(block):
        return min(block.words, 80) / 8
    if is_sentence(block) and block.words >= 5:
        return 0.3
    return -1.0
