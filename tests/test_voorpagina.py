"""The site as a visitor meets it: the home page as an entry point, the Dutch 404 page and
landmarks, the footer instead of the editors' menu, the report line and the colophon.

Mostly read from the real site built once per session (``echte_site_map``); one browser test for
what only a browser can tell (the first screen of a phone, a click on the SVG map), and one build of
the fixture site as a published site with the colophon options set.
"""

from __future__ import annotations

import logging
import posixpath
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from playwright.sync_api import Browser

from regio.uitvoer.colofon import ONBEKEND_ADRES, ONBEKENDE_UITGEVER
from tests.conftest import nieuwe_context, serveer, vervang
from tests.pagina_html import Pagina, lees

TELEFOON = {"width": 390, "height": 844}
# Words Material uses for landmarks and controls in English.
ENGELS = {"header", "footer", "navigation", "skip to content", "back to top", "previous", "next"}
ENGELS |= {"search", "table of contents", "share", "clear", "close", "tabs"}
# Pages of the editors' guide: out of the main menu, reached from the footer.
REDACTIE = re.compile(r"(^|/)redactie(/|$)")


def _url(site: Path, pad: Path) -> str:
    """The page's URL path from the site root ('provincies/utrecht/')."""
    deel = pad.relative_to(site).as_posix()
    return deel.removesuffix("index.html")


def _doel(van: str, href: str) -> str:
    """Where ``href`` on the page at URL path ``van`` leads, as a URL path from the root."""
    pad = urlsplit(href).path
    if pad.startswith("/"):
        return pad.lstrip("/")
    doel = posixpath.normpath(posixpath.join("/" + van, pad)).lstrip("/")
    return doel + "/" if pad.endswith("/") and doel else doel


@pytest.fixture(scope="module")
def echte_site(echte_site_map: Path) -> Iterator[str]:
    yield from serveer(echte_site_map)


# --- Home: lookup, province map and picker in a phone's first screen ------------------------


def test_home_offers_lookup_map_and_province_picker_in_a_phones_first_screen(
    browser: Browser, echte_site: str
) -> None:
    context = nieuwe_context(browser, viewport=TELEFOON)
    try:
        page = context.new_page()
        page.goto(echte_site)
        zoek = page.get_by_label("Zoek uw gemeente of plaats")
        kaart = page.get_by_role("group", name="Kaart van de provincies")
        kiezer = page.get_by_role("navigation", name="Kies uw provincie")
        for onderdeel in (zoek, kaart, kiezer):
            vak = onderdeel.bounding_box()
            assert vak is not None
            assert vak["y"] >= 0 and vak["y"] + vak["height"] <= TELEFOON["height"], vak
        assert kiezer.get_by_role("list").get_by_role("link").count() == 12
        # The SVG map: each province a link, and a click opens its page.
        assert kaart.get_by_role("link").count() == 12
        kaart.get_by_role("link", name="Utrecht", exact=True).click()
        page.wait_for_url("**/provincies/utrecht/")
        assert page.get_by_role("heading", level=1).inner_text().startswith("Utrecht")
    finally:
        context.close()


def test_home_keeps_the_explanation_below_the_entry_point(echte_site_map: Path) -> None:
    html = (echte_site_map / "index.html").read_text(encoding="utf-8")
    ingang = html.index('class="regio-ingang"')
    assert ingang < html.index('<h2 id="waar-gaat-deze-site-over">')
    assert "<!-- regio:" not in html


# --- Dutch 404 page, Dutch landmarks ------------------------------------------------------------


def test_404_page_is_dutch_with_lookup_and_main_links_that_work_at_any_depth(
    echte_site_map: Path,
) -> None:
    pagina = lees(echte_site_map / "404.html")
    assert "Pagina niet gevonden" in pagina.tekst
    assert "Not found" not in pagina.tekst
    [formulier] = pagina.alle("form", "regio-zoek")
    assert formulier.attrs["action"] == "/gemeenten/"
    links = {a.text.strip(): a.attrs["href"] for a in pagina.binnen("a", "regio-404-links")}
    assert set(links) == {"Home", "Provincies", "Kaart", "Gemeenten", "Contact per provincie"}
    # The server shows this page at /a/b/c: every link must start at the root.
    for tekst, href in links.items():
        doel = echte_site_map / _doel("a/b/c", href) / "index.html"
        assert href.startswith("/") and doel.is_file(), (tekst, href)


def _aria_labels(pagina: Pagina) -> dict[str, set[str]]:
    labels: dict[str, set[str]] = {}
    for e in pagina.elements:
        if "aria-label" in e.attrs:
            labels.setdefault(e.tag, set()).add(e.attrs["aria-label"])
    return labels


@pytest.mark.parametrize(
    "pad", ["index.html", "404.html", "provincies/utrecht/index.html", "kaart/index.html"]
)
def test_no_english_landmark_labels_or_theme_texts(echte_site_map: Path, pad: str) -> None:
    pagina = lees(echte_site_map / pad)
    labels = _aria_labels(pagina)
    for tag in ("header", "footer", "nav"):
        engels = {label for label in labels.get(tag, set()) if label.lower() in ENGELS}
        assert engels == set(), (tag, engels)
    assert labels["nav"] >= {"Kopregel", "Navigatie"}
    alle = {label.lower() for waarden in labels.values() for label in waarden}
    titels = {e.attrs["title"].lower() for e in pagina.elements if "title" in e.attrs}
    assert (alle | titels) & ENGELS == set()
    for zin in ("Skip to content", "Back to top", "Made with", "Not found"):
        assert zin not in pagina.tekst


# --- The editors' guide: out of the menu, in the footer -------------------------------------


def test_redactie_is_in_the_footer_not_in_the_menu_and_previous_next_stay_with_visitors(
    echte_site_map: Path,
) -> None:
    # Pages outside the menu share its links: the home page's menu is every page's menu.
    home = lees(echte_site_map / "index.html")
    menu = [a.attrs["href"] for a in home.binnen("a", "md-nav--primary")]
    assert len(menu) > 10
    assert [h for h in menu if REDACTIE.search(_doel("", h))] == []
    vorige_volgende = re.compile(r'<a href="([^"]*)" class="md-footer__link')
    voetlinks = re.compile(r'<nav class="regio-voetlinks".*?</nav>', re.S)
    gezien = 0
    for pad in sorted(echte_site_map.rglob("index.html")):
        van, html = _url(echte_site_map, pad), pad.read_text(encoding="utf-8")
        for href in vorige_volgende.findall(html):
            gezien += 1
            assert not REDACTIE.search(_doel(van, href)), (van, href)
        [voet] = voetlinks.findall(html)
        links = re.findall(r'<a href="([^"]*)">([^<]*)</a>', voet)
        assert {t: _doel(van, h) for h, t in links} == {
            "Privacy en colofon": "privacy/",
            "Redactie": "redactie/",
        }, van
    assert gezien > 10
    # The guide's pages are still built and link to each other.
    redactie = lees(echte_site_map / "redactie/index.html")
    hrefs = {_doel("redactie/", a.attrs["href"]) for a in redactie.alle("a")}
    assert {"redactie/velden/", "redactie/foutmeldingen/", "redactie/wat-ontbreekt/"} <= hrefs


# --- Open data for non-developers ---------------------------------------------------------------


def test_open_data_opens_with_a_plain_paragraph(echte_site_map: Path) -> None:
    pagina = lees(echte_site_map / "open-data/index.html")
    [eerste, *_] = pagina.binnen("p", "md-content")
    assert "Excel" in eerste.text and "downloaden" in eerste.text
    for vakterm in ("RFC", "BOM", "CR LF", "UTF-8", "JSON", "schema"):
        assert vakterm not in eerste.text, vakterm
    assert "RFC 4180" in pagina.tekst  # the details are still there, further down


# --- Report line and colophon -------------------------------------------------------------------


def test_without_publisher_the_pages_say_so_and_report_via_the_colophon(
    echte_site_map: Path,
) -> None:
    privacy = lees(echte_site_map / "privacy/index.html")
    assert ONBEKENDE_UITGEVER in privacy.tekst
    assert ONBEKEND_ADRES in privacy.tekst
    assert "colofon" in {e.attrs.get("id") for e in privacy.alle("h2")}
    assert "PDOK" in privacy.tekst and "IP-adres" in privacy.tekst
    utrecht = lees(echte_site_map / "provincies/utrecht/index.html")
    [meld] = utrecht.alle("p", "regio-meld")
    assert meld.text.strip() == "Klopt er iets niet? Meld het."
    [link] = [a for a in utrecht.binnen("a", "regio-meld")]
    assert _doel("provincies/utrecht/", link.attrs["href"]) == "privacy/"
    assert link.attrs["href"].endswith("#colofon")
    [redacteuren] = utrecht.alle("p", "regio-redacteuren")
    assert redacteuren.text.startswith("Voor redacteuren:")
    assert "data/regions.yaml, regel" in redacteuren.text
    assert "Wijziging voorstellen: pas" not in meld.text


def test_a_published_site_shows_its_publisher_contact_and_report_form(project: Path) -> None:
    opties = (
        "      uitgever: Stichting Voorbeeld\n"
        "      contact_email: redactie@example.org\n"
        "      meld_url: https://example.org/regio/issues/new\n"
        "      repo_url: https://example.org/regio\n"
    )
    vervang(project, "mkdocs.yml", "      data_dir: data\n", "      data_dir: data\n" + opties)
    site = project / "site"
    # Published under a sub-path: the strict build passes (no warning) and 404 links start there.
    config = load_config(
        str(project / "mkdocs.yml"), site_dir=str(site), site_url="https://example.org/regio/"
    )
    build(config)
    privacy = lees(site / "privacy/index.html")
    assert "Stichting Voorbeeld" in privacy.tekst
    assert "mailto:redactie@example.org" in {a.attrs["href"] for a in privacy.alle("a")}
    assert ONBEKENDE_UITGEVER not in privacy.tekst
    pagina = lees(site / "partnerschappen/voorbeeldpartnerschap/index.html")
    meld = {a.text.strip(): a.attrs["href"] for a in pagina.binnen("a", "regio-meld")}
    assert meld["Meld het"] == "https://example.org/regio/issues/new"
    assert meld["mail ons"].startswith("mailto:redactie@example.org?subject=Melding%20over")
    [redacteuren] = pagina.binnen("a", "regio-redacteuren")[:1]
    assert redacteuren.attrs["href"].startswith("https://example.org/regio/blob/main/data/")
    niet_gevonden = lees(site / "404.html")
    hrefs = [a.attrs["href"] for a in niet_gevonden.binnen("a", "regio-404-links")]
    assert hrefs and all(h.startswith("/regio/") for h in hrefs)


def test_publishing_without_publisher_warns_so_a_strict_build_stops(
    project: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config = load_config(str(project / "mkdocs.yml"), site_url="https://example.org/")
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        try:
            config.plugins.on_config(config)
        finally:
            config.plugins.on_build_error(error=RuntimeError("test"))
    [melding] = [r for r in caplog.records if r.levelno == logging.WARNING]
    # A warning from MkDocs' logger tree is what a strict build counts and stops on.
    assert melding.name.startswith("mkdocs.")
    assert (
        "uitgever (REGIO_UITGEVER) en contact_email (REGIO_CONTACT_EMAIL)" in melding.getMessage()
    )
    # A local preview (no site_url) builds without it.
    caplog.clear()
    lokaal = load_config(str(project / "mkdocs.yml"))
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        try:
            lokaal.plugins.on_config(lokaal)
        finally:
            lokaal.plugins.on_build_error(error=RuntimeError("test"))
    assert [r for r in caplog.records if r.levelno == logging.WARNING] == []


def test_mkdocs_serve_is_no_publishing_although_it_sets_a_site_url(
    project: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # `mkdocs serve` puts its own http://127.0.0.1:8000/ in site_url; a preview must not stop.
    config = load_config(str(project / "mkdocs.yml"), site_url="http://127.0.0.1:8000/")
    config.plugins.on_startup(command="serve", dirty=False)
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        try:
            config.plugins.on_config(config)
        finally:
            config.plugins.on_build_error(error=RuntimeError("test"))
    assert [r for r in caplog.records if r.levelno == logging.WARNING] == []
