"""The history benchmark's repository, and the shortcut it measures: reading versions entry by
entry gives exactly the history that parsing every version whole gives."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from regio.gegevens import versies
from regio.gegevens.geschiedenis import lees_geschiedenis
from tests.conftest import REPO

_spec = importlib.util.spec_from_file_location(
    "regio_bench_geschiedenis", REPO / "scripts/bench_geschiedenis.py"
)
assert _spec and _spec.loader
bench = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = bench
_spec.loader.exec_module(bench)


def test_entry_by_entry_gives_the_history_of_parsing_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "repo"
    bench.maak_repo(repo, 40, 105, seed=3)
    snel, reden = lees_geschiedenis(repo / "data")
    assert snel is not None, reden
    soorten = {w.soort for w in snel.alle}
    assert soorten == {"toegevoegd", "gewijzigd", "verwijderd"}
    assert len({w.commit for w in snel.alle}) == 105

    monkeypatch.setattr(versies, "stukken", lambda tekst: None)
    heel, reden = lees_geschiedenis(repo / "data")
    assert heel is not None, reden
    assert heel == snel
