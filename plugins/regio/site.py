"""The questions the pages ask of the data, answered once: templates do no lookups themselves."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace

from regio.gegevens.gemeenten import Gemeente
from regio.gegevens.geografie import Geografie
from regio.gegevens.grenzen import Grens, svg_omtrek
from regio.gegevens.model import (
    Entiteit,
    Gebied,
    Onderwijsregio,
    Organisatie,
    Partnerschap,
    Persoon,
    Programma,
    Project,
    Provincie,
    alleen_website,
)
from regio.gegevens.registry import COLLECTIES, Bronregel, Gegevens, kaartlagen

PO_SECTOREN = frozenset({"po", "so", "vso"})
VO_MBO_SECTOREN = frozenset({"vo", "mbo"})
ONDERSTEUNING_SOORTEN = ("ondersteuning", "sectororganisatie", "overheid")


@dataclass(frozen=True)
class Rol:
    """An organisation's part in something: 'penvoerder van' partnership X."""

    rol: str
    entiteit: Entiteit


# What an entry can lack, in the order the editors' page 'Wat ontbreekt' names them.
TEKORTEN = (
    "provincie",  # an area without province (and not national)
    "plaats",  # an area without place
    "penvoerder",  # an area without penvoerder
    "status",  # an onderwijsregio or partnership with status 'onbekend'
    "afgeleid",  # facts that are not literally in the source
    "alleen_website",  # a source that is only a site's home page
    "gecontroleerd",  # no editor has checked it against the source
)
# The groups of 'Wat ontbreekt' besides the provinces.
LANDELIJK = "landelijk"
ZONDER_PROVINCIE = "zonder provincie"
OVERIG = "overig"


@dataclass(frozen=True)
class Tekort:
    """An entry and what it lacks (codes from TEKORTEN)."""

    entiteit: Entiteit
    punten: tuple[str, ...]


def _provincie_eerst(tekort: Tekort) -> tuple[bool, str, str]:
    return (not isinstance(tekort.entiteit, Provincie), *_sleutel(tekort.entiteit))


def _sleutel(entiteit: Entiteit) -> tuple[str, str]:
    return (entiteit.naam.casefold(), entiteit.id)


class Site:
    """Read-only queries over validated data."""

    def __init__(self, gegevens: Gegevens, geografie: Geografie | None = None) -> None:
        self.gegevens = gegevens
        self.geografie = geografie
        self._collectie: dict[str, str] = {}
        self._per_id: dict[str, Entiteit] = {}
        for entiteit, collectie in gegevens.alle():
            self._collectie[entiteit.id] = collectie
            self._per_id[entiteit.id] = entiteit
        # ISO code ('NL-UT') -> province: how a gemeente names its province.
        self._provincie_per_code = {p.code: p for p in gegevens.provincies}
        self._in_provincie: dict[str, list[Gebied]] = defaultdict(list)
        self._rollen: dict[str, list[Rol]] = defaultdict(list)
        self._projecten: dict[str, list[Project]] = defaultdict(list)
        for gebied in self.gebieden():
            for provincie in self._provincie_ids(gebied):
                self._in_provincie[provincie].append(gebied)
            if gebied.penvoerder:
                self._rollen[gebied.penvoerder].append(Rol("penvoerder", gebied))
            if isinstance(gebied, Partnerschap):
                for opleiding in gebied.opleidingen:
                    self._rollen[opleiding].append(Rol("lerarenopleiding", gebied))
            for organisatie in gebied.organisaties:
                self._rollen[organisatie].append(Rol("deelnemer", gebied))
            if isinstance(gebied, Project):
                self._projecten[gebied.programma].append(gebied)
        for programma in gegevens.programmas:
            for organisatie in programma.organisaties:
                self._rollen[organisatie].append(Rol("draagt programma", programma))

    # -- single entities ----------------------------------------------------------------------

    def heeft(self, ident: str) -> bool:
        return ident in self._per_id

    def entiteit(self, ident: str) -> Entiteit:
        return self._per_id[ident]

    def persoon(self, ident: str) -> Persoon:
        persoon = self._per_id[ident]
        assert isinstance(persoon, Persoon)
        return persoon

    def organisatie(self, ident: str) -> Organisatie:
        organisatie = self._per_id[ident]
        assert isinstance(organisatie, Organisatie)
        return organisatie

    def organisaties_van(self, idents: tuple[str, ...]) -> list[Organisatie]:
        return [self.organisatie(ident) for ident in idents]

    def programma(self, ident: str) -> Programma:
        programma = self._per_id[ident]
        assert isinstance(programma, Programma)
        return programma

    def provincie(self, ident: str) -> Provincie:
        provincie = self._per_id[ident]
        assert isinstance(provincie, Provincie)
        return provincie

    def collectie_van(self, entiteit: Entiteit) -> str:
        return self._collectie[entiteit.id]

    def pagina(self, entiteit: Entiteit) -> str | None:
        """The Markdown path of an entity's page, or None (persons have none)."""
        map_ = COLLECTIES[self.collectie_van(entiteit)].map
        return f"{map_}/{entiteit.id}.md" if map_ else None

    def bronregel(self, entiteit: Entiteit) -> Bronregel:
        """The data file and line where the entity starts (for 'Wijziging voorstellen')."""
        bestand = COLLECTIES[self.collectie_van(entiteit)].bestand
        return self.gegevens.herkomst.get(entiteit.id, Bronregel(bestand, 1))

    # -- collections --------------------------------------------------------------------------

    def provincies(self) -> list[Provincie]:
        return sorted(self.gegevens.provincies, key=_sleutel)

    def gebieden(self) -> list[Gebied]:
        """Everything on the map (the map layers' entities), in registry and file order."""
        return [
            gebied
            for laag in kaartlagen()
            for gebied in self.gegevens.collectie(laag.naam)
            if isinstance(gebied, Gebied)
        ]

    def gesorteerd(self, collectie: str) -> list[Entiteit]:
        """Any collection's entities, sorted by name."""
        return sorted(self.gegevens.collectie(collectie), key=_sleutel)

    def collectie_gesorteerd(self, collectie: str) -> list[Gebied]:
        """A map layer's entities (onderwijsregio's, partnerships, projects), sorted by name."""
        return [g for g in self.gesorteerd(collectie) if isinstance(g, Gebied)]

    def omtrek(self, provincie: Provincie) -> str | None:
        """Inline SVG outline of a province, when the boundaries are known."""
        if self.geografie is None or provincie.code not in self.geografie.grenzen:
            return None
        # The boundary file names Fryslân "Friesland": the title uses our own name.
        return svg_omtrek(dict(self.provinciegrenzen())[provincie])

    def provinciegrenzen(self) -> list[tuple[Provincie, Grens]]:
        """Each province with a known boundary, named as in our data, in the provinces' order."""
        if self.geografie is None:
            return []
        return [
            (p, replace(self.geografie.grenzen[p.code], naam=p.naam))
            for p in self.provincies()
            if p.code in self.geografie.grenzen
        ]

    def onderwijsregios(self) -> list[Onderwijsregio]:
        return sorted(self.gegevens.onderwijsregios, key=_sleutel)

    def partnerschappen(self) -> list[Partnerschap]:
        return sorted(self.gegevens.partnerschappen, key=_sleutel)

    def projecten(self) -> list[Project]:
        return sorted(self.gegevens.projecten, key=_sleutel)

    def programmas(self) -> list[Programma]:
        return sorted(self.gegevens.programmas, key=_sleutel)

    def organisaties(self) -> list[Organisatie]:
        return sorted(self.gegevens.organisaties, key=_sleutel)

    # -- the questions pages ask --------------------------------------------------------------

    def coordinator(self, provincie: Provincie) -> Persoon:
        return self.persoon(provincie.regiocoordinator)

    def coordinatiegebied(self, persoon: Persoon) -> list[Provincie]:
        return [p for p in self.provincies() if p.regiocoordinator == persoon.id]

    def in_provincie(self, provincie: Provincie) -> dict[str, list[Gebied]]:
        """What is active in a province, per collection, sorted by name."""
        result: dict[str, list[Gebied]] = {laag.naam: [] for laag in kaartlagen()}
        for gebied in self._in_provincie.get(provincie.id, []):
            result[self.collectie_van(gebied)].append(gebied)
        return {naam: sorted(lijst, key=_sleutel) for naam, lijst in result.items()}

    def provincies_van(self, gebied: Gebied) -> list[Provincie]:
        """The provinces it declares, then those its gemeenten lie in (one fact, written once)."""
        return [self.provincie(p) for p in self._provincie_ids(gebied)]

    def _provincie_ids(self, gebied: Gebied) -> list[str]:
        ids = list(gebied.provincies)
        if self.geografie is None or self.geografie.gemeenten is None:
            return ids
        for code in self.geografie.gemeenten_van.get(gebied.id, ()):
            gemeente = self.geografie.gemeenten.met_code(code)
            provincie = self.provincie_van_gemeente(gemeente) if gemeente else None
            if provincie is not None and provincie.id not in ids:
                ids.append(provincie.id)
        return ids

    def provincie_van_gemeente(self, gemeente: Gemeente) -> Provincie | None:
        """The province the gemeente lies in (None when our data lacks that province)."""
        return self._provincie_per_code.get(gemeente.provincie)

    def gemeenten_van(self, gebied: Gebied) -> list[Gemeente]:
        """The gemeenten an entity lists, as known gemeenten, sorted by name."""
        if self.geografie is None or self.geografie.gemeenten is None:
            return []
        gemeenten = self.geografie.gemeenten
        lijst = [gemeenten.met_code(c) for c in self.geografie.gemeenten_van.get(gebied.id, ())]
        return sorted((g for g in lijst if g is not None), key=lambda g: g.slug)

    def onderwijsregios_per_status(self) -> dict[str, list[Onderwijsregio]]:
        result: dict[str, list[Onderwijsregio]] = {
            "voorloper": [],
            "in-oprichting": [],
            "onbekend": [],
        }
        for regio in self.onderwijsregios():
            result[regio.status].append(regio)
        return result

    def partnerschappen_po(self) -> list[Partnerschap]:
        """PO/(V)SO: partnerships with a po, so or vso sector."""
        return [p for p in self.partnerschappen() if PO_SECTOREN & set(p.sectoren)]

    def partnerschappen_vo_mbo(self) -> list[Partnerschap]:
        return [p for p in self.partnerschappen() if VO_MBO_SECTOREN & set(p.sectoren)]

    def partnerschappen_zonder_sector(self) -> list[Partnerschap]:
        """Partnerships whose source names no sector (their 'onzeker' says so)."""
        return [p for p in self.partnerschappen() if not p.sectoren]

    def ondersteuning(self) -> dict[str, list[Organisatie]]:
        """Support organisations, sector councils and government, per kind."""
        result: dict[str, list[Organisatie]] = {soort: [] for soort in ONDERSTEUNING_SOORTEN}
        for organisatie in self.organisaties():
            if organisatie.soort in result:
                result[organisatie.soort].append(organisatie)
        return result

    def rollen(self, organisatie: Organisatie) -> list[Rol]:
        return sorted(
            self._rollen.get(organisatie.id, []), key=lambda r: (r.rol, *_sleutel(r.entiteit))
        )

    def personen_bij(self, organisatie: Organisatie) -> list[Persoon]:
        return sorted(
            (p for p in self.gegevens.personen if p.organisatie == organisatie.id), key=_sleutel
        )

    def projecten_van(self, programma: Programma) -> list[Project]:
        return sorted(self._projecten.get(programma.id, []), key=_sleutel)

    def voorgangers(self, programma: Programma) -> list[Programma]:
        return [p for p in self.programmas() if p.opvolger == programma.id]

    # -- what the data lacks (the editors' page 'Wat ontbreekt') --------------------------------

    def ondersteuning_voor(self, sector: str) -> list[Organisatie]:
        """Support organisations for this one sector only: Voion for vo, SOM for mbo."""
        return [
            o for o in self.organisaties() if o.soort == "ondersteuning" and o.sectoren == (sector,)
        ]

    def tekorten(self, entiteit: Entiteit) -> tuple[str, ...]:
        """What an entry lacks or does not have literally from its source (TEKORTEN codes)."""
        punten: set[str] = set()
        if isinstance(entiteit, Gebied):
            if not entiteit.landelijk and not self._provincie_ids(entiteit):
                punten.add("provincie")
            if not entiteit.plaats and not entiteit.landelijk:
                punten.add("plaats")
            if not entiteit.penvoerder:
                punten.add("penvoerder")
            if getattr(entiteit, "status", None) == "onbekend":
                punten.add("status")
        if entiteit.afgeleid:
            punten.add("afgeleid")
        if any(alleen_website(bron) for bron in entiteit.bron):
            punten.add("alleen_website")
        if entiteit.gecontroleerd is None:
            punten.add("gecontroleerd")
        return tuple(t for t in TEKORTEN if t in punten)

    def wat_ontbreekt(self) -> list[tuple[Provincie | str, list[Tekort]]]:
        """Every entry that lacks something, grouped: per province (areas in it and the province
        itself), then national areas, areas without province, and the rest (programmes,
        organisations, persons). Groups in that order, entries by name; empty groups left out."""
        groepen: dict[str, list[Tekort]] = defaultdict(list)
        for entiteit, _ in self.gegevens.alle():
            punten = self.tekorten(entiteit)
            if not punten:
                continue
            tekort = Tekort(entiteit, punten)
            if isinstance(entiteit, Provincie):
                groepen[entiteit.id].append(tekort)
            elif isinstance(entiteit, Gebied):
                provincies = self._provincie_ids(entiteit)
                for provincie in provincies:
                    groepen[provincie].append(tekort)
                if not provincies:
                    groepen[LANDELIJK if entiteit.landelijk else ZONDER_PROVINCIE].append(tekort)
            else:
                groepen[OVERIG].append(tekort)
        volgorde: list[tuple[Provincie | str, str]] = [(p, p.id) for p in self.provincies()]
        volgorde += [(naam, naam) for naam in (LANDELIJK, ZONDER_PROVINCIE, OVERIG)]
        return [
            (groep, sorted(groepen[sleutel], key=_provincie_eerst))
            for groep, sleutel in volgorde
            if groepen.get(sleutel)
        ]

    def tekort_totalen(self) -> dict[str, int]:
        """How many entries lack each thing (each entry counted once)."""
        totalen = dict.fromkeys(TEKORTEN, 0)
        for entiteit, _ in self.gegevens.alle():
            for punt in self.tekorten(entiteit):
                totalen[punt] += 1
        return totalen
