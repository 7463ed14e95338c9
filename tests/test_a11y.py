"""Accessibility of the real site, judged by axe-core (from npm) in Debian's Chromium.

axe-core is injected into each page after it has loaded; the test fails on any violation, of
whatever impact. The map's tile requests to PDOK get a blank tile, so nothing leaves this machine.

This is the one place that runs axe on the real site: one page of each kind a visitor meets on
the way to "what covers my gemeente" (home with the lookup, a gemeente, the gemeente list, the
coverage table, a province, contact, the map page and the map document).
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
# Material's dark palette (slate) changes colours only: the markup, and so every rule that does
# not look at colour, is the same as in the light one. Dark pages get the colour rules; the home
# page gets every rule in both, for the header's palette toggle that shows the other label.
KLEURREGELS = ["color-contrast", "link-in-text-block"]


@pytest.fixture(scope="module")
def site_url(echte_site_map: Path) -> Iterator[str]:
    yield from serveer(echte_site_map)


@pytest.fixture(scope="module")
def chromium(browser: Browser) -> Browser:
    if not AXE.is_file():
        ontbreekt(f"{AXE} ontbreekt: `make test` installeert het met npm ci")
    return browser


def _axe(
    tabbladen: Tabbladen, url: str, schema: Literal["light", "dark"], regels: list[str] | None
) -> list[dict[str, Any]]:
    """axe-core's violations on the page at ``url``, at desktop width in a colour scheme, for
    the rules ``regels`` (None: all of them)."""

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
                """async (regels) => {
                    const opties = {resultTypes: ["violations"], iframes: false};
                    if (regels) opties.runOnly = regels;
                    const r = await axe.run(document, opties);
                    return JSON.stringify(r.violations);
                }""",
                regels,
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


PAGINAS = [
    "",
    "gemeenten/breda/",
    "gemeenten/",
    "dekking/",
    "provincies/utrecht/",
    "contact/",
    "kaart/",
]


@pytest.mark.parametrize(
    ("pad", "schema", "regels"),
    [(pad, "light", None) for pad in PAGINAS]
    + [("", "dark", None)]
    + [(pad, "dark", KLEURREGELS) for pad in PAGINAS[1:]]
    # The map document has one palette.
    + [("kaart/kaart.html", "light", None)],
)
def test_no_axe_violations(
    chromium: Browser,
    tabbladen: Tabbladen,
    site_url: str,
    pad: str,
    schema: Literal["light", "dark"],
    regels: list[str] | None,
) -> None:
    overtredingen = _axe(tabbladen, site_url + pad, schema, regels)
    assert not overtredingen, f"axe-core op /{pad} ({schema}):\n" + "".join(
        _beschrijf(o) for o in overtredingen
    )
