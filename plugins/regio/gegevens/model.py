"""The data model: one frozen class per kind of thing, references by id.

The models describe the *shape* of the entries of the two data files (the file models are made
from them by :mod:`regio.gegevens.registry`); the rules that need more than one value
(references, dates in order, contact data) live in :mod:`regio.gegevens.checks`. The JSON
Schemas that editors get for autocompletion are generated from these classes
(:mod:`regio.gegevens.schema`), so the field descriptions below are written in Dutch for them.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal, TypeVar
from urllib.parse import urlsplit

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, Strict

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
PROVINCIE_CODE_PATTERN = r"^NL-[A-Z]{2}$"
MAAND_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])$"


def _date_or_iso_text(value: Any) -> Any:
    """Accept a YAML date or an ISO text (what JSON Schema allows), never a number."""
    if isinstance(value, datetime):
        raise ValueError("datum_met_tijd")
    if isinstance(value, date | str):
        return value
    raise ValueError("geen_datum")


def _maand_niet_datum(value: Any) -> Any:
    """A month is written JJJJ-MM; YAML reads JJJJ-MM-DD as a date, which is not a month."""
    if isinstance(value, date):
        raise ValueError("maand_met_dag")
    return value


Tekst = Annotated[str, Strict(), Field(min_length=1)]
Id = Annotated[str, Strict(), Field(pattern=ID_PATTERN, min_length=2, max_length=80)]
Verwijzing = Annotated[str, Strict(), Field(pattern=ID_PATTERN, min_length=2, max_length=80)]
Datum = Annotated[date, Strict(False), BeforeValidator(_date_or_iso_text)]
Url = Annotated[str, Strict(), Field(min_length=1, json_schema_extra={"format": "uri"})]
# A month (JJJJ-MM): when facts were taken from their sources is known to the month, not the day.
Maand = Annotated[str, BeforeValidator(_maand_niet_datum), Strict(), Field(pattern=MAAND_PATTERN)]
Sector = Literal["po", "so", "vso", "vo", "mbo", "hbo", "wo"]


T = TypeVar("T")
# A YAML list, stored as an immutable tuple (lax only in list -> tuple; items stay strict).
Lijst = Annotated[tuple[T, ...], Strict(False)]


def alleen_website(url: str) -> bool:
    """True when a source is a site's home page: the facts are somewhere on the organisation's
    website, the exact page is unknown (a page shows it as 'website van de organisatie')."""
    delen = urlsplit(url)
    return bool(delen.netloc) and delen.path in ("", "/") and not delen.query and not delen.fragment


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Coordinaten(Model):
    """Explicit coordinates (WGS84), for a place that a town name does not pin down."""

    # YAML's .nan and .inf are floats too; they are no place on earth.
    lat: float = Field(
        allow_inf_nan=False, description="Breedtegraad in graden (WGS84), bijvoorbeeld 52.09."
    )
    lon: float = Field(
        allow_inf_nan=False, description="Lengtegraad in graden (WGS84), bijvoorbeeld 5.12."
    )


class Feit(Model):
    """A dated fact about a programme, with its own source."""

    tekst: Tekst = Field(description="Het feit in één of twee zinnen, in eigen woorden.")
    datum: Datum | None = Field(
        default=None, description="Datum waarop het feit gold (JJJJ-MM-DD)."
    )
    bron: Lijst[Url] = Field(default=(), description="Webadres(sen) waar dit feit staat.")
    aantal: Annotated[int, Strict(), Field(ge=0)] | None = Field(
        default=None,
        description="Het aantal dat het feit noemt, als het iets telt (bijv. 50 onderwijsregio's).",
    )
    telt: Literal["onderwijsregios", "projecten"] | None = Field(
        default=None,
        description="Wat 'aantal' telt: onderwijsregios, of projecten van dit programma. "
        "De pagina Dekking zet het naast wat de gegevens bevatten.",
    )


class Entiteit(Model):
    """Fields every entity shares."""

    id: Id = Field(
        description="Vaste sleutel: kleine letters, cijfers en streepjes, uniek in alle bestanden."
    )
    naam: Tekst = Field(description="Naam zoals de organisatie of regio die zelf gebruikt.")
    bron: Lijst[Url] = Field(
        default=(),
        description="Webadres(sen) van de openbare bron(nen) voor deze gegevens. Alleen de "
        "hoofdpagina van een site (https://www.voorbeeld.nl/) betekent: ergens op de website "
        "van de organisatie, het precieze adres is onbekend.",
    )
    gecontroleerd: Datum | None = Field(
        default=None, description="Datum waarop iemand de gegevens het laatst heeft nagekeken."
    )
    # Which facts are not in the source as such (checked in regio.gegevens.checks.afgeleid).
    afgeleid: Lijst[Tekst] = Field(
        default=(),
        description="Velden die niet letterlijk in de bron staan maar zijn afgeleid, bijv. de "
        "provincie uit de plaatsnaam, of die algemene kennis zijn. Schrijf de veldnamen, "
        "bijv. [provincies]; elk veld moet bij deze soort horen en ingevuld zijn.",
    )
    # When the facts were taken from the sources, as opposed to `gecontroleerd` (an editor
    # checked them against the sources later).
    ontleend: Maand | None = Field(
        default=None,
        description="Maand waarin de gegevens uit de bron(nen) zijn overgenomen (JJJJ-MM), "
        "bijv. 2026-11. Los van 'gecontroleerd': dat is wanneer iemand ze heeft nagekeken.",
    )


class Organisatie(Entiteit):
    """An organisation: support organisation, sector council, teacher-training institute, …"""

    soort: Literal[
        "ondersteuning",
        "sectororganisatie",
        "overheid",
        "lerarenopleiding",
        "schoolbestuur",
        "onderwijsinstelling",
        "overig",
    ] = Field(description="Soort organisatie.")
    volledige_naam: Tekst | None = Field(default=None, description="Officiële volledige naam.")
    afkorting: Tekst | None = Field(default=None, description="Gangbare afkorting.")
    sectoren: Lijst[Sector] = Field(
        default=(), description="Onderwijssectoren waarvoor de organisatie werkt."
    )
    beschrijving: Tekst | None = Field(default=None, description="Korte beschrijving (Markdown).")
    opgericht: Datum | None = Field(default=None, description="Datum van oprichting.")
    plaats: Tekst | None = Field(default=None, description="Vestigingsplaats.")
    website: Url | None = Field(default=None, description="Website (https://…).")
    email: Tekst | None = Field(default=None, description="Algemeen e-mailadres.")
    telefoon: Tekst | None = Field(default=None, description="Algemeen telefoonnummer.")


class Persoon(Entiteit):
    """A contact person. Contact data is shown only when ``openbaar`` is true."""

    functie: Tekst = Field(description="Functie, bijvoorbeeld 'regiocoördinator'.")
    organisatie: Verwijzing = Field(description="id van de organisatie waar deze persoon werkt.")
    email: Tekst | None = Field(default=None, description="E-mailadres.")
    telefoon: Tekst | None = Field(
        default=None, description="Telefoonnummer zoals de bron het schrijft, bijv. 06-12345678."
    )
    openbaar: bool = Field(
        default=False,
        description="true als de bron de contactgegevens zelf openbaar publiceert; "
        "alleen dan toont de site ze.",
    )

    def zichtbaar(self) -> Persoon:
        """The person as the site, the map and the open data show them: without e-mail and
        phone unless the data marks them public (the one place this rule is written)."""
        if self.openbaar:
            return self
        return self.model_copy(update={"email": None, "telefoon": None})


class Provincie(Entiteit):
    """One of the twelve provinces."""

    code: Annotated[str, Strict(), Field(pattern=PROVINCIE_CODE_PATTERN)] = Field(
        description="ISO 3166-2-code, bijvoorbeeld NL-UT."
    )
    hoofdstad: Tekst | None = Field(default=None, description="Hoofdstad van de provincie.")
    regiocoordinator: Verwijzing = Field(
        description="id van de persoon die regiocoördinator van het Arbeidsmarktplatform PO is "
        "voor deze provincie."
    )


class Programma(Entiteit):
    """A national policy line or programme: onderwijsregio's, Samen Opleiden, RAP, RAL, …"""

    afkorting: Tekst | None = Field(default=None, description="Gangbare afkorting, bijv. RAP.")
    beschrijving: Tekst = Field(description="Wat het programma is (Markdown, eigen woorden).")
    start: Datum | None = Field(default=None, description="Startdatum.")
    eind: Datum | None = Field(default=None, description="Einddatum (niet vóór de start).")
    opvolger: Verwijzing | None = Field(
        default=None, description="id van het programma dat dit programma voortzet."
    )
    organisaties: Lijst[Verwijzing] = Field(
        default=(), description="ids van organisaties die het programma dragen."
    )
    website: Url | None = Field(default=None, description="Website (https://…).")
    feiten: Lijst[Feit] = Field(
        default=(), description="Gedateerde feiten en aantallen, elk met bron."
    )


class Gebied(Entiteit):
    """Fields shared by things that sit somewhere on the map."""

    # Required, but may be empty when the source names no sector and `onzeker` says so
    # (regio.gegevens.checks.sectoren): a sector the source does not give is not made up.
    sectoren: Lijst[Sector] = Field(
        description="Onderwijssectoren (po, so, vso, vo, mbo …). Alleen leeg ([]) als de bron "
        "geen sector noemt; zeg dat dan in 'onzeker'."
    )
    provincies: Lijst[Verwijzing] = Field(
        default=(), description="ids van de provincies waarin het actief is."
    )
    gemeenten: Lijst[Tekst] = Field(
        default=(),
        description="De gemeenten die samen het gebied vormen, geschreven zoals het CBS ze noemt "
        "(bijv. Súdwest-Fryslân, 's-Hertogenbosch). De provincies volgen eruit: die hoeven dan "
        "niet ook onder 'provincies'.",
    )
    gemeenten_volledig: bool = Field(
        default=True,
        description="false als de bron maar een deel van de gemeenten van het gebied noemt.",
    )
    landelijk: bool = Field(
        default=False,
        description="true als het landelijk werkt, zonder eigen gebied (zoals de landelijke "
        "onderwijsregio's); dan staan er geen provincies bij.",
    )
    plaats: Tekst | None = Field(default=None, description="Plaats (een Nederlandse plaatsnaam).")
    coordinaten: Coordinaten | None = Field(
        default=None, description="Expliciete coördinaten, als de plaatsnaam niet volstaat."
    )
    penvoerder: Verwijzing | None = Field(default=None, description="id van de penvoerder.")
    organisaties: Lijst[Verwijzing] = Field(
        default=(), description="ids van deelnemende organisaties."
    )
    website: Url | None = Field(default=None, description="Website (https://…).")
    toelichting: Tekst | None = Field(default=None, description="Toelichting (Markdown).")
    onzeker: Tekst | None = Field(
        default=None,
        description="Als de bron twijfel laat: wat er onzeker is. "
        "De site toont dit als waarschuwing.",
    )


class Onderwijsregio(Gebied):
    """A regional partnership of school boards, teacher-training institutes and the profession."""

    status: Literal["voorloper", "in-oprichting", "onbekend"] = Field(
        description="voorloper, in-oprichting of onbekend."
    )
    landsdeel: Tekst | None = Field(default=None, description="Landsdeel, bijv. Noord-Nederland.")


class Partnerschap(Gebied):
    """A Samen Opleiden & Professionaliseren partnership (opleidingsschool)."""

    status: Literal["erkend", "aspirant", "onbekend"] = Field(
        description="erkend, aspirant of onbekend."
    )
    status_sinds: Datum | None = Field(default=None, description="Sinds wanneer deze status geldt.")
    opleidingen: Lijst[Verwijzing] = Field(
        default=(), description="ids van de lerarenopleidingen in het partnerschap."
    )


class Project(Gebied):
    """A project within a programme, such as a RAP region or the VO-raad project."""

    programma: Verwijzing = Field(description="id van het programma waar het project onder valt.")
    start: Datum | None = Field(default=None, description="Startdatum.")
    eind: Datum | None = Field(default=None, description="(Verwachte) einddatum.")
    contactpersoon: Verwijzing | None = Field(default=None, description="id van de contactpersoon.")
    email: Tekst | None = Field(default=None, description="E-mailadres van het project.")
