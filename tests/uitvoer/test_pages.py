"""The generated pages: which pages, what they link to, deterministic, and the HTML blocks."""

from __future__ import annotations

import posixpath
import re
import shutil
from pathlib import Path

import pytest

from regio.cli import main
from regio.gegevens.validate import valideer
from regio.site import Site
from regio.uitvoer import handleiding
from regio.uitvoer.pages import (
    BLOK_BEGIN,
    BLOK_EINDE,
    Opties,
    bewerk_url_maker,
    blokken,
    datum,
    relatief,
    render_pages,
    url_van,
)
from tests.conftest import FIXTURES


@pytest.fixture
def pages() -> dict[str, str]:
    resultaat = valideer(FIXTURES / "geldig")
    assert resultaat.gegevens is not None
    return render_pages(Site(resultaat.gegevens, resultaat.geografie))


def test_one_page_per_entity_and_the_overviews(pages: dict[str, str]) -> None:
    # The fixture's gemeenten: Utrecht's 26 and Zeeland's 13, each with a page.
    gemeenten = [p for p in pages if p.startswith("gemeenten/") and p != "gemeenten/index.md"]
    assert len(gemeenten) == 39 and "gemeenten/vlissingen.md" in gemeenten
    assert sorted(p for p in pages if p not in gemeenten) == [
        "contact.md",
        "dekking.md",
        "gemeenten/index.md",
        "kaart/index.md",
        "ondersteuning.md",
        "onderwijsregios/index.md",
        "onderwijsregios/voorbeeldregio.md",
        "organisaties/arbeidsmarktplatform-po.md",
        "organisaties/index.md",
        "organisaties/voorbeeld-pabo.md",
        "partnerschappen/index.md",
        "partnerschappen/voorbeeldpartnerschap.md",
        "programmas/index.md",
        "programmas/voorbeeldprogramma.md",
        "projecten/index.md",
        "projecten/voorbeeldproject.md",
        "provincies/index.md",
        "provincies/utrecht.md",
        "provincies/zeeland.md",
        "redactie/foutmeldingen.md",
        "redactie/velden.md",
        "redactie/wat-ontbreekt.md",
        "wijzigingen/index.md",
    ]


def test_province_page_links_relatively(pages: dict[str, str]) -> None:
    utrecht = pages["provincies/utrecht.md"]
    assert utrecht.startswith('---\ntitle: "Utrecht"\ndescription: "Provincie Utrecht: ')
    assert '"\n---\n\n# Utrecht\n' in utrecht
    assert '<a href="mailto:anna@example.org">anna@example.org</a>' in utrecht
    assert '<a href="tel:+31612345678">06 12345678</a>' in utrecht
    # Final URLs as MkDocs makes them (use_directory_urls), relative to this page's URL.
    assert (
        '<a href="../../partnerschappen/voorbeeldpartnerschap/">Partnerschap Voorbeeld</a>'
        in utrecht
    )
    assert '<a href="../zeeland/">Zeeland</a>' in utrecht


def test_links_without_directory_urls() -> None:
    gegevens = valideer(FIXTURES / "geldig").gegevens
    assert gegevens is not None
    utrecht = render_pages(Site(gegevens), Opties(mapurls=False))["provincies/utrecht.md"]
    assert '<a href="../partnerschappen/voorbeeldpartnerschap.html">' in utrecht
    assert '<a href="zeeland.html">Zeeland</a>' in utrecht


@pytest.mark.parametrize(
    ("pad", "mapurls", "url"),
    [
        ("index.md", True, ""),
        ("contact.md", True, "contact/"),
        ("provincies/index.md", True, "provincies/"),
        ("provincies/utrecht.md", True, "provincies/utrecht/"),
        ("index.md", False, "index.html"),
        ("provincies/index.md", False, "provincies/index.html"),
        ("provincies/utrecht.md", False, "provincies/utrecht.html"),
    ],
)
def test_page_urls_as_mkdocs_makes_them(pad: str, mapurls: bool, url: str) -> None:
    assert url_van(pad, mapurls) == url


@pytest.mark.parametrize(
    ("van", "naar", "link"),
    [
        ("provincies/utrecht/", "provincies/zeeland/", "../zeeland/"),
        ("provincies/", "provincies/utrecht/", "utrecht/"),
        ("contact/", "", "../"),
        ("", "contact/", "contact/"),
        ("", "", "./"),
        ("kaart/", "kaart/kaart.html", "kaart.html"),
        ("provincies/utrecht.html", "kaart/index.html", "../kaart/index.html"),
        ("provincies/utrecht/", "provincies/utrecht/", "./"),
        ("provincies/utrecht/", "provincies/", "../"),
        ("a/b/c/", "a/x/", "../../x/"),
    ],
)
def test_relative_links(van: str, naar: str, link: str) -> None:
    assert relatief(van, naar) == link
    # What a browser makes of it: the link leads to `naar`.
    assert posixpath.normpath(posixpath.join("/" + van.rpartition("/")[0], link)) == (
        posixpath.normpath("/" + naar)
    )


def test_private_contact_data_is_not_shown(pages: dict[str, str]) -> None:
    project = pages["projecten/voorbeeldproject.md"]
    assert (
        '<strong>Bram Voorbeeld</strong>, projectleider bij <a href="../../organisaties/voorbeeld-pabo/">Voorbeeld Pabo</a>'
        in project
    )
    assert "mailto:project@example.org" in project  # the project's own address
    assert "tel:" not in project


def test_contact_table_lists_every_province(pages: dict[str, str]) -> None:
    # The rows' attributes (what the table filter matches on) have tests of their own.
    contact = re.sub(r"<tr [^>]*>", "<tr>", pages["contact.md"])
    assert contact.count("<tr><td>") == 2
    assert (
        '<tr><td><a href="../provincies/utrecht/">Utrecht</a></td><td>Anna Voorbeeld<br>'
        '<a href="mailto:anna@example.org">anna@example.org</a><br>'
        '<a href="tel:+31612345678">06 12345678</a></td></tr>'
    ) in contact


def test_overview_tables_are_marked_for_sorting(pages: dict[str, str]) -> None:
    for pad in ("contact.md", "partnerschappen/index.md", "organisaties/index.md"):
        assert '<div class="regio-tabel">\n<table>\n<thead>' in pages[pad]


def test_edit_link_with_and_without_repository() -> None:
    gegevens = valideer(FIXTURES / "geldig").gegevens
    assert gegevens is not None
    met = render_pages(
        Site(gegevens),
        Opties(
            bewerk_url=bewerk_url_maker(
                "{repo_url}/blob/main/{pad}#L{regel}", "https://example.org/r/", "data"
            )
        ),
    )
    assert (
        '<a href="https://example.org/r/blob/main/data/regions.yaml#L3">Wijziging voorstellen</a>'
        in met["provincies/utrecht.md"]
    )
    zonder = render_pages(Site(gegevens), Opties(redactie_pagina="redactie.md"))
    assert (
        '<a href="../../redactie/">Wijziging voorstellen</a>: pas data/regions.yaml, regel 3 aan'
        in zonder["provincies/utrecht.md"]
    )


def test_everything_but_headings_is_in_html_blocks(pages: dict[str, str]) -> None:
    """Markdown only sees front matter and headings; the rest are blocks it passes through.
    (The editors' guide is written in Markdown: it is our own text, not data.)"""
    gids = {pad for pad, _, _ in handleiding.paginas()}
    for pad, inhoud in pages.items():
        if pad in gids:
            continue
        rest, gevonden = blokken(inhoud, lambda n: f"BLOK{n}")
        assert gevonden, pad
        for regel in rest.splitlines():
            assert regel == "" or regel.startswith(
                ("#", "---", "title: ", "description: ", "BLOK")
            ), (pad, regel)
        for blok in gevonden:
            assert blok.startswith(BLOK_BEGIN + "\n") and blok.endswith("\n" + BLOK_EINDE)
            assert "\n\n" not in blok  # a blank line would end the block for Markdown


def test_an_end_marker_in_the_data_cannot_end_a_block(data_dir: Path) -> None:
    from tests.conftest import vervang

    vervang(data_dir, "regions.yaml", "naam: Utrecht\n", f"naam: 'x\n{BLOK_EINDE} y'\n")
    gegevens = valideer(data_dir).gegevens
    assert gegevens is not None
    utrecht = render_pages(Site(gegevens))["provincies/utrecht.md"]
    assert BLOK_EINDE.replace("<", "&lt;").replace(">", "&gt;") in utrecht
    _, gevonden = blokken(utrecht, str)
    assert all(blok.count(BLOK_EINDE) == 1 for blok in gevonden)


def test_rendering_is_deterministic(pages: dict[str, str]) -> None:
    resultaat = valideer(FIXTURES / "geldig")
    assert resultaat.gegevens is not None
    assert render_pages(Site(resultaat.gegevens, resultaat.geografie)) == pages


def test_dutch_dates() -> None:
    from datetime import date

    assert datum(date(2019, 1, 17)) == "17 januari 2019"


def test_render_command_writes_the_same_pages(tmp_path: Path, pages: dict[str, str]) -> None:
    out = tmp_path / "md"
    # A copy outside the repository: no git history, so no changes on the pages (as `pages`).
    data = str(tmp_path / "data")
    shutil.copytree(FIXTURES / "geldig", data)
    assert main(["render", "--data-dir", data, "--out", str(out)]) == 0
    geschreven = {str(p.relative_to(out)): p.read_text(encoding="utf-8") for p in out.rglob("*.md")}
    # Besides the pages: what else the plugin adds, so a plain MkDocs build has it all.
    assert geschreven.pop("open-data/index.md").startswith("---\ntitle: Open data")
    assert geschreven == pages
    assert (out / "kaart/kaart.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert (out / "open-data/regio-infrastructuur.json").is_file()


def test_render_command_refuses_invalid_data(tmp_path: Path, data_dir: Path) -> None:
    (data_dir / "regions.yaml").write_text("provincies: {\n", encoding="utf-8")
    assert main(["render", "--data-dir", str(data_dir), "--out", str(tmp_path / "md")]) == 1
    assert not (tmp_path / "md").exists()
