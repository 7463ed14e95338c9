"""Rules that span values: unique ids, references, contact data, dates, sources, staleness.

Each check takes the data and returns problems; none raises and none stops at the first problem.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from regio.gegevens.contact import email_geldig, telefoon_geldig, url_toegestaan
from regio.gegevens.geplaatst import Geplaatst, Plek
from regio.gegevens.model import Entiteit, Gebied, Persoon, Provincie
from regio.gegevens.parse import suggestie
from regio.gegevens.problems import Positie, Probleem, fout, waarschuwing
from regio.gegevens.registry import COLLECTIES, enkelvoud

# The organisation whose regional coordinators each province must have exactly one of.
COORDINATOR_ORGANISATIE = "arbeidsmarktplatform-po"


@dataclass(frozen=True)
class Verwijzing:
    """A reference field: which collections hold it and which collection it points into."""

    collecties: tuple[str, ...]
    veld: str
    doel: str


def verwijzingen_regels() -> list[Verwijzing]:
    """The reference rules, from the registry: one per field and target, with every collection
    that has that field."""
    regels: dict[tuple[str, str], list[str]] = {}
    for naam, collectie in COLLECTIES.items():
        for veld, doel in collectie.verwijzingen.items():
            regels.setdefault((veld, doel), []).append(naam)
    return [Verwijzing(tuple(namen), veld, doel) for (veld, doel), namen in regels.items()]


Check = Callable[[Geplaatst], list[Probleem]]


def _waarden(entiteit: Entiteit, veld: str) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """(path inside the entity, value) for a single or list field."""
    value = getattr(entiteit, veld, None)
    if isinstance(value, str):
        yield (veld,), value
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            if isinstance(item, str):
                yield (veld, index), item


def unieke_ids(gegevens: Geplaatst) -> list[Probleem]:
    eerder: dict[str, tuple[Plek, Positie]] = {}
    problemen = []
    for entiteit, plek in gegevens.alle():
        positie = plek.positie("id")
        if entiteit.id in eerder:
            andere, andere_positie = eerder[entiteit.id]
            problemen.append(
                fout(
                    positie,
                    f"id '{entiteit.id}' is al in gebruik door {enkelvoud(andere.collectie)} "
                    f"'{entiteit.id}' ({andere_positie.bestand}:{andere_positie.regel}); "
                    "ids moeten uniek zijn in alle bestanden. Kies een andere id.",
                    plek.waar("id"),
                )
            )
        else:
            eerder[entiteit.id] = (plek, positie)
    return problemen


# Finding a close id costs a string comparison with every id. Suggestions stop after this many
# comparisons in one run (about a second), so a file full of typos cannot make validation
# quadratic; every broken reference is still reported.
MAX_VERGELIJKINGEN = 40_000


def verwijzingen(gegevens: Geplaatst) -> list[Probleem]:
    per_collectie = {naam: {e.id for e in gegevens.collectie(naam)} for naam in COLLECTIES}
    alle = {e.id: plek.collectie for e, plek in gegevens.alle()}
    problemen = []
    vergelijkingen_over = MAX_VERGELIJKINGEN
    for regel in verwijzingen_regels():
        doel = enkelvoud(regel.doel)
        bestaand = per_collectie[regel.doel]
        opties = sorted(bestaand)
        for entiteit, plek in gegevens.alle():
            if plek.collectie not in regel.collecties:
                continue
            for pad, waarde in _waarden(entiteit, regel.veld):
                if waarde in bestaand:
                    continue
                if waarde in alle:
                    uitleg = (
                        f"'{waarde}' is een {enkelvoud(alle[waarde])}, "
                        f"maar '{regel.veld}' moet naar een {doel} verwijzen."
                    )
                else:
                    hint = ""
                    if vergelijkingen_over >= len(opties):
                        hint = suggestie(waarde, opties)
                        vergelijkingen_over -= len(opties)
                    uitleg = (
                        f"'{regel.veld}' verwijst naar '{waarde}', maar er is geen {doel} met die "
                        f"id.{hint}"
                    )
                melding = f"{_label(entiteit, plek)}{uitleg}"
                problemen.append(fout(plek.positie(*pad), melding, plek.waar(*pad)))
    return problemen


def _label(entiteit: Entiteit, plek: Plek) -> str:
    return f"{enkelvoud(plek.collectie)} '{entiteit.id}': "


def provincies(gegevens: Geplaatst) -> list[Probleem]:
    """Province codes are unique and every coordinator works for the Arbeidsmarktplatform PO."""
    personen = {p.id: p for p in gegevens.van(Persoon)}
    codes: dict[str, str] = {}
    problemen = []
    for entiteit, plek in gegevens.alle():
        if plek.collectie != "provincies":
            continue
        provincie = gegevens.van(Provincie)[plek.index]
        if provincie.code in codes:
            problemen.append(
                fout(
                    plek.positie("code"),
                    f"{_label(entiteit, plek)}code '{provincie.code}' hoort al bij provincie "
                    f"'{codes[provincie.code]}'.",
                    plek.waar("code"),
                )
            )
        codes.setdefault(provincie.code, provincie.id)
        persoon = personen.get(provincie.regiocoordinator)
        if persoon is not None and persoon.organisatie != COORDINATOR_ORGANISATIE:
            problemen.append(
                fout(
                    plek.positie("regiocoordinator"),
                    f"{_label(entiteit, plek)}regiocoördinator '{persoon.id}' werkt bij "
                    f"'{persoon.organisatie}', maar de regiocoördinator van een provincie moet "
                    f"bij '{COORDINATOR_ORGANISATIE}' werken.",
                    plek.waar("regiocoordinator"),
                )
            )
    return problemen


def contactgegevens(gegevens: Geplaatst) -> list[Probleem]:
    problemen = []
    for entiteit, plek in gegevens.alle():
        label = _label(entiteit, plek)
        email = getattr(entiteit, "email", None)
        if email is not None and not email_geldig(email):
            problemen.append(
                fout(
                    plek.positie("email"),
                    f"{label}'{email}' is geen geldig e-mailadres; "
                    "verwacht iets als naam@organisatie.nl.",
                    plek.waar("email"),
                )
            )
        telefoon = getattr(entiteit, "telefoon", None)
        if telefoon is not None and not telefoon_geldig(telefoon):
            problemen.append(
                fout(
                    plek.positie("telefoon"),
                    f"{label}'{telefoon}' is geen geldig Nederlands telefoonnummer; "
                    "schrijf bijvoorbeeld 06-12345678 of 030-1234567.",
                    plek.waar("telefoon"),
                )
            )
        for pad, url in _urls(entiteit):
            if not url_toegestaan(url):
                problemen.append(
                    fout(
                        plek.positie(*pad),
                        f"{label}'{url}' is geen toegestaan webadres; alleen volledige adressen "
                        "die met http:// of https:// beginnen zijn toegestaan.",
                        plek.waar(*pad),
                    )
                )
    return problemen


def _urls(entiteit: Entiteit) -> Iterator[tuple[tuple[str | int, ...], str]]:
    yield from _waarden(entiteit, "bron")
    yield from _waarden(entiteit, "website")
    for index, feit in enumerate(getattr(entiteit, "feiten", ())):
        for bron_index, url in enumerate(feit.bron):
            yield ("feiten", index, "bron", bron_index), url


def datums(gegevens: Geplaatst) -> list[Probleem]:
    problemen = []
    for entiteit, plek in gegevens.alle():
        start = getattr(entiteit, "start", None)
        eind = getattr(entiteit, "eind", None)
        if start is not None and eind is not None and eind < start:
            problemen.append(
                fout(
                    plek.positie("eind"),
                    f"{_label(entiteit, plek)}einddatum {eind.isoformat()} ligt vóór de "
                    f"startdatum {start.isoformat()}.",
                    plek.waar("eind"),
                )
            )
    return problemen


def bronnen(gegevens: Geplaatst) -> list[Probleem]:
    """Every entity (and every programme fact) should say where its facts come from."""
    problemen = []
    for entiteit, plek in gegevens.alle():
        if not entiteit.bron:
            problemen.append(
                waarschuwing(
                    plek.positie(),
                    f"{_label(entiteit, plek)}geen 'bron'; voeg het webadres toe waar deze "
                    "gegevens vandaan komen.",
                    plek.waar("bron"),
                )
            )
        for index, feit in enumerate(getattr(entiteit, "feiten", ())):
            if not feit.bron:
                problemen.append(
                    waarschuwing(
                        plek.positie("feiten", index),
                        f"{_label(entiteit, plek)}feit zonder 'bron'; voeg het webadres toe.",
                        plek.waar("feiten", index, "bron"),
                    )
                )
    return problemen


# Fields that say something about the entry itself, not facts a source could state.
NIET_AFLEIDBAAR = frozenset({"id", "afgeleid", "bron", "gecontroleerd", "ontleend", "onzeker"})


def _ingevuld(entiteit: Entiteit, veld: str) -> bool:
    return veld in entiteit.model_fields_set and getattr(entiteit, veld) not in (None, (), "")


def afgeleid(gegevens: Geplaatst) -> list[Probleem]:
    """Every name in 'afgeleid' is a field of that kind that the entry fills in, once."""
    problemen = []
    for entiteit, plek in gegevens.alle():
        soort = enkelvoud(plek.collectie)
        velden = sorted(set(type(entiteit).model_fields) - NIET_AFLEIDBAAR)
        gezien: set[str] = set()
        for index, veld in enumerate(entiteit.afgeleid):
            positie = plek.positie("afgeleid", index)
            label = _label(entiteit, plek)
            if veld not in velden:
                hint = suggestie(veld, velden) or f" Mogelijke velden: {', '.join(velden)}."
                uitleg = (
                    f"'afgeleid' noemt '{veld}', maar dat is geen veld van een {soort} dat "
                    f"afgeleid kan zijn.{hint}"
                )
            elif veld in gezien:
                uitleg = f"'{veld}' staat twee keer in 'afgeleid'; noem elk veld één keer."
            elif not _ingevuld(entiteit, veld):
                uitleg = (
                    f"'afgeleid' noemt '{veld}', maar dat veld is niet ingevuld; vul het in of "
                    "haal het uit 'afgeleid'."
                )
            else:
                gezien.add(veld)
                continue
            gezien.add(veld)
            problemen.append(fout(positie, f"{label}{uitleg}", plek.waar("afgeleid", index)))
    return problemen


def gebieden(gegevens: Geplaatst) -> list[Probleem]:
    """A national entry has no area of its own; an empty sector list needs an explanation."""
    problemen = []
    for entiteit, plek in gegevens.alle():
        if not isinstance(entiteit, Gebied):
            continue
        label = _label(entiteit, plek)
        if getattr(entiteit, "landelijk", False) and getattr(entiteit, "provincies", ()):
            problemen.append(
                fout(
                    plek.positie("provincies"),
                    f"{label}is landelijk ('landelijk: true') en heeft dus geen eigen gebied; "
                    "laat 'provincies' weg, of zet 'landelijk' op false.",
                    plek.waar("provincies"),
                )
            )
        if not getattr(entiteit, "sectoren", ()) and not getattr(entiteit, "onzeker", None):
            problemen.append(
                fout(
                    plek.positie("sectoren"),
                    f"{label}'sectoren' is leeg; vul minstens één sector in, of zeg in "
                    "'onzeker' dat de bron geen sector noemt.",
                    plek.waar("sectoren"),
                )
            )
    return problemen


def verouderd(gegevens: Geplaatst, maanden: int, vandaag: date) -> list[Probleem]:
    """Entries not checked in the last ``maanden`` months (or never): warnings, never errors."""
    grens = _maanden_terug(vandaag, maanden)
    problemen = []
    for entiteit, plek in gegevens.alle():
        gecontroleerd = entiteit.gecontroleerd
        if gecontroleerd is None:
            melding = "nog nooit gecontroleerd (geen 'gecontroleerd'-datum)"
            positie = plek.positie()
        elif gecontroleerd < grens:
            melding = (
                f"laatst gecontroleerd op {gecontroleerd.isoformat()}, "
                f"meer dan {maanden} maanden geleden"
            )
            positie = plek.positie("gecontroleerd")
        else:
            continue
        problemen.append(
            waarschuwing(
                positie,
                f"{_label(entiteit, plek)}{melding}; kijk de gegevens na en zet 'gecontroleerd' "
                "op de datum van vandaag.",
                plek.waar("gecontroleerd"),
            )
        )
    return problemen


def _maanden_terug(vandaag: date, maanden: int) -> date:
    jaar, maand = divmod(vandaag.year * 12 + vandaag.month - 1 - maanden, 12)
    maand += 1
    dag = min(vandaag.day, 28 if maand == 2 else 30 if maand in (4, 6, 9, 11) else 31)
    return date(jaar, maand, dag)


# Checks that need only the entities of one file, and all checks.
PER_BESTAND: tuple[Check, ...] = (
    unieke_ids,
    contactgegevens,
    datums,
    bronnen,
    afgeleid,
    gebieden,
)
ALLE: tuple[Check, ...] = (*PER_BESTAND, verwijzingen, provincies)


def controleer(gegevens: Geplaatst, welke: tuple[Check, ...] = ALLE) -> list[Probleem]:
    return [probleem for check in welke for probleem in check(gegevens)]
