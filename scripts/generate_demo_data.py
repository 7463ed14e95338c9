"""Generate clearly fictional, valid demo data for benchmarks, tests and screenshots.

    python scripts/generate_demo_data.py --size 5000 --seed 1 --out /tmp/demo

Every organisation, person and partnership is called "Voorbeeld…", every address is on
example.org and nobody gets a phone number. Provinces and towns are real, so the map and province
pages look like the real thing. Output is deterministic for a seed. It never writes into the
repository's data/ directory.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

REPO_DATA = (Path(__file__).resolve().parent.parent / "data").resolve()
# The real province boundaries and place names: the demo data uses the real provinces and towns,
# so it uses these too.
GRENZEN = REPO_DATA / "geo" / "provinces.geojson"
GEMEENTEN = REPO_DATA / "geo" / "gemeenten.topojson"
PLAATSEN = REPO_DATA / "geo" / "plaatsen.json"

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


def generate(size: int, seed: int) -> tuple[dict[str, Any], dict[str, Any]]:
    """(regions, contacts) with about ``size`` entities besides the provinces."""
    rng = random.Random(seed)
    provincie_ids = sorted(PROVINCIES)
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


def write(out: Path, size: int, seed: int) -> None:
    if out.resolve() == REPO_DATA:
        raise SystemExit(
            "generate_demo_data: weigert te schrijven in data/ (alleen echte gegevens)."
        )
    regions, contacts = generate(size, seed)
    out.mkdir(parents=True, exist_ok=True)
    for naam, inhoud in (("regions.yaml", regions), ("contacts.yaml", contacts)):
        tekst = yaml.safe_dump(inhoud, allow_unicode=True, sort_keys=False, width=100)
        (out / naam).write_text(KOP + tekst, encoding="utf-8")
    (out / "geo").mkdir(exist_ok=True)
    shutil.copyfile(GRENZEN, out / "geo" / "provinces.geojson")
    shutil.copyfile(GEMEENTEN, out / "geo" / "gemeenten.topojson")
    shutil.copyfile(PLAATSEN, out / "geo" / "plaatsen.json")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Maak fictieve voorbeeldgegevens.")
    parser.add_argument(
        "--size", type=int, required=True, help="aantal entiteiten (naast provincies)"
    )
    parser.add_argument("--seed", type=int, default=1, help="startwaarde; zelfde seed, zelfde data")
    parser.add_argument("--out", type=Path, required=True, help="doelmap (nooit data/)")
    args = parser.parse_args(argv)
    write(args.out, args.size, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
