"""The JSON Schemas come from the models and never disagree with them."""

from __future__ import annotations

import copy
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regio.gegevens.gemeenten import gemeentenamen
from regio.gegevens.model import Model
from regio.gegevens.registry import bestanden
from regio.gegevens.schema import als_tekst, schema_naam, schemas
from tests.conftest import FIXTURES, REPO

CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"


def test_committed_schemas_match_the_models() -> None:
    for naam, schema in schemas(gemeentenamen(REPO / "data")).items():
        committed = (REPO / "schemas" / naam).read_text(encoding="utf-8")
        assert committed == als_tekst(schema), f"schemas/{naam} is verouderd: draai `make schema`"


def test_data_files_point_at_their_schema() -> None:
    for map_ in (REPO / "data", FIXTURES / "geldig"):
        for bestand in bestanden():
            eerste = (map_ / bestand).read_text(encoding="utf-8").splitlines()[0]
            if map_.name == "data":
                assert (
                    eerste == f"# yaml-language-server: $schema=../schemas/{schema_naam(bestand)}"
                )


@pytest.mark.parametrize(
    "map_", [REPO / "data", FIXTURES / "geldig"], ids=["echte-data", "fixture"]
)
def test_check_jsonschema_accepts_the_data(map_: Path) -> None:
    for bestand in bestanden():
        proces = subprocess.run(
            [
                str(CHECK_JSONSCHEMA),
                "--schemafile",
                str(REPO / "schemas" / schema_naam(bestand)),
                str(map_ / bestand),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        assert proces.returncode == 0, proces.stdout + proces.stderr


def test_check_jsonschema_rejects_what_the_model_rejects(tmp_path: Path) -> None:
    tekst = (FIXTURES / "geldig" / "regions.yaml").read_text(encoding="utf-8")
    fout = tmp_path / "regions.yaml"
    fout.write_text(tekst.replace("status: erkend", "status: erkent"), encoding="utf-8")
    proces = subprocess.run(
        [
            str(CHECK_JSONSCHEMA),
            "--schemafile",
            str(REPO / "schemas/regions.schema.json"),
            str(fout),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proces.returncode == 1
    assert "erkent" in proces.stdout


# --- agreement on many mutations -------------------------------------------------------------


def _as_json(value: Any) -> Any:
    """What a YAML-aware JSON Schema validator sees: dates become ISO text."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    return value


def _model_accepts(soort: type[Model], data: Any) -> bool:
    try:
        soort.model_validate(data)
    except Exception:
        return False
    return True


VALIDATORS = {
    naam: jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    for naam, schema in schemas().items()
}


def _schema_accepts(bestand: str, data: Any) -> bool:
    return VALIDATORS[schema_naam(bestand)].is_valid(_as_json(data))


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    result = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            result += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            result += _paths(item, (*prefix, index))
    return result


# Replacement values: every YAML type, but no date objects where text is expected (a YAML date in
# a text field is a known gap: JSON Schema sees text there, our loader a date; we report it).
WAARDEN = st.sampled_from(
    [
        None,
        0,
        7,
        1.5,
        True,
        False,
        "",
        "x",
        "Utrecht",
        "NL-UT",
        "po",
        "erkend",
        "voorloper",
        "2023-01-01",
        "2023-13-01",
        "https://example.org",
        "Geen Id",
        [],
        ["po"],
        {},
        {"lat": 52.1},
    ]
)

FIXTURE_DATA = {
    naam: yaml.safe_load((FIXTURES / "geldig" / naam).read_text(encoding="utf-8"))
    for naam in bestanden()
}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    bestand=st.sampled_from(sorted(bestanden())),
    keuze=st.integers(min_value=0, max_value=10_000),
    actie=st.sampled_from(["vervang", "verwijder", "extra"]),
    waarde=WAARDEN,
)
def test_model_and_schema_agree_on_mutations(
    bestand: str, keuze: int, actie: str, waarde: Any
) -> None:
    data = copy.deepcopy(FIXTURE_DATA[bestand])
    paden = [p for p in _paths(data) if p]
    pad = paden[keuze % len(paden)]
    ouder = data
    for deel in pad[:-1]:
        ouder = ouder[deel]
    if actie == "vervang":
        ouder[pad[-1]] = waarde
    elif actie == "verwijder":
        del ouder[pad[-1]]
    elif isinstance(ouder, dict):
        ouder["onbekend_veld"] = waarde
    assert _model_accepts(bestanden()[bestand], data) == _schema_accepts(bestand, data), (
        pad,
        actie,
        waarde,
    )
