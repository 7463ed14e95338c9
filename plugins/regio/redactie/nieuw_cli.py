"""The command line of `regio nieuw <soort>`: one option per field of the kind's model."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date

from regio.redactie.nieuw import DATUM, Soort, Toevoeging, Uitvoer, Vraag, collecties, velden

_METAVAR: dict[Soort, str] = {
    "tekst": "TEKST",
    "keuze": "KEUZE",
    "keuzelijst": "A,B",
    "lijst": "A,B",
    "ja-nee": "JA/NEE",
    "datum": "JJJJ-MM-DD",
    "getal": "GETAL",
    "coordinaten": "LAT,LON",
}


def _datum(tekst: str) -> date:
    try:
        if not DATUM.match(tekst):
            raise ValueError(tekst)
        return date.fromisoformat(tekst)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{tekst}' is geen datum; schrijf JJJJ-MM-DD") from None


def voeg_parser_toe(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    data_dir_argument: Callable[[argparse.ArgumentParser], None],
    hulp: str,
) -> None:
    """`regio nieuw <soort>` with one option per model field."""
    nieuw = sub.add_parser(
        "nieuw",
        help=hulp,
        description="Voeg een nieuw item toe aan het juiste gegevensbestand. In een terminal "
        "vraagt de opdracht de velden één voor één; velden kunnen ook als opties worden "
        "meegegeven. De gegevens worden eerst gecontroleerd zoals 'regio validate' dat doet. "
        "Exitcode 0: toegevoegd, 1: fouten in de gegevens, 2: verkeerd gebruik.",
    )
    soorten = nieuw.add_subparsers(dest="soort", metavar="SOORT", required=True)
    for collectie in collecties().values():
        parser = soorten.add_parser(
            collectie.soort,
            help=f"nieuw {collectie.soort} in {collectie.bestand} ({collectie.naam})",
            description=f"Voeg een {collectie.soort} toe aan data/{collectie.bestand}. Lijsten: "
            "waarden gescheiden door komma's, of herhaal de optie.",
        )
        data_dir_argument(parser)
        parser.add_argument(
            "--geen-vragen",
            action="store_true",
            help="vraag niets; ontbrekende verplichte velden zijn een fout",
        )
        parser.add_argument(
            "--gecontroleerd",
            type=_datum,
            default=None,
            metavar="JJJJ-MM-DD",
            help="datum waarop de gegevens zijn nagekeken (standaard: vandaag)",
        )
        for veld in velden(collectie.model):
            hint = f" ({veld.hint})" if veld.hint else ""
            verplicht = " Verplicht." if veld.verplicht and veld.naam != "id" else ""
            standaard = " Standaard: gemaakt uit de naam." if veld.naam == "id" else ""
            parser.add_argument(
                veld.optie,
                dest=f"veld_{veld.naam}",
                metavar=_METAVAR[veld.soort],
                action="append" if veld.soort in ("lijst", "keuzelijst") else "store",
                help=f"{veld.beschrijving}{hint}{verplicht}{standaard}",
            )


def uit_argumenten(args: argparse.Namespace, vraag: Vraag | None, toon: Uitvoer) -> Toevoeging:
    collectie = collecties()[args.soort]
    antwoorden: dict[str, str | list[str]] = {}
    for veld in velden(collectie.model):
        gegeven = getattr(args, f"veld_{veld.naam}", None)
        if gegeven is not None:
            antwoorden[veld.naam] = gegeven
    return Toevoeging(
        collectie,
        args.data_dir,
        str(args.data_dir),
        antwoorden,
        args.gecontroleerd or date.today(),
        None if args.geen_vragen else vraag,
        toon,
    )
