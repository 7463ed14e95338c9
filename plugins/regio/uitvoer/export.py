"""Open data: the validated data as JSON (with its JSON Schema), one CSV per collection, GeoJSON.

Pure functions from the :class:`~regio.site.Site` to bytes. The same input gives the same bytes:
records sorted by id, keys in the model's order, no timestamps. Personal contact data follows the
site: a person's e-mail address and phone number appear only when the data marks them ``openbaar``
(as ``pages._Pagina.contact`` does), so the files never hold more contact data than the pages.

All files live under ``open-data/`` in the site (not ``data/``: that name is the editors' YAML
folder, and the page links its files relative to itself).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup
from pydantic import BaseModel, ConfigDict, Field

from regio.gegevens import schema as bestandschema
from regio.gegevens.model import (
    Entiteit,
    Feit,
    Lijst,
    Model,
    Onderwijsregio,
    Organisatie,
    Partnerschap,
    Persoon,
    Programma,
    Project,
    Provincie,
)
from regio.gegevens.parse import ENKELVOUD
from regio.gegevens.plaatsen import Gazetteer
from regio.site import KAARTLAGEN, Site
from regio.uitvoer.escape import md
from regio.uitvoer.urls import relatief, url_van

MAP = "open-data"  # the folder in the site
PAGINA = "index.md"
JSON_BESTAND = "regio-infrastructuur.json"
SCHEMA_BESTAND = "regio-infrastructuur.schema.json"
GEOJSON_BESTAND = "regio-infrastructuur.geojson"
CSV_MAP = "csv"
SCHEMA_MAP = "schemas"  # the editors' schemas of data/*.yaml
FEITEN = "feiten"  # programmes' facts: their own CSV

NAAM = "Regio-infrastructuur"
LICENTIE = "CC-BY-4.0"
LICENTIE_URL = "https://creativecommons.org/licenses/by/4.0/deed.nl"

# Dutch Excel separates columns with ';' (the comma is the decimal sign), so a double click opens
# the file in columns. Lists share one cell, separated by '|'.
CSV_SCHEIDER = ";"
LIJST_SCHEIDER = "|"
LIJST_ESCAPE = "\\"
# A cell starting with one of these can run as a formula in a spreadsheet (OWASP, CSV injection).
FORMULE_TEKENS = ("=", "+", "-", "@", "\t", "\r")
FORMULE_BESCHERMING = "'"

E = TypeVar("E", bound=Entiteit)

# Each collection's class, in the order of regio.gegevens.registry.COLLECTIES.
KLASSEN: dict[str, type[Entiteit]] = {
    "provincies": Provincie,
    "programmas": Programma,
    "onderwijsregios": Onderwijsregio,
    "partnerschappen": Partnerschap,
    "projecten": Project,
    "organisaties": Organisatie,
    "personen": Persoon,
}


# -- the JSON document and its schema -----------------------------------------------------------


class _Kop(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Aantallen(_Kop):
    """How many records each collection holds."""

    provincies: int = Field(ge=0, description="Aantal provincies.")
    programmas: int = Field(ge=0, description="Aantal programma's.")
    onderwijsregios: int = Field(ge=0, description="Aantal onderwijsregio's.")
    partnerschappen: int = Field(ge=0, description="Aantal partnerschappen.")
    projecten: int = Field(ge=0, description="Aantal projecten.")
    organisaties: int = Field(ge=0, description="Aantal organisaties.")
    personen: int = Field(ge=0, description="Aantal personen.")


class Over(_Kop):
    """About the data set: name, licence, where it comes from."""

    naam: str = Field(description="Naam van de gegevensverzameling.")
    licentie: str = Field(description="Licentie (SPDX-code).")
    licentie_url: str = Field(description="Tekst van de licentie.")
    naamsvermelding: str = Field(description="Zo vermeldt u de bron bij hergebruik.")
    bron: str | None = Field(description="Adres van de website die de gegevens publiceert.")
    schema_: str = Field(
        alias="schema", description="JSON Schema van dit bestand (relatief adres)."
    )
    aantallen: Aantallen = Field(description="Aantal records per verzameling.")


class Export(_Kop):
    """data/regio-infrastructuur.json: every collection, records sorted by id, every field."""

    over: Over = Field(description="Over deze gegevens.")
    provincies: Lijst[Provincie] = Field(description="De provincies.")
    programmas: Lijst[Programma] = Field(description="Landelijke programma's en beleidslijnen.")
    onderwijsregios: Lijst[Onderwijsregio] = Field(description="Onderwijsregio's.")
    partnerschappen: Lijst[Partnerschap] = Field(description="Partnerschappen Samen Opleiden.")
    projecten: Lijst[Project] = Field(description="Projecten (RAP, RAL en andere).")
    organisaties: Lijst[Organisatie] = Field(description="Organisaties.")
    personen: Lijst[Persoon] = Field(
        description="Contactpersonen; e-mail en telefoon alleen als 'openbaar' true is."
    )


def _alles_verplicht(schema: Any) -> None:
    """Every object in the export has every field (null or [] when empty): say so in the schema."""
    if isinstance(schema, dict):
        if isinstance(schema.get("properties"), dict):
            schema["required"] = list(schema["properties"])
        for waarde in schema.values():
            _alles_verplicht(waarde)
    elif isinstance(schema, list):
        for waarde in schema:
            _alles_verplicht(waarde)


def export_schema() -> dict[str, Any]:
    """The JSON Schema of the JSON export, generated from the models."""
    schema = Export.model_json_schema(mode="serialization", by_alias=True)
    _alles_verplicht(schema)
    return {
        "$schema": bestandschema.SCHEMA_DIALECT,
        "$id": SCHEMA_BESTAND,
        **schema,
        "title": f"regio-infrastructuur: open data ({JSON_BESTAND})",
    }


def _op_id(entiteiten: Iterable[E]) -> list[E]:
    return sorted(entiteiten, key=lambda e: e.id)


def export(site: Site, site_url: str = "") -> Export:
    """The JSON document as a model: every collection, sorted by id, persons as the site shows."""
    g = site.gegevens
    aantallen = Aantallen(**{naam: len(g.collectie(naam)) for naam in KLASSEN})
    over = Over(
        naam=NAAM,
        licentie=LICENTIE,
        licentie_url=LICENTIE_URL,
        naamsvermelding=naamsvermelding(site_url),
        bron=site_url or None,
        schema=SCHEMA_BESTAND,
        aantallen=aantallen,
    )
    return Export(
        over=over,
        provincies=tuple(_op_id(g.provincies)),
        programmas=tuple(_op_id(g.programmas)),
        onderwijsregios=tuple(_op_id(g.onderwijsregios)),
        partnerschappen=tuple(_op_id(g.partnerschappen)),
        projecten=tuple(_op_id(g.projecten)),
        organisaties=tuple(_op_id(g.organisaties)),
        personen=tuple(p.zichtbaar() for p in _op_id(g.personen)),
    )


def naamsvermelding(site_url: str = "") -> str:
    waar = f" ({site_url})" if site_url else ""
    return f"{NAAM}{waar}, CC BY 4.0"


def _json(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _geojson_tekst(kaart: dict[str, Any]) -> bytes:
    """One feature per line (like data/geo/provinces.geojson): compact, and diffs stay readable."""
    regels = [
        json.dumps(feature, ensure_ascii=False, separators=(",", ":"))
        for feature in kaart["features"]
    ]
    kop = '{"type":"FeatureCollection","features":['
    return (kop + "\n" + ",\n".join(regels) + "\n]}\n").encode("utf-8")


# -- CSV ----------------------------------------------------------------------------------------


def bescherm(cel: str) -> str:
    """Keep a spreadsheet from running a cell as a formula: prefix it with an apostrophe.

    Also when the cell already starts with apostrophes before such a character, so that
    :func:`onbescherm` can always take exactly one apostrophe off ("'=x" -> "''=x").
    """
    if cel.lstrip(FORMULE_BESCHERMING).startswith(FORMULE_TEKENS):
        return FORMULE_BESCHERMING + cel
    return cel


def onbescherm(cel: str) -> str:
    """The inverse of :func:`bescherm`."""
    if cel.startswith(FORMULE_BESCHERMING) and cel.lstrip(FORMULE_BESCHERMING).startswith(
        FORMULE_TEKENS
    ):
        return cel[1:]
    return cel


def lijst_cel(items: list[str]) -> str:
    """List items in one cell: 'a|b'; a '|' or '\\' inside an item is written '\\|' or '\\\\'."""
    return LIJST_SCHEIDER.join(
        item.replace(LIJST_ESCAPE, LIJST_ESCAPE * 2).replace(
            LIJST_SCHEIDER, LIJST_ESCAPE + LIJST_SCHEIDER
        )
        for item in items
    )


def _cel(waarde: Any) -> str:
    if waarde is None:
        tekst = ""
    elif isinstance(waarde, bool):
        tekst = "true" if waarde else "false"
    elif isinstance(waarde, list):
        tekst = lijst_cel([str(item) for item in waarde])
    elif isinstance(waarde, int | float):
        tekst = json.dumps(waarde)
    else:
        tekst = str(waarde)
    return bescherm(tekst)


def kolommen(klasse: type[Model]) -> list[str]:
    """CSV columns of a class: its fields, 'coordinaten' as lat and lon, without 'feiten'."""
    result: list[str] = []
    for veld in klasse.model_fields:
        if veld == "coordinaten":
            result += ["lat", "lon"]
        elif veld != FEITEN:
            result.append(veld)
    return result


FEIT_KOLOMMEN = ["programma", "nummer", *Feit.model_fields]


def _rij(record: dict[str, Any], namen: list[str]) -> list[str]:
    coordinaten = record.get("coordinaten") or {}
    waarden = {**record, "lat": coordinaten.get("lat"), "lon": coordinaten.get("lon")}
    return [_cel(waarden[naam]) for naam in namen]


def _csv(namen: list[str], rijen: list[list[str]]) -> bytes:
    """UTF-8 with a BOM (Excel then reads accents right), ';', CRLF, quotes only where needed."""
    buffer = io.StringIO()
    schrijver = csv.writer(buffer, delimiter=CSV_SCHEIDER, lineterminator="\r\n")
    schrijver.writerow(namen)
    schrijver.writerows(rijen)
    return buffer.getvalue().encode("utf-8-sig")


# -- GeoJSON ------------------------------------------------------------------------------------


def _pagina_url(pagina: str, site_url: str) -> str:
    """URL of a page ('provincies/x.md'): absolute with a site URL, else from the GeoJSON file."""
    if site_url:
        return site_url.rstrip("/") + "/" + url_van(pagina)
    return relatief(f"{MAP}/", url_van(pagina))


def _punt(soort: str, entiteit: Entiteit, lat: float, lon: float, url: str) -> dict[str, Any]:
    return {
        "type": "Feature",
        "properties": {"soort": soort, "id": entiteit.id, "naam": entiteit.naam, "url": url},
        # GeoJSON (RFC 7946): longitude first.
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
    }


def geojson(site: Site, site_url: str = "", plaatsen: Gazetteer | None = None) -> dict[str, Any]:
    """Provinces (their boundaries) and places (the map's points, and organisations whose
    'plaats' the gazetteer knows), each with the URL of its page."""
    features: list[dict[str, Any]] = []
    geografie = site.geografie
    grenzen = geografie.grenzen if geografie is not None else {}
    posities = geografie.posities if geografie is not None else {}
    for provincie in _op_id(site.gegevens.provincies):
        if provincie.code not in grenzen:
            continue
        pagina = site.pagina(provincie)
        assert pagina is not None
        polygonen = grenzen[provincie.code].als_lijsten()
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "soort": ENKELVOUD["provincies"],
                    "id": provincie.id,
                    "naam": provincie.naam,
                    "code": provincie.code,
                    "regiocoordinator": site.coordinator(provincie).naam,
                    "url": _pagina_url(pagina, site_url),
                },
                "geometry": {"type": "MultiPolygon", "coordinates": polygonen},
            }
        )
    # The positions the validator found for the map (from 'plaats' or 'coordinaten').
    for collectie, _ in KAARTLAGEN:
        for gebied in _op_id(getattr(site.gegevens, collectie)):
            positie = posities.get(gebied.id)
            pagina = site.pagina(gebied)
            if positie is not None and pagina is not None:
                url = _pagina_url(pagina, site_url)
                features.append(_punt(ENKELVOUD[collectie], gebied, *positie, url))
    for organisatie in _op_id(site.gegevens.organisaties):
        plaats = plaatsen.zoek(organisatie.plaats) if plaatsen and organisatie.plaats else None
        pagina = site.pagina(organisatie)
        if plaats is not None and pagina is not None:
            url = _pagina_url(pagina, site_url)
            features.append(_punt("organisatie", organisatie, plaats.lat, plaats.lon, url))
    return {"type": "FeatureCollection", "features": features}


# -- all files ----------------------------------------------------------------------------------


_TITELS = {
    "provincies": "Provincies",
    "programmas": "Programma's",
    "onderwijsregios": "Onderwijsregio's",
    "partnerschappen": "Partnerschappen Samen Opleiden",
    "projecten": "Projecten",
    "organisaties": "Organisaties",
    "personen": "Contactpersonen",
}


@dataclass(frozen=True)
class Bestand:
    """One open-data file: path under open-data/, content, number of records (if it has them)."""

    pad: str
    inhoud: bytes
    aantal: int | None
    omschrijving: str


def bestanden(site: Site, site_url: str = "", plaatsen: Gazetteer | None = None) -> list[Bestand]:
    """Every open-data file, in the order the page lists them."""
    document = export(site, site_url)
    data = document.model_dump(mode="json", by_alias=True)
    totaal = sum(len(data[naam]) for naam in KLASSEN)
    kaart = geojson(site, site_url, plaatsen)
    result = [
        Bestand(JSON_BESTAND, _json(data), totaal, "Alle gegevens in één bestand (JSON)"),
        Bestand(SCHEMA_BESTAND, _json(export_schema()), None, "JSON Schema van het JSON-bestand"),
        Bestand(
            GEOJSON_BESTAND,
            _geojson_tekst(kaart),
            len(kaart["features"]),
            "Provincies (grenzen) en plaatsen (punten) voor een kaart (GeoJSON)",
        ),
    ]
    for naam, klasse in KLASSEN.items():
        namen = kolommen(klasse)
        rijen = [_rij(record, namen) for record in data[naam]]
        result.append(
            Bestand(f"{CSV_MAP}/{naam}.csv", _csv(namen, rijen), len(rijen), _TITELS[naam])
        )
        if naam == "programmas":
            feiten = [
                _rij({"programma": programma["id"], "nummer": nummer, **feit}, FEIT_KOLOMMEN)
                for programma in data[naam]
                for nummer, feit in enumerate(programma[FEITEN], 1)
            ]
            result.append(
                Bestand(
                    f"{CSV_MAP}/{FEITEN}.csv",
                    _csv(FEIT_KOLOMMEN, feiten),
                    len(feiten),
                    "Feiten bij de programma's (kolom programma: het id)",
                )
            )
    gemeenten = site.geografie.gemeenten if site.geografie else None
    namen = [g.naam for g in gemeenten or ()]
    for naam, schema in bestandschema.schemas(namen).items():
        bestand = naam.removesuffix(".schema.json") + ".yaml"
        result.append(
            Bestand(
                f"{SCHEMA_MAP}/{naam}",
                bestandschema.als_tekst(schema).encode("utf-8"),
                None,
                f"JSON Schema van data/{bestand} (het bestand dat de redactie bewerkt)",
            )
        )
    return result


# -- the page -----------------------------------------------------------------------------------


def grootte(aantal_bytes: int) -> str:
    """'812 bytes', '4,2 kB', '1,3 MB' (decimal units, Dutch decimal comma)."""
    if aantal_bytes < 1000:
        return f"{aantal_bytes} bytes"
    if aantal_bytes < 1_000_000:
        return f"{aantal_bytes / 1000:.1f} kB".replace(".", ",")
    return f"{aantal_bytes / 1_000_000:.1f} MB".replace(".", ",")


def _veilig(waarde: Any) -> Any:
    if waarde is None:
        return ""
    return md(waarde)


_ENV = Environment(
    loader=PackageLoader("regio.uitvoer", "templates"),
    autoescape=False,  # Markdown: every expression goes through `md` unless it is Markup
    finalize=_veilig,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)


def pagina(lijst: list[Bestand], site_url: str = "") -> str:
    """The 'Open data' page (Markdown), with a link, size and count for every file."""
    rijen = [
        {
            "link": Markup(f"[{md(b.pad)}]({b.pad})"),
            "omschrijving": b.omschrijving,
            "aantal": "n.v.t." if b.aantal is None else str(b.aantal),
            "grootte": grootte(len(b.inhoud)),
        }
        for b in lijst
    ]
    return _ENV.get_template("open-data.md.j2").render(
        bestanden=rijen,
        naamsvermelding=naamsvermelding(site_url),
        licentie_url=Markup(LICENTIE_URL),
        json_bestand=Markup(JSON_BESTAND),
        schema_bestand=Markup(SCHEMA_BESTAND),
        geojson_bestand=Markup(GEOJSON_BESTAND),
        csv_map=Markup(CSV_MAP),
    )


def site_bestanden(
    site: Site, site_url: str = "", plaatsen: Gazetteer | None = None
) -> dict[str, bytes | str]:
    """For the site: 'open-data/…' -> content, the files and their page."""
    lijst = bestanden(site, site_url, plaatsen)
    result: dict[str, bytes | str] = {f"{MAP}/{b.pad}": b.inhoud for b in lijst}
    result[f"{MAP}/{PAGINA}"] = pagina(lijst, site_url)
    return result
