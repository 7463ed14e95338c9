"""The map page of the REAL site as a visitor meets it, in Debian's Chromium at phone and desktop
size: a light preview first (no Leaflet, no tiles) until "Kaart openen"; then controls that leave
the land free, provinces that take the click, Dutch control names, a legend for the point shapes,
and a Dutch notice (with one failed request, not a screenful) when the tiles cannot load.

Served from 127.0.0.1; PDOK's tiles get a blank tile or are blocked, nothing leaves the machine.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Frame, Page, Route, ViewportSize, expect

from tests.conftest import nieuwe_context, serveer
from tests.test_browser import DESKTOP, LEGE_TEGEL, PDOK_HOST, TELEFOON

MAATEN: dict[str, ViewportSize] = {"390": TELEFOON, "1280": {"width": 1280, "height": 800}}
MELDING = "De achtergrondkaart kon niet laden; de provincies en regio's werken gewoon."


@pytest.fixture(scope="module")
def site_url(echte_site_map: Path) -> Iterator[str]:
    yield from serveer(echte_site_map)


@dataclass
class Bezoek:
    page: Page
    verzoeken: list[str] = field(default_factory=list)
    fouten: list[str] = field(default_factory=list)


@contextmanager
def _bezoek(
    browser: Browser, url: str, viewport: ViewportSize = DESKTOP, *, tegels: bool = True
) -> Iterator[Bezoek]:
    """``url`` in a fresh Dutch context; PDOK answers with a blank tile, or (``tegels=False``)
    not at all; any other host is refused."""
    context = nieuwe_context(browser, viewport=viewport)
    bezoek = Bezoek(context.new_page())

    def onderschep(route: Route) -> None:
        host = urlsplit(route.request.url).hostname
        if host == "127.0.0.1":
            route.continue_()
        elif host == PDOK_HOST and tegels:
            route.fulfill(body=LEGE_TEGEL, content_type="image/png")
        else:
            route.abort()

    context.route("**/*", onderschep)
    context.on("request", lambda r: bezoek.verzoeken.append(r.url))
    bezoek.page.on("console", lambda m: bezoek.fouten.append(m.text) if m.type == "error" else None)
    bezoek.page.on("pageerror", lambda e: bezoek.fouten.append(str(e)))
    try:
        bezoek.page.goto(url)
        yield bezoek
    finally:
        context.close()


def _kaart(page: Page) -> Frame:
    """The map's frame, once its twelve provinces are drawn and the first fit is done."""
    expect(
        page.frame_locator("iframe.regio-kaart").locator(
            ".leaflet-overlay-pane path.regio-provincie"
        )
    ).to_have_count(12)
    return next(f for f in page.frames if f.url.endswith("kaart/kaart.html"))


# In the map's frame: every province's bounding box and every control's box, in the frame's
# coordinates; and which share of a grid over Utrecht (the points inside it) takes the click.
_METEN = """() => {
  const map = window[document.querySelector(".folium-map").id];
  const vakken = [];
  let utrecht = null;
  for (const pad of document.querySelectorAll("path.regio-provincie")) {
    const r = pad.getBoundingClientRect();
    vakken.push([r.left, r.top, r.right, r.bottom]);
  }
  map.eachLayer(l => {
    if (l.feature && l.feature.properties.naam === "Utrecht" && l.feature.properties.coordinator)
      utrecht = l;
  });
  const b = utrecht.getBounds();
  let binnen = 0, raak = 0;
  for (let i = 0; i < 20; i++) for (let j = 0; j < 20; j++) {
    const p = map.latLngToContainerPoint([
      b.getSouth() + (b.getNorth() - b.getSouth()) * (i + 0.5) / 20,
      b.getWest() + (b.getEast() - b.getWest()) * (j + 0.5) / 20]);
    if (!document.elementsFromPoint(p.x, p.y).includes(utrecht.getElement())) continue;
    binnen++;
    if (document.elementFromPoint(p.x, p.y) === utrecht.getElement()) raak++;
  }
  const knoppen = [...document.querySelectorAll(".leaflet-control-layers, .regio-legenda")]
    .map(c => { const r = c.getBoundingClientRect(); return [c.className, r.left, r.top, r.right, r.bottom]; });
  return {vakken, knoppen, utrecht: raak / binnen};
}"""


@pytest.mark.parametrize("maat", MAATEN)
def test_legend_and_layers_leave_the_land_free_and_utrecht_takes_the_click(
    browser: Browser, site_url: str, maat: str
) -> None:
    with _bezoek(browser, site_url + "kaart/#kaart", MAATEN[maat]) as b:
        gemeten: dict[str, Any] = _kaart(b.page).evaluate(_METEN)
        assert len(gemeten["knoppen"]) == 2
        bedekt = [
            (naam, vak)
            for naam, *k in gemeten["knoppen"]
            for vak in gemeten["vakken"]
            if k[0] < vak[2] and k[2] > vak[0] and k[1] < vak[3] and k[3] > vak[1]
        ]
        assert bedekt == [], bedekt
        # Before: clusters covered the middle of Utrecht (41 % clickable).
        print(f"{maat}: {gemeten['utrecht']:.0%} van Utrecht klikbaar")
        assert gemeten["utrecht"] >= 0.9
        assert b.fouten == []


def test_popup_hides_the_tooltip_draws_no_focus_box_and_speaks_dutch(
    browser: Browser, site_url: str
) -> None:
    with _bezoek(browser, site_url + "kaart/#kaart", MAATEN["1280"]) as b:
        kaart = _kaart(b.page)
        for naam in ("Inzoomen", "Uitzoomen"):
            expect(kaart.get_by_role("button", name=naam, exact=True)).to_have_attribute(
                "title", naam
            )
        # Wide: the layer list is open beside the country, a group named in Dutch; its fold
        # button (for narrow maps) has the same name.
        expect(kaart.get_by_role("group", name="Kaartlagen")).to_be_visible()
        knop = kaart.locator(".leaflet-control-layers-toggle")
        expect(knop).to_have_attribute("aria-label", "Kaartlagen")
        expect(knop).to_have_attribute("title", "Kaartlagen")
        legenda = kaart.locator(".regio-legenda")
        for vorm in (
            "rondje: Onderwijsregio's",
            "vierkantje: Partnerschappen",
            "ruitje: Projecten",
        ):
            expect(legenda).to_contain_text(vorm)
        expect(legenda.locator(".regio-legenda-dekking")).to_be_hidden()
        kaart.get_by_label("Dekking per gemeente", exact=True).check()
        expect(legenda.locator(".regio-legenda-dekking")).to_contain_text("in alle 3 sectoren")

        kaart.get_by_label("Dekking per gemeente", exact=True).uncheck()
        # Measured after the clicks in the layer list, which may scroll the page.
        iframe = b.page.locator("iframe.regio-kaart").bounding_box()
        assert iframe is not None
        x, y = kaart.evaluate(
            """() => { const m = window[document.querySelector(".folium-map").id];
                       const p = m.latLngToContainerPoint([52.08, 5.25]); return [p.x, p.y]; }"""
        )
        b.page.mouse.move(iframe["x"] + x, iframe["y"] + y)
        expect(kaart.locator(".leaflet-tooltip")).to_be_visible()
        b.page.mouse.click(iframe["x"] + x, iframe["y"] + y)
        popup = kaart.locator(".leaflet-popup")
        expect(popup).to_contain_text("Regiocoördinator: Hans Schwartz")
        expect(kaart.locator(".leaflet-tooltip")).to_be_hidden()
        expect(popup.get_by_role("button", name="Sluiten", exact=True)).to_be_visible()
        omlijning = kaart.evaluate(
            "() => [document.activeElement.tagName, getComputedStyle(document.activeElement)"
            ".outlineStyle]"
        )
        assert omlijning[1] == "none", omlijning
        popup.get_by_role("button", name="Sluiten").click()
        expect(popup).to_have_count(0)
        # By keyboard: a province is a button; Enter opens its popup.
        kaart.get_by_role("button", name="Limburg, regiocoördinator Tiny Rompen").press("Enter")
        expect(popup).to_contain_text("Tiny Rompen")
        assert b.fouten == []


def test_blocked_tiles_give_a_dutch_notice_and_one_failed_request(
    browser: Browser, site_url: str
) -> None:
    with _bezoek(browser, site_url + "kaart/#kaart", MAATEN["390"], tegels=False) as b:
        kaart = _kaart(b.page)
        expect(kaart.get_by_role("status")).to_have_text(MELDING)
        # The notice comes from the failed first tile; after it no tile layer is left to ask.
        tegels = [u for u in b.verzoeken if urlsplit(u).hostname == PDOK_HOST]
        print(f"tegels geblokkeerd: {len(tegels)} verzoek(en), {len(b.fouten)} consolefout(en)")
        # Before: 6 (phone) to 24 failed tiles, each a console error, and no word of it.
        assert len(tegels) == 1
        assert len(b.fouten) <= 1
        expect(kaart.locator(".leaflet-tile-pane img")).to_have_count(0)


def test_map_page_starts_light_and_opens_the_map_on_request(
    browser: Browser, site_url: str
) -> None:
    with _bezoek(browser, site_url + "kaart/", MAATEN["390"]) as b:
        b.page.wait_for_load_state("networkidle")
        voorbeeld = b.page.locator(".regio-kaartvoorbeeld svg.regio-provinciekaart")
        expect(voorbeeld.locator("a")).to_have_count(12)
        expect(voorbeeld.locator('a[href="../provincies/utrecht/"]')).to_have_count(1)
        expect(b.page.locator("iframe")).to_have_count(0)
        # No Leaflet and no tile server before the visitor asks for the map.
        assert not [u for u in b.verzoeken if "leaflet" in u or PDOK_HOST in u]
        b.page.get_by_role("button", name="Kaart openen").click()
        kaart = _kaart(b.page)
        expect(b.page.locator(".regio-kaartvoorbeeld")).to_be_hidden()
        # Focus moved into the map (keyboard panning), not lost to the page.
        expect(kaart.locator(".folium-map")).to_be_focused()
        assert [u for u in b.verzoeken if u.endswith("leaflet.js")]
        assert b.fouten == []
