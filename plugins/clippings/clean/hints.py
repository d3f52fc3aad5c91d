"""What an element's class, id and text hint at (phrase lists in phrases/html_*.txt), and the
cleaner's view of the read stage's BeautifulSoup tree.

``page.dom`` is shared with the describe stage, which runs later and reads <head>, JSON-LD, <time>,
bylines and footers from it, and copying a BeautifulSoup tree costs about as much as parsing it.
So the cleaner cuts nothing out of it: a :class:`View` lists what was removed (or unwrapped) and
every walk goes through the view, which skips those nodes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import PreformattedString

from .phrases import pattern

SPACES = re.compile(r"\s+")
# Block-level elements: their text never runs on into a neighbour's.
BLOCK = frozenset(
    ["address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt", "fieldset",
     "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
     "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot", "th",
     "thead", "tr", "ul", "center"]
)
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


class Gathered:
    """A container of the cleaner's own for an article split over sibling elements: it holds
    them (and the text between them) without taking them out of the shared tree."""

    name = "div"
    parent = None

    def __init__(self, contents: list) -> None:
        self.contents = contents

    def get(self, name: str, default: str | None = None) -> str | None:
        return default


Node = Tag | Gathered


class View:
    """The shared tree minus what the cleaner removed. Nodes are keyed by ``id()``: a bs4 Tag
    hashes and compares by its serialised markup."""

    def __init__(self) -> None:
        self.gone: set[int] = set()
        self.opened: set[int] = set()  # unwrapped: their children stand in their place
        self.adopted: dict[int, Gathered] = {}
        # Caches, dropped for an element's ancestors when something inside it is removed.
        self._kids: dict[int, list[Tag]] = {}
        self._raw: dict[int, str] = {}
        self._text: dict[int, str] = {}
        self._linked: dict[int, int] = {}

    def nodes(self, el: Node) -> Iterator[Tag | NavigableString]:
        """The children of ``el`` still there: elements and text (comments and the like never)."""
        gone = self.gone
        for child in el.contents:
            if id(child) in gone:
                continue
            if isinstance(child, Tag):
                if id(child) in self.opened:
                    yield from self.nodes(child)
                else:
                    yield child
            elif isinstance(child, NavigableString) and not isinstance(child, PreformattedString):
                yield child

    def parts(self, el: Node) -> Iterator[Tag | str]:
        """Children with adjacent text merged, as lxml keeps it (an element's text and tails)."""
        run: list[str] = []
        for node in self.nodes(el):
            if isinstance(node, Tag):
                if run:
                    yield "".join(run)
                    run.clear()
                yield node
            else:
                run.append(node)
        if run:
            yield "".join(run)

    def kids(self, el: Node) -> list[Tag]:
        """The child elements of ``el`` still there (do not change the list)."""
        found = self._kids.get(id(el))
        if found is None:
            found = self._kids[id(el)] = [n for n in self.nodes(el) if isinstance(n, Tag)]
        return found

    def iter(self, el: Node, names: Iterable[str] | None = None) -> Iterator[Tag]:
        """``el`` and the elements below it in document order, optionally only these tags."""
        wanted = frozenset(names) if names is not None else None
        stack = [el]
        while stack:
            node = stack.pop()
            if wanted is None or node.name in wanted:
                yield node
            stack.extend(reversed(self.kids(node)))

    def below(self, el: Node, names: Iterable[str] | None = None) -> Iterator[Tag]:
        """The elements below ``el`` (itself left out)."""
        found = self.iter(el, names)
        if names is None or el.name in names:
            next(found, None)
        return found

    def parent(self, el: Node) -> Node | None:
        parent = self.adopted.get(id(el)) or el.parent
        while parent is not None and id(parent) in self.opened:
            parent = parent.parent
        return None if isinstance(parent, BeautifulSoup) else parent

    def ancestors(self, el: Node) -> Iterator[Node]:
        parent = self.parent(el)
        while parent is not None:
            yield parent
            parent = self.parent(parent)

    def within(self, el: Node, container: Node) -> bool:
        """Whether ``el`` is still below ``container`` (nothing between them was removed)."""
        node = el
        while node is not container:
            if id(node) in self.gone:
                return False
            node = self.adopted.get(id(node)) or node.parent
            if node is None:
                return False
        return True

    def raw_text(self, el: Node) -> str:
        """All the text below ``el``, as lxml's text_content() (cached until something inside
        is removed)."""
        key = id(el)
        found = self._raw.get(key)
        if found is None:
            found = "".join(n if isinstance(n, str) else self.raw_text(n) for n in self.nodes(el))
            self._raw[key] = found
        return found

    def text(self, el: Node) -> str:
        key = id(el)
        found = self._text.get(key)
        if found is None:
            found = self._text[key] = SPACES.sub(" ", self.raw_text(el)).strip()
        return found

    def link_density(self, el: Node, text_length: int | None = None) -> float:
        length = len(self.text(el)) if text_length is None else text_length
        if not length:
            return 0.0
        return min(1.0, self._link_length(el) / length)

    def _link_length(self, el: Node) -> int:
        """The length of the text of the links in ``el`` (``el`` included)."""
        key = id(el)
        found = self._linked.get(key)
        if found is None:
            found = sum(self._link_length(k) for k in self.kids(el))
            if el.name == "a":
                found += len(self.text(el))
            self._linked[key] = found
        return found

    def has_block_child(self, el: Node) -> bool:
        return any(child.name in BLOCK for child in self.kids(el))

    def tail(self, el: Tag) -> list[NavigableString]:
        """The text right after ``el``, up to the next element."""
        if not self.opened and id(el) not in self.adopted:
            return self._next_strings(el)
        parent = self.parent(el)
        if parent is None:
            return []
        found: list[NavigableString] = []
        after = False
        for node in self.nodes(parent):
            if node is el:
                after = True
            elif after:
                if isinstance(node, Tag):
                    break
                found.append(node)
        return found

    def _next_strings(self, el: Tag) -> list[NavigableString]:
        found = []
        node = el.next_sibling
        while node is not None:
            if id(node) in self.gone:
                pass
            elif isinstance(node, Tag):
                break
            elif isinstance(node, NavigableString) and not isinstance(node, PreformattedString):
                found.append(node)
            node = node.next_sibling
        return found

    def drop(self, el: Tag) -> None:
        """Remove an element but keep the text that follows it, unless that is only spaces."""
        if self.parent(el) is None:
            return
        tail = self.tail(el)
        if not "".join(tail).strip():
            self.gone.update(id(s) for s in tail)
        self.gone.add(id(el))
        self._forget(el)

    def unwrap(self, el: Tag) -> None:
        self.opened.add(id(el))
        self._forget(el)

    def gather(self, elements: list[Tag]) -> Gathered:
        """One container for sibling elements, each with the text after it unless only spaces."""
        contents: list = []
        for el in elements:
            contents.append(el)
            tail = self.tail(el)
            if "".join(tail).strip():
                contents.extend(tail)
        container = Gathered(contents)
        for el in elements:
            self.adopted[id(el)] = container
        return container

    def _forget(self, el: Node) -> None:
        node = self.adopted.get(id(el)) or el.parent
        while node is not None:
            key = id(node)
            self._kids.pop(key, None)
            self._raw.pop(key, None)
            self._text.pop(key, None)
            self._linked.pop(key, None)
            node = self.adopted.get(id(node)) or node.parent


def attr(el: Node, name: str) -> str | None:
    """An attribute as one string (bs4 splits class and rel into lists)."""
    value = el.get(name)
    return " ".join(value) if isinstance(value, list) else value


def label(el: Node) -> str:
    """The class and id of an element as one string, for the class/id hint patterns."""
    return f"{attr(el, 'class') or ''} {attr(el, 'id') or ''}".strip()


def matches(name: str, el: Node) -> bool:
    text = label(el)
    return bool(text) and hinted(name, text)


@lru_cache(maxsize=8192)
def hinted(name: str, text: str) -> bool:
    """Whether phrase list ``name`` matches a class/id label (labels repeat across a page)."""
    return pattern(name).search(text) is not None


def class_weight(el: Node) -> int:
    """Readability's class weight: +25 for body-like names, -25 for chrome-like ones."""
    text = label(el)
    if el.get("itemprop") in ("articleBody", "text"):
        return 50
    if not text:
        return 0
    weight = 0
    if hinted("html_negative", text):
        weight -= 25
    if hinted("html_positive", text):
        weight += 25
    return weight


def tag_of(el: object) -> str:
    return getattr(el, "name", None) or ""
