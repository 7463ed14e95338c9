"""Who publishes the site and where a visitor reports an error (the plugin's colophon options).

Used by the "Klopt er iets niet? Meld het" line under every entity page, by the colophon section
of the privacy page, and by the build, which warns when a site is published without a publisher
or contact address. Nothing here is invented: without values the pages say so plainly.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

ONBEKENDE_UITGEVER = "De uitgever is nog niet ingevuld."
ONBEKEND_ADRES = "Het contactadres is nog niet ingevuld."


@dataclass(frozen=True)
class Colofon:
    uitgever: str = ""
    contact_email: str = ""
    meld_url: str = ""  # a form for reports, e.g. the repository's new-issue page
    meld_email: str = ""  # where reports go by e-mail; empty: the contact address
    pagina: str | None = None  # the hand-written page with the colophon, e.g. 'privacy.md'

    @property
    def meld_adres(self) -> str:
        return self.meld_email or self.contact_email


def mailto(adres: str, onderwerp: str) -> str:
    """A mailto: URL with a subject; the subject (which may hold data) is percent-encoded."""
    return f"mailto:{adres}?subject={quote(onderwerp, safe='')}"


def waarschuwing(colofon: Colofon) -> str | None:
    """Why a published site (site_url set) lacks its colophon, or None when it is complete."""
    ontbreekt = [
        f"{optie} ({env})"
        for optie, env, waarde in (
            ("uitgever", "REGIO_UITGEVER", colofon.uitgever),
            ("contact_email", "REGIO_CONTACT_EMAIL", colofon.contact_email),
        )
        if not waarde.strip()
    ]
    if not ontbreekt:
        return None
    return (
        f"De site wordt gepubliceerd (site_url is gezet), maar {' en '.join(ontbreekt)} "
        "ontbreekt in de opties van de regio-plugin in mkdocs.yml. Bezoekers lezen dan "
        f"'{ONBEKENDE_UITGEVER}' en kunnen een fout alleen via de repository melden."
    )
