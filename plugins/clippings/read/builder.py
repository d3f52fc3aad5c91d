"""BeautifulSoup's lxml tree builder with the per-event bookkeeping done inline.

Building the tree cost about 18 ms of a page's ~20 ms read stage, nearly all of it Python
overhead per tag and string (generic constructors, keyword plumbing, namespace handling an HTML
page never uses), not libxml2 parsing. This builder takes the same libxml2 events from the same
parser and makes the same Tag and NavigableString objects with the same links, only with less
call overhead. Anything out of the ordinary (namespaced names) goes through bs4's own code, and
tests/test_tree_builder.py checks that the tree equals ``BeautifulSoup(text, "lxml")`` node for
node, on hand-made edge cases and on every page of the shared corpus.

It writes bs4's node attributes itself, so it is used only on the bs4 release line it was checked
against (``VERIFIED``); any other release gets bs4's own builder: slower, never wrong.
"""

from __future__ import annotations

from typing import Any

import bs4
from bs4 import BeautifulSoup
from bs4.builder import TreeBuilder
from bs4.builder._lxml import LXMLTreeBuilder
from bs4.element import AttributeValueList, NavigableString, Tag, nonwhitespace_re

_SPACES = BeautifulSoup.ASCII_SPACES
_ROOT = BeautifulSoup.ROOT_TAG_NAME
_MAIN_STRINGS = Tag.MAIN_CONTENT_STRING_TYPES
_new_tag = Tag.__new__
_new_string = str.__new__

# The bs4 release line whose Tag and NavigableString attributes this builder writes.
VERIFIED = "4.15."


def tree_builder() -> TreeBuilder:
    """A fresh builder for one page: the lean one on the verified bs4 line, bs4's own otherwise.
    Only the lean builder measures depth (``depth``); with bs4's own, callers walk the tree."""
    if bs4.__version__.startswith(VERIFIED):
        return LeanLXMLTreeBuilder()
    return LXMLTreeBuilder()


class LeanLXMLTreeBuilder(LXMLTreeBuilder):
    """Drop-in for bs4's "lxml" HTML builder:
    ``BeautifulSoup(text, builder=LeanLXMLTreeBuilder())``."""

    def initialize_soup(self, soup: BeautifulSoup) -> None:
        super().initialize_soup(soup)
        # A filter or custom element classes need bs4's own path for every event.
        self._plain = not soup.parse_only and not soup.element_classes
        self._listed: dict[str, frozenset[str]] = {}
        # How deep the tree goes, counted for free while it is built: a node's depth is the
        # number of open tags (the document included) when it starts.
        self.depth = 0

    def start(self, tag: Any, attrib: Any, nsmap: Any = None) -> None:
        soup = self.soup
        if (nsmap or not self._plain or len(self.nsmaps) > 1 or "{" in tag
                or (attrib and "{" in "".join(attrib))):
            super().start(tag, attrib, nsmap or {})
            self.depth = max(self.depth, len(soup.tagStack) - 1)
            return
        if soup.current_data:
            _end_data(soup)
        attrs = self.attribute_dict_class(attrib)
        if attrs:
            # Multi-valued attributes ("class", a link's "rel") become lists, as bs4 makes them.
            for key in attrs.keys() & self._list_attributes(tag):
                value = attrs[key]
                if isinstance(value, str):
                    attrs[key] = AttributeValueList(nonwhitespace_re.findall(value))
        parent = soup.currentTag
        previous = soup._most_recent_element
        siblings = parent.contents
        before = siblings[-1] if siblings else None
        containers = self.string_containers
        element = _new_tag(Tag)
        # The same attributes, in the same order, as Tag.__init__ sets with a builder.
        element.__dict__ = {
            "parser_class": soup.__class__,
            "name": tag,
            "namespace": None,
            "_namespaces": self.active_namespace_prefixes[-1] or {},
            "prefix": None,
            "sourceline": None,
            "sourcepos": None,
            "attribute_value_list_class": self.attribute_value_list_class,
            "attrs": attrs,
            "known_xml": self.is_xml,
            "contents": [],
            "parent": parent,
            "previous_element": previous,
            "next_element": None,
            "next_sibling": None,
            "previous_sibling": before,
            "hidden": False,
            "can_be_empty_element": tag in self.empty_element_tags,
            "cdata_list_attributes": self.cdata_list_attributes,
            "preserve_whitespace_tags": self.preserve_whitespace_tags,
            "interesting_string_types": ({containers[tag]} if tag in containers
                                         else _MAIN_STRINGS),
        }
        if previous is not None:
            previous.next_element = element
        if before is not None:
            before.next_sibling = element
        if tag == "meta":  # the only tag bs4's set_up_substitutions changes
            self.set_up_substitutions(element)
        soup._most_recent_element = element
        # BeautifulSoup.pushTag, inline.
        siblings.append(element)
        stack = soup.tagStack
        stack.append(element)
        if len(stack) > self.depth + 1:
            self.depth = len(stack) - 1
        soup.currentTag = element
        if tag != _ROOT:
            soup.open_tag_counter[tag] += 1
        if tag in self.preserve_whitespace_tags:
            soup.preserve_whitespace_tag_stack.append(element)
        if tag in containers:
            soup.string_container_stack.append(element)

    def _list_attributes(self, tag: str) -> frozenset[str]:
        listed = self._listed.get(tag)
        if listed is None:
            cdata = self.cdata_list_attributes or {}
            listed = frozenset(cdata.get("*", ())) | frozenset(cdata.get(tag.lower(), ()))
            self._listed[tag] = listed
        return listed

    def end(self, tag: Any) -> None:
        soup = self.soup
        if not self._plain or len(self.nsmaps) > 1 or "{" in tag:
            super().end(tag)
            return
        if soup.current_data:
            _end_data(soup)
        stack = soup.tagStack
        top = stack[-1]
        if len(stack) > 1 and top.name == tag and top.prefix is None:
            soup.popTag()  # what _popToTag does when the innermost open tag is the one closed
        else:
            soup._popToTag(tag, None)

    def data(self, data: Any) -> None:
        self.soup.current_data.append(data)


def _end_data(soup: BeautifulSoup) -> None:
    """BeautifulSoup.endData + object_was_parsed for a plain string, without a parse_only filter.

    The linkage fixer bs4 runs when a later child string joins an open tag is a no-op there: the
    open tag and its ancestors have no next sibling yet, and the new string no next element.
    """
    chunks = soup.current_data
    text = chunks[0] if len(chunks) == 1 else "".join(chunks)
    # Whitespace-only strings outside <pre>/<textarea> collapse to one space or newline.
    if not soup.preserve_whitespace_tag_stack and not text.strip(_SPACES):
        text = "\n" if "\n" in text else " "
    soup.current_data = []
    kind = NavigableString
    if soup.string_container_stack:
        kind = soup.builder.string_containers.get(soup.string_container_stack[-1].name, kind)
    parent = soup.currentTag
    previous = soup._most_recent_element
    siblings = parent.contents
    before = siblings[-1] if siblings else None
    string = _new_string(kind, text)
    string.__dict__ = {
        "hidden": False,
        "parent": parent,
        "previous_element": previous,
        "next_element": None,
        "next_sibling": None,
        "previous_sibling": before,
    }
    if previous is not None:
        previous.next_element = string
    if before is not None:
        before.next_sibling = string
    soup._most_recent_element = string
    siblings.append(string)
