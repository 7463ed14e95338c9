"""Render the generated Markdown pages from the Site: pure functions from data to text.

A generated page is Markdown only where Markdown does something for us: the front matter (title)
and the headings (the table of contents and their permalinks). Everything else is written as HTML
blocks by Jinja with HTML autoescaping, each wrapped as ``<div class="regio-blok">…</div>`` plus an
end marker (see :func:`blokken`): Markdown passes raw HTML blocks through untouched, so any
Markdown renderer gives the same page, and the MkDocs plugin can skip parsing them altogether.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from regio.dekking import SECTOREN, Dekking, totalen
from regio.gegevens.contact import telefoon_e164, telefoon_nationaal
from regio.gegevens.gemeenten import Gemeente
from regio.gegevens.grenzen import Grens, svg_omtrek
from regio.gegevens.model import (
    Entiteit,
    Gebied,
    Persoon,
    Provincie,
    alleen_website,
)
from regio.gegevens.registry import enkelvoud, kaartlagen, met_paginas
from regio.site import Site
from regio.uitvoer import beschrijving, handleiding
from regio.uitvoer.colofon import ONBEKEND_ADRES, ONBEKENDE_UITGEVER, Colofon, mailto
from regio.uitvoer.escape import md, titel, url, vrije_tekst
from regio.uitvoer.kenmerken import met_scheidingen
from regio.uitvoer.labels import ROL, SOORT, STATUS
from regio.uitvoer.provinciekaart import provinciekaart
from regio.uitvoer.tabellen import LANDELIJK, MIN_RIJEN_FILTER, keuzes, zoektekst
from regio.uitvoer.urls import bronlink, relatief, url_van

if TYPE_CHECKING:
    from regio.uitvoer.wijzigingen import Wijzigingen

MAANDEN = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip

# The quiet note beside a field that the entity lists under 'afgeleid'.
AFGELEID = {
    "provincies": "afgeleid uit de plaats- of regionaam",
    "hoofdstad": "algemene kennis, niet uit de bron",
}
AFGELEID_ANDERS = "afgeleid, staat niet letterlijk in de bron"

# (file, line) -> URL of that line in the repository, or None when no repository is configured.
BewerkUrl = Callable[[str, int], str | None]


# Link to a line of a data file in the repository.
BEWERK_URL = "{repo_url}/blob/main/{pad}#L{regel}"


def bewerk_url_maker(
    sjabloon: str, repo_url: str, data_dir: str
) -> Callable[[str, int], str | None]:
    """A function (file, line) -> URL, or one that returns None without a repository."""
    if not repo_url or not sjabloon:
        return lambda bestand, regel: None
    basis = repo_url.rstrip("/")

    def maak(bestand: str, regel: int) -> str:
        pad = f"{data_dir.strip('/')}/{bestand}"
        return sjabloon.format(repo_url=basis, pad=pad, regel=regel)

    return maak


@dataclass(frozen=True)
class Opties:
    bewerk_url: BewerkUrl = lambda bestand, regel: None
    redactie_pagina: str | None = None  # where to explain editing when there is no repository
    # MkDocs' use_directory_urls: links in the HTML blocks are final URLs, not .md paths.
    mapurls: bool = True
    wijzigingen: Wijzigingen | None = None  # the git history; None: not known
    colofon: Colofon = field(default_factory=Colofon)  # publisher; where to report errors
    # Links in the HTML blocks as .md paths relative to the source file (regio render --links md,
    # for Zensical, which rewrites them); False: final URLs, what MkDocs needs.
    bronlinks: bool = False


# The editors' list of what the data lacks (linked from the hand-written guide).
WAT_ONTBREEKT_PAGINA = "redactie/wat-ontbreekt.md"

BLOK_BEGIN = '<div class="regio-blok">'
BLOK_EINDE = "<!--/regio-blok--></div>"
# A block ends at the first end marker: nothing from data/ can contain one, since every '<' from
# the data is escaped and the free-text sanitiser drops comments.
_BLOK = re.compile(
    "^" + re.escape(BLOK_BEGIN) + r"\n(.*?)\n" + re.escape(BLOK_EINDE) + "$", re.S | re.M
)
_LEGE_REGELS = re.compile(r"\n\s*\n")


def blok(caller: Callable[[], str]) -> Markup:
    """``{% call blok() %}…{% endcall %}``: an HTML block that Markdown leaves alone."""
    # Blank lines could end the block for a Markdown renderer: there are none in our HTML.
    inhoud = _LEGE_REGELS.sub("\n", caller().strip())
    return Markup(f"{BLOK_BEGIN}\n{inhoud}\n{BLOK_EINDE}\n\n")


def blokken(markdown: str, plekhouder: Callable[[int], str]) -> tuple[str, list[str]]:
    """Split the HTML blocks off a generated page.

    Returns the Markdown with block number n replaced by ``plekhouder(n)``, and the blocks.
    """
    gevonden: list[str] = []

    def bewaar(treffer: re.Match[str]) -> str:
        gevonden.append(treffer.group(0))
        return plekhouder(len(gevonden) - 1)

    return _BLOK.sub(bewaar, markdown), gevonden


def datum(dag: date) -> str:
    """'17 januari 2019'."""
    return f"{dag.day} {MAANDEN[dag.month - 1]} {dag.year}"


def bronnaam(adres: str) -> str:
    """A source URL as people read it: host and path, without the scheme."""
    return adres.split("://", 1)[-1].removeprefix("www.").rstrip("/")


def maand(tekst: str) -> str:
    """'2026-11' (JJJJ-MM, as 'ontleend' is written) -> 'november 2026'."""
    jaar, nummer = tekst.split("-")
    return f"{MAANDEN[int(nummer) - 1]} {jaar}"


def _host(adres: str) -> str:
    return urlsplit(adres).netloc.lower().removeprefix("www.")


def _veilig(value: Any) -> Any:
    """Nothing for None and Dutch dates; autoescaping does the rest."""
    if value is None:
        return ""
    if isinstance(value, date):
        return datum(value)
    return value


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("regio.uitvoer", "templates"),
        # Every {{ }} is HTML-escaped; the few Markdown lines (headings) add `| md`.
        autoescape=True,
        finalize=_veilig,
        undefined=StrictUndefined,
        auto_reload=False,  # our templates do not change while we run: no stat() per page
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals["blok"] = blok
    env.globals["ONBEKENDE_UITGEVER"] = ONBEKENDE_UITGEVER
    env.globals["ONBEKEND_ADRES"] = ONBEKEND_ADRES
    env.filters["md"] = md
    env.filters["vrije_tekst"] = vrije_tekst
    env.filters["kenmerken"] = met_scheidingen  # label/value pairs that read as text too
    env.filters["url"] = url
    env.filters["titel"] = titel
    env.filters["datum"] = datum
    env.filters["status"] = STATUS.__getitem__
    env.filters["soort"] = SOORT.__getitem__
    env.filters["rol"] = ROL.__getitem__
    env.filters["sectoren"] = ", ".join
    env.filters["bronnaam"] = bronnaam
    env.filters["enkelvoud"] = enkelvoud
    env.filters["maand"] = maand
    env.tests["alleen_website"] = alleen_website
    env.filters["km"] = lambda km: f"{km:.1f} km".replace(".", ",")
    return env


_ENV = _environment()


class _Pagina:
    """Helpers bound to the page being rendered (relative links depend on where it lives)."""

    def __init__(self, site: Site, pad: str, opties: Opties) -> None:
        self.site = site
        self.pad = pad
        self.opties = opties
        self.url = url_van(pad, opties.mapurls)

    def naar(self, doel: str) -> str:
        """Relative URL from this page to the page at Markdown path ``doel`` (or, with
        ``bronlinks``, the relative .md path)."""
        if self.opties.bronlinks:
            return bronlink(self.pad, doel)
        return relatief(self.url, url_van(doel, self.opties.mapurls))

    def naar_md(self, doel: str) -> Markup:
        """Relative Markdown link target from this page to the page ``doel`` (a .md path), for
        the Markdown (not HTML) parts of a page: MkDocs checks and rewrites those links."""
        return Markup(posixpath.relpath(doel, posixpath.dirname(self.pad) or "."))

    def naar_bestand(self, doel: str) -> str:
        """Relative URL from this page to a file (not a page) in the site; with ``bronlinks``
        relative to the source file ('' is the site root)."""
        if self.opties.bronlinks:
            return bronlink(self.pad, doel)
        return relatief(self.url, doel)

    def link(self, entiteit: Entiteit) -> Markup:
        doel = self.site.pagina(entiteit)
        if doel is None:
            return escape(entiteit.naam)
        return Markup(f'<a href="{escape(self.naar(doel))}">{escape(entiteit.naam)}</a>')

    def links(self, entiteiten: list[Any]) -> Markup:
        return Markup(", ").join(self.link(e) for e in entiteiten)

    def extern(self, adres: str, tekst: str | None = None) -> Markup:
        return Markup(f'<a href="{url(adres)}">{escape(tekst or adres)}</a>')

    def email(self, adres: str) -> Markup:
        return Markup(f'<a href="{url("mailto:" + adres)}">{escape(adres)}</a>')

    def telefoon(self, nummer: str) -> Markup:
        doel = url("tel:" + telefoon_e164(nummer))
        return Markup(f'<a href="{doel}">{escape(telefoon_nationaal(nummer))}</a>')

    def contact(self, persoon: Persoon) -> Markup:
        """Name, role and (only when public) e-mail and phone of a person."""
        organisatie = self.site.organisatie(persoon.organisatie)
        delen = [
            Markup("<strong>{}</strong>, {} bij {}").format(
                persoon.naam, persoon.functie, self.link(organisatie)
            )
        ]
        zichtbaar = persoon.zichtbaar()
        if zichtbaar.email:
            delen.append(Markup("e-mail: {}").format(self.email(zichtbaar.email)))
        if zichtbaar.telefoon:
            delen.append(Markup("telefoon: {}").format(self.telefoon(zichtbaar.telefoon)))
        return Markup(" · ").join(delen)

    def rij(self, entiteit: Entiteit) -> Markup:
        """The attributes of a table row: what the filter matches on (escaped here)."""
        attributen = Markup(' data-zoek="{}"').format(zoektekst(self.site, entiteit))
        if isinstance(entiteit, Gebied):
            provincies = [p.id for p in self.site.provincies_van(entiteit)]
            if entiteit.landelijk:
                provincies.append(LANDELIJK)
            attributen += Markup(' data-provincie="{}" data-sector="{}"').format(
                " ".join(provincies), " ".join(entiteit.sectoren)
            )
        return attributen

    def tabel(self, aantal: int, plekhouder: str | None = None) -> Markup:
        """The attributes of a ``regio-tabel``: a filter (with this placeholder) only when it
        has rows enough to need one."""
        if plekhouder is None or aantal < MIN_RIJEN_FILTER:
            return Markup("")
        return Markup(' data-filter="{}"').format(plekhouder)

    def keuzes(self, gebieden: list[Gebied]) -> dict[str, list[tuple[str, str]]]:
        return keuzes(self.site, gebieden)

    def omtrek_link(self, provincie: Provincie) -> Markup:
        """The province's outline (our own escaped SVG) as a link to the map, if known."""
        svg = self.site.omtrek(provincie)
        if svg is None or self.site.geografie is None:
            return Markup("")
        return Markup('<p><a class="regio-omtrek" href="{}" title="{}">{}</a></p>').format(
            self.naar("kaart/index.md"), f"Bekijk {provincie.naam} op de kaart", Markup(svg)
        )

    def provinciekaart(self) -> Markup:
        """The clickable SVG map of the provinces, each linking to its page (empty without
        boundaries)."""
        return provinciekaart(
            [
                (grens, self.naar(doel))
                for p, grens in self.site.provinciegrenzen()
                if (doel := self.site.pagina(p)) is not None
            ]
        )

    def gemeente_omtrek(self, gemeente: Gemeente) -> Markup:
        """The gemeente's outline (our own escaped SVG)."""
        grens = Grens(gemeente.code, gemeente.naam, gemeente.polygonen)
        return Markup('<p class="regio-gemeente-omtrek" data-search-exclude>{}</p>').format(
            Markup(svg_omtrek(grens))
        )

    def voet(self, entiteit: Entiteit) -> Markup:
        """Sources, last checked and the 'Wijziging voorstellen' link of an entity page."""
        bron = self.site.bronregel(entiteit)
        return Markup(
            _ENV.get_template("_voet.md.j2").render(
                e=entiteit, p=self, bestand=bron.bestand, regel=bron.regel
            )
        )

    def afgeleid(self, entiteit: Entiteit, veld: str) -> Markup:
        """A quiet note after a field the source does not state literally ('afgeleid')."""
        if veld not in entiteit.afgeleid:
            return Markup("")
        return Markup(' <span class="regio-afgeleid">({})</span>').format(
            AFGELEID.get(veld, AFGELEID_ANDERS)
        )

    def bron(self, entiteit: Entiteit, adres: str) -> Markup:
        """One source in the footer: a home page only reads as a website, not as a citation."""
        if not alleen_website(adres):
            return self.extern(adres, bronnaam(adres))
        host = _host(adres)
        link = self.extern(adres, host)
        eigen = getattr(entiteit, "website", None)
        if isinstance(eigen, str) and _host(eigen) == host:
            return Markup("website van de organisatie ({})").format(link)
        return Markup("de website {} (zonder precieze pagina)").format(link)

    def regel_link(self, entiteit: Entiteit) -> Markup:
        """'data/regions.yaml, regel N': a link to that line when a repository is configured."""
        bestand, regel = self.site.bronregel(entiteit)
        tekst = f"data/{bestand}, regel {regel}"
        doel = self.opties.bewerk_url(bestand, regel)
        if doel:
            return Markup('<a href="{}">{}</a>').format(url(doel), tekst)
        return escape(tekst)

    def meld(self, onderwerp: str) -> Markup:
        """'Klopt er iets niet? Meld het' for visitors: the report form and/or e-mail, else the
        colophon page; empty when there is nowhere to report to."""
        c = self.opties.colofon
        doelen = [url(c.meld_url)] if c.meld_url else []
        if c.meld_adres:
            doelen.append(url(mailto(c.meld_adres, onderwerp)))
        if not doelen and c.pagina:
            doelen.append(url(self.naar(c.pagina) + "#colofon"))
        if not doelen:
            return Markup("")
        zin = Markup('Klopt er iets niet? <a href="{}">Meld het</a>').format(doelen[0])
        if len(doelen) > 1:
            zin += Markup(' of <a href="{}">mail ons</a>').format(doelen[1])
        return Markup('<p class="regio-meld">{}.</p>').format(zin)

    def bewerk_link(self, bestand: str, regel: int) -> Markup:
        """The editors' quieter line: the data file and line, and the guide."""
        doel = self.opties.bewerk_url(bestand, regel)
        tekst = f"data/{bestand}, regel {regel}"
        # The editors' guide: the hand-written page, or else the generated one on the fields.
        uitleg = self.naar(self.opties.redactie_pagina or handleiding.VELDEN_PAGINA)
        if doel:
            link = Markup(
                '<a href="{}">Wijziging voorstellen</a> ({}) · <a href="{}">Hoe werkt dat?</a>'
            ).format(url(doel), tekst, uitleg)
        else:
            link = Markup('<a href="{}">Wijziging voorstellen</a>: pas {} aan')
            link = link.format(uitleg, tekst)
        return Markup('<p class="regio-redacteuren">Voor redacteuren: {}</p>').format(link)


def render(
    template: str, site: Site, pad: str, opties: Opties | None = None, **context: Any
) -> str:
    """The page at Markdown path ``pad`` from ``template``, in the one HTML-escaping environment
    (the generated pages and the open-data page alike)."""
    pagina = _Pagina(site, pad, opties or Opties())
    markdown = _ENV.get_template(template).render(site=site, p=pagina, **context)
    return met_beschrijving(markdown, beschrijving.pagina(pad, context, site))


def met_beschrijving(markdown: str, tekst: str | None) -> str:
    """``markdown`` with ``description:`` in its front matter (MkDocs' ``page.meta``), which the
    theme prints as the page's meta description."""
    if tekst is None:
        return markdown
    regel = f"description: {titel(tekst)}\n"
    if markdown.startswith("---\n") and (einde := markdown.find("\n---\n", 3)) != -1:
        return markdown[: einde + 1] + regel + markdown[einde + 1 :]
    return f"---\n{regel}---\n\n{markdown}"


def _kaartlagen(site: Site) -> list[dict[str, Any]]:
    """Per map layer: the entries with a place (on the map) and those without."""
    assert site.geografie is not None
    lagen = []
    for laag in kaartlagen():
        gebieden = site.collectie_gesorteerd(laag.naam)
        lagen.append(
            {
                "titel": laag.titel,
                "op_kaart": [g for g in gebieden if g.id in site.geografie.posities],
                "zonder_plaats": [g for g in gebieden if g.id not in site.geografie.posities],
            }
        )
    return lagen


def render_pages(site: Site, opties: Opties | None = None) -> dict[str, str]:
    """Every generated page: Markdown path -> content, in a stable order."""
    opties = opties or Opties()
    pages: dict[str, str] = {}

    def add(pad: str, template: str, **context: Any) -> None:
        pages[pad] = render(template, site, pad, opties, **context)

    # Per collection with pages (see the registry): its overview, then a page per entity.
    for collectie in met_paginas():
        if collectie.overzicht is not None:
            add(f"{collectie.map}/index.md", collectie.overzicht)
        if collectie.pagina is not None:
            for e in site.gesorteerd(collectie.naam):
                add(f"{collectie.map}/{e.id}.md", collectie.pagina, e=e, soort=collectie.enkelvoud)
    if site.geografie is not None:
        add("kaart/index.md", "kaart.md.j2", lagen=_kaartlagen(site))
    if site.geografie is not None and site.geografie.gemeenten is not None:
        dekking = Dekking(site, site.geografie.gemeenten)
        redactie = opties.redactie_pagina or handleiding.VELDEN_PAGINA
        add("gemeenten/index.md", "gemeenten.md.j2", dekking=dekking)
        for gemeente in site.geografie.gemeenten:
            add(
                f"gemeenten/{gemeente.slug}.md",
                "gemeente.md.j2",
                g=gemeente,
                dekking=dekking,
                redactie=redactie,
            )
        provincies = dekking.provincies()
        add(
            "dekking.md",
            "dekking.md.j2",
            provincies=provincies,
            sectoren=SECTOREN,
            totalen=totalen(site, dekking),
            zonder_gebied=dekking.zonder_gebied(),
            leeg=[r.provincie for r in provincies if not r.regios],
            redactie=redactie,
        )
    add("ondersteuning.md", "ondersteuning.md.j2")
    add("contact.md", "contact.md.j2")
    add(WAT_ONTBREEKT_PAGINA, "wat_ontbreekt.md.j2")
    add("wijzigingen/index.md", "wijzigingen.md.j2", w=opties.wijzigingen)
    for pad, template, context in handleiding.paginas():  # the editors' guide (fields, errors)
        add(pad, template, **context)
    return pages
