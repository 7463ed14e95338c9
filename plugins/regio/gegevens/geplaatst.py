"""The data together with the loaded files: what validation needs to point at a line.

Positions stop here. The checks and the geography get a :class:`Geplaatst`; everything after
validation (the Site, the pages, the open data) gets the plain :class:`Gegevens` with only the
first line of every entity (its :class:`~regio.gegevens.registry.Bronregel`) for the edit links.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TypeVar

from regio.gegevens.load import Geladen, Pad
from regio.gegevens.model import Entiteit
from regio.gegevens.problems import Positie, Veldpad
from regio.gegevens.registry import COLLECTIES, Bronregel, Gegevens

E = TypeVar("E", bound=Entiteit)


@dataclass(frozen=True)
class Plek:
    """Where an entity lives: its collection, index, id and the loaded file (for positions)."""

    collectie: str
    index: int
    ident: str
    geladen: Geladen

    @property
    def pad(self) -> Pad:
        return (self.collectie, self.index)

    def positie(self, *veld: str | int, sleutel: bool = False) -> Positie:
        return self.geladen.positie((*self.pad, *veld), sleutel=sleutel)

    def waar(self, *veld: str | int) -> Veldpad:
        """The structured path of a field of this entity, for a problem."""
        return Veldpad(self.collectie, self.ident, veld)


@dataclass(frozen=True)
class Geplaatst:
    """Validated entities with the loaded files they came from (by file name)."""

    gegevens: Gegevens
    geladen: Mapping[str, Geladen]

    def collectie(self, naam: str) -> tuple[Entiteit, ...]:
        return self.gegevens.collectie(naam)

    def van(self, klasse: type[E]) -> tuple[E, ...]:
        return self.gegevens.van(klasse)

    def alle(self) -> Iterator[tuple[Entiteit, Plek]]:
        """Every entity with its place, in registry and file order."""
        for naam, collectie in COLLECTIES.items():
            geladen = self.geladen.get(collectie.bestand)
            if geladen is None:
                continue
            for index, entiteit in enumerate(self.collectie(naam)):
                yield entiteit, Plek(naam, index, entiteit.id, geladen)

    def herkomst(self) -> dict[str, Bronregel]:
        """Entity id -> its data file and first line (the first entity wins a doubled id)."""
        result: dict[str, Bronregel] = {}
        for entiteit, plek in self.alle():
            bestand = COLLECTIES[plek.collectie].bestand
            result.setdefault(entiteit.id, Bronregel(bestand, plek.positie().regel))
        return result

    def zonder_posities(self) -> Gegevens:
        """The plain data for the Site, with the first line of every entity."""
        return Gegevens(self.gegevens.collecties, self.herkomst())
