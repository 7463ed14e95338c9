"""What the plugin adds to MkDocs' files: generated pages, the map, the open data, the assets,
robots.txt."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from regio.gegevens.plaatsen import gazetteer
from regio.mkdocs.wijzigingen import lees_wijzigingen, voeg_feed_toe
from regio.site import Site
from regio.uitvoer.colofon import Colofon
from regio.uitvoer.export import site_bestanden
from regio.uitvoer.kaart import KaartOpties, kaart_html
from regio.uitvoer.markers import OnbekendeMarker, vul_in
from regio.uitvoer.pages import Opties, bewerk_url_maker, render_pages
from regio.uitvoer.static import ASSET_MAP, asset_bestanden
from regio.uitvoer.zoekindex import INDEX_PAD, site_index

if TYPE_CHECKING:
    from regio.mkdocs.plugin import RegioConfig

T = TypeVar("T")
# ``eenmalig(naam, maak, *sleutel)``: ``maak()``, or while serving its result from an earlier build
# with the same data and key (regio.mkdocs.cache.Paginacache.eenmalig).
Eenmalig = Callable[..., Any]

__all__ = ["ASSET_MAP", "voeg_toe"]


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
    colofon = Colofon(rc.uitgever, rc.contact_email, rc.meld_url, rc.meld_email, rc.colofon_pagina)
    opties = Opties(bewerk_url, rc.redactie_pagina, config.use_directory_urls, wijzigingen, colofon)
    ingevuld = _vul_markers_in(files, site, opties, config)
    # The key is all that `opties` is made of (it holds a function, which does not compare).
    sleutel: tuple[object, ...] = (rc.bewerk_url, rc.repo_url, rc.data_dir, rc.redactie_pagina)
    sleutel += (opties.mapurls, colofon)
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
    for pad, asset in asset_bestanden():
        files.append(File.generated(config, pad, abs_src_path=str(asset)))
    return set(pages) | ingevuld


def _vul_markers_in(files: Files, site: Site, opties: Opties, config: MkDocsConfig) -> set[str]:
    """Hand-written pages with a ``<!-- regio:… -->`` marker (regio.uitvoer.markers) are replaced
    by generated ones with the marker filled in; returns their ``src_uri``s."""
    ingevuld = set()
    for bestand in [f for f in files.documentation_pages() if f.generated_by is None]:
        try:
            inhoud = vul_in(bestand.content_string, bestand.src_uri, site, opties)
        except OnbekendeMarker as fout:
            raise PluginError(str(fout)) from None
        if inhoud is not None:
            files.remove(bestand)
            files.append(
                File.generated(config, bestand.src_uri, content=inhoud, inclusion=bestand.inclusion)
            )
            ingevuld.add(bestand.src_uri)
    return ingevuld


def sjabloonwaarden(files: Files, rc: RegioConfig) -> dict[str, Any]:
    """What our theme overrides use: ``regio_pagina_url(md_pad)`` (the page's URL, None when the
    site has no such page) and ``regio_voetlinks``, (title, URL) for the footer."""

    def pagina_url(pad: str) -> str | None:
        bestand = files.get_file_from_path(pad)
        return bestand.url if bestand is not None and bestand.is_documentation_page() else None

    voet = [("Privacy en colofon", rc.colofon_pagina), ("Redactie", rc.redactie_pagina)]
    links = [(titel, doel) for titel, pad in voet if pad and (doel := pagina_url(pad))]
    return {"regio_pagina_url": pagina_url, "regio_voetlinks": links}


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
