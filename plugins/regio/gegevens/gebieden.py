"""An entity's area as a list of gemeenten: check the names, and derive the provinces.

Onderwijsregio's and RAP regions are made of whole gemeenten (facts.md §5b), so an entity may
list its ``gemeenten`` as CBS writes them. Each name must be a gemeente of the boundaries file,
written exactly so, once; a gemeente outside the provinces the entity declares is an error that
names both. The provinces of the gemeenten need not be written twice: :func:`gemeenten_per_gebied`
resolves the names, and the Site adds their provinces to the declared ones.

Like :mod:`regio.gegevens.checks`, nothing here raises or stops at the first problem.
"""

from __future__ import annotations

from regio.gegevens.gemeenten import Gemeenten
from regio.gegevens.geplaatst import Geplaatst, Plek
from regio.gegevens.model import Gebied, Provincie
from regio.gegevens.problems import Probleem, fout
from regio.gegevens.registry import enkelvoud

GEBIEDEN = ("onderwijsregios", "partnerschappen", "projecten")


def _gebieden(gegevens: Geplaatst) -> list[tuple[Gebied, Plek]]:
    return [
        (entiteit, plek)
        for entiteit, plek in gegevens.alle()
        if plek.collectie in GEBIEDEN and isinstance(entiteit, Gebied)
    ]


def gemeenten_per_gebied(gegevens: Geplaatst, gemeenten: Gemeenten) -> dict[str, tuple[str, ...]]:
    """Entity id -> the CBS codes of the gemeenten it lists (known names only, in order)."""
    result: dict[str, tuple[str, ...]] = {}
    for gebied, _ in _gebieden(gegevens):
        codes: list[str] = []
        for naam in gebied.gemeenten:
            gemeente = gemeenten.zoek_naam(naam)
            if gemeente is not None and gemeente.naam == naam and gemeente.code not in codes:
                codes.append(gemeente.code)
        if codes:
            result[gebied.id] = tuple(codes)
    return result


def controleer_gemeenten(
    gegevens: Geplaatst, gemeenten: Gemeenten, gemeenten_bestand: str
) -> list[Probleem]:
    """Every listed gemeente exists, is written as CBS writes it, appears once, and lies in a
    province the entity declares; a national entity lists none."""
    per_code = {p.code: p for p in gegevens.van(Provincie)}
    per_id = {p.id: p for p in gegevens.van(Provincie)}
    problemen: list[Probleem] = []
    for gebied, plek in _gebieden(gegevens):
        label = _label(plek, gebied)

        def meld(*veld: str | int, melding: str, plek: Plek = plek, label: str = label) -> None:
            """An error at the field's position, with its structured path (for regio nieuw)."""
            problemen.append(fout(plek.positie(*veld), f"{label}{melding}", plek.waar(*veld)))

        if gebied.landelijk and gebied.gemeenten:
            meld(
                "gemeenten",
                melding="een landelijk gebied heeft geen gemeenten. Haal 'gemeenten' weg "
                "of zet 'landelijk' op false.",
            )
        gezien: set[str] = set()
        for index, naam in enumerate(gebied.gemeenten):
            gemeente = gemeenten.zoek_naam(naam)
            if gemeente is None:
                meld(
                    "gemeenten",
                    index,
                    melding=f"'{naam}' is geen gemeente in {gemeenten_bestand} "
                    f"(de gemeenten van 2025 volgens het CBS).{gemeenten.suggestie(naam)}",
                )
                continue
            if gemeente.naam != naam:
                meld(
                    "gemeenten",
                    index,
                    melding=f"schrijf de gemeente zoals het CBS: '{gemeente.naam}' "
                    f"in plaats van '{naam}'.",
                )
                continue
            if gemeente.code in gezien:
                meld(
                    "gemeenten",
                    index,
                    melding=f"de gemeente '{naam}' staat twee keer in 'gemeenten'.",
                )
                continue
            gezien.add(gemeente.code)
            verklaard = [per_id[p] for p in gebied.provincies if p in per_id]
            if verklaard and gemeente.provincie not in {p.code for p in verklaard}:
                eigen = per_code.get(gemeente.provincie)
                provincie = eigen.naam if eigen else gemeente.provincie
                genoemd = " en ".join(p.naam for p in verklaard)
                meld(
                    "gemeenten",
                    index,
                    melding=f"de gemeente '{naam}' ligt in {provincie}, niet in {genoemd} "
                    "('provincies'). Voeg die provincie toe, of laat 'provincies' weg: "
                    "die volgen dan uit de gemeenten.",
                )
    return problemen


def _label(plek: Plek, gebied: Gebied) -> str:
    return f"{enkelvoud(plek.collectie)} '{gebied.id}': "
