"""The generated Markdown: which pages, what they link to, deterministic."""

from __future__ import annotations

from pathlib import Path

import pytest

from regio.cli import main
from regio.pages import Opties, bewerk_url_maker, datum, render_pages
from regio.site import Site
from regio.validate import valideer
from tests.conftest import FIXTURES


@pytest.fixture
def pages() -> dict[str, str]:
    gegevens = valideer(FIXTURES / "geldig").gegevens
    assert gegevens is not None
    return render_pages(Site(gegevens))


def test_one_page_per_entity_and_the_overviews(pages: dict[str, str]) -> None:
    assert sorted(pages) == [
        "contact.md",
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
    ]


def test_province_page_links_relatively(pages: dict[str, str]) -> None:
    utrecht = pages["provincies/utrecht.md"]
    assert utrecht.startswith('---\ntitle: "Utrecht"\n---\n\n# Utrecht\n')
    assert "[anna@example\\.org](mailto:anna@example.org)" in utrecht
    assert "[06 12345678](tel:+31612345678)" in utrecht
    assert "[Partnerschap Voorbeeld](../partnerschappen/voorbeeldpartnerschap.md)" in utrecht
    assert "[Zeeland](zeeland.md)" in utrecht


def test_private_contact_data_is_not_shown(pages: dict[str, str]) -> None:
    project = pages["projecten/voorbeeldproject.md"]
    assert "**Bram Voorbeeld**, projectleider bij [Voorbeeld Pabo]" in project
    assert "mailto:project@example.org" in project  # the project's own address
    assert "tel:" not in project


def test_contact_table_lists_every_province(pages: dict[str, str]) -> None:
    contact = pages["contact.md"]
    assert contact.count("\n| [") == 2
    assert (
        "| [Utrecht](provincies/utrecht.md) | Anna Voorbeeld<br>[anna@example\\.org](mailto:anna@example.org)<br>[06 12345678](tel:+31612345678) |"
        in contact
    )


def test_overview_tables_are_marked_for_sorting(pages: dict[str, str]) -> None:
    for pad in ("contact.md", "partnerschappen/index.md", "organisaties/index.md"):
        assert '<div class="regio-tabel" markdown>' in pages[pad]


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
        "[Wijziging voorstellen](https://example.org/r/blob/main/data/regions.yaml#L3)"
        in met["provincies/utrecht.md"]
    )
    zonder = render_pages(Site(gegevens), Opties(redactie_pagina="redactie.md"))
    assert (
        "[Wijziging voorstellen](../redactie.md): pas data/regions\\.yaml, regel 3 aan"
        in zonder["provincies/utrecht.md"]
    )


def test_rendering_is_deterministic(pages: dict[str, str]) -> None:
    gegevens = valideer(FIXTURES / "geldig").gegevens
    assert gegevens is not None
    assert render_pages(Site(gegevens)) == pages


def test_dutch_dates() -> None:
    from datetime import date

    assert datum(date(2019, 1, 17)) == "17 januari 2019"


def test_render_command_writes_the_same_pages(tmp_path: Path, pages: dict[str, str]) -> None:
    out = tmp_path / "md"
    assert main(["render", "--data-dir", str(FIXTURES / "geldig"), "--out", str(out)]) == 0
    geschreven = {str(p.relative_to(out)): p.read_text(encoding="utf-8") for p in out.rglob("*.md")}
    assert geschreven == pages


def test_render_command_refuses_invalid_data(tmp_path: Path, data_dir: Path) -> None:
    (data_dir / "regions.yaml").write_text("provincies: {\n", encoding="utf-8")
    assert main(["render", "--data-dir", str(data_dir), "--out", str(tmp_path / "md")]) == 1
    assert not (tmp_path / "md").exists()
