"""Which rule file belongs to a page: matched on its URL's host like ftr-site-config.

For ``news.example.com`` the files tried are, in order: ``news.example.com.txt``; for a host
starting with "www." the host without it; then the leading-dot wildcards of its parent domains,
nearest first (``.example.com.txt`` covers every subdomain of example.com, not example.com).
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit


def host_of(url: str | None) -> str | None:
    """The host of an http(s) URL, lower case, without port or trailing dot."""
    if not url:
        return None
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None
    return host.rstrip(".") or None


def candidates(host: str) -> list[str]:
    """The rule file names that may hold the rule for ``host``, most specific first."""
    names = [f"{host}.txt"]
    if host.startswith("www.") and host.count(".") > 1:
        names.append(f"{host[4:]}.txt")
    labels = host.split(".")
    # A wildcard needs a registrable-looking parent: ".com.txt" would match half the web.
    names += [f".{'.'.join(labels[i:])}.txt" for i in range(1, len(labels) - 1)]
    return names


def find(url: str | None, directory: Path) -> Path | None:
    """The rule file for the page at ``url`` in ``directory``, or None."""
    host = host_of(url)
    if host is None:
        return None
    present = _listing(directory)
    return next((directory / n for n in candidates(host) if n in present), None)


@cache
def _listing(directory: Path) -> frozenset[str]:
    # Listed once: a page should not cost a handful of stat() calls.
    try:
        return frozenset(n for n in os.listdir(directory) if n.endswith(".txt"))
    except OSError:
        return frozenset()
