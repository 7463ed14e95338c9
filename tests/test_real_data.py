"""The committed data in data/ is valid, complete where it must be, and sourced."""

from __future__ import annotations

from regio.gegevens.validate import valideer
from tests.conftest import REPO

PROVINCIE_CODES = {
    "NL-DR", "NL-FL", "NL-FR", "NL-GE", "NL-GR", "NL-LI",
    "NL-NB", "NL-NH", "NL-OV", "NL-UT", "NL-ZE", "NL-ZH",
}  # fmt: skip


def test_real_data_is_valid_even_when_strict() -> None:
    resultaat = valideer(REPO / "data", strikt=True, weergave_dir="data")
    assert resultaat.geldig, resultaat.problemen
    assert resultaat.problemen == ()


def test_twelve_provinces_each_with_a_public_coordinator() -> None:
    gegevens = valideer(REPO / "data").gegevens
    assert gegevens is not None
    assert {p.code for p in gegevens.provincies} == PROVINCIE_CODES
    personen = {p.id: p for p in gegevens.personen}
    for provincie in gegevens.provincies:
        coordinator = personen[provincie.regiocoordinator]
        assert coordinator.openbaar
        assert coordinator.email and coordinator.telefoon
    # Seed 000 names five coordinators for the twelve provinces.
    assert len({p.regiocoordinator for p in gegevens.provincies}) == 5


def test_every_entity_names_a_source() -> None:
    gegevens = valideer(REPO / "data").gegevens
    assert gegevens is not None
    for entiteit, _ in gegevens.alle():
        assert entiteit.bron, entiteit.id
