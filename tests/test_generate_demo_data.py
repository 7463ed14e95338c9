"""The demo data generator: valid, fictional, deterministic, never into data/."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from regio.gegevens.validate import valideer
from tests.conftest import REPO

_spec = importlib.util.spec_from_file_location(
    "generate_demo_data", REPO / "scripts/generate_demo_data.py"
)
assert _spec and _spec.loader
demo = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(demo)


def test_generated_data_is_valid_and_fictional(tmp_path: Path) -> None:
    demo.write(tmp_path, 120, 7)
    resultaat = valideer(tmp_path, strikt=True)
    assert resultaat.geldig, resultaat.problemen[:3]
    gegevens = resultaat.gegevens
    assert gegevens is not None
    assert len(gegevens.provincies) == 12
    aantal = sum(1 for _ in gegevens.alle()) - 12 - len(gegevens.programmas)
    assert aantal == 120
    for persoon in gegevens.personen:
        assert persoon.naam.startswith("Voorbeeld")
        assert persoon.email and persoon.email.endswith("@example.org")
        assert persoon.telefoon is None
    for entiteit, _ in gegevens.alle():
        if entiteit.id not in {p.id for p in gegevens.provincies}:
            assert "Voorbeeld" in entiteit.naam


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    demo.write(tmp_path / "a", 50, 3)
    demo.write(tmp_path / "b", 50, 3)
    demo.write(tmp_path / "c", 50, 4)
    for naam in ("regions.yaml", "contacts.yaml"):
        assert (tmp_path / "a" / naam).read_bytes() == (tmp_path / "b" / naam).read_bytes()
    assert (tmp_path / "a/regions.yaml").read_bytes() != (tmp_path / "c/regions.yaml").read_bytes()


def test_refuses_to_write_into_data() -> None:
    with pytest.raises(SystemExit, match="weigert"):
        demo.write(REPO / "data", 10, 1)


def test_a_smaller_geography_keeps_only_its_provinces(tmp_path: Path) -> None:
    demo.write(tmp_path, 40, 2, REPO / "tests" / "fixtures" / "geldig" / "geo")
    resultaat = valideer(tmp_path, strikt=True)
    assert resultaat.geldig, resultaat.problemen[:3]
    assert resultaat.gegevens is not None
    assert sorted(p.id for p in resultaat.gegevens.provincies) == ["utrecht", "zeeland"]
    assert (tmp_path / "geo" / "gemeenten.topojson").read_bytes() == (
        REPO / "tests" / "fixtures" / "geldig" / "geo" / "gemeenten.topojson"
    ).read_bytes()


def test_a_geography_without_its_files_is_refused(tmp_path: Path) -> None:
    (tmp_path / "geo").mkdir()
    with pytest.raises(SystemExit, match=r"mist provinces\.geojson, gemeenten\.topojson"):
        demo.write(tmp_path / "uit", 10, 1, tmp_path / "geo")
