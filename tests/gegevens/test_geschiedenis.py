"""The history of each entity from a small git repository made in the test (fixed dates)."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest

from regio.gegevens.geschiedenis import Veldwijziging, lees_geschiedenis
from tests.conftest import FIXTURES, vervang

NIEUW = """  - id: test-org
    naam: Testorganisatie
    soort: overig
    bron:
      - https://example.org/test
"""


def commit(repo: Path, bericht: str, moment: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_DATE": moment, "GIT_COMMITTER_DATE": moment}
    git = ["git", "-C", str(repo), "-c", "user.name=Test", "-c", "user.email=test@example.org"]
    subprocess.run([*git, "add", "-A"], check=True, env=env)
    subprocess.run([*git, "commit", "-q", "-m", bericht], check=True, env=env)
    uit = subprocess.run([*git, "rev-parse", "HEAD"], check=True, capture_output=True, text=True)
    return uit.stdout.strip()


def maak_repo(tmp_path: Path) -> tuple[Path, list[str]]:
    """Six commits: start, add, change, reformat (no change), rename an id, remove."""
    repo = tmp_path / "repo"
    data = repo / "data"
    shutil.copytree(FIXTURES / "geldig", data)
    subprocess.run(["git", "init", "-q", "-b", "main", str(repo)], check=True)
    ids = [commit(repo, "Begin", "2026-11-23T10:00:00+01:00")]
    vervang(data, "contacts.yaml", "personen:\n", NIEUW + "personen:\n")
    ids.append(commit(repo, "Testorganisatie erbij\n\nMet uitleg.", "2026-11-24T10:00:00+01:00"))
    vervang(data, "regions.yaml", "    hoofdstad: Utrecht\n", "    hoofdstad: Utrecht-stad\n")
    ids.append(commit(repo, "Hoofdstad van Utrecht", "2026-11-30T09:00:00+01:00"))
    # Reformatting: quotes, flow list to block list, the entity moved to the top: no change.
    tekst = (data / "contacts.yaml").read_text(encoding="utf-8").replace(NIEUW, "")
    opnieuw = '  - naam: "Testorganisatie"\n    id: test-org\n    soort: "overig"\n    bron: [https://example.org/test]\n'
    tekst = tekst.replace("organisaties:\n", "organisaties:\n" + opnieuw, 1)
    (data / "contacts.yaml").write_text(tekst, encoding="utf-8")
    ids.append(commit(repo, "Opmaak", "2026-12-01T12:00:00+01:00"))
    vervang(data, "contacts.yaml", "    id: test-org\n", "    id: test-organisatie\n")
    ids.append(commit(repo, "Nieuwe id", "2026-12-02T12:00:00+01:00"))
    tekst = (
        (data / "contacts.yaml")
        .read_text(encoding="utf-8")
        .replace(opnieuw.replace("test-org", "test-organisatie"), "")
    )
    (data / "contacts.yaml").write_text(tekst, encoding="utf-8")
    ids.append(commit(repo, "Weg ermee", "2026-12-03T12:00:00+01:00"))
    return repo, ids


@pytest.fixture
def repo(tmp_path: Path) -> tuple[Path, list[str]]:
    return maak_repo(tmp_path)


def test_history_per_entity(repo: tuple[Path, list[str]]) -> None:
    pad, ids = repo
    geschiedenis, reden = lees_geschiedenis(pad / "data")
    assert geschiedenis is not None, reden
    assert geschiedenis.head == ids[-1]
    samenvatting = {
        ident: [(w.soort, w.commit, w.bericht, w.velden) for w in ws]
        for ident, ws in geschiedenis.per_entiteit.items()
    }
    begin = ("toegevoegd", ids[0], "Begin", ())
    assert samenvatting["zeeland"] == [begin]
    assert samenvatting["utrecht"] == [
        begin,
        (
            "gewijzigd",
            ids[2],
            "Hoofdstad van Utrecht",
            (Veldwijziging("hoofdstad", "Utrecht", "Utrecht-stad", True),),
        ),
    ]
    # The reformatting (ids[3]) changes nothing; the new id is a removal and a creation.
    assert samenvatting["test-org"] == [
        ("toegevoegd", ids[1], "Testorganisatie erbij", ()),
        ("verwijderd", ids[4], "Nieuwe id", ()),
    ]
    assert samenvatting["test-organisatie"] == [
        ("toegevoegd", ids[4], "Nieuwe id", ()),
        ("verwijderd", ids[5], "Weg ermee", ()),
    ]
    assert all(w.commit != ids[3] for w in geschiedenis.alle)
    laatste = geschiedenis.alle[0]
    assert (laatste.id, laatste.naam, laatste.collectie) == (
        "test-organisatie",
        "Testorganisatie",
        "organisaties",
    )
    assert laatste.datum == datetime.fromisoformat("2026-12-03T12:00:00+01:00")
    assert [w.datum for w in geschiedenis.alle] == sorted(
        (w.datum for w in geschiedenis.alle), reverse=True
    )


def test_no_git_no_history(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "geldig", data)
    geschiedenis, reden = lees_geschiedenis(data)
    assert geschiedenis is None
    assert reden


def test_uncommitted_data_no_history(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "geldig", data)
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    geschiedenis, reden = lees_geschiedenis(data)
    assert geschiedenis is None
    assert reden


def test_shallow_clone_no_history(repo: tuple[Path, list[str]], tmp_path: Path) -> None:
    pad, _ = repo
    kloon = tmp_path / "kloon"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{pad}", str(kloon)], check=True)
    geschiedenis, reden = lees_geschiedenis(kloon / "data")
    assert geschiedenis is None
    assert "shallow" in reden
