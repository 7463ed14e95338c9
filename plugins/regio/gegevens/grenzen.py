"""Province boundaries: load them from GeoJSON, test points against them, draw small outlines.

The boundaries are generalised (see data/geo/README.md): good for a map and for catching a town in
the wrong province, not for legal questions. Everything here is a pure function of its input;
loading never raises, it returns problems with Dutch messages instead.
"""

from __future__ import annotations

import html
import json
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

from regio.gegevens.model import PROVINCIE_CODE_PATTERN
from regio.gegevens.problems import Positie, Probleem, fout

Punt = tuple[float, float]  # (lon, lat), as in GeoJSON
Ring = tuple[Punt, ...]  # closed: the last point equals the first
Polygoon = tuple[Ring, ...]  # the first ring is the outer boundary, the others are holes

MAX_BYTES = 20 * 1024 * 1024
KM_PER_GRAAD = 111.32  # length of one degree of latitude (and of longitude at the equator)


@dataclass(frozen=True)
class Grens:
    """The boundary of one province: a MultiPolygon in WGS84 (lon, lat)."""

    code: str
    naam: str
    polygonen: tuple[Polygoon, ...]

    def als_lijsten(self) -> list[list[list[list[float]]]]:
        """The polygons as GeoJSON MultiPolygon coordinates (lists, not tuples)."""
        return [[[list(punt) for punt in ring] for ring in polygoon] for polygoon in self.polygonen]

    def bevat(self, lon: float, lat: float) -> bool:
        """Whether the point lies inside (ray casting; points in a hole are outside)."""
        min_lon, min_lat, max_lon, max_lat = self.kader
        if not (min_lon <= lon <= max_lon and min_lat <= lat <= max_lat):
            return False
        return in_polygonen(self.polygonen, lon, lat)

    def afstand_km(self, lon: float, lat: float) -> float:
        """Approximate distance in km from the point to the boundary line (0 on the line).

        Uses a local equirectangular projection, which is accurate enough at the scale of a
        province; inside or outside makes no difference, combine with :meth:`bevat`.
        """
        schaal_x = KM_PER_GRAAD * math.cos(math.radians(lat))
        beste = math.inf
        for (x1, y1), (x2, y2) in self._randen():
            ax, ay = (x1 - lon) * schaal_x, (y1 - lat) * KM_PER_GRAAD
            bx, by = (x2 - lon) * schaal_x, (y2 - lat) * KM_PER_GRAAD
            dx, dy = bx - ax, by - ay
            lengte = dx * dx + dy * dy
            t = 0.0 if lengte == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / lengte))
            beste = min(beste, math.hypot(ax + t * dx, ay + t * dy))
        return beste

    @cached_property
    def kader(self) -> tuple[float, float, float, float]:
        """Bounding box: (min_lon, min_lat, max_lon, max_lat)."""
        lons = [lon for polygoon in self.polygonen for lon, _ in polygoon[0]]
        lats = [lat for polygoon in self.polygonen for _, lat in polygoon[0]]
        return min(lons), min(lats), max(lons), max(lats)

    def _randen(self) -> Iterator[tuple[Punt, Punt]]:
        for polygoon in self.polygonen:
            for ring in polygoon:
                yield from pairwise(ring)


def in_ring(ring: Ring, lon: float, lat: float) -> bool:
    binnen = False
    for (x1, y1), (x2, y2) in pairwise(ring):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            binnen = not binnen
    return binnen


def in_polygonen(polygonen: Iterable[Polygoon], lon: float, lat: float) -> bool:
    """Whether the point lies in one of the polygons (and not in one of its holes)."""
    return any(
        in_ring(polygoon[0], lon, lat) and not any(in_ring(g, lon, lat) for g in polygoon[1:])
        for polygoon in polygonen
    )


# -- loading ------------------------------------------------------------------------------------

# json's (English) messages, translated into what an editor can act on.
JSON_HINTS: tuple[tuple[str, str], ...] = (
    ("Expecting value", "hier werd een waarde verwacht (een getal, tekst, lijst of object)"),
    ("Expecting ',' delimiter", "hier ontbreekt een komma (of een sluitend haakje)"),
    ("Expecting ':' delimiter", "hier ontbreekt de ':' tussen sleutel en waarde"),
    (
        "Expecting property name enclosed in double quotes",
        "hier werd een sleutel tussen dubbele aanhalingstekens verwacht; staat er een komma te "
        "veel?",
    ),
    ("Unterminated string", "een tekst is niet gesloten met een dubbel aanhalingsteken"),
    ("Invalid control character", "onzichtbaar stuurteken in een tekst; verwijder het"),
    ("Invalid \\escape", "onbekende escape-code met '\\' in een tekst"),
    ("Extra data", "na het einde van de JSON staat nog meer tekst"),
)


class _Vorm(Exception):
    """The JSON is valid but not the expected GeoJSON shape."""


def lees_bestand(
    pad: Path, bestand: str, ontbreekt: str, max_bytes: int = MAX_BYTES
) -> tuple[bytes | None, list[Probleem]]:
    """The bytes of one of the geography files, or None and the problem why not: ``ontbreekt``
    when there is no file. ``bestand`` is how messages name it; too large a file is refused
    before it is read."""
    begin = Positie(bestand)
    try:
        if pad.stat().st_size > max_bytes:
            te_groot = f"bestand is te groot (meer dan {max_bytes // (1024 * 1024)} MB)."
            return None, [fout(begin, te_groot)]
        return pad.read_bytes(), []
    except FileNotFoundError:
        return None, [fout(begin, ontbreekt)]
    except OSError as exc:
        return None, [fout(begin, f"bestand kan niet worden gelezen ({exc.strerror}).")]


def json_uit(raw: bytes, bestand: str) -> tuple[Any, list[Probleem]]:
    """The JSON in ``raw``, or None and the problem an editor can act on (line and column)."""
    try:
        tekst = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        regel = raw[: exc.start].count(b"\n") + 1
        kolom = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        melding = "bestand is geen geldige UTF-8; sla het op als 'UTF-8' (zonder BOM)."
        return None, [fout(Positie(bestand, regel, kolom), melding)]
    try:
        return json.loads(tekst), []
    except json.JSONDecodeError as exc:
        uitleg = next((nl for en, nl in JSON_HINTS if exc.msg.startswith(en)), exc.msg)
        return None, [fout(Positie(bestand, exc.lineno, exc.colno), f"ongeldige JSON: {uitleg}.")]
    except RecursionError:
        return None, [fout(Positie(bestand), "ongeldige JSON: de gegevens zijn te diep genest.")]


def laad_grenzen(pad: Path, bestand: str) -> tuple[dict[str, Grens], list[Probleem]]:
    """Read a GeoJSON FeatureCollection of provinces, by ISO code.

    ``bestand`` is how messages name the file. Never raises on bad input: a missing or broken file
    gives no boundaries and a problem saying why.
    """
    raw, problemen = lees_bestand(
        pad,
        bestand,
        "bestand met provinciegrenzen ontbreekt; de kaart heeft het nodig. "
        "Zie data/geo/README.md om het te maken.",
    )
    if raw is None:
        return {}, problemen
    grenzen, gevonden = _uit_inhoud(raw, bestand)
    return dict(grenzen), list(gevonden)


# Keyed on the bytes, not on the path, like the gemeenten and the gazetteer: a changed file is
# read again (`mkdocs serve`), a copy of the same file elsewhere (every test's data folder) is not.
@lru_cache(maxsize=4)
def _uit_inhoud(raw: bytes, bestand: str) -> tuple[dict[str, Grens], tuple[Probleem, ...]]:
    data, problemen = json_uit(raw, bestand)
    if problemen:
        return {}, tuple(problemen)
    begin = Positie(bestand)
    try:
        grenzen, problemen = _grenzen(data, begin)
    except _Vorm as exc:
        return {}, (fout(begin, f"geen geldige GeoJSON met provinciegrenzen: {exc}"),)
    return grenzen, tuple(problemen)


def _grenzen(data: Any, begin: Positie) -> tuple[dict[str, Grens], list[Probleem]]:
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise _Vorm('verwacht een object met "type": "FeatureCollection".')
    features = data.get("features")
    if not isinstance(features, list):
        raise _Vorm("'features' moet een lijst zijn.")
    if not features:
        raise _Vorm("'features' is leeg; er staan geen provincies in.")
    grenzen: dict[str, Grens] = {}
    problemen = []
    for nummer, feature in enumerate(features, 1):
        grens = _grens(feature, nummer)
        if grens.code in grenzen:
            problemen.append(
                fout(
                    begin,
                    f"provincie {grens.code} staat twee keer in het bestand (feature {nummer}); "
                    "houd er één over.",
                )
            )
            continue
        grenzen[grens.code] = grens
    return grenzen, problemen


def _grens(feature: Any, nummer: int) -> Grens:
    waar = f"feature {nummer}"
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        raise _Vorm(f'{waar} is geen object met "type": "Feature".')
    eigenschappen = feature.get("properties")
    if not isinstance(eigenschappen, dict):
        raise _Vorm(f"{waar} heeft geen 'properties'.")
    code, naam = eigenschappen.get("code"), eigenschappen.get("naam")
    if not isinstance(code, str) or not re.fullmatch(PROVINCIE_CODE_PATTERN, code):
        raise _Vorm(f"{waar}: 'code' moet een ISO 3166-2-code zijn, zoals NL-UT.")
    waar = f"feature {nummer} ({code})"
    if not isinstance(naam, str) or not naam.strip():
        raise _Vorm(f"{waar}: 'naam' ontbreekt.")
    geometrie = feature.get("geometry")
    if not isinstance(geometrie, dict):
        raise _Vorm(f"{waar} heeft geen 'geometry'.")
    soort, coordinaten = geometrie.get("type"), geometrie.get("coordinates")
    if soort == "Polygon":
        coordinaten = [coordinaten]
    elif soort != "MultiPolygon":
        raise _Vorm(f"{waar}: de geometrie moet een Polygon of MultiPolygon zijn.")
    if not isinstance(coordinaten, list) or not coordinaten:
        raise _Vorm(f"{waar}: 'coordinates' moet een niet-lege lijst zijn.")
    polygonen = tuple(_polygoon(p, waar) for p in coordinaten)
    return Grens(code, naam, polygonen)


def _polygoon(waarde: Any, waar: str) -> Polygoon:
    if not isinstance(waarde, list) or not waarde:
        raise _Vorm(f"{waar}: een polygoon moet een niet-lege lijst met ringen zijn.")
    return tuple(_ring(r, waar) for r in waarde)


def _ring(waarde: Any, waar: str) -> Ring:
    if not isinstance(waarde, list) or len(waarde) < 4:
        raise _Vorm(f"{waar}: een ring moet minstens vier punten hebben.")
    ring = tuple(_punt(p, waar) for p in waarde)
    if ring[0] != ring[-1]:
        raise _Vorm(f"{waar}: een ring moet eindigen waar hij begint.")
    return ring


def _punt(waarde: Any, waar: str) -> Punt:
    if (
        isinstance(waarde, list)
        and len(waarde) >= 2
        and all(_getal(g) for g in waarde[:2])
        and -180 <= waarde[0] <= 180
        and -90 <= waarde[1] <= 90
    ):
        return float(waarde[0]), float(waarde[1])
    raise _Vorm(f"{waar}: een punt moet [lengtegraad, breedtegraad] in graden zijn.")


def _getal(waarde: Any) -> bool:
    return (
        isinstance(waarde, int | float) and not isinstance(waarde, bool) and math.isfinite(waarde)
    )


# -- drawing ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Projectie:
    """Longitude/latitude to SVG pixels: equirectangular with the longitude scaled by cos(mid
    latitude), so shapes are not stretched, fitted and centred in ``breedte`` x ``hoogte``."""

    kader: tuple[float, float, float, float]
    breedte: int
    hoogte: int
    marge: float = 4.0

    @cached_property
    def _maat(self) -> tuple[float, float, float, float]:
        min_lon, min_lat, max_lon, max_lat = self.kader
        schaal_x = math.cos(math.radians((min_lat + max_lat) / 2))
        vak_b = max(self.breedte - 2 * self.marge, 1.0)
        vak_h = max(self.hoogte - 2 * self.marge, 1.0)
        vorm_b = max((max_lon - min_lon) * schaal_x, 1e-9)
        vorm_h = max(max_lat - min_lat, 1e-9)
        schaal = min(vak_b / vorm_b, vak_h / vorm_h)
        return (
            schaal_x,
            schaal,
            (self.breedte - vorm_b * schaal) / 2,
            (self.hoogte - vorm_h * schaal) / 2,
        )

    def pad(self, polygonen: tuple[Polygoon, ...]) -> str:
        """The SVG path data of the polygons (rounded to 0.1 px, repeated points dropped)."""
        schaal_x, schaal, links, boven = self._maat
        min_lon, _, _, max_lat = self.kader
        delen = []
        for polygoon in polygonen:
            for ring in polygoon:
                punten: list[str] = []
                for lon, lat in ring[:-1]:
                    x = links + (lon - min_lon) * schaal_x * schaal
                    y = boven + (max_lat - lat) * schaal
                    punt = f"{_kort(x)} {_kort(y)}"
                    if not punten or punten[-1] != punt:
                        punten.append(punt)
                if len(punten) >= 3:
                    delen.append("M" + "L".join(punten) + "Z")
        return "".join(delen)


def kader_van(grenzen: Iterable[Grens]) -> tuple[float, float, float, float]:
    """The bounding box around several boundaries."""
    kaders = [g.kader for g in grenzen]
    return (
        min(k[0] for k in kaders),
        min(k[1] for k in kaders),
        max(k[2] for k in kaders),
        max(k[3] for k in kaders),
    )


def svg_omtrek(grens: Grens, *, breedte: int = 160, hoogte: int = 160) -> str:
    """A small inline SVG of the province's outline, centred in ``breedte`` x ``hoogte``.

    The SVG names the province in its <title> (escaped) and styles its single path through the
    CSS classes ``regio-omtrek-svg`` and ``regio-omtrek-vlak``; the presentation attributes are
    only a fallback in the page's text colour. The same input always gives the same text.
    """
    pad = Projectie(grens.kader, breedte, hoogte).pad(grens.polygonen)
    titel = html.escape(grens.naam, quote=True)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="regio-omtrek-svg" '
        f'viewBox="0 0 {breedte} {hoogte}" width="{breedte}" height="{hoogte}" role="img">'
        f"<title>{titel}</title>"
        f'<path class="regio-omtrek-vlak" d="{pad}" fill="currentColor" '
        'fill-opacity="0.15" fill-rule="evenodd" stroke="currentColor" stroke-width="1.5" '
        'stroke-linejoin="round" vector-effect="non-scaling-stroke"/></svg>'
    )


def _kort(getal: float) -> str:
    """A number rounded to one decimal, without a needless '.0' or '-0'."""
    tekst = f"{getal:.1f}".removesuffix(".0")
    return "0" if tekst == "-0" else tekst
