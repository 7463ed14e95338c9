"""The meta description of each generated page: one sentence that search engines show under the
link, made only of facts from the data (an entity page) or saying what the page is for.

The text is plain; :func:`regio.uitvoer.escape.titel` escapes it for the front matter, since the
theme prints ``page.meta.description`` without escaping.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from regio.dekking import Dekking, Gemeentedekking
from regio.gegevens.gemeenten import Gemeente
from regio.gegevens.model import (
    Entiteit,
    Gebied,
    Onderwijsregio,
    Organisatie,
    Partnerschap,
    Programma,
    Project,
    Provincie,
)
from regio.site import Site

MAX_LENGTE = 160  # what search engines show of a description, roughly
MAX_PROVINCIES = 3  # more than this reads as a count: "in 5 provincies"

ONDERWIJSREGIO_STATUS = {
    "voorloper": "voorloper",
    "in-oprichting": "in oprichting",
    "onbekend": "status onbekend",
}
PARTNERSCHAP_STATUS = {"erkend": "erkend", "aspirant": "aspirant", "onbekend": "status onbekend"}
SOORT = {
    "ondersteuning": "ondersteuningsorganisatie",
    "sectororganisatie": "sectororganisatie",
    "overheid": "overheid",
    "lerarenopleiding": "lerarenopleiding",
    "schoolbestuur": "schoolbestuur",
    "onderwijsinstelling": "onderwijsinstelling",
    "overig": "organisatie",
}
ROL = {
    "penvoerder": "penvoerder van",
    "lerarenopleiding": "lerarenopleiding in",
    "deelnemer": "deelnemer aan",
    "draagt programma": "betrokken bij het programma",
}

_WITRUIMTE = re.compile(r"\s+")


def kort(tekst: str, lengte: int = MAX_LENGTE) -> str:
    """One line of at most ``lengte`` characters, cut at a word with '…' when longer."""
    tekst = _WITRUIMTE.sub(" ", tekst).strip()
    if len(tekst) <= lengte:
        return tekst
    knip = tekst[: lengte - 1].rsplit(" ", 1)[0].rstrip(" ,;:(-")
    return knip + "…"


def _lijst(namen: list[str]) -> str:
    """'a', 'a en b', 'a, b en c'."""
    if len(namen) <= 1:
        return "".join(namen)
    return ", ".join(namen[:-1]) + " en " + namen[-1]


def _sectoren(sectoren: tuple[str, ...]) -> str:
    return f" ({', '.join(sectoren)})" if sectoren else ""


def _waar(site: Site, gebied: Gebied) -> str:
    """' in Utrecht', ' in 5 provincies', ' (landelijk)' or nothing."""
    provincies = [p.naam for p in site.provincies_van(gebied)]
    if gebied.landelijk:
        return ", landelijk"
    if not provincies:
        return ""
    if len(provincies) > MAX_PROVINCIES:
        return f" in {len(provincies)} provincies"
    return f" in {_lijst(provincies)}"


def _jaar(datum: Any) -> str:
    return str(datum.year) if datum is not None else ""


def _onderwijsregio(site: Site, e: Onderwijsregio) -> str:
    status = ONDERWIJSREGIO_STATUS[e.status]
    return f"{e.naam}: onderwijsregio{_sectoren(e.sectoren)}{_waar(site, e)}, {status}."


def _partnerschap(site: Site, e: Partnerschap) -> str:
    status = PARTNERSCHAP_STATUS[e.status]
    if e.status_sinds is not None and e.status != "onbekend":
        status += f" sinds {_jaar(e.status_sinds)}"
    return (
        f"{e.naam}: partnerschap Samen Opleiden{_sectoren(e.sectoren)}{_waar(site, e)}, {status}."
    )


def _project(site: Site, e: Project) -> str:
    programma = site.programma(e.programma).naam
    periode = ""
    if e.start is not None:
        periode = f", vanaf {_jaar(e.start)}" + (f" tot {_jaar(e.eind)}" if e.eind else "")
    tekst = f"{e.naam}: project van het programma {programma}{_sectoren(e.sectoren)}"
    return f"{tekst}{_waar(site, e)}{periode}."


def _organisatie(site: Site, e: Organisatie) -> str:
    tekst = f"{e.naam}: {SOORT[e.soort]}"
    if e.plaats:
        tekst += f" in {e.plaats}"
    tekst += _sectoren(e.sectoren)
    rollen = site.rollen(e)
    if len(rollen) == 1:
        tekst += f", {ROL[rollen[0].rol]} {rollen[0].entiteit.naam}"
    elif rollen:
        tekst += f", betrokken bij {len(rollen)} samenwerkingen"
    return tekst + "."


def _programma(site: Site, e: Programma) -> str:
    naam = f"{e.naam} ({e.afkorting})" if e.afkorting else e.naam
    tekst = f"{naam}: landelijk programma"
    if e.start is not None:
        tekst += f" vanaf {_jaar(e.start)}" + (f" tot {_jaar(e.eind)}" if e.eind else "")
    if projecten := site.projecten_van(e):
        woord = "project" if len(projecten) == 1 else "projecten"
        tekst += f", met {len(projecten)} {woord} in onze gegevens"
    return tekst + "."


def _provincie(site: Site, e: Provincie) -> str:
    coordinator = site.coordinator(e).naam
    aantal = sum(len(lijst) for lijst in site.in_provincie(e).values())
    return (
        f"Provincie {e.naam}: regiocoördinator {coordinator}, en de {aantal} onderwijsregio's, "
        "partnerschappen en projecten die hier werken."
    )


def entiteit(site: Site, e: Entiteit) -> str:
    """The description of an entity's own page."""
    maak: dict[type[Any], Callable[[Site, Any], str]] = {
        Onderwijsregio: _onderwijsregio,
        Partnerschap: _partnerschap,
        Project: _project,
        Organisatie: _organisatie,
        Programma: _programma,
        Provincie: _provincie,
    }
    for soort, functie in maak.items():
        if isinstance(e, soort):
            return kort(functie(site, e))
    # A kind without its own sentence (a new kind needs none to get its pages).
    return kort(f"{e.naam}: wat deze site erover weet uit openbare bronnen, met die bronnen erbij.")


def gemeente(dekking: Gemeentedekking) -> str:
    """A gemeente's page: the areas known to cover it (as many as fit), or what the page is for."""
    g, provincie = dekking.gemeente, dekking.provincie
    begin = f"Gemeente {g.naam}" + (f" ({provincie.naam})" if provincie else "")
    namen: list[str] = []
    for s in dekking.sectoren:
        for soort, gebieden in (
            ("onderwijsregio", s.onderwijsregios),
            ("RAP-regio", s.rap),
            ("partnerschap", s.partnerschappen),
            ("project", s.projecten),
        ):
            namen += [n for g in gebieden if (n := f"{soort} {g.naam}") not in namen]
    slot = ". Per sector wie haar omvat en bij wie u terechtkunt."
    if not namen:
        return kort(
            f"{begin}: welke onderwijsregio, RAP-regio en partnerschappen Samen Opleiden haar "
            "omvatten, per sector, en bij wie u terechtkunt."
        )
    # Whole names only: as many as fit, and how many more there are.
    for aantal in range(len(namen), 0, -1):
        rest = len(namen) - aantal
        tekst = f"{begin}: {_lijst(namen[:aantal] + ([f'{rest} andere'] if rest else []))}{slot}"
        if len(tekst) <= MAX_LENGTE:
            return tekst
    return kort(f"{begin}: {namen[0]}{slot}")


# Generated pages without an entity of their own (by Markdown path).
PAGINAS = {
    "provincies/index.md": "Per provincie de regiocoördinator van het Arbeidsmarktplatform PO "
    "en hoeveel onderwijsregio's, partnerschappen en projecten er werken.",
    "onderwijsregios/index.md": "Alle onderwijsregio's, per status: waar schoolbesturen, "
    "lerarenopleidingen en de beroepsgroep samenwerken aan genoeg onderwijspersoneel.",
    "partnerschappen/index.md": "Alle partnerschappen Samen Opleiden & Professionaliseren "
    "(opleidingsscholen), voor po/(v)so en vo/mbo, met status, sectoren en penvoerder.",
    "projecten/index.md": "Projecten per programma, zoals de regio's van de Regionale aanpak "
    "personeelstekort (RAP), met sectoren en provincies.",
    "programmas/index.md": "De landelijke programma's en beleidslijnen waarbinnen regio's "
    "samenwerken aan het lerarentekort.",
    "organisaties/index.md": "Alle organisaties in de gegevens: ondersteuningsorganisaties, "
    "lerarenopleidingen, schoolbesturen en andere, met soort, sectoren en plaats.",
    "ondersteuning.md": "Organisaties die regio's, schoolbesturen en lerarenopleidingen "
    "ondersteunen bij arbeidsmarktvraagstukken, en de betrokken sectororganisaties en overheid.",
    "contact.md": "De regiocoördinatoren van het Arbeidsmarktplatform PO per provincie, en wie "
    "u benadert voor het vo en het mbo.",
    "kaart/index.md": "Kaart van Nederland: provincies per regiocoördinator, met onderwijsregio's, "
    "partnerschappen Samen Opleiden en projecten.",
    "gemeenten/index.md": "Alle gemeenten per provincie: kies uw gemeente en zie per sector welke "
    "regio's en partnerschappen haar omvatten.",
    "dekking.md": "Wat we weten en wat ontbreekt: per provincie en sector hoeveel gemeenten bij "
    "een bekende onderwijsregio of RAP-regio horen.",
    "redactie/wat-ontbreekt.md": "Voor de redactie: welke gegevens nog ontbreken, per provincie, "
    "zoals een plaats, een penvoerder, een status of een precieze bron.",
    "wijzigingen/index.md": "Wat er wanneer in de gegevens van deze site is gewijzigd: nieuwe en "
    "aangepaste onderwijsregio's, partnerschappen, projecten en organisaties.",
    "open-data/index.md": "Alle gegevens van deze site als open data om te downloaden: JSON, CSV "
    "en GeoJSON, uit dezelfde gecontroleerde bron als de pagina's.",
    "redactie/velden.md": "Voor de redactie: welke velden elke soort gegevens heeft, welke "
    "verplicht zijn en wat erin mag, precies zoals de controle het verwacht.",
    "redactie/foutmeldingen.md": "Voor de redactie: wat de foutmeldingen van regio validate "
    "betekenen en hoe u de gegevens verbetert.",
}


def pagina(pad: str, context: dict[str, Any], site: Site) -> str | None:
    """The description of the generated page at ``pad`` rendered with ``context``; None for a
    page that has none here (the site's own description then applies)."""
    if isinstance(e := context.get("e"), Entiteit):
        return entiteit(site, e)
    if isinstance(g := context.get("g"), Gemeente) and isinstance(
        d := context.get("dekking"), Dekking
    ):
        return gemeente(d.voor(g))
    tekst = PAGINAS.get(pad)
    return kort(tekst) if tekst else None
