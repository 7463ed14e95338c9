"""mkdocs.yml read as MkDocs reads it, and the Zensical configuration derived from it."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from regio.uitvoer.static import ASSET_MAP

# Our styles and scripts, in the order the plugin adds them (regio.mkdocs.plugin.on_config).
EIGEN_CSS = [f"{ASSET_MAP}/regio.css", f"{ASSET_MAP}/zoek/regio-zoek.css"]
EIGEN_JS = [f"{ASSET_MAP}/regio.js", f"{ASSET_MAP}/zoek/regio-zoek.js"]
# The nav-cache override (regio.mkdocs.theme) calls Python from Jinja; Zensical's MiniJinja
# cannot, so a custom_dir pointing at it is dropped.
NAVIGATIECACHE_MAP = Path(__file__).parent.parent / "mkdocs" / "theme_overrides"


class _Lader(yaml.SafeLoader):
    """PyYAML's safe loader plus MkDocs' ``!ENV`` tag (and nothing else)."""


def _env(loader: _Lader, node: yaml.Node) -> Any:
    """``!ENV NAME`` or ``!ENV [NAME, ..., default]``: the first variable that is set."""
    if isinstance(node, yaml.ScalarNode):
        namen, standaard = [loader.construct_scalar(node)], None
    else:
        assert isinstance(node, yaml.SequenceNode)
        waarden = loader.construct_sequence(node)
        namen, standaard = waarden[:-1], waarden[-1]
    for naam in namen:
        if str(naam) in os.environ:
            return yaml.safe_load(os.environ[str(naam)]) if os.environ[str(naam)] else ""
    return standaard


_Lader.add_constructor("!ENV", _env)


def lees_mkdocs(pad: Path) -> dict[str, Any]:
    with pad.open(encoding="utf-8") as bestand:
        config = yaml.load(bestand, Loader=_Lader)
    if not isinstance(config, dict):
        raise ValueError(f"{pad}: geen geldige MkDocs-configuratie")
    return config


def _naam(item: object) -> str:
    return item if isinstance(item, str) else next(iter(item)) if isinstance(item, dict) else ""


@dataclass(frozen=True)
class RegioOpties:
    """The options of our plugin in mkdocs.yml that `regio render` needs."""

    data_dir: str = "data"
    repo_url: str = ""
    redactie_pagina: str | None = None
    kaart_tiles: str = "pdok"
    strikt: bool = False
    colofon_pagina: str | None = None
    uitgever: str = ""
    contact_email: str = ""
    meld_url: str = ""
    meld_email: str = ""


def regio_opties(config: dict[str, Any]) -> RegioOpties:
    for item in config.get("plugins") or []:
        if _naam(item) == "regio":
            opties = (item.get("regio") if isinstance(item, dict) else None) or {}
            bekend = RegioOpties.__dataclass_fields__
            return RegioOpties(**{k: v for k, v in opties.items() if k in bekend})
    raise ValueError("mkdocs.yml: de plugin 'regio' staat niet in 'plugins'")


def zensical_config(
    config: dict[str, Any], docs_dir: str, site_dir: str, config_map: Path
) -> dict[str, Any]:
    """The Zensical configuration for ``config`` (mkdocs.yml): no plugins (Zensical's own search
    is always on; it ignores MkDocs plugins anyway), the classic variant (Material's look and
    markup, which our styles and repairs expect), our styles and scripts, and the docs from the
    build folder. ``config_map`` is where mkdocs.yml lives (for a relative custom_dir)."""
    uit = {k: v for k, v in config.items() if k not in ("plugins", "docs_dir", "site_dir")}
    uit["docs_dir"], uit["site_dir"] = docs_dir, site_dir
    thema = dict(uit.get("theme") or {})
    thema["variant"] = "classic"
    thema.setdefault("language", "nl")
    if (eigen := thema.pop("custom_dir", None)) is not None:
        eigen_map = (config_map / str(eigen)).resolve()
        if eigen_map != NAVIGATIECACHE_MAP.resolve():
            thema["custom_dir"] = str(eigen_map)
    uit["theme"] = thema
    uit["extra_css"] = [*(config.get("extra_css") or []), *EIGEN_CSS]
    uit["extra_javascript"] = [*(config.get("extra_javascript") or []), *EIGEN_JS]
    return uit
