"""Gemeenten as geography, on the fixture grid that tests/fixtures/gemeenten/README.md draws."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

import pytest

from regio.gemeenten import (
    Gemeenten,
    binnenpunt,
    bogen_uit_delta,
    gemeenten_uit_topologie,
    laad_gemeenten,
    ring_punten,
)
from regio.problems import als_tekst
from tests.conftest import FIXTURES

FIXTURE = FIXTURES / "gemeenten"


def _laad(pad: Path) -> Gemeenten:
    gemeenten, problemen = laad_gemeenten(pad, str(pad.name))
    assert problemen == []
    assert gemeenten is not None
    return gemeenten


@pytest.fixture(scope="module")
def raster() -> Gemeenten:
    return _laad(FIXTURE / "gemeenten.topojson")


def _naam(gemeenten: Gemeenten, code: str) -> str | None:
    gemeente = gemeenten.met_code(code)
    return gemeente.naam if gemeente else None


def _oppervlak(ring: tuple[tuple[float, float], ...]) -> float:
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in pairwise(ring)) / 2


# -- the fixture grid ---------------------------------------------------------------------------


def test_fixture_gemeenten_have_code_name_slug_and_province(raster: Gemeenten) -> None:
    assert [(g.code, g.naam, g.slug, g.provincie) for g in raster] == [
        ("GM0001", "Aadorp", "aadorp", "NL-UT"),
        ("GM0002", "Bûtenpost", "butenpost", "NL-UT"),
        ("GM0003", "'s-Gravendeel", "s-gravendeel", "NL-ZE"),
        ("GM0004", "Dorpsveld", "dorpsveld", "NL-ZE"),
        ("GM0005", "Eiland", "eiland", "NL-ZE"),
    ]
    aadorp = raster.met_code("GM0001")
    assert aadorp is not None
    assert aadorp.kader == (5.0, 52.0, 5.1, 52.1)
    # RFC 7946 winding: outer rings counter-clockwise, holes clockwise.
    dorpsveld = raster.met_code("GM0004")
    assert dorpsveld is not None
    [[buiten, gat]] = dorpsveld.polygonen
    assert _oppervlak(buiten) > 0 > _oppervlak(gat)


def test_shared_borders_cancel_in_the_outline_of_a_set(raster: Gemeenten) -> None:
    # Aadorp and Bûtenpost: one rectangle, their common border gone.
    [[ring]] = raster.omtrek(["GM0001", "GM0002"])
    assert ring[0] == ring[-1]
    assert set(ring) == {
        (5.0, 52.0),
        (5.1, 52.0),
        (5.2, 52.0),
        (5.2, 52.1),
        (5.1, 52.1),
        (5.0, 52.1),
    }
    assert _oppervlak(ring) == pytest.approx(0.02)


def test_outline_keeps_holes_and_islands(raster: Gemeenten) -> None:
    [[buiten, gat]] = raster.omtrek(["GM0004"])  # Dorpsveld around Eiland
    assert set(gat) == {(5.1, 52.15), (5.2, 52.15), (5.2, 52.25), (5.1, 52.25)}
    assert _oppervlak(buiten) > 0 > _oppervlak(gat)
    # With Eiland the hole is filled; the border drawn twice in the source counts as one.
    [[ring]] = raster.omtrek(["GM0004", "GM0005"])
    assert (5.1, 52.15) not in ring
    assert len(raster.omtrek(["GM0003"])) == 2  # 's-Gravendeel and its island
    alles = raster.omtrek(g.code for g in raster)
    assert [len(p) for p in alles] == [1, 1]
    assert sum(_oppervlak(p[0]) for p in alles) == pytest.approx(0.09 + 0.0025)


def test_outline_of_an_unknown_code_raises(raster: Gemeenten) -> None:
    with pytest.raises(KeyError):
        raster.omtrek(["GM9999"])


def test_point_in_a_hole_belongs_to_the_enclave(raster: Gemeenten) -> None:
    def naam(lat: float, lon: float) -> str | None:
        gemeente = raster.op_punt(lat, lon)
        return gemeente.naam if gemeente else None

    assert naam(52.2, 5.15) == "Eiland"  # inside Dorpsveld's outer ring, but in its hole
    assert naam(52.12, 5.15) == "Dorpsveld"
    assert naam(52.05, 5.05) == "Aadorp"
    assert naam(52.02, 5.42) == "'s-Gravendeel"  # on the island
    assert naam(52.02, 5.35) is None  # between the island and the mainland
    assert naam(53.0, 6.0) is None
    assert naam(float("nan"), 5.05) is None


def test_interior_point_is_inside_even_around_a_hole(raster: Gemeenten) -> None:
    dorpsveld = raster.met_code("GM0004")
    assert dorpsveld is not None
    [polygoon] = dorpsveld.polygonen
    lon, lat = binnenpunt(polygoon)
    assert raster.op_punt(lat, lon) == dorpsveld
    # A U shape, whose bounding box centre lies outside it.
    u = ((0.0, 0.0), (3.0, 0.0), (3.0, 3.0), (2.0, 3.0), (2.0, 1.0), (1.0, 1.0), (1.0, 3.0),
         (0.0, 3.0), (0.0, 0.0))  # fmt: skip
    x, y = binnenpunt((u,))
    assert y < 1 or x < 1 or x > 2


@pytest.mark.parametrize(
    ("zoekterm", "code"),
    [
        ("Bûtenpost", "GM0002"),
        ("butenpost", "GM0002"),
        ("BUTENPOST", "GM0002"),
        ("'s-Gravendeel", "GM0003"),
        ("s gravendeel", "GM0003"),
        ("\u2019s-Gravendeel", "GM0003"),  # a curly apostrophe
    ],
)
def test_name_lookup_ignores_case_accents_and_punctuation(
    raster: Gemeenten, zoekterm: str, code: str
) -> None:
    gemeente = raster.zoek_naam(zoekterm)
    assert gemeente is not None and gemeente.code == code


def test_lookup_by_code_and_slug(raster: Gemeenten) -> None:
    assert raster.met_slug("s-gravendeel") == raster.met_code("GM0003")
    assert raster.met_slug("'s-Gravendeel") is None  # a slug is exact
    assert raster.met_code("GM0009") is None
    assert len(raster) == 5


def test_misspelt_name_gets_a_dutch_suggestion(raster: Gemeenten) -> None:
    assert raster.zoek_naam("Butenpots") is None
    assert raster.suggestie("Butenpots") == " Bedoelde u 'Bûtenpost'?"
    assert raster.suggestie("Dorpveld") == " Bedoelde u 'Dorpsveld'?"
    assert raster.suggestie("Amsterdam") == ""


def test_gemeenten_per_province(raster: Gemeenten) -> None:
    assert [g.naam for g in raster.in_provincie("NL-UT")] == ["Aadorp", "Bûtenpost"]
    assert [g.naam for g in raster.in_provincie("NL-ZE")] == [
        "Dorpsveld",
        "Eiland",
        "'s-Gravendeel",
    ]  # fmt: skip  (sorted as the slug: 's-Gravendeel under s)
    assert raster.in_provincie("NL-GR") == ()


def test_topology_for_a_map_holds_only_what_it_draws(raster: Gemeenten) -> None:
    topologie = raster.topologie_voor(["GM0002", "GM0001"])
    json.dumps(topologie)  # plain JSON values
    assert topologie["transform"] == {"scale": [0.01, 0.01], "translate": [5.0, 52.0]}
    [verzameling] = topologie["objects"].values()
    assert [g["properties"] for g in verzameling["geometries"]] == [
        {"code": "GM0001", "naam": "Aadorp"},
        {"code": "GM0002", "naam": "Bûtenpost"},
    ]
    assert len(topologie["arcs"]) == 6  # Aadorp's 3 arcs and Bûtenpost's 3 more; the border once
    bogen = bogen_uit_delta(topologie["arcs"])
    for geometrie, code in zip(verzameling["geometries"], ["GM0001", "GM0002"], strict=True):
        [ring] = geometrie["arcs"]
        punten = [raster.transformatie.graden(p) for p in ring_punten(ring, bogen)]
        gemeente = raster.met_code(code)
        assert gemeente is not None
        assert set(punten) == set(gemeente.polygonen[0][0])


# -- loading ------------------------------------------------------------------------------------


def _problemen(tmp_path: Path, tekst: str) -> list[str]:
    pad = tmp_path / "gemeenten.topojson"
    pad.write_text(tekst, encoding="utf-8")
    gemeenten, problemen = laad_gemeenten(pad, "data/geo/gemeenten.topojson")
    assert gemeenten is None
    return [als_tekst(p) for p in problemen]


def test_missing_file_is_one_dutch_problem(tmp_path: Path) -> None:
    gemeenten, problemen = laad_gemeenten(tmp_path / "nergens", "data/geo/gemeenten.topojson")
    assert gemeenten is None
    assert [als_tekst(p) for p in problemen] == [
        "data/geo/gemeenten.topojson:1:1: fout: bestand met gemeentegrenzen ontbreekt; de site "
        "heeft het nodig. Zie data/geo/README.md om het te maken."
    ]


def test_broken_json_names_line_and_column(tmp_path: Path) -> None:
    tekst = (FIXTURE / "gemeenten.topojson").read_text(encoding="utf-8")
    kapot = tekst.replace('"NL-UT"}},\n', '"NL-UT"}}\n', 1)
    assert _problemen(tmp_path, kapot) == [
        "data/geo/gemeenten.topojson:3:1: fout: ongeldige JSON: hier ontbreekt een komma "
        "(of een sluitend haakje)."
    ]


@pytest.mark.parametrize(
    ("oud", "nieuw", "uitleg"),
    [
        ('"type":"Topology"', '"type":"FeatureCollection"', 'verwacht een object met "type": "Topology".'),
        ('"transform":{"scale":[0.01,0.01],', '"transform":{"scale":[0,0.01],', "'transform' moet 'scale' (twee positieve getallen)"),
        ('"gemeenten":{', '"gemeente_2025":{', "'objects' moet een GeometryCollection 'gemeenten' bevatten."),
        ('"code":"GM0001"', '"code":"0001"', "feature 1: 'code' moet een CBS-gemeentecode zijn, zoals GM0758."),
        ('"Aadorp","provincie":"NL-UT"', '"Aadorp","provincie":"Utrecht"', "feature 1 (GM0001): 'provincie' moet een ISO 3166-2-code zijn, zoals NL-NB."),
        ('"arcs":[[0,1,2]]', '"arcs":[[0,2]]', "feature 1 (GM0001): een ring moet uit aansluitende bogen bestaan en sluiten."),
        ('"arcs":[[0,1,2]]', '"arcs":[[0,1,20]]', "feature 1 (GM0001): een ring verwijst naar een boog die niet bestaat."),
        ('"arcs":[[0,1,2]]', '"arcs":[[-3,-2,-1]]', "feature 2 (GM0002): de ringen lopen de andere kant op dan die van feature 1"),
        ("[[10,0],[-10,0],[0,10]]", "[[10,0],[-10,0.5],[0,10]]", "boog 0 moet een lijst van minstens twee paren gehele getallen zijn."),
    ],
)  # fmt: skip
def test_wrong_shape_says_what_is_expected(
    tmp_path: Path, oud: str, nieuw: str, uitleg: str
) -> None:
    tekst = (FIXTURE / "gemeenten.topojson").read_text(encoding="utf-8")
    assert tekst.count(oud) == 1
    [probleem] = _problemen(tmp_path, tekst.replace(oud, nieuw))
    assert probleem.startswith(
        "data/geo/gemeenten.topojson:1:1: fout: geen geldige TopoJSON met gemeentegrenzen: "
    )
    assert uitleg in probleem


def test_duplicate_code_keeps_the_first(tmp_path: Path) -> None:
    data = json.loads((FIXTURE / "gemeenten.topojson").read_text(encoding="utf-8"))
    geometrieen = data["objects"]["gemeenten"]["geometries"]
    geometrieen[1]["properties"]["code"] = "GM0001"
    gemeenten, problemen = gemeenten_uit_topologie(data, "data/geo/gemeenten.topojson")
    assert gemeenten is not None and _naam(gemeenten, "GM0001") == "Aadorp"
    assert [als_tekst(p) for p in problemen] == [
        "data/geo/gemeenten.topojson:1:1: fout: gemeente GM0001 staat twee keer in het bestand "
        "(feature 2); houd er één over."
    ]
