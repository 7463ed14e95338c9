"""Material's bundle and our scripts load with ``defer`` (regio.mkdocs.theme.uitgesteld): they no
longer hold up the first paint, and what they do still works, in the real Chromium on the real
site: the site search, the dark-mode toggle, sorting a table and the gemeente lookup."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import Tabbladen, serveer, waarneem


@pytest.fixture(scope="module")
def adres(echte_site_map: Path) -> Iterator[str]:
    yield from serveer(echte_site_map)


@pytest.fixture
def open_pagina(tabbladen: Tabbladen, adres: str) -> Iterator[Callable[[str], Page]]:
    """Opens a path of the real site in a reused Dutch page, and checks its scripts."""
    with (
        tabbladen.pagina(viewport={"width": 1280, "height": 800}, zoeken=True) as page,
        waarneem(page) as gezien,
    ):

        def open_(pad: str) -> Page:
            page.goto(adres + pad)
            # Every external script of the page is deferred, so none holds up the first paint.
            scripts = page.eval_on_selector_all(
                "script[src]", "ss => ss.map(s => [s.getAttribute('src'), s.defer || s.async])"
            )
            assert scripts and all(uitgesteld for _, uitgesteld in scripts), scripts
            assert gezien.fouten == []
            return page

        yield open_


def test_search_opens_and_shows_an_organisation_with_its_facts(
    open_pagina: Callable[[str], Page],
) -> None:
    page = open_pagina("")
    veld = page.get_by_role("textbox", name="Zoeken")
    veld.click()
    veld.press_sequentially("Hogeschool Rotterdam")
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=30_000)
    # The snippet separates labels and values: "Soort: Lerarenopleiding · Sectoren: …".
    expect(page.locator(".md-search-result")).to_contain_text("Soort: Lerarenopleiding")


def test_the_palette_toggle_switches_to_dark_and_back(open_pagina: Callable[[str], Page]) -> None:
    page = open_pagina("contact/")
    lichaam = page.locator("body")
    knop = page.locator("label.md-header__button[for^='__palette']:visible")
    expect(lichaam).to_have_attribute("data-md-color-scheme", "default")
    expect(knop).to_have_attribute("title", "Schakel naar donkere modus")
    knop.click()
    expect(lichaam).to_have_attribute("data-md-color-scheme", "slate")
    expect(knop).to_have_attribute("title", "Schakel naar lichte modus")
    knop.click()
    expect(lichaam).to_have_attribute("data-md-color-scheme", "default")


def test_a_table_sorts_and_the_gemeente_lookup_suggests(open_pagina: Callable[[str], Page]) -> None:
    page = open_pagina("partnerschappen/")
    kop = page.locator(".regio-tabel").first.get_by_role("columnheader", name="Naam")
    kop.get_by_role("button").click()
    expect(kop).to_have_attribute("aria-sort", "ascending")

    page = open_pagina("")
    page.get_by_role("combobox", name="Zoek uw gemeente of plaats").fill("Ulvenh")
    suggesties = page.get_by_role("listbox", name="Suggesties").get_by_role("option")
    expect(suggesties.first).to_contain_text("Ulvenhout")
