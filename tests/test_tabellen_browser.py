"""The overview tables and the province page of the REAL site in Debian's Chromium, as a visitor
uses them: filtering on what a row is about, the province and sector choices, sorting, what
a screen reader hears, and how the tables and the province page fit a desktop and a phone.

The real site is built once per run (``echte_site_map``) and served from 127.0.0.1; requests to
any other host are aborted (the pages here have no map tiles).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import (
    Locator,
    Page,
    Route,
    ViewportSize,
    expect,
)

from tests.conftest import Tabbladen, serveer, waarneem

Opener = Callable[..., AbstractContextManager[Page]]
DESKTOP: ViewportSize = {"width": 1280, "height": 800}
TELEFOON: ViewportSize = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def site_url(echte_site_map: Path) -> Iterator[str]:
    yield from serveer(echte_site_map)


@pytest.fixture
def open_(tabbladen: Tabbladen, site_url: str) -> Opener:
    """``open_(pad, viewport, javascript=True)``: the page at ``pad`` (a reused one); afterwards
    no script error and nothing fetched from elsewhere (such requests are aborted)."""

    @contextmanager
    def open_pagina(
        pad: str, viewport: ViewportSize = DESKTOP, javascript: bool = True
    ) -> Iterator[Page]:
        elders: list[str] = []

        def onderschep(route: Route) -> None:
            if urlsplit(route.request.url).hostname == "127.0.0.1":
                route.continue_()
            else:
                elders.append(route.request.url)
                route.abort()

        with (
            tabbladen.pagina(viewport=viewport, java_script_enabled=javascript) as page,
            waarneem(page) as gezien,
        ):
            page.route("**/*", onderschep)
            try:
                page.goto(site_url + pad)
                yield page
                assert gezien.fouten == []
                assert elders == []
            finally:
                page.unroute("**/*", onderschep)

    return open_pagina


def _tabel(page: Page, kop: str) -> Locator:
    """The table block right under the heading ``kop`` (the heading also holds its permalink)."""
    return page.locator(
        f"xpath=//h2[starts-with(normalize-space(), '{kop}')]"
        "/following::div[@class='regio-tabel'][1]"
    )


# --- Filtering on what a row is about -------------------------------------------------------


def test_amsterdam_finds_the_partnership_of_pabo_hva(open_: Opener) -> None:
    """The HvA partnership's place is Amsterdam; no cell of its row says so."""
    with open_("partnerschappen/") as page:
        tabel = _tabel(page, "Partnerschappen PO/(V)SO")
        filter_ = tabel.get_by_label("Filter deze tabel:")
        filter_.fill("Amsterdam")
        expect(
            tabel.locator("tbody tr:visible", has_text="Samen Opleiden (Pabo HvA)")
        ).to_have_count(1)
        assert "Amsterdam" not in tabel.locator("tbody tr", has_text="Pabo HvA").inner_text()
        # The placeholder says what else the filter knows.
        expect(filter_).to_have_attribute("placeholder", "bijv. Amsterdam of erkend")


def _zichtbaar(tabel: Locator) -> list[list[str]]:
    """The cell texts of the rows in view, in one round trip."""
    return list(
        tabel.evaluate(
            """t => [...t.querySelectorAll('tbody tr')].filter(r => !r.hidden)
                .map(r => [...r.cells].map(c => c.textContent.trim()))"""
        )
    )


def test_the_province_and_sector_choices_filter_together_with_the_text(open_: Opener) -> None:
    with open_("partnerschappen/") as page:
        tabel = _tabel(page, "Partnerschappen VO/MBO")
        alle = _zichtbaar(tabel)
        provincie = tabel.get_by_label("Provincie")
        sector = tabel.get_by_label("Sector")
        filter_ = tabel.get_by_label("Filter deze tabel:")
        expect(provincie.locator("option").first).to_have_text("Alle provincies")
        expect(sector.locator("option").first).to_have_text("Alle sectoren")
        status = tabel.get_by_role("status")

        provincie.select_option(label="Zuid-Holland")
        in_zh = [r for r in alle if "Zuid-Holland" in r[3]]
        assert 0 < len(in_zh) < len(alle)
        expect(status).to_have_text(f"{len(in_zh)} van {len(alle)} rijen zichtbaar")
        assert _zichtbaar(tabel) == in_zh

        sector.select_option("mbo")
        beide = [r for r in in_zh if "mbo" in r[2].split(", ")]
        assert 0 < len(beide) < len(in_zh)
        expect(status).to_have_text(f"{len(beide)} van {len(alle)} rijen zichtbaar")
        assert _zichtbaar(tabel) == beide

        filter_.fill("zzz-nergens")
        expect(status).to_have_text(f"0 van {len(alle)} rijen zichtbaar")
        filter_.fill("")
        provincie.select_option("")
        sector.select_option("")
        expect(status).to_have_text(f"{len(alle)} van {len(alle)} rijen zichtbaar")


def test_without_javascript_the_table_is_plain_and_complete(open_: Opener) -> None:
    with open_("partnerschappen/", javascript=False) as page:
        tabel = _tabel(page, "Partnerschappen VO/MBO")
        expect(tabel.locator("select")).to_have_count(2)
        expect(tabel.locator("select").first).to_be_hidden()
        expect(tabel.locator("input")).to_have_count(0)
        expect(tabel.locator("tbody tr:visible")).to_have_count(tabel.locator("tbody tr").count())


def test_the_row_count_is_announced_but_not_shown(open_: Opener) -> None:
    with open_("contact/") as page:
        tabel = page.locator(".regio-tabel")
        tabel.get_by_label("Filter deze tabel:").fill("Breda")  # a gemeente: Noord-Brabant
        expect(tabel.locator("tbody tr:visible")).to_have_count(1)
        expect(tabel.locator("tbody tr:visible")).to_contain_text("Noord-Brabant")
        status = tabel.get_by_role("status")
        expect(status).to_have_text("1 van 12 rijen zichtbaar")
        vak = status.bounding_box()
        assert vak is not None and vak["width"] <= 1 and vak["height"] <= 1, vak


def test_no_filter_above_a_table_of_fewer_than_six_rows(open_: Opener) -> None:
    with open_("onderwijsregios/") as page:
        # Per table: its rows, and whether it has a filter box or a row count.
        tabellen = page.locator(".regio-tabel").evaluate_all(
            """ts => ts.map(t => [t.querySelectorAll('tbody tr').length,
                                  t.querySelectorAll('input, select, [role=status]').length])"""
        )
        assert len(tabellen) >= 2
        assert all(rijen < 6 for rijen, _ in tabellen), tabellen
        assert [filters for _, filters in tabellen] == [0] * len(tabellen)
        # A long table does get one.
        page.goto(page.url.replace("onderwijsregios/", "organisaties/"))
        expect(page.locator(".regio-tabel").get_by_role("searchbox")).to_have_attribute(
            "placeholder", "bijv. Amsterdam of lerarenopleiding"
        )


# --- Sorting ----------------------------------------------------------------------------------


def test_empty_cells_sort_last_both_ways(open_: Opener) -> None:
    with open_("partnerschappen/") as page:
        tabel = _tabel(page, "Partnerschappen PO/(V)SO")
        kop = tabel.get_by_role("columnheader", name="Penvoerder")
        cellen = tabel.locator("tbody tr td:nth-child(5)")
        leeg = sum(1 for t in cellen.all_inner_texts() if not t.strip())
        assert 0 < leeg < cellen.count()

        for richting in ("ascending", "descending"):
            kop.get_by_role("button").click()
            expect(kop).to_have_attribute("aria-sort", richting)
            teksten = [t.strip() for t in cellen.all_inner_texts()]
            assert all(teksten[:-leeg]) and not any(teksten[-leeg:]), (richting, teksten)
            if richting == "ascending":
                oplopend = teksten[:-leeg]
        assert teksten[:-leeg] == oplopend[::-1]


def _koppen(tabel: Locator) -> list[tuple[str | None, bool, str]]:
    """Per header: its aria-sort, whether its arrow shows (and is hidden from screen readers),
    and the arrow's colour."""
    return [
        tuple(k)
        for k in tabel.evaluate(
            """t => [...t.tHead.rows[0].cells].map(th => {
                const pijl = th.querySelector('.regio-sorteer-pijl');
                const vak = pijl ? pijl.getBoundingClientRect() : {width: 0, height: 0};
                return [th.getAttribute('aria-sort'),
                        vak.width > 8 && vak.height > 8 && pijl.getAttribute('aria-hidden') === 'true',
                        pijl ? getComputedStyle(pijl).backgroundColor : ''];
            })"""
        )
    ]


def test_headers_show_and_announce_their_sort_state(open_: Opener) -> None:
    with open_("provincies/") as page:
        tabel = page.locator(".regio-tabel table")
        rust = _koppen(tabel)
        assert len(rust) == 6
        assert all(sorteer == "none" and pijl for sorteer, pijl, _ in rust), rust

        naam, code = (
            tabel.get_by_role("columnheader").nth(0),
            tabel.get_by_role("columnheader").nth(1),
        )
        naam.get_by_role("button").click()
        expect(naam).to_have_attribute("aria-sort", "ascending")
        naam.get_by_role("button").click()
        expect(naam).to_have_attribute("aria-sort", "descending")
        na = _koppen(tabel)
        assert [k[0] for k in na] == ["descending"] + ["none"] * 5
        assert na[0][2] != rust[0][2]  # the sorted column's arrow stands out
        code.get_by_role("button").click()
        expect(code).to_have_attribute("aria-sort", "ascending")
        assert [k[0] for k in _koppen(tabel)] == ["none", "ascending"] + ["none"] * 4


# --- Fitting the screen -------------------------------------------------------------------------


def test_the_provinces_table_fits_its_column_on_a_desktop(open_: Opener) -> None:
    with open_("provincies/", DESKTOP) as page:
        maten = page.evaluate(
            """() => {
                const tabel = document.querySelector('.regio-tabel table');
                const kolom = document.querySelector('.md-content__inner');
                const k = kolom.getBoundingClientRect(), t = tabel.getBoundingClientRect();
                return {links: t.left - k.left, rechts: k.right - t.right,
                        breed: tabel.scrollWidth, ruimte: kolom.clientWidth};
            }"""
        )
        assert maten["links"] >= -0.5 and maten["rechts"] >= -0.5, maten
        assert maten["breed"] <= maten["ruimte"], maten
        expect(page.locator(".regio-tabel-veeg")).to_be_hidden()


def test_on_a_phone_a_wide_table_says_it_scrolls(open_: Opener) -> None:
    with open_("organisaties/", TELEFOON) as page:
        hint = page.locator(".regio-tabel-veeg")
        expect(hint).to_be_visible()
        expect(hint).to_have_text("Schuif de tabel opzij voor meer kolommen")
        assert page.evaluate("document.documentElement.scrollWidth") <= TELEFOON["width"]


def test_the_province_page_holds_on_a_phone(open_: Opener) -> None:
    with open_("provincies/noord-holland/", TELEFOON) as page:
        kop = page.get_by_role("heading", name="Regiocoördinator", level=2)
        expect(kop).to_be_visible()
        regels = kop.evaluate(
            """h => {
                const tekst = h.firstChild, r = document.createRange();
                r.selectNodeContents(tekst);
                return new Set([...r.getClientRects()].map(b => Math.round(b.top))).size;
            }"""
        )
        assert regels == 1, "de kop breekt af"
        te_breed = page.evaluate(
            """w => [...document.querySelectorAll('.md-content *')]
                .filter(e => e.getBoundingClientRect().right > w + 0.5)
                .map(e => e.tagName + '.' + e.className)""",
            TELEFOON["width"],
        )
        assert te_breed == []
        # The contact details get the full width, not a strip beside the outline.
        contact = page.locator("p", has=page.locator("strong", has_text="Joyce van Solinge"))
        vak = contact.bounding_box()
        inhoud = page.locator(".md-content__inner").bounding_box()
        assert vak is not None and inhoud is not None
        assert vak["width"] >= 0.9 * (inhoud["width"] - 32), (vak, inhoud)
