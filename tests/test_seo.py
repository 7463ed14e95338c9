"""What search engines and the site's own search read: snippets, meta descriptions, titles,
robots.txt, the sitemap and canonical links. On the real site (built once per run), and the
sitemap on the small fixture site built with a ``site_url``."""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from tests.conftest import vervang

MAX_LENGTE = 160  # what search engines show of a description

# The page's own <title> in <head> (the SVG province map has <title>s of its own).
_TITEL = re.compile(r"<head>.*?<title>([^<]*)</title>", re.S)
_BESCHRIJVING = re.compile(r'<meta name="description" content="([^"]*)">')
_KOP = re.compile(r'<h1 id="[^"]*">(.*?)<a class="headerlink"', re.S)
ENTITEITEN = ("organisaties", "partnerschappen", "onderwijsregios", "projecten", "programmas")
ENTITEITEN += ("provincies", "gemeenten")


def _entiteitpaginas(site: Path) -> list[Path]:
    return sorted(
        p for map_ in ENTITEITEN for p in (site / map_).glob("*/index.html") if p.parent.name
    )


def test_search_snippet_of_an_organisation_separates_labels_and_values(
    echte_site_map: Path,
) -> None:
    index = json.loads((echte_site_map / "search" / "search_index.json").read_text("utf-8"))
    teksten = {d["location"]: d["text"] for d in index["docs"]}
    organisaties = [t for plek, t in teksten.items() if re.fullmatch(r"organisaties/[^/#]+/", plek)]
    assert len(organisaties) > 50
    # Every organisation page opens with its facts: "Soort: Lerarenopleiding · Sectoren: hbo …".
    assert all(t.startswith("Soort: ") for t in organisaties)
    assert any(re.match(r"Soort: Lerarenopleiding · Sectoren: [a-z]", t) for t in organisaties)
    entiteiten = [t for plek, t in teksten.items() if plek.startswith(ENTITEITEN)]
    assert not any(re.search(r"\b(Soort|Sectoren|Status|Plaats)[A-Za-z]", t) for t in entiteiten)


def test_each_entity_page_has_its_own_meta_description(echte_site_map: Path) -> None:
    beschrijvingen: dict[Path, str] = {}
    for pagina in _entiteitpaginas(echte_site_map):
        tekst = pagina.read_text("utf-8")
        beschrijving = _BESCHRIJVING.search(tekst)
        kop = _KOP.search(tekst)
        assert beschrijving and kop, pagina
        beschrijvingen[pagina] = html.unescape(beschrijving.group(1))
        naam = html.unescape(re.sub("<[^>]+>", "", kop.group(1))).strip()
        assert naam.removeprefix("Gemeente ") in beschrijvingen[pagina], pagina
        assert 0 < len(beschrijvingen[pagina]) <= MAX_LENGTE, pagina
    assert len(beschrijvingen) > 450  # 342 gemeenten and the entities
    dubbel = [t for t, n in Counter(beschrijvingen.values()).items() if n > 1]
    assert not dubbel


def test_every_page_has_a_description_of_its_own(echte_site_map: Path) -> None:
    """Content and overview pages too: none falls back on the site's one description."""
    paginas = list(echte_site_map.rglob("index.html"))
    beschrijvingen: Counter[str] = Counter()
    for pagina in paginas:
        gevonden = _BESCHRIJVING.search(pagina.read_text("utf-8"))
        assert gevonden, pagina
        beschrijvingen[gevonden.group(1)] += 1
    assert beschrijvingen.most_common(1)[0][1] == 1


def test_home_title_is_the_site_name_once(echte_site_map: Path) -> None:
    assert _TITEL.findall((echte_site_map / "index.html").read_text("utf-8")) == [
        "Regio-infrastructuur"
    ]
    contact = _TITEL.findall((echte_site_map / "contact" / "index.html").read_text("utf-8"))
    assert contact == ["Contact - Regio-infrastructuur"]


def test_robots_txt_allows_everything_and_names_no_sitemap_without_site_url(
    echte_site_map: Path,
) -> None:
    assert (echte_site_map / "robots.txt").read_text("utf-8") == "User-agent: *\nAllow: /\n"
    assert not (echte_site_map / "sitemap.xml").exists()


def test_with_site_url_the_sitemap_lists_the_generated_pages_and_pages_are_canonical(
    project: Path,
) -> None:
    site = project / "site"
    basis = "https://regio.example.org/sub/"
    # Publishing needs a publisher (fictional here), or the strict build stops.
    opties = "      uitgever: Stichting Voorbeeld\n      contact_email: redactie@example.org\n"
    vervang(project, "mkdocs.yml", "      data_dir: data\n", "      data_dir: data\n" + opties)
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(site), site_url=basis))
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    adressen = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    for pad in ("", "provincies/utrecht/", "partnerschappen/voorbeeldpartnerschap/", "contact/"):
        assert basis + pad in adressen
    assert basis + "gemeenten/vlissingen/" in adressen
    assert len(adressen) == len(list(site.rglob("index.html")))
    pagina = (site / "provincies" / "utrecht" / "index.html").read_text("utf-8")
    assert f'<link rel="canonical" href="{basis}provincies/utrecht/">' in pagina
    robots = (site / "robots.txt").read_text("utf-8")
    assert robots == f"User-agent: *\nAllow: /\n\nSitemap: {basis}sitemap.xml\n"
