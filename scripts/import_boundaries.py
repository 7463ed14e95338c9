"""Import the CBS gemeente and province boundaries into data/geo/.

    .venv/bin/python scripts/import_boundaries.py [--gemeenten PATH] [--provincies PATH] [--out DIR]

The sources are CBS's generalised boundaries of 2025 as TopoJSON (see data/geo/README.md and
../shared/geo/cbs/README.md). The script writes

- ``gemeenten.topojson``: the gemeenten with properties ``code``, ``naam`` and ``provincie``; the
  arcs stay quantized and delta-encoded, so shared borders stay shared. Each gemeente is put in
  the CBS province polygon that holds a point inside it, and the counts per province must match
  the known facts (AANTALLEN) or the script stops.
- ``provinces.geojson``: each province's outline derived from its gemeenten (the arcs used by
  exactly one of them), so province and gemeente borders agree exactly.

Standard library and :mod:`regio.gegevens.gemeenten` (itself standard library only, and the same arc
cancellation the site uses). The same input gives the same bytes.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from itertools import pairwise
from pathlib import Path
from typing import Any

from regio.gegevens.gemeenten import OBJECT, Gemeenten, gemeenten_uit_topologie
from regio.gegevens.grenzen import Polygoon, in_polygonen
from regio.gegevens.topologie import (
    Boog,
    Transformatie,
    binnenpunt,
    bogen_uit_delta,
    ring_punten,
)

REPO = Path(__file__).resolve().parent.parent
CBS = REPO.parent / "shared" / "geo" / "cbs"
GEMEENTEN_BRON = CBS / "gemeente_2025.topojson"
PROVINCIES_BRON = CBS / "provincie_2025.topojson"
OUT = REPO / "data" / "geo"

# CBS province statcode -> (ISO 3166-2 code, name as CBS writes it).
PROVINCIES: dict[str, tuple[str, str]] = {
    "PV20": ("NL-GR", "Groningen"),
    "PV21": ("NL-FR", "Fryslân"),
    "PV22": ("NL-DR", "Drenthe"),
    "PV23": ("NL-OV", "Overijssel"),
    "PV24": ("NL-FL", "Flevoland"),
    "PV25": ("NL-GE", "Gelderland"),
    "PV26": ("NL-UT", "Utrecht"),
    "PV27": ("NL-NH", "Noord-Holland"),
    "PV28": ("NL-ZH", "Zuid-Holland"),
    "PV29": ("NL-ZE", "Zeeland"),
    "PV30": ("NL-NB", "Noord-Brabant"),
    "PV31": ("NL-LI", "Limburg"),
}
NAMEN = dict(PROVINCIES.values())
# Gemeenten per province on 1 January 2025 (342 in all). Update with each year's mergers.
AANTALLEN: dict[str, int] = {
    "NL-DR": 12,
    "NL-FL": 6,
    "NL-FR": 18,
    "NL-GE": 51,
    "NL-GR": 10,
    "NL-LI": 31,
    "NL-NB": 56,
    "NL-NH": 44,
    "NL-OV": 25,
    "NL-UT": 26,
    "NL-ZE": 13,
    "NL-ZH": 50,
}


class ImportError_(Exception):
    """The source does not look like what this script expects."""


# -- reading CBS TopoJSON -------------------------------------------------------------------------


def read_topology(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise ImportError_(f"{path} does not exist; see data/geo/README.md")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ImportError_(f"{path} is not valid JSON: {exc}") from exc
    if not isinstance(data, dict) or data.get("type") != "Topology" or "transform" not in data:
        raise ImportError_(f"{path} is not a quantized TopoJSON Topology")
    objects = data.get("objects")
    if not isinstance(objects, dict) or len(objects) != 1:
        raise ImportError_(f"{path} should hold exactly one object (a GeometryCollection)")
    return data


def geometries(topology: dict[str, Any]) -> list[dict[str, Any]]:
    """The features of the topology's single GeometryCollection."""
    [collection] = topology["objects"].values()
    return list(collection["geometries"])


def transformation(topology: dict[str, Any]) -> Transformatie:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    return Transformatie(float(sx), float(sy), float(tx), float(ty))


def arc_polygons(geometry: dict[str, Any]) -> list[list[list[int]]]:
    """Arc references per ring per polygon, for a Polygon or a MultiPolygon."""
    if geometry.get("type") == "Polygon":
        return [geometry["arcs"]]
    if geometry.get("type") == "MultiPolygon":
        return list(geometry["arcs"])
    raise ImportError_(f"{geometry.get('id')}: expected a (Multi)Polygon")


def polygons(
    geometry: dict[str, Any], arcs: list[Boog], transform: Transformatie
) -> list[Polygoon]:
    """The geometry's polygons in (lon, lat), rings closed."""
    return [
        tuple(tuple(transform.graden(p) for p in ring_punten(ring, arcs)) for ring in polygon)
        for polygon in arc_polygons(geometry)
    ]


def _area(polygon: Polygoon) -> float:
    ring = polygon[0]
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in pairwise(ring)))


# -- assigning gemeenten to provinces -----------------------------------------------------------


def assign_provinces(
    gemeenten: dict[str, Any], provincies: dict[str, Any], counts: dict[str, int]
) -> dict[str, str]:
    """ISO province code by gemeente statcode, tested with a point inside each gemeente's largest
    polygon. Stops when a gemeente lies in no province or in two, or when the counts per province
    differ from ``counts``."""
    shapes: dict[str, list[Polygoon]] = {}
    province_arcs, province_transform = (
        bogen_uit_delta(provincies["arcs"]),
        transformation(provincies),
    )
    gemeente_arcs, gemeente_transform = (
        bogen_uit_delta(gemeenten["arcs"]),
        transformation(gemeenten),
    )
    for geometry in geometries(provincies):
        statcode, statnaam = geometry["properties"]["statcode"], geometry["properties"]["statnaam"]
        if statcode not in PROVINCIES:
            raise ImportError_(f"unknown province {statcode} ({statnaam}): extend PROVINCIES")
        code, naam = PROVINCIES[statcode]
        if statnaam != naam:
            raise ImportError_(f"province {statcode} is called {statnaam!r}, expected {naam!r}")
        shapes[code] = polygons(geometry, province_arcs, province_transform)
    result: dict[str, str] = {}
    problems = []
    for geometry in geometries(gemeenten):
        props = geometry["properties"]
        largest = max(polygons(geometry, gemeente_arcs, gemeente_transform), key=_area)
        lon, lat = binnenpunt(largest)
        found = sorted(code for code, shape in shapes.items() if in_polygonen(shape, lon, lat))
        label = f"{props['statcode']} {props['statnaam']} (point {lon:.5f}, {lat:.5f})"
        if len(found) != 1:
            where = " and ".join(found) if found else "no province"
            problems.append(f"{label} lies in {where}")
            continue
        result[props["statcode"]] = found[0]
    if problems:
        raise ImportError_("; ".join(problems))
    found_counts = Counter(result.values())
    if found_counts != Counter(counts):
        differences = ", ".join(
            f"{code} {found_counts[code]} (expected {counts.get(code, 0)})"
            for code in sorted(set(found_counts) | set(counts))
            if found_counts[code] != counts.get(code, 0)
        )
        raise ImportError_(f"gemeenten per province differ from the facts: {differences}")
    return result


# -- writing ------------------------------------------------------------------------------------


def merged_arcs(raw: list[Any]) -> dict[int, int]:
    """For each arc, the reference of the first arc with the same positions (either way round).

    The CBS file holds a few such duplicates (two gemeenten drew the same short border as two
    arcs); merged, the border is shared and cancels out in a province's outline."""
    first: dict[Boog, int] = {}
    result = {}
    for index, arc in enumerate(bogen_uit_delta(raw)):
        if arc in first:
            result[index] = first[arc]
        elif arc[::-1] in first:
            result[index] = ~first[arc[::-1]]
        else:
            first[arc] = result[index] = index
    return result


def gemeenten_topology(gemeenten: dict[str, Any], provincie: dict[str, str]) -> dict[str, Any]:
    """Our topology: features sorted by code with code, naam and provincie; duplicate arcs merged
    and unused arcs dropped (the others keep their order and their delta-encoded positions)."""
    features = sorted(geometries(gemeenten), key=lambda g: str(g["properties"]["statcode"]))
    merged = merged_arcs(gemeenten["arcs"])

    def resolve(ref: int) -> int:
        return merged[ref] if ref >= 0 else ~merged[~ref]

    used = sorted(
        {
            ref if ref >= 0 else ~ref
            for feature in features
            for polygon in arc_polygons(feature)
            for ring in polygon
            for ref in map(resolve, ring)
        }
    )
    number = {old: new for new, old in enumerate(used)}

    def renumber(ref: int) -> int:
        ref = resolve(ref)
        return number[ref] if ref >= 0 else ~number[~ref]

    out = []
    for feature in features:
        props = feature["properties"]
        arcs = [[[renumber(r) for r in ring] for ring in p] for p in arc_polygons(feature)]
        out.append(
            {
                "type": feature["type"],
                "arcs": arcs[0] if feature["type"] == "Polygon" else arcs,
                "properties": {
                    "code": props["statcode"],
                    "naam": props["statnaam"],
                    "provincie": provincie[props["statcode"]],
                },
            }
        )
    return {
        "type": "Topology",
        "transform": gemeenten["transform"],
        "objects": {OBJECT: {"type": "GeometryCollection", "geometries": out}},
        "arcs": [gemeenten["arcs"][i] for i in used],
    }


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def to_topojson(topology: dict[str, Any]) -> str:
    """Compact JSON with one feature and one arc per line, so a new year gives a readable diff."""
    collection = topology["objects"][OBJECT]
    return (
        f'{{"type":"Topology","transform":{_compact(topology["transform"])},'
        f'"objects":{{"{OBJECT}":{{"type":"GeometryCollection","geometries":[\n'
        + ",\n".join(_compact(g) for g in collection["geometries"])
        + '\n]}},"arcs":[\n'
        + ",\n".join(_compact(a) for a in topology["arcs"])
        + "\n]}\n"
    )


def province_features(gemeenten: Gemeenten) -> list[dict[str, Any]]:
    """One GeoJSON feature per province, its outline derived from its gemeenten, sorted by code."""
    features = []
    for code in sorted({g.provincie for g in gemeenten}):
        outline = gemeenten.omtrek(g.code for g in gemeenten.in_provincie(code))
        features.append(
            {
                "type": "Feature",
                "id": code,
                "properties": {"code": code, "naam": NAMEN[code]},
                "geometry": {
                    "type": "MultiPolygon",
                    "coordinates": [[[list(p) for p in ring] for ring in poly] for poly in outline],
                },
            }
        )
    return features


def to_geojson(features: list[dict[str, Any]]) -> str:
    """Compact JSON with one feature per line, so a refresh gives a readable diff."""
    return (
        '{"type":"FeatureCollection","features":[\n'
        + ",\n".join(_compact(f) for f in features)
        + "\n]}\n"
    )


def provinces_from_topojson(text: str) -> str:
    """provinces.geojson derived from the text of gemeenten.topojson."""
    gemeenten, problems = gemeenten_uit_topologie(json.loads(text), "gemeenten.topojson")
    if gemeenten is None or problems:
        raise ImportError_("; ".join(p.melding for p in problems))
    return to_geojson(province_features(gemeenten))


def build(
    gemeenten_path: Path, provincies_path: Path, counts: dict[str, int] = AANTALLEN
) -> dict[str, str]:
    """File name -> text of the two files to write into data/geo/."""
    gemeenten = read_topology(gemeenten_path)
    provincies = read_topology(provincies_path)
    topology = to_topojson(
        gemeenten_topology(gemeenten, assign_provinces(gemeenten, provincies, counts))
    )
    return {"gemeenten.topojson": topology, "provinces.geojson": provinces_from_topojson(topology)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Import CBS gemeente and province boundaries.")
    parser.add_argument(
        "--gemeenten", type=Path, default=GEMEENTEN_BRON, help="CBS gemeente TopoJSON"
    )
    parser.add_argument(
        "--provincies", type=Path, default=PROVINCIES_BRON, help="CBS provincie TopoJSON"
    )
    parser.add_argument("--out", type=Path, default=OUT, help="output folder (data/geo)")
    args = parser.parse_args(argv)
    try:
        files = build(args.gemeenten, args.provincies)
    except (ImportError_, KeyError, TypeError, ValueError) as exc:
        print(f"import_boundaries: {exc}", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (args.out / name).write_text(text, encoding="utf-8")
        print(f"{args.out / name}: {len(text.encode())} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
