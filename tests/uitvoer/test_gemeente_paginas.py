"""The gemeente pages, the index and the coverage page, rendered from the real data."""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from functools import cache
from pathlib import Path

from regio.dekking import Dekking
from regio.uitvoer.pages import render_pages
from regio.uitvoer.zoekindex import site_index
from tests.conftest import echte_site

# facts.md §5c: gemeenten per province in 2025.
PER_PROVINCIE = {
    "Drenthe": 12,
    "Flevoland": 6,
    "Fryslân": 18,
    "Gelderland": 51,
    "Groningen": 10,
    "Limburg": 31,
    "Noord-Brabant": 56,
    "Noord-Holland": 44,
    "Overijssel": 25,
    "Utrecht": 26,
    "Zeeland": 13,
    "Zuid-Holland": 50,
}


@cache
def _pages() -> dict[str, str]:
    return render_pages(echte_site())


def _sectie(pagina: str, kop: str) -> str:
    """The text under one '## ' heading (headings are Markdown: '-' comes escaped)."""
    return pagina.replace("\\-", "-").split(f"\n## {kop}", 1)[1].split("\n## ", 1)[0]


def test_every_gemeente_has_a_page_and_the_index_lists_them_by_province() -> None:
    pages = _pages()
    gemeenten = [p for p in pages if p.startswith("gemeenten/") and p != "gemeenten/index.md"]
    assert len(gemeenten) == 342
    index = pages["gemeenten/index.md"]
    per_provincie = {kop: len(re.findall(r"<li><a ", _sectie(index, kop))) for kop in PER_PROVINCIE}
    assert per_provincie == PER_PROVINCIE


def test_breda_names_its_province_and_coordinator_with_links() -> None:
    breda = _pages()["gemeenten/breda.md"]
    assert "Gemeente Breda" in breda
    assert '<a href="../../provincies/noord-brabant/">Noord-Brabant</a>' in breda
    coordinator = _sectie(breda, "Regiocoördinator")
    assert "Tiny Rompen" in coordinator
    assert 'href="mailto:' in coordinator and 'href="tel:+31' in coordinator
    assert 'href="../../kaart/?gemeente=breda"' in breda


def test_vlissingen_lists_the_rap_zeeland_vo_region_under_vo() -> None:
    vlissingen = _pages()["gemeenten/vlissingen.md"]
    vo = _sectie(vlissingen, "Voortgezet onderwijs (vo)")
    rap = '<dt>RAP-regio<span hidden>: </span></dt><dd><a href="../../projecten/rap-zeeland-vo/">'
    assert rap + "Zeeland (vo)</a>" in vo
    po = _sectie(vlissingen, "Primair onderwijs (po)")
    assert "nog geen onderwijsregio, RAP-regio of partnerschap" in po
    assert "Zeeland (vo)" not in po


def test_vlissingen_is_described_by_the_rap_region_that_covers_it() -> None:
    vlissingen = _pages()["gemeenten/vlissingen.md"]
    beschrijving = json.loads(vlissingen.split("\ndescription: ", 1)[1].split("\n", 1)[0])
    assert beschrijving == (
        "Gemeente Vlissingen (Zeeland): RAP-regio Zeeland (vo). "
        "Per sector wie haar omvat en bij wie u terechtkunt."
    )


def test_a_sector_without_data_says_so_and_how_to_add_it() -> None:
    breda = _pages()["gemeenten/breda.md"]
    # The explanation and the way to add it once, under the first sector without data.
    po, vo, mbo = (
        _sectie(breda, kop)
        for kop in (
            "Primair onderwijs (po)",
            "Voortgezet onderwijs (vo)",
            "Middelbaar beroepsonderwijs (mbo)",
        )
    )
    for tekst in (po, vo, mbo):
        assert "nog geen onderwijsregio, RAP-regio of partnerschap" in tekst
    assert "Dat wil niet zeggen dat er niets is" in po and "Zo vult u het aan" in po
    assert "Zo vult u het aan" not in vo + mbo
    assert "()" not in breda


def test_the_coverage_page_counts_from_the_data() -> None:
    site = echte_site()
    assert site.geografie is not None and site.geografie.gemeenten is not None
    dekking = Dekking(site, site.geografie.gemeenten)
    rijen = {r.provincie.naam: r for r in dekking.provincies()}
    assert {naam: r.gemeenten for naam, r in rijen.items()} == PER_PROVINCIE
    # RAP Zeeland vo lists all 13 Zeeland gemeenten; no onderwijsregio lists any yet.
    assert rijen["Zeeland"].rap == {"po": 0, "vo": 13, "mbo": 0}
    assert rijen["Zuid-Holland"].rap["po"] == 4
    assert sum(r.onderwijsregio["po"] for r in rijen.values()) == 0
    tekst = html.unescape(_pages()["dekking.md"])
    aantal = len([r for r in site.onderwijsregios() if not r.landelijk])
    assert f"{aantal} van de 50 onderwijsregio's staan in onze gegevens" in tekst


def test_the_lookup_index_sends_ulvenhout_to_breda() -> None:
    site = echte_site()
    assert site.geografie is not None and site.geografie.gemeenten is not None
    index = json.loads(site_index(site.geografie.gemeenten, site.geografie.plaatsen))
    gemeenten = index["gemeenten"]
    [ulvenhout] = [p for p in index["plaatsen"] if p[0] == "Ulvenhout"]
    assert gemeenten[ulvenhout[1]][:2] == ["Breda", "breda"]
    assert Counter(g[1] for g in gemeenten).most_common(1)[0][1] == 1


def test_a_gemeente_url_drops_the_cbs_qualifier_unless_the_name_is_shared() -> None:
    pages = _pages()
    assert 'title: "Gemeente Middelburg (Z.)"' in pages["gemeenten/middelburg.md"]
    assert {"gemeenten/bergen-nh.md", "gemeenten/bergen-l.md"} <= set(pages)
    assert "gemeenten/bergen.md" not in pages


def test_the_open_geojson_has_areas_made_of_gemeenten() -> None:
    from regio.uitvoer.export import geojson

    kaart = geojson(echte_site())
    [zeeland] = [f for f in kaart["features"] if f["properties"]["id"] == "rap-zeeland-vo"]
    assert zeeland["geometry"]["type"] == "MultiPolygon"
    assert len(zeeland["properties"]["gemeenten"]) == 13
    assert "Middelburg (Z.)" in zeeland["properties"]["gemeenten"]


def test_search_finds_a_gemeente_by_name_but_does_not_index_its_sections(
    echte_site_map: Path,
) -> None:
    """Every page loads Material's search index: the gemeente pages' sections, which repeat what
    the province and region pages say, stay out of it (they were 0.8 of its 1.3 MB)."""
    index = echte_site_map / "search/search_index.json"
    documenten = json.loads(index.read_text(encoding="utf-8"))["docs"]
    gemeenten = [d for d in documenten if d["location"].startswith("gemeenten/")]
    breda = [d for d in gemeenten if d["location"].startswith("gemeenten/breda/")]
    assert breda == [
        {
            "location": "gemeenten/breda/",
            "title": "Gemeente Breda",
            "text": "<p>Gemeente in de provincie Noord-Brabant. Hieronder staat per sector wat "
            "in onze gegevens deze gemeente omvat, en bij wie u terechtkunt.</p>",
        }
    ]
    # One entry per gemeente page and the list of gemeenten (with its province sections).
    assert len([d for d in gemeenten if d["location"].count("/") == 2]) == 342
    assert not [d for d in gemeenten if "#" in d["location"] and d["location"].count("/") == 2]
    assert index.stat().st_size < 500_000
    # On the page itself nothing is hidden: the sections are there, only marked.
    pagina = (echte_site_map / "gemeenten/breda/index.html").read_text(encoding="utf-8")
    assert '<h2 data-search-exclude id="regiocoordinator">Regiocoördinator' in pagina
