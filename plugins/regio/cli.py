"""The `regio` command line: validate the data and write the JSON Schemas. Dutch for editors."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from regio.gegevens import problems as p
from regio.gegevens.validate import valideer
from regio.site import Site

# Each command imports what only it needs (the map needs folium and numpy, `nieuw` and `fmt`
# ruamel.yaml, the pages Jinja): `regio validate` starts in a quarter of a second.

# argparse's own texts, in Dutch (argparse looks its texts up through `_` at call time).
_ARGPARSE_NL = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ongeldige keuze: %(value)r (kies uit %(choices)s)"
    ),
    "the following arguments are required: %s": "deze argumenten zijn verplicht: %s",
    "expected one argument": "verwacht één waarde",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "invalid %(type)s value: %(value)r": "ongeldige waarde: %(value)r",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "ambiguous option: %(option)s could match %(matches)s": (
        "dubbelzinnige optie: %(option)s kan %(matches)s zijn"
    ),
}
argparse._ = lambda text: _ARGPARSE_NL.get(text, text)  # type: ignore[attr-defined]

FORMATEN = ("text", "github", "json")


def _positief(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is geen geheel getal") from None
    if value < 1:
        raise argparse.ArgumentTypeError("moet 1 of meer zijn")
    return value


def _data_dir_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir", type=Path, default=Path("data"), help="map met de gegevens (standaard: data)"
    )


def _ontbrekende_map(data_dir: Path) -> bool:
    """Say so (a usage error) when the data directory does not exist."""
    if data_dir.is_dir():
        return False
    print(f"regio: fout: map '{data_dir}' bestaat niet.", file=sys.stderr)
    return True


NIEUW_HULP = "voeg een partnerschap, project, onderwijsregio, persoon of organisatie toe"


def _parser(met_nieuw: bool = True) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="regio",
        description="Gereedschap voor de gegevens van regio-infrastructuur.",
    )
    sub = parser.add_subparsers(dest="opdracht", metavar="OPDRACHT", required=True)

    validate = sub.add_parser(
        "validate",
        help="controleer data/regions.yaml en data/contacts.yaml",
        description="Controleer de gegevens. Exitcode 0: geldig, 1: fouten in de gegevens, "
        "2: verkeerd gebruik van de opdracht.",
    )
    _data_dir_argument(validate)
    validate.add_argument(
        "--format",
        choices=FORMATEN,
        default="text",
        help="text (standaard), github (annotaties voor GitHub Actions) of json",
    )
    validate.add_argument(
        "--stale",
        type=_positief,
        metavar="MAANDEN",
        help="waarschuw voor gegevens die langer dan MAANDEN niet zijn gecontroleerd",
    )
    validate.add_argument(
        "--strict",
        action="store_true",
        help="behandel waarschuwingen (zoals een ontbrekende bron) als fouten",
    )

    render = sub.add_parser(
        "render",
        help="schrijf de gegenereerde Markdown-pagina's naar een map",
        description="Controleer de gegevens en schrijf dezelfde Markdown-pagina's (en de kaart en "
        "de open data) die de MkDocs-plugin maakt naar een map, zodat ze ook zonder de plugin te "
        "bouwen zijn. Staan er al eigen pagina's in die map met een markering zoals "
        "<!-- regio:ingang -->, dan wordt die ingevuld, net als door de plugin.",
    )
    _data_dir_argument(render)
    render.add_argument(
        "--out", type=Path, required=True, help="doelmap voor de Markdown-bestanden"
    )
    render.add_argument(
        "--repo-url",
        default="",
        help="repository met de gegevens, voor de links 'Wijziging voorstellen'",
    )
    render.add_argument(
        "--redactie-pagina",
        metavar="PAD",
        help="pagina (bijv. redactie.md) waar 'Wijziging voorstellen' heen wijst zonder repository",
    )
    render.add_argument(
        "--colofon-pagina",
        metavar="PAD",
        help="pagina met het colofon (bijv. privacy.md), waar 'Meld het' heen wijst zonder adres",
    )
    for optie, uitleg in (
        ("--uitgever", "wie de site uitgeeft, voor het colofon"),
        ("--contact-email", "contactadres van de uitgever, voor het colofon"),
        ("--meld-url", "formulier voor 'Klopt er iets niet? Meld het'"),
        ("--meld-email", "e-mailadres voor meldingen (standaard: het contactadres)"),
    ):
        render.add_argument(optie, default="", help=uitleg)
    render.add_argument(
        "--kaart-tiles",
        default="pdok",
        help="achtergrond van de kaart: pdok (standaard), none of een URL-sjabloon",
    )
    render.add_argument(
        "--geen-mapurls",
        action="store_true",
        help="links als pagina.html, voor MkDocs met use_directory_urls: false",
    )
    render.add_argument(
        "--links",
        choices=("url", "md"),
        default="url",
        help="links tussen pagina's als uiteindelijke URL (url, standaard, voor MkDocs) of als "
        ".md-pad vanaf het bronbestand (md, voor Zensical)",
    )

    _export_parser(sub)
    _fmt_parser(sub)
    if met_nieuw:
        from regio.redactie import nieuw_cli as nieuw

        nieuw.voeg_parser_toe(sub, _data_dir_argument, NIEUW_HULP)
    else:
        # Its options come from the models and need ruamel.yaml: only built when asked for.
        sub.add_parser("nieuw", help=NIEUW_HULP)

    schema_cmd = sub.add_parser(
        "schema",
        help="schrijf de JSON Schemas van de gegevensbestanden",
        description="Schrijf regions.schema.json en contacts.schema.json, gemaakt uit het model.",
    )
    schema_cmd.add_argument(
        "--out", type=Path, default=Path("schemas"), help="doelmap (standaard: schemas)"
    )
    _data_dir_argument(schema_cmd)
    return parser


def _validate(args: argparse.Namespace) -> int:
    data_dir: Path = args.data_dir
    if _ontbrekende_map(data_dir):
        return 2
    resultaat = valideer(data_dir, strikt=args.strict, verouderd_maanden=args.stale)
    problemen = list(resultaat.problemen)
    if args.format == "json":
        print(p.als_json(problemen))
    else:
        regel = p.als_github if args.format == "github" else p.als_tekst
        for probleem in problemen:
            print(regel(probleem))
    if args.format == "text":
        if resultaat.geldig and resultaat.gegevens is not None:
            g = resultaat.gegevens
            print(
                f"Gegevens zijn geldig: {len(g.provincies)} provincies, "
                f"{len(g.onderwijsregios)} onderwijsregio's, {len(g.partnerschappen)} "
                f"partnerschappen, {len(g.projecten)} projecten, {len(g.programmas)} programma's, "
                f"{len(g.organisaties)} organisaties, {len(g.personen)} personen"
                + (f" ({p.samenvatting(problemen)})." if problemen else "."),
                file=sys.stderr,
            )
        else:
            print(f"Gegevens zijn niet geldig: {p.samenvatting(problemen)}.", file=sys.stderr)
    return 0 if resultaat.geldig else 1


def _geldige_site(data_dir: Path) -> Site | None:
    """The site's data, or None after printing the problems (as `regio validate` does)."""
    resultaat = valideer(data_dir)
    if not resultaat.geldig or resultaat.gegevens is None:
        for probleem in resultaat.problemen:
            print(p.als_tekst(probleem))
        print(f"Gegevens zijn niet geldig: {p.samenvatting(resultaat.problemen)}.", file=sys.stderr)
        return None
    return Site(resultaat.gegevens, resultaat.geografie)


def _schrijf(out: Path, bestanden: dict[str, str | bytes]) -> None:
    """Write each file under ``out`` (text as UTF-8), making folders as needed."""
    for pad, inhoud in bestanden.items():
        doel = out / pad
        doel.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(inhoud, str):
            doel.write_text(inhoud, encoding="utf-8")
        else:
            doel.write_bytes(inhoud)


def _render(args: argparse.Namespace) -> int:
    data_dir: Path = args.data_dir
    if _ontbrekende_map(data_dir):
        return 2
    site = _geldige_site(data_dir)
    if site is None:
        return 1
    from regio.gegevens.plaatsen import gazetteer
    from regio.uitvoer import export
    from regio.uitvoer.colofon import Colofon
    from regio.uitvoer.kaart import KaartOpties, kaart_html
    from regio.uitvoer.markers import OnbekendeMarker, vul_in
    from regio.uitvoer.pages import BEWERK_URL, Opties, bewerk_url_maker, render_pages
    from regio.uitvoer.static import asset_bestanden
    from regio.uitvoer.wijzigingen import FEED, atom
    from regio.uitvoer.wijzigingen_cli import wijzigingen as _wijzigingen
    from regio.uitvoer.zoekindex import INDEX_PAD, site_index

    opties = Opties(
        bewerk_url=bewerk_url_maker(BEWERK_URL, args.repo_url, str(data_dir)),
        redactie_pagina=args.redactie_pagina,
        mapurls=not args.geen_mapurls,
        wijzigingen=_wijzigingen(site, data_dir),
        colofon=Colofon(
            args.uitgever, args.contact_email, args.meld_url, args.meld_email, args.colofon_pagina
        ),
        bronlinks=args.links == "md",
    )
    pages = render_pages(site, opties)
    # Hand-written pages already in the folder get their markers filled in, as the plugin does.
    eigen: dict[str, str | bytes] = {}
    for bestaand in sorted(args.out.rglob("*.md")) if args.out.is_dir() else []:
        pad = bestaand.relative_to(args.out).as_posix()
        try:
            ingevuld = vul_in(bestaand.read_text(encoding="utf-8"), pad, site, opties)
        except OnbekendeMarker as fout:
            print(fout, file=sys.stderr)
            return 1
        if ingevuld is not None:
            eigen[pad] = ingevuld
    # Everything else the plugin adds: the map document and the open data with its page.
    bestanden: dict[str, str | bytes] = dict(pages)
    if site.geografie is not None:
        kaart_opties = KaartOpties(tiles=args.kaart_tiles)
        bestanden["kaart/kaart.html"] = kaart_html(site, site.geografie, kaart_opties)
        if site.geografie.gemeenten is not None:
            bestanden[INDEX_PAD] = site_index(site.geografie.gemeenten, site.geografie.plaatsen)
    bestanden.update(export.site_bestanden(site, "", gazetteer(data_dir), opties))
    if opties.wijzigingen is not None:
        bestanden[FEED] = atom(opties.wijzigingen, "Regio-infrastructuur", "", opties.mapurls)
    # The styles and scripts (the map's Leaflet among them): the pages do not work without them.
    bestanden.update((pad, bron.read_bytes()) for pad, bron in asset_bestanden())
    _schrijf(args.out, {**eigen, **bestanden})
    aantal = sum(1 for pad in bestanden if pad.endswith(".md"))
    print(
        f"{aantal} pagina's en {len(bestanden) - aantal} andere bestanden geschreven naar "
        f"{args.out}.",
        file=sys.stderr,
    )
    return 0


def _export_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    opdracht = sub.add_parser(
        "export",
        help="schrijf de open data (JSON, CSV, GeoJSON en schema's) naar een map",
        description="Controleer de gegevens en schrijf dezelfde open-databestanden die de site "
        "onder open-data/ publiceert naar een map.",
    )
    _data_dir_argument(opdracht)
    opdracht.add_argument("--out", type=Path, required=True, help="doelmap voor de bestanden")
    opdracht.add_argument(
        "--site-url", default="", help="adres van de site, voor de bron en de links naar pagina's"
    )


def _export(args: argparse.Namespace) -> int:
    data_dir: Path = args.data_dir
    if _ontbrekende_map(data_dir):
        return 2
    site = _geldige_site(data_dir)
    if site is None:
        return 1
    from regio.gegevens.plaatsen import gazetteer
    from regio.uitvoer import export

    bestanden = export.bestanden(site, args.site_url, gazetteer(data_dir))
    _schrijf(args.out, {bestand.pad: bestand.inhoud for bestand in bestanden})
    print(f"{len(bestanden)} bestanden geschreven naar {args.out}.", file=sys.stderr)
    return 0


def _fmt_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    opdracht = sub.add_parser(
        "fmt",
        help="maak regions.yaml en contacts.yaml netjes op (vaste volgorde en schrijfwijze)",
        description="Zet de gegevensbestanden in één vaste opmaak, zodat wijzigingen klein "
        "blijven; commentaar en volgorde van de items blijven staan. Exitcode 0: klaar (of al "
        "netjes), 1: een bestand heeft fouten of is (met --check) niet netjes opgemaakt.",
    )
    _data_dir_argument(opdracht)
    opdracht.add_argument(
        "--check",
        action="store_true",
        help="schrijf niets; meld welke bestanden niet netjes zijn opgemaakt (voor CI)",
    )


def _fmt(args: argparse.Namespace) -> int:
    data_dir: Path = args.data_dir
    if _ontbrekende_map(data_dir):
        return 2
    from regio.redactie import fmt as opmaak

    code = 0
    uitkomsten = opmaak.maak_map_op(data_dir, str(data_dir))
    if all(uitkomst.netjes for uitkomst in uitkomsten):
        print("Alle gegevensbestanden zijn netjes opgemaakt.", file=sys.stderr)
    for uitkomst in uitkomsten:
        if uitkomst.nieuw is None:
            for probleem in uitkomst.problemen:
                print(p.als_tekst(probleem))
            print(f"{uitkomst.bestand}: niet opgemaakt; los eerst de fouten op.", file=sys.stderr)
            code = 1
        elif uitkomst.netjes:
            continue
        elif args.check:
            print(f"{uitkomst.bestand}: niet netjes opgemaakt; voer 'regio fmt' uit")
            print(opmaak.verschil(uitkomst.oud, uitkomst.nieuw, uitkomst.bestand))
            code = 1
        else:
            opmaak.schrijf_atomisch(uitkomst.pad, uitkomst.nieuw)
            print(f"opgemaakt: {uitkomst.bestand}", file=sys.stderr)
    return code


def _nieuw(args: argparse.Namespace) -> int:
    if _ontbrekende_map(args.data_dir):
        return 2
    from regio.redactie import nieuw_cli as nieuw

    vraag = input if sys.stdin.isatty() else None
    return nieuw.uit_argumenten(args, vraag, print).voer_uit()


def _schema(args: argparse.Namespace) -> int:
    from regio.gegevens import schema
    from regio.gegevens.gemeenten import gemeentenamen

    for pad in schema.schrijf(args.out, gemeentenamen(args.data_dir)):
        print(f"geschreven: {pad}", file=sys.stderr)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args = _parser(met_nieuw="nieuw" in argv).parse_args(argv)
    opdrachten = {"validate": _validate, "render": _render, "schema": _schema}
    opdrachten["export"] = _export
    opdrachten["fmt"] = _fmt
    opdrachten["nieuw"] = _nieuw
    return opdrachten[args.opdracht](args)


if __name__ == "__main__":
    sys.exit(main())
