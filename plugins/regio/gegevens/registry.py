"""The validated data of both files together, with the place each entity came from."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from regio.gegevens.load import Geladen, Pad
from regio.gegevens.model import (
    ContactsBestand,
    Entiteit,
    Onderwijsregio,
    Organisatie,
    Partnerschap,
    Persoon,
    Programma,
    Project,
    Provincie,
    RegiosBestand,
)
from regio.gegevens.problems import Positie

# Collection name -> the file that holds it, in a stable order used everywhere.
COLLECTIES: dict[str, str] = {
    "provincies": "regions.yaml",
    "programmas": "regions.yaml",
    "onderwijsregios": "regions.yaml",
    "partnerschappen": "regions.yaml",
    "projecten": "regions.yaml",
    "organisaties": "contacts.yaml",
    "personen": "contacts.yaml",
}


@dataclass(frozen=True)
class Plek:
    """Where an entity lives: its collection, index and the loaded file (for positions)."""

    collectie: str
    index: int
    geladen: Geladen

    @property
    def pad(self) -> Pad:
        return (self.collectie, self.index)

    def positie(self, *veld: str | int, sleutel: bool = False) -> Positie:
        return self.geladen.positie((*self.pad, *veld), sleutel=sleutel)


@dataclass(frozen=True)
class Gegevens:
    regios: RegiosBestand
    contacts: ContactsBestand
    geladen: dict[str, Geladen]  # by file name: regions.yaml, contacts.yaml

    @property
    def provincies(self) -> tuple[Provincie, ...]:
        return self.regios.provincies

    @property
    def programmas(self) -> tuple[Programma, ...]:
        return self.regios.programmas

    @property
    def onderwijsregios(self) -> tuple[Onderwijsregio, ...]:
        return self.regios.onderwijsregios

    @property
    def partnerschappen(self) -> tuple[Partnerschap, ...]:
        return self.regios.partnerschappen

    @property
    def projecten(self) -> tuple[Project, ...]:
        return self.regios.projecten

    @property
    def organisaties(self) -> tuple[Organisatie, ...]:
        return self.contacts.organisaties

    @property
    def personen(self) -> tuple[Persoon, ...]:
        return self.contacts.personen

    def collectie(self, naam: str) -> tuple[Entiteit, ...]:
        bestand = self.regios if COLLECTIES[naam] == "regions.yaml" else self.contacts
        entiteiten: tuple[Entiteit, ...] = getattr(bestand, naam)
        return entiteiten

    def alle(self) -> Iterator[tuple[Entiteit, Plek]]:
        """Every entity with its place, in file order."""
        for naam, bestand in COLLECTIES.items():
            for index, entiteit in enumerate(self.collectie(naam)):
                yield entiteit, Plek(naam, index, self.geladen[bestand])
