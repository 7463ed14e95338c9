"""The one registry of collections, and the validated data they hold.

What the collections are (YAML key, file, model, page folder, labels, map layer, references) is
written here once; the file models (and so the JSON Schemas), the messages, the pages, the map,
the open data, the editors' guide and `regio nieuw` all derive from :data:`COLLECTIES`. A new
kind of entity is a model class in :mod:`regio.gegevens.model`, an entry here and a page template.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any, NamedTuple, TypeVar, cast

from pydantic import Field, create_model

from regio.gegevens.model import (
    Entiteit,
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

E = TypeVar("E", bound=Entiteit)


@dataclass(frozen=True, eq=False)
class Collectie:
    """One collection of entities: where it lives, what it holds, how the outputs show it."""

    naam: str  # the YAML key: 'partnerschappen'
    enkelvoud: str  # for messages and the guide: 'partnerschap'
    meervoud: str  # in running text: "partnerschappen", "programma's"
    bestand: str  # 'regions.yaml'
    model: type[Entiteit]
    beschrijving: str  # the key's Dutch description in the file's JSON Schema
    titel: str  # heading of its map layer and its open-data file
    map: str | None = None  # folder of its pages; None: no pages (persons appear where they work)
    overzicht: str | None = None  # template of the folder's index page
    pagina: str | None = None  # template of an entity's page (context: e, soort)
    kaartlaag: bool = False  # a point layer of the map (the model is a Gebied)
    nieuw: bool = False  # `regio nieuw` can add one
    vast: bool = False  # the entries are fixed (twelve provinces): the guide says how to change
    # Reference fields: field -> the collection whose ids it holds.
    verwijzingen: Mapping[str, str] = field(default_factory=dict)
    open_data: str | None = None  # its description in the open-data JSON (default: beschrijving)

    @property
    def export_beschrijving(self) -> str:
        return self.open_data or self.beschrijving


@dataclass(frozen=True)
class Bestandsoort:
    """A data file: its name and the description of its file model."""

    naam: str  # 'regions.yaml'
    klasse: str  # 'RegiosBestand'
    beschrijving: str  # the model's docstring (the schema's description)


BESTANDSOORTEN: dict[str, Bestandsoort] = {
    "regions.yaml": Bestandsoort(
        "regions.yaml",
        "RegiosBestand",
        "``data/regions.yaml``: provinces, programmes, onderwijsregio's, partnerships and "
        "projects.",
    ),
    "contacts.yaml": Bestandsoort(
        "contacts.yaml", "ContactsBestand", "``data/contacts.yaml``: organisations and people."
    ),
}

# The references every kind on the map has (see model.Gebied).
_GEBIED = {"provincies": "provincies", "penvoerder": "organisaties", "organisaties": "organisaties"}

# Every collection, in the stable order used everywhere (files, schemas, open data, checks).
COLLECTIES: dict[str, Collectie] = {
    c.naam: c
    for c in (
        Collectie(
            "provincies",
            "provincie",
            "provincies",
            "regions.yaml",
            Provincie,
            "De twaalf provincies.",
            "Provincies",
            map="provincies",
            overzicht="provincies.md.j2",
            pagina="provincie.md.j2",
            vast=True,
            verwijzingen={"regiocoordinator": "personen"},
            open_data="De provincies.",
        ),
        Collectie(
            "programmas",
            "programma",
            "programma's",
            "regions.yaml",
            Programma,
            "Landelijke programma's en beleidslijnen.",
            "Programma's",
            map="programmas",
            overzicht="programmas.md.j2",
            pagina="programma.md.j2",
            verwijzingen={"opvolger": "programmas", "organisaties": "organisaties"},
        ),
        Collectie(
            "onderwijsregios",
            "onderwijsregio",
            "onderwijsregio's",
            "regions.yaml",
            Onderwijsregio,
            "Onderwijsregio's.",
            "Onderwijsregio's",
            map="onderwijsregios",
            overzicht="onderwijsregios.md.j2",
            pagina="gebied.md.j2",
            kaartlaag=True,
            nieuw=True,
            verwijzingen=_GEBIED,
        ),
        Collectie(
            "partnerschappen",
            "partnerschap",
            "partnerschappen",
            "regions.yaml",
            Partnerschap,
            "Partnerschappen Samen Opleiden.",
            "Partnerschappen Samen Opleiden",
            map="partnerschappen",
            overzicht="partnerschappen.md.j2",
            pagina="gebied.md.j2",
            kaartlaag=True,
            nieuw=True,
            verwijzingen={**_GEBIED, "opleidingen": "organisaties"},
        ),
        Collectie(
            "projecten",
            "project",
            "projecten",
            "regions.yaml",
            Project,
            "Projecten (RAP, RAL en andere).",
            "Projecten",
            map="projecten",
            overzicht="projecten.md.j2",
            pagina="gebied.md.j2",
            kaartlaag=True,
            nieuw=True,
            verwijzingen={**_GEBIED, "programma": "programmas", "contactpersoon": "personen"},
        ),
        Collectie(
            "organisaties",
            "organisatie",
            "organisaties",
            "contacts.yaml",
            Organisatie,
            "Organisaties.",
            "Organisaties",
            map="organisaties",
            overzicht="organisaties.md.j2",
            pagina="organisatie.md.j2",
            nieuw=True,
        ),
        Collectie(
            "personen",
            "persoon",
            "personen",
            "contacts.yaml",
            Persoon,
            "Contactpersonen.",
            "Contactpersonen",
            nieuw=True,
            verwijzingen={"organisatie": "organisaties"},
            open_data="Contactpersonen; e-mail en telefoon alleen als 'openbaar' true is.",
        ),
    )
}

# The order in which `regio nieuw` lists the kinds it adds.
NIEUW_VOLGORDE = ("partnerschap", "project", "onderwijsregio", "persoon", "organisatie")
# The order in which the pages are generated (and so listed in the search index); a collection
# not named here follows these.
PAGINA_VOLGORDE = (
    "provincies",
    "onderwijsregios",
    "partnerschappen",
    "projecten",
    "programmas",
    "organisaties",
)


# -- looking things up --------------------------------------------------------------------------


def collectie(naam: str) -> Collectie:
    return COLLECTIES[naam]


def enkelvoud(naam: str) -> str:
    """'partnerschappen' -> 'partnerschap'."""
    return COLLECTIES[naam].enkelvoud


def van_model(model: type[Any]) -> Collectie | None:
    """The collection that holds entities of exactly this class."""
    return next((c for c in COLLECTIES.values() if c.model is model), None)


def in_bestand(bestand: str) -> list[Collectie]:
    return [c for c in COLLECTIES.values() if c.bestand == bestand]


def kaartlagen() -> list[Collectie]:
    """The point layers of the map, and the kinds geography places."""
    return [c for c in COLLECTIES.values() if c.kaartlaag]


def met_paginas() -> list[Collectie]:
    """The collections with pages, in the order the pages are generated."""
    rang = {naam: i for i, naam in enumerate(PAGINA_VOLGORDE)}
    paginas = [c for c in COLLECTIES.values() if c.map is not None]
    return sorted(paginas, key=lambda c: rang.get(c.naam, len(rang)))


def nieuwe_soorten() -> list[Collectie]:
    """The kinds `regio nieuw` adds, the usual ones first."""
    rang = {soort: i for i, soort in enumerate(NIEUW_VOLGORDE)}
    nieuw = [c for c in COLLECTIES.values() if c.nieuw]
    return sorted(nieuw, key=lambda c: rang.get(c.enkelvoud, len(rang)))


# -- the file models, generated ------------------------------------------------------------------


def bestanden() -> dict[str, type[Model]]:
    """File name -> the model of the whole file (``RegiosBestand``, ``ContactsBestand``)."""
    return _bestanden(tuple(COLLECTIES.values()))


@cache
def _bestanden(collecties: tuple[Collectie, ...]) -> dict[str, type[Model]]:
    result: dict[str, type[Model]] = {}
    for soort in BESTANDSOORTEN.values():
        velden: dict[str, Any] = {
            c.naam: (Lijst[c.model], Field(default=(), description=c.beschrijving))  # type: ignore[name-defined]
            for c in collecties
            if c.bestand == soort.naam
        }
        result[soort.naam] = create_model(
            soort.klasse, __base__=Model, __doc__=soort.beschrijving, __module__=__name__, **velden
        )
    return result


def leeg_bestand(bestand: str) -> Model:
    return bestanden()[bestand]()


# -- the data -----------------------------------------------------------------------------------


class Bronregel(NamedTuple):
    """Where an entity starts: its data file (e.g. 'regions.yaml') and line, for edit links."""

    bestand: str
    regel: int


@dataclass(frozen=True)
class Gegevens:
    """The validated entities per collection, plus where each starts (no other positions)."""

    collecties: Mapping[str, tuple[Entiteit, ...]]
    herkomst: Mapping[str, Bronregel] = field(default_factory=dict)  # by entity id

    def collectie(self, naam: str) -> tuple[Entiteit, ...]:
        return self.collecties.get(naam, ())

    def van(self, klasse: type[E]) -> tuple[E, ...]:
        """The entities of the collection whose model is ``klasse``."""
        gevonden = van_model(klasse)
        return cast(tuple[E, ...], self.collectie(gevonden.naam)) if gevonden else ()

    def alle(self) -> Iterator[tuple[Entiteit, str]]:
        """Every entity with the name of its collection, in registry and file order."""
        for naam in COLLECTIES:
            for entiteit in self.collectie(naam):
                yield entiteit, naam

    # Typed shortcuts for the queries that are about one kind.
    @property
    def provincies(self) -> tuple[Provincie, ...]:
        return self.van(Provincie)

    @property
    def programmas(self) -> tuple[Programma, ...]:
        return self.van(Programma)

    @property
    def onderwijsregios(self) -> tuple[Onderwijsregio, ...]:
        return self.van(Onderwijsregio)

    @property
    def partnerschappen(self) -> tuple[Partnerschap, ...]:
        return self.van(Partnerschap)

    @property
    def projecten(self) -> tuple[Project, ...]:
        return self.van(Project)

    @property
    def organisaties(self) -> tuple[Organisatie, ...]:
        return self.van(Organisatie)

    @property
    def personen(self) -> tuple[Persoon, ...]:
        return self.van(Persoon)


def uit_bestanden(modellen: Mapping[str, Model]) -> dict[str, tuple[Entiteit, ...]]:
    """The collections held by parsed file models (file name -> model)."""
    result: dict[str, tuple[Entiteit, ...]] = {}
    for naam, c in COLLECTIES.items():
        model = modellen.get(c.bestand)
        result[naam] = tuple(getattr(model, naam)) if model is not None else ()
    return result
