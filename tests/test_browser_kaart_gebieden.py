"""The map's areas and gemeenten in a real browser: entities drawn as the outline of their
gemeenten, the gemeente layer linking to the gemeente pages, ``?gemeente=`` zooming in, and the
boundaries' credit. The fixture site (tiles none) with gemeenten added, served from 127.0.0.1."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from playwright.sync_api import Browser, ConsoleMessage, Frame, Page, expect

from tests.conftest import FIXTURES, nieuwe_context, serveer, vervang
from tests.test_browser import DESKTOP

VLISSINGEN = (51.447, 3.585)  # the town, inside the gemeente and inside the project's area


@pytest.fixture(scope="module")
def site_met_gemeenten(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The fixture site whose project lists two gemeenten on Walcheren."""
    project = tmp_path_factory.mktemp("gebieden") / "project"
    shutil.copytree(FIXTURES / "site", project)
    shutil.copytree(FIXTURES / "geldig", project / "data")
    vervang(
        project / "data",
        "regions.yaml",
        "    provincies: [zeeland]\n",
        "    provincies: [zeeland]\n    gemeenten: [Vlissingen, Middelburg (Z.)]\n",
    )
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site")))
    yield from serveer(project / "site")


def _fout(bericht: ConsoleMessage) -> bool:
    """An error in the console, except the browser's own miss of /favicon.ico (the map document
    names no icon; what it loads itself must all be there)."""
    return bericht.type == "error" and not bericht.location["url"].endswith("/favicon.ico")


@contextmanager
def _kaart(browser: Browser, url: str) -> Iterator[tuple[Page, list[str], list[str]]]:
    context = nieuwe_context(browser, viewport=DESKTOP)
    verzoeken: list[str] = []
    fouten: list[str] = []
    context.on("request", lambda r: verzoeken.append(r.url))
    try:
        page = context.new_page()
        page.on("console", lambda m: fouten.append(m.text) if _fout(m) else None)
        page.on("pageerror", lambda e: fouten.append(str(e)))
        page.goto(url)
        page.wait_for_load_state("networkidle")
        yield page, verzoeken, fouten
    finally:
        context.close()


def _punt(frame: Page | Frame, lat: float, lon: float) -> tuple[float, float]:
    """The position of (lat, lon) in the map's document (its own viewport)."""
    x, y = frame.evaluate(
        """([lat, lon]) => {
            const id = document.querySelector(".folium-map").id;
            const p = window[id].latLngToContainerPoint([lat, lon]);
            const r = document.getElementById(id).getBoundingClientRect();
            return [r.left + p.x, r.top + p.y];
        }""",
        [lat, lon],
    )
    return x, y


def _alleen_lokaal(verzoeken: list[str]) -> None:
    assert verzoeken
    assert [u for u in verzoeken if urlsplit(u).hostname != "127.0.0.1"] == []


def test_entity_with_gemeenten_is_an_area_with_its_popup(
    browser: Browser, site_met_gemeenten: str
) -> None:
    with _kaart(browser, site_met_gemeenten + "kaart/kaart.html") as (page, verzoeken, fouten):
        # The point layers are off at the start; the layer list turns the projects on.
        expect(page.locator("path.regio-gebied-projecten")).to_have_count(0)
        page.get_by_label("Projecten (1)", exact=False).check()
        expect(page.locator("path.regio-gebied-projecten")).to_have_count(1)
        # The project has an area now, so no point of its own.
        # (the legend shows the shape too, outside the marker pane)
        punten = ".leaflet-marker-pane .regio-punt-projecten, .leaflet-marker-pane .regio-cluster-projecten"
        expect(page.locator(punten)).to_have_count(0)
        expect(page.locator("path.regio-gemeente")).to_have_count(0)  # off by default
        expect(page.get_by_label("Projecten (1)", exact=False)).to_be_checked()
        page.mouse.click(*_punt(page, *VLISSINGEN))
        popup = page.locator(".leaflet-popup-content")
        expect(popup).to_contain_text("Projecten")
        expect(popup.get_by_role("link", name="Voorbeeldproject")).to_have_attribute(
            "href", "../projecten/voorbeeldproject/"
        )
        page.get_by_label("Projecten (1)", exact=False).uncheck()
        expect(page.locator("path.regio-gebied-projecten")).to_have_count(0)
        assert fouten == []
        _alleen_lokaal(verzoeken)


def test_gemeente_layer_names_on_hover_and_links_its_page(
    browser: Browser, site_met_gemeenten: str
) -> None:
    with _kaart(browser, site_met_gemeenten + "kaart/kaart.html") as (page, verzoeken, fouten):
        page.get_by_label("Gemeenten", exact=True).check()
        expect(page.locator("path.regio-gemeente")).to_have_count(39)
        page.mouse.move(*_punt(page, *VLISSINGEN))
        expect(page.locator(".leaflet-tooltip")).to_have_text("Vlissingen")
        page.mouse.click(*_punt(page, *VLISSINGEN))
        link = page.locator(".leaflet-popup-content a")
        expect(link).to_have_attribute("href", "../gemeenten/vlissingen/")
        expect(link).to_have_attribute("target", "_top")
        expect(link).to_contain_text("Vlissingen")
        assert fouten == []
        _alleen_lokaal(verzoeken)


def test_map_page_opens_zoomed_on_the_gemeente_in_the_url(
    browser: Browser, site_met_gemeenten: str
) -> None:
    with _kaart(browser, site_met_gemeenten + "kaart/?gemeente=vlissingen") as (
        page,
        verzoeken,
        fouten,
    ):
        frame = page.frame_locator("iframe.regio-kaart")
        expect(frame.locator("path.regio-gemeente")).to_have_count(39)
        kaart = next(f for f in page.frames if f.url.endswith("kaart/kaart.html"))
        zicht = kaart.evaluate(
            """([lat, lon]) => {
                const map = window[document.querySelector(".folium-map").id];
                const b = map.getBounds();
                return [map.getZoom(), b.contains([lat, lon]), b.contains([52.09, 5.12])];
            }""",
            list(VLISSINGEN),
        )
        zoom, vlissingen_in_beeld, utrecht_in_beeld = zicht
        assert zoom >= 10 and vlissingen_in_beeld and not utrecht_in_beeld, zicht
        expect(frame.locator(".leaflet-tooltip")).to_have_text("Vlissingen")
        assert fouten == []
        _alleen_lokaal(verzoeken)


def test_boundaries_are_credited_without_tiles(browser: Browser, site_met_gemeenten: str) -> None:
    with _kaart(browser, site_met_gemeenten + "kaart/kaart.html") as (page, verzoeken, fouten):
        attributie = page.locator(".leaflet-control-attribution")
        expect(attributie).to_contain_text("CBS / Kadaster, 2025")
        expect(attributie).to_contain_text("CC BY 4.0")
        assert fouten == []
        _alleen_lokaal(verzoeken)


def test_unknown_gemeente_in_the_url_leaves_the_whole_map(
    browser: Browser, site_met_gemeenten: str
) -> None:
    with _kaart(browser, site_met_gemeenten + "kaart/kaart.html?gemeente=atlantis") as (
        page,
        _,
        fouten,
    ):
        expect(page.locator(".leaflet-overlay-pane path.regio-gemeente")).to_have_count(0)
        assert page.evaluate(
            "() => window[document.querySelector('.folium-map').id].getBounds()"
            ".contains([52.09, 5.12])"
        )
        assert fouten == []
