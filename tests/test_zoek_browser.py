"""'Zoek uw gemeente of plaats' in Debian's Chromium: the form of templates/_zoek.md.j2 with
assets/zoek/, on a test page two folders deep, with an index made by zoekindex() and stub gemeente
pages, served from 127.0.0.1. Nothing here touches the network.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from regio.uitvoer.pages import _ENV
from regio.uitvoer.zoekindex import INDEX_PAD, basisnaam, normaliseer, zoekindex
from tests.conftest import NODE_MODULES, Tabbladen, ontbreekt, serveer, waarneem
from tests.test_browser import DESKTOP, TELEFOON

ASSETS = Path(__file__).parent.parent / "plugins" / "regio" / "uitvoer" / "assets" / "zoek"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"

GEMEENTEN = [
    ("Breda", "breda", "Noord-Brabant"),
    ("Amersfoort", "amersfoort", "Utrecht"),
    ("Súdwest-Fryslân", "sudwest-fryslan", "Fryslân"),
    ("Hengelo (O.)", "hengelo", "Overijssel"),
    ("Bronckhorst", "bronckhorst", "Gelderland"),
    ("'s-Hertogenbosch", "s-hertogenbosch", "Noord-Brabant"),
    ("Amsterdam", "amsterdam", "Noord-Holland"),
    ("Amstelveen", "amstelveen", "Noord-Holland"),
    ("Utrechtse Heuvelrug", "utrechtse-heuvelrug", "Utrecht"),
]
PLAATSEN = [
    ("Ulvenhout", "breda"),
    ("Bavel", "breda"),
    ("Breda", "breda"),
    ("Sneek", "sudwest-fryslan"),
    ("Workum", "sudwest-fryslan"),
    ("Hengelo", "bronckhorst"),
    ("Vorden", "bronckhorst"),
    ("Rosmalen", "s-hertogenbosch"),
    ("Amerongen", "utrechtse-heuvelrug"),
    ("Doorn", "utrechtse-heuvelrug"),
]
PAGINA = "zoek/pagina/"  # two folders deep: the form's root is "../../"

STUB = """<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>{titel}</title></head>
<body><main><h1>{titel}</h1></main></body></html>
"""
TESTPAGINA = """<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>Vind uw regio</title>
<link rel="stylesheet" href="../../assets/regio/zoek/regio-zoek.css">
<style>body {{ font-family: sans-serif; margin: 0 1rem; }}</style>
</head>
<body>
<main>
<h1>Vind uw regio</h1>
{formulier}
<p>Op de pagina van uw gemeente staat wie er per sector samenwerkt.</p>
</main>
<script src="../../assets/regio/zoek/regio-zoek.js"></script>
</body>
</html>
"""


def formulier(root: str) -> str:
    """The form as the generated pages include it (Jinja with autoescaping, as an HTML block)."""
    return _ENV.get_template("_zoek.md.j2").render(root=root)


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = tmp_path_factory.mktemp("zoek") / "site"
    shutil.copytree(ASSETS, site / "assets" / "regio" / "zoek")
    (site / INDEX_PAD).write_bytes(zoekindex(GEMEENTEN, PLAATSEN))
    for naam, slug, _ in GEMEENTEN:
        (site / "gemeenten" / slug).mkdir(parents=True)
        (site / "gemeenten" / slug / "index.html").write_text(STUB.format(titel=naam))
    (site / "gemeenten" / "index.html").write_text(STUB.format(titel="Alle gemeenten"))
    (site / PAGINA).mkdir(parents=True)
    (site / PAGINA / "index.html").write_text(TESTPAGINA.format(formulier=formulier("../../")))
    yield from serveer(site)


@contextmanager
def _pagina(
    tabbladen: Tabbladen, url: str, vers: bool = False, **opties: Any
) -> Iterator[tuple[Page, list[str]]]:
    """The test page in a Dutch page (reused unless ``vers``); yields the page and every URL it
    requested. Fails the test on a console error or an uncaught exception in the page."""
    with (
        tabbladen.pagina(vers, **({"viewport": DESKTOP} | opties)) as page,
        waarneem(page) as gezien,
    ):
        page.goto(url + PAGINA)
        yield page, gezien.verzoeken
        assert gezien.console + gezien.fouten == []
        assert [u for u in gezien.verzoeken if urlsplit(u).hostname != "127.0.0.1"] == []


@pytest.fixture
def pagina(tabbladen: Tabbladen, site_url: str) -> Iterator[Page]:
    with _pagina(tabbladen, site_url) as (page, _):
        yield page


def _veld(page: Page) -> Any:
    return page.get_by_role("combobox", name="Zoek uw gemeente of plaats")


def _typ(page: Page, tekst: str) -> None:
    veld = _veld(page)
    veld.click()
    veld.press_sequentially(tekst)


def _opties(page: Page) -> Any:
    return page.get_by_role("listbox", name="Suggesties").get_by_role("option")


# --- Finding ----------------------------------------------------------------------------------


def test_typing_ulvenh_and_choosing_ulvenhout_by_keyboard_goes_to_breda(pagina: Page) -> None:
    _typ(pagina, "ulvenh")
    expect(_opties(pagina)).to_have_text(["Ulvenhout — plaats in gemeente Breda"])
    veld = _veld(pagina)
    expect(veld).to_have_attribute("aria-expanded", "true")
    expect(veld).not_to_have_attribute("aria-activedescendant", re.compile("."))

    veld.press("ArrowDown")
    eerste = _opties(pagina).first
    expect(eerste).to_have_attribute("aria-selected", "true")
    expect(veld).to_have_attribute("aria-activedescendant", eerste.get_attribute("id") or "?")

    veld.press("Enter")
    expect(pagina).to_have_url(re.compile(r"/gemeenten/breda/$"))
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Breda")


def test_a_typo_still_suggests_the_gemeente(pagina: Page) -> None:
    _typ(pagina, "Amersfort")
    expect(_opties(pagina).first).to_have_text("Amersfoort — gemeente in Utrecht")


def test_accents_and_case_do_not_matter(pagina: Page) -> None:
    _typ(pagina, "sudwest")
    expect(_opties(pagina)).to_have_text(["Súdwest-Fryslân — gemeente in Fryslân"])
    _veld(pagina).fill("")
    _typ(pagina, "S-HERTOGENBOSCH")
    expect(_opties(pagina).first).to_have_text("'s-Hertogenbosch — gemeente in Noord-Brabant")


def test_gemeenten_come_before_places_and_same_names_are_told_apart(pagina: Page) -> None:
    _typ(pagina, "hengelo")
    expect(_opties(pagina)).to_have_text(
        [
            "Hengelo (O.) — gemeente in Overijssel",
            "Hengelo (gemeente Bronckhorst) — plaats in Gelderland",
        ]
    )
    # Enter with two exact matches: no guess, the choice is offered.
    _veld(pagina).press("Enter")
    expect(pagina.get_by_role("status")).to_have_text(
        "2 suggesties. Kies een gemeente of plaats uit de lijst."
    )
    expect(pagina).to_have_url(re.compile(r"/zoek/pagina/$"))
    _veld(pagina).press("ArrowUp")  # wraps to the last option
    _veld(pagina).press("Enter")
    expect(pagina).to_have_url(re.compile(r"/gemeenten/bronckhorst/$"))


def test_a_label_is_found_by_its_start_only(pagina: Page) -> None:
    _typ(pagina, "bronckh")  # not the Hengelo that is in Bronckhorst
    expect(_opties(pagina)).to_have_text(["Bronckhorst — gemeente in Gelderland"])
    _veld(pagina).fill("")
    _typ(pagina, "Hengelo (gemeente Bronckhorst)")
    expect(_opties(pagina)).to_have_text(["Hengelo (gemeente Bronckhorst) — plaats in Gelderland"])
    _veld(pagina).press("Enter")  # the whole label: an exact match
    expect(pagina).to_have_url(re.compile(r"/gemeenten/bronckhorst/$"))


def test_suggestions_start_at_two_characters(pagina: Page) -> None:
    _typ(pagina, "a")
    expect(_veld(pagina)).to_have_attribute("aria-expanded", "false")
    _veld(pagina).press_sequentially("m")
    expect(_opties(pagina)).to_have_text(
        [
            "Amersfoort — gemeente in Utrecht",
            "Amstelveen — gemeente in Noord-Holland",
            "Amsterdam — gemeente in Noord-Holland",
            "Amerongen — plaats in gemeente Utrechtse Heuvelrug",
        ]
    )


@pytest.mark.parametrize(
    ("tekst", "doel"),
    [("Breda", "breda"), ("sneek", "sudwest-fryslan"), ("Súdwest Fryslân", "sudwest-fryslan")],
)
def test_enter_on_an_exact_match_goes_straight_there(pagina: Page, tekst: str, doel: str) -> None:
    _typ(pagina, tekst)
    _veld(pagina).press("Enter")
    expect(pagina).to_have_url(re.compile(f"/gemeenten/{doel}/$"))


def test_the_zoeken_button_with_an_exact_match_goes_there_too(pagina: Page) -> None:
    _typ(pagina, "Vorden")
    pagina.get_by_role("button", name="Zoeken").click()
    expect(pagina).to_have_url(re.compile(r"/gemeenten/bronckhorst/$"))


def test_clicking_an_option_goes_to_its_gemeente(pagina: Page) -> None:
    _typ(pagina, "doorn")
    pagina.get_by_role("option", name="Doorn — plaats in gemeente Utrechtse Heuvelrug").click()
    expect(pagina).to_have_url(re.compile(r"/gemeenten/utrechtse-heuvelrug/$"))


# --- Keys and what a screen reader hears -----------------------------------------------------


def test_home_end_and_wrapping_arrows(pagina: Page) -> None:
    _typ(pagina, "am")
    veld = _veld(pagina)
    opties = _opties(pagina)
    expect(opties).to_have_count(4)

    def actief() -> str:
        return veld.get_attribute("aria-activedescendant") or ""

    veld.press("ArrowDown")
    assert actief() == opties.nth(0).get_attribute("id")
    veld.press("End")
    assert actief() == opties.nth(3).get_attribute("id")
    veld.press("ArrowDown")
    assert actief() == opties.nth(0).get_attribute("id")
    veld.press("ArrowUp")
    assert actief() == opties.nth(3).get_attribute("id")
    veld.press("Home")
    assert actief() == opties.nth(0).get_attribute("id")
    expect(pagina.locator("[role=option][aria-selected=true]")).to_have_count(1)
    veld.press("ArrowRight")  # back to editing the text
    assert actief() == ""


def test_escape_closes_the_list_then_clears_the_field(pagina: Page) -> None:
    _typ(pagina, "ulvenh")
    veld = _veld(pagina)
    veld.press("ArrowDown")
    veld.press("Escape")
    expect(veld).to_have_attribute("aria-expanded", "false")
    expect(pagina.get_by_role("listbox")).to_be_hidden()
    expect(veld).not_to_have_attribute("aria-activedescendant", re.compile("."))
    expect(veld).to_have_value("ulvenh")
    veld.press("Escape")
    expect(veld).to_have_value("")


def test_the_live_region_announces_the_count_and_no_result(pagina: Page) -> None:
    status = pagina.get_by_role("status")
    expect(status).to_have_text("")
    _typ(pagina, "ulvenh")
    expect(status).to_have_text("1 suggestie")
    _veld(pagina).fill("")
    _typ(pagina, "am")
    expect(status).to_have_text("4 suggesties")
    _veld(pagina).press_sequentially("xyzq")
    expect(status).to_have_text("Geen gemeente of plaats gevonden")
    expect(pagina.locator(".regio-zoek-leeg")).to_have_text("Geen gemeente of plaats gevonden")
    expect(pagina.locator(".regio-zoek-leeg")).to_be_visible()
    vak = status.bounding_box()  # heard, not seen
    assert vak is None or (vak["width"] <= 1 and vak["height"] <= 1), vak


def test_the_index_is_fetched_on_first_focus_only(tabbladen: Tabbladen, site_url: str) -> None:
    with _pagina(tabbladen, site_url, vers=True) as (page, verzoeken):
        page.wait_for_load_state("networkidle")
        assert not [u for u in verzoeken if u.endswith("/index.json")]
        _veld(page).focus()
        _typ(page, "br")
        expect(_opties(page).first).to_have_text("Breda — gemeente in Noord-Brabant")
        _veld(page).fill("")
        _typ(page, "vo")
        expect(_opties(page).first).to_have_text("Vorden — plaats in gemeente Bronckhorst")
        indexen = [u for u in verzoeken if u.endswith("/index.json")]
        assert indexen == [site_url + INDEX_PAD]


def test_without_javascript_the_form_leads_to_the_list_of_gemeenten(
    tabbladen: Tabbladen, site_url: str
) -> None:
    with _pagina(tabbladen, site_url, java_script_enabled=False) as (page, _):
        veld = page.get_by_label("Zoek uw gemeente of plaats")
        expect(veld).not_to_have_attribute("role", "combobox")
        veld.fill("Breda")
        page.get_by_role("button", name="Zoeken").click()
        expect(page).to_have_url(re.compile(r"/gemeenten/\?q=Breda$"))
        expect(page.get_by_role("heading", level=1)).to_have_text("Alle gemeenten")


def test_normaliseer_is_the_same_in_the_browser_and_in_python(pagina: Page) -> None:
    namen = [naam for naam, _, _ in GEMEENTEN] + [
        "Ĳsselstein",
        "  Bergen (NH.) ",
        "Nuenen, Gerwen en Nederwetten",
        "(Alleen haakjes)",
    ]
    in_browser = pagina.evaluate(
        "namen => namen.map(n => [regioZoek.normaliseer(n), regioZoek.basisnaam(n)])", namen
    )
    assert in_browser == [[normaliseer(n), basisnaam(n)] for n in namen]


# --- On a phone, and axe-core ----------------------------------------------------------------


def test_on_a_phone_the_widget_fits_and_nothing_overflows(
    tabbladen: Tabbladen, site_url: str
) -> None:
    with _pagina(tabbladen, site_url, viewport=TELEFOON, has_touch=True) as (page, _):
        _typ(page, "am")
        expect(_opties(page)).to_have_count(4)
        breedte = TELEFOON["width"]
        assert page.evaluate("document.documentElement.scrollWidth") <= breedte
        for onderdeel in [
            page.locator("form.regio-zoek"),
            _veld(page),
            page.get_by_role("button", name="Zoeken"),
            page.get_by_role("listbox"),
            *_opties(page).all(),
        ]:
            expect(onderdeel).to_be_in_viewport(ratio=1)
            vak = onderdeel.bounding_box()
            assert vak is not None
            assert vak["x"] >= 0 and vak["x"] + vak["width"] <= breedte, vak
        # The option's text wraps inside it rather than overflowing.
        assert page.evaluate(
            """[...document.querySelectorAll('[role=option]')]
                .every(o => o.scrollWidth <= o.clientWidth)"""
        )
        _opties(page).nth(1).tap()
        expect(page).to_have_url(re.compile(r"/gemeenten/amstelveen/$"))


def _axe(page: Page) -> list[dict[str, Any]]:
    page.add_script_tag(path=str(AXE))
    uitslag: str = page.evaluate(
        """async () => {
            const r = await axe.run(document, {resultTypes: ["violations"]});
            return JSON.stringify(r.violations);
        }"""
    )
    return list(json.loads(uitslag))


@pytest.mark.parametrize("schema", ["light", "dark"])
@pytest.mark.parametrize("lijst_open", [False, True])
def test_axe_finds_no_violations(
    tabbladen: Tabbladen, site_url: str, schema: Literal["light", "dark"], lijst_open: bool
) -> None:
    if not AXE.is_file():
        ontbreekt(f"{AXE} ontbreekt: `make test` installeert het met npm ci")
    with _pagina(tabbladen, site_url, color_scheme=schema) as (page, _):
        if lijst_open:
            _typ(page, "am")
            _veld(page).press("ArrowDown")
            expect(_opties(page)).to_have_count(4)
        overtredingen = _axe(page)
        assert overtredingen == [], json.dumps(overtredingen, indent=1)[:3000]
