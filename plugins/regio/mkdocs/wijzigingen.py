"""The adapter's part of the change history: read it once per build, add the feed, and tell the
theme override (theme_overrides/main.html) to link it from every page's head.

Without a history (a tarball, a shallow clone, no git) the build says so once, at INFO level:
a warning would stop ``mkdocs build --strict``, and a site built from a tarball is not wrong, it
just says nothing about changes."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from regio.gegevens.geschiedenis import lees_geschiedenis
from regio.site import Site
from regio.uitvoer.wijzigingen import FEED, Wijzigingen, atom

log = logging.getLogger("mkdocs.plugins.regio")


def lees_wijzigingen(site: Site, data_dir: Path) -> Wijzigingen | None:
    geschiedenis, reden = lees_geschiedenis(data_dir)
    if geschiedenis is None:
        log.info("Geen wijzigingsgeschiedenis: %s. De site noemt geen wijzigingen.", reden)
        return None
    return Wijzigingen(site, geschiedenis)


def voeg_feed_toe(files: Files, config: MkDocsConfig, wijzigingen: Wijzigingen | None) -> None:
    config.extra["regio_wijzigingen_feed"] = FEED if wijzigingen is not None else ""
    if wijzigingen is None:
        return
    feed = atom(wijzigingen, config.site_name, config.site_url or "", config.use_directory_urls)
    files.append(File.generated(config, FEED, content=feed))
