"""The docs folder Zensical builds: the hand-written content plus what `regio render --links md`
writes (generated pages, map, open data, assets), synchronised so that unchanged files keep
their modification time (Zensical's cache and its serve loop then only redo what changed)."""

from __future__ import annotations

import filecmp
import shutil
import tempfile
from pathlib import Path

from regio.cli import main as regio
from regio.zensical.config import RegioOpties


def render_opdracht(opties: RegioOpties, project: Path, uit: Path, mapurls: bool) -> list[str]:
    """The `regio render` arguments that give the pages the MkDocs plugin would add."""
    opdracht = ["render", "--data-dir", str(project / opties.data_dir), "--out", str(uit)]
    opdracht += [
        "--links",
        "md",
        "--repo-url",
        opties.repo_url,
        "--kaart-tiles",
        opties.kaart_tiles,
    ]
    if opties.redactie_pagina:
        opdracht += ["--redactie-pagina", opties.redactie_pagina]
    if opties.colofon_pagina:
        opdracht += ["--colofon-pagina", opties.colofon_pagina]
    for optie, waarde in (
        ("--uitgever", opties.uitgever),
        ("--contact-email", opties.contact_email),
        ("--meld-url", opties.meld_url),
        ("--meld-email", opties.meld_email),
    ):
        if waarde:
            opdracht += [optie, waarde]
    if not mapurls:
        opdracht.append("--geen-mapurls")
    return opdracht


def synchroniseer(bron: Path, doel: Path) -> int:
    """Make ``doel`` hold exactly the files of ``bron``; only changed files are written.
    Returns how many files were written or removed."""
    doel.mkdir(parents=True, exist_ok=True)
    nieuw = {p.relative_to(bron) for p in bron.rglob("*") if p.is_file()}
    oud = {p.relative_to(doel) for p in doel.rglob("*") if p.is_file()}
    veranderd = 0
    for pad in sorted(oud - nieuw):
        (doel / pad).unlink()
        veranderd += 1
    for pad in sorted(nieuw):
        if pad in oud and filecmp.cmp(bron / pad, doel / pad, shallow=False):
            continue
        (doel / pad).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(bron / pad, doel / pad)
        veranderd += 1
    for map_ in sorted((p for p in doel.rglob("*") if p.is_dir()), reverse=True):
        if not any(map_.iterdir()):
            map_.rmdir()
    return veranderd


def maak_docs(
    project: Path, inhoud: Path, opties: RegioOpties, docs: Path, mapurls: bool = True
) -> int | None:
    """Fill ``docs`` with ``inhoud`` (content/) and the rendered pages; None when the data is
    not valid (the validator's messages are printed), else the number of files changed."""
    docs.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=docs.parent, prefix=".docs-") as tijdelijk:
        nieuw = Path(tijdelijk) / "docs"
        shutil.copytree(inhoud, nieuw)
        if opties.strikt and regio(
            ["validate", "--strict", "--data-dir", str(project / opties.data_dir)]
        ):
            return None
        if regio(render_opdracht(opties, project, nieuw, mapurls)) != 0:
            return None
        return synchroniseer(nieuw, docs)
