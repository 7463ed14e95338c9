"""The changes on entity pages, the /wijzigingen/ page and its Atom feed, from a test repository."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import feedparser

from regio.gegevens.geschiedenis import Veldwijziging, lees_geschiedenis
from regio.gegevens.validate import valideer
from regio.site import Site
from regio.uitvoer.pages import Opties, render_pages
from regio.uitvoer.wijzigingen import Wijzigingen, atom, veldzin
from tests.conftest import FIXTURES, vervang
from tests.gegevens.test_geschiedenis import commit, maak_repo


def _wijzigingen(tmp_path: Path) -> tuple[Site, Wijzigingen, list[str]]:
    repo, ids = maak_repo(tmp_path)
    resultaat = valideer(repo / "data")
    assert resultaat.gegevens is not None
    site = Site(resultaat.gegevens, resultaat.geografie)
    geschiedenis, reden = lees_geschiedenis(repo / "data")
    assert geschiedenis is not None, reden
    return site, Wijzigingen(site, geschiedenis), ids


def test_pages_and_feed(tmp_path: Path) -> None:
    site, wijzigingen, ids = _wijzigingen(tmp_path)
    pages = render_pages(site, Opties(wijzigingen=wijzigingen))
    utrecht = pages["provincies/utrecht.md"]
    assert "<p><strong>Laatst gewijzigd op 30 november 2026</strong></p>" in utrecht
    assert (
        "<p>Toegevoegd op 23 november 2026; hoofdstad gewijzigd van Utrecht naar Utrecht-stad "
        "op 30 november 2026.</p>"
    ) in utrecht
    pagina = pages["wijzigingen/index.md"]
    assert re.findall(r"^## .*$", pagina, re.M) == [
        "## Week van 30 november 2026 { #week-2026-11-30 }",
        "## Week van 23 november 2026 { #week-2026-11-23 }",
    ]
    regels = re.findall(r"<li [^>]*>(.*)</li>", pagina)
    assert regels[:5] == [
        "3 december 2026: Testorganisatie (organisatie): verwijderd.",
        "2 december 2026: Testorganisatie (organisatie): toegevoegd.",
        "2 december 2026: Testorganisatie (organisatie): verwijderd.",
        '30 november 2026: <a href="../provincies/utrecht/">Utrecht</a> (provincie): hoofdstad gewijzigd van Utrecht naar Utrecht-stad.',
        "24 november 2026: Testorganisatie (organisatie): toegevoegd.",
    ]
    assert '<li data-soort="provincie" data-provincies="utrecht">' in pagina
    assert len(regels) == 5 + len(list(site.gegevens.alle()))

    feed = feedparser.parse(atom(wijzigingen, "Testsite", "https://example.org/site/"))
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    assert feed.feed.id == "https://example.org/site/wijzigingen/atom.xml"
    assert feed.feed.updated == "2026-12-03T11:00:00Z"
    assert [link.rel for link in feed.feed.links] == ["self", "alternate"]
    eerste = feed.entries[3]
    assert eerste.id == f"tag:regio-infrastructuur,2026:{ids[2]}/utrecht"
    assert eerste.title == "Utrecht (provincie): gewijzigd"
    assert eerste.link == "https://example.org/site/provincies/utrecht/"
    assert (
        eerste.summary
        == "Hoofdstad gewijzigd van Utrecht naar Utrecht-stad. (Hoofdstad van Utrecht)"
    )
    assert eerste.updated == "2026-11-30T08:00:00Z"
    # Removed entities link to the changes page.
    assert feed.entries[0].link == "https://example.org/site/wijzigingen/"
    # Without site_url: a tag URI and links relative to the feed.
    relatief = feedparser.parse(atom(wijzigingen, "Testsite"))
    assert not relatief.bozo
    assert relatief.feed.id == "tag:regio-infrastructuur,2026:wijzigingen"
    assert "self" not in [link.rel for link in relatief.feed.links]
    assert atom(wijzigingen, "Testsite") == atom(wijzigingen, "Testsite")


def test_without_history(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "geldig", data)
    resultaat = valideer(data)
    assert resultaat.gegevens is not None
    pages = render_pages(Site(resultaat.gegevens, resultaat.geografie))
    assert "Laatst gewijzigd" not in pages["provincies/utrecht.md"]
    assert "zonder de geschiedenis" in pages["wijzigingen/index.md"]
    assert "<li" not in pages["wijzigingen/index.md"]


def test_the_head_link_to_the_feed_is_not_materials_language_alternate() -> None:
    # Material fetches sitemap.xml beside every link[rel=alternate] (exact value): a 404 per page.
    from regio.mkdocs.theme import THEMA_MAP

    hoofd = (THEMA_MAP / "main.html").read_text(encoding="utf-8")
    assert '<link rel="alternate feed" type="application/atom+xml"' in hoofd
    assert 'rel="alternate"' not in hoofd


def test_the_province_filter_knows_provinces_that_follow_from_gemeenten(tmp_path: Path) -> None:
    repo, _ = maak_repo(tmp_path)
    # The project names no province any more, only its gemeenten (in Zeeland).
    vervang(repo / "data", "regions.yaml", "    provincies: [zeeland]\n    start: 2021-01-01\n",
            "    gemeenten: [Vlissingen, Middelburg (Z.)]\n    start: 2021-01-01\n")  # fmt: skip
    commit(repo, "Project met gemeenten", "2026-12-04T10:00:00+01:00")
    resultaat = valideer(repo / "data")
    assert resultaat.gegevens is not None, [p.tekst for p in resultaat.problemen]
    site = Site(resultaat.gegevens, resultaat.geografie)
    geschiedenis, reden = lees_geschiedenis(repo / "data")
    assert geschiedenis is not None, reden
    pagina = render_pages(site, Opties(wijzigingen=Wijzigingen(site, geschiedenis)))[
        "wijzigingen/index.md"
    ]
    [nieuwste] = re.findall(
        r'<li data-soort="project" data-provincies="([^"]*)">4 december', pagina
    )
    assert nieuwste == "zeeland"
    assert '<option value="zeeland">Zeeland</option>' in pagina


def test_history_lines_name_fields_as_visitors_read_them() -> None:
    assert veldzin(Veldwijziging("regiocoordinator", "piet", "tiny-rompen", True)) == (
        "regiocoördinator gewijzigd van piet naar tiny-rompen"
    )
    assert veldzin(Veldwijziging("status_sinds", None, date(2024, 3, 1), True)) == (
        "status sinds ingevuld: 1 maart 2024"
    )
    assert veldzin(Veldwijziging("bron")) == "bron gewijzigd"
