"""Every link and resource reference in the real site leads somewhere that exists.

Checks each ``href`` and ``src`` on every element of every built page (anchors, stylesheets,
scripts, images, the map's iframe), the links inside the map's data, and the search index:
the file must exist in the built site, and a ``#fragment`` must name an element on that page.
External links (http, https, mailto, tel) are not followed: these tests never use the network.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.pagina_html import Pagina, lees

EXTERN = frozenset({"http", "https", "mailto", "tel"})


@dataclass(frozen=True)
class Verwijzing:
    bron: str  # where the link is, for the failure message
    waarde: str  # the href/src as written
    pagina: Path  # the page it is on: relative paths start from its folder, '#x' means its own id


class Site:
    def __init__(self, map_: Path) -> None:
        self.map = map_.resolve()
        self.paginas = sorted(self.map.rglob("*.html"))
        self._gelezen: dict[Path, Pagina] = {}
        self._ids: dict[Path, set[str]] = {}

    def pagina(self, pad: Path) -> Pagina:
        if pad not in self._gelezen:
            self._gelezen[pad] = lees(pad)
        return self._gelezen[pad]

    def ids(self, pad: Path) -> set[str]:
        """What a fragment can point at: every id, and the name of an <a name=…>."""
        if pad not in self._ids:
            elementen = self.pagina(pad).elements
            self._ids[pad] = {e.attrs["id"] for e in elementen if "id" in e.attrs} | {
                e.attrs["name"] for e in elementen if e.tag == "a" and "name" in e.attrs
            }
        return self._ids[pad]

    def fout(self, verwijzing: Verwijzing) -> str | None:
        """Why the reference is broken, or None when it resolves (or is external)."""
        delen = urlsplit(verwijzing.waarde)
        if delen.scheme in EXTERN or verwijzing.waarde.startswith("//"):
            return None
        if delen.scheme:
            return f"onbekend schema {delen.scheme!r}"
        pad = unquote(delen.path)
        if pad:
            basis = self.map if pad.startswith("/") else verwijzing.pagina.parent
            doel = (basis / pad.lstrip("/")).resolve()
            if self.map != doel and self.map not in doel.parents:
                return "buiten de site"
            if doel.is_dir() or pad.endswith("/"):
                doel = doel / "index.html"
            if not doel.is_file():
                return f"{doel.relative_to(self.map)} bestaat niet"
        else:
            doel = verwijzing.pagina
        fragment = unquote(delen.fragment)
        if fragment and doel.suffix == ".html" and fragment not in self.ids(doel):
            return f"geen id {fragment!r} in {doel.relative_to(self.map)}"
        return None


@pytest.fixture(scope="module")
def site(echte_site_map: Path) -> Site:
    return Site(echte_site_map)


def _in_paginas(site: Site) -> Iterator[tuple[str, Verwijzing]]:
    """(tag, reference) for every href and src attribute in every page."""
    for pad in site.paginas:
        bron = str(pad.relative_to(site.map))
        for element in site.pagina(pad).elements:
            for attribuut in ("href", "src"):
                if attribuut in element.attrs:
                    plek = f"{bron} <{element.tag} {attribuut}>"
                    yield element.tag, Verwijzing(plek, element.attrs[attribuut], pad)


def test_every_href_and_src_in_every_page_resolves(site: Site) -> None:
    verwijzingen = list(_in_paginas(site))
    intern = [(t, v) for t, v in verwijzingen if urlsplit(v.waarde).scheme not in EXTERN]
    kapot = [f"{v.bron}: {v.waarde!r}: {reden}" for _, v in intern if (reden := site.fout(v))]
    assert kapot == [], f"{len(kapot)} gebroken verwijzingen:\n" + "\n".join(kapot[:60])
    # The check saw what it should: pages, their style sheets and scripts.
    soorten = {t for t, v in intern if not v.waarde.startswith("#")}
    assert {"a", "link", "script"} <= soorten, soorten
    # The map frame is made on request (kaart-openen.js) from the map page's data-kaart.
    kaartpagina = site.map / "kaart" / "index.html"
    [vak] = [e for e in site.pagina(kaartpagina).elements if "data-kaart" in e.attrs]
    frame = Verwijzing("kaart/index.html <div data-kaart>", vak.attrs["data-kaart"], kaartpagina)
    assert site.fout(frame) is None
    assert len(site.paginas) > 100
    assert len(intern) > 4_000


def test_the_maps_popup_links_resolve(site: Site) -> None:
    kaart = site.map / "kaart" / "kaart.html"
    [blok] = [
        s for s in site.pagina(kaart).alle("script") if s.attrs.get("id") == "regio-kaart-data"
    ]
    data = json.loads(blok.text)
    urls = [f["properties"]["url"] for f in data["provincies"]["features"]]
    urls += [p["properties"]["url"] for laag in data["lagen"] for p in laag["punten"]["features"]]
    assert len(urls) > 12
    kapot = [
        f"{url!r}: {reden}"
        for url in urls
        if (reden := site.fout(Verwijzing("kaart/kaart.html (kaartdata)", url, kaart)))
    ]
    assert kapot == []


def test_every_search_result_leads_to_its_page_and_heading(site: Site) -> None:
    index = json.loads((site.map / "search" / "search_index.json").read_text(encoding="utf-8"))
    locaties = [doc["location"] for doc in index["docs"]]
    assert len(locaties) > 100
    assert any("#" in locatie for locatie in locaties)
    kapot = [
        f"{locatie!r}: {reden}"
        for locatie in locaties
        if (
            reden := site.fout(
                Verwijzing("search_index.json", locatie or "./", site.map / "index.html")
            )
        )
    ]
    assert kapot == []


def test_the_checker_itself_catches_missing_files_and_fragments(tmp_path: Path) -> None:
    """The real site has no broken links to show it; a two-page site with some does."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="kop">Kop</h2><a name="oud"></a>')
    (tmp_path / "index.html").write_text("<p>start</p>")
    site = Site(tmp_path)
    start = tmp_path / "index.html"

    def reden(waarde: str) -> str | None:
        return site.fout(Verwijzing("test", waarde, start))

    for goed in ("a/", "a/index.html", "a/#kop", "a/#oud", "/a/#kop", "./", "https://x.nl/#y"):
        assert reden(goed) is None, goed
    assert reden("b/") == "b/index.html bestaat niet"
    assert reden("a/#weg") == "geen id 'weg' in a/index.html"
    assert reden("#kop") == "geen id 'kop' in index.html"
    assert reden("../../etc/passwd") == "buiten de site"
    assert reden("javascript:alert(1)") == "onbekend schema 'javascript'"
