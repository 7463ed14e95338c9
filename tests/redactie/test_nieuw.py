"""`regio nieuw`: a new entry from options or answers, checked first, only added lines."""

from __future__ import annotations

import difflib
import io
import shutil
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from regio.cli import main
from regio.gegevens.load import load_file
from regio.gegevens.registry import bestanden
from regio.redactie.fmt import maak_op
from tests.conftest import FIXTURES, controleer, meldingen
from tests.pagina_html import lees

NIEUW = [
    "nieuw", "partnerschap", "--geen-vragen",
    "--naam", "Partnerschap Nieuw Voorbeeld",
    "--status", "aspirant",
    "--sectoren", "po,vo",
    "--provincies", "utrecht",
    "--opleidingen", "voorbeeld-pabo",
    "--bron", "https://example.org/nieuw",
    "--gecontroleerd", "2026-02-01",
]  # fmt: skip


class _Terminal(io.StringIO):
    """Answers typed in a terminal."""

    def isatty(self) -> bool:
        return True


def _toegevoegd(oud: str, nieuw: str) -> list[str]:
    """The added lines; fails when anything else changed."""
    toegevoegd = []
    matcher = difflib.SequenceMatcher(a=oud.splitlines(), b=nieuw.splitlines(), autojunk=False)
    for soort, a1, a2, b1, b2 in matcher.get_opcodes():
        assert soort in ("equal", "insert"), (soort, oud.splitlines()[a1:a2])
        if soort == "insert":
            toegevoegd.extend(nieuw.splitlines()[b1:b2])
    return toegevoegd


def _items(data_dir: Path, bestand: str, collectie: str) -> list[Any]:
    geladen = load_file(data_dir / bestand).geladen
    assert geladen is not None
    items = geladen.data[collectie]
    assert isinstance(items, list)
    return items


def test_new_partnership_from_options_validates_adds_only_lines_and_gets_a_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "site", project)
    shutil.copytree(FIXTURES / "geldig", project / "data")
    data_dir = project / "data"
    regions = data_dir / "regions.yaml"
    oud = regions.read_text(encoding="utf-8")
    contacts = (data_dir / "contacts.yaml").read_bytes()

    assert main([*NIEUW, "--data-dir", str(data_dir)]) == 0
    nieuw = regions.read_text(encoding="utf-8")
    regelnummer = nieuw.splitlines().index("  - id: partnerschap-nieuw-voorbeeld") + 1
    assert capsys.readouterr().out == (
        f"Toegevoegd: partnerschap 'partnerschap-nieuw-voorbeeld' in {data_dir}/regions.yaml, "
        f"regel {regelnummer}.\n"
    )
    assert _toegevoegd(oud, nieuw) == [
        "  - id: partnerschap-nieuw-voorbeeld",
        "    naam: Partnerschap Nieuw Voorbeeld",
        "    status: aspirant",
        "    opleidingen: [voorbeeld-pabo]",
        "    sectoren: [po, vo]",
        "    provincies: [utrecht]",
        "    gecontroleerd: 2026-02-01",
        "    bron:",
        "      - https://example.org/nieuw",
    ]
    # At the end of the partnerships, before the projects.
    assert nieuw.index("partnerschap-nieuw-voorbeeld") < nieuw.index("projecten:")
    assert (data_dir / "contacts.yaml").read_bytes() == contacts
    resultaat = controleer(data_dir)
    assert resultaat.geldig, meldingen(resultaat)
    assert meldingen(resultaat) == []

    site = tmp_path / "site"
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(site)))
    pagina = lees(site / "partnerschappen" / "partnerschap-nieuw-voorbeeld" / "index.html")
    assert "Partnerschap Nieuw Voorbeeld" in pagina.tekst
    overzicht = lees(site / "partnerschappen" / "index.html")
    assert "Partnerschap Nieuw Voorbeeld" in overzicht.tekst


def test_the_new_entry_is_laid_out_as_fmt_would(data_dir: Path) -> None:
    assert main(["fmt", "--data-dir", str(data_dir)]) == 0
    assert main([*NIEUW, "--data-dir", str(data_dir)]) == 0
    assert main(["fmt", "--check", "--data-dir", str(data_dir)]) == 0


def test_blank_lines_between_entries_are_followed(data_dir: Path) -> None:
    pad = data_dir / "contacts.yaml"
    tekst = pad.read_text(encoding="utf-8").replace("\n  - id: bram", "\n\n  # Bram.\n  - id: bram")
    pad.write_text(tekst, encoding="utf-8")
    argumenten = ["nieuw", "persoon", "--geen-vragen", "--data-dir", str(data_dir)]
    argumenten += ["--naam", "Cor Voorbeeld", "--functie", "adviseur", "--openbaar", "nee"]
    argumenten += ["--organisatie", "voorbeeld-pabo", "--gecontroleerd", "2026-02-01"]
    assert main(argumenten) == 0
    assert _toegevoegd(tekst, pad.read_text(encoding="utf-8")) == [
        "",
        "  - id: cor-voorbeeld",
        "    naam: Cor Voorbeeld",
        "    functie: adviseur",
        "    organisatie: voorbeeld-pabo",
        "    openbaar: false",
        "    gecontroleerd: 2026-02-01",
    ]
    assert _items(data_dir, "contacts.yaml", "personen")[-1]["openbaar"] is False


def test_gecontroleerd_is_today_by_default(data_dir: Path) -> None:
    argumenten = [a for a in NIEUW if a not in ("--gecontroleerd", "2026-02-01")]
    assert main([*argumenten, "--data-dir", str(data_dir)]) == 0
    nieuw = _items(data_dir, "regions.yaml", "partnerschappen")[-1]
    assert nieuw["gecontroleerd"] == date.today()


@pytest.mark.parametrize(
    ("soort", "opties", "bestand", "collectie"),
    [
        ("organisatie", ["--soort", "overig", "--sectoren", "mbo"], "contacts.yaml", "organisaties"),
        ("onderwijsregio", ["--status", "voorloper", "--sectoren", "po"], "regions.yaml", "onderwijsregios"),
        (
            "project",
            ["--programma", "voorbeeldprogramma", "--sectoren", "vo", "--start", "2024-01-01",
             "--coordinaten", "52.09,5.12", "--landelijk", "ja"],
            "regions.yaml",
            "projecten",
        ),
    ],
)  # fmt: skip
def test_every_kind_goes_to_its_own_collection(
    data_dir: Path, soort: str, opties: list[str], bestand: str, collectie: str
) -> None:
    oud = (data_dir / bestand).read_text(encoding="utf-8")
    argumenten = ["nieuw", soort, "--geen-vragen", "--data-dir", str(data_dir)]
    assert main([*argumenten, "--naam", f"Nieuwe {soort}", *opties]) == 0
    _toegevoegd(oud, (data_dir / bestand).read_text(encoding="utf-8"))
    assert _items(data_dir, bestand, collectie)[-1]["id"] == f"nieuwe-{soort}"
    assert controleer(data_dir).geldig


def test_a_missing_collection_is_added_in_model_order(data_dir: Path) -> None:
    pad = data_dir / "regions.yaml"
    tekst = pad.read_text(encoding="utf-8")
    zonder = tekst[: tekst.index("onderwijsregios:")] + tekst[tekst.index("partnerschappen:") :]
    pad.write_text(zonder, encoding="utf-8")
    argumenten = ["nieuw", "onderwijsregio", "--geen-vragen", "--data-dir", str(data_dir)]
    argumenten += ["--naam", "Regio Nieuw", "--status", "onbekend", "--sectoren", "po"]
    assert main([*argumenten, "--gecontroleerd", "2026-02-01"]) == 0
    nieuw = pad.read_text(encoding="utf-8")
    assert _toegevoegd(zonder, nieuw) == [
        "onderwijsregios:",
        "  - id: regio-nieuw",
        "    naam: Regio Nieuw",
        "    status: onbekend",
        "    sectoren: [po]",
        "    gecontroleerd: 2026-02-01",
    ]
    assert nieuw.index("programmas:") < nieuw.index("onderwijsregios:")
    assert nieuw.index("onderwijsregios:") < nieuw.index("partnerschappen:")
    assert controleer(data_dir).geldig


NARE_TEKSTEN = [
    "Naam met \"dubbele\" en 'enkele' aanhalingstekens",
    "Naam: met dubbele punt",
    "Naam # met hekje",
    "#begint met hekje",
    "- begint als lijst",
    "{{ jinja }} en {% blok %}",
    "[haakjes] en {accolades}",
    "&anker *alias !tag %procent @apenstaart `backtick`",
    "yes",
    "2024-01-01",
    "12345",
    "null",
    "~",
    " spaties eromheen ",
    "regel één\nregel twee",
    "backslash \\ en \\n letterlijk",
    "é ü ß – “typografisch” ✓",  # noqa: RUF001
    "'begint met enkel aanhalingsteken",
    '"begint met dubbel aanhalingsteken',
    "eindigt met dubbele punt:",
    "? vraagteken",
    "| pijp",
    "> groter dan",
    "---",
    "lang " * 30,
]


@pytest.mark.parametrize("tekst", NARE_TEKSTEN)
def test_untrusted_text_loads_back_exactly(data_dir: Path, tekst: str) -> None:
    argumenten = ["nieuw", "organisatie", "--geen-vragen", "--data-dir", str(data_dir)]
    argumenten += [f"--naam={tekst}", "--id", "nare-tekst", "--soort", "overig"]
    # Free text fields ('plaats' is checked against the gazetteer, so not one of them).
    argumenten += [f"--beschrijving={tekst}", f"--volledige-naam={tekst}"]
    assert main(argumenten) == 0
    nieuw = _items(data_dir, "contacts.yaml", "organisaties")[-1]
    assert nieuw["naam"] == tekst
    assert nieuw["beschrijving"] == tekst
    assert nieuw["volledige_naam"] == tekst
    # The file stays formatted as fmt would have it (idempotent: fmt changes nothing new).
    tekst_bestand = (data_dir / "contacts.yaml").read_text(encoding="utf-8")
    opgemaakt = maak_op(tekst_bestand, bestanden()["contacts.yaml"], "c").tekst
    assert opgemaakt is not None
    regels_nieuw = tekst_bestand[tekst_bestand.index("  - id: nare-tekst") :]
    assert regels_nieuw in opgemaakt


def test_forbidden_characters_are_refused_and_nothing_is_written(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    voor = (data_dir / "contacts.yaml").read_bytes()
    argumenten = ["nieuw", "organisatie", "--geen-vragen", "--data-dir", str(data_dir)]
    assert main([*argumenten, "--naam=Belletje\x07", "--soort", "overig"]) == 1
    uit = capsys.readouterr().out
    assert "fout bij --naam: verboden teken (U+0007)" in uit
    assert (data_dir / "contacts.yaml").read_bytes() == voor


def test_missing_required_fields_are_a_usage_error(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    voor = (data_dir / "regions.yaml").read_bytes()
    assert main(["nieuw", "partnerschap", "--data-dir", str(data_dir), "--naam", "X"]) == 2
    assert capsys.readouterr().out == (
        "regio nieuw partnerschap: fout: deze velden zijn verplicht: --status, --sectoren.\n"
    )
    assert (data_dir / "regions.yaml").read_bytes() == voor


@pytest.mark.parametrize(
    ("opties", "melding"),
    [
        (
            ["--status", "erkent"],
            "fout bij --status: partnerschap 'partnerschap-nieuw-voorbeeld': 'erkent' is geen "
            "geldige waarde voor 'status'; toegestaan: erkend, aspirant, onbekend. "
            "Bedoelde u 'erkend'?",
        ),
        (
            ["--provincies", "utrect"],
            "fout bij --provincies: partnerschap 'partnerschap-nieuw-voorbeeld': 'provincies' "
            "verwijst naar 'utrect', maar er is geen provincie met die id. Bedoelde u 'utrecht'?",
        ),
        (
            ["--status-sinds", "2024-13-01"],
            "fout bij --status-sinds: partnerschap 'partnerschap-nieuw-voorbeeld': '2024-13-01' "
            "is geen geldige datum voor 'status_sinds'; schrijf JJJJ-MM-DD, bijv. 2024-09-01.",
        ),
        (
            ["--id", "voorbeeld-pabo"],
            "fout bij --id: ",
        ),
    ],
)
def test_problems_name_the_option_and_leave_the_data_untouched(
    data_dir: Path, capsys: pytest.CaptureFixture[str], opties: list[str], melding: str
) -> None:
    voor = {naam: (data_dir / naam).read_bytes() for naam in bestanden()}
    assert main([*NIEUW, "--data-dir", str(data_dir), *opties]) == 1
    uit = capsys.readouterr().out
    assert melding in uit
    assert f"Er is niets toegevoegd aan {data_dir}/regions.yaml." in uit
    assert {naam: (data_dir / naam).read_bytes() for naam in bestanden()} == voor


def test_interactive_asks_in_dutch_and_asks_a_wrong_answer_again(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    antwoorden = [
        "Vraag Voorbeeld",  # naam
        "",  # id: the default from the name
        "adviseur",  # functie
        "voorbeeld-pabbo",  # organisatie: a typo
        "vraag@example.org",  # email
        "",  # telefoon
        "ja",  # openbaar
        "",  # afgeleid
        "",  # ontleend
        "https://example.org/vraag",  # bron
        "voorbeeld-pabo",  # organisatie, asked again
    ]
    monkeypatch.setattr(sys, "stdin", _Terminal("\n".join(antwoorden) + "\n"))
    assert main(["nieuw", "persoon", "--data-dir", str(data_dir)]) == 0
    uit = capsys.readouterr().out
    assert "naam: Naam zoals de organisatie of regio die zelf gebruikt.\n> " in uit
    assert "id: Vaste sleutel" in uit and "(leeg: vraag-voorbeeld)" in uit
    assert "openbaar: true als de bron de contactgegevens zelf openbaar publiceert" in uit
    assert "(ja of nee; mag leeg blijven)" in uit
    assert (
        "fout bij 'organisatie': persoon 'vraag-voorbeeld': 'organisatie' verwijst naar "
        "'voorbeeld-pabbo', maar er is geen organisatie met die id. Bedoelde u 'voorbeeld-pabo'?"
    ) in uit
    assert uit.count("organisatie: id van de organisatie waar deze persoon werkt.") == 2
    assert "Toegevoegd: persoon 'vraag-voorbeeld'" in uit
    nieuw = _items(data_dir, "contacts.yaml", "personen")[-1]
    assert nieuw == {
        "id": "vraag-voorbeeld",
        "naam": "Vraag Voorbeeld",
        "functie": "adviseur",
        "organisatie": "voorbeeld-pabo",
        "email": "vraag@example.org",
        "openbaar": True,
        "gecontroleerd": date.today(),
        "bron": ["https://example.org/vraag"],
    }


def test_interactive_shows_allowed_values_and_stops_cleanly_at_end_of_input(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    voor = (data_dir / "regions.yaml").read_bytes()
    monkeypatch.setattr(sys, "stdin", _Terminal("Half Voorbeeld\n\n"))
    assert main(["nieuw", "partnerschap", "--data-dir", str(data_dir)]) == 1
    uit = capsys.readouterr().out
    assert "(kies uit: erkend, aspirant, onbekend)" in uit
    assert "Afgebroken; er is niets toegevoegd." in uit
    assert (data_dir / "regions.yaml").read_bytes() == voor


def test_options_come_from_the_model(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["nieuw", "partnerschap", "--help"])
    hulp = " ".join(capsys.readouterr().out.split())
    for optie in ("--naam", "--status-sinds", "--sectoren", "--coordinaten", "--geen-vragen"):
        assert optie in hulp
    assert "erkend, aspirant, onbekend" in hulp
