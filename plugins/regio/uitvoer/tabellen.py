"""What the overview tables' filter matches on: per row everything it is about (also what its
cells do not show), and the province and sector choices above a table of areas."""

from __future__ import annotations

from regio.gegevens.model import Entiteit, Gebied, Organisatie, Project, Provincie
from regio.site import Site
from regio.uitvoer.labels import SECTORNAMEN, SOORT, STATUS

# A table with fewer rows is read at a glance: no filter above it.
MIN_RIJEN_FILTER = 6
LANDELIJK = "landelijk"  # the province choice for national entries (no province id is this)


def _uniek(woorden: list[str | None]) -> list[str]:
    gezien: dict[str, None] = {}
    for woord in woorden:
        if woord and woord.casefold() not in {w.casefold() for w in gezien}:
            gezien[woord] = None
    return list(gezien)


def _gemeentenaam(site: Site, code: str | None) -> str | None:
    geografie = site.geografie
    if code is None or geografie is None or geografie.gemeenten is None:
        return None
    gemeente = geografie.gemeenten.met_code(code)
    return gemeente.naam if gemeente else None


def _gemeente_van_plaats(site: Site, plaats: str | None) -> str | None:
    """The gemeente a gazetteer place lies in (Ulvenhout: Breda), by name."""
    if plaats is None or site.geografie is None:
        return None
    for naam, code in site.geografie.plaatsen:
        if naam.casefold() == plaats.casefold():
            return _gemeentenaam(site, code)
    return None


def _gemeenten(site: Site, gebied: Gebied) -> list[str | None]:
    """Where an area is: the gemeenten it covers (as known, else as its data names them), and
    the gemeente its position or its place lies in."""
    namen: list[str | None] = [g.naam for g in site.gemeenten_van(gebied)]
    namen = namen or list(gebied.gemeenten)
    code = site.geografie.gemeente_bij.get(gebied.id) if site.geografie else None
    namen.append(_gemeentenaam(site, code) or _gemeente_van_plaats(site, gebied.plaats))
    return namen


def zoektekst(site: Site, entiteit: Entiteit) -> str:
    """Everything a table row is about, also what its cells do not show (the place, the
    gemeenten, the spelled-out sectors), for the table filter to match on."""
    woorden: list[str | None] = [entiteit.naam]
    if isinstance(entiteit, Gebied):
        status = getattr(entiteit, "status", None)
        woorden.append(STATUS[status] if status else None)
        woorden.append(entiteit.plaats)
        woorden.extend(_gemeenten(site, entiteit))
        if entiteit.landelijk:
            woorden.append(LANDELIJK)
        woorden.extend(p.naam for p in site.provincies_van(entiteit))
        woorden.extend(entiteit.sectoren)
        woorden.extend(SECTORNAMEN[s] for s in entiteit.sectoren)
        if entiteit.penvoerder:
            woorden.append(site.organisatie(entiteit.penvoerder).naam)
        if isinstance(entiteit, Project):
            woorden.append(site.programma(entiteit.programma).naam)
    elif isinstance(entiteit, Organisatie):
        woorden += [entiteit.afkorting, entiteit.volledige_naam, SOORT[entiteit.soort]]
        woorden += [entiteit.plaats, _gemeente_van_plaats(site, entiteit.plaats)]
        woorden.extend(entiteit.sectoren)
        woorden.extend(SECTORNAMEN[s] for s in entiteit.sectoren)
    elif isinstance(entiteit, Provincie):
        woorden += [entiteit.code, entiteit.hoofdstad, site.coordinator(entiteit).naam]
        # Typing one's gemeente finds the province (and so its coordinator).
        if site.geografie is not None and site.geografie.gemeenten is not None:
            woorden.extend(g.naam for g in site.geografie.gemeenten.in_provincie(entiteit.code))
    return " | ".join(_uniek(woorden))


def keuzes(site: Site, gebieden: list[Gebied]) -> dict[str, list[tuple[str, str]]]:
    """The province and sector choices above a table of areas: (value, label) of those that
    occur in it, in the order of the provinces and of SECTORNAMEN; none for a short table."""
    if len(gebieden) < MIN_RIJEN_FILTER:
        return {"provincies": [], "sectoren": []}
    ids = {p.id for g in gebieden for p in site.provincies_van(g)}
    provincies = [(p.id, p.naam) for p in site.provincies() if p.id in ids]
    if any(g.landelijk for g in gebieden):
        provincies.append((LANDELIJK, "Landelijk"))
    codes = {s for g in gebieden for s in g.sectoren}
    sectoren: list[tuple[str, str]] = [
        (s, f"{s} ({naam})") for s, naam in SECTORNAMEN.items() if s in codes
    ]
    return {"provincies": provincies, "sectoren": sectoren}
