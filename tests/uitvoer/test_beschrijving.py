"""The meta description of each generated page (regio.uitvoer.beschrijving) and the hidden
separators that make label/value pairs read as text (regio.uitvoer.kenmerken)."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from regio.gegevens.validate import valideer
from regio.site import Site
from regio.uitvoer.beschrijving import MAX_LENGTE, kort
from regio.uitvoer.kenmerken import met_scheidingen
from regio.uitvoer.pages import render_pages
from tests.conftest import FIXTURES, vervang

_BESCHRIJVING = re.compile(r"^description: (.*)$", re.M)


def _beschrijvingen(data_dir: Path = FIXTURES / "geldig") -> dict[str, str]:
    """Markdown path -> the description as the theme prints it (HTML-escaped text)."""
    resultaat = valideer(data_dir)
    assert resultaat.gegevens is not None
    pages = render_pages(Site(resultaat.gegevens, resultaat.geografie))
    gevonden = {pad: _BESCHRIJVING.search(inhoud) for pad, inhoud in pages.items()}
    return {pad: json.loads(m.group(1)) for pad, m in gevonden.items() if m}


@pytest.fixture(scope="module")
def beschrijvingen() -> dict[str, str]:
    return _beschrijvingen()


def test_every_generated_page_has_its_own_description(beschrijvingen: dict[str, str]) -> None:
    assert "partnerschappen/index.md" in beschrijvingen and "gemeenten/goes.md" in beschrijvingen
    teksten = [html.unescape(t) for t in beschrijvingen.values()]
    assert all(0 < len(t) <= MAX_LENGTE for t in teksten)
    assert len(set(teksten)) == len(teksten)


def test_a_partnership_is_described_from_its_data(beschrijvingen: dict[str, str]) -> None:
    assert beschrijvingen["partnerschappen/voorbeeldpartnerschap.md"] == (
        "Partnerschap Voorbeeld: partnerschap Samen Opleiden (po) in Utrecht en Zeeland, "
        "erkend sinds 2023."
    )


def test_a_gemeente_without_known_areas_says_what_its_page_tells(
    beschrijvingen: dict[str, str],
) -> None:
    assert html.unescape(beschrijvingen["gemeenten/goes.md"]) == (
        "Gemeente Goes (Zeeland): welke onderwijsregio, RAP-regio en partnerschappen Samen "
        "Opleiden haar omvatten, per sector, en bij wie u terechtkunt."
    )


def test_a_hostile_name_stays_text_in_the_description(data_dir: Path) -> None:
    vervang(data_dir, "regions.yaml", "naam: Partnerschap Voorbeeld", 'naam: "<b>\\"x</b>"')
    tekst = _beschrijvingen(data_dir)["partnerschappen/voorbeeldpartnerschap.md"]
    assert tekst.startswith("&lt;b&gt;&quot;x&lt;/b&gt;: partnerschap")


def test_a_long_text_is_cut_at_a_word() -> None:
    tekst = kort("Gemeente " + "lang " * 40 + "einde.")
    assert len(tekst) <= MAX_LENGTE and tekst.endswith("lang…")
    assert kort("  kort \n genoeg ") == "kort genoeg"


def test_labels_and_values_get_hidden_separators() -> None:
    tabel = (
        '<table>\n<tr><th scope="row">Soort</th><td>Lerarenopleiding</td></tr>\n'
        '<tr><th scope="row">Sectoren</th><td>wo</td></tr>\n</table>'
    )
    assert met_scheidingen(tabel) == (
        '<table>\n<tr><th scope="row">Soort<span hidden>: </span></th><td>Lerarenopleiding'
        '<span hidden> · </span></td></tr><tr><th scope="row">Sectoren<span hidden>: </span>'
        "</th><td>wo</td></tr>\n</table>"
    )
    lijst = "<dl>\n<dt>RAP-regio</dt><dd>A</dd>\n<dt>Samen Opleiden</dt><dd>B</dd>\n</dl>"
    assert met_scheidingen(lijst) == (
        "<dl>\n<dt>RAP-regio<span hidden>: </span></dt><dd>A<span hidden> · </span></dd>"
        "<dt>Samen Opleiden<span hidden>: </span></dt><dd>B</dd>\n</dl>"
    )
