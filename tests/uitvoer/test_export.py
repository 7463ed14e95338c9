"""Open data (regio.uitvoer.export): JSON against its published schema, CSVs that round-trip, GeoJSON,
no private contact data, the files and their page in a real build, the `regio export` command.

The CSV reader below is written from the conventions the "Open data" page documents (BOM, ';',
'|' with '\\' escapes, one leading apostrophe against formulas) and the published JSON Schema,
not from the exporter's code, so a reader outside this project gets the same records.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from mkdocs.commands.build import build
from mkdocs.config import load_config

from regio.cli import main
from regio.gegevens.gemeenten import gemeentenamen
from regio.gegevens.plaatsen import gazetteer
from regio.gegevens.registry import COLLECTIES
from regio.gegevens.schema import als_tekst, schemas
from regio.gegevens.validate import valideer
from regio.site import Site
from regio.uitvoer import export
from tests.conftest import FIXTURES, REPO, controleer, vervang
from tests.pagina_html import lees

CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"
FORMULE = ("=", "+", "-", "@", "\t", "\r")

# Fictional contact data of a person whose data is not public.
PRIVE = ("bram@example.org", "06-87654321", "06 87654321", "+31687654321", "0687654321")
LASTIGE_NAAM = '=HYPERLINK("https://example.org"; "klik") | Fryslân; é "quote"'
LASTIGE_BRON = "https://example.org/a|b\\c?x=1;y=2"


def maak_lastig(data_dir: Path) -> None:
    """Quotes, ';', newlines, formulas, accents, '|' in a text and in a list item, a tab, an
    apostrophe before '=', and a person whose e-mail and phone are not public."""
    vervang(
        data_dir,
        "regions.yaml",
        "naam: Partnerschap Voorbeeld",
        "naam: " + json.dumps(LASTIGE_NAAM, ensure_ascii=False),
    )
    vervang(
        data_dir,
        "regions.yaml",
        "    opleidingen: [voorbeeld-pabo]\n",
        "    opleidingen: [voorbeeld-pabo]\n"
        "    toelichting: |\n"
        '      Eerste regel; met "aanhalingstekens".\n'
        "      -2 tweede regel = geen formule\n"
        "      @derde\n",
    )
    vervang(
        data_dir,
        "regions.yaml",
        "      - https://example.org/partnerschap\n",
        f"      - https://example.org/partnerschap\n      - {LASTIGE_BRON}\n",
    )
    vervang(
        data_dir,
        "contacts.yaml",
        "    naam: Voorbeeld Pabo\n",
        "    naam: Voorbeeld Pabo\n"
        '    afkorting: "\'=x"\n'
        '    plaats: "\'s-Hertogenbosch"\n'
        '    volledige_naam: "+31 met\\ttab"\n',
    )
    vervang(
        data_dir,
        "contacts.yaml",
        "    functie: projectleider\n",
        f"    functie: projectleider\n    email: {PRIVE[0]}\n    telefoon: {PRIVE[1]}\n",
    )


def _site(data_dir: Path) -> Site:
    resultaat = valideer(data_dir)
    assert resultaat.geldig, resultaat.problemen
    assert resultaat.gegevens is not None
    return Site(resultaat.gegevens, resultaat.geografie)


def _bestanden(data_dir: Path, site_url: str = "") -> dict[str, bytes]:
    lijst = export.bestanden(_site(data_dir), site_url, gazetteer(data_dir))
    return {b.pad: b.inhoud for b in lijst}


@pytest.fixture
def lastig(data_dir: Path) -> Path:
    maak_lastig(data_dir)
    assert controleer(data_dir).geldig
    return data_dir


@pytest.fixture(scope="module")
def echt() -> dict[str, bytes]:
    """The export of the real data."""
    return _bestanden(REPO / "data")


# -- JSON and its schema ------------------------------------------------------------------------


def _check_jsonschema(map_: Path, document: Any) -> subprocess.CompletedProcess[str]:
    pad = map_ / "document.json"
    pad.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return subprocess.run(
        [
            str(CHECK_JSONSCHEMA),
            "--schemafile",
            str(map_ / export.SCHEMA_BESTAND),
            str(pad),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def _schrijf(map_: Path, bestanden: dict[str, bytes]) -> None:
    for pad, inhoud in bestanden.items():
        (map_ / pad).parent.mkdir(parents=True, exist_ok=True)
        (map_ / pad).write_bytes(inhoud)


def test_json_of_real_and_fixture_data_passes_check_jsonschema(
    lastig: Path, echt: dict[str, bytes], tmp_path: Path
) -> None:
    for naam, bestanden in (("echt", echt), ("lastig", _bestanden(lastig))):
        map_ = tmp_path / naam
        _schrijf(map_, bestanden)
        document = json.loads(bestanden[export.JSON_BESTAND])
        proces = _check_jsonschema(map_, document)
        assert proces.returncode == 0, naam + proces.stdout + proces.stderr
        assert "ok -- validation done" in proces.stdout
    document = json.loads(echt[export.JSON_BESTAND])
    assert document["over"]["aantallen"]["provincies"] == 12
    assert len(document["provincies"]) == 12


@pytest.mark.parametrize(
    ("breuk", "melding"),
    [
        (lambda d: d["provincies"][0].update(code=12), "12 is not of type 'string'"),
        (lambda d: d["personen"][0].update(openbaar="ja"), "'ja' is not of type 'boolean'"),
        (lambda d: d["projecten"][0].pop("email"), "'email' is a required property"),
        (lambda d: d["over"]["aantallen"].update(extra=1), "Additional properties"),
        (lambda d: d["partnerschappen"][0].update(status="erkent"), "'erkent' is not one of"),
    ],
)
def test_schema_refuses_a_broken_export(breuk: Any, melding: str, tmp_path: Path) -> None:
    bestanden = _bestanden(FIXTURES / "geldig")
    _schrijf(tmp_path, bestanden)
    document = json.loads(bestanden[export.JSON_BESTAND])
    breuk(document)
    proces = _check_jsonschema(tmp_path, document)
    assert proces.returncode == 1
    assert melding in proces.stdout


def test_json_has_every_field_sorted_ids_iso_dates_and_a_header(lastig: Path) -> None:
    document = json.loads(_bestanden(lastig, "https://example.org/regio/")[export.JSON_BESTAND])
    assert list(document) == ["over", *COLLECTIES]
    over = document["over"]
    assert over["bron"] == "https://example.org/regio/"
    assert over["schema"] == "regio-infrastructuur.schema.json"
    assert over["licentie"] == "CC-BY-4.0"
    assert over["naamsvermelding"] == "Regio-infrastructuur (https://example.org/regio/), CC BY 4.0"
    assert over["aantallen"] == {naam: len(document[naam]) for naam in COLLECTIES}
    for naam in COLLECTIES:
        ids = [r["id"] for r in document[naam]]
        assert ids == sorted(ids)
    [project] = document["projecten"]
    assert project["start"] == "2021-01-01"
    assert project["contactpersoon"] == "bram-voorbeeld"  # a reference stays an id
    assert project["plaats"] is None and project["coordinaten"] is None  # every field, null
    [partnerschap] = document["partnerschappen"]
    assert partnerschap["naam"] == LASTIGE_NAAM
    assert partnerschap["bron"] == ["https://example.org/partnerschap", LASTIGE_BRON]
    assert partnerschap["organisaties"] == []
    zonder_url = json.loads(_bestanden(lastig)[export.JSON_BESTAND])["over"]
    assert zonder_url["bron"] is None
    assert zonder_url["naamsvermelding"] == "Regio-infrastructuur, CC BY 4.0"


# -- CSV ----------------------------------------------------------------------------------------


def zonder_apostrof(cel: str) -> str:
    """Undo the formula guard, as the page describes it."""
    if cel.startswith("'") and cel.lstrip("'").startswith(FORMULE):
        return cel[1:]
    return cel


def splits(cel: str) -> list[str]:
    """A list cell: '|' between items, '\\' before a '|' or '\\' inside an item."""
    if cel == "":
        return []
    items, huidig, tekens = [], [], iter(cel)
    for teken in tekens:
        if teken == "\\":
            huidig.append(next(tekens))
        elif teken == "|":
            items.append("".join(huidig))
            huidig = []
        else:
            huidig.append(teken)
    items.append("".join(huidig))
    return items


def _soorten(eigenschap: dict[str, Any]) -> set[str]:
    return {eigenschap.get("type")} | {a.get("type") for a in eigenschap.get("anyOf", [])} - {None}


def waarde(cel: str, eigenschap: dict[str, Any]) -> Any:
    soorten = _soorten(eigenschap)
    if "array" in soorten:
        return splits(cel)
    if cel == "":
        assert "null" in soorten, eigenschap
        return None
    if "boolean" in soorten:
        return {"true": True, "false": False}[cel]
    if "integer" in soorten:
        return int(cel)
    if "number" in soorten:
        return float(cel)
    return cel


def lees_csv(
    inhoud: bytes, eigenschappen: dict[str, Any]
) -> tuple[list[str], list[dict[str, Any]]]:
    """Header and records of a CSV, typed by the schema's properties ('lat'/'lon': coordinaten)."""
    assert inhoud.startswith(codecs.BOM_UTF8)
    tekst = inhoud[len(codecs.BOM_UTF8) :].decode("utf-8")
    kop, *rijen = csv.reader(io.StringIO(tekst, newline=""), delimiter=";")
    records = []
    for rij in rijen:
        assert len(rij) == len(kop)
        cellen = dict(zip(kop, map(zonder_apostrof, rij), strict=True))
        record: dict[str, Any] = {}
        for naam, cel in cellen.items():
            if naam not in ("lat", "lon"):
                record[naam] = waarde(cel, eigenschappen[naam])
        if "lat" in cellen:
            lat, lon = cellen["lat"], cellen["lon"]
            record["coordinaten"] = {"lat": float(lat), "lon": float(lon)} if lat else None
        records.append(record)
    return kop, records


def _eigenschappen(schema: dict[str, Any], collectie: str) -> dict[str, Any]:
    ref = schema["properties"][collectie]["items"]["$ref"]
    eigenschappen: dict[str, Any] = schema["$defs"][ref.removeprefix("#/$defs/")]["properties"]
    return eigenschappen


def _kolommen_verwacht(record: dict[str, Any]) -> list[str]:
    kolommen: list[str] = []
    for veld in record:
        kolommen += ["lat", "lon"] if veld == "coordinaten" else [] if veld == "feiten" else [veld]
    return kolommen


def controleer_rondgang(bestanden: dict[str, bytes]) -> int:
    """Every CSV gives back exactly the JSON's records; returns the number of records compared."""
    document = json.loads(bestanden[export.JSON_BESTAND])
    schema = json.loads(bestanden[export.SCHEMA_BESTAND])
    aantal = 0
    for collectie in COLLECTIES:
        kop, records = lees_csv(
            bestanden[f"csv/{collectie}.csv"], _eigenschappen(schema, collectie)
        )
        verwacht = [{k: v for k, v in r.items() if k != "feiten"} for r in document[collectie]]
        assert records == verwacht, collectie
        assert kop == _kolommen_verwacht(document[collectie][0]), collectie
        aantal += len(records)
    feit = schema["$defs"]["Feit"]["properties"]
    eigenschappen = {**feit, "programma": {"type": "string"}, "nummer": {"type": "integer"}}
    kop, feiten = lees_csv(bestanden["csv/feiten.csv"], eigenschappen)
    assert kop == ["programma", "nummer", *feit]
    for programma in document["programmas"]:
        eigen = [f for f in feiten if f["programma"] == programma["id"]]
        assert [f["nummer"] for f in eigen] == list(range(1, len(eigen) + 1))
        assert [{k: f[k] for k in feit} for f in eigen] == programma["feiten"]
        aantal += len(eigen)
    assert len(feiten) == sum(len(p["feiten"]) for p in document["programmas"])
    return aantal


def test_csvs_round_trip_with_nasty_strings(lastig: Path) -> None:
    bestanden = _bestanden(lastig)
    assert controleer_rondgang(bestanden) == 11
    ruw = bestanden["csv/partnerschappen.csv"].decode("utf-8-sig")
    # The formula is defused, the quotes doubled, the '|' in the list item escaped.
    assert '"\'=HYPERLINK(""https://example.org""; ""klik"") | Fryslân; é ""quote"""' in ruw
    assert "https://example.org/partnerschap|https://example.org/a\\|b\\\\c?x=1;y=2" in ruw
    organisaties = bestanden["csv/organisaties.csv"].decode("utf-8-sig")
    assert ";''=x;" in organisaties  # an apostrophe before '=' gets one more
    assert ";'s-Hertogenbosch;" in organisaties  # a Dutch place name keeps its own apostrophe
    assert ";'+31 met\ttab;" in organisaties


def test_real_data_round_trips(echt: dict[str, bytes]) -> None:
    assert controleer_rondgang(echt) > 150


def test_csv_opens_in_excel_the_dutch_way(lastig: Path) -> None:
    inhoud = _bestanden(lastig)["csv/provincies.csv"]
    assert inhoud.startswith(codecs.BOM_UTF8)
    kop, *rijen = inhoud.decode("utf-8-sig").split("\r\n")
    assert kop == "id;naam;bron;gecontroleerd;afgeleid;ontleend;code;hoofdstad;regiocoordinator"
    assert (
        rijen[0] == "utrecht;Utrecht;https://example.org/provincies;;;;NL-UT;Utrecht;anna-voorbeeld"
    )
    assert rijen[-1] == ""  # CRLF after the last row, too
    personen = _bestanden(lastig)["csv/personen.csv"].decode("utf-8-sig")
    assert ";regiocoördinator;" in personen
    assert personen.splitlines()[1].endswith(";true")


@given(st.text(alphabet="'=+-@\t\rab|\\;\"\n é", max_size=12))
def test_formula_guard_and_list_escape_are_exactly_undone(tekst: str) -> None:
    beschermd = export.bescherm(tekst)
    assert not beschermd.startswith(FORMULE)
    assert zonder_apostrof(beschermd) == tekst
    assert export.onbescherm(beschermd) == tekst
    items = [tekst, tekst + "|", "x"] if tekst else ["x"]
    assert splits(export.lijst_cel(items)) == items


# -- GeoJSON ------------------------------------------------------------------------------------


def _posities(ring: Any) -> None:
    assert isinstance(ring, list) and len(ring) >= 4 and ring[0] == ring[-1]
    for lon, lat in ring:
        assert 3.2 <= lon <= 7.3 and 50.7 <= lat <= 53.7  # lon first (RFC 7946)


def test_geojson_is_valid_and_reuses_the_validators_positions(lastig: Path) -> None:
    site = _site(lastig)
    inhoud = _bestanden(lastig)[export.GEOJSON_BESTAND]
    data = json.loads(inhoud)
    assert data["type"] == "FeatureCollection"
    assert len(inhoud.splitlines()) == len(data["features"]) + 2  # one feature per line
    assert set(data) == {"type", "features"}
    soorten = {}
    for feature in data["features"]:
        assert set(feature) == {"type", "properties", "geometry"}
        assert feature["type"] == "Feature"
        eigenschappen, geometrie = feature["properties"], feature["geometry"]
        soorten[eigenschappen["id"]] = eigenschappen["soort"]
        if geometrie["type"] == "MultiPolygon":
            assert set(eigenschappen) == {"soort", "id", "naam", "code", "regiocoordinator", "url"}
            assert eigenschappen["regiocoordinator"] == "Anna Voorbeeld"
            for polygoon in geometrie["coordinates"]:
                for ring in polygoon:
                    _posities(ring)
        else:
            assert geometrie["type"] == "Point"
            assert set(eigenschappen) == {"soort", "id", "naam", "url"}
            lon, lat = geometrie["coordinates"]
            assert 3.2 <= lon <= 7.3 and 50.7 <= lat <= 53.7
    assert soorten == {
        "utrecht": "provincie",
        "zeeland": "provincie",
        "voorbeeldregio": "onderwijsregio",
        "voorbeeld-pabo": "organisatie",  # placed by its 'plaats', 's-Hertogenbosch
    }
    assert site.geografie is not None
    [regio] = [f for f in data["features"] if f["properties"]["id"] == "voorbeeldregio"]
    lat, lon = site.geografie.posities["voorbeeldregio"]
    assert regio["geometry"]["coordinates"] == [lon, lat]


def test_geojson_links_are_absolute_with_a_site_url(data_dir: Path) -> None:
    data = json.loads(_bestanden(data_dir, "https://example.org/regio/")[export.GEOJSON_BESTAND])
    urls = {f["properties"]["id"]: f["properties"]["url"] for f in data["features"]}
    assert urls["utrecht"] == "https://example.org/regio/provincies/utrecht/"
    assert urls["voorbeeldregio"] == "https://example.org/regio/onderwijsregios/voorbeeldregio/"


# -- personal contact data ----------------------------------------------------------------------


def test_private_contact_data_is_in_no_file_and_public_data_is(lastig: Path) -> None:
    bestanden = _bestanden(lastig)
    for pad, inhoud in bestanden.items():
        for prive in PRIVE:
            assert prive.encode() not in inhoud, (pad, prive)
    document = json.loads(bestanden[export.JSON_BESTAND])
    bram, anna = document["personen"][1], document["personen"][0]
    assert (bram["id"], bram["email"], bram["telefoon"], bram["openbaar"]) == (
        "bram-voorbeeld",
        None,
        None,
        False,
    )
    assert (anna["email"], anna["telefoon"]) == ("anna@example.org", "06-12345678")
    assert b"anna@example.org" in bestanden["csv/personen.csv"]


# -- the site and the command -------------------------------------------------------------------


def _bouw(tmp: Path, naam: str) -> Path:
    project = tmp / naam
    shutil.copytree(FIXTURES / "site", project)
    shutil.copytree(FIXTURES / "geldig", project / "data")
    maak_lastig(project / "data")
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"), strict=True))
    return project / "site"


@pytest.fixture(scope="module")
def gebouwd(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _bouw(tmp_path_factory.mktemp("open-data"), "project")


def test_the_files_and_their_page_are_in_the_build(gebouwd: Path) -> None:
    map_ = gebouwd / "open-data"
    bestanden = sorted(p.relative_to(map_).as_posix() for p in map_.rglob("*") if p.is_file())
    data = [b for b in bestanden if b != "index.html"]
    assert len(data) == 13
    assert {"regio-infrastructuur.json", "csv/partnerschappen.csv", "csv/feiten.csv"} <= set(data)
    assert {"schemas/regions.schema.json", "schemas/contacts.schema.json"} <= set(data)
    pagina = lees(map_ / "index.html")
    links = {a.attrs["href"] for a in pagina.alle("a")}
    assert set(data) <= links
    # Size and record count as the table shows them.
    json_grootte = export.grootte((map_ / "regio-infrastructuur.json").stat().st_size)
    assert f"regio-infrastructuur.json Alle gegevens in één bestand (JSON) 10 {json_grootte}" in (
        " ".join(pagina.tekst.split())
    )
    assert "CC BY 4.0" in pagina.tekst and "GeoNames" in pagina.tekst
    assert "CBS / Kadaster, 2025" in pagina.tekst
    # In the nav, as "Open data", on every page.
    home = lees(gebouwd / "index.html")
    nav = {a.text.strip(): a.attrs["href"] for a in home.binnen("a", "md-nav--primary")}
    assert nav["Open data"] == "open-data/"
    # The editors' schemas published as they are committed.
    # (with the gemeenten of the site's own data offered as choices)
    namen = gemeentenamen(FIXTURES / "geldig")
    for naam, schema in schemas(namen).items():
        assert (map_ / "schemas" / naam).read_text(encoding="utf-8") == als_tekst(schema)


def test_every_geojson_place_links_to_a_page_of_the_build(gebouwd: Path) -> None:
    pad = gebouwd / "open-data" / export.GEOJSON_BESTAND
    features = json.loads(pad.read_bytes())["features"]
    assert len(features) == 4
    for feature in features:
        doel = (pad.parent / feature["properties"]["url"]).resolve() / "index.html"
        assert doel.is_file(), feature["properties"]
        assert feature["properties"]["naam"] in lees(doel).tekst


def test_private_contact_data_is_nowhere_in_the_built_site(gebouwd: Path) -> None:
    for pad in gebouwd.rglob("*"):
        if pad.is_file() and pad.suffix in (".html", ".json", ".csv", ".geojson", ".md"):
            inhoud = pad.read_bytes()
            for prive in PRIVE:
                assert prive.encode() not in inhoud, (pad, prive)


def test_two_builds_give_the_same_bytes(gebouwd: Path, tmp_path: Path) -> None:
    tweede = _bouw(tmp_path, "tweede")

    def boom(site: Path) -> dict[str, bytes]:
        map_ = site / "open-data"
        return {p.relative_to(map_).as_posix(): p.read_bytes() for p in map_.rglob("*.*")}

    eerste = boom(gebouwd)
    assert len(eerste) == 14  # 13 files and the page
    assert boom(tweede) == eerste


def test_regio_export_writes_the_same_files_as_the_build(
    gebouwd: Path, lastig: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    uit = tmp_path / "uit"
    assert main(["export", "--data-dir", str(lastig), "--out", str(uit)]) == 0
    assert "13 bestanden geschreven naar" in capsys.readouterr().err
    geschreven = {p.relative_to(uit).as_posix(): p.read_bytes() for p in uit.rglob("*.*")}
    site = gebouwd / "open-data"
    assert geschreven == {pad: (site / pad).read_bytes() for pad in geschreven}
    assert len(geschreven) == 13


def test_regio_export_refuses_invalid_data(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    vervang(data_dir, "regions.yaml", "    status: erkend", "    status: erkent")
    uit = tmp_path / "uit"
    assert main(["export", "--data-dir", str(data_dir), "--out", str(uit)]) == 1
    uitvoer = capsys.readouterr()
    assert "'erkent' is geen geldige waarde voor 'status'" in uitvoer.out
    assert "Gegevens zijn niet geldig: 1 fout en 0 waarschuwingen." in uitvoer.err
    assert not uit.exists()
