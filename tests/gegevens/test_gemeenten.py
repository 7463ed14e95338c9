"""Gemeenten as geography: the fixture grid (tests/fixtures/gemeenten/README.md draws it), the
committed data/geo/gemeenten.topojson, and the import script that writes it."""

from __future__ import annotations

import importlib.util
import json
import time
from collections import Counter
from itertools import pairwise
from pathlib import Path

import pytest

from regio.gegevens.gemeenten import Gemeenten, gemeenten_uit_topologie, laad_gemeenten
from regio.gegevens.grenzen import laad_grenzen
from regio.gegevens.plaatsen import gazetteer
from regio.gegevens.problems import als_tekst
from regio.gegevens.topologie import binnenpunt, bogen_uit_delta, ring_punten
from tests.conftest import FIXTURES, REPO

FIXTURE = FIXTURES / "gemeenten"
BRON = FIXTURE / "bron"
FIXTURE_AANTALLEN = {"NL-UT": 2, "NL-ZE": 3}
GEMEENTEN = REPO / "data/geo/gemeenten.topojson"
PROVINCIES = REPO / "data/geo/provinces.geojson"
CBS = REPO.parent / "shared/geo/cbs"
AANTALLEN = {
    "NL-DR": 12, "NL-FL": 6, "NL-FR": 18, "NL-GE": 51, "NL-GR": 10, "NL-LI": 31,
    "NL-NB": 56, "NL-NH": 44, "NL-OV": 25, "NL-UT": 26, "NL-ZE": 13, "NL-ZH": 50,
}  # fmt: skip

_spec = importlib.util.spec_from_file_location(
    "import_boundaries", REPO / "scripts/import_boundaries.py"
)
assert _spec and _spec.loader
importeer = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(importeer)


def _laad(pad: Path) -> Gemeenten:
    gemeenten, problemen = laad_gemeenten(pad, str(pad.name))
    assert problemen == []
    assert gemeenten is not None
    return gemeenten


@pytest.fixture(scope="module")
def raster() -> Gemeenten:
    return _laad(FIXTURE / "gemeenten.topojson")


@pytest.fixture(scope="module")
def echt() -> Gemeenten:
    return _laad(GEMEENTEN)


def _naam(gemeenten: Gemeenten, code: str) -> str | None:
    gemeente = gemeenten.met_code(code)
    return gemeente.naam if gemeente else None


def ring_oppervlak(ring: tuple[tuple[float, float], ...]) -> float:
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
    assert ring_oppervlak(buiten) > 0 > ring_oppervlak(gat)


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
    assert ring_oppervlak(ring) == pytest.approx(0.02)


def test_outline_keeps_holes_and_islands(raster: Gemeenten) -> None:
    [[buiten, gat]] = raster.omtrek(["GM0004"])  # Dorpsveld around Eiland
    assert set(gat) == {(5.1, 52.15), (5.2, 52.15), (5.2, 52.25), (5.1, 52.25)}
    assert ring_oppervlak(buiten) > 0 > ring_oppervlak(gat)
    # With Eiland the hole is filled; the border drawn twice in the source counts as one.
    [[ring]] = raster.omtrek(["GM0004", "GM0005"])
    assert (5.1, 52.15) not in ring
    assert len(raster.omtrek(["GM0003"])) == 2  # 's-Gravendeel and its island
    alles = raster.omtrek(g.code for g in raster)
    assert [len(p) for p in alles] == [1, 1]
    assert sum(ring_oppervlak(p[0]) for p in alles) == pytest.approx(0.09 + 0.0025)


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


def test_the_same_bytes_are_read_once_and_changed_bytes_again(tmp_path: Path) -> None:
    kopie = tmp_path / "gemeenten.topojson"
    kopie.write_bytes(GEMEENTEN.read_bytes())
    eerst, _ = laad_gemeenten(GEMEENTEN, "data/geo/gemeenten.topojson")
    assert laad_gemeenten(kopie, "data/geo/gemeenten.topojson")[0] is eerst
    kopie.write_bytes((FIXTURE / "gemeenten.topojson").read_bytes())
    ander, _ = laad_gemeenten(kopie, "data/geo/gemeenten.topojson")
    assert eerst is not None and ander is not None and len(ander) < len(eerst)


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


# -- the import script --------------------------------------------------------------------------


def test_import_writes_the_fixture_from_the_cbs_format(tmp_path: Path) -> None:
    bestanden = importeer.build(
        BRON / "gemeente_2025.topojson", BRON / "provincie_2025.topojson", FIXTURE_AANTALLEN
    )
    assert bestanden["gemeenten.topojson"] == (FIXTURE / "gemeenten.topojson").read_text("utf-8")
    (tmp_path / "provinces.geojson").write_text(bestanden["provinces.geojson"], encoding="utf-8")
    grenzen, problemen = laad_grenzen(tmp_path / "provinces.geojson", "provinces.geojson")
    assert problemen == []
    assert sorted(grenzen) == ["NL-UT", "NL-ZE"]
    assert grenzen["NL-UT"].naam == "Utrecht"
    # Zeeland's outline is that of its gemeenten: the mainland and 's-Gravendeel's island.
    assert len(grenzen["NL-ZE"].polygonen) == 2


def test_import_refuses_counts_that_differ_from_the_facts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argumenten = ["--gemeenten", str(BRON / "gemeente_2025.topojson")]
    argumenten += ["--provincies", str(BRON / "provincie_2025.topojson"), "--out", str(tmp_path)]
    assert importeer.main(argumenten) == 1
    fout = capsys.readouterr().err
    assert fout.startswith("import_boundaries: gemeenten per province differ from the facts: ")
    assert "NL-UT 2 (expected 26)" in fout and "NL-ZE 3 (expected 13)" in fout
    assert list(tmp_path.iterdir()) == []  # nothing written


def _provincies_zonder_utrecht(tmp_path: Path) -> Path:
    data = json.loads((BRON / "provincie_2025.topojson").read_text(encoding="utf-8"))
    data["objects"]["provincie_2025"]["geometries"].pop(0)
    pad = tmp_path / "provincie.topojson"
    pad.write_text(json.dumps(data), encoding="utf-8")
    return pad


def test_import_refuses_a_gemeente_outside_every_province(tmp_path: Path) -> None:
    with pytest.raises(importeer.ImportError_) as fout:
        importeer.build(
            BRON / "gemeente_2025.topojson", _provincies_zonder_utrecht(tmp_path), FIXTURE_AANTALLEN
        )
    assert "GM0001 Aadorp (point " in str(fout.value)
    assert str(fout.value).endswith("lies in no province")


def test_import_refuses_a_gemeente_in_two_provinces(tmp_path: Path) -> None:
    data = json.loads((BRON / "provincie_2025.topojson").read_text(encoding="utf-8"))
    utrecht = data["objects"]["provincie_2025"]["geometries"][0]
    data["objects"]["provincie_2025"]["geometries"].append(
        {**utrecht, "properties": {**utrecht["properties"], "statcode": "PV30"}}
    )
    data["objects"]["provincie_2025"]["geometries"][-1]["properties"]["statnaam"] = "Noord-Brabant"
    pad = tmp_path / "provincie.topojson"
    pad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(
        importeer.ImportError_, match=r"GM0001 Aadorp \(point .*\) lies in NL-NB and NL-UT"
    ):
        importeer.build(BRON / "gemeente_2025.topojson", pad, FIXTURE_AANTALLEN)


# -- the committed data -------------------------------------------------------------------------


def test_342_gemeenten_with_the_known_counts_per_province(echt: Gemeenten) -> None:
    assert len(echt) == 342
    assert Counter(g.provincie for g in echt) == AANTALLEN
    assert sum(len(echt.in_provincie(code)) for code in AANTALLEN) == 342


def test_names_are_as_cbs_writes_them(echt: Gemeenten) -> None:
    assert _naam(echt, "GM0758") == "Breda"
    assert _naam(echt, "GM1900") == "Súdwest-Fryslân"
    assert _naam(echt, "GM0796") == "'s-Hertogenbosch"
    assert echt.zoek_naam("sudwest-fryslan") == echt.met_code("GM1900")
    assert echt.met_slug("s-hertogenbosch") == echt.met_code("GM0796")
    assert echt.zoek_naam("Den Bosch") == echt.met_code("GM0796")
    assert echt.zoek_naam("Den Haag") == echt.met_code("GM0518")
    assert echt.suggestie("Amersfort") == " Bedoelde u 'Amersfoort'?"
    assert len({g.slug for g in echt}) == 342


def test_each_gemeente_lies_in_exactly_one_province_its_own(echt: Gemeenten) -> None:
    grenzen, problemen = laad_grenzen(PROVINCIES, "data/geo/provinces.geojson")
    assert problemen == []
    for gemeente in echt:
        grootste = max(gemeente.polygonen, key=lambda p: abs(ring_oppervlak(p[0])))
        lon, lat = binnenpunt(grootste)
        assert echt.op_punt(lat, lon) == gemeente
        binnen = [code for code, grens in grenzen.items() if grens.bevat(lon, lat)]
        assert binnen == [gemeente.provincie], gemeente.naam


@pytest.mark.parametrize(
    ("plaats", "lat", "lon", "gemeente", "provincie"),
    [
        ("Ulvenhout", 51.5486, 4.7958, "Breda", "NL-NB"),
        ("Vlissingen", 51.4425, 3.5736, "Vlissingen", "NL-ZE"),
        ("Amersfoort", 52.155, 5.3875, "Amersfoort", "NL-UT"),
        ("Leerdam", 51.89333, 5.09167, "Vijfheerenlanden", "NL-UT"),
    ],
)
def test_places_lie_in_their_gemeente(
    echt: Gemeenten, plaats: str, lat: float, lon: float, gemeente: str, provincie: str
) -> None:
    gevonden = echt.op_punt(lat, lon)
    assert gevonden is not None, plaats
    assert (gevonden.naam, gevonden.provincie) == (gemeente, provincie)


def test_places_at_sea_or_abroad_lie_in_no_gemeente(echt: Gemeenten) -> None:
    for lat, lon in [
        (52.5, 4.0),
        (51.2194, 4.4025),
        (50.7753, 6.0839),
    ]:  # North Sea, Antwerp, Aachen
        assert echt.op_punt(lat, lon) is None


def test_every_gazetteer_place_is_found_quickly_in_its_own_province(echt: Gemeenten) -> None:
    plaatsen = [r.plaats for r in gazetteer(REPO / "data").records]
    assert len(plaatsen) > 1900
    begin = time.perf_counter()
    gevonden = [echt.op_punt(p.lat, p.lon) for p in plaatsen]
    duur = time.perf_counter() - begin
    assert duur < 1.0  # about 0.02 s on a laptop; generous for a busy CI machine
    buiten = [p.naam for p, g in zip(plaatsen, gevonden, strict=True) if g is None]
    assert len(buiten) <= 10  # a few coastal and border villages fall just outside the outline
    verkeerd = [
        p.naam for p, g in zip(plaatsen, gevonden, strict=True) if g and g.provincie != p.provincie
    ]
    assert verkeerd == []


def test_no_arc_is_drawn_twice() -> None:
    data = json.loads(GEMEENTEN.read_text(encoding="utf-8"))
    bogen = bogen_uit_delta(data["arcs"])
    assert len({min(b, b[::-1]) for b in bogen}) == len(bogen)
    # ... and every arc is used: by one gemeente (coast, border) or by two (a shared border).
    gebruik = Counter(
        r if r >= 0 else ~r
        for g in data["objects"]["gemeenten"]["geometries"]
        for p in ([g["arcs"]] if g["type"] == "Polygon" else g["arcs"])
        for ring in p
        for r in ring
    )
    assert set(gebruik) == set(range(len(bogen)))
    assert set(gebruik.values()) <= {1, 2}


def test_committed_provinces_are_derived_from_the_committed_gemeenten(tmp_path: Path) -> None:
    tekst = importeer.provinces_from_topojson(GEMEENTEN.read_text(encoding="utf-8"))
    (tmp_path / "provinces.geojson").write_text(tekst, encoding="utf-8")
    assert (tmp_path / "provinces.geojson").read_bytes() == PROVINCIES.read_bytes()


@pytest.mark.skipif(not CBS.is_dir(), reason="the CBS files are not in ../shared/geo/cbs")
def test_import_reproduces_the_committed_files(tmp_path: Path) -> None:
    assert importeer.main(["--out", str(tmp_path)]) == 0
    assert (tmp_path / "gemeenten.topojson").read_bytes() == GEMEENTEN.read_bytes()
    assert (tmp_path / "provinces.geojson").read_bytes() == PROVINCIES.read_bytes()
