"""Shape errors from the model, in Dutch, on the line of the offending value."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import controleer, meldingen, regel, vervang


def _een_fout(data_dir: Path) -> str:
    resultaat = controleer(data_dir)
    fouten = [m for m in meldingen(resultaat) if ": fout: " in m]
    assert len(fouten) == 1, fouten
    assert not resultaat.geldig
    return fouten[0]


def test_fixture_is_valid(data_dir: Path) -> None:
    resultaat = controleer(data_dir)
    assert resultaat.geldig, meldingen(resultaat)
    assert resultaat.problemen == ()


@pytest.mark.parametrize(
    ("bestand", "oud", "nieuw", "melding"),
    [
        (
            "regions.yaml",
            "    hoofdstad: Utrecht",
            "    hoofstad: Utrecht",
            "provincie 'utrecht': onbekend veld 'hoofstad'. Bedoelde u 'hoofdstad'?",
        ),
        (
            "regions.yaml",
            "    status: erkend",
            "    status: erkent",
            "partnerschap 'voorbeeldpartnerschap': 'erkent' is geen geldige waarde voor 'status'; "
            "toegestaan: erkend, aspirant, onbekend. Bedoelde u 'erkend'?",
        ),
        (
            "regions.yaml",
            "    sectoren: [vo]",
            "    sectoren: vo",
            "project 'voorbeeldproject': 'sectoren' moet een lijst zijn, maar is de tekst 'vo'; "
            "schrijf bijvoorbeeld [vo].",
        ),
        (
            "regions.yaml",
            "    naam: Zeeland",
            "    naam: 1234",
            "provincie 'zeeland': 'naam' moet tekst zijn, maar is het getal 1234; "
            "zet de waarde tussen aanhalingstekens.",
        ),
        (
            "regions.yaml",
            "    naam: Zeeland",
            "    naam: ~",
            "provincie 'zeeland': 'naam' is leeg; vul een waarde in of laat het veld weg.",
        ),
        (
            "regions.yaml",
            "    code: NL-ZE",
            "    code: ZE",
            "provincie 'zeeland': 'ZE' is geen ISO 3166-2-code",
        ),
        (
            "regions.yaml",
            "  - id: voorbeeldregio",
            "  - id: Voorbeeld Regio",
            "'Voorbeeld Regio' is geen geldige id voor 'id': gebruik alleen kleine letters, cijfers "
            "en losse streepjes, bijv. 'voorbeeld-regio'.",
        ),
        (
            "regions.yaml",
            "    status_sinds: 2023-06-16",
            "    status_sinds: 2023-06-31",
            "'2023-06-31' is geen geldige datum voor 'status_sinds'; schrijf JJJJ-MM-DD",
        ),
        (
            "regions.yaml",
            "    status_sinds: 2023-06-16",
            "    status_sinds: 16-06-2023",
            "'16-06-2023' is geen geldige datum voor 'status_sinds'",
        ),
        (
            "regions.yaml",
            "    status_sinds: 2023-06-16",
            "    status_sinds: 20230616",
            "'status_sinds' moet een datum zijn (JJJJ-MM-DD), maar is het getal 20230616.",
        ),
        (
            "contacts.yaml",
            "    openbaar: true",
            "    openbaar: ja",
            "persoon 'anna-voorbeeld': 'openbaar' moet true of false zijn, maar is de tekst 'ja'.",
        ),
        (
            "regions.yaml",
            "    plaats: Utrecht",
            "    plaats: Utrecht\n    coordinaten: 52.1",
            "'coordinaten' moet een mapping met velden (sleutel: waarde) zijn, maar is het getal 52.1.",
        ),
        (
            "regions.yaml",
            "    plaats: Utrecht",
            "    plaats: Utrecht\n    coordinaten:\n      lon: 5.1\n      lat: .nan",
            "'lat' moet een gewoon getal zijn, zoals 52.09; .nan en .inf zijn geen coördinaten.",
        ),
        (
            "regions.yaml",
            "    plaats: Utrecht",
            "    plaats: Utrecht\n    coordinaten:\n      lat: 52.1\n      lon: -.inf",
            "'lon' moet een gewoon getal zijn, zoals 52.09; .nan en .inf zijn geen coördinaten.",
        ),
    ],
)
def test_shape_error_points_at_the_value(
    data_dir: Path, bestand: str, oud: str, nieuw: str, melding: str
) -> None:
    vervang(data_dir, bestand, oud, nieuw)
    fout = _een_fout(data_dir)
    assert melding in fout
    verwacht = regel(data_dir, bestand, nieuw.splitlines()[-1])
    assert fout.startswith(f"data/{bestand}:{verwacht}:"), fout


def test_missing_required_field_points_at_the_entity(data_dir: Path) -> None:
    vervang(data_dir, "contacts.yaml", "    functie: projectleider\n", "")
    fout = _een_fout(data_dir)
    verwacht = regel(data_dir, "contacts.yaml", "id: bram-voorbeeld")
    assert fout == (
        f"data/contacts.yaml:{verwacht}:5: fout: persoon 'bram-voorbeeld': "
        "verplicht veld 'functie' ontbreekt."
    )


def test_wrong_top_level_shape(data_dir: Path) -> None:
    (data_dir / "contacts.yaml").write_text("- organisaties\n- personen\n", encoding="utf-8")
    fout = _een_fout(data_dir)
    assert fout.startswith("data/contacts.yaml:1:1: fout: het bestand moet een mapping")
    assert "'organisaties:', 'personen:'" in fout


def test_collection_in_the_wrong_file(data_dir: Path) -> None:
    tekst = (data_dir / "contacts.yaml").read_text(encoding="utf-8")
    (data_dir / "contacts.yaml").write_text(tekst + "provincies: []\n", encoding="utf-8")
    fout = _een_fout(data_dir)
    assert "onbekend veld 'provincies'" in fout
    assert "Toegestane velden: organisaties, personen." in fout


def test_all_problems_are_reported_at_once_sorted_by_file_and_line(data_dir: Path) -> None:
    vervang(data_dir, "regions.yaml", "    status: erkend", "    status: erkent")
    vervang(data_dir, "regions.yaml", "    hoofdstad: Utrecht", "    hoofstad: Utrecht")
    vervang(data_dir, "contacts.yaml", "    soort: lerarenopleiding", "    soort: pabo")
    resultaat = controleer(data_dir)
    plekken = [(p.positie.bestand, p.positie.regel) for p in resultaat.problemen]
    assert len(plekken) == 3
    assert plekken == sorted(plekken)
    assert plekken[0][0] == "data/contacts.yaml"
