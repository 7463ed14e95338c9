"""What covers a gemeente, per sector, and how much of each province the data covers.

The visitor's question ("what covers my gemeente, for my sector, and whom do I contact?") asked
of the Site and its gemeenten, answered once so the templates do no lookups of their own. An
entity covers a gemeente when it lists it in ``gemeenten``; entities without a known area are
named separately ("actief in de provincie"), never counted as covering.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property

from regio.gegevens.gemeenten import Gemeente, Gemeenten
from regio.gegevens.model import Gebied, Onderwijsregio, Partnerschap, Project, Provincie
from regio.gegevens.topologie import binnenpunt
from regio.site import Site

# The three sectors a gemeente page is arranged by, with the sectors each one takes in.
SECTOREN: tuple[tuple[str, str, frozenset[str]], ...] = (
    ("po", "Primair onderwijs", frozenset({"po", "so"})),
    ("vo", "Voortgezet onderwijs", frozenset({"vo", "vso"})),
    ("mbo", "Middelbaar beroepsonderwijs", frozenset({"mbo"})),
)
RAP_PROGRAMMA = "rap"  # the programme whose projects are RAP regions
DICHTBIJ = 5  # how many located entities a gemeente page lists as nearby
KM_PER_GRAAD = 111.32


@dataclass(frozen=True)
class Sectordekking:
    """What covers one gemeente in one sector."""

    code: str
    titel: str
    onderwijsregios: list[Onderwijsregio] = field(default_factory=list)
    rap: list[Project] = field(default_factory=list)
    partnerschappen: list[Partnerschap] = field(default_factory=list)
    projecten: list[Project] = field(default_factory=list)  # other projects with an area

    @property
    def leeg(self) -> bool:
        return not (self.onderwijsregios or self.rap or self.partnerschappen or self.projecten)


@dataclass(frozen=True)
class Gemeentedekking:
    gemeente: Gemeente
    provincie: Provincie | None
    sectoren: list[Sectordekking]
    zonder_gebied: list[Gebied]  # active in the province, area not known
    landelijk: list[Gebied]
    dichtbij: list[tuple[Gebied, float]]  # located entities nearby, with their distance in km


@dataclass(frozen=True)
class Provinciedekking:
    """Per sector: how many of a province's gemeenten lie in a known onderwijsregio / RAP region."""

    provincie: Provincie
    gemeenten: int
    onderwijsregio: dict[str, int]
    rap: dict[str, int]
    regios: list[Gebied]  # the entities with an area in this province


def _afstand(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Kilometres between two (lat, lon) points (equirectangular: fine at this scale)."""
    schaal = math.cos(math.radians((a[0] + b[0]) / 2))
    return math.hypot((a[1] - b[1]) * schaal, a[0] - b[0]) * KM_PER_GRAAD


def _sleutel(gebied: Gebied) -> tuple[str, str]:
    return (gebied.naam.casefold(), gebied.id)


class Dekking:
    """The gemeente questions over a Site whose geography has gemeenten."""

    def __init__(self, site: Site, gemeenten: Gemeenten) -> None:
        assert site.geografie is not None
        self.site = site
        self.gemeenten = gemeenten
        self._geografie = site.geografie
        self._dekt: dict[str, list[Gebied]] = {}
        for gebied in site.gebieden():
            for code in self._geografie.gemeenten_van.get(gebied.id, ()):
                self._dekt.setdefault(code, []).append(gebied)

    @cached_property
    def _midden(self) -> dict[str, tuple[float, float]]:
        """(lat, lon) inside each gemeente's largest polygon; only the 'nearby' lists need it,
        not the map's coverage layer, so it is worked out on first use."""
        return {g.code: binnenpunt(max(g.polygonen, key=_grootte))[::-1] for g in self.gemeenten}

    # -- per gemeente ---------------------------------------------------------------------------

    def provincie_van(self, gemeente: Gemeente) -> Provincie | None:
        return self.site.provincie_van_gemeente(gemeente)

    def per_provincie(self) -> list[tuple[Provincie, tuple[Gemeente, ...]]]:
        return [(p, self.gemeenten.in_provincie(p.code)) for p in self.site.provincies()]

    def dekt(self, gemeente: Gemeente) -> list[Gebied]:
        return sorted(self._dekt.get(gemeente.code, []), key=_sleutel)

    def voor(self, gemeente: Gemeente) -> Gemeentedekking:
        dekt = self.dekt(gemeente)
        sectoren = [self._sector(code, titel, omvat, dekt) for code, titel, omvat in SECTOREN]
        provincie = self.provincie_van(gemeente)
        zonder: list[Gebied] = []
        if provincie is not None:
            for lijst in self.site.in_provincie(provincie).values():
                zonder.extend(g for g in lijst if g.id not in self._geografie.gemeenten_van)
        landelijk = [g for g in self.site.gebieden() if g.landelijk]
        return Gemeentedekking(
            gemeente,
            provincie,
            sectoren,
            sorted(zonder, key=_sleutel),
            sorted(landelijk, key=_sleutel),
            # Nearby: what is not already named above.
            self._dichtbij(gemeente, {g.id for g in [*dekt, *zonder, *landelijk]}),
        )

    def gedekte_sectoren(self, gemeente: Gemeente) -> int:
        """In how many of po, vo and mbo a known onderwijsregio or RAP region covers it."""
        dekt = self.dekt(gemeente)
        sectoren = (self._sector(c, t, o, dekt) for c, t, o in SECTOREN)
        return sum(bool(s.onderwijsregios or s.rap) for s in sectoren)

    def _sector(
        self, code: str, titel: str, omvat: frozenset[str], dekt: list[Gebied]
    ) -> Sectordekking:
        hier = [g for g in dekt if omvat & set(g.sectoren)]
        return Sectordekking(
            code,
            titel,
            onderwijsregios=[g for g in hier if isinstance(g, Onderwijsregio)],
            rap=[g for g in hier if isinstance(g, Project) and g.programma == RAP_PROGRAMMA],
            partnerschappen=[g for g in hier if isinstance(g, Partnerschap)],
            projecten=[g for g in hier if isinstance(g, Project) and g.programma != RAP_PROGRAMMA],
        )

    def _dichtbij(self, gemeente: Gemeente, al: set[str]) -> list[tuple[Gebied, float]]:
        midden = self._midden[gemeente.code]
        kandidaten = [
            (round(_afstand(midden, self._geografie.posities[g.id]), 1), g)
            for g in self.site.gebieden()
            if g.id in self._geografie.posities and g.id not in al
        ]
        kandidaten.sort(key=lambda t: (t[0], *_sleutel(t[1])))
        return [(g, km) for km, g in kandidaten[:DICHTBIJ]]

    # -- coverage -------------------------------------------------------------------------------

    def provincies(self) -> list[Provinciedekking]:
        result = []
        for provincie, gemeenten in self.per_provincie():
            codes = {g.code for g in gemeenten}
            onderwijsregio = {code: 0 for code, _, _ in SECTOREN}
            rap = {code: 0 for code, _, _ in SECTOREN}
            for gemeente in gemeenten:
                for sector in (self._sector(c, t, o, self.dekt(gemeente)) for c, t, o in SECTOREN):
                    onderwijsregio[sector.code] += bool(sector.onderwijsregios)
                    rap[sector.code] += bool(sector.rap)
            regios = {
                g.id: g
                for code in codes
                for g in self._dekt.get(code, [])
                if isinstance(g, Onderwijsregio)
                or (isinstance(g, Project) and g.programma == RAP_PROGRAMMA)
            }
            result.append(
                Provinciedekking(
                    provincie,
                    len(gemeenten),
                    onderwijsregio,
                    rap,
                    sorted(regios.values(), key=_sleutel),
                )
            )
        return result

    def zonder_gebied(self) -> list[Gebied]:
        """Onderwijsregio's and RAP regions in the data whose area (gemeenten) is not known."""
        return sorted(
            (
                g
                for g in self.site.gebieden()
                if not g.landelijk
                and g.id not in self._geografie.gemeenten_van
                and (
                    isinstance(g, Onderwijsregio)
                    or (isinstance(g, Project) and g.programma == RAP_PROGRAMMA)
                )
            ),
            key=_sleutel,
        )

    def gemeente_van_slug(self, slug: str) -> Gemeente | None:
        return self.gemeenten.met_slug(slug)


def _grootte(polygoon: tuple[tuple[tuple[float, float], ...], ...]) -> float:
    buiten = polygoon[0]
    lons = [p[0] for p in buiten]
    lats = [p[1] for p in buiten]
    return (max(lons) - min(lons)) * (max(lats) - min(lats))


def totalen(site: Site, dekking: Dekking) -> list[str]:
    """'8 van de 50 onderwijsregio's (2025) staan in onze gegevens; van 0 is het gebied bekend.'

    The national totals come from the programmes' facts that count something (``aantal`` and
    ``telt``), never from a template; the counts beside them from the data itself.
    """
    regels = []
    bekend = site.geografie.gemeenten_van if site.geografie else {}
    for programma in site.programmas():
        for feit in programma.feiten:
            if feit.aantal is None or feit.telt is None:
                continue
            if feit.telt == "onderwijsregios":
                lijst: list[Gebied] = [g for g in site.onderwijsregios() if not g.landelijk]
                naam = "onderwijsregio's"
            else:
                lijst = list(site.projecten_van(programma))
                naam = f"{programma.afkorting or programma.naam}-regio's"
            jaar = f" ({feit.datum.year})" if feit.datum else ""
            met_gebied = sum(g.id in bekend for g in lijst)
            regels.append(
                f"{len(lijst)} van de {feit.aantal} {naam}{jaar} staan in onze gegevens; "
                f"van {met_gebied or 'geen'} daarvan is bekend welke gemeenten ze omvatten."
            )
    return regels
