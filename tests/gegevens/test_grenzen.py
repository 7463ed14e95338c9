"""Province boundaries: the committed GeoJSON, loading it, and the SVG outline.

The import script that writes the file is tested in tests/test_gemeenten.py.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from regio.gegevens.grenzen import Grens, laad_grenzen, svg_omtrek
from regio.gegevens.problems import als_tekst
from tests.conftest import FIXTURES, REPO

GRENZEN = REPO / "data/geo/provinces.geojson"
PROVINCIE_CODES = {
    "NL-DR", "NL-FL", "NL-FR", "NL-GE", "NL-GR", "NL-LI",
    "NL-NB", "NL-NH", "NL-OV", "NL-UT", "NL-ZE", "NL-ZH",
}  # fmt: skip


def _grenzen() -> dict[str, Grens]:
    grenzen, problemen = laad_grenzen(GRENZEN, "data/geo/provinces.geojson")
    assert problemen == []
    return grenzen


def _laad_tekst(tmp_path: Path, tekst: str | bytes) -> list[str]:
    pad = tmp_path / "provinces.geojson"
    if isinstance(tekst, str):
        pad.write_text(tekst, encoding="utf-8")
    else:
        pad.write_bytes(tekst)
    grenzen, problemen = laad_grenzen(pad, "data/geo/provinces.geojson")
    assert grenzen == {}  # a broken file gives no boundaries at all, never half of them
    return [als_tekst(p) for p in problemen]


# -- the committed file -------------------------------------------------------------------------


def test_committed_boundaries_hold_the_twelve_provinces_and_stay_small() -> None:
    grenzen = _grenzen()
    assert set(grenzen) == PROVINCIE_CODES
    assert GRENZEN.stat().st_size <= 50 * 1024
    regels = GRENZEN.read_text(encoding="utf-8").splitlines()
    # One feature per line, sorted by code: a refresh gives a readable diff.
    codes = [re.search(r'"id":"(NL-[A-Z]{2})"', r) for r in regels[1:-1]]
    assert [c.group(1) for c in codes if c] == sorted(PROVINCIE_CODES)
    assert len(regels) == 14


def test_committed_features_have_code_id_and_name() -> None:
    data = json.loads(GRENZEN.read_text(encoding="utf-8"))
    for feature in data["features"]:
        assert feature["id"] == feature["properties"]["code"]
        assert feature["properties"]["naam"]
        assert feature["geometry"]["type"] == "MultiPolygon"


@pytest.mark.parametrize(
    ("plaats", "lat", "lon", "code"),
    [
        ("Utrecht", 52.09083, 5.12222, "NL-UT"),
        ("Middelburg", 51.5, 3.61389, "NL-ZE"),
        ("Maastricht", 50.84833, 5.68889, "NL-LI"),
        ("Groningen", 53.21917, 6.56667, "NL-GR"),
        ("Leeuwarden", 53.20271, 5.80973, "NL-FR"),
        ("Zwolle", 52.5125, 6.09444, "NL-OV"),
        ("Assen", 52.99667, 6.5625, "NL-DR"),
        ("Lelystad", 52.50833, 5.475, "NL-FL"),
        ("Arnhem", 51.98, 5.91111, "NL-GE"),
        ("Haarlem", 52.38084, 4.63683, "NL-NH"),
        ("Rotterdam", 51.9225, 4.47917, "NL-ZH"),
        ("Eindhoven", 51.44083, 5.47778, "NL-NB"),
    ],
)
def test_towns_fall_in_their_own_province_only(
    plaats: str, lat: float, lon: float, code: str
) -> None:
    binnen = [c for c, grens in _grenzen().items() if grens.bevat(lon, lat)]
    assert binnen == [code], plaats


def test_points_outside_the_netherlands_are_in_no_province() -> None:
    grenzen = _grenzen()
    for lon, lat in [(4.4025, 51.2194), (6.0839, 50.7753), (4.0, 52.5), (2.35, 48.85)]:
        assert not any(g.bevat(lon, lat) for g in grenzen.values())


def test_fixture_boundaries_are_the_utrecht_and_zeeland_lines_of_the_real_file() -> None:
    echt = GRENZEN.read_text(encoding="utf-8").splitlines()
    fixture = (FIXTURES / "geldig/geo/provinces.geojson").read_text(encoding="utf-8").splitlines()
    gekozen = [r for r in echt if '"id":"NL-UT"' in r or '"id":"NL-ZE"' in r]
    assert fixture == [echt[0], *gekozen[:-1], gekozen[-1].removesuffix(","), echt[-1]]


# -- loading ------------------------------------------------------------------------------------

FEATURE = (
    '{"type":"Feature","properties":{"code":"NL-UT","naam":"Utrecht"},"geometry":'
    '{"type":"Polygon","coordinates":[[[5,52],[5.1,52],[5.1,52.1],[5,52.1],[5,52]]]}}'
)


def test_missing_file_is_one_dutch_problem(tmp_path: Path) -> None:
    grenzen, problemen = laad_grenzen(tmp_path / "nergens.geojson", "data/geo/provinces.geojson")
    assert grenzen == {}
    assert [als_tekst(p) for p in problemen] == [
        "data/geo/provinces.geojson:1:1: fout: bestand met provinciegrenzen ontbreekt; de kaart "
        "heeft het nodig. Zie data/geo/README.md om het te maken."
    ]


@pytest.mark.parametrize(
    ("tekst", "melding"),
    [
        (
            '{"type":"FeatureCollection","features":[\n' + FEATURE + "\n" + FEATURE + "\n]}",
            "data/geo/provinces.geojson:3:1: fout: ongeldige JSON: hier ontbreekt een komma "
            "(of een sluitend haakje).",
        ),
        (
            '{"type":"FeatureCollection","features":[\n' + FEATURE + ",\n]}",
            "data/geo/provinces.geojson:3:1: fout: ongeldige JSON: hier werd een waarde verwacht "
            "(een getal, tekst, lijst of object).",
        ),
        (
            '{"type":"FeatureCollection",\n  "features":[],}',
            "data/geo/provinces.geojson:2:17: fout: ongeldige JSON: hier werd een sleutel tussen "
            "dubbele aanhalingstekens verwacht; staat er een komma te veel?",
        ),
        (
            '{"type":"FeatureCollection","features":[]}\n{}',
            "data/geo/provinces.geojson:2:1: fout: ongeldige JSON: na het einde van de JSON staat "
            "nog meer tekst.",
        ),
        (
            '{"type":"FeatureCollection",\n"features":"[]}',
            "data/geo/provinces.geojson:2:12: fout: ongeldige JSON: een tekst is niet gesloten "
            "met een dubbel aanhalingsteken.",
        ),
        ("", "data/geo/provinces.geojson:1:1: fout: ongeldige JSON: hier werd een waarde verwacht"),
    ],
)
def test_broken_json_names_line_and_column_in_dutch(
    tmp_path: Path, tekst: str, melding: str
) -> None:
    [probleem] = _laad_tekst(tmp_path, tekst)
    assert probleem.startswith(melding)


def test_invalid_utf8_points_at_the_byte(tmp_path: Path) -> None:
    assert _laad_tekst(tmp_path, b'{"type":\n  "Feature\xff"}') == [
        "data/geo/provinces.geojson:2:11: fout: bestand is geen geldige UTF-8; sla het op als "
        "'UTF-8' (zonder BOM)."
    ]


def test_deeply_nested_json_does_not_raise(tmp_path: Path) -> None:
    [probleem] = _laad_tekst(tmp_path, "[" * 100_000 + "]" * 100_000)
    assert "te diep genest" in probleem


@pytest.mark.parametrize(
    ("tekst", "uitleg"),
    [
        ("[]", 'verwacht een object met "type": "FeatureCollection".'),
        ('{"type":"FeatureCollection"}', "'features' moet een lijst zijn."),
        ('{"type":"FeatureCollection","features":[]}', "'features' is leeg; er staan geen"),
        ('{"type":"FeatureCollection","features":[1]}', 'feature 1 is geen object met "type"'),
        (
            '{"type":"FeatureCollection","features":[' + FEATURE.replace("NL-UT", "Utrecht") + "]}",
            "feature 1: 'code' moet een ISO 3166-2-code zijn, zoals NL-UT.",
        ),
        (
            '{"type":"FeatureCollection","features":[' + FEATURE.replace("Polygon", "Point") + "]}",
            "feature 1 (NL-UT): de geometrie moet een Polygon of MultiPolygon zijn.",
        ),
        (
            '{"type":"FeatureCollection","features":['
            + FEATURE.replace("[5,52]]]", "[5,52.2]]]")
            + "]}",
            "feature 1 (NL-UT): een ring moet eindigen waar hij begint.",
        ),
        (
            '{"type":"FeatureCollection","features":['
            + FEATURE.replace("5.1,52]", "NaN,52]")
            + "]}",
            "feature 1 (NL-UT): een punt moet [lengtegraad, breedtegraad] in graden zijn.",
        ),
        (
            '{"type":"FeatureCollection","features":['
            + FEATURE.replace("5.1,52]", "52,95]")
            + "]}",
            "feature 1 (NL-UT): een punt moet [lengtegraad, breedtegraad] in graden zijn.",
        ),
    ],
)
def test_wrong_shape_says_what_is_expected(tmp_path: Path, tekst: str, uitleg: str) -> None:
    [probleem] = _laad_tekst(tmp_path, tekst)
    assert probleem.startswith(
        "data/geo/provinces.geojson:1:1: fout: geen geldige GeoJSON met provinciegrenzen: "
    )
    assert uitleg in probleem


def test_duplicate_province_keeps_the_first(tmp_path: Path) -> None:
    tweede = FEATURE.replace('"naam":"Utrecht"', '"naam":"Sticht"')
    pad = tmp_path / "p.geojson"
    pad.write_text(f'{{"type":"FeatureCollection","features":[{FEATURE},{tweede}]}}', "utf-8")
    grenzen, problemen = laad_grenzen(pad, "data/geo/provinces.geojson")
    assert grenzen["NL-UT"].naam == "Utrecht"
    assert [als_tekst(p) for p in problemen] == [
        "data/geo/provinces.geojson:1:1: fout: provincie NL-UT staat twee keer in het bestand "
        "(feature 2); houd er één over."
    ]


# -- geometry -----------------------------------------------------------------------------------


def _grens_met_gat() -> Grens:
    buiten = ((0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0), (0.0, 0.0))
    gat = ((4.0, 4.0), (4.0, 6.0), (6.0, 6.0), (6.0, 4.0), (4.0, 4.0))
    eiland = ((20.0, 0.0), (21.0, 0.0), (21.0, 1.0), (20.0, 0.0))
    return Grens("NL-XX", "Proef", ((buiten, gat), (eiland,)))


def test_point_in_polygon_respects_holes_and_islands() -> None:
    grens = _grens_met_gat()
    assert grens.bevat(1, 1)
    assert not grens.bevat(5, 5)  # in the hole
    assert grens.bevat(20.9, 0.5)  # on the island
    assert not grens.bevat(15, 5)
    assert not grens.bevat(float("nan"), 5)
    assert grens.kader == (0.0, 0.0, 21.0, 10.0)


def test_distance_to_the_boundary_in_km() -> None:
    utrecht = _grenzen()["NL-UT"]
    assert utrecht.afstand_km(5.12222, 52.09083) > 5  # the city lies well inside
    # Gorinchem (Zuid-Holland) lies about 5 km from Utrecht's boundary.
    assert not utrecht.bevat(4.97, 51.83)
    assert 3 < utrecht.afstand_km(4.97, 51.83) < 8
    # Leerdam moved to Utrecht in 2019 (Vijfheerenlanden); the 2025 boundaries hold it.
    assert utrecht.bevat(5.09167, 51.89333)


# -- the SVG outline ----------------------------------------------------------------------------


def test_svg_outline_is_small_accessible_and_deterministic() -> None:
    grens = _grenzen()["NL-ZE"]
    svg = svg_omtrek(grens)
    assert svg == svg_omtrek(grens)
    assert svg.startswith(
        '<svg xmlns="http://www.w3.org/2000/svg" class="regio-omtrek-svg" viewBox="0 0 160 160" '
        'width="160" height="160" role="img"><title>Zeeland</title><path class="regio-omtrek-vlak" '
    )
    assert svg.count("<path") == 1 and svg.endswith("/></svg>")
    assert "\n" not in svg
    pad = re.search(r' d="([^"]*)"', svg)
    assert pad is not None
    # The mainland (the islands joined by the Delta Works) and Zeeuws-Vlaanderen, and the
    # Oosterschelde and Veerse Meer as holes: the generalised gemeenten leave out large waters.
    assert pad.group(1).count("M") == 4
    getallen = [float(g) for g in re.findall(r"-?\d+(?:\.\d+)?", pad.group(1))]
    assert all(0 <= g <= 160 for g in getallen)
    assert all(re.fullmatch(r"-?\d+(\.\d)?", g) for g in re.findall(r"[-\d.]+", pad.group(1)))
    assert len(svg) < 3000  # the outlines follow the gemeenten: about 200 points for Zeeland


def test_svg_outline_fills_the_box_and_keeps_the_aspect_ratio() -> None:
    grens = _grenzen()["NL-LI"]  # tall and narrow
    svg = svg_omtrek(grens, breedte=100, hoogte=200)
    assert 'viewBox="0 0 100 200"' in svg
    pad = re.search(r' d="([^"]*)"', svg)
    assert pad is not None
    paren = re.findall(r"(-?[\d.]+) (-?[\d.]+)", pad.group(1))
    xs, ys = [float(x) for x, _ in paren], [float(y) for _, y in paren]
    assert min(ys) == pytest.approx(4, abs=0.1) and max(ys) == pytest.approx(196, abs=0.1)
    assert (max(xs) + min(xs)) / 2 == pytest.approx(50, abs=0.1)  # centred
    assert max(xs) - min(xs) < 100


def test_svg_outline_escapes_the_name() -> None:
    grens = Grens("NL-XX", '<script>"&</script>', _grens_met_gat().polygonen)
    svg = svg_omtrek(grens)
    assert "<title>&lt;script&gt;&quot;&amp;&lt;/script&gt;</title>" in svg
    assert "<script" not in svg


def test_a_copy_is_read_once_and_each_caller_gets_its_own_dict(tmp_path: Path) -> None:
    kopie = tmp_path / "provinces.geojson"
    kopie.write_bytes(GRENZEN.read_bytes())
    eerst, _ = laad_grenzen(GRENZEN, "data/geo/provinces.geojson")
    tweede, _ = laad_grenzen(kopie, "data/geo/provinces.geojson")
    assert tweede["NL-UT"] is eerst["NL-UT"]
    del tweede["NL-UT"]
    assert "NL-UT" in laad_grenzen(GRENZEN, "data/geo/provinces.geojson")[0]
