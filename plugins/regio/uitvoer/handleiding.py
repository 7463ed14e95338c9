"""The editors' guide pages that are generated, so they never drift from the code.

- ``redactie/velden.md``: per kind (provincie, programma, …) a table of its fields: required or
  not, the model's own Dutch description, the allowed values (from the JSON Schema of the model
  and the reference rules of :mod:`regio.gegevens.checks`) and an example, plus a new entry to copy;
- ``redactie/foutmeldingen.md``: the most common messages of ``regio validate``, what they mean
  and what to do. The messages are a committed list:
  ``tests/uitvoer/test_handleiding.py`` makes each mistake in a copy of the fixture data and
  checks that the validator prints exactly that message.

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


# --- The common errors ----------------------------------------------------------------------


@dataclass(frozen=True)
class Voorbeeldfout:
    """A common mistake: the lines before and after, the message, what it means, what to do.

    ``goed`` occurs exactly once in ``tests/fixtures/geldig/<bestand>``; replacing it with
    ``fout`` makes the validator print exactly ``melding`` (checked by the tests).
    """

    anker: str
    titel: str
    bestand: str
    goed: str
    fout: str
    melding: str
    betekenis: str  # Markdown (our own text)
    oplossing: str  # Markdown (our own text)
    fout_weergave: str | None = None  # how to show `fout` when it holds invisible characters
    goed_weergave: str | None = None  # the fix, when it is not what the test data holds


VOORBEELDFOUTEN: tuple[Voorbeeldfout, ...] = (
    Voorbeeldfout(
        anker="onbekend-veld",
        titel="Onbekend veld (een tikfout in de naam van een veld)",
        bestand="regions.yaml",
        goed="    hoofdstad: Utrecht\n",
        fout="    hoofdstat: Utrecht\n",
        melding="data/regions.yaml:6:5: fout: provincie 'utrecht': onbekend veld 'hoofdstat'. "
        "Bedoelde u 'hoofdstad'? Toegestane velden: bron, code, gecontroleerd, hoofdstad, id, "
        "naam, regiocoordinator.",
        betekenis="Elke soort kent een vaste set velden. Een veld dat er niet bij hoort, wordt "
        "niet stilletjes genegeerd: vaak is het een tikfout, en dan zou de waarde verloren gaan.",
        oplossing="Neem de naam over die de melding voorstelt (`Bedoelde u …?`), of kies een "
        "van de toegestane velden. Alle velden staan op [Velden per soort](velden.md).",
    ),
    Voorbeeldfout(
        anker="ongeldige-waarde",
        titel="Waarde die niet in de lijst staat",
        bestand="regions.yaml",
        goed="    status: erkend\n",
        fout="    status: erkent\n",
        melding="data/regions.yaml:44:13: fout: partnerschap 'voorbeeldpartnerschap': 'erkent' "
        "is geen geldige waarde voor 'status'; toegestaan: erkend, aspirant, onbekend. "
        "Bedoelde u 'erkend'?",
        betekenis="Sommige velden kennen maar een paar waarden, zodat de site ze kan tellen en "
        "filteren. Een andere schrijfwijze telt als een andere waarde.",
        oplossing="Kies precies een van de genoemde waarden, met kleine letters.",
    ),
    Voorbeeldfout(
        anker="lijst-als-tekst",
        titel="Een lijst geschreven als tekst",
        bestand="regions.yaml",
        goed="    sectoren: [po]\n    status: erkend\n",
        fout="    sectoren: po\n    status: erkend\n",
        melding="data/regions.yaml:43:15: fout: partnerschap 'voorbeeldpartnerschap': "
        "'sectoren' moet een lijst zijn, maar is de tekst 'po'; schrijf bijvoorbeeld [po].",
        betekenis="Het veld kan meer dan één waarde hebben en is daarom altijd een lijst, ook "
        "als er maar één waarde in staat.",
        oplossing="Zet de waarde tussen rechte haken: `[po]`, of meer waarden met komma's: "
        "`[po, vo]`.",
    ),
    Voorbeeldfout(
        anker="verwijzing",
        titel="Verwijzing naar een id die niet bestaat",
        bestand="regions.yaml",
        goed="    penvoerder: voorbeeld-pabo\n",
        fout="    penvoerder: voorbeeld-pab\n",
        melding="data/regions.yaml:47:17: fout: partnerschap 'voorbeeldpartnerschap': "
        "'penvoerder' verwijst naar 'voorbeeld-pab', maar er is geen organisatie met die id. "
        "Bedoelde u 'voorbeeld-pabo'?",
        betekenis="Organisaties, personen, provincies en programma's staan één keer in de "
        "gegevens; andere vermeldingen noemen alleen hun `id`. Die id moet precies bestaan.",
        oplossing="Verbeter de tikfout, of voeg de organisatie (of persoon) eerst toe aan "
        "`data/contacts.yaml`, bijvoorbeeld met `regio nieuw organisatie`.",
    ),
    Voorbeeldfout(
        anker="dubbele-id",
        titel="Een id die al bestaat",
        bestand="regions.yaml",
        goed="  - id: voorbeeldproject\n",
        fout="  - id: voorbeeldregio\n",
        melding="data/regions.yaml:52:9: fout: id 'voorbeeldregio' is al in gebruik door "
        "onderwijsregio 'voorbeeldregio' (data/regions.yaml:32); ids moeten uniek zijn in alle "
        "bestanden. Kies een andere id.",
        betekenis="Elke vermelding heeft een eigen id; de site maakt er het webadres van de "
        "pagina van, en verwijzingen gebruiken hem. Twee keer dezelfde id is dus niet toegestaan, "
        "ook niet in verschillende bestanden of bij verschillende soorten.",
        oplossing="Maak de id van de nieuwe vermelding langer of preciezer, bijvoorbeeld met de "
        "plaatsnaam erbij. Verander de id van een bestaande vermelding liever niet: "
        "verwijzingen en links naar de pagina gebruiken hem.",
    ),
    Voorbeeldfout(
        anker="ongeldige-id",
        titel="Een id met hoofdletters of spaties",
        bestand="regions.yaml",
        goed="  - id: voorbeeldpartnerschap\n",
        fout="  - id: Voorbeeld Partnerschap\n",
        melding="data/regions.yaml:41:9: fout: partnerschap 'Voorbeeld Partnerschap': "
        "'Voorbeeld Partnerschap' is geen geldige id voor 'id': gebruik alleen kleine letters, "
        "cijfers en losse streepjes, bijv. 'voorbeeld-partnerschap'.",
        betekenis="Een id wordt deel van een webadres en moet daarom eenvoudig blijven.",
        oplossing="Gebruik het voorstel uit de melding, of schrijf de naam in kleine letters "
        "met streepjes in plaats van spaties.",
    ),
    Voorbeeldfout(
        anker="verplicht-veld",
        titel="Een verplicht veld ontbreekt",
        bestand="regions.yaml",
        goed="    sectoren: [po]\n    status: erkend\n",
        fout="    sectoren: [po]\n",
        melding="data/regions.yaml:41:5: fout: partnerschap 'voorbeeldpartnerschap': "
        "verplicht veld 'status' ontbreekt.",
        betekenis="Zonder dit veld kan de site de vermelding niet goed tonen. De regel in de "
        "melding is die van het begin van de vermelding (`- id: …`).",
        oplossing="Voeg het veld toe. Welke velden verplicht zijn, staat op "
        "[Velden per soort](velden.md). Weet u de waarde niet, kijk dan of `onbekend` mag.",
    ),
    Voorbeeldfout(
        anker="datum",
        titel="Een datum in de verkeerde volgorde",
        bestand="regions.yaml",
        goed="    status_sinds: 2023-06-16\n",
        fout="    status_sinds: 16-06-2023\n",
        melding="data/regions.yaml:45:19: fout: partnerschap 'voorbeeldpartnerschap': "
        "'16-06-2023' is geen geldige datum voor 'status_sinds'; schrijf JJJJ-MM-DD, "
        "bijv. 2024-09-01.",
        betekenis="Datums staan altijd als jaar-maand-dag in de gegevens, zodat ze overal "
        "hetzelfde gelezen worden. De site toont ze zelf als '16 juni 2023'.",
        oplossing="Schrijf de datum als `2023-06-16`, zonder aanhalingstekens.",
    ),
    Voorbeeldfout(
        anker="ja-nee-als-tekst",
        titel="Tekst die YAML als iets anders leest",
        bestand="contacts.yaml",
        goed="    soort: lerarenopleiding\n",
        fout="    soort: lerarenopleiding\n    afkorting: NO\n",
        melding="data/contacts.yaml:14:16: fout: organisatie 'voorbeeld-pabo': 'afkorting' moet "
        "tekst zijn, maar YAML leest NO als ja/nee-waarde; zet de waarde tussen "
        "aanhalingstekens.",
        betekenis="YAML leest sommige woorden en getallen niet als tekst: `no`, `yes`, `on` en "
        "`off` worden ja/nee-waarden, `1.0` een getal en `2024-01-01` een datum.",
        oplossing="Zet de tekst tussen dubbele aanhalingstekens.",
        goed_weergave='    soort: lerarenopleiding\n    afkorting: "NO"\n',
    ),
    Voorbeeldfout(
        anker="e-mailadres",
        titel="Een onjuist e-mailadres",
        bestand="regions.yaml",
        goed="    email: project@example.org\n",
        fout="    email: project@example\n",
        melding="data/regions.yaml:60:12: fout: project 'voorbeeldproject': 'project@example' "
        "is geen geldig e-mailadres; verwacht iets als naam@organisatie.nl.",
        betekenis="Het adres mist een deel, vaak de extensie (`.nl`) of de `@`. De controle "
        "kijkt alleen naar de schrijfwijze, niet of het adres echt bestaat.",
        oplossing="Neem het adres letterlijk over uit de bron.",
    ),
    Voorbeeldfout(
        anker="telefoonnummer",
        titel="Een onjuist telefoonnummer",
        bestand="contacts.yaml",
        goed="    telefoon: 06-12345678\n",
        fout="    telefoon: 06-1234567\n",
        melding="data/contacts.yaml:23:15: fout: persoon 'anna-voorbeeld': '06-1234567' is geen "
        "geldig Nederlands telefoonnummer; schrijf bijvoorbeeld 06-12345678 of 030-1234567.",
        betekenis="Een Nederlands nummer heeft tien cijfers (met het netnummer of `06`). Hier "
        "ontbreekt een cijfer.",
        oplossing="Neem het nummer over zoals de bron het schrijft; streepjes en spaties mogen. "
        "De site toont het nummer zelf in een vaste vorm en maakt er een belknop van.",
    ),
    Voorbeeldfout(
        anker="dubbele-punt",
        titel="De dubbele punt na de naam van een veld ontbreekt",
        bestand="regions.yaml",
        goed="    naam: Partnerschap Voorbeeld\n",
        fout="    naam Partnerschap Voorbeeld\n",
        melding="data/regions.yaml:42:5: fout: YAML-syntaxfout: hier ontbreekt de ':' tussen "
        "sleutel en waarde.",
        betekenis="Het bestand is geen geldige YAML meer, dus de rest van dit bestand kan niet "
        "gecontroleerd worden. Het andere bestand wordt wel gecontroleerd.",
        oplossing="Zet een dubbele punt en een spatie tussen de naam van het veld en de waarde: "
        "`naam: …`.",
    ),
    Voorbeeldfout(
        anker="tab",
        titel="Een tab in plaats van spaties",
        bestand="regions.yaml",
        goed="    naam: Partnerschap Voorbeeld\n",
        fout="\tnaam: Partnerschap Voorbeeld\n",
        fout_weergave="→   naam: Partnerschap Voorbeeld   (→ is de tab)\n",
        melding="data/regions.yaml:42:1: fout: tab gebruikt voor inspringen; YAML staat alleen "
        "spaties toe. Vervang de tab door spaties.",
        betekenis="YAML bepaalt met het inspringen wat bij elkaar hoort, en dat mag alleen met "
        "spaties. Een tab is op het scherm vaak niet van spaties te onderscheiden.",
        oplossing="Vervang de tab door spaties: velden van een vermelding springen vier spaties "
        "in, het streepje van `- id:` twee. `regio fmt` zet het inspringen daarna overal gelijk.",
    ),
    Voorbeeldfout(
        anker="geen-bron",
        titel="Waarschuwing: geen bron",
        bestand="regions.yaml",
        goed="    opleidingen: [voorbeeld-pabo]\n    bron:\n      - https://example.org/partnerschap\n",
        fout="    opleidingen: [voorbeeld-pabo]\n",
        melding="data/regions.yaml:41:5: waarschuwing: partnerschap 'voorbeeldpartnerschap': "
        "geen 'bron'; voeg het webadres toe waar deze gegevens vandaan komen.",
        betekenis="Dit is een waarschuwing, geen fout: de site wordt gewoon gebouwd. Maar elke "
        "vermelding hoort een openbare bron te hebben, zodat lezers en andere redacteuren de "
        "gegevens kunnen nakijken.",
        oplossing="Voeg onder `bron:` het webadres toe waar u de gegevens gevonden hebt.",
    ),
)


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
