"""An allow-list serializer: a BeautifulSoup tree (or an HTML string) → safe, well-formed HTML.

Everything the site shows passes through here. Nothing is copied as markup: the output is built
tag by tag from a short list of harmless elements and attributes, so an unknown trick cannot slip
through. Remote resources are never loaded: an image becomes a plain link to where it lives.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from bs4 import BeautifulSoup, Tag

from .hints import Node, View

# Elements copied as they are (attributes filtered below). h1 belongs to the page, not the body.
KEEP = frozenset(
    ["p", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "table",
     "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "figure", "figcaption", "em", "strong",
     "b", "i", "u", "s", "sub", "sup", "small", "br", "hr", "a", "code", "pre", "abbr", "cite", "q",
     "time", "mark", "del", "ins", "kbd", "var", "samp"]
)
RENAME = {"h1": "h2", "strike": "s", "tt": "code", "center": "p"}
# Dropped with everything inside: active content, forms, embeds, SVG, anything that loads.
DROP = frozenset(
    ["script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed",
     "applet", "param", "form", "input", "button", "select", "textarea", "option", "optgroup",
     "datalist", "output", "meta", "link", "base", "head", "title", "svg", "math", "canvas",
     "video", "audio", "source", "track", "map", "area", "dialog", "portal"]
)
VOID = frozenset({"br", "hr"})
# Void in browsers, but libxml2 lets them swallow the markup that follows: that markup is kept.
VOID_DROP = frozenset({"embed", "input", "source", "track", "param", "area", "link", "meta",
                       "base", "img", "wbr", "col", "keygen"})
BLOCK = frozenset(
    ["p", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "table",
     "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "figure", "figcaption", "pre", "hr"]
)
# Where a <figure> may stand; elsewhere a remote image becomes an inline link only.
FLOW_PARENTS = frozenset({"body", "div", "section", "article", "main", "figure", "blockquote",
                          "li", "td", "th", "dd", "header", "footer", "aside"})
CONTAINERS = frozenset({"div", "body", "section", "article", "main", "ul", "ol", "dl", "table",
                        "thead", "tbody", "tfoot", "tr", "figure", "blockquote", "header",
                        "footer", "aside"})
ATTRS = {
    "a": ("href", "title"),
    "td": ("colspan", "rowspan"),
    "th": ("colspan", "rowspan", "scope"),
    "ol": ("start", "reversed"),
    "time": ("datetime",),
    "abbr": ("title",),
}
COMMON_ATTRS = ("lang", "dir")
LINK_REL = "nofollow noopener noreferrer"
LOCAL_IMAGE = "data-clippings-local"  # an image file the publish stage may show from a local copy
LOCAL_FALLBACK = "data-clippings-alt-only"  # ... whose alt text stays as text if there is none
DATA_IMAGE = re.compile(r"^data:image/(?:png|jpe?g|gif|webp);base64,", re.IGNORECASE)
MAX_DATA_IMAGE = 14 * 1024 * 1024  # characters: a 10 MB picture in base64
SAFE_SCHEMES = ("http", "https", "mailto")
MAX_DEPTH = 180

SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
# Browsers ignore these anywhere in a URL, so "java\tscript:" is still javascript:.
URL_NOISE = re.compile(r"[\x00-\x20\x7f-\x9f\u00ad\u200b-\u200f\u2028\u2029\ufeff]")
XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
SPACES = re.compile(r"\s+")
ATTR_VALUE = {
    "colspan": re.compile(r"^\d{1,3}$"),
    "rowspan": re.compile(r"^\d{1,3}$"),
    "start": re.compile(r"^-?\d{1,6}$"),
    "reversed": re.compile(r"^(reversed)?$"),
    "scope": re.compile(r"^(row|col|rowgroup|colgroup)$"),
    "lang": re.compile(r"^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$"),
    "dir": re.compile(r"^(ltr|rtl|auto)$"),
}


def safe_url(url: str | None, base_url: str | None = None) -> str | None:
    """An absolute http(s)/mailto URL, or None for anything else (script, data, in-page, ...)."""
    if not url:
        return None
    cleaned = URL_NOISE.sub("", url)
    if not cleaned or cleaned.startswith("#"):
        return None
    match = SCHEME.match(cleaned)
    if match:
        return cleaned if match.group(1).lower() in SAFE_SCHEMES else None
    if cleaned.startswith(("/\\", "\\")):  # "/\evil.example" is protocol-relative to browsers
        return None
    if not base_url:
        return None  # relative with nowhere to resolve against: keep the text, drop the link
    joined = urljoin(base_url, url.strip())
    match = SCHEME.match(URL_NOISE.sub("", joined))
    return joined if match and match.group(1).lower() in ("http", "https") else None


def sanitize(fragment: str, base_url: str | None = None) -> str:
    """Sanitize an HTML fragment (a string) into allow-listed, well-formed HTML."""
    if not fragment or not fragment.strip():
        return ""
    document = BeautifulSoup(fragment, "lxml")
    body = document.body
    return sanitize_children(body if body is not None else document, base_url)


def sanitize_children(element: Node, base_url: str | None = None,
                      view: View | None = None) -> str:
    """The allow-listed HTML of what is inside ``element`` (the element's own tag is left out),
    skipping what ``view`` says was removed."""
    out: list[str] = []
    _Writer(out, base_url, view or View()).children(element, depth=0, in_link=False, tag="div")
    return "".join(out).strip()


class _Writer:
    def __init__(self, out: list[str], base_url: str | None, view: View) -> None:
        self.out = out
        self.base_url = base_url
        self.view = view

    def children(self, element: Node, depth: int, in_link: bool, tag: str) -> None:
        pre = tag == "pre"
        # Layout whitespace between blocks says nothing; inside a paragraph it separates words.
        keep_blank = tag not in CONTAINERS
        for part in self.view.parts(element):
            if isinstance(part, str):
                if keep_blank or part.strip():
                    self.out.append(_text(part, pre))
            else:
                self.element(part, depth + 1, in_link, tag, pre)

    def element(self, el: Tag, depth: int, in_link: bool, parent: str, pre: bool) -> None:
        tag = RENAME.get(el.name, el.name)
        if tag in DROP:
            if tag in VOID_DROP and self.view.kids(el):
                self.children(el, depth, in_link, parent)
            return
        if depth > MAX_DEPTH:  # hostile nesting: keep the words, not the structure
            self.out.append(_text(self.view.raw_text(el), pre))
            return
        if tag == "img":
            self.image(el, in_link, parent)
            if self.view.kids(el):
                self.children(el, depth, in_link, parent)
            return
        if tag not in KEEP or (tag == "a" and in_link):
            self.children(el, depth, in_link, parent)  # unknown wrapper: keep its content only
            return
        start = len(self.out)
        self.out.append(f"<{tag}{self.attributes(el, tag)}>")
        if tag in VOID:
            self.out[-1] = f"<{tag}/>"
            if tag == "hr":
                self.out.append("\n")
            return
        self.children(el, depth, in_link or tag == "a", tag if tag != "a" else parent)
        if tag not in ("td", "th") and not "".join(self.out[start + 1:]).strip():
            del self.out[start:]  # an empty paragraph or list item shows nothing
            return
        self.out.append(f"</{tag}>\n" if tag in BLOCK else f"</{tag}>")

    def attributes(self, el: Tag, tag: str) -> str:
        parts = []
        for name in ATTRS.get(tag, ()) + COMMON_ATTRS:
            value = el.get(name)
            if value is None:
                continue
            if isinstance(value, list):
                value = " ".join(value)
            if name == "href":
                value = safe_url(value, self.base_url)
                if value is None:
                    continue
            elif name in ATTR_VALUE and not ATTR_VALUE[name].match(value.strip()):
                continue
            parts.append(f' {name}="{_escape(value.strip(), quote=True)}"')
        if tag == "a" and any(p.startswith(" href=") for p in parts):
            parts.append(f' rel="{LINK_REL}"')
        return "".join(parts)

    def image(self, el: Tag, in_link: bool, parent: str) -> None:
        src = image_source(el, self.base_url)
        alt = SPACES.sub(" ", el.get("alt") or el.get("title") or "").strip()
        local = local_image(el, src)
        if local:
            # A file the scrape may carry beside it (a saved page's _files folder): the publish
            # stage shows it from the local copy, or removes this placeholder. Never loaded as is.
            # Without a remote link beside it, the alt text is all that stays if no file is found.
            fallback = "" if src else f' {LOCAL_FALLBACK}=""'
            self.out.append(f'<img {LOCAL_IMAGE}="{_escape(local, quote=True)}"{fallback} '
                            f'alt="{_escape(alt, quote=True)}"/>')
        if not src and not alt:
            return
        label = _escape(alt or "Image")
        if local and not src:
            return  # the placeholder's alt says it; publish puts it back as text if no file
        if in_link or not src:
            self.out.append(f"[{label}]" if not in_link else label)
            return
        link = f'<a href="{_escape(src, quote=True)}" rel="{LINK_REL}">{label}</a>'
        if parent in FLOW_PARENTS and parent != "figure":
            self.out.append(f'<figure class="remote-image"><figcaption>{link}</figcaption>'
                            "</figure>\n")
        else:
            self.out.append(link)


def local_image(el: Tag, src: str | None) -> str | None:
    """What names the image's bytes where the archive may hold them: a plain relative path (a
    saved page's ``page_files/a.png``), an inline ``data:image/...;base64`` picture (SingleFile),
    or the absolute URL ``src`` (an imported WARC or MHTML keeps images by URL). None otherwise."""
    for name in ("data-src", "data-original", "data-lazy-src", "data-url", "src"):
        value = URL_NOISE.sub("", el.get(name) or "")
        if not value:
            continue
        if DATA_IMAGE.match(value):
            return value if len(value) <= MAX_DATA_IMAGE else None
        if SCHEME.match(value) or value.startswith(("/", "\\", "#")) or "\\" in value:
            return src
        parts = value.split("?")[0].split("#")[0].removeprefix("./").split("/")
        if not parts[-1] or any(part in ("", ".", "..") for part in parts):
            return src
        return "/".join(parts)
    return None


def image_source(el: Tag, base_url: str | None) -> str | None:
    """The original URL of an image (lazy-loading attributes first), made absolute, or None."""
    for name in ("data-src", "data-original", "data-lazy-src", "data-url", "src"):
        url = safe_url(el.get(name), base_url)
        if url and not url.startswith("mailto:"):
            return url
    return None


def _text(value: str, pre: bool) -> str:
    return _escape(value if pre else SPACES.sub(" ", value))


def _escape(value: str, quote: bool = False) -> str:
    value = XML_ILLEGAL.sub("", value)
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return value.replace('"', "&quot;") if quote else value
