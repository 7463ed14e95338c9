"""Accessibility of the real site, judged by axe-core (from npm) in Debian's Chromium.

axe-core is injected into each page after it has loaded; the test fails on any violation of
impact "serious" or "critical". The map's tile requests to PDOK get a blank tile, so nothing
leaves this machine.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

import pytest
from playwright.sync_api import Browser, Route

from tests.conftest import NODE_MODULES, Tabbladen, ontbreekt, serveer
from tests.test_browser import DESKTOP, LEGE_TEGEL, PDOK_HOST

AXE = NODE_MODULES / "axe-core" / "axe.min.js"
ERNSTIG = {"serious", "critical"}


@pytest.fixture(scope="module")
def site_url(echte_site_map: Path) -> Iterator[str]:
    yield from serveer(echte_site_map)


@pytest.fixture(scope="module")
def chromium(browser: Browser) -> Browser:
    if not AXE.is_file():
        ontbreekt(f"{AXE} ontbreekt: `make test` installeert het met npm ci")
    return browser


def _axe(tabbladen: Tabbladen, url: str, schema: Literal["light", "dark"]) -> list[dict[str, Any]]:
    """axe-core's violations on the page at ``url``, at desktop width in a colour scheme."""

    def tegel(route: Route) -> None:
        route.fulfill(body=LEGE_TEGEL, content_type="image/png")

    with tabbladen.pagina(viewport=DESKTOP, color_scheme=schema) as page:
        page.route(f"https://{PDOK_HOST}/**", tegel)
        try:
            page.goto(url)  # waits for "load": our scripts and Material's have run
            if page.locator("body[data-md-color-scheme]").count():  # a Material page
                kleurenschema = page.evaluate("document.body.dataset.mdColorScheme")
                assert kleurenschema == {"light": "default", "dark": "slate"}[schema]
            page.add_script_tag(path=str(AXE))
            # Frames (the map page's iframe) are checked on their own, as kaart/kaart.html. Only
            # the violations cross over, as a JSON string.
            violations: str = page.evaluate(
                """async () => {
                    const r = await axe.run(document, {resultTypes: ["violations"], iframes: false});
                    return JSON.stringify(r.violations);
                }"""
            )
        finally:
            page.unroute(f"https://{PDOK_HOST}/**", tegel)
    return list(json.loads(violations))


def _beschrijf(overtreding: dict[str, Any]) -> str:
    doelen = [" ".join(map(str, n["target"])) for n in overtreding["nodes"]]
    return (
        f"{overtreding['id']} ({overtreding['impact']}): {overtreding['help']}\n"
        + "".join(f"    {d}\n" for d in doelen[:15])
        + (f"    … en nog {len(doelen) - 15}\n" if len(doelen) > 15 else "")
    )


PAGINAS = ["", "provincies/utrecht/", "contact/", "kaart/"]


@pytest.mark.parametrize(
    ("pad", "schema"),
    [(pad, "light") for pad in PAGINAS]
    # Material's dark palette (slate) has its own colours; the map document has one palette.
    + [(pad, "dark") for pad in PAGINAS]
    + [("kaart/kaart.html", "light")],
)
def test_no_serious_or_critical_axe_violations(
    chromium: Browser,
    tabbladen: Tabbladen,
    site_url: str,
    pad: str,
    schema: Literal["light", "dark"],
) -> None:
    overtredingen = _axe(tabbladen, site_url + pad, schema)
    ernstig = [o for o in overtredingen if o["impact"] in ERNSTIG]
    assert not ernstig, f"axe-core op /{pad} ({schema}):\n" + "".join(
        _beschrijf(o) for o in ernstig
    )
