"""`regio render`'s change history: read from git, or one line on stderr saying why not."""

from __future__ import annotations

import sys
from pathlib import Path

from regio.gegevens.geschiedenis import lees_geschiedenis
from regio.site import Site
from regio.uitvoer.wijzigingen import Wijzigingen


def wijzigingen(site: Site, data_dir: Path) -> Wijzigingen | None:
    geschiedenis, reden = lees_geschiedenis(data_dir)
    if geschiedenis is None:
        print(
            f"Geen wijzigingsgeschiedenis: {reden}. De site noemt geen wijzigingen.",
            file=sys.stderr,
        )
        return None
    return Wijzigingen(site, geschiedenis)
