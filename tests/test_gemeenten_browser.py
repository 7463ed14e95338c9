"""The gemeente pages, the lookup and the gemeente layer of the REAL site in Debian's Chromium.

The real site (real data, PDOK tiles as in mkdocs.yml) is built once per run by
``echte_site_map`` and served from 127.0.0.1. Every request to another host is intercepted:
PDOK's tiles get a blank tile, anything else is aborted and fails the test, so nothing here
leaves this machine.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import (
    Frame,
    Page,
    Route,
    ViewportSize,
    expect,
)

from tests.conftest import Tabbladen, schermafdruk, serveer, waarneem
from tests.test_browser import DESKTOP, LEGE_TEGEL, PDOK_HOST, TELEFOON

BREDA = (51.589, 4.776)  # the town centre, inside the gemeente
UTRECHT = (52.09, 5.12)
SCREENSHOTS: dict[str, tuple[str, ViewportSize]] = {
    "home-390": ("", TELEFOON),
    "breda-390": ("gemeenten/breda/", TELEFOON),
    "breda-1280": ("gemeenten/breda/", DESKTOP),
    "dekking-1280": ("dekking/", DESKTOP),
    "kaart-breda-1280": ("kaart/?gemeente=breda", DESKTOP),
}


@pytest.fixture(scope="module")
def site_url(echte_site_map: Path) -> Iterator[str]:
    yield from serveer(echte_site_map)


@dataclass
class Bezoek:
    """What one visit did: the page, PDOK's tile requests and the requests that were refused."""

    page: Page
    tegels: list[str] = field(default_factory=list)
    geblokkeerd: list[str] = field(default_factory=list)


@contextmanager
def _bezoek(
    tabbladen: Tabbladen, url: str, viewport: ViewportSize = DESKTOP, **opties: Any
) -> Iterator[Bezoek]:
    """``url`` in a Dutch page (reused). Afterwards: no console error, no uncaught exception,
    and no request for anything but 127.0.0.1 (PDOK's tiles are answered locally)."""
    with tabbladen.pagina(viewport=viewport, **opties) as page, waarneem(page) as gezien:
        context, bezoek = page.context, Bezoek(page)

        def onderschep(route: Route) -> None:
            adres = route.request.url
            host = urlsplit(adres).hostname
            if host == "127.0.0.1" or adres.startswith(("data:", "blob:")):
                route.continue_()
            elif host == PDOK_HOST:
                bezoek.tegels.append(adres)
                route.fulfill(body=LEGE_TEGEL, content_type="image/png")
            else:
                bezoek.geblokkeerd.append(adres)
                route.abort()

        context.route("**/*", onderschep)
        try:
            page.goto(url)
            yield bezoek  # the test waits for what it looks at, not for a quiet network
            assert bezoek.geblokkeerd == [], "verzoeken buiten 127.0.0.1"
            assert gezien.console + gezien.fouten == []
            assert gezien.verzoeken
        finally:
            context.unroute("**/*", onderschep)


def _veld(page: Page) -> Any:
    return page.get_by_role("combobox", name="Zoek uw gemeente of plaats")


def _opties(page: Page) -> Any:
    return page.get_by_role("listbox", name="Suggesties").get_by_role("option")


# --- The lookup on the home page ---------------------------------------------------------------


def test_on_a_phone_the_lookup_is_on_the_first_screen(tabbladen: Tabbladen, site_url: str) -> None:
    with _bezoek(tabbladen, site_url, TELEFOON, has_touch=True) as b:
        assert b.page.evaluate("window.scrollY") == 0
        for onderdeel in [
            b.page.get_by_text("Zoek uw gemeente of plaats", exact=True),
            _veld(b.page),
        ]:
            expect(onderdeel).to_be_in_viewport(ratio=1)
            vak = onderdeel.bounding_box()
            assert vak is not None
            assert vak["x"] >= 0 and vak["x"] + vak["width"] <= TELEFOON["width"], vak
            assert vak["y"] >= 0 and vak["y"] + vak["height"] <= TELEFOON["height"], vak
        assert b.page.evaluate("document.documentElement.scrollWidth") <= TELEFOON["width"]


def test_keyboard_only_ulvenh_arrowdown_enter_lands_on_breda(
    tabbladen: Tabbladen, site_url: str
) -> None:
    with _bezoek(tabbladen, site_url) as b:
        page = b.page
        for tabs in range(1, 101):  # noqa: B007 (the count is checked below)
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.id") == "regio-zoek":
                break
        else:
            pytest.fail("na 100 keer Tab nog niet in het zoekveld")
        expect(_veld(page)).to_be_focused()
        page.keyboard.type("ulvenh")
        expect(_opties(page)).to_have_text(["Ulvenhout — plaats in gemeente Breda"])
        page.keyboard.press("ArrowDown")
        expect(_opties(page).first).to_have_attribute("aria-selected", "true")
        page.keyboard.press("Enter")
        expect(page).to_have_url(re.compile(r"/gemeenten/breda/$"))
        expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^Gemeente Breda"))
        assert tabs <= 40, f"{tabs} keer Tab tot het zoekveld"


def test_a_typo_amersfort_suggests_amersfoort(tabbladen: Tabbladen, site_url: str) -> None:
    with _bezoek(tabbladen, site_url) as b:
        _veld(b.page).click()
        _veld(b.page).press_sequentially("Amersfort")
        expect(_opties(b.page).first).to_have_text("Amersfoort — gemeente in Utrecht")


# --- Material's search finds the gemeente pages --------------------------------------------------


@pytest.mark.parametrize("naam", ["Breda", "Tilburg", "Vlissingen"])
def test_material_search_finds_the_gemeente_page(
    tabbladen: Tabbladen, site_url: str, naam: str
) -> None:
    with _bezoek(tabbladen, site_url, zoeken=True) as b:
        page = b.page
        zoekveld = page.locator("input.md-search__input")
        zoekveld.click()
        zoekveld.press_sequentially(naam)
        resultaten = page.locator(".md-search-result__list a.md-search-result__link")
        expect(resultaten.first).to_be_visible()
        adressen: list[str] = resultaten.evaluate_all("links => links.map(a => a.href)")
        # Material adds ?h=<query> (highlighting) and the section's #anchor.
        paden = [urlsplit(a).path for a in adressen]
        assert f"/gemeenten/{naam.lower()}/" in paden, adressen


# --- The map zoomed on a gemeente ----------------------------------------------------------------


def _kaartframe(page: Page) -> Frame:
    expect(
        page.frame_locator("iframe.regio-kaart").locator("path.regio-gemeente").first
    ).to_be_attached()
    return next(f for f in page.frames if f.url.endswith("kaart/kaart.html"))


def test_map_page_with_gemeente_breda_zooms_on_breda(tabbladen: Tabbladen, site_url: str) -> None:
    with _bezoek(tabbladen, site_url + "kaart/?gemeente=breda") as b:
        kaart = _kaartframe(b.page)
        expect(kaart.locator("path.regio-gemeente")).to_have_count(342)
        zoom, breda, utrecht = kaart.evaluate(
            """([breda, utrecht]) => {
                const map = window[document.querySelector(".folium-map").id];
                const b = map.getBounds();
                return [map.getZoom(), b.contains(breda), b.contains(utrecht)];
            }""",
            [list(BREDA), list(UTRECHT)],
        )
        assert zoom >= 10 and breda and not utrecht, (zoom, breda, utrecht)
        expect(kaart.locator(".leaflet-tooltip")).to_have_text("Breda")
        expect(kaart.locator(".leaflet-control-attribution")).to_contain_text("CBS / Kadaster")
        expect(kaart.locator("img.leaflet-tile-loaded").first).to_be_attached()
        assert b.tegels, "de kaart vroeg geen PDOK-tegels"


def test_gemeente_page_links_to_its_place_on_the_map(tabbladen: Tabbladen, site_url: str) -> None:
    with _bezoek(tabbladen, site_url + "gemeenten/breda/") as b:
        link = b.page.get_by_role("link", name="Bekijk Breda op de kaart")
        expect(link).to_have_attribute("href", "../../kaart/?gemeente=breda")
        link.click()
        expect(b.page).to_have_url(re.compile(r"/kaart/\?gemeente=breda$"))
        kaart = _kaartframe(b.page)
        expect(kaart.locator(".leaflet-tooltip")).to_have_text("Breda")


def test_the_coverage_layer_shades_gemeenten_by_known_sectors(
    tabbladen: Tabbladen, site_url: str
) -> None:
    with _bezoek(tabbladen, site_url + "kaart/?gemeente=vlissingen") as b:
        kaart = _kaartframe(b.page)
        expect(kaart.locator("path.regio-dekking")).to_have_count(0)  # off by default
        kaart.get_by_label("Dekking per gemeente", exact=True).check()
        expect(kaart.locator("path.regio-dekking")).to_have_count(342)
        kleuren = kaart.evaluate(
            """() => {
                const map = window[document.querySelector(".folium-map").id];
                const uit = {};
                map.eachLayer((l) => {
                    if (l.feature && l.options.className === "regio-dekking") {
                        uit[l.feature.properties.slug] = [l.feature.properties.dekking,
                                                          l.options.fillColor];
                    }
                });
                return uit;
            }"""
        )
        # RAP Zeeland vo covers Vlissingen in one sector; Breda has no known region yet.
        assert kleuren["vlissingen"] == [1, "#c7e9c0"]
        assert kleuren["breda"] == [0, "#ffffff"]


# --- Screenshots for a human to look at ----------------------------------------------------------


@pytest.mark.parametrize("naam", SCREENSHOTS)
def test_page_fits_its_width_screenshot(
    tabbladen: Tabbladen, site_url: str, screenshot_dir: Path | None, naam: str
) -> None:
    """Takes a screenshot; set REGIO_SCREENSHOTS to keep them (whole pages) in a folder."""
    pad, viewport = SCREENSHOTS[naam]
    with _bezoek(tabbladen, site_url + pad, viewport) as b:
        if pad.startswith("kaart/"):
            kaart = _kaartframe(b.page)
            expect(kaart.locator(".leaflet-tooltip")).to_have_text("Breda")
            expect(kaart.locator("img.leaflet-tile-loaded").first).to_be_attached()
        schermafdruk(b.page, screenshot_dir, naam, hele_pagina=not pad.startswith("kaart/"))
        breedte = b.page.evaluate("document.documentElement.scrollWidth")
        assert breedte <= viewport["width"], f"{breedte} px breed op {viewport['width']}"


# --- What a visitor reads -------------------------------------------------------------------------


@pytest.mark.parametrize("pad", ["gemeenten/breda/", "dekking/"])
def test_no_empty_brackets_after_an_entity_without_sectors(
    tabbladen: Tabbladen, site_url: str, pad: str
) -> None:
    """An entity without sectors (a national one, a RAP region whose source names none) is
    listed without '()' behind its name."""
    with _bezoek(tabbladen, site_url + pad) as b:
        leeg: list[str] = b.page.locator("article li").evaluate_all(
            "items => items.map(li => li.textContent.trim()).filter(t => /\\(\\s*\\)/.test(t))"
        )
        assert leeg == [], leeg
