"""The queries the pages use, on the small fixture data."""

from __future__ import annotations

from pathlib import Path

import pytest

from regio.gegevens.validate import valideer
from regio.site import Site
from tests.conftest import FIXTURES, vervang


@pytest.fixture
def site() -> Site:
    gegevens = valideer(FIXTURES / "geldig").gegevens
    assert gegevens is not None
    return Site(gegevens)


def test_coordinator_and_the_provinces_they_cover(site: Site) -> None:
    utrecht = site.provincie("utrecht")
    anna = site.coordinator(utrecht)
    assert anna.naam == "Anna Voorbeeld"
    assert [p.id for p in site.coordinatiegebied(anna)] == ["utrecht", "zeeland"]


def test_what_is_active_in_a_province(site: Site) -> None:
    actief = site.in_provincie(site.provincie("zeeland"))
    assert [g.id for g in actief["partnerschappen"]] == ["voorbeeldpartnerschap"]
    assert [g.id for g in actief["projecten"]] == ["voorbeeldproject"]
    assert actief["onderwijsregios"] == []


def test_roles_of_an_organisation(site: Site) -> None:
    rollen = [(r.rol, r.entiteit.id) for r in site.rollen(site.organisatie("voorbeeld-pabo"))]
    assert rollen == [
        ("lerarenopleiding", "voorbeeldpartnerschap"),
        ("penvoerder", "voorbeeldpartnerschap"),
    ]
    platform = site.organisatie("arbeidsmarktplatform-po")
    assert [(r.rol, r.entiteit.id) for r in site.rollen(platform)] == [
        ("draagt programma", "voorbeeldprogramma")
    ]
    assert [p.id for p in site.personen_bij(platform)] == ["anna-voorbeeld"]


def test_partnerships_split_by_sector(site: Site) -> None:
    assert [p.id for p in site.partnerschappen_po()] == ["voorbeeldpartnerschap"]
    assert site.partnerschappen_vo_mbo() == []


def test_pages_and_source_lines(site: Site) -> None:
    project = site.entiteit("voorbeeldproject")
    assert site.pagina(project) == "projecten/voorbeeldproject.md"
    assert site.pagina(site.entiteit("anna-voorbeeld")) is None
    bron = site.bronregel(project)
    assert bron.bestand == "regions.yaml"
    regels = (FIXTURES / "geldig/regions.yaml").read_text(encoding="utf-8").splitlines()
    assert "id: voorbeeldproject" in regels[bron.regel - 1]


def test_sorted_by_name_whatever_the_file_order(data_dir: Path) -> None:
    vervang(data_dir, "contacts.yaml", "naam: Voorbeeld Pabo", "naam: Aaa Pabo")
    gegevens = valideer(data_dir).gegevens
    assert gegevens is not None
    assert Site(gegevens).organisaties()[0].naam == "Aaa Pabo"
