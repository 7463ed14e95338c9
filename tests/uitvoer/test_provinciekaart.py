"""The light SVG map of the provinces: one link per province, escaped, stable."""

from __future__ import annotations

import re

from regio.gegevens.grenzen import Grens
from regio.uitvoer.pages import Opties, _Pagina
from regio.uitvoer.provinciekaart import provinciekaart
from tests.conftest import echte_site

VIERKANT = (((4.0, 52.0), (5.0, 52.0), (5.0, 53.0), (4.0, 53.0), (4.0, 52.0)),)


def test_every_province_is_a_named_link_to_its_page() -> None:
    svg = _Pagina(echte_site(), "index.md", Opties()).provinciekaart()
    links = re.findall(
        r'<a class="regio-provinciekaart-link" href="([^"]+)">.*?<title>(.+?)</title>', svg
    )
    assert len(links) == 12
    assert ("provincies/utrecht/", "Utrecht") in links
    # Our own name, not the boundary file's "Friesland".
    assert ("provincies/friesland/", "Fryslân") in links
    assert len(svg.encode()) < 40_000


def test_links_are_relative_to_the_page_they_are_on() -> None:
    svg = _Pagina(echte_site(), "kaart/index.md", Opties()).provinciekaart()
    assert 'href="../provincies/zeeland/"' in svg


def test_names_and_targets_are_escaped() -> None:
    grens = Grens("PV99", '<script>"x"</script>', (VIERKANT,))
    svg = provinciekaart([(grens, '"><img src=x>')])
    assert "<script>" not in svg and "<img" not in svg
    assert "&lt;script&gt;" in svg and 'href="&#34;&gt;&lt;img src=x&gt;"' in svg
    assert svg == provinciekaart([(grens, '"><img src=x>')])


def test_without_boundaries_there_is_no_map() -> None:
    assert provinciekaart([]) == ""
