"""Generate clearly fictional, valid demo data for benchmarks, tests and screenshots.

    python scripts/generate_demo_data.py --size 5000 --seed 1 --out /tmp/demo [--geo DIR]

Every organisation, person and partnership is called "Voorbeeld…", every address is on
example.org and nobody gets a phone number. Provinces and towns are real, so the map and province
pages look like the real thing. Output is deterministic for a seed. It never writes into the
repository's data/ directory.

The geography (provinces.geojson, gemeenten.topojson, plaatsen.json) is the real one in data/geo;
``--geo DIR`` takes it from DIR instead, and only the provinces DIR has a boundary for take part
(the test suite's smoke run uses the small fixture geography: two provinces, 39 gemeenten).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

REPO_DATA = (Path(__file__).resolve().parent.parent / "data").resolve()
# The real province boundaries and place names: the demo data uses the real provinces and towns,
# so it uses these too.
ECHTE_GEO = REPO_DATA / "geo"
GEO_BESTANDEN = ("provinces.geojson", "gemeenten.topojson", "plaatsen.json")

# The twelve provinces with a few real towns each (public geography).
PROVINCIES: dict[str, tuple[str, str, str, tuple[str, ...]]] = {
    "drenthe": ("Drenthe", "NL-DR", "Assen", ("Assen", "Emmen", "Hoogeveen", "Meppel")),
    "flevoland": ("Flevoland", "NL-FL", "Lelystad", ("Lelystad", "Almere", "Dronten", "Emmeloord")),
    "friesland": (
        "Fryslân",
        "NL-FR",
        "Leeuwarden",
        ("Leeuwarden", "Sneek", "Heerenveen", "Drachten"),
    ),
    "gelderland": ("Gelderland", "NL-GE", "Arnhem", ("Arnhem", "Nijmegen", "Apeldoorn", "Ede")),
    "groningen": (
        "Groningen",
        "NL-GR",
        "Groningen",
        ("Groningen", "Veendam", "Delfzijl", "Stadskanaal"),
    ),
    "limburg": ("Limburg", "NL-LI", "Maastricht", ("Maastricht", "Venlo", "Heerlen", "Roermond")),
    "noord-brabant": (
        "Noord-Brabant",
        "NL-NB",
        "'s-Hertogenbosch",
        ("'s-Hertogenbosch", "Eindhoven", "Tilburg", "Breda"),
    ),
    "noord-holland": (
        "Noord-Holland",
        "NL-NH",
        "Haarlem",
        ("Haarlem", "Amsterdam", "Alkmaar", "Hoorn"),
    ),
    "overijssel": ("Overijssel", "NL-OV", "Zwolle", ("Zwolle", "Enschede", "Deventer", "Hengelo")),
    "utrecht": ("Utrecht", "NL-UT", "Utrecht", ("Utrecht", "Amersfoort", "Zeist", "Nieuwegein")),
    "zeeland": (
        "Zeeland",
        "NL-ZE",
        "Middelburg",
        ("Middelburg", "Vlissingen", "Goes", "Terneuzen"),
    ),
    "zuid-holland": (
        "Zuid-Holland",
        "NL-ZH",
        "Den Haag",
        ("Den Haag", "Rotterdam", "Leiden", "Delft"),
    ),
}

SECTOREN = ("po", "so", "vso", "vo", "mbo")
KOP = "# Fictieve voorbeeldgegevens, gemaakt door scripts/generate_demo_data.py. Niet echt.\n"


def _bron(soort: str, nummer: int) -> list[str]:
    return [f"https://example.org/{soort}/{nummer}"]


def provincies_in(geo: Path) -> list[str]:
    """The ids of :data:`PROVINCIES` that ``geo``/provinces.geojson has a boundary for."""
    grenzen = json.loads((geo / "provinces.geojson").read_text(encoding="utf-8"))
    codes = {kenmerk["properties"]["code"] for kenmerk in grenzen["features"]}
    return sorted(ident for ident, (_, code, _, _) in PROVINCIES.items() if code in codes)


def generate(
    size: int, seed: int, provincie_ids: list[str] | None = None
) -> tuple[dict[str, Any], dict[str, Any]]:
    """(regions, contacts) with about ``size`` entities besides the provinces (all twelve, or
    ``provincie_ids``)."""
    rng = random.Random(seed)
    provincie_ids = sorted(provincie_ids or PROVINCIES)
    n_organisaties = max(2, size * 20 // 100)
    n_personen = max(len(provincie_ids), size * 10 // 100)
    n_regios = max(1, size * 10 // 100)
    n_partnerschappen = max(1, size * 35 // 100)
    n_projecten = max(1, size - n_organisaties - n_personen - n_regios - n_partnerschappen)

    organisaties: list[dict[str, Any]] = [
        {
            "id": "arbeidsmarktplatform-po",
            "naam": "Voorbeeldplatform PO",
            "soort": "ondersteuning",
            "sectoren": ["po"],
            "website": "https://example.org/",
            "bron": _bron("organisatie", 0),
        }
    ]
    for n in range(1, n_organisaties):
        provincie = PROVINCIES[rng.choice(provincie_ids)]
        organisaties.append(
            {
                "id": f"voorbeeld-organisatie-{n}",
                "naam": f"Voorbeeldorganisatie {n}",
                "soort": rng.choice(["lerarenopleiding", "schoolbestuur", "onderwijsinstelling"]),
                "sectoren": sorted(rng.sample(SECTOREN, 2)),
                "plaats": rng.choice(provincie[3]),
                "email": f"info{n}@example.org",
                "bron": _bron("organisatie", n),
            }
        )
    personen = [
        {
            "id": f"voorbeeldpersoon-{n}",
            "naam": f"Voorbeeldpersoon {n}",
            "functie": "regiocoördinator" if n < len(provincie_ids) else "contactpersoon",
            "organisatie": "arbeidsmarktplatform-po"
            if n < len(provincie_ids)
            else organisaties[rng.randrange(1, len(organisaties))]["id"],
            "email": f"persoon{n}@example.org",
            "openbaar": True,
            "bron": _bron("persoon", n),
        }
        for n in range(n_personen)
    ]
    provincies = [
        {
            "id": ident,
            "naam": PROVINCIES[ident][0],
            "code": PROVINCIES[ident][1],
            "hoofdstad": PROVINCIES[ident][2],
            "regiocoordinator": f"voorbeeldpersoon-{index}",
            "bron": _bron("provincie", index),
        }
        for index, ident in enumerate(provincie_ids)
    ]
    programmas = [
        {
            "id": "voorbeeldprogramma",
            "naam": "Voorbeeldprogramma",
            "beschrijving": "Een fictief programma voor de voorbeeldgegevens.",
            "start": "2020-01-01",
            "bron": _bron("programma", 1),
        }
    ]

    def gebied(soort: str, n: int) -> dict[str, Any]:
        provincie = rng.choice(provincie_ids)
        entiteit: dict[str, Any] = {
            "id": f"voorbeeld-{soort}-{n}",
            "naam": f"Voorbeeld{soort} {n}",
            "sectoren": sorted(rng.sample(SECTOREN, rng.randint(1, 2))),
            "provincies": [provincie],
            "plaats": rng.choice(PROVINCIES[provincie][3]),
            "penvoerder": organisaties[rng.randrange(1, len(organisaties))]["id"],
            "toelichting": f"Fictieve toelichting bij voorbeeld{soort} {n}.",
            "bron": _bron(soort, n),
        }
        return entiteit

    onderwijsregios = [
        {**gebied("regio", n), "status": rng.choice(["voorloper", "in-oprichting", "onbekend"])}
        for n in range(n_regios)
    ]
    partnerschappen = [
        {
            **gebied("partnerschap", n),
            "status": rng.choice(["erkend", "aspirant", "onbekend"]),
            "opleidingen": [organisaties[rng.randrange(1, len(organisaties))]["id"]],
        }
        for n in range(n_partnerschappen)
    ]
    projecten = [
        {**gebied("project", n), "programma": "voorbeeldprogramma", "start": "2021-01-01"}
        for n in range(n_projecten)
    ]
    regions = {
        "provincies": provincies,
        "programmas": programmas,
        "onderwijsregios": onderwijsregios,
        "partnerschappen": partnerschappen,
        "projecten": projecten,
    }
    contacts = {"organisaties": organisaties, "personen": personen}
    return regions, contacts


def write(out: Path, size: int, seed: int, geo: Path = ECHTE_GEO) -> None:
    if out.resolve() == REPO_DATA:
        raise SystemExit(
            "generate_demo_data: weigert te schrijven in data/ (alleen echte gegevens)."
        )
    ontbreekt = [naam for naam in GEO_BESTANDEN if not (geo / naam).is_file()]
    if ontbreekt:
        raise SystemExit(f"generate_demo_data: {geo} mist {', '.join(ontbreekt)}.")
    provincie_ids = provincies_in(geo)
    if not provincie_ids:
        raise SystemExit(f"generate_demo_data: {geo}/provinces.geojson heeft geen provincie.")
    regions, contacts = generate(size, seed, provincie_ids)
    out.mkdir(parents=True, exist_ok=True)
    for naam, inhoud in (("regions.yaml", regions), ("contacts.yaml", contacts)):
        tekst = yaml.safe_dump(inhoud, allow_unicode=True, sort_keys=False, width=100)
        (out / naam).write_text(KOP + tekst, encoding="utf-8")
    (out / "geo").mkdir(exist_ok=True)
    for naam in GEO_BESTANDEN:
        shutil.copyfile(geo / naam, out / "geo" / naam)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Maak fictieve voorbeeldgegevens.")
    parser.add_argument(
        "--size", type=int, required=True, help="aantal entiteiten (naast provincies)"
    )
    parser.add_argument("--seed", type=int, default=1, help="startwaarde; zelfde seed, zelfde data")
    parser.add_argument("--out", type=Path, required=True, help="doelmap (nooit data/)")
    parser.add_argument(
        "--geo",
        type=Path,
        default=ECHTE_GEO,
        help="map met provinces.geojson, gemeenten.topojson en plaatsen.json (standaard: de "
        "echte in data/geo); alleen de provincies met een grens daarin doen mee",
    )
    args = parser.parse_args(argv)
    write(args.out, args.size, args.seed, args.geo)
    return 0


if __name__ == "__main__":
    sys.exit(main())
