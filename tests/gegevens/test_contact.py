"""Contact data rules and the display forms the site uses."""

from __future__ import annotations

import pytest

from regio.gegevens.contact import (
    email_geldig,
    telefoon_e164,
    telefoon_geldig,
    telefoon_nationaal,
    url_toegestaan,
)


@pytest.mark.parametrize(
    ("geschreven", "nationaal", "e164"),
    [
        ("06-22719813", "06 22719813", "+31622719813"),
        ("06 30 211 456", "06 30211456", "+31630211456"),
        ("030-1234567", "030 123 4567", "+31301234567"),
        ("+31 20 123 4567", "020 123 4567", "+31201234567"),
    ],
)
def test_phone_display_and_tel_link(geschreven: str, nationaal: str, e164: str) -> None:
    assert telefoon_geldig(geschreven)
    assert telefoon_nationaal(geschreven) == nationaal
    assert telefoon_e164(geschreven) == e164


@pytest.mark.parametrize("nummer", ["06-1234", "bel ons", "", "+31 6 1234", "0000000000"])
def test_invalid_phone(nummer: str) -> None:
    assert not telefoon_geldig(nummer)
    with pytest.raises(ValueError):
        telefoon_e164(nummer)


@pytest.mark.parametrize(
    ("adres", "geldig"),
    [
        ("h.steenbergen@caop.nl", True),
        ("regionalesamenwerking@vo-raad.nl", True),
        ("naam@", False),
        ("naam@@example.org", False),
        ("naam example@example.org", False),
        ("<script>@example.org", False),
    ],
)
def test_email_syntax_without_dns(adres: str, geldig: bool) -> None:
    assert email_geldig(adres) is geldig


@pytest.mark.parametrize(
    ("url", "toegestaan"),
    [
        ("https://www.vo-raad.nl/nieuws/x", True),
        ("http://aopol.nl/over-aopol.html", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        ("data:text/html;base64,PHNjcmlwdD4=", False),
        ("vbscript:msgbox", False),
        ("//example.org/pad", False),
        ("/relatief", False),
        ("https://", False),
        (" https://example.org", False),
        ("https://exa\nmple.org", False),
        ("mailto:a@example.org", False),
    ],
)
def test_only_http_links(url: str, toegestaan: bool) -> None:
    assert url_toegestaan(url) is toegestaan
