"""Fuzzing the reader: whatever the bytes, read and extract either succeed or raise BadInput.

Any other exception is a crash, and a crash is a test failure. The deadline is generous (slow
shared machines) but catches a page that makes the pipeline hang for many seconds.
"""

from __future__ import annotations

from datetime import timedelta

from clippings import pipeline
from clippings.errors import BadInput
from clippings.read import read_bytes
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

BUDGET = settings(max_examples=200, deadline=timedelta(seconds=10), derandomize=True,
                  suppress_health_check=[HealthCheck.too_slow])

TAGS = ["html", "head", "body", "title", "meta", "article", "div", "p", "span", "a", "img",
        "figure", "figcaption", "h1", "h2", "script", "style", "svg", "table", "tr", "td", "ul",
        "li", "br", "base", "noscript", "template", "iframe", "math", "select", "option", "time"]
ATTRS = ["class", "id", "href", "src", "srcset", "charset", "content", "property", "name",
         "onload", "style", "datetime", "http-equiv", "itemprop", "data-src", "hidden"]
VALUES = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["javascript:alert(1)", "//evil.example/x.png", "https://example.com/a",
                     "data:image/png;base64,AAAA", "utf-8", "shift_jis", "x-unknown-charset",
                     "refresh", "article:published_time", "2021-02-30T25:61:00Z", "og:title",
                     "background:url(http://evil.example/)"]),
)


@st.composite
def markup(draw) -> str:
    """Tag soup: real tag names and attributes, unbalanced and nested at will."""
    parts = []
    for _ in range(draw(st.integers(0, 60))):
        choice = draw(st.integers(0, 3))
        tag = draw(st.sampled_from(TAGS))
        if choice == 0:
            attrs = draw(st.dictionaries(st.sampled_from(ATTRS), VALUES, max_size=3))
            shown = "".join(f' {k}="{v}"' for k, v in attrs.items())
            parts.append(f"<{tag}{shown}>")
        elif choice == 1:
            parts.append(f"</{tag}>")
        elif choice == 2:
            parts.append(draw(st.text(max_size=80)))
        else:
            parts.append(draw(st.sampled_from(["<!--", "-->", "<![CDATA[", "&amp;", "&#0;",
                                               "&#x110000;", "<?xml version='1.0'?>", "\x00",
                                               "<!DOCTYPE html>", "\ufeff", "\r\n"])))
    return "".join(parts)


def survives(raw: bytes, name: str) -> None:
    try:
        read_bytes(raw, name)
        pipeline.extract_bytes(raw, name, entities=False)
    except BadInput as exc:
        assert exc.path == name and exc.reason


@BUDGET
@given(st.binary(max_size=4096), st.sampled_from(["f.html", "f.txt", "f.html.gz"]))
def test_random_bytes_never_crash_the_reader(raw, name):
    survives(raw, name)


@BUDGET
@given(markup(), st.sampled_from(["utf-8", "utf-16", "cp1252", "shift_jis", "gb18030"]))
def test_tag_soup_never_crashes_the_reader(text, encoding):
    survives(text.encode(encoding, errors="replace"), "soup.html")


@BUDGET
@given(st.text(max_size=3000))
def test_any_text_dump_is_read(text):
    survives(text.encode("utf-8", errors="surrogatepass"), "dump.txt")
