"""Accessibility: the page's language, one h1, alt text, a skip link, visible focus, WCAG AA
contrast in the light and the dark scheme (and in print), a print stylesheet.

The contrast check reads every stylesheet of the theme: each colour a rule gives text, on each
colour a rule gives a background, in each scheme (custom properties of :root, then of the dark
and print @media blocks)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sitebuild import REPO, soup
from standin import build_site

STYLE = REPO / "theme" / "static" / "css" / "style.css"
TEXT_AA = 4.5  # WCAG 2.x 1.4.3, normal-size text
NON_TEXT_AA = 3.0  # WCAG 2.x 1.4.11, e.g. the focus outline


@pytest.fixture(scope="module")
def output(tmp_path_factory) -> Path:
    return build_site(tmp_path_factory.mktemp("a11y"))


def pages(output: Path) -> list[Path]:
    return sorted(output.rglob("*.html"))


@pytest.mark.slow
def test_exactly_one_h1_per_page(output):
    for page in pages(output):
        assert len(soup(page).find_all("h1")) == 1, page.relative_to(output)


@pytest.mark.slow
def test_html_lang_is_the_articles_language_else_the_sites(output):
    langs = {p.relative_to(output).as_posix(): soup(p).html["lang"] for p in pages(output)}
    assert langs.pop("articles/daily-planet/newer.html") == "pt"
    assert set(langs.values()) == {"en"}
    page = soup(output / "articles" / "daily-planet" / "newer.html")
    # The site's own words on that page say they are English.
    for selector in (".site-header", ".site-footer", ".skip-link", ".clipping > footer",
                     ".clipping .meta"):
        assert page.select_one(selector)["lang"] == "en", selector
    assert page.select_one(".body").get("lang") is None


@pytest.mark.slow
def test_every_img_has_alt_text(output):
    for page in pages(output):
        for img in soup(page).find_all("img"):
            alt = (img.get("alt") or "").strip()
            decorative = img.get("alt") == "" and img.get("role") in ("presentation", "none")
            assert alt or decorative, (page.relative_to(output), str(img))


@pytest.mark.slow
def test_skip_link_comes_first_and_lands_on_main(output):
    for page in pages(output):
        html = soup(page)
        first = html.body.find(["a", "button", "input", "select", "textarea"])
        assert first is not None and "skip-link" in first.get("class", []), page
        assert first["href"] == "#main"
        assert html.find(id="main").name == "main"


# --- the stylesheets -------------------------------------------------------------------------

# Text exempt from 1.4.3 as part of an inactive control: the A-Z letters nobody's name starts with.
INACTIVE = {".az span"}


def stylesheets() -> str:
    """Every stylesheet of the theme, style.css first, comments removed."""
    paths = sorted(STYLE.parent.glob("*.css"), key=lambda p: (p != STYLE, p.name))
    css = "\n".join(p.read_text(encoding="utf-8") for p in paths)
    return re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)


def custom_properties(block: str) -> dict[str, str]:
    return dict(re.findall(r"(--[\w-]+)\s*:\s*([^;]+);", block))


def root_blocks(css: str) -> str:
    """The bodies of the ':root { ... }' rules in ``css``, outside any @media."""
    flat = re.sub(r"@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}", "", css)
    return "\n".join(re.findall(r":root\s*\{([^{}]*)\}", flat))


def media_blocks(css: str, query: str) -> str:
    """Everything inside every '@media <query> { ... }', nested rules included."""
    found = []
    for start in [m.start() for m in re.finditer(re.escape(f"@media {query}"), css)]:
        depth, i = 0, css.index("{", start)
        for j in range(i, len(css)):
            depth += {"{": 1, "}": -1}.get(css[j], 0)
            if depth == 0:
                found.append(css[i + 1:j])
                break
    assert found, f"no @media {query}"
    return "\n".join(found)


def schemes() -> dict[str, dict[str, str]]:
    css = stylesheets()
    light = custom_properties(root_blocks(css))

    def inner(query: str) -> str:
        return "\n".join(re.findall(r":root\s*\{([^{}]*)\}", media_blocks(css, query)))

    dark = {**light, **custom_properties(inner("(prefers-color-scheme: dark)"))}
    printed = {**light, **custom_properties(inner("print"))}
    return {"light": light, "dark": dark, "print": printed}


def rules() -> list[tuple[set[str], str]]:
    """(selectors, declarations) of every innermost rule, inactive controls left out."""
    found = []
    for selectors, body in re.findall(r"([^{}]*)\{([^{}]*)\}", stylesheets()):
        names = {s.strip() for s in selectors.split(",")}
        if not names <= INACTIVE:
            found.append((names, body))
    return found


def variables(body: str, property_pattern: str) -> set[str]:
    values = re.findall(rf"(?<![\w-])(?:{property_pattern})\s*:\s*([^;}}]+)", body)
    return {v for value in values for v in re.findall(r"var\((--[\w-]+)\)", value)}


def used(property_pattern: str) -> set[str]:
    """The custom properties the theme uses for a CSS property (color, background, ...)."""
    return {v for _names, body in rules() for v in variables(body, property_pattern)}


def text_on_backgrounds() -> set[tuple[str, str]]:
    """(text, background) pairs to check: every text colour on a background that does not say
    its own text colour; on one that does, that colour ('inherit' is the body text, --fg)."""
    texts = used("color")
    pairs = set()
    for _names, body in rules():
        for background in variables(body, "background|background-color"):
            own = variables(body, "color")
            inherits = re.search(r"(?<![\w-])color\s*:\s*inherit", body)
            shown = own | ({"--fg"} if inherits else set()) if (own or inherits) else texts
            pairs |= {(text, background) for text in shown}
    return pairs


def luminance(colour: str) -> float:
    colour = colour.strip().lstrip("#")
    if len(colour) == 3:
        colour = "".join(c * 2 for c in colour)
    assert re.fullmatch(r"[0-9a-fA-F]{6}", colour), f"not a hex colour: {colour!r}"

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_of_the_formula():
    assert contrast("#000", "#fff") == pytest.approx(21.0)
    assert contrast("#767676", "#fff") == pytest.approx(4.54, abs=0.01)


def test_text_colours_meet_wcag_aa_on_every_background_in_every_scheme():
    pairs = text_on_backgrounds()
    texts = {text for text, _ in pairs}
    assert {"--fg", "--muted", "--link", "--visited"} <= texts
    assert {("--fg", "--bg"), ("--muted", "--note-bg")} <= pairs
    for scheme, values in schemes().items():
        for text, background in sorted(pairs):
            ratio = contrast(values[text], values[background])
            assert ratio >= TEXT_AA, f"{scheme}: {text} on {background} is {ratio:.2f}:1"


def test_focus_outline_is_visible_in_every_scheme():
    css = STYLE.read_text(encoding="utf-8")
    assert re.search(r"(^|[\s,}]):focus-visible\s*[,{]", css), "no rule for every focused element"
    outlines = used("outline|outline-color")
    assert outlines, "focus styles set no outline colour"
    for scheme, values in schemes().items():
        for outline in outlines:
            for background in used("background|background-color"):
                ratio = contrast(values[outline], values[background])
                assert ratio >= NON_TEXT_AA, f"{scheme}: {outline} on {background} {ratio:.2f}:1"


def test_print_stylesheet_hides_navigation_and_shows_link_targets():
    css = re.sub(r"/\*.*?\*/", "", STYLE.read_text(encoding="utf-8"), flags=re.DOTALL)
    printed = media_blocks(css, "print")
    hidden = re.search(r"([^{}]+)\{\s*display:\s*none", printed)
    assert hidden and ".skip-link" in hidden.group(1) and "nav" in hidden.group(1)
    assert 'attr(href)' in printed
