"""The allow-list sanitizer: nothing active, nothing remote, always well-formed."""

from __future__ import annotations

import pytest
from clippings.clean.sanitize import safe_url, sanitize
from lxml import etree

BASE = "https://news.example.org/section/story.html"


def well_formed(html: str) -> etree._Element:
    return etree.fromstring(f"<div>{html}</div>")  # raises on anything not well-formed


def test_script_and_its_text_are_dropped():
    out = sanitize("<p>Hello</p><script>alert('x')</script><p>world</p>")
    assert "script" not in out and "alert" not in out
    assert "<p>Hello</p>" in out and "<p>world</p>" in out


def test_event_handler_attributes_are_dropped():
    out = sanitize('<p onclick="steal()">Text<img src=x onerror="steal()"></p>', BASE)
    assert "onclick" not in out and "onerror" not in out and "steal" not in out


@pytest.mark.parametrize("href", [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;&#x61;vascript:alert(1)",
    "javascript&#58;alert(1)",
    "&#0000106avascript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "\x01javascript:alert(1)",
    "java\u200bscript:alert(1)",
])
def test_dangerous_urls_are_dropped_but_the_text_stays(href):
    out = sanitize(f'<p><a href="{href}">click me</a></p>', BASE)
    assert "href" not in out
    assert "click me" in out
    assert "alert" not in out.lower().replace("click me", "")


def test_meta_refresh_link_base_and_style_are_dropped():
    out = sanitize('<meta http-equiv="refresh" content="0;url=https://evil.example/">'
                   '<link rel="stylesheet" href="https://evil.example/x.css">'
                   '<base href="https://evil.example/"><style>p{color:red}</style>'
                   '<p style="background:url(https://evil.example/t.png)">Text</p>')
    assert out == "<p>Text</p>"


@pytest.mark.parametrize("markup", [
    '<iframe src="https://evil.example/"></iframe>',
    '<object data="https://evil.example/x.swf"></object>',
    '<embed src="https://evil.example/x.swf">',
    '<form action="https://evil.example/"><input name="q"><button>Go</button></form>',
    '<video src="https://evil.example/v.mp4"></video>',
])
def test_embedding_and_form_elements_are_dropped(markup):
    out = sanitize(f"<p>Before</p>{markup}<p>After</p>", BASE)
    assert "evil" not in out
    for tag in ("iframe", "object", "embed", "form", "input", "button", "video"):
        assert f"<{tag}" not in out
    assert "Before" in out and "After" in out


def test_remote_image_becomes_a_figure_with_a_plain_link():
    out = sanitize('<div><img src="https://cdn.example.org/a.jpg" alt="A harbour" '
                   'srcset="https://cdn.example.org/a2.jpg 2x"></div>', BASE)
    assert "src=" not in out and "srcset" not in out  # a placeholder at most: nothing loads
    assert "<figure" in out
    assert 'href="https://cdn.example.org/a.jpg"' in out and "A harbour" in out
    well_formed(out)


def test_image_inside_a_paragraph_becomes_an_inline_link():
    out = sanitize('<p>See <img src="/pic.png" alt="the map"> here.</p>', BASE)
    assert "src=" not in out and "<figure" not in out
    assert 'href="https://news.example.org/pic.png"' in out
    well_formed(out)


def test_data_url_image_becomes_a_placeholder_with_its_alt_text():
    out = sanitize('<div><img src="data:image/png;base64,iVBORw0KGgo=" alt="A chart"></div>')
    # Only as the placeholder the publish stage turns into a local file (or back into the text).
    assert "src=" not in out and out.count("data:") == 1
    assert 'data-clippings-local="data:image/png;base64,' in out and 'alt="A chart"' in out


def test_svg_is_dropped_with_its_title():
    out = sanitize('<p>Share<svg><title>Facebook icon</title><use href="#fb"/></svg></p>')
    assert out == "<p>Share</p>"


def test_relative_links_are_made_absolute_with_a_base_and_get_rel():
    out = sanitize('<p><a href="../other.html">other</a> <a href="//cdn.example.org/x">x</a></p>',
                   BASE)
    assert 'href="https://news.example.org/other.html"' in out
    assert 'href="https://cdn.example.org/x"' in out
    assert out.count('rel="nofollow noopener noreferrer"') == 2


def test_relative_links_without_a_base_lose_the_href_and_keep_the_text():
    out = sanitize('<p><a href="/other.html">other</a> and '
                   '<a href="//cdn.example.org/">cdn</a></p>')
    assert "href" not in out and "other" in out and "cdn" in out


def test_links_cannot_carry_their_own_rel_or_target():
    out = sanitize('<p><a href="https://a.example/" rel="opener" target="_blank">a</a></p>')
    assert out == ('<p><a href="https://a.example/" rel="nofollow noopener noreferrer">a</a>'
                   "</p>")


def test_output_is_well_formed_for_broken_input():
    out = sanitize("<p>One <b>two <i>three</p><li>four<table><td>five & six < seven"
                   '<a href="https://x.example/?a=1&b="2"">q</a>')
    root = well_formed(out)
    assert "five &amp; six" in out and "seven" in "".join(root.itertext())


def test_attribute_values_are_escaped():
    out = sanitize('<p><a href="https://x.example/?q=&quot;&gt;&lt;script&gt;">x</a></p>')
    well_formed(out)
    assert "<script" not in out


def test_only_allowed_attributes_survive():
    out = sanitize('<table class="x" id="y"><tr><td colspan="2" data-x="1" '
                   'width="100">cell</td></tr></table>')
    assert 'colspan="2"' in out
    for name in ("class", "id", "data-x", "width"):
        assert f"{name}=" not in out


@pytest.mark.parametrize("url, expected", [
    ("https://example.org/a", "https://example.org/a"),
    ("HTTP://example.org/a", "HTTP://example.org/a"),
    ("mailto:desk@example.org", "mailto:desk@example.org"),
    ("#section-2", None),
    ("/\\evil.example", None),
    ("ftp://example.org/file", None),
    ("", None),
])
def test_safe_url(url, expected):
    assert safe_url(url, None) == expected


def test_empty_input():
    assert sanitize("") == ""
    assert sanitize("   ") == ""
