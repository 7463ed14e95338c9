"""The map document: local assets only, escaped data, deterministic, Dutch and zoomable."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

from regio.gegevens.validate import valideer
from regio.site import Site
from regio.uitvoer.kaart import KaartOpties, json_voor_script, kaart_data, kaart_html
from tests.conftest import REPO, vervang
from tests.pagina_html import lees, lees_html


def _site(data_dir: Path) -> Site:
    resultaat = valideer(data_dir)
    assert resultaat.gegevens is not None and resultaat.geografie is not None
    return Site(resultaat.gegevens, resultaat.geografie)


@pytest.fixture(scope="module")
def echte_site() -> Site:
    return _site(REPO / "data")


def _data_blok(html: str) -> object:
    match = re.search(
        r'<script type="application/json" id="regio-kaart-data">(.*?)</script>', html, re.S
    )
    assert match
    return json.loads(match.group(1))


def test_json_cannot_close_the_script_element() -> None:
    tekst = json_voor_script({"naam": "</script><!-- & \u2028"})
    assert "<" not in tekst and ">" not in tekst and "&" not in tekst and "\u2028" not in tekst
    assert json.loads(tekst) == {"naam": "</script><!-- & \u2028"}


def test_map_document_is_dutch_titled_zoomable_and_local(echte_site: Site) -> None:
    html = kaart_html(echte_site, echte_site.geografie)  # type: ignore[arg-type]
    pagina = lees_html(html)
    [wortel] = pagina.alle("html")
    assert wortel.attrs["lang"] == "nl"
    assert [t.text for t in pagina.alle("title")] == ["Kaart regio-infrastructuur"]
    [viewport] = [m for m in pagina.alle("meta") if m.attrs.get("name") == "viewport"]
    assert "user-scalable=no" not in viewport.attrs["content"]
    assert "maximum-scale" not in viewport.attrs["content"]
    bronnen = [s.attrs["src"] for s in pagina.alle("script") if "src" in s.attrs]
    bronnen += [link.attrs["href"] for link in pagina.alle("link")]
    assert bronnen and all(b.startswith("../assets/regio/") for b in bronnen), bronnen
    for verboden in ("jquery", "bootstrap", "cdn.", "fontawesome", "googleapis"):
        assert verboden not in html.lower()


def test_real_map_stays_small(echte_site: Site) -> None:
    # With all 342 gemeenten as one topology (shared borders once) and every area outline.
    html = kaart_html(echte_site, echte_site.geografie)  # type: ignore[arg-type]
    assert len(html.encode()) <= 400 * 1024
    assert len(gzip.compress(html.encode())) <= 150 * 1024


def test_real_map_ships_every_gemeente_as_topology(echte_site: Site) -> None:
    data = _data_blok(kaart_html(echte_site, echte_site.geografie))  # type: ignore[arg-type]
    topologie = data["gemeenten"]  # type: ignore[index]
    assert topologie["type"] == "Topology"
    assert set(topologie["transform"]) == {"scale", "translate"}
    geometrieen = topologie["objects"]["gemeenten"]["geometries"]
    assert len(geometrieen) == 342
    breda = next(g["properties"] for g in geometrieen if g["properties"]["naam"] == "Breda")
    assert breda == {
        "code": "GM0758",
        "naam": "Breda",
        "slug": "breda",
        "url": "../gemeenten/breda/",
        "dekking": 0,  # no known onderwijsregio or RAP region covers Breda yet
    }
    vlissingen = next(
        g["properties"] for g in geometrieen if g["properties"]["slug"] == "vlissingen"
    )
    assert vlissingen["dekking"] == 1  # RAP Zeeland vo
    # Delta-encoded integers: every arc after its first position moves by small steps.
    assert all(isinstance(c, int) for boog in topologie["arcs"] for p in boog for c in p)


def _met_gemeenten(data_dir: Path) -> Site:
    """The fixture data with the project on Walcheren and the onderwijsregio in two gemeenten
    around Utrecht (it keeps its plaats, but an area wins over a point)."""
    vervang(
        data_dir,
        "regions.yaml",
        "    provincies: [zeeland]\n",
        "    provincies: [zeeland]\n    gemeenten: [Vlissingen, Middelburg (Z.)]\n",
    )
    vervang(
        data_dir,
        "regions.yaml",
        "    plaats: Utrecht\n",
        "    plaats: Utrecht\n    gemeenten: [Utrecht, Zeist]\n",
    )
    return _site(data_dir)


def _lagen(data: object) -> dict[str, dict[str, object]]:
    return {laag["id"]: laag for laag in data["lagen"]}  # type: ignore[index]


def test_entities_with_gemeenten_are_areas_not_points(data_dir: Path) -> None:
    site = _met_gemeenten(data_dir)
    lagen = _lagen(_data_blok(kaart_html(site, site.geografie)))  # type: ignore[arg-type]
    project = lagen["projecten"]["gebieden"]["features"]  # type: ignore[index]
    assert [f["properties"] for f in project] == [
        {
            "naam": "Voorbeeldproject",
            "plaats": "",
            "sectoren": "vo",
            "url": "../projecten/voorbeeldproject/",
        }
    ]
    [walcheren] = project
    assert walcheren["geometry"]["type"] == "MultiPolygon"
    gemeenten = site.geografie.gemeenten  # type: ignore[union-attr]
    assert gemeenten is not None
    verwacht = gemeenten.omtrek(["GM0718", "GM0687"])
    assert walcheren["geometry"]["coordinates"] == json.loads(json.dumps(verwacht))
    regio = lagen["onderwijsregios"]
    assert regio["punten"]["features"] == []  # type: ignore[index]
    assert len(regio["gebieden"]["features"]) == 1  # type: ignore[index]
    assert regio["kleur"] == "#0072B2"
    assert len(lagen["partnerschappen"]["punten"]["features"]) == 0  # type: ignore[index]


def test_fixture_topology_has_all_its_gemeenten_with_page_links(data_dir: Path) -> None:
    site = _site(data_dir)
    data = kaart_data(site, site.geografie)  # type: ignore[arg-type]
    geometrieen = data["gemeenten"]["objects"]["gemeenten"]["geometries"]
    assert len(geometrieen) == 39
    vlissingen = next(g for g in geometrieen if g["properties"]["code"] == "GM0718")
    assert vlissingen["properties"]["url"] == "../gemeenten/vlissingen/"
    assert vlissingen["properties"]["slug"] == "vlissingen"
    # Without any listed gemeenten every layer is points only.
    assert all(laag["gebieden"]["features"] == [] for laag in data["lagen"])


def test_hostile_names_of_areas_only_travel_as_escaped_json(data_dir: Path) -> None:
    kwaad = "</script><script>alert(1)</script>{{ 7*7 }}"
    vervang(data_dir, "regions.yaml", "naam: Voorbeeldproject", f"naam: '{kwaad}'")
    site = _met_gemeenten(data_dir)
    html = kaart_html(site, site.geografie)  # type: ignore[arg-type]
    assert "<script>alert(1)" not in html
    assert html.count("</script>") == html.count("<script")
    [gebied] = _lagen(_data_blok(html))["projecten"]["gebieden"]["features"]  # type: ignore[index]
    assert gebied["properties"]["naam"] == kwaad


@pytest.mark.parametrize("tiles", ["pdok", "none"])
def test_boundaries_are_credited_whatever_the_tiles(data_dir: Path, tiles: str) -> None:
    site = _site(data_dir)
    data = _data_blok(kaart_html(site, site.geografie, KaartOpties(tiles=tiles)))  # type: ignore[arg-type]
    assert "CBS</a> / Kadaster, 2025" in data["attributie"]  # type: ignore[index]
    assert "CC BY 4.0" in data["attributie"]  # type: ignore[index]


def test_tiles_pdok_by_default_and_none_means_no_external_url(echte_site: Site) -> None:
    pdok = kaart_html(echte_site, echte_site.geografie)  # type: ignore[arg-type]
    assert "https://service.pdok.nl/brt/achtergrondkaart/" in pdok
    assert "Kadaster" in pdok
    geen = kaart_html(echte_site, echte_site.geografie, KaartOpties(tiles="none"))  # type: ignore[arg-type]
    assert "tileLayer" not in geen
    # Outside the data block (sources may be links) nothing points at another host.
    assert not re.findall(r"https?://", _zonder_data(geen))
    eigen = kaart_html(
        echte_site,
        echte_site.geografie,  # type: ignore[arg-type]
        KaartOpties(tiles="https://tegels.example.org/{z}/{x}/{y}.png", attributie="Eigen tegels"),
    )
    assert "https://tegels.example.org/{z}/{x}/{y}.png" in eigen and "Eigen tegels" in eigen


def _zonder_data(html: str) -> str:
    return re.sub(
        r'<script type="application/json" id="regio-kaart-data">.*?</script>', "", html, flags=re.S
    )


def _kaartopties(html: str) -> tuple[dict[str, object], str]:
    """The options the document hands to ``L.map`` (folium spreads them in as an object
    literal), and the script after that call."""
    match = re.search(
        r"L\.map\(\s*\"map_\d+\",\s*\{[^{]*\.\.\.(\{.*?\})\s*\}\s*\);(.*)", html, re.S
    )
    assert match, "geen L.map(...) in het kaartdocument"
    # tojavascript writes JSON values with a trailing comma after the last one.
    return json.loads(re.sub(r",\s*\}$", "}", match.group(1))), match.group(2)


@pytest.mark.parametrize("tiles", ["pdok", "none"])
def test_zoom_limits_and_scale_reach_the_leaflet_map(data_dir: Path, tiles: str) -> None:
    # folium keeps min_zoom and max_zoom only for a tile layer it makes itself (tiles=None makes
    # none), and our own map template dropped the scale control: the map could be zoomed out to
    # the whole world and showed no scale.
    site = _site(data_dir)
    html = kaart_html(site, site.geografie, KaartOpties(tiles=tiles, max_zoom=17))  # type: ignore[arg-type]
    opties, daarna = _kaartopties(html)
    assert (opties.get("zoom"), opties.get("minZoom"), opties.get("maxZoom")) == (7, 6, 17)
    assert re.search(
        r"L\.control\.scale\(\{\s*\"imperial\": false,?\s*\}\)\.addTo\(map_\d+\);", daarna
    )


def test_two_renders_are_byte_identical(echte_site: Site) -> None:
    eerste = kaart_html(echte_site, echte_site.geografie)  # type: ignore[arg-type]
    assert kaart_html(echte_site, echte_site.geografie) == eerste  # type: ignore[arg-type]
    assert not re.search(r"[0-9a-f]{32}", eerste)  # no random branca ids


def test_map_data_has_every_province_with_its_coordinator(echte_site: Site) -> None:
    data = kaart_data(echte_site, echte_site.geografie)  # type: ignore[arg-type]
    provincies = {f["properties"]["naam"]: f["properties"] for f in data["provincies"]["features"]}
    assert len(provincies) == 12
    assert provincies["Utrecht"]["coordinator"] == "Hans Schwartz"
    assert provincies["Utrecht"]["tel"] == "+31646183459"
    assert provincies["Utrecht"]["url"] == "../provincies/utrecht/"
    assert len(data["legenda"]) == 5
    assert [laag["id"] for laag in data["lagen"]] == [
        "onderwijsregios",
        "partnerschappen",
        "projecten",
    ]
    punten = [f for laag in data["lagen"] for f in laag["punten"]["features"]]
    assert punten and all(f["properties"]["url"].startswith("../") for f in punten)


def test_private_contact_data_stays_off_the_map(data_dir: Path) -> None:
    vervang(data_dir, "contacts.yaml", "    openbaar: true\n", "")
    data = kaart_data(_site(data_dir), _site(data_dir).geografie)  # type: ignore[arg-type]
    for feature in data["provincies"]["features"]:
        assert "email" not in feature["properties"] and "tel" not in feature["properties"]


def _kaart_met_partnerschap_op_de_kaart(data_dir: Path) -> str:
    """The map document, with the fixture partnership given a place so it becomes a point."""
    vervang(
        data_dir,
        "regions.yaml",
        "    penvoerder: voorbeeld-pabo",
        "    plaats: Goes\n    penvoerder: voorbeeld-pabo",
    )
    site = _site(data_dir)
    return kaart_html(site, site.geografie)  # type: ignore[arg-type]


def test_hostile_names_only_travel_as_escaped_json(data_dir: Path) -> None:
    kwaad = "</script><script>alert(1)</script>${alert(2)}`"
    vervang(data_dir, "regions.yaml", "naam: Partnerschap Voorbeeld", f"naam: '{kwaad}'")
    html = _kaart_met_partnerschap_op_de_kaart(data_dir)
    assert "<script>alert(1)" not in html
    assert html.count("</script>") == html.count("<script")
    data = _data_blok(html)
    namen = [f["properties"]["naam"] for laag in data["lagen"] for f in laag["punten"]["features"]]  # type: ignore[index]
    assert kwaad in namen


def test_json_cannot_open_a_template_tag() -> None:
    # branca compiles the map's HTML once more as a Jinja template.
    waarde = {"naam": "{{ 7*7 }} {% raw %} {# x #} {{{%", "leeg": {}, "genest": {"a": {"b": "}}"}}}
    tekst = json_voor_script(waarde)
    assert not re.search(r"\{[{%#]", tekst)
    assert json.loads(tekst) == waarde


def test_template_syntax_in_names_is_not_run_by_the_map(data_dir: Path) -> None:
    kwaad = "{{ 7*7 }} {{ cycler.__init__.__globals__.os.getcwd() }} {% raw %} {#"
    vervang(data_dir, "regions.yaml", "naam: Partnerschap Voorbeeld", f"naam: '{kwaad}'")
    html = _kaart_met_partnerschap_op_de_kaart(data_dir)
    assert str(Path.cwd()) not in html
    data = _data_blok(html)
    namen = [f["properties"]["naam"] for laag in data["lagen"] for f in laag["punten"]["features"]]  # type: ignore[index]
    assert kwaad in namen


def test_province_outline_link_keeps_a_hostile_name_as_text(data_dir: Path) -> None:
    import markdown
    from mkdocs.utils.meta import get_data

    from regio.uitvoer.pages import render_pages

    kwaad = "x](javascript:alert(1)) ![t](https://tracker.example/p.png) *x*"
    vervang(data_dir, "regions.yaml", "naam: Utrecht\n", f"naam: '{kwaad}'\n")
    pagina, _ = get_data(render_pages(_site(data_dir))["provincies/utrecht.md"])  # front matter
    html = markdown.markdown(pagina, extensions=["tables", "md_in_html", "attr_list", "toc"])
    gebouwd = lees_html(html)
    assert not [a for a in gebouwd.alle("a") if "javascript" in a.attrs.get("href", "")]
    assert not gebouwd.alle("img") and not gebouwd.alle("em")
    [omtrek] = gebouwd.alle("a", "regio-omtrek")
    assert omtrek.attrs["href"] == "../../kaart/"
    assert " ".join(omtrek.text.split()) == kwaad  # the SVG's <title>


def test_map_page_lists_everything_as_text(echte_site_map: Path) -> None:
    pagina = lees(echte_site_map / "kaart/index.html")
    # No iframe until the visitor opens the map; without JavaScript a plain link to it, and a
    # light SVG whose provinces link to their pages.
    assert pagina.alle("iframe") == []
    [vak] = [d for d in pagina.alle("div") if d.attrs.get("id") == "regio-kaartvak"]
    assert vak.attrs["data-kaart"] == "kaart.html"
    assert vak.attrs["data-titel"].startswith("Interactieve kaart")
    [openen] = [a for a in pagina.alle("a") if a.attrs.get("id") == "regio-kaart-openen"]
    assert openen.attrs["href"] == "kaart.html" and openen.text.strip() == "Kaart openen"
    provincies = pagina.alle("a", "regio-provinciekaart-link")
    assert len(provincies) == 12
    assert "../provincies/utrecht/" in [a.attrs["href"] for a in provincies]
    assert "Hans Schwartz" in pagina.tekst and "Zuid-Holland" in pagina.tekst
    for kop in ("Onderwijsregio's", "Partnerschappen Samen Opleiden", "Projecten"):
        assert kop in [h.text.strip().rstrip("¶") for h in pagina.alle("h2")]
    assert (echte_site_map / "kaart/kaart.html").is_file()
    utrecht = lees(echte_site_map / "provincies/utrecht/index.html")
    [omtrek] = utrecht.alle("a", "regio-omtrek")
    assert omtrek.attrs["href"] == "../../kaart/"
    assert utrecht.binnen("svg", "regio-omtrek")
