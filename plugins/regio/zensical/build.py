"""`make site-zensical`: the site built by Zensical, swapped into site/ only when it succeeded.

    python -m regio.zensical.build [--project DIR] [--site-dir DIR] [--zensical PROGRAM]

Steps: render the docs folder (build/zensical-docs/, see :mod:`regio.zensical.docs`), write
build/zensical.yml (see :mod:`regio.zensical.config`), run ``zensical build --strict`` into
build/zensical-site/, apply the HTML repairs the plugin applies (``regio.mkdocs.theme.herstel``)
to every page Zensical rendered, and swap the folder into site/ (``regio.mkdocs.atomic``). Bad
data, a failed Zensical build or markup the repairs no longer fit leave site/ as it was.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import yaml

from regio.mkdocs.atomic import AtomischeMap
from regio.zensical.config import lees_mkdocs, regio_opties, zensical_config
from regio.zensical.docs import maak_docs

REPO = Path(__file__).resolve().parents[3]
ZENSICAL = REPO / ".venv-zensical" / "bin" / "zensical"
BOUW_MAP = "build"
DOCS_MAP = "zensical-docs"
UIT_MAP = "zensical-site"
CONFIG = "zensical.yml"


def bereid_voor(project: Path) -> tuple[Path, Path] | None:
    """Render the docs and write the Zensical configuration; returns (config file, output
    folder inside build/), or None when the data is not valid."""
    mkdocs_yml = project / "mkdocs.yml"
    config = lees_mkdocs(mkdocs_yml)
    bouw = project / BOUW_MAP
    inhoud = project / str(config.get("docs_dir", "docs"))
    mapurls = bool(config.get("use_directory_urls", True))
    if maak_docs(project, inhoud, regio_opties(config), bouw / DOCS_MAP, mapurls) is None:
        return None
    # Zensical wants docs_dir and site_dir inside the folder of its configuration file.
    afgeleid = zensical_config(config, DOCS_MAP, UIT_MAP, project)
    kop = "# Made by regio.zensical from mkdocs.yml on every build: do not edit.\n"
    tekst = kop + yaml.safe_dump(afgeleid, allow_unicode=True, sort_keys=False)
    config_pad = bouw / CONFIG
    if not config_pad.exists() or config_pad.read_text(encoding="utf-8") != tekst:
        config_pad.write_text(tekst, encoding="utf-8")
    return config_pad, bouw / UIT_MAP


def herstel_paginas(uit: Path, docs: Path) -> int:
    """The plugin's HTML repairs on every page Zensical rendered (not the HTML files it copied
    from docs, such as the map document). Raises the plugin's error when they do not fit."""
    from regio.mkdocs.theme import herstel

    aantal = 0
    for pagina in sorted(uit.rglob("*.html")):
        pad = pagina.relative_to(uit)
        if (docs / pad).is_file():
            continue
        html = pagina.read_text(encoding="utf-8")
        pagina.write_text(herstel(html, str(pad)), encoding="utf-8")
        aantal += 1
    return aantal


def bouw(project: Path, site_dir: Path | None = None, zensical: Path = ZENSICAL) -> int:
    """Build the site of ``project`` with Zensical into ``site_dir`` (default: its site_dir)."""
    from mkdocs.exceptions import PluginError

    begin = time.perf_counter()
    if not zensical.is_file():
        print(
            f"{zensical} ontbreekt: maak .venv-zensical met `make site-zensical`.", file=sys.stderr
        )
        return 2
    voorbereid = bereid_voor(project)
    if voorbereid is None:
        print("De site is niet gebouwd; site/ is niet veranderd.", file=sys.stderr)
        return 1
    config_pad, uit = voorbereid
    doel = site_dir or project / str(lees_mkdocs(project / "mkdocs.yml").get("site_dir", "site"))
    if uit.exists():
        shutil.rmtree(uit)
    opdracht = [str(zensical), "build", "--strict", "--config-file", str(config_pad)]
    if subprocess.run(opdracht, cwd=config_pad.parent, check=False).returncode != 0:
        shutil.rmtree(uit, ignore_errors=True)
        print("Zensical kon de site niet bouwen; site/ is niet veranderd.", file=sys.stderr)
        return 1
    try:
        aantal = herstel_paginas(uit, config_pad.parent / DOCS_MAP)
    except PluginError as fout:
        shutil.rmtree(uit, ignore_errors=True)
        print(f"{fout}\nsite/ is niet veranderd.", file=sys.stderr)
        return 1
    atomisch = AtomischeMap()
    tijdelijk = atomisch.begin(doel.resolve())
    shutil.move(uit, tijdelijk)
    atomisch.klaar()
    duur = time.perf_counter() - begin
    print(
        f"Site gebouwd met Zensical: {aantal} pagina's in {doel} ({duur:.1f} s).", file=sys.stderr
    )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m regio.zensical.build",
        description="Bouw de site met Zensical in plaats van MkDocs en zet haar in site/.",
    )
    parser.add_argument("--project", type=Path, default=Path.cwd(), help="map met mkdocs.yml")
    parser.add_argument(
        "--site-dir", type=Path, help="doelmap (standaard: site_dir uit mkdocs.yml)"
    )
    parser.add_argument("--zensical", type=Path, default=ZENSICAL, help="het zensical-programma")
    args = parser.parse_args(argv)
    return bouw(args.project.resolve(), args.site_dir, args.zensical.resolve())


if __name__ == "__main__":
    sys.exit(main())
