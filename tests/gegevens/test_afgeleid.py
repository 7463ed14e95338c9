"""Honest data: derived fields ('afgeleid'), national entries, unknown sectors, 'ontleend'."""

from __future__ import annotations

from pathlib import Path

import pytest

from regio.gegevens.model import Organisatie, Project, alleen_website
from tests.conftest import controleer, meldingen, regel, vervang

REGIO = "    plaats: Utrecht\n"  # the onderwijsregio of the fixture data


def _fouten(data_dir: Path) -> list[str]:
    return [m for m in meldingen(controleer(data_dir)) if ": fout: " in m]


def test_a_derived_field_that_is_set_is_valid(data_dir: Path) -> None:
    vervang(data_dir, "regions.yaml", REGIO, REGIO + "    afgeleid: [provincies, plaats]\n")
    resultaat = controleer(data_dir)
    assert meldingen(resultaat) == []
    assert resultaat.gegevens is not None
    assert resultaat.gegevens.onderwijsregios[0].afgeleid == ("provincies", "plaats")


def test_an_unknown_field_is_named_at_its_line_and_column_with_a_suggestion(
    data_dir: Path,
) -> None:
    vervang(data_dir, "regions.yaml", REGIO, REGIO + "    afgeleid: [plaats, provincie]\n")
    lijn = regel(data_dir, "regions.yaml", "afgeleid:")
    assert _fouten(data_dir) == [
        f"data/regions.yaml:{lijn}:24: fout: onderwijsregio 'voorbeeldregio': 'afgeleid' noemt "
        "'provincie', maar dat is geen veld van een onderwijsregio dat afgeleid kan zijn. "
        "Bedoelde u 'provincies'?"
    ]


def test_an_unknown_field_without_a_close_name_lists_the_fields(data_dir: Path) -> None:
    vervang(
        data_dir,
        "regions.yaml",
        "    hoofdstad: Utrecht\n",
        "    hoofdstad: Utrecht\n    afgeleid: [xyz]\n",
    )
    (fout,) = _fouten(data_dir)
    assert "provincie 'utrecht': 'afgeleid' noemt 'xyz', maar dat is geen veld" in fout
    assert fout.endswith("Mogelijke velden: code, hoofdstad, naam, regiocoordinator.")


@pytest.mark.parametrize("veld", ["bron", "gecontroleerd", "id", "onzeker", "afgeleid"])
def test_fields_about_the_entry_itself_cannot_be_derived(data_dir: Path, veld: str) -> None:
    vervang(data_dir, "regions.yaml", REGIO, REGIO + f"    afgeleid: [{veld}]\n")
    (fout,) = _fouten(data_dir)
    assert f"'afgeleid' noemt '{veld}', maar dat is geen veld van een onderwijsregio" in fout


def test_a_derived_field_must_be_filled_in(data_dir: Path) -> None:
    vervang(data_dir, "regions.yaml", REGIO, REGIO + "    afgeleid: [website]\n")
    lijn = regel(data_dir, "regions.yaml", "afgeleid:")
    assert _fouten(data_dir) == [
        f"data/regions.yaml:{lijn}:16: fout: onderwijsregio 'voorbeeldregio': 'afgeleid' noemt "
        "'website', maar dat veld is niet ingevuld; vul het in of haal het uit 'afgeleid'."
    ]


def test_a_derived_field_is_named_once(data_dir: Path) -> None:
    vervang(data_dir, "regions.yaml", REGIO, REGIO + "    afgeleid: [plaats, plaats]\n")
    (fout,) = _fouten(data_dir)
    assert "'plaats' staat twee keer in 'afgeleid'" in fout


def test_derived_fields_in_contacts_too(data_dir: Path) -> None:
    vervang(
        data_dir,
        "contacts.yaml",
        "    soort: lerarenopleiding\n",
        "    soort: lerarenopleiding\n    afgeleid: [plaats]\n",
    )
    (fout,) = _fouten(data_dir)
    assert fout.startswith("data/contacts.yaml:")
    assert "'afgeleid' noemt 'plaats', maar dat veld is niet ingevuld" in fout


def test_a_national_entry_has_no_provinces(data_dir: Path) -> None:
    vervang(data_dir, "regions.yaml", REGIO, REGIO + "    landelijk: true\n")
    lijn = regel(data_dir, "regions.yaml", "provincies: [utrecht]")
    assert _fouten(data_dir) == [
        f"data/regions.yaml:{lijn}:17: fout: onderwijsregio 'voorbeeldregio': is landelijk "
        "('landelijk: true') en heeft dus geen eigen gebied; laat 'provincies' weg, of zet "
        "'landelijk' op false."
    ]
    vervang(data_dir, "regions.yaml", "    provincies: [utrecht]\n    plaats", "    plaats")
    assert _fouten(data_dir) == []


def test_empty_sectors_need_an_explanation(data_dir: Path) -> None:
    vervang(data_dir, "regions.yaml", "    sectoren: [vo]", "    sectoren: []")
    lijn = regel(data_dir, "regions.yaml", "sectoren: []")
    assert _fouten(data_dir) == [
        f"data/regions.yaml:{lijn}:15: fout: project 'voorbeeldproject': 'sectoren' is leeg; vul "
        "minstens één sector in, of zeg in 'onzeker' dat de bron geen sector noemt."
    ]
    vervang(
        data_dir,
        "regions.yaml",
        "    sectoren: []",
        "    sectoren: []\n    onzeker: De bron noemt geen sector.",
    )
    assert _fouten(data_dir) == []


def test_sectors_stay_required(data_dir: Path) -> None:
    vervang(data_dir, "regions.yaml", "    sectoren: [vo]\n", "")
    (fout,) = _fouten(data_dir)
    assert "project 'voorbeeldproject': verplicht veld 'sectoren' ontbreekt." in fout


def test_ontleend_is_a_month(data_dir: Path) -> None:
    vervang(data_dir, "regions.yaml", REGIO, REGIO + "    ontleend: 2026-11\n")
    resultaat = controleer(data_dir)
    assert meldingen(resultaat) == []
    assert resultaat.gegevens is not None
    assert resultaat.gegevens.onderwijsregios[0].ontleend == "2026-11"


@pytest.mark.parametrize(
    ("waarde", "melding"),
    [
        ("2026-11-15", "'ontleend' is een maand: schrijf JJJJ-MM zonder dag, bijv. 2026-11."),
        ("2026-13", "'2026-13' is geen maand voor 'ontleend'; schrijf JJJJ-MM, bijv. 2026-11."),
        ("november", "'november' is geen maand voor 'ontleend'; schrijf JJJJ-MM, bijv. 2026-11."),
    ],
)
def test_ontleend_that_is_not_a_month(data_dir: Path, waarde: str, melding: str) -> None:
    vervang(data_dir, "regions.yaml", REGIO, REGIO + f"    ontleend: {waarde}\n")
    lijn = regel(data_dir, "regions.yaml", "ontleend:")
    assert _fouten(data_dir) == [
        f"data/regions.yaml:{lijn}:15: fout: onderwijsregio 'voorbeeldregio': {melding}"
    ]


def test_the_new_fields_are_on_every_kind() -> None:
    for model in (Organisatie, Project):
        assert {"afgeleid", "ontleend"} <= set(model.model_fields)


@pytest.mark.parametrize(
    ("url", "website"),
    [
        ("https://www.vo-raad.nl/", True),
        ("https://arbeidsmarktplatformpo.nl", True),
        ("https://arbeidsmarktplatformpo.nl/over-ons/", False),
        ("https://www.iso.org/obp/ui/#iso:code:3166:NL", False),
        ("https://example.org/?p=1", False),
    ],
)
def test_a_home_page_as_source_means_the_organisations_website(url: str, website: bool) -> None:
    assert alleen_website(url) is website
