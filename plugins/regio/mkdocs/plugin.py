"""The MkDocs adapter: wires the core into MkDocs events.

- on_config: load and check the data, abort with the validator's messages on problems (before
  anything is written); build into a temporary folder; add our theme overrides and assets; watch
  the data directory while serving;
- on_files: add the generated pages (not in the nav), the map, the open data and the assets;
- on_post_build / on_build_error: swap the finished output in place of site/, or throw it away.

The other events call speed-ups and repairs, each in its own module, switchable by an option and
stopping the build when Material no longer fits it: ``htmlblokken`` (regio.mkdocs.blocks),
``navigatiecache`` and ``herstel`` (regio.mkdocs.theme), ``paginacache`` (regio.mkdocs.cache),
``sjablooncache`` (regio.mkdocs.bytecode).
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from regio.gegevens.problems import als_tekst, samenvatting
from regio.gegevens.validate import valideer
from regio.mkdocs.atomic import AtomischeMap
from regio.mkdocs.blocks import Htmlblokken
from regio.mkdocs.bytecode import met_sjablooncode
from regio.mkdocs.cache import Paginacache
from regio.mkdocs.files import ASSET_MAP, sjabloonwaarden, voeg_toe
from regio.mkdocs.theme import THEMA_MAP, Herstel, met_navigatiecache, uitgesteld
from regio.site import Site
from regio.uitvoer.colofon import Colofon, waarschuwing
from regio.uitvoer.pages import BEWERK_URL

log = get_plugin_logger("regio")


class RegioConfig(base.Config):
    data_dir = c.Type(str, default="data")
    repo_url = c.Type(str, default="")  # the repository holding data/; empty: no links into it
    bewerk_url = c.Type(str, default=BEWERK_URL)  # {repo_url} {pad} {regel}; empty: editors' page
    redactie_pagina = c.Optional(c.Type(str))
    # The colophon (regio.uitvoer.colofon): who publishes, where visitors report errors.
    uitgever = c.Type(str, default="")
    contact_email = c.Type(str, default="")
    meld_url = c.Type(str, default="")
    meld_email = c.Type(str, default="")
    colofon_pagina = c.Optional(c.Type(str))
    strikt = c.Type(bool, default=False)
    kaart_tiles = c.Type(str, default="pdok")  # 'pdok', 'none' or a URL with {z}/{x}/{y}
    kaart_attributie = c.Type(str, default="")
    htmlblokken = c.Type(bool, default=True)
    navigatiecache = c.Type(bool, default=True)
    paginacache = c.Type(bool, default=True)
    herstel = c.Type(bool, default=True)
    sjablooncache = c.Type(bool, default=True)


class RegioPlugin(BasePlugin[RegioConfig]):
    def __init__(self) -> None:
        self.site: Site | None = None
        self.data_dir = Path("data")
        self.opdracht, self.uitvoer, self.gegenereerd = "build", AtomischeMap(), set[str]()
        self.cache, self.blokken, self.herstel = Paginacache(aan=False), Htmlblokken(), Herstel()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.opdracht = "dirty" if dirty else command
        self.cache = Paginacache(aan=command == "serve" and not dirty)  # serve's rebuilds reuse it

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        rc, basis = self.config, Path(config.config_file_path or ".").resolve().parent
        data_dir = (basis / rc.data_dir).resolve()
        resultaat = self.cache.gevalideerd(
            data_dir, lambda: valideer(data_dir, strikt=rc.strikt, weergave_dir=rc.data_dir)
        )
        if not resultaat.geldig or resultaat.gegevens is None:
            slot = f"De gegevens zijn niet geldig ({samenvatting(resultaat.problemen)})."
            raise PluginError("\n".join([*map(als_tekst, resultaat.problemen), slot]))
        self.site, self.uitvoer = Site(resultaat.gegevens, resultaat.geografie), AtomischeMap()
        self.data_dir = data_dir
        self.cache.aan &= rc.paginacache
        self.blokken, self.herstel = Htmlblokken(rc.htmlblokken), Herstel(rc.herstel)
        # gh-deploy reads site_dir after the build, and a dirty build updates in place.
        if self.opdracht not in ("gh-deploy", "dirty"):
            config.site_dir = str(self.uitvoer.begin(Path(config.site_dir)))
        # Publishing means a build with site_url (serve sets its own local site_url).
        publiceert = config.site_url and self.opdracht in ("build", "gh-deploy")
        if publiceert and (zonder := waarschuwing(Colofon(rc.uitgever, rc.contact_email))):
            log.warning(zonder)  # counted, so a strict build stops: no publishing without it
        # After the site's own custom_dir, so its overrides (main.html …) still win over ours.
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEMA_MAP))
        config.watch.append(str(data_dir))
        for naam in ("regio", "zoek/regio-zoek"):
            config.extra_css.append(f"{ASSET_MAP}/{naam}.css")
            config.extra_javascript.append(f"{ASSET_MAP}/{naam}.js")
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.site is not None
        eenmalig, data_dir = self.cache.eenmalig, self.data_dir
        self.gegenereerd = voeg_toe(files, self.site, self.config, config, eenmalig, data_dir)
        return files

    @event_priority(-100)  # last of all: search and others still write into site_dir
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.uitvoer.doel is not None and (klaar := self.uitvoer.einde(config.strict)):
            config.site_dir = str(klaar)

    def on_build_error(self, *, error: Exception) -> None:
        self.cache.vergeet()
        self.uitvoer.stop()

    # Speed-ups and repairs; the serve cache wraps the others.
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.cache.begin(config, nav, sorted(self.config.items()))
        return nav

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        met_navigatiecache(env, config.theme.dirs, self.config.navigatiecache)
        met_sjablooncode(env, self.config.sjablooncache)
        env.globals.update(sjabloonwaarden(files, self.config))  # for theme_overrides/
        env.globals["regio_uitgesteld"] = uitgesteld  # main.html: the scripts with defer
        return env

    def on_page_markdown(self, markdown: str, *, page: Page, **_: object) -> str:
        if (src := page.file.src_uri) not in self.gegenereerd:
            return markdown
        return self.cache.markdown(page, markdown, lambda: self.blokken.weg(src, markdown))

    def on_page_content(self, html: str, *, page: Page, **_: object) -> str:
        return self.cache.inhoud(page, lambda: self.blokken.terug(page.file.src_uri, html))

    @event_priority(-90)  # last but one: a cached page is the finished page, after every plugin
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return self.cache.uitvoer(page, lambda: self.herstel.pagina(output, page.file.src_uri))

    def on_post_template(self, output_content: str, *, template_name: str, **_: object) -> str:
        return self.herstel.template(output_content, template_name)  # 404.html
