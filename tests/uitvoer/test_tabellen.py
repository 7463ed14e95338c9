"""What the overview tables give the filter: each row's search text and choices, the filter's
placeholder only on tables long enough to need one, all escaped."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from regio.gegevens.validate import valideer
from regio.site import Site
from regio.uitvoer.pages import render, render_pages
from regio.uitvoer.tabellen import MIN_RIJEN_FILTER, keuzes, zoektekst
from tests.conftest import vervang


def _site(data_dir: Path) -> Site:
    resultaat = valideer(data_dir)
    assert resultaat.gegevens is not None, resultaat.problemen
    return Site(resultaat.gegevens, resultaat.geografie)


@pytest.fixture
def site(project: Path) -> Site:
    return _site(project / "data")


def _rij(pagina: str, naam: str) -> str:
    """The opening <tr …> of the row whose search text starts with ``naam``."""
    treffer = re.search(r'<tr data-zoek="' + re.escape(naam) + r"[^>]*>", pagina)
    assert treffer, f"geen rij voor {naam}"
    return treffer.group(0)


def test_an_area_is_found_by_its_place_gemeente_province_sector_and_status(
    project: Path,
) -> None:
    # Maarssen is a place in the gemeente Stichtse Vecht: neither name is in the table's cells.
    vervang(project / "data", "regions.yaml", "    plaats: Utrecht\n", "    plaats: Maarssen\n")
    site = _site(project / "data")
    woorden = zoektekst(site, site.entiteit("voorbeeldregio")).split(" | ")
    assert woorden == [
        "Onderwijsregio Voorbeeld",
        "Voorloper",
        "Maarssen",
        "Stichtse Vecht",
        "Utrecht",
        "po",
        "vo",
        "primair onderwijs",
        "voortgezet onderwijs",
    ]


def test_a_partnership_is_found_by_its_penvoerder_and_every_province(site: Site) -> None:
    tekst = zoektekst(site, site.entiteit("voorbeeldpartnerschap"))
    for woord in ("Partnerschap Voorbeeld", "Erkend", "Utrecht", "Zeeland", "Voorbeeld Pabo"):
        assert woord in tekst.split(" | ")


def test_a_project_is_found_by_its_programme(site: Site) -> None:
    woorden = zoektekst(site, site.entiteit("voorbeeldproject")).split(" | ")
    assert "Voorbeeldprogramma" in woorden and "Zeeland" in woorden


def test_an_organisation_is_found_by_the_gemeente_of_its_place(project: Path) -> None:
    vervang(
        project / "data",
        "contacts.yaml",
        "    soort: lerarenopleiding\n",
        "    soort: lerarenopleiding\n    plaats: Maarssen\n",
    )
    site = _site(project / "data")
    woorden = zoektekst(site, site.entiteit("voorbeeld-pabo")).split(" | ")
    assert woorden == [
        "Voorbeeld Pabo",
        "Lerarenopleiding",
        "Maarssen",
        "Stichtse Vecht",
        "po",
        "primair onderwijs",
    ]


def test_a_province_is_found_by_its_gemeenten_and_coordinator(site: Site) -> None:
    """Who looks up a gemeente in the contact table finds its province and coordinator."""
    woorden = zoektekst(site, site.provincie("zeeland")).split(" | ")
    assert woorden[:3] == ["Zeeland", "NL-ZE", "Anna Voorbeeld"]
    assert "Vlissingen" in woorden and "Utrechtse Heuvelrug" not in woorden


def test_rows_carry_their_search_text_provinces_and_sectors(site: Site) -> None:
    pagina = render_pages(site)["partnerschappen/index.md"]
    assert _rij(pagina, "Partnerschap Voorbeeld") == (
        '<tr data-zoek="Partnerschap Voorbeeld | Erkend | Utrecht | Zeeland | po | '
        'primair onderwijs | Voorbeeld Pabo" data-provincie="utrecht zeeland" data-sector="po">'
    )
    contact = render_pages(site)["contact.md"]
    # The capital is the province's own name here: said once.
    assert _rij(contact, "Utrecht | NL-UT | Anna Voorbeeld | Amersfoort | Baarn")


def test_the_search_text_is_escaped(project: Path) -> None:
    vervang(
        project / "data",
        "regions.yaml",
        "    naam: Partnerschap Voorbeeld\n",
        "    naam: 'Kwaad\" onclick=\"alert(1) <b>'\n",
    )
    pagina = render_pages(_site(project / "data"))["partnerschappen/index.md"]
    assert '<tr data-zoek="Kwaad&#34; onclick=&#34;alert(1) &lt;b&gt; | Erkend' in pagina
    assert 'onclick="alert' not in pagina and "<b>" not in pagina


def test_no_filter_and_no_choices_on_a_short_table(site: Site) -> None:
    pagina = render_pages(site)["partnerschappen/index.md"]
    assert '<div class="regio-tabel">' in pagina
    assert "data-filter" not in pagina and "regio-tabel-keuzes" not in pagina


def test_a_long_table_gets_its_placeholder_and_choices(site: Site) -> None:
    # Six copies of the partnership, each in another province, one of them national.
    origineel = site.partnerschappen()[0]
    kopieen = tuple(
        origineel.model_copy(
            update={
                "id": f"kopie-{n}",
                "provincies": () if n == 5 else (("utrecht",) if n % 2 else ("zeeland",)),
                "landelijk": n == 5,
                "sectoren": ("vo", "po") if n == 1 else ("po",),
            }
        )
        for n in range(MIN_RIJEN_FILTER)
    )
    collecties = {**site.gegevens.collecties, "partnerschappen": kopieen}
    lang = Site(replace(site.gegevens, collecties=collecties), site.geografie)
    assert keuzes(lang, lang.partnerschappen()) == {
        "provincies": [("utrecht", "Utrecht"), ("zeeland", "Zeeland"), ("landelijk", "Landelijk")],
        "sectoren": [("po", "po (primair onderwijs)"), ("vo", "vo (voortgezet onderwijs)")],
    }
    assert keuzes(lang, lang.partnerschappen()[:-1])["provincies"] == []  # five rows: none
    pagina = render("partnerschappen.md.j2", lang, "partnerschappen/index.md")
    assert '<div class="regio-tabel" data-filter="bijv. Amsterdam of erkend">' in pagina
    assert (
        '<label>Provincie <select data-kolom="provincie"><option value="">Alle provincies</option>'
        '<option value="utrecht">Utrecht</option>'
    ) in pagina
    assert '<option value="">Alle sectoren</option>' in pagina
    assert 'data-provincie="landelijk"' in pagina
    # Without the script the choices stay out of sight: it is the script that filters.
    assert '<div class="regio-tabel-keuzes" hidden>' in pagina
