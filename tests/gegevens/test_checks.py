"""Rules across values: ids, references, coordinators, contact data, dates, sources, staleness."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.conftest import controleer, meldingen, regel, vervang


def _fouten(data_dir: Path, **opties: object) -> list[str]:
    resultaat = controleer(data_dir, **opties)
    return [m for m in meldingen(resultaat) if ": fout: " in m]


def _een_fout(data_dir: Path, **opties: object) -> str:
    fouten = _fouten(data_dir, **opties)
    assert len(fouten) == 1, fouten
    return fouten[0]


def test_duplicate_id_across_files_names_the_first_use(data_dir: Path) -> None:
    vervang(data_dir, "regions.yaml", "  - id: voorbeeldproject", "  - id: voorbeeld-pabo")
    fout = _een_fout(data_dir)
    eerste = regel(data_dir, "contacts.yaml", "id: voorbeeld-pabo")
    tweede = regel(data_dir, "regions.yaml", "id: voorbeeld-pabo")
    # regions.yaml is read first, so the organisation in contacts.yaml is the second use.
    assert fout == (
        f"data/contacts.yaml:{eerste}:9: fout: id 'voorbeeld-pabo' is al in gebruik door "
        f"project 'voorbeeld-pabo' (data/regions.yaml:{tweede}); ids moeten uniek zijn in "
        "alle bestanden. Kies een andere id."
    )


@pytest.mark.parametrize(
    ("oud", "nieuw", "melding"),
    [
        (
            "    provincies: [zeeland]",
            "    provincies: [zeelnd]",
            "project 'voorbeeldproject': 'provincies' verwijst naar 'zeelnd', maar er is geen "
            "provincie met die id. Bedoelde u 'zeeland'?",
        ),
        (
            "    programma: voorbeeldprogramma",
            "    programma: onbekend-programma",
            "'programma' verwijst naar 'onbekend-programma', maar er is geen programma met die id.",
        ),
        (
            "    contactpersoon: bram-voorbeeld",
            "    contactpersoon: voorbeeld-pabo",
            "'voorbeeld-pabo' is een organisatie, maar 'contactpersoon' moet naar een persoon "
            "verwijzen.",
        ),
        (
            "    penvoerder: voorbeeld-pabo",
            "    penvoerder: voorbeeld-pab",
            "Bedoelde u 'voorbeeld-pabo'?",
        ),
    ],
)
def test_broken_reference(data_dir: Path, oud: str, nieuw: str, melding: str) -> None:
    vervang(data_dir, "regions.yaml", oud, nieuw)
    fout = _een_fout(data_dir)
    assert melding in fout
    assert fout.startswith(f"data/regions.yaml:{regel(data_dir, 'regions.yaml', nieuw)}:")


def test_reference_inside_a_list_points_at_the_item(data_dir: Path) -> None:
    vervang(
        data_dir, "regions.yaml", "provincies: [utrecht, zeeland]", "provincies: [utrecht, zeelnd]"
    )
    fout = _een_fout(data_dir)
    lijn = regel(data_dir, "regions.yaml", "[utrecht, zeelnd]")
    assert fout.startswith(f"data/regions.yaml:{lijn}:27: fout: partnerschap")


def test_coordinator_must_exist(data_dir: Path) -> None:
    vervang(
        data_dir,
        "regions.yaml",
        "    hoofdstad: Utrecht\n    regiocoordinator: anna-voorbeeld",
        "    hoofdstad: Utrecht\n    regiocoordinator: anna",
    )
    fout = _een_fout(data_dir)
    assert (
        "provincie 'utrecht': 'regiocoordinator' verwijst naar 'anna', maar er is geen persoon"
        in fout
    )
    assert "Bedoelde u" in fout or "anna-voorbeeld" not in fout


def test_coordinator_must_work_for_the_arbeidsmarktplatform(data_dir: Path) -> None:
    vervang(
        data_dir,
        "regions.yaml",
        "    hoofdstad: Utrecht\n    regiocoordinator: anna-voorbeeld",
        "    hoofdstad: Utrecht\n    regiocoordinator: bram-voorbeeld",
    )
    fout = _een_fout(data_dir)
    assert fout.endswith(
        "provincie 'utrecht': regiocoördinator 'bram-voorbeeld' werkt bij 'voorbeeld-pabo', maar de "
        "regiocoördinator van een provincie moet bij 'arbeidsmarktplatform-po' werken."
    )


def test_province_without_coordinator_is_an_error(data_dir: Path) -> None:
    vervang(
        data_dir,
        "regions.yaml",
        "    code: NL-ZE\n    regiocoordinator: anna-voorbeeld\n",
        "    code: NL-ZE\n",
    )
    assert "provincie 'zeeland': verplicht veld 'regiocoordinator' ontbreekt." in _een_fout(
        data_dir
    )


def test_province_with_two_coordinators_is_an_error(data_dir: Path) -> None:
    vervang(
        data_dir,
        "regions.yaml",
        "    code: NL-ZE\n    regiocoordinator: anna-voorbeeld\n",
        "    code: NL-ZE\n    regiocoordinator: anna-voorbeeld\n    regiocoordinator: bram-voorbeeld\n",
    )
    fouten = _fouten(data_dir)
    assert any("sleutel 'regiocoordinator' komt twee keer voor" in f for f in fouten)


def test_duplicate_province_code(data_dir: Path) -> None:
    vervang(data_dir, "regions.yaml", "    code: NL-ZE", "    code: NL-UT")
    fouten = _fouten(data_dir)
    assert len(fouten) == 2
    # Sorted by file: the Zeeland boundary now belongs to no province ...
    assert "de grens van Zeeland (NL-ZE) hoort bij geen enkele provincie" in fouten[0]
    assert "code 'NL-UT' hoort al bij provincie 'utrecht'" in fouten[1]


@pytest.mark.parametrize(
    ("bestand", "oud", "nieuw", "melding"),
    [
        (
            "contacts.yaml",
            "email: anna@example.org",
            "email: anna@@example.org",
            "'anna@@example.org' is geen geldig e-mailadres",
        ),
        (
            "contacts.yaml",
            "email: anna@example.org",
            "email: anna.example.org",
            "'anna.example.org' is geen geldig e-mailadres; verwacht iets als naam@organisatie.nl.",
        ),
        (
            "regions.yaml",
            "email: project@example.org",
            "email: 'project@'",
            "'project@' is geen geldig e-mailadres",
        ),
        (
            "contacts.yaml",
            "telefoon: 06-12345678",
            "telefoon: 06-1234",
            "'06-1234' is geen geldig Nederlands telefoonnummer; schrijf bijvoorbeeld 06-12345678",
        ),
        (
            "contacts.yaml",
            "telefoon: 06-12345678",
            "telefoon: bel maar",
            "'bel maar' is geen geldig Nederlands telefoonnummer",
        ),
        (
            "contacts.yaml",
            "website: https://voorbeeldplatform.example.org/",
            "website: javascript:alert(1)",
            "'javascript:alert(1)' is geen toegestaan webadres",
        ),
        (
            "contacts.yaml",
            "website: https://voorbeeldplatform.example.org/",
            "website: ftp://example.org/",
            "alleen volledige adressen die met http:// of https://",
        ),
        (
            "contacts.yaml",
            "website: https://voorbeeldplatform.example.org/",
            "website: www.example.org",
            "'www.example.org' is geen toegestaan webadres",
        ),
        (
            "regions.yaml",
            "      - https://example.org/feiten",
            "      - data:text/html,x",
            "'data:text/html,x' is geen toegestaan webadres",
        ),
        (
            "regions.yaml",
            "      - https://example.org/project",
            "      - 'https://exa mple.org'",
            "is geen toegestaan webadres",
        ),
    ],
)
def test_contact_data(data_dir: Path, bestand: str, oud: str, nieuw: str, melding: str) -> None:
    vervang(data_dir, bestand, oud, nieuw)
    fout = _een_fout(data_dir)
    assert melding in fout
    assert fout.startswith(f"data/{bestand}:{regel(data_dir, bestand, nieuw)}:")


def test_phone_number_is_kept_as_written(data_dir: Path) -> None:
    resultaat = controleer(data_dir)
    assert resultaat.gegevens is not None
    assert resultaat.gegevens.personen[0].telefoon == "06-12345678"


def test_end_before_start(data_dir: Path) -> None:
    vervang(data_dir, "regions.yaml", "    eind: 2022-12-31", "    eind: 2020-12-31")
    fout = _een_fout(data_dir)
    lijn = regel(data_dir, "regions.yaml", "eind: 2020-12-31")
    assert fout == (
        f"data/regions.yaml:{lijn}:11: fout: project 'voorbeeldproject': einddatum 2020-12-31 "
        "ligt vóór de startdatum 2021-01-01."
    )


def test_missing_source_is_a_warning_and_an_error_when_strict(data_dir: Path) -> None:
    vervang(data_dir, "regions.yaml", "    bron:\n      - https://example.org/regio\n", "")
    resultaat = controleer(data_dir)
    assert resultaat.geldig
    [melding] = meldingen(resultaat)
    lijn = regel(data_dir, "regions.yaml", "id: voorbeeldregio")
    assert melding == (
        f"data/regions.yaml:{lijn}:5: waarschuwing: onderwijsregio 'voorbeeldregio': geen 'bron'; "
        "voeg het webadres toe waar deze gegevens vandaan komen."
    )
    streng = controleer(data_dir, strikt=True)
    assert not streng.geldig
    assert meldingen(streng)[0].startswith(f"data/regions.yaml:{lijn}:5: fout: ")


def test_fact_without_source_is_a_warning(data_dir: Path) -> None:
    vervang(data_dir, "regions.yaml", "        bron:\n          - https://example.org/feiten\n", "")
    [melding] = meldingen(controleer(data_dir))
    assert "waarschuwing: programma 'voorbeeldprogramma': feit zonder 'bron'" in melding


def test_stale_entries_warn_but_do_not_fail(data_dir: Path) -> None:
    resultaat = controleer(data_dir, verouderd_maanden=12, vandaag=date(2026, 11, 23), strikt=True)
    assert resultaat.geldig
    teksten = meldingen(resultaat)
    zeeland = regel(data_dir, "regions.yaml", "gecontroleerd: 2024-01-15")
    assert (
        f"data/regions.yaml:{zeeland}:20: waarschuwing: provincie 'zeeland': laatst gecontroleerd "
        "op 2024-01-15, meer dan 12 maanden geleden; kijk de gegevens na en zet 'gecontroleerd' op "
        "de datum van vandaag."
    ) in teksten
    # Anna was checked last month: no warning. Entries without a date: a warning each.
    assert not any("anna-voorbeeld" in t and "gecontroleerd" in t for t in teksten)
    assert sum("nog nooit gecontroleerd" in t for t in teksten) == 8


def test_stale_boundary_is_exactly_n_months(data_dir: Path) -> None:
    def aantal(vandaag: date) -> int:
        resultaat = controleer(data_dir, verouderd_maanden=12, vandaag=vandaag)
        return sum("zeeland" in m and "laatst gecontroleerd" in m for m in meldingen(resultaat))

    assert aantal(date(2025, 1, 15)) == 0
    assert aantal(date(2025, 1, 16)) == 1


def test_a_broken_file_does_not_hide_problems_in_the_other(data_dir: Path) -> None:
    vervang(data_dir, "regions.yaml", "    status: erkend", "    status: erkent")
    vervang(data_dir, "contacts.yaml", "telefoon: 06-12345678", "telefoon: 06-1234")
    fouten = _fouten(data_dir)
    assert len(fouten) == 2
    assert fouten[0].startswith("data/contacts.yaml:")
    assert "'06-1234' is geen geldig Nederlands telefoonnummer" in fouten[0]
    assert "'erkent' is geen geldige waarde" in fouten[1]
