"""Fetching one page over HTTP(S): a timeout, a size cap, a redirect limit, a content-type check
and a User-Agent that says who is asking. Nothing but the page itself is requested."""

from __future__ import annotations

import urllib.error
import urllib.request
from email.message import Message
from typing import IO

from ..read.decode import max_bytes
from .item import Failure, Item, now

TIMEOUT = 20  # seconds, for connecting and for each read
MAX_REDIRECTS = 5
USER_AGENT = "Clippings/0.1 (personal news archive; `clippings import` of one page; urllib)"
PAGE_TYPES = {"text/html": ".html", "application/xhtml+xml": ".html", "text/plain": ".txt"}
CHUNK = 64 * 1024


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        # Only to the web again: never to file:, ftp: or anything else a server may name.
        if not newurl.lower().startswith(("http://", "https://")):
            raise urllib.error.HTTPError(newurl, code, "redirect to a non-HTTP URL refused",
                                         headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _opener() -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(_Redirects())


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def fetch(url: str) -> Item | Failure:
    """The page at ``url`` as an Item, or a Failure saying why not."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT,
                                                   "Accept": ", ".join(PAGE_TYPES)})
    try:
        with _opener().open(request, timeout=TIMEOUT) as response:
            return _page(url, response)
    except urllib.error.HTTPError as exc:
        if 300 <= exc.code < 400:  # a loop, too many hops, or a hop off the web
            return Failure(url, f"redirect refused ({exc.code}: {exc.reason})")
        return Failure(url, f"the server answered {exc.code} {exc.reason}")
    except urllib.error.URLError as exc:
        return Failure(url, f"could not be fetched ({exc.reason})")
    except TimeoutError:
        return Failure(url, f"timed out after {TIMEOUT} s")
    except (OSError, ValueError) as exc:
        return Failure(url, f"could not be fetched ({exc})")


def _page(url: str, response: IO[bytes]) -> Item | Failure:
    headers: Message = response.headers  # type: ignore[attr-defined]
    kind = headers.get_content_type()
    if kind not in PAGE_TYPES:
        return Failure(url, f"is {kind}, not a web page or text (text/html, text/plain)")
    limit = max_bytes()
    declared = headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > limit:
        return Failure(url, _too_large(limit))
    chunks, size = [], 0
    while chunk := response.read(CHUNK):
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            return Failure(url, _too_large(limit))
    final = response.geturl()  # type: ignore[attr-defined]
    return Item(name=url, raw=b"".join(chunks), ext=PAGE_TYPES[kind], obtained="http",
                original_name=final.rstrip("/").rsplit("/", 1)[-1] or final, url=final,
                retrieved_at=now())


def _too_large(limit: int) -> str:
    return (f"is larger than the {limit // (1024 * 1024)} MB limit "
            "(set CLIPPINGS_MAX_BYTES to raise it)")

