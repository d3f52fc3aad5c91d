"""Is the article we kept only a teaser? Paywall and truncation evidence, for HTML and text dumps.

False alarms cost as much as misses: many complete articles carry a "Subscribe" footer, a meter
script or a login bar. So a prompt alone never flags a page. The page is flagged when

- the text stops mid-sentence and a subscription prompt follows right after it; or
- the article is short and a firm prompt ("subscribe to continue reading") closes it; or
- the page's JSON-LD declares a part that is not free (``hasPart`` with a ``cssSelector``) and
  that part is missing from the page while the article is short, or present in the page but
  left out of the text we kept.

The phrases are data: ``phrases/html_paywall.txt`` (firm prompts: the text is cut for this
reader), ``phrases/paywall.txt`` (subscription chrome of any kind), ``phrases/paywall_class.txt``
(class and id names of paywall boxes).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence

from bs4 import Tag
from soupsieve import SelectorSyntaxError

from .hints import SPACES, View
from .lines import word_count
from .phrases import pattern

WARNING = "text may be incomplete: it looks like a teaser or paywalled page"
SHORT_WORDS = 250  # a teaser shows a paragraph or three; longer articles need a mid-sentence cut
CLOSING_WORDS = 40  # a prompt "closes" the article when at most this much text follows it
FOLLOW_CHARS = 600  # how far after the article a prompt still belongs to it (HTML)
FOLLOW_BLOCKS = 8  # the same, in blocks of a text dump
MAX_GATED_PARTS = 20  # elements one declared selector may protect
GATED_MIN_WORDS = 30  # a declared paywalled part with less text than this was not served
CUT_MIN_WORDS = 12
TERMINAL = re.compile(r"[.!?…。！？:;\"”’»)\]」』）]\s*$")
LAST_WORD = re.compile(r"(?:^|\s)([^\W\d_][\w'’-]*,?)$")


def firm_prompt(text: str) -> re.Match[str] | None:
    """A prompt that says the rest of the text is kept from this reader."""
    return pattern("html_paywall").search(text)


def any_prompt(text: str) -> bool:
    """Any subscription prompt, firm or not ("Subscribe now", "Unlimited access")."""
    return bool(firm_prompt(text) or pattern("paywall").search(text))


def ends_mid_sentence(text: str) -> bool:
    """A paragraph of running text that stops on a plain word or comma, or trails off in "...".

    Labels, headings, signatures and handles also end without a full stop: a cut paragraph is
    long and mostly lower-case, and its last token is an ordinary word."""
    text = text.strip()
    words = text.split()
    if word_count(text) < CUT_MIN_WORDS:
        return False
    if text.endswith(("...", "…")):
        return True
    last = LAST_WORD.search(text)
    # a capitalised last word is more often a signature or a credit ("... the US. PTI")
    if TERMINAL.search(text) or not last or last.group(1)[:1].isupper():
        return False
    lower = sum(1 for w in words if not w[:1].isupper())
    return lower * 2 >= len(words)


def teaser(paragraphs: Sequence[str], following: Sequence[str]) -> bool:
    """Text evidence: the article's blocks and the text blocks that come right after it."""
    if not paragraphs:
        return False
    after = " ".join(following)
    if ends_mid_sentence(paragraphs[-1]) and any_prompt(after):
        return True
    return _short(paragraphs) and (_closes(paragraphs) or bool(firm_prompt(after)))


def _short(paragraphs: Sequence[str]) -> bool:
    return sum(word_count(p) for p in paragraphs) < SHORT_WORDS


def _closes(paragraphs: Sequence[str]) -> bool:
    """A firm prompt with little or no text after it, at the end of the article."""
    tail = " ".join(paragraphs[-3:])
    ends = [m.end() for m in pattern("html_paywall").finditer(tail)]
    return bool(ends) and word_count(tail[ends[-1]:]) <= CLOSING_WORDS


def html_teaser(view: View, root: Tag, article_text: str, blocks: Sequence[str],
                page_text: str) -> bool:
    """HTML evidence. ``article_text`` is the container's text before in-article chrome was
    stripped (a prompt box inside it counts), ``blocks`` the text we kept, ``page_text`` the
    whole body's text (whitespace folded)."""
    if not blocks:
        return False
    cut = ends_mid_sentence(blocks[-1])
    short = _short(blocks)
    if not (cut or short):
        return False  # a long article that ends on a full stop is whole, whatever the chrome
    gated = _gated(root)
    if gated is not None:
        if gated.total >= GATED_MIN_WORDS:  # the paywalled part is here: did we keep it?
            return gated.kept_share(" ".join(blocks)) < 0.5
        if short:  # declared paywalled and not served (sites also declare it on whole pages)
            return True
    following = _following(page_text, blocks[-1])
    if cut and any_prompt(following):
        return True
    return short and (_closes([article_text]) or bool(firm_prompt(following))
                      or _boxed_prompt(view, root))


def _following(page_text: str, last_block: str) -> str:
    """The page's text just after the article's last block."""
    tail = last_block[-60:]
    at = page_text.rfind(tail)
    if at < 0:
        return ""
    start = at + len(tail)
    return page_text[start:start + FOLLOW_CHARS]


def _boxed_prompt(view: View, root: Tag) -> bool:
    """A firm prompt inside an element named like a paywall box ("paywall-prompt", "regwall")."""
    names = pattern("paywall_class")
    for el in view.iter(root):
        hint = " ".join(el.get("class") or ()) + " " + str(el.get("id") or "")
        if hint.strip() and names.search(hint) and firm_prompt(view.text(el)):
            return True
    return False


class Gated:
    """The text of the elements that JSON-LD names as the paywalled part of the article."""

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts
        self.total = sum(word_count(t) for t in texts)

    def kept_share(self, kept: str) -> float:
        """How much of the paywalled text (in words, by paragraph-sized pieces) we kept."""
        folded = SPACES.sub(" ", kept)
        found = sum(word_count(t) for t in self.texts if t[:80] in folded)
        return found / self.total if self.total else 1.0


def _gated(root: Tag) -> Gated | None:
    """None unless the page's JSON-LD declares a part that is not free, with a CSS selector."""
    selectors = list(gated_selectors(root))
    if not selectors:
        return None
    texts: list[str] = []
    for selector in selectors:
        try:
            found = root.select(selector, limit=20)
        except (SelectorSyntaxError, NotImplementedError, ValueError):
            continue
        for el in found:
            texts.extend(_pieces(el))
    return Gated(texts)


def _pieces(el: Tag) -> list[str]:
    """Paragraph-sized texts below ``el`` (so a partly kept part counts in part), read from the
    page itself: the cleaner may have removed the part as chrome."""
    found = el.find_all(("p", "li", "h2", "h3", "blockquote")) or [el]
    return [t for t in (SPACES.sub(" ", p.get_text(" ")).strip() for p in found) if t]


def gated_selectors(root: Tag) -> Iterator[str]:
    """CSS selectors of the parts of the article that its JSON-LD says are not free (the
    article's own body on many sites: never chrome)."""
    for script in root.find_all("script", attrs={"type": "application/ld+json"}):
        try:
            data = json.loads(script.string or "")
        except (json.JSONDecodeError, TypeError, RecursionError):
            continue
        yield from _walk(data)


def gated_parts(root: Tag) -> list[Tag]:
    """The elements those selectors name (a selector soupsieve cannot read names nothing)."""
    parts: list[Tag] = []
    for selector in gated_selectors(root):
        try:
            parts.extend(root.select(selector, limit=MAX_GATED_PARTS))
        except (SelectorSyntaxError, NotImplementedError, ValueError):
            continue
    return parts


def _walk(node: object, depth: int = 0) -> Iterator[str]:
    if depth > 12:
        return
    if isinstance(node, list):
        for item in node:
            yield from _walk(item, depth + 1)
    elif isinstance(node, dict):
        selector = node.get("cssSelector")
        if isinstance(selector, str) and selector.strip() and not _is_free(node):
            yield selector.strip()
        for key, value in node.items():
            if key != "cssSelector":
                yield from _walk(value, depth + 1)


def _is_free(node: dict) -> bool:
    free = node.get("isAccessibleForFree", True)
    return not (free is False or str(free).strip().lower() == "false")
