"""The MkDocs adapter: wires the core into MkDocs events and nothing more.

- on_config: load and check the data; abort with the validator's own messages on problems (before
  anything is written), register the assets and our theme overrides, watch the data directory;
- on_files: add the generated pages (not in the nav), the map, the open data and the assets;
- on_page_markdown / on_page_content: hand the HTML blocks of generated pages past Markdown
  (see :func:`regio.uitvoer.pages.blokken`);
- on_env: Material's navigation rendered once per folder (see :mod:`regio.mkdocs.theme`);
- on_post_page: repair Material's HTML;
- on_post_build / on_build_error: swap the finished output in place of site/, or throw it away
  (see :mod:`regio.mkdocs.atomic`).

While serving, a :class:`regio.mkdocs.cache.Paginacache` keeps what did not change between rebuilds
(on_startup creates it; on_pre_build and on_nav start each build).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from jinja2 import Environment
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from regio.gegevens.plaatsen import gazetteer
from regio.gegevens.problems import als_tekst, samenvatting
from regio.gegevens.validate import Resultaat, valideer
from regio.mkdocs.atomic import AtomischeMap
from regio.mkdocs.cache import BEWAARD_TEMPLATE, Paginacache, zoekindex_met_cache
from regio.mkdocs.theme import THEMA_MAP, herstel, met_navigatiecache
from regio.site import Site
from regio.uitvoer.export import site_bestanden
from regio.uitvoer.kaart import KaartOpties, kaart_html
from regio.uitvoer.pages import BEWERK_URL, Opties, bewerk_url_maker, blokken, render_pages
from regio.uitvoer.zoekindex import INDEX_PAD, site_index

T = TypeVar("T")

ASSETS = Path(__file__).parent.parent / "uitvoer" / "assets"
ASSET_MAP = "assets/regio"


class RegioConfig(base.Config):
    data_dir = c.Type(str, default="data")
    # The repository holding data/ (e.g. https://github.com/org/repo); empty: no links into it.
    repo_url = c.Type(str, default="")
    # Link to a line of a data file; {repo_url}, {pad} and {regel} are filled in.
    # Empty: link to the editors' page instead.
    bewerk_url = c.Type(str, default=BEWERK_URL)
    redactie_pagina = c.Optional(c.Type(str))
    strikt = c.Type(bool, default=False)
    # Map background: 'pdok' (BRT-Achtergrondkaart), 'none' (no external request) or a URL
    # template with {z}/{x}/{y}; the attribution is shown on the map.
    kaart_tiles = c.Type(str, default="pdok")
    kaart_attributie = c.Type(str, default="")
    # Render Material's navigation once per folder for pages outside the nav (regio.mkdocs.theme).
    navigatiecache = c.Type(bool, default=True)


class RegioPlugin(BasePlugin[RegioConfig]):
    def __init__(self) -> None:
        self.site: Site | None = None
        self.data_dir: Path | None = None
        self.opdracht: str | None = None
        self.uitvoer: AtomischeMap | None = None
        # Generated pages -> their HTML blocks, set aside while Markdown renders the rest.
        self.gegenereerd: set[str] = set()
        self.blokken: dict[str, list[str]] = {}
        # Unguessable, so no text from data/ can pose as a placeholder.
        self.teken = f"regioblok{secrets.token_hex(8)}x"
        # Only while serving: the plugin lives on between rebuilds (it has on_startup).
        self.cache: Paginacache | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.opdracht = "dirty" if dirty else command
        # MkDocs keeps this instance for later builds in the same process: start afresh.
        self.cache = Paginacache() if command == "serve" and not dirty else None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        basis = Path(config.config_file_path or ".").resolve().parent
        self.data_dir = (basis / self.config.data_dir).resolve()
        data_dir = self.data_dir

        def valideren() -> Resultaat:
            return valideer(data_dir, strikt=self.config.strikt, weergave_dir=self.config.data_dir)

        resultaat = (
            valideren() if self.cache is None else self.cache.gevalideerd(data_dir, valideren)
        )
        if not resultaat.geldig or resultaat.gegevens is None:
            regels = [als_tekst(p) for p in resultaat.problemen]
            regels.append(f"De gegevens zijn niet geldig ({samenvatting(resultaat.problemen)}).")
            raise PluginError("\n".join(regels))
        self.site = Site(resultaat.gegevens, resultaat.geografie)
        # gh-deploy reads site_dir after the build, and a dirty build updates in place.
        if self.opdracht not in ("gh-deploy", "dirty"):
            self.uitvoer = AtomischeMap()
            config.site_dir = str(self.uitvoer.begin(Path(config.site_dir)))
        config.theme.dirs.insert(0, str(THEMA_MAP))
        config.watch.append(str(self.data_dir))
        config.extra_css.append(f"{ASSET_MAP}/regio.css")
        config.extra_javascript.append(f"{ASSET_MAP}/regio.js")
        config.extra_css.append(f"{ASSET_MAP}/zoek/regio-zoek.css")
        config.extra_javascript.append(f"{ASSET_MAP}/zoek/regio-zoek.js")
        return config

    # The HTML blocks of generated pages are final HTML that Markdown would pass through as it is:
    # hand them past the Markdown parser instead of letting it scan them (the bulk of each page).
    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if page.file.src_uri not in self.gegenereerd:
            return markdown
        if self.cache is not None:
            meta = sorted(page.meta.items())
            if self.cache.zoek(page.file.src_uri, page.url, markdown, meta) is not None:
                page.meta["template"] = BEWAARD_TEMPLATE
                return ""
        rest, gevonden = blokken(markdown, lambda n: f"{self.teken}{n}")
        self.blokken[page.file.src_uri] = gevonden
        return rest

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.cache is not None and (bewaard := self.cache.treffer(page.file.src_uri)):
            page.toc = bewaard.toc
            return bewaard.inhoud
        gevonden = self.blokken.pop(page.file.src_uri, None)
        if gevonden is None:
            return html
        for n, blok in enumerate(gevonden):
            html = html.replace(f"<p>{self.teken}{n}</p>", blok, 1)
        if self.cache is not None:
            self.cache.bewaar_inhoud(page.file.src_uri, html, page.toc)
        return html

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        met_navigatiecache(env, config.theme.dirs, self.config.navigatiecache)
        return env

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if self.cache is not None:
            self.cache.zoeken = zoekindex_met_cache(config.plugins.values(), self.cache)

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        if self.cache is not None:
            self.cache.begin(
                Path(config.config_file_path).read_bytes() if config.config_file_path else b"",
                config.theme.dirs,
                config.site_url,
                config.extra,
                sorted(self.config.items()),
                [(p.title, p.url, p.file.src_uri) for p in nav.pages],
                [(i.title, getattr(i, "url", None)) for i in nav.items],
            )
        return nav

    # Last but one: the cached output is the finished page, after every other plugin.
    @event_priority(-90)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if self.cache is not None and (bewaard := self.cache.treffer(page.file.src_uri)):
            return bewaard.uitvoer
        output = herstel(output)
        if self.cache is not None:
            self.cache.bewaar_uitvoer(page.file.src_uri, output)
        return output

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str:
        return herstel(output_content)  # 404.html

    # Last of all plugins: search and others still write into site_dir in their on_post_build.
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.uitvoer is None:
            return
        # In strict mode MkDocs aborts after this event when there were warnings: keep site/.
        if config.strict and self.uitvoer.waarschuwingen:
            self.uitvoer.stop()
        else:
            self.uitvoer.klaar()
            config.site_dir = str(self.uitvoer.doel)
        self.uitvoer = None

    def on_build_error(self, *, error: Exception) -> None:
        if self.cache is not None:
            self.cache.vergeet()
        if self.uitvoer is not None:
            self.uitvoer.stop()
            self.uitvoer = None

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.site is not None
        opties = Opties(
            bewerk_url=bewerk_url_maker(
                self.config.bewerk_url, self.config.repo_url, self.config.data_dir
            ),
            redactie_pagina=self.config.redactie_pagina,
            mapurls=config.use_directory_urls,
        )
        site = self.site
        # Everything `opties` is made of (it holds a function, which does not compare).
        sleutel = (
            self.config.bewerk_url,
            self.config.repo_url,
            self.config.data_dir,
            self.config.redactie_pagina,
            config.use_directory_urls,
        )
        pages = self._eenmalig("pagina's", lambda: render_pages(site, opties), *sleutel)
        self.gegenereerd = set()
        for pad, inhoud in pages.items():
            self.gegenereerd.add(pad)
            bestand = File.generated(
                config, pad, content=inhoud, inclusion=InclusionLevel.NOT_IN_NAV
            )
            # The page's own "Wijziging voorstellen" link points at the data file and line.
            bestand.edit_uri = None
            files.append(bestand)
        if (geografie := self.site.geografie) is not None:
            kaart_opties = KaartOpties(
                tiles=self.config.kaart_tiles, attributie=self.config.kaart_attributie
            )

            kaart = self._eenmalig(
                "kaart", lambda: kaart_html(site, geografie, kaart_opties), kaart_opties
            )
            files.append(File.generated(config, "kaart/kaart.html", content=kaart))
            if geografie.gemeenten is not None:
                index = site_index(geografie.gemeenten, geografie.plaatsen)
                files.append(File.generated(config, INDEX_PAD, content=index))
        self._open_data(files, config)
        for asset in sorted(ASSETS.rglob("*")):
            if asset.is_file() and asset.suffix != ".md":
                pad = f"{ASSET_MAP}/{asset.relative_to(ASSETS).as_posix()}"
                files.append(File.generated(config, pad, abs_src_path=str(asset)))
        return files

    def _eenmalig(self, naam: str, maak: Callable[[], T], *sleutel: object) -> T:
        """``maak()``; while serving, its result from an earlier build with the same data."""
        return maak() if self.cache is None else self.cache.eenmalig(naam, maak, *sleutel)

    def _open_data(self, files: Files, config: MkDocsConfig) -> None:
        """The open-data files and their page (open-data/index.md, listed in the nav)."""
        assert self.site is not None
        assert self.data_dir is not None
        site, site_url, plaatsen = self.site, config.site_url or "", gazetteer(self.data_dir)

        bestanden = self._eenmalig(
            "open data", lambda: site_bestanden(site, site_url, plaatsen), site_url
        )
        for pad, inhoud in bestanden.items():
            files.append(File.generated(config, pad, content=inhoud))
