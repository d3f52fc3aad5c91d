"""Errors a user can act on. Each names the file it is about."""

from __future__ import annotations


class BadInput(Exception):
    """A scrape that cannot become an article (empty, binary, too large, undecodable...)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
