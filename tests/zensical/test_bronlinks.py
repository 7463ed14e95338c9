"""`regio render --links md`: every link in the generated pages is a path relative to its source
file that names a file Zensical knows (a page, the map, the open data, an asset)."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

from regio.cli import main
from regio.uitvoer.urls import bronlink
from tests.conftest import FIXTURES

LINK = re.compile(r'(?:href|src)="([^"]*)"')


def test_bronlink_is_relative_to_the_source_file() -> None:
    assert bronlink("organisaties/x.md", "provincies/utrecht.md") == "../provincies/utrecht.md"
    assert bronlink("organisaties/x.md", "organisaties/index.md") == "index.md"
    assert bronlink("index.md", "kaart/kaart.html") == "kaart/kaart.html"
    assert bronlink("redactie/velden.md", "") == "../"


def test_every_link_in_md_mode_names_a_file_of_the_docs(tmp_path: Path) -> None:
    uit = tmp_path / "docs"
    argumenten = ["render", "--data-dir", str(FIXTURES / "geldig"), "--out", str(uit)]
    assert main([*argumenten, "--links", "md", "--redactie-pagina", "redactie.md"]) == 0
    bestanden = {p.relative_to(uit).as_posix() for p in uit.rglob("*") if p.is_file()}
    bestanden |= {"redactie.md", "index.md"}  # the fixture site's hand-written pages
    mappen = {posixpath.dirname(b) + "/" for b in bestanden} | {""}
    kapot, gezien = [], 0
    for pad in sorted(b for b in bestanden if b.endswith(".md") and (uit / b).is_file()):
        for waarde in LINK.findall((uit / pad).read_text(encoding="utf-8")):
            delen = urlsplit(waarde)
            if delen.scheme or not delen.path:
                continue  # an external link, or one to a heading on the page itself
            doel = delen.path
            gezien += 1
            genormaliseerd = posixpath.normpath(posixpath.join(posixpath.dirname(pad), doel))
            if doel.endswith("/"):  # a folder (the search form's), on index pages only
                assert pad.endswith("index.md"), (pad, doel)
                if f"{genormaliseerd}/".removeprefix("./") not in mappen:
                    kapot.append(f"{pad}: {doel}")
            elif genormaliseerd not in bestanden:
                kapot.append(f"{pad}: {doel}")
    assert gezien > 300
    assert kapot == []
    # Between pages the links are .md paths, not final URLs.
    partnerschap = (uit / "partnerschappen" / "voorbeeldpartnerschap.md").read_text()
    assert 'href="../provincies/utrecht.md"' in partnerschap
    assert 'href="../provincies/utrecht/"' not in partnerschap
    assert (uit / "assets/regio/regio.css").is_file()
    assert (uit / "assets/regio/zoek/index.json").is_file()
