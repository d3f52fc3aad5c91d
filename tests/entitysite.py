"""A small stand-in archive for the entity-page and feed tests: four articles with people and
places whose mentions are real offsets into the article text, dated and undated, with hostile
text. The pipeline is replaced (no spaCy), so a build takes a second."""

from __future__ import annotations

from pathlib import Path

import pytest
from clippings import pipeline
from clippings.model import Clipping, Entity, Mention
from clippings.tag import article_text
from sitebuild import build

FOLDER = "scraped/gazette"

# name → (kind, lat, lon, country)
WHO = {
    "Ada Quill": ("person", None, None, None),
    "Bo Index": ("person", None, None, None),
    "Cy Zed": ("person", None, None, None),
    "Dee Undated": ("person", None, None, None),
    "Émile Ångström": ("person", None, None, None),
    "Gotham": ("place", 40.7, -74.0, "US"),
    "Metropolis": ("place", 48.9, 2.35, "FR"),
    "Nowhere Atoll": ("place", None, None, None),
}

ARTICLES = {
    "a1.txt": dict(
        title="Harbour deal signed", date="2020-01-15", source="The Gazette",
        text=("Mayor Ada Quill met Bo Index, the finance minister of Ruritania, in Gotham. "
              "Quill said the deal was done.\n\n"
              "<script>alert('x')</script> Gotham & Metropolis cheered."),
        names={"Ada Quill": ["Ada Quill", "Quill"], "Bo Index": ["Bo Index"],
               "Gotham": ["Gotham"], "Metropolis": ["Metropolis"]}),
    "a2.txt": dict(
        title="Bridge opens", date="2020-03-02", source="The Gazette",
        text="Ada Quill, the mayor of Gotham, spoke to Cy Zed about the bridge.",
        names={"Ada Quill": ["Ada Quill"], "Cy Zed": ["Cy Zed"], "Gotham": ["Gotham"]}),
    "a3.txt": dict(
        title="An undated visit", source="The Gazette",
        text="<b>Ada Quill</b> visited Metropolis with Dee Undated & friends.",
        names={"Ada Quill": ["Ada Quill"], "Dee Undated": ["Dee Undated"],
               "Metropolis": ["Metropolis"]}),
    "a4.txt": dict(
        title="Far away", date="2021-07-09", source="Other Times",
        text="Émile Ångström sailed to Nowhere Atoll.",
        names={"Émile Ångström": ["Émile Ångström"], "Nowhere Atoll": ["Nowhere Atoll"]}),
}


def clipping_for(path: str, spec: dict) -> Clipping:
    clipping = Clipping(path=path, sha256="cd" * 32, kind="text", encoding="utf-8",
                        html=f"<p>{spec['text']}</p>".replace("<script>", "&lt;script&gt;"),
                        text=spec["text"], title=spec["title"], date=spec.get("date"),
                        source=spec.get("source"))
    full = article_text(clipping)
    for name, forms in spec["names"].items():
        kind, lat, lon, country = WHO[name]
        mentions = []
        for form in forms:
            start = full.find(form)
            while start >= 0:
                if not any(m.start <= start < m.end for m in mentions):
                    mentions.append(Mention(start, start + len(form), form))
                start = full.find(form, start + len(form))
        entity = Entity(name=name, kind=kind, mentions=sorted(mentions, key=lambda m: m.start),
                        aliases=sorted({f for f in forms if f != name}),
                        country=country, lat=lat, lon=lon)
        (clipping.people if kind == "person" else clipping.places).append(entity)
    return clipping


def fake_extract_path(path, *, entities=True):
    return clipping_for(str(path), ARTICLES[Path(path).name])


def build_site(root: Path, conf: str = "pelicanconf.py", **overrides) -> Path:
    """Build the stand-in archive under ``root``; returns the output folder."""
    content = root / "content"
    (content / FOLDER).mkdir(parents=True, exist_ok=True)
    for name in ARTICLES:
        (content / FOLDER / name).write_text("stand-in", encoding="utf-8")
    output = root / "output"
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pipeline, "extract_path", fake_extract_path)
        build(content, output, conf=conf, **overrides)
    return output
