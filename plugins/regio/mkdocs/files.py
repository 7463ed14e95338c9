"""What the plugin adds to MkDocs' files: generated pages, the map, the open data, the assets,
robots.txt."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from regio.gegevens.plaatsen import gazetteer
from regio.mkdocs.wijzigingen import lees_wijzigingen, voeg_feed_toe
from regio.site import Site
from regio.uitvoer.export import site_bestanden
from regio.uitvoer.kaart import KaartOpties, kaart_html
from regio.uitvoer.pages import Opties, bewerk_url_maker, render_pages
from regio.uitvoer.zoekindex import INDEX_PAD, site_index

if TYPE_CHECKING:
    from regio.mkdocs.plugin import RegioConfig

T = TypeVar("T")
# ``eenmalig(naam, maak, *sleutel)``: ``maak()``, or while serving its result from an earlier build
# with the same data and key (regio.mkdocs.cache.Paginacache.eenmalig).
Eenmalig = Callable[..., Any]

ASSETS = Path(__file__).parent.parent / "uitvoer" / "assets"
ASSET_MAP = "assets/regio"


def voeg_toe(
    files: Files,
    site: Site,
    rc: RegioConfig,
    config: MkDocsConfig,
    eenmalig: Eenmalig,
    data_dir: Path,
) -> set[str]:
    """Add our files to ``files``; returns the generated pages among them (by ``src_uri``)."""
    site_url = config.site_url or ""
    bewerk_url = bewerk_url_maker(rc.bewerk_url, rc.repo_url, rc.data_dir)
    wijzigingen = lees_wijzigingen(site, data_dir)
    opties = Opties(bewerk_url, rc.redactie_pagina, config.use_directory_urls, wijzigingen)
    # The key is all that `opties` is made of (it holds a function, which does not compare).
    sleutel: tuple[object, ...] = (rc.bewerk_url, rc.repo_url, rc.data_dir, rc.redactie_pagina)
    sleutel += (opties.mapurls,)
    sleutel += (wijzigingen.head if wijzigingen else "",)
    pages: dict[str, str] = eenmalig("pagina's", lambda: render_pages(site, opties), *sleutel)
    for pad, inhoud in pages.items():
        pagina = File.generated(config, pad, content=inhoud, inclusion=InclusionLevel.NOT_IN_NAV)
        # The page's own "Wijziging voorstellen" link points at the data file and line.
        pagina.edit_uri = None
        files.append(pagina)
    if (geografie := site.geografie) is not None:
        kaart_opties = KaartOpties(tiles=rc.kaart_tiles, attributie=rc.kaart_attributie)
        kaart = eenmalig("kaart", lambda: kaart_html(site, geografie, kaart_opties), kaart_opties)
        files.append(File.generated(config, "kaart/kaart.html", content=kaart))
        if geografie.gemeenten is not None:
            index = site_index(geografie.gemeenten, geografie.plaatsen)
            files.append(File.generated(config, INDEX_PAD, content=index))
    # The open-data files and their page (open-data/index.md, listed in the nav).
    open_data: dict[str, str | bytes] = eenmalig(
        "open data", lambda: site_bestanden(site, site_url, gazetteer(data_dir)), site_url
    )
    for pad, data in open_data.items():
        files.append(File.generated(config, pad, content=data))
    voeg_feed_toe(files, config, wijzigingen)
    files.append(File.generated(config, "robots.txt", content=robots_txt(site_url)))
    for asset in sorted(p for p in ASSETS.rglob("*") if p.is_file() and p.suffix != ".md"):
        pad = f"{ASSET_MAP}/{asset.relative_to(ASSETS).as_posix()}"
        files.append(File.generated(config, pad, abs_src_path=str(asset)))
    return set(pages)


def robots_txt(site_url: str) -> str:
    """Every page may be indexed; with a ``site_url`` the file names MkDocs' sitemap.

    Crawlers only read robots.txt at the root of a host: on a project site below a path (GitHub
    Pages' user.github.io/repo/) this file is harmless but unread; the sitemap still works when
    submitted to a search engine.
    """
    regels = ["User-agent: *", "Allow: /"]
    if site_url:
        regels += ["", f"Sitemap: {site_url.rstrip('/')}/sitemap.xml"]
    return "\n".join(regels) + "\n"
