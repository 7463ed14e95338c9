"""An entity's gemeenten: the validator's messages at the line an editor must change."""

from __future__ import annotations

from pathlib import Path

from regio.gegevens.problems import Veldpad
from regio.site import Site
from tests.conftest import controleer, meldingen, regel, vervang

PROVINCIE = "    provincies: [zeeland]\n    start: 2021-01-01\n"


def _met_gemeenten(data_dir: Path, lijst: str) -> None:
    vervang(data_dir, "regions.yaml", PROVINCIE, f"{PROVINCIE}    gemeenten: {lijst}\n")


def test_known_gemeenten_validate_and_give_the_entity_its_area(data_dir: Path) -> None:
    _met_gemeenten(data_dir, "[Vlissingen, Middelburg (Z.)]")
    resultaat = controleer(data_dir)
    assert meldingen(resultaat) == []
    assert resultaat.geografie is not None
    assert resultaat.geografie.gemeenten_van["voorbeeldproject"] == ("GM0718", "GM0687")


def test_an_unknown_gemeente_is_an_error_at_its_value_with_a_suggestion(data_dir: Path) -> None:
    _met_gemeenten(data_dir, "[Vlisingen]")
    lijn = regel(data_dir, "regions.yaml", "Vlisingen")
    assert meldingen(controleer(data_dir)) == [
        f"data/regions.yaml:{lijn}:17: fout: project 'voorbeeldproject': 'Vlisingen' is geen "
        "gemeente in data/geo/gemeenten.topojson (de gemeenten van 2025 volgens het CBS). "
        "Bedoelde u 'Vlissingen'?"
    ]


def test_a_gemeente_must_be_written_as_cbs_writes_it(data_dir: Path) -> None:
    _met_gemeenten(data_dir, "[Middelburg]")
    [melding] = meldingen(controleer(data_dir))
    assert melding.endswith(
        "schrijf de gemeente zoals het CBS: 'Middelburg (Z.)' in plaats van 'Middelburg'."
    )


def test_a_gemeente_outside_the_declared_province_names_both(data_dir: Path) -> None:
    _met_gemeenten(data_dir, "[Vlissingen, Utrecht]")
    lijn = regel(data_dir, "regions.yaml", "Utrecht]")
    assert meldingen(controleer(data_dir)) == [
        f"data/regions.yaml:{lijn}:29: fout: project 'voorbeeldproject': de gemeente 'Utrecht' "
        "ligt in Utrecht, niet in Zeeland ('provincies'). Voeg die provincie toe, of laat "
        "'provincies' weg: die volgen dan uit de gemeenten."
    ]


def test_a_duplicate_gemeente_is_an_error(data_dir: Path) -> None:
    _met_gemeenten(data_dir, "[Vlissingen, Vlissingen]")
    [melding] = meldingen(controleer(data_dir))
    assert "de gemeente 'Vlissingen' staat twee keer in 'gemeenten'." in melding
    assert melding.startswith(f"data/regions.yaml:{regel(data_dir, 'regions.yaml', 'gemeenten:')}:")


def test_provinces_follow_from_the_gemeenten(data_dir: Path) -> None:
    vervang(
        data_dir,
        "regions.yaml",
        PROVINCIE,
        "    gemeenten: [Vlissingen, Utrecht]\n    start: 2021-01-01\n",
    )
    resultaat = controleer(data_dir)
    assert meldingen(resultaat) == []
    assert resultaat.gegevens is not None
    site = Site(resultaat.gegevens, resultaat.geografie)
    project = site.entiteit("voorbeeldproject")
    assert [p.naam for p in site.provincies_van(project)] == ["Zeeland", "Utrecht"]  # type: ignore[arg-type]
    assert [g.naam for g in site.gemeenten_van(project)] == ["Utrecht", "Vlissingen"]  # type: ignore[arg-type]


def test_a_gemeenten_problem_carries_its_field_path_for_regio_nieuw(data_dir: Path) -> None:
    _met_gemeenten(data_dir, "[Vlissingen, Vlisingen]")
    [probleem] = controleer(data_dir).problemen
    assert probleem.waar == Veldpad("projecten", "voorbeeldproject", ("gemeenten", 1))
