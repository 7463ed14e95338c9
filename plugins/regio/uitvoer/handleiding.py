"""The editors' guide pages that are generated, so they never drift from the code.

- ``redactie/velden.md``: per kind (provincie, programma, …) a table of its fields: required or
  not, the model's own Dutch description, the allowed values (from the JSON Schema of the model
  and the reference rules of :mod:`regio.gegevens.checks`) and an example, plus a new entry to copy;
- ``redactie/foutmeldingen.md``: the most common messages of ``regio validate``, what they mean
  and what to do (the committed list in :mod:`regio.uitvoer.foutmeldingen`).

Pure functions from the models to data and Markdown; :mod:`regio.uitvoer.pages` renders the
pages with the templates ``handleiding_*.md.j2``. Everything shown comes from the models or from
this module, never from data/; it is escaped all the same.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from datetime import date
from typing import Any

import yaml
from markupsafe import Markup
from pydantic import BaseModel

from regio.gegevens import registry
from regio.gegevens import velden as catalogus
from regio.gegevens.model import ID_PATTERN, PROVINCIE_CODE_PATTERN
from regio.uitvoer.escape import md
from regio.uitvoer.foutmeldingen import VOORBEELDFOUTEN

VELDEN_PAGINA = "redactie/velden.md"
FOUTEN_PAGINA = "redactie/foutmeldingen.md"

# Patterns of the model, in words an editor understands.
PATRONEN = {
    ID_PATTERN: "kleine letters, cijfers en losse streepjes",
    PROVINCIE_CODE_PATTERN: "`NL-` en twee hoofdletters",
}

# Rules of regio.gegevens.checks that the JSON Schema cannot express, by field name (the checks
# look the fields up by name on every kind, see checks.contactgegevens, checks.datums,
# checks.unieke_ids).
EXTRA_REGELS = {
    "id": "uniek in beide bestanden",
    "email": "een geldig e-mailadres",
    "telefoon": "een geldig Nederlands telefoonnummer",
    "eind": "niet vóór `start`",
}

# Examples (fictional) as Python values, written out as YAML. Per (kind, field) or per field;
# a field without one gets an example made from its type (see _voorbeeld_uit_soort). The
# references point at ids of the test data (tests/fixtures/geldig), so a test can add each new
# entry to that data and validate it.
VOORBEELDEN: dict[tuple[str | None, str], Any] = {
    ("provincie", "id"): "utrecht",
    ("programma", "id"): "programma-voorbeeld",
    ("onderwijsregio", "id"): "onderwijsregio-voorbeeldstad",
    ("partnerschap", "id"): "opleidingsschool-voorbeeldstad",
    ("project", "id"): "rap-voorbeeldstad",
    ("organisatie", "id"): "voorbeeldhogeschool",
    ("persoon", "id"): "jan-voorbeeld",
    ("provincie", "naam"): "Utrecht",
    ("programma", "naam"): "Programma Voorbeeld",
    ("onderwijsregio", "naam"): "Onderwijsregio Voorbeeldstad",
    ("partnerschap", "naam"): "Opleidingsschool Voorbeeldstad",
    ("project", "naam"): "RAP Voorbeeldstad",
    ("organisatie", "naam"): "Voorbeeldhogeschool",
    ("persoon", "naam"): "Jan Voorbeeld",
    (None, "bron"): ["https://www.example.org/over-ons"],
    (None, "gecontroleerd"): date(2025, 9, 1),
    (None, "code"): "NL-UT",
    (None, "hoofdstad"): "Utrecht",
    (None, "regiocoordinator"): "anna-voorbeeld",
    ("programma", "afkorting"): "PV",
    ("organisatie", "afkorting"): "VHS",
    ("programma", "beschrijving"): "Een landelijk programma dat regio's helpt samen te werken.",
    (None, "beschrijving"): "Wat de organisatie doet, in eigen woorden.",
    (None, "start"): date(2024, 1, 1),
    (None, "eind"): date(2027, 12, 31),
    (None, "opvolger"): "voorbeeldprogramma",
    ("programma", "organisaties"): ["arbeidsmarktplatform-po"],
    (None, "organisaties"): ["voorbeeld-pabo", "arbeidsmarktplatform-po"],
    (None, "website"): "https://www.example.org/",
    (None, "sectoren"): ["po", "vo"],
    (None, "provincies"): ["utrecht"],
    (None, "landelijk"): False,
    (None, "plaats"): "Utrecht",
    (None, "penvoerder"): "voorbeeld-pabo",
    (None, "toelichting"): "Wat de bron verder vertelt, in eigen woorden.",
    (None, "onzeker"): "De bron noemt geen startdatum.",
    ("provincie", "afgeleid"): ["hoofdstad"],
    ("programma", "afgeleid"): ["start"],
    ("organisatie", "afgeleid"): ["plaats"],
    ("persoon", "afgeleid"): ["functie"],
    (None, "afgeleid"): ["provincies"],
    (None, "ontleend"): "2026-11",
    ("onderwijsregio", "status"): "voorloper",
    ("partnerschap", "status"): "erkend",
    (None, "landsdeel"): "Midden-Nederland",
    (None, "status_sinds"): date(2023, 6, 16),
    (None, "opleidingen"): ["voorbeeld-pabo"],
    (None, "programma"): "voorbeeldprogramma",
    (None, "contactpersoon"): "bram-voorbeeld",
    ("persoon", "email"): "jan@example.org",
    (None, "email"): "info@example.org",
    ("persoon", "telefoon"): "06-12345678",
    (None, "telefoon"): "030-1234567",
    (None, "functie"): "projectleider",
    ("persoon", "organisatie"): "voorbeeld-pabo",
    (None, "openbaar"): False,
    (None, "soort"): "lerarenopleiding",
    (None, "volledige_naam"): "Stichting Voorbeeldhogeschool",
    (None, "opgericht"): date(2001, 8, 1),
    ("coordinaten", "lat"): 52.09,
    ("coordinaten", "lon"): 5.12,
    ("feit", "tekst"): "Er doen twintig regio's mee.",
    ("feit", "datum"): date(2024, 6, 1),
}


@dataclass(frozen=True)
class Veld:
    naam: str
    verplicht: bool
    beschrijving: str
    toegestaan: Markup  # Markdown
    voorbeeld: Any  # a Python value; None when the field is a nested part (see `onderdeel`)
    standaard: Any = None  # the default when it says something (false, a value), else None
    onderdeel: str | None = None  # the nested part (coordinaten, feit) this field holds


@dataclass(frozen=True)
class Soort:
    """A kind of entry editors write: where it lives and which fields it has."""

    naam: str  # 'partnerschap'
    collectie: str  # 'partnerschappen'
    bestand: str  # 'regions.yaml'
    uitleg: str  # the collection's Dutch description in the file model
    model: type[BaseModel]
    velden: tuple[Veld, ...]
    vast: bool = False  # the entries are fixed: the guide explains how to change them


@dataclass(frozen=True)
class Onderdeel:
    """A nested part of an entry (coordinaten, feit) with its own fields."""

    naam: str
    velden: tuple[Veld, ...]
    binnen: tuple[str, ...]  # 'partnerschap: coordinaten', …


def anker(naam: str, *, onderdeel: bool = False) -> str:
    """The fragment of a kind's (or a nested part's) section on the fields page."""
    return f"onderdeel-{naam}" if onderdeel else naam


def soorten() -> list[Soort]:
    """Every kind of entry, in the order of the registry."""
    return [
        Soort(
            naam=c.enkelvoud,
            collectie=c.naam,
            bestand=c.bestand,
            uitleg=c.beschrijving,
            model=c.model,
            velden=tuple(velden(c.model, c.enkelvoud)),
            vast=c.vast,
        )
        for c in registry.COLLECTIES.values()
    ]


def velden(model: type[BaseModel], soort: str | None = None) -> list[Veld]:
    """The fields of ``model`` in the order `regio fmt` writes them, described for editors."""
    soort = soort or model.__name__.lower()
    return [
        Veld(
            naam=veld.naam,
            verplicht=veld.verplicht,
            beschrijving=veld.beschrijving,
            toegestaan=_toegestaan(veld),
            voorbeeld=None if veld.onderdeel else _voorbeeld(soort, veld),
            standaard=veld.standaard,
            onderdeel=veld.onderdeelnaam,
        )
        for veld in catalogus.velden(model)
    ]


def onderdelen(alle: list[Soort] | None = None) -> list[Onderdeel]:
    """The nested parts the kinds use, each once, with the fields that hold them."""
    alle = soorten() if alle is None else alle
    gevonden: dict[str, tuple[type[BaseModel], list[str]]] = {}
    for soort in alle:
        for veld in catalogus.velden(soort.model):
            if veld.onderdeel is None or veld.onderdeelnaam is None:
                continue
            gevonden.setdefault(veld.onderdeelnaam, (veld.onderdeel, []))[1].append(
                f"{soort.naam}: {veld.naam}"
            )
    return [
        Onderdeel(naam, tuple(velden(model, naam)), tuple(binnen))
        for naam, (model, binnen) in gevonden.items()
    ]


def voorbeeld_invoer(soort: Soort, *, alle_velden: bool = False) -> dict[str, Any]:
    """An entry of this kind as data: the required fields plus bron and gecontroleerd (or all)."""
    invoer = {}
    for veld in soort.velden:
        if alle_velden or veld.verplicht or veld.naam in ("bron", "gecontroleerd"):
            invoer[veld.naam] = _voorbeeldwaarde(soort.model, veld)
    return invoer


def als_yaml_blok(soort: Soort) -> str:
    """A new entry as an editor pastes it at the end of the collection (2 spaces, '- id:')."""
    regels = [f"{soort.collectie}:"]
    for index, (naam, waarde) in enumerate(voorbeeld_invoer(soort).items()):
        inspringing = "  - " if index == 0 else "    "
        if isinstance(waarde, list) and any(":" in str(w) for w in waarde):
            regels.append(f"{inspringing}{naam}:")
            regels.extend(f"      - {yaml_waarde(w)}" for w in waarde)
        else:
            regels.append(f"{inspringing}{naam}: {yaml_waarde(waarde)}")
    return "\n".join(regels) + "\n"


def yaml_waarde(waarde: Any) -> str:
    """A value as YAML on one line: quotes only where YAML needs them."""
    if isinstance(waarde, list) and waarde:
        # PyYAML quotes every ':' inside [...]; editors write web addresses there without quotes.
        lijst = "[" + ", ".join(yaml_waarde(w) for w in waarde) + "]"
        if yaml.safe_load(lijst) == waarde:
            return lijst
    tekst = yaml.safe_dump(
        waarde, default_flow_style=True, allow_unicode=True, width=10_000, sort_keys=False
    )
    return tekst.removesuffix("\n").removesuffix("\n...").strip()


def veldentabel(velden: tuple[Veld, ...] | list[Veld]) -> Markup:
    """The Markdown table of fields: field | required? | what goes in | allowed | example."""
    regels = [
        "| Veld | Verplicht? | Wat erin hoort | Toegestane waarden | Voorbeeld |",
        "| --- | --- | --- | --- | --- |",
    ]
    for veld in velden:
        verplicht = "ja" if veld.verplicht else "nee"
        if veld.standaard is not None:
            verplicht += f" (standaard {_code(yaml_waarde(veld.standaard))})"
        if veld.onderdeel is None:
            voorbeeld = _code(f"{veld.naam}: {yaml_waarde(veld.voorbeeld)}")
        else:
            voorbeeld = f"zie [{md(veld.onderdeel)}](#{anker(veld.onderdeel, onderdeel=True)})"
        # The name in bold, not as code: Material breaks code anywhere in a narrow column.
        naam = f"**{md(veld.naam)}**"
        cellen = [naam, verplicht, md(veld.beschrijving), veld.toegestaan, voorbeeld]
        regels.append("| " + " | ".join(cellen) + " |")
    return Markup("\n".join(regels) + "\n")


def code_blok(tekst: str) -> Markup:
    """Our own text as an indented Markdown code block (the site has no fenced-code extension)."""
    return Markup(textwrap.indent(tekst.rstrip("\n"), "    ", lambda regel: True))


def paginas() -> list[tuple[str, str, dict[str, Any]]]:
    """The guide pages: (Markdown path, template, context) for the page renderer."""
    alle = soorten()
    gedeeld: dict[str, Any] = {
        "code": lambda tekst: Markup(_code(tekst)),
        "anker": lambda naam, onderdeel=False: Markup(anker(naam, onderdeel=onderdeel)),
        "code_blok": code_blok,
        "velden_pagina": VELDEN_PAGINA,
        "fouten_pagina": FOUTEN_PAGINA,
    }
    return [
        (
            VELDEN_PAGINA,
            "handleiding_velden.md.j2",
            {
                **gedeeld,
                "soorten": alle,
                "onderdelen": onderdelen(alle),
                "nieuw_soorten": {c.enkelvoud for c in registry.nieuwe_soorten()},
                "tabel": veldentabel,
                "blok": lambda soort: code_blok(als_yaml_blok(soort)),
            },
        ),
        (
            FOUTEN_PAGINA,
            "handleiding_foutmeldingen.md.j2",
            {
                **gedeeld,
                "fouten": VOORBEELDFOUTEN,
                "yaml": lambda tekst: code_blok(textwrap.dedent(tekst)),
                "markdown": Markup,  # our own explanations (with links and code), not data
            },
        ),
    ]


# --- Helpers --------------------------------------------------------------------------------


def _code(tekst: str) -> str:
    """A Markdown code span around our own text (backticks inside get a longer fence)."""
    tekst = " ".join(tekst.split())
    return f"`` {tekst} ``" if "`" in tekst else f"`{tekst}`"


def _opsomming(waarden: tuple[Any, ...]) -> str:
    return ", ".join(_code(yaml_waarde(w)) for w in waarden)


def _toegestaan(veld: catalogus.Veld) -> Markup:
    """What an editor may write in the field, in words."""
    tekst = _waarden_tekst(veld)
    if veld.lijst:
        minstens = ", minstens één" if veld.minstens_een else ""
        tekst = f"een lijst{minstens}; elk: {tekst}"
    if veld.naam in EXTRA_REGELS:
        extra = EXTRA_REGELS[veld.naam]
        tekst = extra if tekst == "tekst" else f"{tekst}; {extra}"
    return Markup(tekst)


def _waarden_tekst(veld: catalogus.Veld) -> str:
    """What one value (of a list: one item) may be."""
    if veld.soort == "onderdeel":
        onderdeel = veld.onderdeelnaam or ""
        return f"velden van [{md(onderdeel)}](#{anker(onderdeel, onderdeel=True)})"
    if veld.soort == "keuze":
        return f"één van {_opsomming(veld.keuzes)}"
    if veld.soort == "verwijzing" and veld.doel is not None:
        doelsoort = registry.enkelvoud(veld.doel)
        return f"de id van een [{md(doelsoort)}](#{anker(doelsoort)}) uit de gegevens"
    if veld.patroon is not None:
        woorden = PATRONEN.get(veld.patroon, f"tekst volgens het patroon {_code(veld.patroon)}")
        kortst, langst = veld.lengte
        if kortst is not None and langst is not None:
            woorden += f" ({kortst} tot {langst} tekens)"
        return woorden
    woorden_per_soort = {
        "webadres": "een volledig webadres dat met `https://` of `http://` begint",
        "datum": "een datum als JJJJ-MM-DD",
        "ja-nee": "`true` of `false`",
        "getal": "een getal, met een punt als decimaalteken",
    }
    return woorden_per_soort.get(veld.soort, "tekst")


def _voorbeeld(soort: str, veld: catalogus.Veld) -> Any:
    for sleutel in ((soort, veld.naam), (None, veld.naam)):
        if sleutel in VOORBEELDEN:
            return VOORBEELDEN[sleutel]
    waarde = _voorbeeld_uit_soort(veld)
    return [waarde] if veld.lijst else waarde


def _voorbeeld_uit_soort(veld: catalogus.Veld) -> Any:
    """An example for a field nobody wrote one for (a new field): made from its kind."""
    if veld.keuzes:
        return veld.keuzes[0]
    voorbeelden: dict[str, Any] = {
        "webadres": "https://www.example.org/",
        "datum": date(2025, 9, 1),
        "ja-nee": False,
        "getal": 1,
    }
    if veld.soort in voorbeelden:
        return voorbeelden[veld.soort]
    if veld.patroon == ID_PATTERN:
        return "voorbeeld"
    return "Voorbeeld"


def _voorbeeldwaarde(model: type[BaseModel], veld: Veld) -> Any:
    """The example of a field, with nested parts filled in from their own examples."""
    if veld.onderdeel is None:
        return veld.voorbeeld
    eigen = catalogus.veld(model, veld.naam)
    assert eigen is not None and eigen.onderdeel is not None
    onderdeel = eigen.onderdeel
    waarde = {v.naam: _voorbeeldwaarde(onderdeel, v) for v in velden(onderdeel, veld.onderdeel)}
    return [waarde] if eigen.lijst else waarde
