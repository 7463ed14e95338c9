"""Gemeenten as geography: the municipalities of data/geo/gemeenten.topojson.

A gemeente has a code (the CBS statcode, GM0758), a name as CBS writes it, a slug for URLs, the
province it lies in and its outline. The collection finds a gemeente by code, slug or name, finds
the gemeente a point lies in, and draws the outline of a set of gemeenten (a region) by arc
cancellation: in a TopoJSON topology neighbouring gemeenten share their border arcs, so the arcs
used exactly once within a set are the set's outline.

The boundaries are generalised (see data/geo/README.md): good for a map and for finding the
gemeente of a town, not for legal questions. Everything here is a pure function of its input;
loading never raises, it returns problems with Dutch messages instead (like
:mod:`regio.gegevens.grenzen`).
"""

from __future__ import annotations

import difflib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

from regio.gegevens.grenzen import Polygoon, in_polygonen, json_uit, lees_bestand
from regio.gegevens.model import PROVINCIE_CODE_PATTERN
from regio.gegevens.parse import slug
from regio.gegevens.problems import Positie, Probleem, fout
from regio.gegevens.topologie import (
    Boog,
    QPunt,
    Transformatie,
    bogen_uit_delta,
    boog_van,
    delta_van,
    maak_polygonen,
    naar_graden,
    orienteer,
    rijg,
    ring_oppervlak,
    ring_punten,
)

GEMEENTE_CODE_PATTERN = r"^GM\d{4}$"
# The gemeenten, relative to the data directory (see data/geo/README.md).
BESTAND = "geo/gemeenten.topojson"
OBJECT = "gemeenten"  # the name of the GeometryCollection in the topology
CEL_GRADEN = 0.1  # cell size of the grid that op_punt uses to find candidates
# Names people use for a gemeente that CBS writes otherwise (by slug), for zoek_naam.
# The qualifier CBS adds to tell apart gemeenten with the same name: "Hengelo (O.)".
_TOEVOEGING = re.compile(r"\s*\([^()]*\)\s*$")
ALIASSEN = {"den-bosch": "GM0796", "den-haag": "GM0518"}

BoogRingen = tuple[tuple[int, ...], ...]  # arc references per ring of one polygon (~i: reversed)
Kader = tuple[float, float, float, float]  # (min_lon, min_lat, max_lon, max_lat)


@dataclass(frozen=True)
class Gemeente:
    """One gemeente: its outline is one or more polygons in WGS84 (lon, lat), RFC 7946 winding."""

    code: str
    naam: str
    slug: str
    provincie: str  # ISO 3166-2 code, e.g. NL-NB
    polygonen: tuple[Polygoon, ...] = field(repr=False)
    kader: Kader
    bogen: tuple[BoogRingen, ...] = field(repr=False, compare=False)

    def bevat(self, lon: float, lat: float) -> bool:
        """Whether the point lies inside (ray casting; points in a hole are outside)."""
        min_lon, min_lat, max_lon, max_lat = self.kader
        if not (min_lon <= lon <= max_lon and min_lat <= lat <= max_lat):
            return False
        return in_polygonen(self.polygonen, lon, lat)


class Gemeenten:
    """All gemeenten of a topology, sorted by code, and the questions asked about them."""

    def __init__(
        self, gemeenten: Iterable[Gemeente], bogen: Sequence[Boog], transformatie: Transformatie
    ) -> None:
        self._lijst = tuple(sorted(gemeenten, key=lambda g: g.code))
        self._bogen = tuple(bogen)
        self.transformatie = transformatie
        self._per_code = {g.code: g for g in self._lijst}
        # By URL slug, and by the slug of the full CBS name ("middelburg-z"), for zoek_naam.
        self._per_slug = {slug(g.naam): g for g in self._lijst}
        self._per_slug.update({g.slug: g for g in self._lijst})
        for alias, code in ALIASSEN.items():
            if code in self._per_code:
                self._per_slug.setdefault(alias, self._per_code[code])
        self._raster: dict[tuple[int, int], list[Gemeente]] = defaultdict(list)
        for gemeente in self._lijst:
            min_lon, min_lat, max_lon, max_lat = gemeente.kader
            for i in range(_cel(min_lon), _cel(max_lon) + 1):
                for j in range(_cel(min_lat), _cel(max_lat) + 1):
                    self._raster[i, j].append(gemeente)
        # The sign of an outer ring's area in quantized space (the loader checks it is the same
        # for every ring), so that arc cancellation can tell outer rings from holes.
        self._buiten_positief = next(
            (ring_oppervlak(self._ring(p[0])) > 0 for g in self._lijst for p in g.bogen), False
        )

    def __len__(self) -> int:
        return len(self._lijst)

    def __iter__(self) -> Iterator[Gemeente]:
        return iter(self._lijst)

    # -- finding a gemeente ---------------------------------------------------------------------

    def met_code(self, code: str) -> Gemeente | None:
        return self._per_code.get(code)

    def met_slug(self, slug_: str) -> Gemeente | None:
        """The gemeente whose URL slug is ``slug_`` (``s-hertogenbosch``)."""
        gemeente = self._per_slug.get(slug_)
        return gemeente if gemeente is not None and gemeente.slug == slug_ else None

    def zoek_naam(self, naam: str) -> Gemeente | None:
        """The gemeente called ``naam``, ignoring case, accents, spaces and punctuation.

        ``sudwest fryslan`` finds Súdwest-Fryslân and ``Den Bosch`` finds 's-Hertogenbosch.
        """
        return self._per_slug.get(slug(naam))

    def lijkt_op(self, naam: str) -> Gemeente | None:
        """The gemeente whose name looks most like ``naam`` (a misspelling), if any is close."""
        treffers = difflib.get_close_matches(slug(naam), list(self._per_slug), n=1, cutoff=0.75)
        return self._per_slug[treffers[0]] if treffers else None

    def suggestie(self, naam: str) -> str:
        """' Bedoelde u 'Breda'?' when a gemeente's name looks like ``naam``, else ''.

        The same form as :func:`regio.gegevens.parse.suggestie`, but compared without accents.
        """
        gemeente = self.zoek_naam(naam) or self.lijkt_op(naam)
        return f" Bedoelde u '{gemeente.naam}'?" if gemeente else ""

    def op_punt(self, lat: float, lon: float) -> Gemeente | None:
        """The gemeente the point lies in, or None (at sea, abroad)."""
        if not (math.isfinite(lat) and math.isfinite(lon)):
            return None
        for gemeente in self._raster.get((_cel(lon), _cel(lat)), ()):
            if gemeente.bevat(lon, lat):
                return gemeente
        return None

    def in_provincie(self, code: str) -> tuple[Gemeente, ...]:
        """The gemeenten of a province (ISO code), sorted by slug (as a visitor looks for them)."""
        return tuple(sorted((g for g in self._lijst if g.provincie == code), key=lambda g: g.slug))

    # -- drawing --------------------------------------------------------------------------------

    def omtrek(self, codes: Iterable[str]) -> tuple[Polygoon, ...]:
        """The outline of a set of gemeenten as polygons (outer ring, then holes), RFC 7946
        winding: the GeoJSON MultiPolygon of a region.

        The arcs used once within the set are its outline; shared borders cancel out. Unknown
        codes raise KeyError (check the codes first).
        """
        gebruik: Counter[int] = Counter()
        richting: dict[int, int] = {}
        for code in sorted(set(codes)):
            for polygoon in self._per_code[code].bogen:
                for ring in polygoon:
                    for ref in ring:
                        gebruik[_index(ref)] += 1
                        richting[_index(ref)] = ref
        randen = sorted(richting[i] for i, n in gebruik.items() if n == 1)
        ringen = rijg(randen, self._ring)
        buiten = [r for r in ringen if (ring_oppervlak(r) > 0) == self._buiten_positief]
        gaten = [r for r in ringen if (ring_oppervlak(r) > 0) != self._buiten_positief]
        return maak_polygonen(buiten, gaten, self.transformatie)

    def topologie_voor(self, codes: Iterable[str]) -> dict[str, Any]:
        """A TopoJSON topology of just these gemeenten (properties code and naam), for a map.

        Quantized and delta-encoded, with only the arcs these gemeenten use, numbered in order
        of use: what topojson-client needs in the browser, and small. Unknown codes raise KeyError.
        """
        nummers: dict[int, int] = {}

        def hernummer(ref: int) -> int:
            nummer = nummers.setdefault(_index(ref), len(nummers))
            return nummer if ref >= 0 else ~nummer

        geometrieen = []
        for code in sorted(set(codes)):
            gemeente = self._per_code[code]
            polygonen = [[[hernummer(r) for r in ring] for ring in p] for p in gemeente.bogen]
            geometrieen.append(
                {
                    "type": "Polygon" if len(polygonen) == 1 else "MultiPolygon",
                    "arcs": polygonen[0] if len(polygonen) == 1 else polygonen,
                    "properties": {"code": gemeente.code, "naam": gemeente.naam},
                }
            )
        return {
            "type": "Topology",
            "transform": self.transformatie.als_json(),
            "objects": {OBJECT: {"type": "GeometryCollection", "geometries": geometrieen}},
            "arcs": [delta_van(self._bogen[i]) for i in nummers],
        }

    def _ring(self, refs: Sequence[int]) -> list[QPunt]:
        return ring_punten(refs, self._bogen)


def _cel(graden: float) -> int:
    return math.floor(graden / CEL_GRADEN)


# -- topology and geometry (also used by scripts/import_boundaries.py) --------------------------


def _index(ref: int) -> int:
    return ref if ref >= 0 else ~ref


# -- loading ------------------------------------------------------------------------------------


class _Vorm(Exception):
    """The JSON is valid but not the expected TopoJSON shape."""


def gemeentenamen(data_dir: Path) -> list[str]:
    """The names of the gemeenten in ``data_dir`` (none when the file does not load)."""
    gemeenten, _ = laad_gemeenten(data_dir / BESTAND, BESTAND)
    return sorted(g.naam for g in gemeenten or ())


def laad_gemeenten(pad: Path, bestand: str) -> tuple[Gemeenten | None, list[Probleem]]:
    """Read data/geo/gemeenten.topojson. ``bestand`` is how messages name the file.

    Never raises on bad input: a missing or broken file gives None and a problem saying why.
    Duplicate codes or slugs are problems too, but the first gemeente is kept.
    """
    raw, problemen = lees_bestand(
        pad,
        bestand,
        "bestand met gemeentegrenzen ontbreekt; de site heeft het nodig. "
        "Zie data/geo/README.md om het te maken.",
    )
    if raw is None:
        return None, problemen
    gemeenten, gevonden = _uit_inhoud(raw, bestand)
    return gemeenten, list(gevonden)


# Keyed on the bytes, not on the path: a changed file is read again (`mkdocs serve`), and a copy
# of the same file elsewhere (every test's data folder) is not. The Gemeenten are not changed
# after they are made, so every caller may share them.
@lru_cache(maxsize=4)
def _uit_inhoud(raw: bytes, bestand: str) -> tuple[Gemeenten | None, tuple[Probleem, ...]]:
    data, problemen = json_uit(raw, bestand)
    if problemen:
        return None, tuple(problemen)
    gemeenten, problemen = gemeenten_uit_topologie(data, bestand)
    return gemeenten, tuple(problemen)


def gemeenten_uit_topologie(data: Any, bestand: str) -> tuple[Gemeenten | None, list[Probleem]]:
    """The gemeenten of an already parsed topology (see :func:`laad_gemeenten`)."""
    begin = Positie(bestand)
    try:
        return _gemeenten(data, begin)
    except _Vorm as exc:
        return None, [fout(begin, f"geen geldige TopoJSON met gemeentegrenzen: {exc}")]


def _gemeenten(data: Any, begin: Positie) -> tuple[Gemeenten, list[Probleem]]:
    if not isinstance(data, dict) or data.get("type") != "Topology":
        raise _Vorm('verwacht een object met "type": "Topology".')
    transformatie = _transformatie(data.get("transform"))
    bogen = _bogen(data.get("arcs"))
    objecten = data.get("objects")
    verzameling = objecten.get(OBJECT) if isinstance(objecten, dict) else None
    if not isinstance(verzameling, dict) or verzameling.get("type") != "GeometryCollection":
        raise _Vorm(f"'objects' moet een GeometryCollection '{OBJECT}' bevatten.")
    geometrieen = verzameling.get("geometries")
    if not isinstance(geometrieen, list) or not geometrieen:
        raise _Vorm("'geometries' moet een niet-lege lijst zijn.")
    gemeenten: dict[str, Gemeente] = {}
    slugs: dict[str, str] = {}
    problemen = []
    richting: bool | None = None
    for nummer, geometrie in enumerate(geometrieen, 1):
        gemeente, positief = _gemeente(geometrie, nummer, bogen, transformatie)
        if richting is None:
            richting = positief
        elif positief != richting:
            raise _Vorm(
                f"feature {nummer} ({gemeente.code}): de ringen lopen de andere kant op dan die "
                "van feature 1; alle buitenringen moeten dezelfde kant op lopen, gaten de andere."
            )
        if gemeente.code in gemeenten:
            melding = (
                f"gemeente {gemeente.code} staat twee keer in het bestand (feature {nummer}); "
                "houd er één over."
            )
            problemen.append(fout(begin, melding))
            continue
        if gemeente.slug in slugs:
            melding = (
                f"gemeente {gemeente.code} ({gemeente.naam}) krijgt dezelfde webadres-naam "
                f"'{gemeente.slug}' als {slugs[gemeente.slug]}; de namen moeten meer verschillen."
            )
            problemen.append(fout(begin, melding))
            continue
        gemeenten[gemeente.code] = gemeente
        slugs[gemeente.slug] = gemeente.code
    return Gemeenten(_korte_slugs(gemeenten.values()), bogen, transformatie), problemen


def _korte_slugs(gemeenten: Iterable[Gemeente]) -> list[Gemeente]:
    """CBS tells apart gemeenten with the same name by a qualifier ("Middelburg (Z.)",
    "Bergen (NH.)", "Bergen (L.)"). A visitor types the plain name, so the URL drops the
    qualifier when no other gemeente has that plain name: /gemeenten/middelburg/, but
    /gemeenten/bergen-nh/ and /gemeenten/bergen-l/."""
    lijst = list(gemeenten)
    kort = {g.code: slug(_TOEVOEGING.sub("", g.naam)) for g in lijst}
    aantal = Counter(kort.values())
    bezet = {g.slug for g in lijst}
    return [
        replace(g, slug=kort[g.code])
        if aantal[kort[g.code]] == 1 and (kort[g.code] == g.slug or kort[g.code] not in bezet)
        else g
        for g in lijst
    ]


def _transformatie(waarde: Any) -> Transformatie:
    if not isinstance(waarde, dict):
        raise _Vorm("'transform' ontbreekt; de bogen moeten gekwantiseerd zijn.")
    schaal, verschuiving = _paar(waarde.get("scale")), _paar(waarde.get("translate"))
    if schaal is None or verschuiving is None or min(schaal) <= 0:
        raise _Vorm("'transform' moet 'scale' (twee positieve getallen) en 'translate' hebben.")
    return Transformatie(*schaal, *verschuiving)


def _paar(waarde: Any) -> tuple[float, float] | None:
    if (
        isinstance(waarde, list)
        and len(waarde) == 2
        and all(
            isinstance(g, int | float) and not isinstance(g, bool) and math.isfinite(g)
            for g in waarde
        )
    ):
        return float(waarde[0]), float(waarde[1])
    return None


def _bogen(waarde: Any) -> list[Boog]:
    if not isinstance(waarde, list) or not waarde:
        raise _Vorm("'arcs' moet een niet-lege lijst zijn.")
    for nummer, boog in enumerate(waarde):
        if not (
            isinstance(boog, list)
            and len(boog) >= 2
            and all(
                isinstance(p, list)
                and len(p) == 2
                and all(isinstance(g, int) and not isinstance(g, bool) for g in p)
                for p in boog
            )
        ):
            raise _Vorm(
                f"boog {nummer} moet een lijst van minstens twee paren gehele getallen zijn."
            )
    return bogen_uit_delta(waarde)


def _gemeente(
    geometrie: Any, nummer: int, bogen: Sequence[Boog], transformatie: Transformatie
) -> tuple[Gemeente, bool]:
    """The gemeente, and whether its outer rings have a positive area in quantized space."""
    waar = f"feature {nummer}"
    if not isinstance(geometrie, dict):
        raise _Vorm(f"{waar} is geen object.")
    eigenschappen = geometrie.get("properties")
    if not isinstance(eigenschappen, dict):
        raise _Vorm(f"{waar} heeft geen 'properties'.")
    code = eigenschappen.get("code")
    if not isinstance(code, str) or not re.fullmatch(GEMEENTE_CODE_PATTERN, code):
        raise _Vorm(f"{waar}: 'code' moet een CBS-gemeentecode zijn, zoals GM0758.")
    waar = f"feature {nummer} ({code})"
    naam, provincie = eigenschappen.get("naam"), eigenschappen.get("provincie")
    if not isinstance(naam, str) or not slug(naam):
        raise _Vorm(f"{waar}: 'naam' ontbreekt.")
    if not isinstance(provincie, str) or not re.fullmatch(PROVINCIE_CODE_PATTERN, provincie):
        raise _Vorm(f"{waar}: 'provincie' moet een ISO 3166-2-code zijn, zoals NL-NB.")
    soort, refs = geometrie.get("type"), geometrie.get("arcs")
    if soort == "Polygon":
        refs = [refs]
    elif soort != "MultiPolygon":
        raise _Vorm(f"{waar}: de geometrie moet een Polygon of MultiPolygon zijn.")
    if not isinstance(refs, list) or not refs:
        raise _Vorm(f"{waar}: 'arcs' moet een niet-lege lijst zijn.")
    boogringen = tuple(_boogringen(p, waar, len(bogen)) for p in refs)
    richtingen = set()
    polygonen = []
    for polygoon in boogringen:
        ringen = []
        for positie, refs_ in enumerate(polygoon):
            punten = ring_punten(refs_, bogen)
            oppervlak = ring_oppervlak(punten)
            if punten[0] != punten[-1] or oppervlak == 0 or not _aaneen(refs_, bogen):
                raise _Vorm(f"{waar}: een ring moet uit aansluitende bogen bestaan en sluiten.")
            richtingen.add((oppervlak > 0) == (positie == 0))
            ringen.append(orienteer(naar_graden(punten, transformatie), linksom=positie == 0))
        polygonen.append(tuple(ringen))
    if len(richtingen) > 1:
        raise _Vorm(f"{waar}: de gaten moeten de andere kant op lopen dan de buitenring.")
    punten_ = [p for polygoon in polygonen for p in polygoon[0]]
    if not all(-180 <= lon <= 180 and -90 <= lat <= 90 for lon, lat in punten_):
        raise _Vorm(
            f"{waar}: de coördinaten liggen buiten het bereik van lengte- en breedtegraden."
        )
    kader = (
        min(p[0] for p in punten_),
        min(p[1] for p in punten_),
        max(p[0] for p in punten_),
        max(p[1] for p in punten_),
    )
    gemeente = Gemeente(code, naam, slug(naam), provincie, tuple(polygonen), kader, boogringen)
    return gemeente, richtingen == {True}


def _boogringen(waarde: Any, waar: str, aantal: int) -> BoogRingen:
    if not isinstance(waarde, list) or not waarde:
        raise _Vorm(f"{waar}: een polygoon moet een niet-lege lijst met ringen zijn.")
    ringen = []
    for ring in waarde:
        if not (
            isinstance(ring, list)
            and ring
            and all(isinstance(r, int) and not isinstance(r, bool) for r in ring)
        ):
            raise _Vorm(f"{waar}: een ring moet een niet-lege lijst met boognummers zijn.")
        if not all(-aantal <= r < aantal for r in ring):
            raise _Vorm(f"{waar}: een ring verwijst naar een boog die niet bestaat.")
        ringen.append(tuple(ring))
    return tuple(ringen)


def _aaneen(refs: Sequence[int], bogen: Sequence[Boog]) -> bool:
    """Each arc of the ring starts where the previous one ends."""
    delen = [boog_van(r, bogen) for r in refs]
    return all(a[-1] == b[0] for a, b in pairwise(delen))
