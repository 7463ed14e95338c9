"""The colophon's facts as visitors read them: the report line under a data page, the colophon
section (with its placeholder), the hand-written pages' markers and the publishing warning."""

from __future__ import annotations

from functools import cache

import pytest

from regio.gegevens.validate import valideer
from regio.site import Site
from regio.uitvoer.colofon import ONBEKEND_ADRES, ONBEKENDE_UITGEVER, Colofon, waarschuwing
from regio.uitvoer.markers import OnbekendeMarker, vul_in
from regio.uitvoer.pages import Opties, bewerk_url_maker, render_pages
from tests.conftest import FIXTURES

VOLLEDIG = Colofon(
    uitgever="Stichting Voorbeeld",
    contact_email="redactie@example.org",
    meld_url="https://example.org/regio/issues/new",
    pagina="privacy.md",
)


@cache
def _site() -> Site:
    resultaat = valideer(FIXTURES / "geldig")
    assert resultaat.gegevens is not None
    return Site(resultaat.gegevens, resultaat.geografie)


def _voet(opties: Opties) -> str:
    pagina = render_pages(_site(), opties)["partnerschappen/voorbeeldpartnerschap.md"]
    return pagina[pagina.index('<div class="regio-voet"') :]


def test_report_line_leads_to_the_form_and_the_mail_address() -> None:
    voet = _voet(Opties(colofon=VOLLEDIG))
    assert (
        '<p class="regio-meld">Klopt er iets niet? '
        '<a href="https://example.org/regio/issues/new">Meld het</a> of '
        '<a href="mailto:redactie@example.org?subject=Melding%20over%20de%20pagina%20'
        'Partnerschap%20Voorbeeld">mail ons</a>.</p>'
    ) in voet
    # The visitor's line first, the editors' quieter one after it.
    assert voet.index("regio-meld") < voet.index("regio-redacteuren")


def test_report_line_by_mail_only_and_the_fallback_to_the_colophon() -> None:
    alleen_mail = _voet(Opties(colofon=Colofon(meld_email="meld@example.org")))
    assert '<a href="mailto:meld@example.org?subject=' in alleen_mail
    assert "mail ons" not in alleen_mail
    terugval = _voet(Opties(colofon=Colofon(pagina="privacy.md")))
    assert '<a href="../../privacy/#colofon">Meld het</a>' in terugval
    # Nowhere to report to (``regio render`` without options): no line rather than a dead end.
    assert "Klopt er iets niet" not in _voet(Opties())


def test_the_editors_line_keeps_the_yaml_file_and_line() -> None:
    met_repo = bewerk_url_maker(
        "{repo_url}/blob/main/{pad}#L{regel}", "https://example.org/r", "data"
    )
    voet = _voet(Opties(bewerk_url=met_repo, redactie_pagina="redactie.md"))
    assert (
        '<p class="regio-redacteuren">Voor redacteuren: <a href="https://example.org/r/blob/'
        in voet
    )
    assert "Hoe werkt dat?" in voet


def test_the_subject_with_data_in_it_is_encoded() -> None:
    # A name from data/ cannot break out of the attribute or add mail headers.
    from regio.uitvoer.colofon import mailto

    doel = mailto("a@example.org", 'Melding over "x"&cc=b@example.org <script>')
    assert doel == (
        "mailto:a@example.org?subject=Melding%20over%20%22x%22%26cc%3Db%40example.org%20%3Cscript%3E"
    )


def test_colophon_shows_the_publisher_or_says_it_is_missing() -> None:
    tekst = "# Privacy\n\n<!-- regio:colofon -->\n"
    met = vul_in(tekst, "privacy.md", _site(), Opties(colofon=VOLLEDIG))
    assert met is not None and "<dd>Stichting Voorbeeld</dd>" in met
    assert '<a href="mailto:redactie@example.org">redactie@example.org</a>' in met
    assert ONBEKENDE_UITGEVER not in met
    zonder = vul_in(tekst, "privacy.md", _site(), Opties())
    assert zonder is not None and ONBEKENDE_UITGEVER in zonder and ONBEKEND_ADRES in zonder
    assert "## Colofon" in zonder


def test_markers_fill_in_the_entry_point_and_refuse_unknown_names() -> None:
    assert vul_in("# Home\n\nGewone tekst.\n", "index.md", _site(), Opties()) is None
    home = vul_in("# Home\n\n<!-- regio:ingang -->\n\nUitleg.\n", "index.md", _site(), Opties())
    assert home is not None
    assert home.index('class="regio-ingang"') < home.index("Uitleg.")
    assert '<a href="provincies/utrecht/">Utrecht</a>' in home
    assert '<form class="regio-zoek" action="./gemeenten/"' in home
    with pytest.raises(OnbekendeMarker, match="regio:ingnag"):
        vul_in("<!-- regio:ingnag -->\n", "index.md", _site(), Opties())


def test_publishing_warning_names_what_is_missing() -> None:
    assert waarschuwing(VOLLEDIG) is None
    alleen_uitgever = waarschuwing(Colofon(uitgever="Stichting Voorbeeld"))
    assert alleen_uitgever is not None
    assert "contact_email (REGIO_CONTACT_EMAIL)" in alleen_uitgever
    assert "uitgever (" not in alleen_uitgever
