"""The MkDocs adapter: wires the core into MkDocs events and nothing more.

- on_config: load and check the data; abort with the validator's own messages on problems (before
  anything is written), register the assets and watch the data directory for `mkdocs serve`;
- on_files: add the generated pages (not in the nav) and the assets;
- on_post_build / on_build_error: swap the finished output in place of site/, or throw it away
  (see :mod:`regio.atomisch`).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from regio.atomisch import AtomischeMap
from regio.export import site_bestanden
from regio.kaart import KaartOpties, kaart_html
from regio.pages import BEWERK_URL, Opties, bewerk_url_maker, render_pages
from regio.plaatsen import gazetteer
from regio.problems import als_tekst, samenvatting
from regio.site import Site
from regio.thema import herstel
from regio.validate import valideer

ASSETS = Path(__file__).parent / "assets"
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


class RegioPlugin(BasePlugin[RegioConfig]):
    def __init__(self) -> None:
        self.site: Site | None = None
        self.data_dir: Path | None = None
        self.opdracht: str | None = None
        self.uitvoer: AtomischeMap | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.opdracht = "dirty" if dirty else command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        basis = Path(config.config_file_path or ".").resolve().parent
        self.data_dir = (basis / self.config.data_dir).resolve()
        resultaat = valideer(
            self.data_dir, strikt=self.config.strikt, weergave_dir=self.config.data_dir
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
        config.watch.append(str(self.data_dir))
        config.extra_css.append(f"{ASSET_MAP}/regio.css")
        config.extra_javascript.append(f"{ASSET_MAP}/regio.js")
        return config

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return herstel(output)

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
        )
        for pad, inhoud in render_pages(self.site, opties).items():
            bestand = File.generated(
                config, pad, content=inhoud, inclusion=InclusionLevel.NOT_IN_NAV
            )
            # The page's own "Wijziging voorstellen" link points at the data file and line.
            bestand.edit_uri = None
            files.append(bestand)
        if self.site.geografie is not None:
            kaart = kaart_html(
                self.site,
                self.site.geografie,
                KaartOpties(tiles=self.config.kaart_tiles, attributie=self.config.kaart_attributie),
            )
            files.append(File.generated(config, "kaart/kaart.html", content=kaart))
        self._open_data(files, config)
        for asset in sorted(ASSETS.rglob("*")):
            if asset.is_file() and asset.suffix != ".md":
                pad = f"{ASSET_MAP}/{asset.relative_to(ASSETS).as_posix()}"
                files.append(File.generated(config, pad, abs_src_path=str(asset)))
        return files

    def _open_data(self, files: Files, config: MkDocsConfig) -> None:
        """The open-data files and their page (open-data/index.md, listed in the nav)."""
        assert self.site is not None
        for pad, inhoud in site_bestanden(self.site, config.site_url or "", gazetteer()).items():
            files.append(File.generated(config, pad, content=inhoud))
