"""The fixture site built by Zensical (`make site-zensical`) against the MkDocs build of it.

Zensical runs MkDocs plugins not at all: regio.zensical renders the pages with source links
(`regio render --links md`), derives a configuration, builds, repairs and swaps. Each side is
built once per module; the checks only read the two folders.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from playwright.sync_api import Browser, expect

from regio.zensical.build import ZENSICAL, bouw
from tests.conftest import FIXTURES, nieuwe_context, ontbreekt, serveer, vervang
from tests.pagina_html import lees
from tests.test_links import EXTERN, Site, Verwijzing, _in_paginas


def _project(map_: Path) -> Path:
    shutil.copytree(FIXTURES / "site", map_)
    shutil.copytree(FIXTURES / "geldig", map_ / "data")
    return map_


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not ZENSICAL.is_file():
        ontbreekt(
            f"{ZENSICAL} ontbreekt: `make test` installeert het uit requirements-zensical.lock"
        )
    project = _project(tmp_path_factory.mktemp("zensical") / "project")
    assert bouw(project, zensical=ZENSICAL) == 0
    return project / "site"


@pytest.fixture(scope="module")
def mkdocs_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = _project(tmp_path_factory.mktemp("mkdocs") / "project")
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site")))
    return project / "site"


def _bestanden(site: Path, patroon: str) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob(patroon) if p.is_file()}


def test_the_same_pages_map_open_data_and_assets_as_the_mkdocs_build(
    zensical_site: Path, mkdocs_site: Path
) -> None:
    paginas = _bestanden(mkdocs_site, "*.html")
    assert len(paginas) > 50
    assert _bestanden(zensical_site, "*.html") == paginas
    for map_ in ("open-data", "assets/regio"):
        assert _bestanden(zensical_site / map_, "*") == _bestanden(mkdocs_site / map_, "*"), map_
    assert (zensical_site / "assets/regio/zoek/index.json").is_file()


def test_every_page_is_dutch_titled_alike_and_repaired(
    zensical_site: Path, mkdocs_site: Path
) -> None:
    for pad in sorted(_bestanden(mkdocs_site, "index.html")):
        zensical, mkdocs = lees(zensical_site / pad), lees(mkdocs_site / pad)
        assert zensical.alle("html")[0].attrs.get("lang") == "nl", pad
        # (The titles differ on the home page only: Material leaves out the page's own name.)
        assert [h.text for h in zensical.alle("h1")] == [h.text for h in mkdocs.alle("h1")], pad
        # The plugin's repairs (regio.mkdocs.theme.herstel): no autocomplete on checkboxes.
        toggles = [e for e in zensical.alle("input") if "md-toggle" in e.classes]
        assert toggles and not [e for e in toggles if "autocomplete" in e.attrs], pad
        # Our own styles and scripts are linked.
        stijlen = {e.attrs.get("href", "") for e in zensical.alle("link")}
        assert any(s.endswith("assets/regio/regio.css") for s in stijlen), pad


def test_the_navigation_is_the_same(zensical_site: Path, mkdocs_site: Path) -> None:
    def navigatie(site: Path) -> list[tuple[str, str]]:
        pagina = lees(site / "provincies" / "utrecht" / "index.html")
        return [
            (e.text.strip(), e.attrs["href"])
            for e in pagina.alle("a")
            if "md-nav__link" in e.classes and any("md-nav--primary" in p for p in e.parents)
        ]

    verwacht = navigatie(mkdocs_site)
    assert len(verwacht) >= 10
    assert navigatie(zensical_site) == verwacht


def test_no_broken_links_or_fragments(zensical_site: Path) -> None:
    site = Site(zensical_site)
    intern = [v for _, v in _in_paginas(site) if urlsplit(v.waarde).scheme not in EXTERN]
    kapot = [f"{v.bron}: {v.waarde!r}: {reden}" for v in intern if (reden := site.fout(v))]
    assert kapot == [], f"{len(kapot)} gebroken verwijzingen:\n" + "\n".join(kapot[:40])
    assert len(intern) > 2_000
    assert any("#" in v.waarde for v in intern)  # fragments are checked too
    # The map's popup links are written by us, not by Zensical: they must resolve too.
    kaart = zensical_site / "kaart" / "kaart.html"
    [blok] = [
        s for s in site.pagina(kaart).alle("script") if s.attrs.get("id") == "regio-kaart-data"
    ]
    data = json.loads(blok.text)
    urls = [f["properties"]["url"] for f in data["provincies"]["features"]]
    assert urls
    assert [u for u in urls if site.fout(Verwijzing("kaart", u, kaart))] == []


def test_a_failed_build_leaves_site_untouched(tmp_path: Path, zensical_site: Path) -> None:
    project = _project(tmp_path / "project")
    (project / "site").mkdir()
    (project / "site" / "oud.html").write_text("vorige site", encoding="utf-8")
    vervang(project / "data", "regions.yaml", "status: erkend", "status: erkent")
    assert bouw(project, zensical=ZENSICAL) == 1
    assert [p.name for p in (project / "site").iterdir()] == ["oud.html"]
    # A page Zensical cannot resolve: its strict mode aborts, and still site/ stays as it was.
    vervang(project / "data", "regions.yaml", "status: erkent", "status: erkend")
    with (project / "content" / "index.md").open("a", encoding="utf-8") as index:
        index.write("\n[weg](bestaat-niet.md)\n")
    assert bouw(project, zensical=ZENSICAL) == 1
    assert [p.name for p in (project / "site").iterdir()] == ["oud.html"]


@pytest.fixture(scope="module")
def adres(zensical_site: Path) -> Iterator[str]:
    yield from serveer(zensical_site)


def test_the_map_loads_with_every_province_and_no_third_party_request(
    browser: Browser, adres: str
) -> None:
    context = nieuwe_context(browser, viewport={"width": 1280, "height": 800})
    verzoeken: list[str] = []
    fouten: list[str] = []
    context.on("request", lambda r: verzoeken.append(r.url))
    try:
        page = context.new_page()
        page.on("console", lambda m: fouten.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: fouten.append(str(e)))
        page.goto(adres + "kaart/#kaart")  # opens the map at once, as "Kaart openen" does
        kaart = page.frame_locator("iframe.regio-kaart")
        # Every province of the fixture data (Utrecht and Zeeland) is drawn.
        expect(kaart.locator(".leaflet-overlay-pane path.regio-provincie")).to_have_count(2)
        expect(kaart.locator(".regio-legenda li").first).to_be_visible()
        page.wait_for_load_state("networkidle", timeout=90_000)
    finally:
        context.close()
    assert fouten == []
    assert {urlsplit(u).hostname for u in verzoeken} == {"127.0.0.1"}


def test_search_finds_a_partnership_by_name(browser: Browser, adres: str) -> None:
    context = nieuwe_context(browser, zoeken=True, viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.goto(adres)
        page.locator(".md-search__button").first.click()
        page.keyboard.type("Partnerschap Voorbeeld")
        kop = page.get_by_role("heading", name="Partnerschap Voorbeeld", exact=True)
        treffer = page.get_by_role("option").filter(has=kop).first
        expect(treffer).to_be_visible()
        treffer.click()
        page.wait_for_url("**/partnerschappen/voorbeeldpartnerschap/**")
        expect(page.locator("h1")).to_contain_text("Partnerschap Voorbeeld")
    finally:
        context.close()
