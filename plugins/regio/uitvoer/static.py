"""The static files every built site gets beside the pages: our styles, scripts and vendored
libraries (the map's Leaflet, the search box), under ``assets/regio/``."""

from __future__ import annotations

from pathlib import Path

ASSETS = Path(__file__).parent / "assets"
ASSET_MAP = "assets/regio"


def asset_bestanden() -> list[tuple[str, Path]]:
    """(path in the site, file on disk) per asset, in a stable order; the vendor notes (.md)
    are for us, not for the site."""
    bestanden = sorted(p for p in ASSETS.rglob("*") if p.is_file() and p.suffix != ".md")
    return [(f"{ASSET_MAP}/{p.relative_to(ASSETS).as_posix()}", p) for p in bestanden]
