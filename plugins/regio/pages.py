"""Render the generated Markdown pages from the Site: pure functions from data to text."""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from regio import handleiding
from regio.contact import telefoon_e164, telefoon_nationaal
from regio.escape import md, md_zonder_html, titel, url, vrije_tekst
from regio.model import Entiteit, Persoon, Provincie
from regio.site import KAARTLAGEN, Site

MAANDEN = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip

STATUS = {
    "voorloper": "Voorloper",
    "in-oprichting": "In oprichting",
    "onbekend": "Status onbekend",
    "erkend": "Erkend",
    "aspirant": "Aspirant",
}
SOORT = {
    "ondersteuning": "Ondersteuningsorganisatie",
    "sectororganisatie": "Sectororganisatie",
    "overheid": "Overheid",
    "lerarenopleiding": "Lerarenopleiding",
    "schoolbestuur": "Schoolbestuur",
    "onderwijsinstelling": "Onderwijsinstelling",
    "overig": "Overig",
}
ROL = {
    "penvoerder": "Penvoerder van",
    "lerarenopleiding": "Lerarenopleiding in",
    "deelnemer": "Neemt deel aan",
    "draagt programma": "Betrokken bij programma",
}

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


def datum(dag: date) -> str:
    """'17 januari 2019'."""
    return f"{dag.day} {MAANDEN[dag.month - 1]} {dag.year}"


def bronnaam(adres: str) -> str:
    """A source URL as people read it: host and path, without the scheme."""
    return adres.split("://", 1)[-1].removeprefix("www.").rstrip("/")


def _veilig(value: Any) -> Any:
    """Every ``{{ }}`` in a template is escaped for Markdown unless it is already Markup."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    if isinstance(value, date):
        return md(datum(value))
    return md(value)


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("regio", "templates"),
        autoescape=False,  # Markdown, not HTML: `_veilig` escapes every expression instead
        finalize=_veilig,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["vrije_tekst"] = vrije_tekst
    env.filters["url"] = url
    env.filters["titel"] = titel
    env.filters["datum"] = lambda d: md(datum(d))
    env.filters["status"] = lambda s: md(STATUS[s])
    env.filters["soort"] = lambda s: md(SOORT[s])
    env.filters["rol"] = lambda s: md(ROL[s])
    env.filters["sectoren"] = lambda s: md(", ".join(s))
    env.filters["bronnaam"] = bronnaam
    return env


_ENV = _environment()


class _Pagina:
    """Helpers bound to the page being rendered (relative links depend on where it lives)."""

    def __init__(self, site: Site, pad: str, opties: Opties) -> None:
        self.site = site
        self.pad = pad
        self.opties = opties

    def naar(self, doel: str) -> Markup:
        """Relative Markdown link target from this page to ``doel`` (a .md path)."""
        return Markup(posixpath.relpath(doel, posixpath.dirname(self.pad) or "."))

    def link(self, entiteit: Entiteit) -> Markup:
        doel = self.site.pagina(entiteit)
        if doel is None:
            return md(entiteit.naam)
        return Markup(f"[{md(entiteit.naam)}]({self.naar(doel)})")

    def links(self, entiteiten: list[Any]) -> Markup:
        return Markup(", ".join(self.link(e) for e in entiteiten))

    def extern(self, adres: str, tekst: str | None = None) -> Markup:
        return Markup(f"[{md(tekst or adres)}]({url(adres)})")

    def email(self, adres: str) -> Markup:
        return Markup(f"[{md(adres)}]({url('mailto:' + adres)})")

    def telefoon(self, nummer: str) -> Markup:
        return Markup(f"[{md(telefoon_nationaal(nummer))}]({url('tel:' + telefoon_e164(nummer))})")

    def contact(self, persoon: Persoon) -> Markup:
        """Name, role and (only when public) e-mail and phone of a person."""
        organisatie = self.site.organisatie(persoon.organisatie)
        delen = [f"**{md(persoon.naam)}**, {md(persoon.functie)} bij {self.link(organisatie)}"]
        if persoon.openbaar:
            if persoon.email:
                delen.append(f"e-mail: {self.email(persoon.email)}")
            if persoon.telefoon:
                delen.append(f"telefoon: {self.telefoon(persoon.telefoon)}")
        return Markup(" · ".join(delen))

    def omtrek_link(self, provincie: Provincie) -> Markup:
        """The province's outline (our own escaped SVG) as a link to the map, if known."""
        # The SVG's <title> names the province inside the link text, where Markdown still reads
        # it ('x](javascript:…)' would end the link): escape the name for Markdown as well.
        svg = self.site.omtrek(
            provincie.model_copy(update={"naam": md_zonder_html(provincie.naam)})
        )
        if svg is None or self.site.geografie is None:
            return Markup("")
        titel = md(f"Bekijk {provincie.naam} op de kaart")
        return Markup(f'[{svg}]({self.naar("kaart/index.md")} "{titel}"){{: .regio-omtrek }}')

    def voet(self, entiteit: Entiteit) -> Markup:
        """Sources, last checked and the 'Wijziging voorstellen' link of an entity page."""
        return Markup(
            _ENV.get_template("_voet.md.j2").render(
                e=entiteit,
                p=self,
                bestand=self.site.bronbestand(entiteit),
                regel=self.site.bronplek(entiteit).regel,
            )
        )

    def bewerk_link(self, bestand: str, regel: int) -> Markup:
        doel = self.opties.bewerk_url(bestand, regel)
        tekst = f"data/{bestand}, regel {regel}"
        # The editors' guide: the hand-written page, or else the generated one on the fields.
        uitleg = self.naar(self.opties.redactie_pagina or handleiding.VELDEN_PAGINA)
        if doel:
            return Markup(
                f"[Wijziging voorstellen]({url(doel)}) ({md(tekst)}) · [Hoe werkt dat?]({uitleg})"
            )
        return Markup(f"[Wijziging voorstellen]({uitleg}): pas {md(tekst)} aan")


def _render(template: str, site: Site, pad: str, opties: Opties, **context: Any) -> str:
    pagina = _Pagina(site, pad, opties)
    return _ENV.get_template(template).render(site=site, p=pagina, **context)


def _kaartlagen(site: Site) -> list[dict[str, Any]]:
    """Per map layer: the entries with a place (on the map) and those without."""
    assert site.geografie is not None
    lagen = []
    for collectie, laagtitel in KAARTLAGEN:
        gebieden = site.collectie_gesorteerd(collectie)
        lagen.append(
            {
                "titel": laagtitel,
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
        pages[pad] = _render(template, site, pad, opties, **context)

    add("provincies/index.md", "provincies.md.j2")
    for provincie in site.provincies():
        add(f"provincies/{provincie.id}.md", "provincie.md.j2", e=provincie)
    add("onderwijsregios/index.md", "onderwijsregios.md.j2")
    for regio in site.onderwijsregios():
        add(f"onderwijsregios/{regio.id}.md", "gebied.md.j2", e=regio, soort="onderwijsregio")
    add("partnerschappen/index.md", "partnerschappen.md.j2")
    for partnerschap in site.partnerschappen():
        add(
            f"partnerschappen/{partnerschap.id}.md",
            "gebied.md.j2",
            e=partnerschap,
            soort="partnerschap",
        )
    add("projecten/index.md", "projecten.md.j2")
    for project in site.projecten():
        add(f"projecten/{project.id}.md", "gebied.md.j2", e=project, soort="project")
    add("programmas/index.md", "programmas.md.j2")
    for programma in site.programmas():
        add(f"programmas/{programma.id}.md", "programma.md.j2", e=programma)
    add("organisaties/index.md", "organisaties.md.j2")
    for organisatie in site.organisaties():
        add(f"organisaties/{organisatie.id}.md", "organisatie.md.j2", e=organisatie)
    if site.geografie is not None:
        add("kaart/index.md", "kaart.md.j2", lagen=_kaartlagen(site))
    add("ondersteuning.md", "ondersteuning.md.j2")
    add("contact.md", "contact.md.j2")
    for pad, template, context in handleiding.paginas():  # the editors' guide (fields, errors)
        add(pad, template, **context)
    return pages
