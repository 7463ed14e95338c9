"""What changed, for visitors: the short history on each entity page, the /wijzigingen/ page
(grouped by week) and its Atom feed. Pure functions of the Site and the git history
(regio.gegevens.geschiedenis); without a history the page says it is not known."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from xml.etree import ElementTree as ET

from regio.gegevens.geschiedenis import Geschiedenis, Veldwijziging, Wijziging
from regio.gegevens.registry import COLLECTIES
from regio.gegevens.velden import label
from regio.site import Site
from regio.uitvoer.urls import relatief, url_van

PAGINA = "wijzigingen/index.md"
FEED = "wijzigingen/atom.xml"
# The feed's entries (newest first) and the entity page's history lines.
IN_FEED = 50
OP_PAGINA = 10
# Longer values (descriptions) are named, not quoted.
KORT = 60
# Entry ids stay the same when the site moves (RFC 4151 tag URIs).
TAG = "tag:regio-infrastructuur,2026:"
ATOM = "http://www.w3.org/2005/Atom"


def _waarde(waarde: object) -> str:
    if waarde is True:
        return "ja"
    if waarde is False:
        return "nee"
    if isinstance(waarde, date):
        from regio.uitvoer.pages import datum  # pages imports this module

        return datum(waarde)
    return str(waarde)


def veldzin(v: Veldwijziging) -> str:
    """'status gewijzigd van aspirant naar erkend', or 'bron gewijzigd'."""
    waarden = [_waarde(x) for x in (v.oud, v.nieuw) if x is not None]
    naam = label(v.veld)
    if not v.enkelvoudig or any(len(w) > KORT or "\n" in w for w in waarden):
        return f"{naam} gewijzigd"
    if v.oud is None:
        return f"{naam} ingevuld: {_waarde(v.nieuw)}"
    if v.nieuw is None:
        return f"{naam} weggehaald (was {_waarde(v.oud)})"
    return f"{naam} gewijzigd van {_waarde(v.oud)} naar {_waarde(v.nieuw)}"


def zin(w: Wijziging) -> str:
    """The change without its date: 'toegevoegd', or 'status gewijzigd van … naar …; bron
    gewijzigd'."""
    if w.soort != "gewijzigd":
        return w.soort
    return ", ".join(veldzin(v) for v in w.velden)


@dataclass(frozen=True)
class Regel:
    """One change in a list: what, when, and the page (None: removed or no page)."""

    w: Wijziging
    tekst: str
    dag: date
    pagina: str | None
    soort: str  # the collection's singular ('onderwijsregio')
    provincies: tuple[str, ...]  # declared, then those of its gemeenten (at that change)


@dataclass(frozen=True)
class Week:
    maandag: date
    regels: tuple[Regel, ...]

    @property
    def anker(self) -> str:
        return f"week-{self.maandag.isoformat()}"


class Wijzigingen:
    """The history as the pages ask for it."""

    def __init__(self, site: Site, geschiedenis: Geschiedenis) -> None:
        self.site = site
        self.geschiedenis = geschiedenis
        self.head = geschiedenis.head

    def laatst(self, ident: str) -> date | None:
        w = self.geschiedenis.laatst(ident)
        return w.datum.date() if w else None

    def historie(self, ident: str) -> list[tuple[str, date]]:
        """The last changes of an entity, oldest first: (text, day)."""
        return [(zin(w), w.datum.date()) for w in self.geschiedenis.van(ident)[-OP_PAGINA:]]

    def regel(self, w: Wijziging) -> Regel:
        pagina = None
        if w.soort != "verwijderd" and self.site.heeft(w.id):
            pagina = self.site.pagina(self.site.entiteit(w.id))
        soort = COLLECTIES[w.collectie].enkelvoud if w.collectie in COLLECTIES else w.collectie
        return Regel(w, zin(w), w.datum.date(), pagina, soort, self._provincies(w))

    def _provincies(self, w: Wijziging) -> tuple[str, ...]:
        """The provinces the change is about: those the entry named, then the provinces of its
        gemeenten (as in Site.provincies_van, but for the entry as it was then)."""
        ids = list(w.provincies)
        gemeenten = self.site.geografie.gemeenten if self.site.geografie else None
        if gemeenten is not None:
            for naam in w.gemeenten:
                gemeente = gemeenten.zoek_naam(naam)
                provincie = self.site.provincie_van_gemeente(gemeente) if gemeente else None
                if provincie is not None and provincie.id not in ids:
                    ids.append(provincie.id)
        return tuple(ids)

    def weken(self) -> list[Week]:
        """Every change, newest first, grouped by the Monday of its week."""
        weken: dict[date, list[Regel]] = {}
        for w in self.geschiedenis.alle:
            dag = w.datum.date()
            weken.setdefault(dag - timedelta(days=dag.weekday()), []).append(self.regel(w))
        return [Week(maandag, tuple(regels)) for maandag, regels in weken.items()]

    def soorten(self) -> list[str]:
        return sorted({self.regel(w).soort for w in self.geschiedenis.alle})

    def provincies(self) -> list[tuple[str, str]]:
        """(id, name) of the provinces that changes mention, by name."""
        ids = {p for w in self.geschiedenis.alle for p in self._provincies(w)}
        return sorted(
            ((p, self.site.provincie(p).naam if self.site.heeft(p) else p) for p in ids),
            key=lambda paar: (paar[1].casefold(), paar[0]),
        )


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def atom(wijzigingen: Wijzigingen, site_name: str, site_url: str = "", mapurls: bool = True) -> str:
    """The Atom 1.0 feed of the latest changes. With ``site_url`` its id and links are absolute;
    without, the id is a tag URI and links are relative to the feed."""
    basis = site_url.rstrip("/") + "/" if site_url else ""

    def adres(doel: str) -> str:
        return basis + doel if basis else relatief(FEED, doel)

    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "nl"})

    def sub(ouder: ET.Element, naam: str, tekst: str | None = None, **attr: str) -> ET.Element:
        element = ET.SubElement(ouder, f"{{{ATOM}}}{naam}", attr)
        element.text = tekst
        return element

    pagina = url_van(PAGINA, mapurls)
    sub(feed, "id", basis + FEED if basis else TAG + "wijzigingen")
    sub(feed, "title", f"Wijzigingen van {site_name}")
    alle = wijzigingen.geschiedenis.alle[:IN_FEED]
    sub(feed, "updated", _iso(alle[0].datum) if alle else "1970-01-01T00:00:00Z")
    if basis:
        sub(feed, "link", rel="self", type="application/atom+xml", href=basis + FEED)
    sub(feed, "link", rel="alternate", type="text/html", href=adres(pagina))
    auteur = sub(feed, "author")
    sub(auteur, "name", site_name)
    for w in alle:
        regel = wijzigingen.regel(w)
        entry = sub(feed, "entry")
        sub(entry, "id", f"{TAG}{w.commit}/{w.id}")
        sub(entry, "title", f"{w.naam} ({regel.soort}): {w.soort}")
        sub(entry, "updated", _iso(w.datum))
        doel = url_van(regel.pagina, mapurls) if regel.pagina else pagina
        sub(entry, "link", rel="alternate", type="text/html", href=adres(doel))
        sub(entry, "summary", f"{regel.tekst[:1].upper()}{regel.tekst[1:]}. ({w.bericht})")
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, "unicode") + "\n"
