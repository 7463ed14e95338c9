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
from functools import cache
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, create_model

from regio.gegevens import registry
from regio.gegevens import schema as bestandschema
from regio.gegevens.gemeenten import Gemeenten
from regio.gegevens.model import Entiteit, Lijst, Organisatie, Persoon, Provincie
from regio.gegevens.plaatsen import Gazetteer
from regio.gegevens.velden import Veld, velden
from regio.site import Site
from regio.uitvoer import pages
from regio.uitvoer.urls import relatief, url_van

MAP = "open-data"  # the folder in the site
PAGINA = "index.md"
JSON_BESTAND = "regio-infrastructuur.json"
SCHEMA_BESTAND = "regio-infrastructuur.schema.json"
GEOJSON_BESTAND = "regio-infrastructuur.geojson"
CSV_MAP = "csv"
SCHEMA_MAP = "schemas"  # the editors' schemas of data/*.yaml

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


# -- the JSON document and its schema -----------------------------------------------------------


class _Kop(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class _OverBasis(_Kop):
    naam: str = Field(description="Naam van de gegevensverzameling.")
    licentie: str = Field(description="Licentie (SPDX-code).")
    licentie_url: str = Field(description="Tekst van de licentie.")
    naamsvermelding: str = Field(description="Zo vermeldt u de bron bij hergebruik.")
    bron: str | None = Field(description="Adres van de website die de gegevens publiceert.")
    schema_: str = Field(
        alias="schema", description="JSON Schema van dit bestand (relatief adres)."
    )


def modellen() -> tuple[type[BaseModel], type[BaseModel], type[BaseModel]]:
    """The models Aantallen, Over and Export, made from the registry's collections."""
    return _modellen(tuple(registry.COLLECTIES.values()))


@cache
def _modellen(
    collecties: tuple[registry.Collectie, ...],
) -> tuple[type[BaseModel], type[BaseModel], type[BaseModel]]:
    tellingen: dict[str, Any] = {
        c.naam: (int, Field(ge=0, description=f"Aantal {c.meervoud}.")) for c in collecties
    }
    aantallen = create_model(
        "Aantallen",
        __base__=_Kop,
        __doc__="How many records each collection holds.",
        __module__=__name__,
        **tellingen,
    )
    over = create_model(
        "Over",
        __base__=_OverBasis,
        __doc__="About the data set: name, licence, where it comes from.",
        __module__=__name__,
        aantallen=(aantallen, Field(description="Aantal records per verzameling.")),
    )
    lijsten: dict[str, Any] = {
        "over": (over, Field(description="Over deze gegevens.")),
        **{
            c.naam: (Lijst[c.model], Field(description=c.export_beschrijving))  # type: ignore[name-defined]
            for c in collecties
        },
    }
    export_model = create_model(
        "Export",
        __base__=_Kop,
        __doc__="data/regio-infrastructuur.json: every collection, records sorted by id, "
        "every field.",
        __module__=__name__,
        **lijsten,
    )
    return aantallen, over, export_model


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
    schema = bestandschema.model_schema(modellen()[2], mode="serialization")
    _alles_verplicht(schema)
    return {
        "$schema": bestandschema.SCHEMA_DIALECT,
        "$id": SCHEMA_BESTAND,
        **schema,
        "title": f"regio-infrastructuur: open data ({JSON_BESTAND})",
    }


def _op_id(entiteiten: Iterable[E]) -> list[E]:
    return sorted(entiteiten, key=lambda e: e.id)


def _zichtbaar(entiteit: Entiteit) -> Entiteit:
    return entiteit.zichtbaar() if isinstance(entiteit, Persoon) else entiteit


def export(site: Site, site_url: str = "") -> BaseModel:
    """The JSON document as a model: every collection, sorted by id, persons as the site shows."""
    g = site.gegevens
    aantallen, over, document = modellen()
    tellingen: dict[str, Any] = {naam: len(g.collectie(naam)) for naam in registry.COLLECTIES}
    kop: dict[str, Any] = {
        "naam": NAAM,
        "licentie": LICENTIE,
        "licentie_url": LICENTIE_URL,
        "naamsvermelding": naamsvermelding(site_url),
        "bron": site_url or None,
        "schema": SCHEMA_BESTAND,
        "aantallen": aantallen(**tellingen),
    }
    lijsten: dict[str, Any] = {
        naam: tuple(_zichtbaar(e) for e in _op_id(g.collectie(naam)))
        for naam in registry.COLLECTIES
    }
    return document(over=over(**kop), **lijsten)


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


def _in_modelvolgorde(klasse: type[BaseModel]) -> list[Veld]:
    """The catalogue's fields of a class in the model's own order (that of the JSON export)."""
    rang = {naam: i for i, naam in enumerate(klasse.model_fields)}
    return sorted(velden(klasse), key=lambda v: rang[v.naam])


def _apart(veld: Veld) -> bool:
    """A list of nested parts (a programme's facts) gets a CSV file of its own."""
    return veld.lijst and veld.onderdeel is not None


def kolommen(klasse: type[BaseModel]) -> list[str]:
    """CSV columns of a class: its fields, a nested part (coordinaten) as its own fields (lat,
    lon), without lists of nested parts (feiten)."""
    result: list[str] = []
    for veld in _in_modelvolgorde(klasse):
        if veld.onderdeel is not None and not veld.lijst:
            result += kolommen(veld.onderdeel)
        elif not _apart(veld):
            result.append(veld.naam)
    return result


def _rij(record: dict[str, Any], namen: list[str]) -> list[str]:
    waarden = dict(record)
    for waarde in record.values():
        if isinstance(waarde, dict):  # a nested part: its fields are columns of their own
            waarden.update(waarde)
    for naam in namen:
        waarden.setdefault(naam, None)  # an empty nested part (no coordinaten)
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


def _gebied(
    soort: str, entiteit: Entiteit, gemeenten: Gemeenten, codes: tuple[str, ...], url: str
) -> dict[str, Any]:
    omtrek = [[[list(punt) for punt in ring] for ring in p] for p in gemeenten.omtrek(codes)]
    namen = [g.naam for c in codes if (g := gemeenten.met_code(c)) is not None]
    return {
        "type": "Feature",
        "properties": {
            "soort": soort,
            "id": entiteit.id,
            "naam": entiteit.naam,
            "url": url,
            "gemeenten": namen,
        },
        "geometry": {"type": "MultiPolygon", "coordinates": omtrek},
    }


def geojson(site: Site, site_url: str = "", plaatsen: Gazetteer | None = None) -> dict[str, Any]:
    """Provinces (their boundaries), areas made of gemeenten, and places (the map's points, and
    organisations whose 'plaats' the gazetteer knows), each with the URL of its page."""
    features: list[dict[str, Any]] = []
    geografie = site.geografie
    grenzen = geografie.grenzen if geografie is not None else {}
    posities = geografie.posities if geografie is not None else {}
    for provincie in _op_id(site.gegevens.van(Provincie)):
        if provincie.code not in grenzen:
            continue
        pagina = site.pagina(provincie)
        assert pagina is not None
        polygonen = grenzen[provincie.code].als_lijsten()
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "soort": registry.enkelvoud("provincies"),
                    "id": provincie.id,
                    "naam": provincie.naam,
                    "code": provincie.code,
                    "regiocoordinator": site.coordinator(provincie).naam,
                    "url": _pagina_url(pagina, site_url),
                },
                "geometry": {"type": "MultiPolygon", "coordinates": polygonen},
            }
        )
    # An area made of gemeenten (its outline, with the CBS names), else the position the
    # validator found for the map (from 'plaats' or 'coordinaten').
    gemeenten = geografie.gemeenten if geografie is not None else None
    van = geografie.gemeenten_van if geografie is not None else {}
    for laag in registry.kaartlagen():
        for gebied in _op_id(site.gegevens.collectie(laag.naam)):
            positie = posities.get(gebied.id)
            pagina = site.pagina(gebied)
            if pagina is None:
                continue
            url = _pagina_url(pagina, site_url)
            if gemeenten is not None and (codes := van.get(gebied.id)):
                features.append(_gebied(laag.enkelvoud, gebied, gemeenten, codes, url))
            elif positie is not None:
                features.append(_punt(laag.enkelvoud, gebied, *positie, url))
    for organisatie in _op_id(site.gegevens.van(Organisatie)):
        plaats = plaatsen.zoek(organisatie.plaats) if plaatsen and organisatie.plaats else None
        pagina = site.pagina(organisatie)
        if plaats is not None and pagina is not None:
            url = _pagina_url(pagina, site_url)
            features.append(_punt("organisatie", organisatie, plaats.lat, plaats.lon, url))
    return {"type": "FeatureCollection", "features": features}


# -- all files ----------------------------------------------------------------------------------


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
    totaal = sum(len(data[naam]) for naam in registry.COLLECTIES)
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
    for naam, collectie in registry.COLLECTIES.items():
        namen = kolommen(collectie.model)
        rijen = [_rij(record, namen) for record in data[naam]]
        result.append(
            Bestand(f"{CSV_MAP}/{naam}.csv", _csv(namen, rijen), len(rijen), collectie.titel)
        )
        for veld in filter(_apart, velden(collectie.model)):
            assert veld.onderdeel is not None
            # One row per part: the entity's id, the part's number, the part's own fields.
            onderdeel = [collectie.enkelvoud, "nummer", *kolommen(veld.onderdeel)]
            delen = [
                _rij({collectie.enkelvoud: record["id"], "nummer": nummer, **deel}, onderdeel)
                for record in data[naam]
                for nummer, deel in enumerate(record[veld.naam], 1)
            ]
            omschrijving = (
                f"{veld.naam.capitalize()} bij de {collectie.meervoud} "
                f"(kolom {collectie.enkelvoud}: het id)"
            )
            result.append(
                Bestand(
                    f"{CSV_MAP}/{veld.naam}.csv", _csv(onderdeel, delen), len(delen), omschrijving
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


def pagina(
    site: Site, lijst: list[Bestand], site_url: str = "", opties: pages.Opties | None = None
) -> str:
    """The 'Open data' page, with a link, size and count for every file."""
    rijen = [
        {
            "pad": b.pad,
            "omschrijving": b.omschrijving,
            "aantal": "n.v.t." if b.aantal is None else str(b.aantal),
            "grootte": grootte(len(b.inhoud)),
        }
        for b in lijst
    ]
    return pages.render(
        "open-data.md.j2",
        site,
        f"{MAP}/{PAGINA}",
        opties,
        bestanden=rijen,
        collecties=list(registry.COLLECTIES),
        naamsvermelding=naamsvermelding(site_url),
        licentie_url=LICENTIE_URL,
        json_bestand=JSON_BESTAND,
        schema_bestand=SCHEMA_BESTAND,
        geojson_bestand=GEOJSON_BESTAND,
        csv_map=CSV_MAP,
    )


def site_bestanden(
    site: Site,
    site_url: str = "",
    plaatsen: Gazetteer | None = None,
    opties: pages.Opties | None = None,
) -> dict[str, bytes | str]:
    """For the site: 'open-data/…' -> content, the files and their page."""
    lijst = bestanden(site, site_url, plaatsen)
    result: dict[str, bytes | str] = {f"{MAP}/{b.pad}": b.inhoud for b in lijst}
    result[f"{MAP}/{PAGINA}"] = pagina(site, lijst, site_url, opties)
    return result
