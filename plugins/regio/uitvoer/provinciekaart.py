"""A light, clickable SVG map of the provinces: each province a link to its page.

Used where the Leaflet map would be too heavy (the home page's entry point, the preview on the map
page before the visitor opens the interactive map). Plain SVG links: they work without
JavaScript, by keyboard (each province is a focusable link named by its <title>) and cost a few
kilobytes.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from regio.gegevens.grenzen import Grens, Projectie, kader_van

BREEDTE = 300
HOOGTE = 360


def provinciekaart(
    vlakken: Sequence[tuple[Grens, str]],
    *,
    naam: str = "Kaart van de provincies",
    breedte: int = BREEDTE,
    hoogte: int = HOOGTE,
) -> Markup:
    """SVG of ``vlakken`` ((boundary, link target) pairs) in one projection; empty without any.

    Names and link targets are escaped; the same input always gives the same text.
    """
    if not vlakken:
        return Markup("")
    projectie = Projectie(kader_van(g for g, _ in vlakken), breedte, hoogte)
    delen = [
        Markup(
            '<a class="regio-provinciekaart-link" href="{href}">'
            '<path class="regio-provinciekaart-vlak" d="{d}" fill-rule="evenodd">'
            "<title>{naam}</title></path></a>"
        ).format(href=href, d=projectie.pad(grens.polygonen), naam=grens.naam)
        for grens, href in vlakken
    ]
    return Markup(
        '<svg xmlns="http://www.w3.org/2000/svg" class="regio-provinciekaart" role="group" '
        'viewBox="0 0 {b} {h}" width="{b}" height="{h}" aria-label="{naam}">{delen}</svg>'
    ).format(b=breedte, h=hoogte, naam=naam, delen=Markup("").join(delen))
