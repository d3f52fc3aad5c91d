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


def collapse_spaces(text: str) -> str:
    """SPACES.sub(" ", text), without the regex: every run of white space becomes one space."""
    words = text.split()
    if not words:
        return " " if text else ""
    return (" " if text[0].isspace() else "") + " ".join(words) + (
        " " if text[-1].isspace() else "")
MODIFIER = re.compile(r"--[\w-]*")
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
    attrs: dict = {}  # read only: a gathered container has no attributes

    def __init__(self, contents: list) -> None:
        self.contents = contents

    def get(self, name: str, default: str | None = None) -> str | None:
        return default


Node = Tag | Gathered

# Which kinds of node a walk sees: elements and text, not comments, CDATA, doctypes and the like.
_KEPT: dict[type, bool] = {Tag: True, NavigableString: True}


def _keeps(kind: type) -> bool:
    kept = _KEPT[kind] = issubclass(kind, Tag) or (
        issubclass(kind, NavigableString) and not issubclass(kind, PreformattedString))
    return kept


class View:
    """The shared tree minus what the cleaner removed. Nodes are keyed by ``id()``: a bs4 Tag
    hashes and compares by its serialised markup."""

    def __init__(self) -> None:
        self.gone: set[int] = set()
        self.opened: set[int] = set()  # unwrapped: their children stand in their place
        self.adopted: dict[int, Gathered] = {}
        self.kept: set[int] = set()  # the article's own parts, whatever their class says
        # Each element's children still there, dropped for every list that showed a removed node.
        self._nodes: dict[int, list] = {}
        # Caches, dropped for an element's ancestors when something inside it is removed.
        self._kids: dict[int, list[Tag]] = {}
        self._raw: dict[int, str] = {}
        self._text: dict[int, str] = {}
        self._linked: dict[int, int] = {}
        # iter(): an element and everything below it in document order, and per tag name set;
        # dropped for every element above one whose children list was dropped.
        self._order: dict[int, list[Tag]] = {}
        self._named: dict[int, dict[frozenset[str], list[Tag]]] = {}

    def nodes(self, el: Node) -> list[Tag | NavigableString]:
        """The children of ``el`` still there: elements and text (comments and the like never).
        Do not change the list."""
        found = self._nodes.get(id(el))
        if found is None:
            found = self._nodes[id(el)] = self._children(el)
        return found

    def _children(self, el: Node) -> list[Tag | NavigableString]:
        kept = _KEPT
        if not self.gone and not self.opened:
            return [child for child in el.contents
                    if kept.get(type(child)) or _keeps(type(child))]
        gone, opened = self.gone, self.opened
        found: list[Tag | NavigableString] = []
        for child in el.contents:
            if id(child) in gone or not (kept.get(type(child)) or _keeps(type(child))):
                continue
            if id(child) in opened:
                found.extend(self.nodes(child))
            else:
                found.append(child)
        return found

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
            found = self._kids[id(el)] = self._elements(el)
        return found

    def _elements(self, el: Node) -> list[Tag]:
        """The elements in ``nodes(el)``, read off the tree (no children list needed)."""
        gone, opened = self.gone, self.opened
        if not gone and not opened:
            return [child for child in el.contents if type(child) is Tag
                    or (type(child) is not NavigableString and isinstance(child, Tag))]
        found: list[Tag] = []
        for child in el.contents:
            kind = type(child)
            if kind is NavigableString or id(child) in gone:
                continue
            if kind is Tag or isinstance(child, Tag):
                if id(child) in opened:
                    found.extend(self._elements(child))
                else:
                    found.append(child)
        return found

    def iter(self, el: Node, names: Iterable[str] | None = None) -> Iterator[Tag]:
        """``el`` and the elements below it in document order, optionally only these tags."""
        return iter(self._in_order(el, names))

    def below(self, el: Node, names: Iterable[str] | None = None) -> Iterator[Tag]:
        """The elements below ``el`` (itself left out)."""
        found = iter(self._in_order(el, names))
        if names is None or el.name in names:
            next(found, None)
        return found

    def _in_order(self, el: Node, names: Iterable[str] | None) -> list[Tag]:
        key = id(el)
        order = self._order.get(key)
        if order is None:
            order = self._order[key] = self._walk(el)
        if names is None:
            return order
        wanted = names if isinstance(names, frozenset) else frozenset(names)
        named = self._named.setdefault(key, {})
        found = named.get(wanted)
        if found is None:
            found = named[wanted] = [node for node in order if node.name in wanted]
        return found

    def _walk(self, el: Node) -> list[Tag]:
        if not self.gone and not self.opened and isinstance(el, Tag):
            return _tree_order(el)  # nothing removed yet: the tree itself, without the lists
        cache, kids = self._kids, self.kids
        order = []
        stack = [el]
        while stack:
            node = stack.pop()
            order.append(node)
            found = cache.get(id(node))
            if found is None:
                found = kids(node)
            if found:
                stack.extend(reversed(found))
        return order

    def parent(self, el: Node) -> Node | None:
        if self.adopted or self.opened:
            parent = self.adopted.get(id(el)) or el.parent
            while parent is not None and id(parent) in self.opened:
                parent = parent.parent
        else:
            parent = el.parent
        return None if isinstance(parent, BeautifulSoup) else parent

    def ancestors(self, el: Node) -> Iterator[Node]:
        parent = self.parent(el)
        while parent is not None:
            yield parent
            parent = self.parent(parent)

    def within(self, el: Node, container: Node) -> bool:
        """Whether ``el`` is still below ``container`` (nothing between them was removed)."""
        gone, adopted = self.gone, self.adopted
        node = el
        while node is not container:
            if id(node) in gone:
                return False
            node = (adopted.get(id(node)) or node.parent) if adopted else node.parent
            if node is None:
                return False
        return True

    def raw_text(self, el: Node) -> str:
        """All the text below ``el``, as lxml's text_content() (cached until something inside
        is removed)."""
        found = self._raw.get(id(el))
        if found is not None:
            return found
        if not self.gone and not self.opened:
            return self._raw_of_tree(el)
        return self._raw_below(el)

    def _raw_of_tree(self, el: Node) -> str:
        """raw_text() while nothing is removed: read off the tree, without children lists."""
        cache = self._raw
        pieces = []
        for child in el.contents:
            kind = type(child)
            if kind is NavigableString:
                pieces.append(child)
            elif kind is Tag or (kind is not NavigableString and isinstance(child, Tag)):
                inner = cache.get(id(child))
                pieces.append(inner if inner is not None else self._raw_of_tree(child))
            elif _KEPT.get(kind) or _keeps(kind):
                pieces.append(child)
        found = cache[id(el)] = "".join(pieces)
        return found

    def _raw_below(self, el: Node) -> str:
        cache = self._raw
        nodes = self._nodes.get(id(el))
        if nodes is None:
            nodes = self.nodes(el)
        pieces = []
        for node in nodes:
            if isinstance(node, str):
                pieces.append(node)
            else:
                inner = cache.get(id(node))
                pieces.append(inner if inner is not None else self._raw_below(node))
        found = cache[id(el)] = "".join(pieces)
        return found

    def text(self, el: Node) -> str:
        key = id(el)
        found = self._text.get(key)
        if found is None:
            # the same as SPACES.sub(" ", ...).strip(): str.split() and \s agree on spaces
            found = self._text[key] = " ".join(self.raw_text(el).split())
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
        if id(el) not in self.adopted:
            return self._strings_after(el, parent)
        after = False
        for node in self.nodes(parent):
            if node is el:
                after = True
            elif after:
                if isinstance(node, Tag):
                    break
                found.append(node)
        return found

    def _strings_after(self, el: Tag, parent: Node) -> list[NavigableString]:
        """The text after ``el`` in ``nodes(parent)`` up to the next element, read off the tree:
        the list itself is rebuilt after every removal, and unwrapped elements make it long."""
        node = el
        if id(el) in self.opened:
            return []  # its children stand in its place: it is not in the list itself
        while node is not parent:
            if id(node) in self.gone:
                return []
            node = node.parent
        found: list[NavigableString] = []
        for node in self._after(el, parent):
            if isinstance(node, Tag):
                break
            found.append(node)
        return found

    def _after(self, el: Tag, parent: Node) -> Iterator[Tag | NavigableString]:
        """What follows ``el`` in ``nodes(parent)``; the elements in between are unwrapped."""
        node = el
        while node is not parent:
            sibling = node.next_sibling
            while sibling is not None:
                yield from self._flat(sibling)
                sibling = sibling.next_sibling
            node = node.parent

    def _flat(self, node: Tag | NavigableString) -> Iterator[Tag | NavigableString]:
        """``node`` as ``nodes()`` lists it: not at all, itself, or its children if unwrapped."""
        if id(node) in self.gone or not (_KEPT.get(type(node)) or _keeps(type(node))):
            return
        if id(node) in self.opened:
            for child in node.contents:
                yield from self._flat(child)
        else:
            yield node

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

    def keep(self, el: Tag) -> None:
        """Never remove this element, nor anything that holds it."""
        self.kept.add(id(el))
        self.kept.update(id(parent) for parent in el.parents)

    def drop(self, el: Tag) -> None:
        """Remove an element but keep the text that follows it, unless that is only spaces."""
        if self.parent(el) is None or id(el) in self.kept:
            return
        tail = self.tail(el)
        if not "".join(tail).strip():
            for text in tail:
                self.gone.add(id(text))
                self._unlist(text)
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
        if not self.adopted:
            self._forget_above(el)
            return
        node = self.adopted.get(id(el)) or el.parent
        while node is not None:
            key = id(node)
            self._kids.pop(key, None)
            self._raw.pop(key, None)
            self._text.pop(key, None)
            self._linked.pop(key, None)
            node = self.adopted.get(id(node)) or node.parent
        self._unlist(el)
        # iter() lists read the children lists just dropped: every element above may hold them
        containers = [el.parent, self.adopted.get(id(el))]
        while containers:
            node = containers.pop()
            if node is None:
                continue
            key = id(node)
            if self._order.pop(key, None) is not None:
                self._named.pop(key, None)
            containers.append(node.parent)
            containers.append(self.adopted.get(key))

    def _forget_above(self, el: Node) -> None:
        """_forget() while nothing is gathered: the ancestors are the parents."""
        kids, raw, text, linked = self._kids, self._raw, self._text, self._linked
        order, named = self._order, self._named
        node = el.parent
        while node is not None:
            key = id(node)
            kids.pop(key, None)
            raw.pop(key, None)
            text.pop(key, None)
            linked.pop(key, None)
            order.pop(key, None)
            named.pop(key, None)
            node = node.parent
        self._unlist(el)

    def _unlist(self, node: Node | NavigableString) -> None:
        """Drop the children lists that showed ``node``: its parent's, its gathered container's,
        and those an unwrapped parent's children stand in."""
        if not self.adopted and not self.opened:
            self._nodes.pop(id(node.parent), None)
            return
        shown_in = [node.parent, self.adopted.get(id(node))]
        if isinstance(node, NavigableString):
            shown_in.extend(set(self.adopted.values()))  # gathered tails
        while shown_in:
            container = shown_in.pop()
            if container is None:
                continue
            key = id(container)
            self._nodes.pop(key, None)
            if key in self.opened:
                shown_in.append(container.parent)
                shown_in.append(self.adopted.get(key))


def _tree_order(el: Tag) -> list[Tag]:
    """``el`` and every element below it, in document order."""
    order: list[Tag] = []
    add = order.append

    def visit(node: Tag) -> None:
        add(node)
        for child in node.contents:
            kind = type(child)
            if kind is Tag or (kind is not NavigableString and isinstance(child, Tag)):
                visit(child)

    visit(el)
    return order


def attr(el: Node, name: str) -> str | None:
    """An attribute as one string (bs4 splits class and rel into lists)."""
    value = el.get(name)
    return " ".join(value) if isinstance(value, list) else value


def label(el: Node) -> str:
    """The class and id of an element as one string, for the class/id hint patterns."""
    attrs = el.attrs
    if not attrs:
        return ""
    names = attrs.get("class")
    if isinstance(names, list):
        names = " ".join(names)
    ident = attrs.get("id")
    if isinstance(ident, list):
        ident = " ".join(ident)
    if not ident:
        return names.strip() if names else ""
    return f"{names} {ident}".strip() if names else ident.strip()


def matches(name: str, el: Node) -> bool:
    """Whether phrase list ``name`` matches what an element is. BEM modifiers ("--adrail",
    "--has-share-bar") are left out: they name a variant or a neighbour, not the element."""
    text = label(el)
    return bool(text) and hinted(name, without_modifiers(text))


@lru_cache(maxsize=8192)
def without_modifiers(text: str) -> str:
    return MODIFIER.sub("", text)


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
