"""The tags of one parsed page, listed once, for the many lookups describe makes.

Each ``find_all`` walks every node of the page again, and one with attribute conditions runs
bs4's generic matcher on each; describe asks a dozen such questions per page. Here the page is
walked once; a lookup filters only the tags that could match, with the same bs4 matcher, so it
finds what ``find_all`` finds, in page order.
"""

from __future__ import annotations

from typing import Any

from bs4 import SoupStrainer, Tag


class Tags:
    """Every Tag under ``dom`` in page order, by name and by attribute."""

    def __init__(self, dom: Any) -> None:
        self.dom = dom
        self.all: list[Tag] = [node for node in dom.descendants if isinstance(node, Tag)]
        self._by_name: dict[str, list[Tag]] = {}
        for tag in self.all:
            self._by_name.setdefault(tag.name, []).append(tag)
        self._by_attr: dict[str, list[Tag]] = {}

    @classmethod
    def of(cls, dom: Any) -> Tags:
        """``dom`` itself when it is already listed, else its listing."""
        return dom if isinstance(dom, Tags) else cls(dom)

    def named(self, name: str) -> list[Tag]:
        """``dom.find_all(name)``."""
        return self._by_name.get(name, [])

    def having(self, attr: str) -> list[Tag]:
        """The tags that carry ``attr`` at all."""
        found = self._by_attr.get(attr)
        if found is None:
            found = self._by_attr[attr] = [tag for tag in self.all if attr in tag.attrs]
        return found

    def find_all(self, strainer: SoupStrainer, among: list[Tag] | None = None,
                 limit: int | None = None) -> list[Tag]:
        """``dom.find_all`` with the strainer's conditions, looking only at ``among`` (a
        superset of the matches, in page order; all tags when None)."""
        found = [tag for tag in (self.all if among is None else among) if strainer.match(tag)]
        return found[:limit] if limit else found
