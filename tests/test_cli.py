"""`regio validate` and `regio schema` as editors and CI call them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from regio.cli import main
from tests.conftest import regel, vervang


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "regio", *args], cwd=cwd, capture_output=True, text=True, check=False
    )


def test_valid_data_exits_0_and_says_what_it_found(data_dir: Path) -> None:
    proces = _run("validate", cwd=data_dir.parent)
    assert proces.returncode == 0, proces.stdout + proces.stderr
    assert proces.stdout == ""
    assert "Gegevens zijn geldig: 2 provincies" in proces.stderr
    assert "Traceback" not in proces.stderr


def test_data_problems_exit_1_with_file_line_column(data_dir: Path) -> None:
    vervang(data_dir, "regions.yaml", "    status: erkend", "    status: erkent")
    proces = _run("validate", cwd=data_dir.parent)
    assert proces.returncode == 1
    lijn = regel(data_dir, "regions.yaml", "status: erkent")
    assert proces.stdout.splitlines() == [
        f"data/regions.yaml:{lijn}:13: fout: partnerschap 'voorbeeldpartnerschap': 'erkent' is geen "
        "geldige waarde voor 'status'; toegestaan: erkend, aspirant, onbekend. Bedoelde u 'erkend'?"
    ]
    assert "Gegevens zijn niet geldig: 1 fout en 0 waarschuwingen." in proces.stderr


def test_syntax_error_exits_1_without_traceback(data_dir: Path) -> None:
    (data_dir / "contacts.yaml").write_text(
        "organisaties:\n  - id: x\n   naam: y\n", encoding="utf-8"
    )
    proces = _run("validate", cwd=data_dir.parent)
    assert proces.returncode == 1
    assert proces.stdout.startswith("data/contacts.yaml:3:")
    assert "Traceback" not in proces.stderr


def test_github_format_annotates_the_line(data_dir: Path) -> None:
    vervang(data_dir, "contacts.yaml", "telefoon: 06-12345678", "telefoon: 06-1234")
    proces = _run("validate", "--format", "github", cwd=data_dir.parent)
    assert proces.returncode == 1
    lijn = regel(data_dir, "contacts.yaml", "telefoon: 06-1234")
    [annotatie] = proces.stdout.splitlines()
    assert annotatie.startswith(f"::error file=data/contacts.yaml,line={lijn},col=15::persoon ")
    assert "'06-1234' is geen geldig Nederlands telefoonnummer" in annotatie


def test_github_format_escapes_newlines_and_marks_warnings(data_dir: Path) -> None:
    vervang(data_dir, "regions.yaml", "    bron:\n      - https://example.org/regio\n", "")
    proces = _run("validate", "--format", "github", cwd=data_dir.parent)
    assert proces.returncode == 0
    assert proces.stdout.startswith("::warning file=data/regions.yaml,line=")


def test_json_format(data_dir: Path) -> None:
    vervang(data_dir, "regions.yaml", "    eind: 2022-12-31", "    eind: 2020-12-31")
    proces = _run("validate", "--format", "json", "--data-dir", str(data_dir), cwd=data_dir.parent)
    assert proces.returncode == 1
    [probleem] = json.loads(proces.stdout)
    assert probleem["ernst"] == "fout"
    assert probleem["regel"] == regel(data_dir, "regions.yaml", "eind: 2020-12-31")
    assert probleem["kolom"] == 11
    assert probleem["bestand"].endswith("regions.yaml")
    assert "einddatum 2020-12-31 ligt vóór de startdatum" in probleem["melding"]


def test_strict_turns_missing_source_into_exit_1(data_dir: Path) -> None:
    vervang(data_dir, "regions.yaml", "    bron:\n      - https://example.org/regio\n", "")
    assert _run("validate", cwd=data_dir.parent).returncode == 0
    streng = _run("validate", "--strict", cwd=data_dir.parent)
    assert streng.returncode == 1
    assert ": fout: onderwijsregio 'voorbeeldregio': geen 'bron'" in streng.stdout


def test_stale_warns_with_exit_0(data_dir: Path) -> None:
    proces = _run("validate", "--stale", "12", cwd=data_dir.parent)
    assert proces.returncode == 0
    assert "waarschuwing: provincie 'zeeland': laatst gecontroleerd op 2024-01-15" in proces.stdout


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["validate", "--format", "xml"], "ongeldige keuze: 'xml'"),
        (["validate", "--stale", "twaalf"], "'twaalf' is geen geheel getal"),
        (["validate", "--stale", "0"], "moet 1 of meer zijn"),
        (["validate", "--onbekend"], "onbekende argumenten: --onbekend"),
        (["opruimen"], "ongeldige keuze: 'opruimen'"),
        ([], "deze argumenten zijn verplicht"),
    ],
)
def test_usage_errors_exit_2_in_dutch(
    args: list[str], fragment: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    assert exit_info.value.code == 2
    fout = capsys.readouterr().err
    assert "regio" in fout and ": fout: " in fout
    assert fragment in fout


def test_missing_data_dir_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", "--data-dir", str(tmp_path / "nergens")]) == 2
    assert "bestaat niet" in capsys.readouterr().err


def test_missing_file_is_a_data_error(data_dir: Path) -> None:
    (data_dir / "contacts.yaml").unlink()
    proces = _run("validate", cwd=data_dir.parent)
    assert proces.returncode == 1
    assert proces.stdout.startswith("data/contacts.yaml:1:1: fout: bestand ontbreekt.")


def test_help_is_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["validate", "--help"])
    assert exit_info.value.code == 0
    hulp = capsys.readouterr().out
    assert hulp.startswith("gebruik: regio validate")
    assert "toon deze hulp en stop" in hulp
    assert "--stale MAANDEN" in hulp


def test_schema_writes_both_schemas(tmp_path: Path) -> None:
    assert main(["schema", "--out", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "contacts.schema.json",
        "regions.schema.json",
    ]
