"""Hostile input: every bad data set in tests/hostile/ is refused, in Dutch, on the right line.

Each case (tests/hostile/cases.yaml) runs both ways an editor meets it:

1. ``regio validate`` exits 1 and prints only ``data/<file>:<line>:<col>: fout: …`` lines, one of
   them at the expected place with the expected message, and no traceback;
2. a real MkDocs build of a small site aborts with those same messages in its error log, and the
   site/ a previous good build left behind is byte-for-byte unchanged.

The good site is built once per session into a template project; each case hard-links that
project (site/ included) into a folder of its own, swaps in its own data and runs one failing build.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from regio.cli import main
from tests.conftest import FIXTURES

HOSTILE = Path(__file__).parent / "hostile"
MB = 1024 * 1024

# What `regio validate` may print: problems as editors read them, nothing else.
MELDING = re.compile(
    r"data/(regions\.yaml|contacts\.yaml|geo/provinces\.geojson):[1-9]\d*:[1-9]\d*: "
    r"(fout|waarschuwing): \S.*"
)
# Words from PyYAML's, json's and the OS's English messages; quoted values are left out first.
ENGELS = re.compile(
    r"\b(the|found|expected|allowed|character|stream|while|could not|cannot|unexpected|invalid|"
    r"error|denied|directory|no such|position|line \d+|column \d+)\b",
    re.IGNORECASE,
)
SAMENVATTING = re.compile(r"Gegevens zijn niet geldig: \d+ fout(en)? en \d+ waarschuwing(en)?\.\n")


def _engels(regel: str) -> list[str]:
    """English words in a message, outside the quoted values it repeats."""
    melding = regel.split(": ", 2)[-1]
    return ENGELS.findall(re.sub(r"'[^']*'", "''", melding))


# --- generated files: small recipes instead of big committed files ---------------------------


def _alias_bom() -> bytes:
    """'Billion laughs': each line holds ten aliases of the line before it."""
    regels = [b"provincies: &a0 [utrecht, utrecht, utrecht, utrecht, utrecht]"]
    for n in range(1, 12):
        regels.append(b"a%d: &a%d [%s]" % (n, n, b", ".join([b"*a%d" % (n - 1)] * 10)))
    return b"\n".join(regels) + b"\n"


def _groot() -> bytes:
    """Just over 25 MB of well-formed people."""
    persoon = b"  - {id: p, naam: P, functie: f, organisatie: voorbeeld-pabo}\n"
    return b"personen:\n" + persoon * (25 * MB // len(persoon) + 1)


def _diep_blok() -> bytes:
    """1,000 mappings, each one indented under the one before."""
    tekst = "".join(f"{'  ' * n}niveau{n}:\n" for n in range(1000)) + "  " * 1000 + "bodem\n"
    return tekst.encode()


def _diep_haakjes() -> bytes:
    return b"organisaties: " + b"[" * 1000 + b"]" * 1000 + b"\n"


def _diep_json() -> bytes:
    """Deep enough that Python's json parser gives up (it manages a thousand levels)."""
    diepte = 100_000
    return b'{"type": "FeatureCollection", "features": ' + b"[" * diepte + b"]" * diepte + b"}\n"


RECEPTEN: dict[str, Callable[[], bytes]] = {
    "alias-bom": _alias_bom,
    "groot": _groot,
    "diep-blok": _diep_blok,
    "diep-haakjes": _diep_haakjes,
    "diep-json": _diep_json,
}


# --- the cases ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Geval:
    naam: str
    bestand: str
    melding: str
    regel: int | str
    kolom: int | None = None
    verwacht_in: str | None = None
    fouten: int = 1
    oud: str | None = None
    nieuw: str | None = None
    inhoud: str | None = None
    ruw: str | None = None
    recept: str | None = None
    verwijder: bool = False

    def maak(self, data: Path) -> None:
        """Write the valid fixture data to ``data``, with this case's change."""
        shutil.copytree(FIXTURES / "geldig", data)
        pad = data / self.bestand
        if self.oud is not None:
            assert self.nieuw is not None
            tekst = pad.read_text(encoding="utf-8")
            assert tekst.count(self.oud) == 1, (
                f"{self.oud!r} komt {tekst.count(self.oud)} keer voor"
            )
            # A lone surrogate '\uDCxx' in `nieuw` stands for the raw byte 0xxx (not UTF-8).
            pad.write_bytes(tekst.replace(self.oud, self.nieuw).encode("utf-8", "surrogateescape"))
        elif self.inhoud is not None:
            pad.write_text(self.inhoud, encoding="utf-8")
        elif self.ruw is not None:
            pad.write_bytes((HOSTILE / self.ruw).read_bytes())
        elif self.recept == "map":
            pad.unlink()
            pad.mkdir()
        elif self.recept is not None:
            pad.write_bytes(RECEPTEN[self.recept]())
        else:
            assert self.verwijder, self.naam
            pad.unlink()

    def verwachte_regel(self, data: Path) -> int:
        if isinstance(self.regel, int):
            return self.regel
        tekst = (data / (self.verwacht_in or self.bestand)).read_bytes().decode("utf-8", "replace")
        assert tekst.count(self.regel) == 1, (
            f"{self.regel!r} komt {tekst.count(self.regel)} keer voor"
        )
        return tekst[: tekst.index(self.regel)].count("\n") + 1

    def plek(self, data: Path) -> str:
        plek = f"data/{self.verwacht_in or self.bestand}:{self.verwachte_regel(data)}:"
        return plek + (f"{self.kolom}:" if self.kolom is not None else "")


def _gevallen() -> list[Geval]:
    gevallen = [
        Geval(**geval) for geval in yaml.safe_load((HOSTILE / "cases.yaml").read_text("utf-8"))
    ]
    namen = [g.naam for g in gevallen]
    assert len(set(namen)) == len(namen), "dubbele naam in tests/hostile/cases.yaml"
    return gevallen


GEVALLEN = _gevallen()


# --- the template project: the good site, built once ---------------------------------------------


def _boom(map_: Path) -> dict[str, bytes]:
    return {p.relative_to(map_).as_posix(): p.read_bytes() for p in map_.rglob("*") if p.is_file()}


@dataclass(frozen=True)
class Sjabloon:
    project: Path
    site: dict[str, bytes]
    inhoud: frozenset[str]


@pytest.fixture(scope="session")
def sjabloon(tmp_path_factory: pytest.TempPathFactory) -> Sjabloon:
    project = tmp_path_factory.mktemp("vijandig") / "project"
    shutil.copytree(FIXTURES / "site", project)
    shutil.copytree(FIXTURES / "geldig", project / "data")
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site")))
    site = _boom(project / "site")
    assert "provincies/utrecht/index.html" in site
    return Sjabloon(project, site, frozenset(p.name for p in project.iterdir()))


# --- the test ----------------------------------------------------------------------------------


def test_corpus_is_large_enough() -> None:
    assert len(GEVALLEN) >= 40


@pytest.mark.parametrize("geval", GEVALLEN, ids=[g.naam for g in GEVALLEN])
def test_hostile_input_is_refused_in_dutch_on_the_right_line(
    geval: Geval,
    sjabloon: Sjabloon,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    project = tmp_path / "project"
    # Hard links, not copies: 113 cases x 5 MB of site/ were most of what a test run wrote (and
    # pytest later deleted). Still a fair check: a build that wrote into site/ would change the
    # linked bytes, and those are compared with the copy held in memory.
    shutil.copytree(sjabloon.project, project, copy_function=os.link)
    shutil.rmtree(project / "data")
    geval.maak(project / "data")

    # 1. `regio validate`, in-process, from the project folder.
    monkeypatch.chdir(project)
    code = main(["validate", "--data-dir", "data"])
    uit, fout = capsys.readouterr()
    regels = uit.splitlines()
    assert code == 1, uit + fout
    assert [r for r in regels if not MELDING.fullmatch(r)] == [], uit
    assert [r for r in regels if _engels(r)] == [], f"Engelse tekst in de meldingen:\n{uit}"
    assert SAMENVATTING.fullmatch(fout), fout
    fouten = [r for r in regels if ": fout: " in r]
    assert len(fouten) == geval.fouten, uit
    plek = geval.plek(project / "data")
    assert [f for f in fouten if f.startswith(plek) and geval.melding in f], (
        f"verwacht op {plek}: {geval.melding!r}\nkreeg:\n{uit}"
    )

    # 2. A real MkDocs build aborts with the same messages and leaves the old site/ alone.
    caplog.clear()
    with caplog.at_level(logging.ERROR, logger="mkdocs"), pytest.raises(Abort):
        build(load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site")))
    log = "\n".join(r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR)
    assert "Traceback" not in log
    for regel in regels:
        assert regel in log
    assert _boom(project / "site") == sjabloon.site
    assert {p.name for p in project.iterdir()} == sjabloon.inhoud


# --- cost: a small file must not keep CI busy for minutes --------------------------------------


def test_many_near_miss_references_are_reported_quickly(tmp_path: Path) -> None:
    """1,500 organisations and 1,500 people whose 'organisatie' has a typo: 0.2 MB of YAML.

    Every broken reference gets a 'Bedoelde u …?' suggestion; finding it must not compare each
    typo with every id (quadratic: minutes for this file, days for a 20 MB one).
    """
    aantal = 1500
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "geldig", data)
    organisaties = "".join(
        f"  - {{id: organisatie-nummer-{n}, naam: O{n}, soort: overig}}\n" for n in range(aantal)
    )
    personen = "".join(
        f"  - {{id: persoon-{n}, naam: P{n}, functie: f, organisatie: organisatie-numer-{n}}}\n"
        for n in range(aantal)
    )
    pad = data / "contacts.yaml"
    tekst = pad.read_text(encoding="utf-8")
    tekst = tekst.replace("organisaties:\n", "organisaties:\n" + organisaties)
    pad.write_text(tekst.replace("personen:\n", "personen:\n" + personen), encoding="utf-8")

    try:
        klaar = subprocess.run(
            [sys.executable, "-m", "regio", "validate", "--data-dir", "data"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=8,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"regio validate doet langer dan 8 s over {aantal} kapotte verwijzingen")
    assert klaar.returncode == 1
    fouten = [r for r in klaar.stdout.splitlines() if ": fout: " in r]
    assert len(fouten) == aantal
    assert "'organisatie' verwijst naar 'organisatie-numer-0'" in fouten[0]
