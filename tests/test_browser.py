"""The built site in a real browser (Debian's Chromium via Playwright), as a visitor sees it.

Both the small fixture site and the real site are built once per module and served from
127.0.0.1; nothing in these tests touches the network.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, ViewportSize, expect

from tests.conftest import Tabbladen, nieuwe_context, schermafdruk, serveer

DESKTOP: ViewportSize = {"width": 1280, "height": 900}
TELEFOON: ViewportSize = {"width": 390, "height": 844}
BREEDTES = {"desktop": DESKTOP, "telefoon": TELEFOON}


# --- Fixtures: the sites, a local web server, the browser ---------------------------------


@pytest.fixture(scope="module")
def fixture_site(fixture_site_map: Path) -> Iterator[str]:
    """The small test site (tests/fixtures/site with tests/fixtures/geldig as data), served."""
    yield from serveer(fixture_site_map)


@pytest.fixture(scope="module")
def echte_site(echte_site_map: Path) -> Iterator[str]:
    """The real site with the real data (built once per run), served."""
    yield from serveer(echte_site_map)


@contextmanager
def _open(tabbladen: Tabbladen, url: str, viewport: ViewportSize = DESKTOP) -> Iterator[Page]:
    """A Dutch page (reused) at ``url``."""
    with tabbladen.pagina(viewport=viewport) as page:
        page.goto(url)
        yield page


@pytest.fixture
def contact(tabbladen: Tabbladen, echte_site: str) -> Iterator[Page]:
    with _open(tabbladen, echte_site + "contact/") as page:
        yield page


@pytest.fixture
def partnerschappen(tabbladen: Tabbladen, echte_site: str) -> Iterator[Page]:
    with _open(tabbladen, echte_site + "partnerschappen/") as page:
        yield page


# --- Filtering and sorting the overview tables ----------------------------------------------


def test_filter_shows_only_matching_rows_and_announces_the_count(contact: Page) -> None:
    tabel = contact.locator(".regio-tabel")
    rijen = tabel.locator("tbody tr:visible")
    status = tabel.get_by_role("status")
    filter_ = contact.get_by_label("Filter deze tabel:")
    expect(rijen).to_have_count(12)

    filter_.fill("Hans")
    expect(rijen).to_have_count(3)
    expect(rijen).to_contain_text(["Utrecht", "Zeeland", "Zuid-Holland"])
    for rij in rijen.all():
        expect(rij).to_contain_text("Hans Schwartz")
    expect(status).to_have_text("3 van 12 rijen zichtbaar")

    filter_.fill("")
    expect(rijen).to_have_count(12)
    expect(status).to_have_text("12 van 12 rijen zichtbaar")


def _gesorteerd(page: Page, namen: list[str]) -> bool:
    """Whether ``namen`` is in Dutch alphabetical order, judged by the browser's collator."""
    return bool(
        page.evaluate(
            """namen => {
                const c = new Intl.Collator("nl", {numeric: true, sensitivity: "base"});
                return namen.every((n, i) => i === 0 || c.compare(namen[i - 1], n) <= 0);
            }""",
            namen,
        )
    )


def test_clicking_a_header_sorts_ascending_then_descending(partnerschappen: Page) -> None:
    tabel = partnerschappen.locator(".regio-tabel").first
    kop = tabel.get_by_role("columnheader", name="Naam")
    namen = tabel.locator("tbody tr td:first-child")
    assert namen.count() > 10

    kop.get_by_role("button").click()
    expect(kop).to_have_attribute("aria-sort", "ascending")
    oplopend = [n.strip() for n in namen.all_inner_texts()]
    assert oplopend[0] != oplopend[-1]
    assert _gesorteerd(partnerschappen, oplopend), oplopend

    kop.get_by_role("button").click()
    expect(kop).to_have_attribute("aria-sort", "descending")
    aflopend = [n.strip() for n in namen.all_inner_texts()]
    assert aflopend == oplopend[::-1]


# --- Content a visitor relies on ------------------------------------------------------------


def test_province_page_shows_the_coordinators_contact_links(
    tabbladen: Tabbladen, fixture_site: str
) -> None:
    with _open(tabbladen, fixture_site + "provincies/utrecht/") as page:
        expect(page.locator("html")).to_have_attribute("lang", "nl")
        expect(page.locator('a[href="mailto:anna@example.org"]')).to_be_visible()
        expect(page.locator('a[href="tel:+31612345678"]')).to_be_visible()
        expect(page.get_by_text("Anna Voorbeeld").first).to_be_visible()


# One page of each kind; one fresh context visits them in turn, so a cookie or a request that
# any of them makes is seen (a page's own errors are told apart by its path).
ZONDER_SPOREN = [
    "",
    "provincies/utrecht/",
    "contact/",
    "partnerschappen/",
    "partnerschappen/aos-het-utrechts-model/",
    "gemeenten/",
    "gemeenten/breda/",
    "dekking/",
]


def test_no_console_errors_no_cookies_and_no_third_party_requests(
    browser: Browser, echte_site: str
) -> None:
    fouten: list[str] = []
    verzoeken: list[str] = []
    koekjes: dict[str, list[object]] = {}
    context = nieuwe_context(browser, zoeken=True, viewport=DESKTOP)
    try:
        page = context.new_page()
        page.on(
            "console",
            lambda m: fouten.append(f"{page.url}: {m.text}") if m.type == "error" else None,
        )
        page.on("pageerror", lambda e: fouten.append(f"{page.url}: {e}"))
        page.on("request", lambda r: verzoeken.append(r.url))
        for pad in ZONDER_SPOREN:
            page.goto(echte_site + pad)
            # The search worker loads and builds the index after the page itself; Material
            # replaces "Zoeken wordt voorbereid" once it is ready (0.4 s sooner than waiting for
            # a quiet network, and it checks that search did get ready).
            expect(page.locator(".md-search-result__meta")).to_have_text(
                "Typ om te beginnen met zoeken", timeout=30_000
            )
            # The privacy page promises no cookies: the palette toggle and search must not set any.
            page.locator("label.md-header__button[for^='__palette']:visible").click()
            koekjes[pad] = list(context.cookies())
    finally:
        context.close()
    assert fouten == []
    assert koekjes == {pad: [] for pad in ZONDER_SPOREN}
    assert len({urlsplit(u).path for u in verzoeken}) > len(ZONDER_SPOREN)
    assert [u for u in verzoeken if urlsplit(u).hostname != "127.0.0.1"] == []


# --- Layout on a phone and a desktop, with screenshots for a human to look at ---------------


@pytest.mark.parametrize("breedte", BREEDTES)
@pytest.mark.parametrize(
    ("naam", "pad"), [("home", ""), ("utrecht", "provincies/utrecht/"), ("contact", "contact/")]
)
def test_page_fits_the_screen_and_has_navigation(
    tabbladen: Tabbladen,
    echte_site: str,
    screenshot_dir: Path | None,
    naam: str,
    pad: str,
    breedte: str,
) -> None:
    """Also takes a screenshot; set REGIO_SCREENSHOTS to keep them (whole pages) in a folder."""
    with _open(tabbladen, echte_site + pad, BREEDTES[breedte]) as page:
        schermafdruk(page, screenshot_dir, f"{naam}-{breedte}", hele_pagina=True)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        lade = page.locator('label.md-header__button[for="__drawer"]')
        # The current page with a table of contents shows as a label that opens it (Material),
        # not as a link: look for the visible nav entry, whichever element it is.
        nav_contact = page.locator(
            ".md-nav--primary .md-nav__link:visible", has_text=re.compile(r"^\s*Contact\s*$")
        ).first
        if breedte == "telefoon":
            # The navigation waits beside the screen until the drawer button opens it.
            expect(lade).to_be_visible()
            expect(nav_contact).not_to_be_in_viewport()
            lade.click()
        else:
            expect(lade).to_have_count(1)
        expect(nav_contact).to_be_in_viewport()


def test_contact_table_fits_on_a_phone(tabbladen: Tabbladen, echte_site: str) -> None:
    with _open(tabbladen, echte_site + "contact/", TELEFOON) as page:
        tabel = page.locator(".regio-tabel table").bounding_box()
        assert tabel is not None
        assert tabel["x"] + tabel["width"] <= TELEFOON["width"]


# --- The region map ----------------------------------------------------------------------

PDOK_HOST = "service.pdok.nl"
# A 1x1 transparent PNG stands in for the tiles: the tests never leave this machine.
LEGE_TEGEL = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082"
)


@contextmanager
def _kaart(
    browser: Browser, url: str, viewport: ViewportSize = DESKTOP
) -> Iterator[tuple[Page, list[str], list[str]]]:
    """The map at ``url``, with the requests it made and the errors it logged."""
    context = nieuwe_context(browser, viewport=viewport)
    verzoeken: list[str] = []
    fouten: list[str] = []
    context.on("request", lambda r: verzoeken.append(r.url))
    context.route(
        f"https://{PDOK_HOST}/**",
        lambda route: route.fulfill(body=LEGE_TEGEL, content_type="image/png"),
    )
    try:
        page = context.new_page()
        page.on("console", lambda m: fouten.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: fouten.append(str(e)))
        page.goto(url)  # the tests wait for what they look at (expect), not for a quiet network
        yield page, verzoeken, fouten
    finally:
        context.close()


def _klik_op(page: Page, lat: float, lon: float) -> None:
    """Click the map at a geographic position."""
    punt = page.evaluate(
        """([lat, lon]) => {
            const id = document.querySelector(".folium-map").id;
            const p = window[id].latLngToContainerPoint([lat, lon]);
            const r = document.getElementById(id).getBoundingClientRect();
            return [r.left + p.x, r.top + p.y];
        }""",
        [lat, lon],
    )
    page.mouse.move(punt[0], punt[1])
    page.mouse.click(punt[0], punt[1])


def test_map_draws_twelve_provinces_with_coordinator_popups(
    browser: Browser, echte_site: str
) -> None:
    with _kaart(browser, echte_site + "kaart/kaart.html") as (page, verzoeken, fouten):
        expect(page.locator(".leaflet-overlay-pane path.regio-provincie")).to_have_count(12)
        expect(page.locator(".regio-legenda > div > ul").first.locator("li")).to_have_count(5)
        # The point layers are off at the start, so the click lands on the province.
        _klik_op(page, 52.09, 5.12)  # the city of Utrecht
        popup = page.locator(".leaflet-popup-content")
        expect(popup).to_contain_text("Utrecht")
        expect(popup).to_contain_text("Regiocoördinator: Hans Schwartz")
        expect(popup.locator('a[href="mailto:h.schwartz@caop.nl"]')).to_have_attribute(
            "target", "_top"
        )
        expect(popup.locator('a[href="tel:+31646183459"]')).to_be_visible()
        expect(popup.locator('a[href="../provincies/utrecht/"]')).to_be_visible()
        _klik_op(page, 50.85, 5.75)  # Maastricht, Limburg
        expect(page.locator(".leaflet-popup-content", has_text="Limburg")).to_contain_text(
            "Tiny Rompen"
        )
        assert fouten == []
        hosts = {urlsplit(u).hostname for u in verzoeken}
        assert hosts <= {"127.0.0.1", PDOK_HOST}, hosts
        assert PDOK_HOST in hosts  # the default basemap is PDOK's


def test_map_layers_toggle(browser: Browser, echte_site: str) -> None:
    with _kaart(browser, echte_site + "kaart/kaart.html") as (page, _, fouten):
        partnerschappen = page.locator(
            ".leaflet-marker-pane .regio-punt-partnerschappen, .regio-cluster-partnerschappen"
        )
        # Off at the start (their clusters would cover the provinces), on with the layer list.
        expect(partnerschappen).to_have_count(0)
        schakelaar = page.get_by_label("Partnerschappen Samen Opleiden", exact=False)
        schakelaar.check()
        expect(partnerschappen.first).to_be_visible()
        page.get_by_label("Projecten (", exact=False).check()
        schakelaar.uncheck()
        expect(partnerschappen).to_have_count(0)
        expect(
            page.locator(
                ".leaflet-marker-pane .regio-punt-projecten, .regio-cluster-projecten"
            ).first
        ).to_be_visible()
        schakelaar.check()
        expect(partnerschappen.first).to_be_visible()
        provincies = page.get_by_label("Provincies", exact=True)
        provincies.uncheck()
        expect(page.locator(".leaflet-overlay-pane path.regio-provincie")).to_have_count(0)
        assert fouten == []


def test_map_page_with_tiles_none_makes_no_external_request(
    browser: Browser, fixture_site: str
) -> None:
    with _kaart(browser, fixture_site + "kaart/") as (page, verzoeken, fouten):
        page.get_by_role("button", name="Kaart openen").click()
        kaart = page.frame_locator("iframe.regio-kaart")
        expect(kaart.locator(".leaflet-overlay-pane path")).to_have_count(2)
        expect(page.locator("iframe.regio-kaart")).to_have_attribute(
            "title", re.compile("^Interactieve kaart")
        )
        assert fouten == []
        assert {urlsplit(u).hostname for u in verzoeken} == {"127.0.0.1"}


def test_map_cannot_zoom_out_past_the_netherlands_and_shows_a_scale(
    browser: Browser, fixture_site: str
) -> None:
    # The fixture site has no tiles, the case in which folium dropped the zoom limits.
    with _kaart(browser, fixture_site + "kaart/kaart.html") as (page, _, fouten):
        expect(page.locator(".leaflet-overlay-pane path")).to_have_count(2)
        grenzen = page.evaluate(
            """() => {
                const map = window[document.querySelector(".folium-map").id];
                map.setZoom(1, {animate: false});
                return [map.getMinZoom(), map.getMaxZoom(), map.getZoom()];
            }"""
        )
        assert grenzen == [6, 18, 6]
        expect(page.locator(".leaflet-control-scale-line")).to_have_count(1)
        expect(page.locator(".leaflet-control-scale-line")).to_contain_text("km")
        assert fouten == []


@pytest.mark.parametrize("breedte", ["desktop", "telefoon"])
def test_map_page_screenshot(
    browser: Browser, echte_site: str, screenshot_dir: Path | None, breedte: str
) -> None:
    with _kaart(browser, echte_site + "kaart/#kaart", BREEDTES[breedte]) as (page, _, fouten):
        expect(
            page.frame_locator("iframe.regio-kaart").locator(
                ".leaflet-overlay-pane path.regio-provincie"
            )
        ).to_have_count(12)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        schermafdruk(page, screenshot_dir, f"kaart-{breedte}", hele_pagina=False)
        assert fouten == []
