"""Import the twelve Dutch province boundaries into data/geo/provinces.geojson.

    python scripts/import_boundaries.py [--gpkg PATH] [--out data/geo/provinces.geojson]

The source is Natural Earth 1:10m Admin-1 (public domain), as generalised in the ``world_map.gpkg``
that Debian's package qgis-common ships (see data/geo/README.md for how to get it). The script uses
only the standard library: a GeoPackage is an SQLite database whose geometries are a small GPKG
header followed by WKB. The output is deterministic: the same input gives the same bytes.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import struct
import sys
from itertools import pairwise
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
GPKG = Path("/tmp/qgis/x/usr/share/qgis/resources/data/world_map.gpkg")
OUT = REPO / "data" / "geo" / "provinces.geojson"
LAYER = "states_provinces"
DECIMALS = 5  # about 1 m; the source is generalised far more than that

# Natural Earth names -> ISO 3166-2 codes. Every Dutch row must be here or in SKIP.
CODES: dict[str, str] = {
    "Groningen": "NL-GR",
    "Friesland": "NL-FR",
    "Drenthe": "NL-DR",
    "Overijssel": "NL-OV",
    "Flevoland": "NL-FL",
    "Gelderland": "NL-GE",
    "Utrecht": "NL-UT",
    "Noord-Holland": "NL-NH",
    "Zuid-Holland": "NL-ZH",
    "Zeeland": "NL-ZE",
    "Noord-Brabant": "NL-NB",
    "Limburg": "NL-LI",
}
# The Caribbean public bodies are part of the Netherlands but not provinces.
SKIP = {"Bonaire", "Saba", "St. Eustatius"}

Point = tuple[float, float]
Ring = list[Point]
Polygon = list[Ring]

# GPKG envelope indicator -> number of doubles in the envelope.
_ENVELOPE_DOUBLES = {0: 0, 1: 4, 2: 6, 3: 6, 4: 8}
_WKB_POLYGON = 3
_WKB_MULTIPOLYGON = 6


class ImportError_(Exception):
    """The source does not look like what this script expects."""


def wkb_from_gpkg(blob: bytes) -> bytes:
    """Strip the GeoPackage binary header (magic, version, flags, srs_id, envelope)."""
    if len(blob) < 8 or blob[:2] != b"GP":
        raise ImportError_("geometry is not a GeoPackage binary blob (no 'GP' magic)")
    flags = blob[3]
    if flags & 0b0010_0000:
        raise ImportError_("extended GeoPackage geometries are not supported")
    if flags & 0b0001_0000:
        raise ImportError_("empty geometry")
    indicator = (flags >> 1) & 0b111
    if indicator not in _ENVELOPE_DOUBLES:
        raise ImportError_(f"invalid envelope indicator {indicator}")
    return blob[8 + 8 * _ENVELOPE_DOUBLES[indicator] :]


class _WkbReader:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.offset = 0

    def _unpack(self, fmt: str) -> tuple[Any, ...]:
        size = struct.calcsize(fmt)
        if self.offset + size > len(self.data):
            raise ImportError_("WKB ends early")
        values = struct.unpack_from(fmt, self.data, self.offset)
        self.offset += size
        return values

    def header(self) -> tuple[str, int, int]:
        """(byte order prefix, 2D geometry type, number of coordinates per point)."""
        (order,) = self._unpack("B")
        if order not in (0, 1):
            raise ImportError_(f"invalid WKB byte order {order}")
        endian = "<" if order == 1 else ">"
        (kind,) = self._unpack(f"{endian}I")
        if kind & 0xE0000000:  # EWKB flags: Z, M, SRID
            raise ImportError_("EWKB is not supported")
        dims = {0: 2, 1: 3, 2: 3, 3: 4}.get(kind // 1000)
        if dims is None:
            raise ImportError_(f"unknown WKB geometry type {kind}")
        return endian, kind % 1000, dims

    def ring(self, endian: str, dims: int) -> Ring:
        (count,) = self._unpack(f"{endian}I")
        points = []
        for _ in range(count):
            values = self._unpack(f"{endian}{dims}d")
            points.append((float(values[0]), float(values[1])))
        return points

    def polygon_body(self, endian: str, dims: int) -> Polygon:
        (count,) = self._unpack(f"{endian}I")
        return [self.ring(endian, dims) for _ in range(count)]

    def geometry(self) -> list[Polygon]:
        endian, kind, dims = self.header()
        if kind == _WKB_POLYGON:
            return [self.polygon_body(endian, dims)]
        if kind != _WKB_MULTIPOLYGON:
            raise ImportError_(f"expected a (multi)polygon, got WKB type {kind}")
        (count,) = self._unpack(f"{endian}I")
        polygons = []
        for _ in range(count):
            inner_endian, inner_kind, inner_dims = self.header()
            if inner_kind != _WKB_POLYGON:
                raise ImportError_(f"multipolygon holds WKB type {inner_kind}")
            polygons.append(self.polygon_body(inner_endian, inner_dims))
        return polygons


def parse_wkb(data: bytes) -> list[Polygon]:
    reader = _WkbReader(data)
    polygons = reader.geometry()
    if reader.offset != len(data):
        raise ImportError_("trailing bytes after the WKB geometry")
    return polygons


def _signed_area(ring: Ring) -> float:
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in pairwise(ring)) / 2


def clean_ring(ring: Ring, *, outer: bool) -> Ring | None:
    """Round, drop consecutive duplicates, close, orient (RFC 7946: outer counter-clockwise).

    None when fewer than three distinct points are left.
    """
    rounded: Ring = []
    for lon, lat in ring:
        point = (round(lon, DECIMALS) + 0.0, round(lat, DECIMALS) + 0.0)  # + 0.0: no -0.0
        if not rounded or rounded[-1] != point:
            rounded.append(point)
    while len(rounded) > 1 and rounded[-1] == rounded[0]:
        rounded.pop()
    if len(set(rounded)) < 3:
        return None
    rounded.append(rounded[0])
    area = _signed_area(rounded)
    if area == 0:
        return None
    if (area > 0) != outer:
        rounded.reverse()
    return rounded


def clean_polygons(polygons: list[Polygon]) -> list[Polygon]:
    result = []
    for polygon in polygons:
        if not polygon:
            continue
        outer = clean_ring(polygon[0], outer=True)
        if outer is None:
            continue
        holes = [clean_ring(hole, outer=False) for hole in polygon[1:]]
        result.append([outer, *(hole for hole in holes if hole is not None)])
    return result


def read_provinces(gpkg: Path) -> list[dict[str, Any]]:
    """The Dutch provinces as GeoJSON features, sorted by code."""
    if not gpkg.is_file():
        raise ImportError_(f"{gpkg} does not exist; see data/geo/README.md")
    connection = sqlite3.connect(f"file:{gpkg}?mode=ro", uri=True)
    try:
        rows = connection.execute(
            f"SELECT name, geom FROM {LAYER} WHERE adm0_a3 = 'NLD' ORDER BY name"
        ).fetchall()
    finally:
        connection.close()
    features: dict[str, dict[str, Any]] = {}
    for name, blob in rows:
        if name in SKIP:
            continue
        if name not in CODES:
            raise ImportError_(f"unexpected Dutch admin-1 name {name!r}: extend CODES or SKIP")
        code = CODES[name]
        if code in features:
            raise ImportError_(f"{name!r} occurs more than once")
        polygons = clean_polygons(parse_wkb(wkb_from_gpkg(blob)))
        if not polygons:
            raise ImportError_(f"{name!r} has no usable polygon")
        features[code] = {
            "type": "Feature",
            "id": code,
            "properties": {"code": code, "naam": name},
            "geometry": {
                "type": "MultiPolygon",
                "coordinates": [[[list(p) for p in ring] for ring in poly] for poly in polygons],
            },
        }
    missing = sorted(set(CODES.values()) - set(features))
    if missing:
        raise ImportError_(f"provinces missing from the source: {', '.join(missing)}")
    return [features[code] for code in sorted(features)]


def to_geojson(features: list[dict[str, Any]]) -> str:
    """Compact JSON with one feature per line, so a refresh gives a readable diff."""
    regels = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features]
    return '{"type":"FeatureCollection","features":[\n' + ",\n".join(regels) + "\n]}\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Import Dutch province boundaries as GeoJSON.")
    parser.add_argument("--gpkg", type=Path, default=GPKG, help=f"world_map.gpkg (default {GPKG})")
    parser.add_argument("--out", type=Path, default=OUT, help="output file")
    args = parser.parse_args(argv)
    try:
        tekst = to_geojson(read_provinces(args.gpkg))
    except (ImportError_, sqlite3.Error) as exc:
        print(f"import_boundaries: {exc}", file=sys.stderr)
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(tekst, encoding="utf-8")
    print(f"{args.out}: {len(tekst.encode())} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
