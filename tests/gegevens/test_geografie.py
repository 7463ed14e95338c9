"""Geography checks: every province has a boundary, and every plaats or coordinaten lies in the
provinces its entry names. Each message is checked with its exact line, as an editor sees it."""

from __future__ import annotations

from pathlib import Path

import pytest

from regio.cli import main
from regio.gegevens.geografie import NEDERLAND, geografie
from regio.gegevens.grenzen import laad_grenzen
from regio.gegevens.plaatsen import gazetteer
from regio.gegevens.validate import lees, valideer
from tests.conftest import REPO, controleer, meldingen, regel, vervang

GEO = "geo/provinces.geojson"
REGIO = "    provincies: [utrecht]\n    plaats: Utrecht\n"  # the onderwijsregio in the fixture


def _plaats(data_dir: Path, waarde: str, provincies: str = "[utrecht]") -> None:
    vervang(data_dir, "regions.yaml", REGIO, f"    provincies: {provincies}\n    {waarde}\n")


def _lijn(data_dir: Path, fragment: str) -> int:
    return regel(data_dir, "regions.yaml", fragment)


def test_fixture_has_boundaries_and_a_position_and_no_problems(data_dir: Path) -> None:
    resultaat = controleer(data_dir)
    assert meldingen(resultaat) == []
    assert resultaat.geografie is not None
    assert sorted(resultaat.geografie.grenzen) == ["NL-UT", "NL-ZE"]
    assert resultaat.geografie.posities == {"voorbeeldregio": (52.09083, 5.12222)}


def test_unknown_place_suggests_the_nearest_name(data_dir: Path) -> None:
    _plaats(data_dir, "plaats: Utrect")
    assert meldingen(controleer(data_dir)) == [
        f"data/regions.yaml:{_lijn(data_dir, 'plaats: Utrect')}:13: fout: onderwijsregio "
        "'voorbeeldregio': plaats 'Utrect' is onbekend (niet gevonden in GeoNames). Bedoelde u "
        "'Utrecht'? Staat de plaats er echt niet in, laat 'plaats' dan weg of geef 'coordinaten' op."
    ]
    resultaat = controleer(data_dir)
    assert resultaat.geografie is not None and resultaat.geografie.posities == {}


def test_place_in_another_province(data_dir: Path) -> None:
    _plaats(data_dir, "plaats: Doetinchem")
    assert meldingen(controleer(data_dir)) == [
        f"data/regions.yaml:{_lijn(data_dir, 'plaats: Doetinchem')}:13: fout: onderwijsregio "
        "'voorbeeldregio': plaats 'Doetinchem' ligt in Gelderland, niet in Utrecht. Pas 'plaats' "
        "of 'provincies' aan."
    ]


def test_place_in_none_of_several_provinces_names_them_all(data_dir: Path) -> None:
    _plaats(data_dir, "plaats: Den Haag", "[utrecht, zeeland]")
    [melding] = meldingen(controleer(data_dir))
    assert melding.endswith(
        "plaats 'Den Haag' ligt in Zuid-Holland, niet in Utrecht of Zeeland. Pas 'plaats' of "
        "'provincies' aan."
    )


@pytest.mark.parametrize(
    ("waarde", "provincies"),
    [
        ("plaats: Middelburg", "[zeeland]"),
        ("plaats: middelburg", "[utrecht, zeeland]"),
        ("plaats: Den Bosch", "[]"),  # no province named: nothing to compare with
        ("plaats: Vianen", "[utrecht]"),  # Utrecht since 2019; the boundaries are older
    ],
)
def test_place_in_a_named_province_is_fine(data_dir: Path, waarde: str, provincies: str) -> None:
    _plaats(data_dir, waarde, provincies)
    resultaat = controleer(data_dir)
    assert meldingen(resultaat) == []
    assert resultaat.geografie is not None and "voorbeeldregio" in resultaat.geografie.posities


def test_unknown_organisation_place_is_an_error_like_any_other(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # An organisation's 'plaats' places it in the open data (GeoJSON): a typo must not silently
    # drop it from there, but be reported at the value, as for a partnership.
    vervang(
        data_dir,
        "contacts.yaml",
        "    soort: lerarenopleiding\n",
        "    plaats: Utrehct\n    soort: lerarenopleiding\n",
    )
    lijn = regel(data_dir, "contacts.yaml", "plaats: Utrehct")
    verwacht = (
        f"data/contacts.yaml:{lijn}:13: fout: organisatie 'voorbeeld-pabo': plaats 'Utrehct' is "
        "onbekend (niet gevonden in GeoNames). Bedoelde u 'Utrecht'? Staat de plaats er echt "
        "niet in, laat 'plaats' dan weg."
    )
    assert meldingen(controleer(data_dir)) == [verwacht]
    assert main(["validate", "--data-dir", str(data_dir)]) == 1
    assert capsys.readouterr().out.splitlines() == [verwacht.replace("data/", f"{data_dir}/", 1)]


def test_known_organisation_place_is_fine(data_dir: Path) -> None:
    vervang(
        data_dir,
        "contacts.yaml",
        "    soort: lerarenopleiding\n",
        "    plaats: Utrecht\n    soort: lerarenopleiding\n",
    )
    resultaat = controleer(data_dir)
    assert meldingen(resultaat) == []
    # Organisations are not on the map: the positions stay those of the map's entries.
    assert resultaat.geografie is not None
    assert list(resultaat.geografie.posities) == ["voorbeeldregio"]


def test_unknown_province_id_is_reported_once(data_dir: Path) -> None:
    _plaats(data_dir, "plaats: Utrecht", "[utrect]")
    [melding] = meldingen(controleer(data_dir))
    assert "'provincies' verwijst naar 'utrect'" in melding


def test_coordinates_outside_the_netherlands(data_dir: Path) -> None:
    _plaats(data_dir, "coordinaten: {lat: 48.85, lon: 2.35}")
    lijn = _lijn(data_dir, "coordinaten:")
    resultaat = controleer(data_dir)
    assert meldingen(resultaat) == [
        f"data/regions.yaml:{lijn}:18: fout: onderwijsregio 'voorbeeldregio': coördinaten "
        "(lat 48.85, lon 2.35) liggen buiten Nederland. Nederland ligt tussen lat 50.7 en 53.7 "
        "en lon 3.2 en 7.3."
    ]
    assert resultaat.geografie is not None and resultaat.geografie.posities == {}


def test_swapped_coordinates_get_a_hint(data_dir: Path) -> None:
    _plaats(data_dir, "coordinaten:\n      lat: 5.12\n      lon: 52.09")
    [melding] = meldingen(controleer(data_dir))
    assert melding == (
        f"data/regions.yaml:{_lijn(data_dir, 'lat: 5.12')}:7: fout: onderwijsregio "
        "'voorbeeldregio': coördinaten (lat 5.12, lon 52.09) liggen buiten Nederland. Zijn lat en "
        "lon verwisseld? lat is de breedtegraad (rond 52), lon de lengtegraad (rond 5)."
    )


def test_coordinates_in_another_province(data_dir: Path) -> None:
    _plaats(data_dir, "coordinaten: {lat: 51.5, lon: 3.61}")
    assert meldingen(controleer(data_dir)) == [
        f"data/regions.yaml:{_lijn(data_dir, 'coordinaten:')}:18: fout: onderwijsregio "
        "'voorbeeldregio': coördinaten (lat 51.5, lon 3.61) liggen in Zeeland, niet in Utrecht."
    ]


def test_coordinates_in_the_sea(data_dir: Path) -> None:
    _plaats(data_dir, "coordinaten: {lat: 52.5, lon: 4.0}")
    [melding] = meldingen(controleer(data_dir))
    assert melding.endswith(
        "coördinaten (lat 52.5, lon 4.0) liggen in geen enkele provincie (buiten Nederland of in "
        "zee?), dus niet in Utrecht."
    )


@pytest.mark.parametrize(
    "coordinaten",
    [
        "{lat: 52.09, lon: 5.12}",  # in the polygon
        "{lat: 51.893, lon: 5.092}",  # Leerdam: Utrecht since 2019, outside the older polygon
    ],
)
def test_coordinates_in_the_named_province(data_dir: Path, coordinaten: str) -> None:
    _plaats(data_dir, f"coordinaten: {coordinaten}")
    resultaat = controleer(data_dir)
    assert meldingen(resultaat) == []
    assert resultaat.geografie is not None
    [positie] = resultaat.geografie.posities.values()
    assert positie == tuple(float(g.split(": ")[1]) for g in coordinaten[1:-1].split(", "))


def test_coordinates_win_over_the_place_name(data_dir: Path) -> None:
    # A hamlet too small for the gazetteer: the coordinates say where it is.
    _plaats(data_dir, "plaats: Achterhoekje\n    coordinaten: {lat: 52.2, lon: 5.3}")
    resultaat = controleer(data_dir)
    assert meldingen(resultaat) == []
    assert resultaat.geografie is not None
    assert resultaat.geografie.posities == {"voorbeeldregio": (52.2, 5.3)}


def test_province_without_boundary(data_dir: Path) -> None:
    pad = data_dir / GEO
    regels = pad.read_text(encoding="utf-8").splitlines()
    pad.write_text(
        "\n".join([regels[0], regels[1].rstrip(","), regels[-1]]) + "\n", encoding="utf-8"
    )
    assert meldingen(controleer(data_dir)) == [
        f"data/regions.yaml:{_lijn(data_dir, 'code: NL-ZE')}:11: fout: provincie 'zeeland': "
        "data/geo/provinces.geojson heeft geen grens met code 'NL-ZE', dus de kaart kan deze "
        "provincie niet tekenen."
    ]


def test_boundary_without_province_is_an_error(data_dir: Path) -> None:
    echt = (REPO / "data" / GEO).read_text(encoding="utf-8").splitlines()
    gelderland = next(r for r in echt if '"id":"NL-GE"' in r)
    pad = data_dir / GEO
    regels = pad.read_text(encoding="utf-8").splitlines()
    regels.insert(1, gelderland)
    pad.write_text("\n".join(regels) + "\n", encoding="utf-8")
    assert meldingen(controleer(data_dir)) == [
        "data/geo/provinces.geojson:1:1: fout: de grens van Gelderland (NL-GE) hoort bij geen "
        "enkele provincie in regions.yaml. Verwijder die grens of voeg de provincie toe."
    ]
    assert not controleer(data_dir).geldig


def test_changed_province_code_suggests_the_free_boundary(data_dir: Path) -> None:
    vervang(data_dir, "regions.yaml", "    code: NL-ZE", "    code: NL-ZZ")
    fouten = [m for m in meldingen(controleer(data_dir)) if ": fout: " in m]
    assert fouten[0].startswith("data/geo/provinces.geojson:1:1: fout: de grens van Zeeland")
    assert fouten[1:] == [
        f"data/regions.yaml:{_lijn(data_dir, 'code: NL-ZZ')}:11: fout: provincie 'zeeland': "
        "data/geo/provinces.geojson heeft geen grens met code 'NL-ZZ', dus de kaart kan deze "
        "provincie niet tekenen. Bedoelde u 'NL-ZE'?"
    ]


def test_duplicate_boundary(data_dir: Path) -> None:
    pad = data_dir / GEO
    regels = pad.read_text(encoding="utf-8").splitlines()
    regels.insert(1, regels[1])
    pad.write_text("\n".join(regels) + "\n", encoding="utf-8")
    assert meldingen(controleer(data_dir)) == [
        "data/geo/provinces.geojson:1:1: fout: provincie NL-UT staat twee keer in het bestand "
        "(feature 2); houd er één over."
    ]


def test_broken_geojson_is_one_message_with_line_and_column(data_dir: Path) -> None:
    pad = data_dir / GEO
    pad.write_text(pad.read_text(encoding="utf-8").replace("]]]]}},\n", "]]]]}}\n"), "utf-8")
    resultaat = controleer(data_dir)
    assert meldingen(resultaat) == [
        "data/geo/provinces.geojson:3:1: fout: ongeldige JSON: hier ontbreekt een komma "
        "(of een sluitend haakje)."
    ]
    # The places are still checked and placed; only the boundaries are missing.
    assert resultaat.geografie is not None
    assert resultaat.geografie.grenzen == {}
    assert resultaat.geografie.posities == {"voorbeeldregio": (52.09083, 5.12222)}


def test_missing_boundaries_file(data_dir: Path) -> None:
    (data_dir / GEO).unlink()
    resultaat = controleer(data_dir)
    assert meldingen(resultaat) == [
        "data/geo/provinces.geojson:1:1: fout: bestand met provinciegrenzen ontbreekt; de kaart "
        "heeft het nodig. Zie data/geo/README.md om het te maken."
    ]
    assert not resultaat.geldig


def test_no_geography_when_a_data_file_is_broken(data_dir: Path) -> None:
    vervang(data_dir, "regions.yaml", "    status: erkend", "    status: erkent")
    resultaat = controleer(data_dir)
    assert resultaat.geografie is None
    assert not any("geo" in m for m in meldingen(resultaat))


def test_messages_name_the_boundaries_file_as_the_data_dir_is_given(data_dir: Path) -> None:
    (data_dir / GEO).unlink()
    [probleem] = valideer(data_dir).problemen
    assert probleem.positie.bestand == f"{data_dir}/geo/provinces.geojson"


def test_real_data_places_every_entry_that_names_a_place() -> None:
    resultaat = valideer(REPO / "data", weergave_dir="data")
    assert resultaat.problemen == ()
    assert resultaat.geografie is not None
    gegevens = resultaat.gegevens
    assert gegevens is not None
    met_plaats = {
        g.id
        for naam in ("onderwijsregios", "partnerschappen", "projecten")
        for g in getattr(gegevens, naam)
        if g.plaats or g.coordinaten
    }
    assert set(resultaat.geografie.posities) == met_plaats
    assert len(met_plaats) == 17
    min_lon, min_lat, max_lon, max_lat = NEDERLAND
    for lat, lon in resultaat.geografie.posities.values():
        assert min_lat <= lat <= max_lat and min_lon <= lon <= max_lon


def test_the_bounding_box_holds_every_province() -> None:
    grenzen, _ = laad_grenzen(REPO / "data" / GEO, GEO)
    min_lon, min_lat, max_lon, max_lat = NEDERLAND
    for grens in grenzen.values():
        a, b, c, d = grens.kader
        assert min_lon <= a and min_lat <= b and c <= max_lon and d <= max_lat


def test_geografie_without_boundaries_still_places(data_dir: Path) -> None:
    gegevens, _, _ = lees(data_dir)
    posities, problemen = geografie(gegevens, {}, gazetteer(data_dir), "data/geo/provinces.geojson")
    assert problemen == []
    assert posities == {"voorbeeldregio": (52.09083, 5.12222)}
