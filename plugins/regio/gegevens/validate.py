"""Load, parse and check the data directory: the one entry point the CLI and the plugin share."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from regio.gegevens import checks
from regio.gegevens.gebieden import controleer_gemeenten, gemeenten_per_gebied
from regio.gegevens.gemeenten import BESTAND as GEMEENTEN
from regio.gegevens.gemeenten import laad_gemeenten
from regio.gegevens.geografie import Geografie, geografie, in_gemeenten
from regio.gegevens.geplaatst import Geplaatst
from regio.gegevens.grenzen import laad_grenzen
from regio.gegevens.load import Geladen, load_file
from regio.gegevens.model import Model
from regio.gegevens.parse import parse
from regio.gegevens.plaatsen import PLAATSEN, laad_gazetteer
from regio.gegevens.problems import Probleem, sorteer, strict
from regio.gegevens.registry import Gegevens, bestanden, uit_bestanden

# The province boundaries, relative to the data directory (see data/geo/README.md).
GRENZEN = "geo/provinces.geojson"


@dataclass(frozen=True)
class Resultaat:
    # The entities without positions (only each entity's first line, for the edit links).
    gegevens: Gegevens | None
    problemen: tuple[Probleem, ...]
    # Boundaries and positions for the map; None when the data files did not both parse.
    geografie: Geografie | None = None

    @property
    def geldig(self) -> bool:
        return self.gegevens is not None and not any(p.is_fout for p in self.problemen)


def lees(
    data_dir: Path, weergave: Callable[[str], str] = lambda naam: naam
) -> tuple[Geplaatst, list[Probleem], set[str]]:
    """Load and parse every data file: the entities with their files, the problems so far, and
    the names of the files that parsed. Messages name a file ``weergave(name)``."""
    problemen: list[Probleem] = []
    geladen: dict[str, Geladen] = {}
    modellen: dict[str, Model] = {}
    for naam, soort in bestanden().items():
        resultaat = load_file(data_dir / naam, weergave(naam))
        problemen.extend(resultaat.problemen)
        if resultaat.geladen is None:
            continue
        geladen[naam] = resultaat.geladen
        parsed = parse(resultaat.geladen, soort)
        problemen.extend(parsed.problemen)
        if isinstance(parsed.model, Model):
            modellen[naam] = parsed.model
    geplaatst = Geplaatst(Gegevens(uit_bestanden(modellen)), geladen)
    return geplaatst, problemen, set(modellen)


def valideer(
    data_dir: Path,
    *,
    strikt: bool = False,
    verouderd_maanden: int | None = None,
    vandaag: date | None = None,
    weergave_dir: str | None = None,
) -> Resultaat:
    """Validate both data files.

    Messages name the files ``weergave_dir/regions.yaml`` (default: the data_dir as given).
    """
    prefix = weergave_dir if weergave_dir is not None else str(data_dir)

    def weergave(naam: str) -> str:
        return f"{prefix.rstrip('/')}/{naam}" if prefix else naam

    geplaatst, problemen, geparst = lees(data_dir, weergave)
    kaart = None
    if geparst == set(bestanden()):
        problemen.extend(checks.controleer(geplaatst))
        grenzen_bestand = weergave(GRENZEN)
        grenzen, grensproblemen = laad_grenzen(data_dir / GRENZEN, grenzen_bestand)
        plaatsen, plaatsproblemen = laad_gazetteer(data_dir / PLAATSEN, weergave(PLAATSEN))
        posities, geoproblemen = geografie(geplaatst, grenzen, plaatsen, grenzen_bestand)
        problemen.extend([*grensproblemen, *plaatsproblemen, *geoproblemen])
        gemeenten_bestand = weergave(GEMEENTEN)
        gemeenten, gemeenteproblemen = laad_gemeenten(data_dir / GEMEENTEN, gemeenten_bestand)
        problemen.extend(gemeenteproblemen)
        if gemeenten is not None:
            problemen.extend(controleer_gemeenten(geplaatst, gemeenten, gemeenten_bestand))
            kaart = Geografie(
                grenzen,
                posities,
                gemeenten,
                gemeenten_per_gebied(geplaatst, gemeenten),
                *in_gemeenten(gemeenten, posities, plaatsen),
            )
        else:
            kaart = Geografie(grenzen, posities)
    elif geparst:
        # One file is broken: still check what the other file holds on its own, so an editor
        # sees every problem at once; references wait until both files parse.
        problemen.extend(checks.controleer(geplaatst, checks.PER_BESTAND))
    if strikt:
        problemen = strict(problemen)
    # Stale data only ever warns, even with --strict: it is a reminder, not a defect.
    gegevens = geplaatst.zonder_posities() if kaart is not None else None
    if gegevens is not None and verouderd_maanden is not None:
        problemen.extend(checks.verouderd(geplaatst, verouderd_maanden, vandaag or date.today()))
    return Resultaat(gegevens, tuple(sorteer(problemen)), kaart)
