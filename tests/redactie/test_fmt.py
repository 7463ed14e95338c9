"""`regio fmt`: one layout for the data files, same data, comments kept, nothing lost on errors."""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import Any

import pytest

from regio.cli import main
from regio.gegevens.load import load_bytes
from regio.gegevens.registry import bestanden
from regio.redactie.fmt import maak_op, volgorde
from tests.conftest import REPO

BESTANDEN = bestanden()
RegiosBestand = BESTANDEN["regions.yaml"]
ContactsBestand = BESTANDEN["contacts.yaml"]

KOP = "# yaml-language-server: $schema=../schemas/contacts.schema.json\n"


def _fmt(tekst: str, soort: type[Any] = ContactsBestand) -> str:
    opgemaakt = maak_op(tekst, soort, "data/contacts.yaml")
    assert opgemaakt.tekst is not None, opgemaakt.problemen
    return opgemaakt.tekst


def _data(tekst: str) -> Any:
    geladen = load_bytes(tekst.encode("utf-8"), "x.yaml").geladen
    assert geladen is not None
    return geladen.data


def test_keys_follow_the_model_and_comments_stay_with_their_line() -> None:
    tekst = (
        KOP
        + "#\n"
        + "# Organisaties en personen (verzonnen).\n"
        + "\n"
        + "# Over de personen.\n"
        + "personen:\n"
        + "  # Eerste persoon.\n"
        + "  - naam: Anna Voorbeeld  # zoals op de site\n"
        + "    bron:\n"
        + "      - https://example.org/a\n"
        + "    # Wie haar functie noemt:\n"
        + "    functie: coördinator\n"
        + "    id: anna-voorbeeld\n"
        + "    organisatie: voorbeeld-pabo\n"
        + "\n"
        + "  # Tweede persoon.\n"
        + "  - id: bram-voorbeeld\n"
        + "    organisatie: voorbeeld-pabo\n"
        + "    naam: Bram Voorbeeld\n"
        + "    functie: projectleider\n"
        + "organisaties:\n"
        + "  - id: voorbeeld-pabo\n"
        + "    soort: lerarenopleiding\n"
        + "    naam: Voorbeeld Pabo\n"
        + "\n"
        + "# Einde.\n"
    )
    assert _fmt(tekst) == (
        KOP
        + "#\n"
        + "# Organisaties en personen (verzonnen).\n"
        + "\n"
        + "organisaties:\n"
        + "  - id: voorbeeld-pabo\n"
        + "    naam: Voorbeeld Pabo\n"
        + "    soort: lerarenopleiding\n"
        + "# Over de personen.\n"
        + "personen:\n"
        + "  # Eerste persoon.\n"
        + "  - id: anna-voorbeeld\n"
        + "    naam: Anna Voorbeeld  # zoals op de site\n"
        + "    # Wie haar functie noemt:\n"
        + "    functie: coördinator\n"
        + "    organisatie: voorbeeld-pabo\n"
        + "    bron:\n"
        + "      - https://example.org/a\n"
        + "\n"
        + "  # Tweede persoon.\n"
        + "  - id: bram-voorbeeld\n"
        + "    naam: Bram Voorbeeld\n"
        + "    functie: projectleider\n"
        + "    organisatie: voorbeeld-pabo\n"
        + "\n"
        + "# Einde.\n"
    )


def test_key_order_is_taken_from_the_model() -> None:
    from regio.gegevens.model import Coordinaten, Feit, Partnerschap, Persoon

    assert volgorde(Persoon) == [
        "id", "naam", "functie", "organisatie", "email", "telefoon", "openbaar",
        "afgeleid", "ontleend", "gecontroleerd", "bron",
    ]  # fmt: skip
    assert volgorde(Partnerschap)[:5] == ["id", "naam", "status", "status_sinds", "opleidingen"]
    # What is derived stands next to what is uncertain.
    assert volgorde(Partnerschap)[-6:] == [
        "toelichting", "onzeker", "afgeleid", "ontleend", "gecontroleerd", "bron",
    ]  # fmt: skip
    assert volgorde(Feit) == ["tekst", "datum", "aantal", "telt", "bron"]
    assert volgorde(Coordinaten) == ["lat", "lon"]
    assert volgorde(RegiosBestand) == [
        "provincies", "programmas", "onderwijsregios", "partnerschappen", "projecten",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("geschreven", "opgemaakt"),
    [
        ('"Voorbeeld Pabo"', "Voorbeeld Pabo"),  # quotes only where needed
        ("'Voorbeeld Pabo'", "Voorbeeld Pabo"),
        ('"06-12345678"', "06-12345678"),  # stays text without quotes
        ('"\'s-Hertogenbosch"', '"\'s-Hertogenbosch"'),  # a quote at the start
        ("'''s-Hertogenbosch'", '"\'s-Hertogenbosch"'),  # one quoting style
        ('"Pabo: Voorbeeld"', '"Pabo: Voorbeeld"'),  # ': ' would start a mapping
        ('"Pabo #1"', '"Pabo #1"'),  # ' #' would start a comment
        ('"- Pabo"', '"- Pabo"'),  # '- ' would start a list
        ('"2024"', '"2024"'),  # would read as a number
        ('"ja"', "ja"),
        ('"yes"', '"yes"'),  # our loader (YAML 1.1) reads yes as true
        ('"2024-01-15"', '"2024-01-15"'),  # would read as a date
        ('"null"', '"null"'),
        ('"{{ naam }}"', '"{{ naam }}"'),
        ('"De \\"Pabo\\""', 'De "Pabo"'),  # quotes inside: plain is fine
        ('"\\"Pabo\\" Voorbeeld"', "'\"Pabo\" Voorbeeld'"),  # starts with ": single quotes
        ('"regel 1\\nregel 2"', '"regel 1\\nregel 2"'),
    ],
)
def test_one_quoting_style(geschreven: str, opgemaakt: str) -> None:
    tekst = f"organisaties:\n  - id: voorbeeld-pabo\n    naam: {geschreven}\n    soort: overig\n"
    uit = _fmt(tekst)
    assert (
        uit == f"organisaties:\n  - id: voorbeeld-pabo\n    naam: {opgemaakt}\n    soort: overig\n"
    )
    assert _data(uit) == _data(tekst)


def test_every_kind_of_comment_is_kept() -> None:
    tekst = (
        "organisaties:  # na de sleutel\n"
        "  - soort: overig  # achter een waarde\n"
        "    naam: Voorbeeld\n"
        "    id: voorbeeld\n"
        "    sectoren:\n"
        "      # boven het eerste item\n"
        "      - po\n"
        "      - vo  # achter een item\n"
        "    beschrijving: >-  # achter de kop van een blok\n"
        "      Tekst met # hekje, geen commentaar.\n"
        "    # onder het blok\n"
        "    plaats: Utrecht\n"
    )
    uit = _fmt(tekst)
    assert uit == (
        "organisaties:  # na de sleutel\n"
        "  - id: voorbeeld\n"
        "    naam: Voorbeeld\n"
        "    soort: overig  # achter een waarde\n"
        "    sectoren:\n"
        "      # boven het eerste item\n"
        "      - po\n"
        "      - vo  # achter een item\n"
        "    beschrijving: >-  # achter de kop van een blok\n"
        "      Tekst met # hekje, geen commentaar.\n"
        "    # onder het blok\n"
        "    plaats: Utrecht\n"
    )
    assert _fmt(uit) == uit


def test_unquoted_values_keep_what_our_loader_reads() -> None:
    tekst = (
        "personen:\n  - id: piet\n    naam: Piet\n    functie: f\n    organisatie: org\n"
        "    openbaar: Yes\n"
    )
    uit = _fmt(tekst)
    assert uit.endswith("    openbaar: true\n")
    assert _data(uit) == _data(tekst)


def test_lists_flow_when_short_blocks_for_addresses_and_long_lists() -> None:
    lang = ", ".join(f"organisatie-nummer-{n}" for n in range(6))
    tekst = (
        "projecten:\n"
        "  - id: voorbeeldproject\n"
        "    naam: Voorbeeldproject\n"
        "    programma: voorbeeldprogramma\n"
        "    sectoren:\n"
        "      - po\n"
        "      - vo\n"
        f"    organisaties: [{lang}]\n"
        "    bron: [https://example.org/project]\n"
    )
    uit = maak_op(tekst, RegiosBestand, "data/regions.yaml").tekst
    assert uit is not None
    assert "    sectoren: [po, vo]\n" in uit
    assert "    organisaties:\n      - organisatie-nummer-0\n      - organisatie-nummer-1\n" in uit
    assert "    bron:\n      - https://example.org/project\n" in uit


def test_a_text_too_long_for_its_line_is_folded_and_block_texts_are_kept() -> None:
    lang = " ".join(["Een verzonnen organisatie die heel veel doet."] * 4)
    tekst = (
        "organisaties:\n"
        "  - id: voorbeeld-pabo\n"
        "    naam: Voorbeeld Pabo\n"
        "    soort: overig\n"
        f"    beschrijving: {lang}\n"
        "  - id: andere-pabo\n"
        "    naam: Andere Pabo\n"
        "    soort: overig\n"
        "    beschrijving: |\n"
        "      # Kop\n"
        "\n"
        "      Eerste alinea,\n"
        "      met een eigen regelovergang.\n"
    )
    uit = _fmt(tekst)
    regels = uit.splitlines()
    start = regels.index("    beschrijving: >-")
    assert all(len(r) <= 100 for r in regels)
    assert regels[start + 1].startswith("      Een verzonnen organisatie")
    assert uit.endswith(
        "    beschrijving: |\n      # Kop\n\n      Eerste alinea,\n      met een eigen regelovergang.\n"
    )
    assert _data(uit) == _data(tekst)


def test_formatting_is_idempotent_and_keeps_the_data() -> None:
    for bestand, soort in BESTANDEN.items():
        for map_ in (REPO / "data", REPO / "tests/fixtures/geldig"):
            tekst = (map_ / bestand).read_text(encoding="utf-8")
            eenmaal = maak_op(tekst, soort, bestand).tekst
            assert eenmaal is not None
            assert maak_op(eenmaal, soort, bestand).tekst == eenmaal, map_ / bestand
            assert _data(eenmaal) == _data(tekst)
            assert [r for r in eenmaal.splitlines() if r.lstrip().startswith("#")] == [
                r for r in tekst.splitlines() if r.lstrip().startswith("#")
            ]


def test_crlf_becomes_lf_with_one_final_newline() -> None:
    tekst = (
        "organisaties:\r\n  - id: voorbeeld-pabo\r\n    naam: Pabo\r\n    soort: overig\r\n\r\n\r\n"
    )
    assert (
        _fmt(tekst) == "organisaties:\n  - id: voorbeeld-pabo\n    naam: Pabo\n    soort: overig\n"
    )


# --- the command -------------------------------------------------------------------------------


def test_check_reports_unformatted_files_and_writes_nothing(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    voor = {naam: (data_dir / naam).read_bytes() for naam in BESTANDEN}
    assert main(["fmt", "--check", "--data-dir", str(data_dir)]) == 1
    uit = capsys.readouterr().out
    assert f"{data_dir}/regions.yaml: niet netjes opgemaakt; voer 'regio fmt' uit\n" in uit
    assert f"--- {data_dir}/regions.yaml\n" in uit
    assert "-    sectoren: [po]\n" in uit
    assert {naam: (data_dir / naam).read_bytes() for naam in BESTANDEN} == voor

    assert main(["fmt", "--data-dir", str(data_dir)]) == 0
    assert "opgemaakt: " in capsys.readouterr().err
    assert main(["fmt", "--check", "--data-dir", str(data_dir)]) == 0
    gevangen = capsys.readouterr()
    assert gevangen.out == ""
    assert gevangen.err == "Alle gegevensbestanden zijn netjes opgemaakt.\n"
    assert not list(data_dir.glob(".*.tmp"))  # the temporary file was renamed into place


def test_fmt_removes_a_leading_bom_and_check_reports_it(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["fmt", "--data-dir", str(data_dir)]) == 0
    capsys.readouterr()
    pad = data_dir / "contacts.yaml"
    netjes = pad.read_bytes()
    pad.write_bytes(codecs.BOM_UTF8 + netjes)
    assert main(["validate", "--data-dir", str(data_dir)]) == 0, capsys.readouterr().out

    assert main(["fmt", "--check", "--data-dir", str(data_dir)]) == 1
    uit = capsys.readouterr().out
    assert uit.startswith(
        f"{data_dir}/contacts.yaml: niet netjes opgemaakt; voer 'regio fmt' uit\n"
        "Het bestand begint met een BOM (byte order mark), een onzichtbaar teken; "
        "'regio fmt' haalt het weg.\n"
    )
    assert "\ufeff" not in uit  # the diff shows nothing invisible
    assert pad.read_bytes() == codecs.BOM_UTF8 + netjes

    assert main(["fmt", "--data-dir", str(data_dir)]) == 0
    assert capsys.readouterr().err == f"opgemaakt: {data_dir}/contacts.yaml\n"
    assert pad.read_bytes() == netjes
    assert main(["fmt", "--check", "--data-dir", str(data_dir)]) == 0


@pytest.mark.parametrize(
    ("kapot", "melding"),
    [
        (
            "organisaties:\n  - id: x\n   naam: y\n",
            "data/contacts.yaml:3:",
        ),
        (
            "organisaties:\n  - id: voorbeeld\n    naam: Voorbeeld\n    soort: overig\n"
            "    webstie: https://example.org/\n",
            "data/contacts.yaml:5:5: fout: organisatie 'voorbeeld': onbekend veld 'webstie'. "
            "Bedoelde u 'website'?",
        ),
    ],
)
def test_a_broken_file_is_never_rewritten(
    data_dir: Path, capsys: pytest.CaptureFixture[str], kapot: str, melding: str
) -> None:
    pad = data_dir / "contacts.yaml"
    pad.write_text("# Commentaar dat moet blijven staan.\n" + kapot, encoding="utf-8")
    voor = pad.read_bytes()
    monkey_dir = str(data_dir).removesuffix("/data")
    assert main(["fmt", "--data-dir", str(data_dir)]) == 1
    gevangen = capsys.readouterr()
    uit = gevangen.out.replace(monkey_dir + "/", "")
    assert melding.replace(":3:", ":4:").replace(":5:5:", ":6:5:") in uit
    assert "contacts.yaml: niet opgemaakt; los eerst de fouten op." in gevangen.err
    assert "Traceback" not in gevangen.err
    assert pad.read_bytes() == voor
    # The other file was still formatted.
    assert maak_op((data_dir / "regions.yaml").read_text(), RegiosBestand, "r").tekst == (
        data_dir / "regions.yaml"
    ).read_text(encoding="utf-8")


def test_the_committed_data_is_formatted(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fmt", "--check", "--data-dir", str(REPO / "data")]) == 0, capsys.readouterr().out
