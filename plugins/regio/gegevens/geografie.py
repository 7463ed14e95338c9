"""Geography checks: boundaries per province, and where each onderwijsregio, partnership and
project lies (from its ``plaats`` or its ``coordinaten``); an organisation's ``plaats`` is checked
by the same rule (the open data places it there), though it is not on the map.

Like :mod:`regio.gegevens.checks`, nothing here raises or stops at the first problem; the
difference is that these checks also need the province boundaries and the gazetteer, and
return the positions found.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from regio.gegevens.gemeenten import Gemeenten
from regio.gegevens.geplaatst import Geplaatst, Plek
from regio.gegevens.grenzen import Grens
from regio.gegevens.model import Entiteit, Gebied, Organisatie, Provincie
from regio.gegevens.plaatsen import Gazetteer
from regio.gegevens.problems import Positie, Probleem, fout
from regio.gegevens.registry import enkelvoud, kaartlagen

# The European Netherlands with a margin (min_lon, min_lat, max_lon, max_lat): Zeeuws-Vlaanderen,
# Vaals, Rottumeroog and the Dollard lie inside.
NEDERLAND = (3.2, 50.7, 7.3, 53.7)
# The boundaries are generalised: a point this close to a province counts as in it. Every Dutch
# GeoNames place lies within 2.5 km of its own province's generalised polygon.
MARGE_KM = 3.0
# ... and so does a point this close to a GeoNames place in that province.
BUUR_KM = 2.0

# ISO 3166-2:NL names, for messages about a province that regions.yaml does not hold.
ISO_NAMEN = {
    "NL-DR": "Drenthe",
    "NL-FL": "Flevoland",
    "NL-FR": "Fryslân",
    "NL-GE": "Gelderland",
    "NL-GR": "Groningen",
    "NL-LI": "Limburg",
    "NL-NB": "Noord-Brabant",
    "NL-NH": "Noord-Holland",
    "NL-OV": "Overijssel",
    "NL-UT": "Utrecht",
    "NL-ZE": "Zeeland",
    "NL-ZH": "Zuid-Holland",
}

LatLon = tuple[float, float]


@dataclass(frozen=True)
class Geografie:
    """What the map and the gemeente pages need: the boundaries by ISO code, the position
    (lat, lon) by entity id, and the gemeenten with the codes each entity lists."""

    grenzen: dict[str, Grens]
    posities: dict[str, tuple[float, float]]
    gemeenten: Gemeenten | None = None
    gemeenten_van: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # The gemeente each located entity lies in (code, by entity id), and each gazetteer place's
    # gemeente (name, code): where the coordinates fall, worked out at build time.
    gemeente_bij: dict[str, str] = field(default_factory=dict)
    plaatsen: tuple[tuple[str, str], ...] = ()


def in_gemeenten(
    gemeenten: Gemeenten, posities: dict[str, LatLon], plaatsen: Gazetteer
) -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    """The gemeente of each entity position and of each gazetteer place (those at sea or
    just outside the generalised outlines have none)."""
    bij = {}
    for ident, (lat, lon) in posities.items():
        if (gemeente := gemeenten.op_punt(lat, lon)) is not None:
            bij[ident] = gemeente.code
    gevonden = []
    for record in plaatsen.records:
        plaats = record.plaats
        if (gemeente := gemeenten.op_punt(plaats.lat, plaats.lon)) is not None:
            gevonden.append((plaats.naam, gemeente.code))
    return bij, tuple(sorted(set(gevonden)))


def geografie(
    gegevens: Geplaatst, grenzen: dict[str, Grens], plaatsen: Gazetteer, grenzen_bestand: str
) -> tuple[dict[str, tuple[float, float]], list[Probleem]]:
    """Positions (lat, lon) by entity id, and the problems with boundaries and places.

    With no boundaries at all (the file is missing or broken, which loading already reported) only
    the place names are checked.
    """
    problemen = grens_per_provincie(gegevens, grenzen, grenzen_bestand) if grenzen else []
    namen = _provincienamen(gegevens, grenzen)
    posities: dict[str, tuple[float, float]] = {}
    gebieden = {c.naam for c in kaartlagen()}
    for entiteit, plek in gegevens.alle():
        if isinstance(entiteit, Organisatie) and entiteit.plaats is not None:
            # Checked only: the map's positions are those of its layers (gebieden).
            problemen.extend(_plaats(entiteit, plek, gegevens, grenzen, plaatsen, namen)[1])
            continue
        if plek.collectie not in gebieden or not isinstance(entiteit, Gebied):
            continue
        if entiteit.coordinaten is not None:
            positie, gevonden = _coordinaten(entiteit, plek, gegevens, grenzen, plaatsen, namen)
        elif entiteit.plaats is not None:
            positie, gevonden = _plaats(entiteit, plek, gegevens, grenzen, plaatsen, namen)
        else:
            continue
        problemen.extend(gevonden)
        if positie is not None:
            posities[entiteit.id] = positie
    return posities, problemen


def grens_per_provincie(
    gegevens: Geplaatst, grenzen: dict[str, Grens], grenzen_bestand: str
) -> list[Probleem]:
    """Each province has a boundary, and each boundary belongs to a province."""
    problemen = []
    codes = {p.code for p in gegevens.van(Provincie)}
    vrij = sorted(set(grenzen) - codes)
    for entiteit, plek in _provincies(gegevens):
        if entiteit.code in grenzen:
            continue
        hint = f" Bedoelde u '{vrij[0]}'?" if len(vrij) == 1 else ""
        problemen.append(
            fout(
                plek.positie("code"),
                f"{_label(entiteit, plek)}{grenzen_bestand} heeft geen grens met code "
                f"'{entiteit.code}', dus de kaart kan deze provincie niet tekenen.{hint}",
                plek.waar("code"),
            )
        )
    for code in vrij:
        problemen.append(
            fout(
                Positie(grenzen_bestand),
                f"de grens van {grenzen[code].naam} ({code}) hoort bij geen enkele provincie "
                "in regions.yaml. Verwijder die grens of voeg de provincie toe.",
            )
        )
    return problemen


def _provincies(gegevens: Geplaatst) -> Iterable[tuple[Provincie, Plek]]:
    for entiteit, plek in gegevens.alle():
        if isinstance(entiteit, Provincie):
            yield entiteit, plek


def _provincienamen(gegevens: Geplaatst, grenzen: dict[str, Grens]) -> dict[str, str]:
    """Province name by ISO code: as regions.yaml writes it, else the ISO name, else the name in
    the boundaries file (a test data set need not hold every province a town can lie in)."""
    namen = {code: grens.naam for code, grens in grenzen.items()}
    namen.update(ISO_NAMEN)
    namen.update({p.code: p.naam for p in gegevens.van(Provincie)})
    return namen


def _label(entiteit: Entiteit, plek: Plek) -> str:
    return f"{enkelvoud(plek.collectie)} '{entiteit.id}': "


def _verklaarde_codes(entiteit: Gebied | Organisatie, gegevens: Geplaatst) -> list[str]:
    """ISO codes of the provinces the entity names (unknown ids are reported elsewhere); an
    organisation names none."""
    if not isinstance(entiteit, Gebied):
        return []
    per_id = {p.id: p.code for p in gegevens.van(Provincie)}
    return [per_id[i] for i in entiteit.provincies if i in per_id]


def _of(codes: list[str], namen: dict[str, str]) -> str:
    """'Utrecht', 'Utrecht of Zeeland', 'Utrecht, Gelderland of Zeeland'."""
    delen = [namen.get(c, c) for c in dict.fromkeys(codes)]
    return delen[0] if len(delen) == 1 else f"{', '.join(delen[:-1])} of {delen[-1]}"


def _waar(lon: float, lat: float, grenzen: dict[str, Grens], *, marge_km: float) -> list[str]:
    """Codes of the provinces containing the point; else of those within ``marge_km``."""
    binnen = [code for code, grens in sorted(grenzen.items()) if grens.bevat(lon, lat)]
    if binnen or marge_km <= 0:
        return binnen
    afstanden = sorted((grens.afstand_km(lon, lat), code) for code, grens in grenzen.items())
    return [code for afstand, code in afstanden[:1] if afstand <= marge_km]


def _in_nederland(lat: float, lon: float) -> bool:
    min_lon, min_lat, max_lon, max_lat = NEDERLAND
    return min_lon <= lon <= max_lon and min_lat <= lat <= max_lat


def _coordinaten(
    entiteit: Gebied,
    plek: Plek,
    gegevens: Geplaatst,
    grenzen: dict[str, Grens],
    plaatsen: Gazetteer,
    namen: dict[str, str],
) -> tuple[LatLon | None, list[Probleem]]:
    assert entiteit.coordinaten is not None
    lat, lon = entiteit.coordinaten.lat, entiteit.coordinaten.lon
    label = _label(entiteit, plek)
    tekst = f"coördinaten (lat {lat}, lon {lon})"
    if not _in_nederland(lat, lon):
        hint = (
            " Zijn lat en lon verwisseld? lat is de breedtegraad (rond 52), "
            "lon de lengtegraad (rond 5)."
            if _in_nederland(lon, lat)
            else " Nederland ligt tussen lat 50.7 en 53.7 en lon 3.2 en 7.3."
        )
        return None, [
            fout(
                plek.positie("coordinaten"),
                f"{label}{tekst} liggen buiten Nederland.{hint}",
                plek.waar("coordinaten"),
            )
        ]
    verklaard = _verklaarde_codes(entiteit, gegevens)
    if not verklaard or not grenzen:
        return (lat, lon), []
    gevonden = _waar(lon, lat, grenzen, marge_km=MARGE_KM)
    if set(gevonden) & set(verklaard):
        return (lat, lon), []
    # The boundaries predate recent municipal changes (Vijfheerenlanden moved to Utrecht in 2019):
    # a point right next to a place that GeoNames puts in a named province is fine too.
    buur = plaatsen.dichtstbij(lat, lon, BUUR_KM)
    if buur is not None and buur.provincie in verklaard:
        return (lat, lon), []
    if gevonden:
        melding = f"{tekst} liggen in {_of(gevonden, namen)}, niet in {_of(verklaard, namen)}."
    else:
        melding = (
            f"{tekst} liggen in geen enkele provincie (buiten Nederland of in zee?), "
            f"dus niet in {_of(verklaard, namen)}."
        )
    return (lat, lon), [
        fout(plek.positie("coordinaten"), f"{label}{melding}", plek.waar("coordinaten"))
    ]


def _plaats(
    entiteit: Gebied | Organisatie,
    plek: Plek,
    gegevens: Geplaatst,
    grenzen: dict[str, Grens],
    plaatsen: Gazetteer,
    namen: dict[str, str],
) -> tuple[LatLon | None, list[Probleem]]:
    assert entiteit.plaats is not None
    label = _label(entiteit, plek)
    gevonden = plaatsen.zoek(entiteit.plaats)
    if gevonden is None:
        suggesties = plaatsen.suggesties(entiteit.plaats, 1)
        hint = f" Bedoelde u '{suggesties[0]}'?" if suggesties else ""
        # An organisation has no 'coordinaten' to offer instead.
        anders = " of geef 'coordinaten' op" if isinstance(entiteit, Gebied) else ""
        return None, [
            fout(
                plek.positie("plaats"),
                f"{label}plaats '{entiteit.plaats}' is onbekend (niet gevonden in GeoNames)."
                f"{hint} Staat de plaats er echt niet in, laat 'plaats' dan weg{anders}.",
                plek.waar("plaats"),
            )
        ]
    positie = (gevonden.lat, gevonden.lon)
    verklaard = _verklaarde_codes(entiteit, gegevens)
    if not verklaard or gevonden.provincie in verklaard:
        return positie, []
    # GeoNames follows today's municipalities; the boundaries may be older or coarser, so a place
    # inside a named province's polygon is also fine.
    if any(grenzen[c].bevat(gevonden.lon, gevonden.lat) for c in verklaard if c in grenzen):
        return positie, []
    return positie, [
        fout(
            plek.positie("plaats"),
            f"{label}plaats '{entiteit.plaats}' ligt in {_of([gevonden.provincie], namen)}, "
            f"niet in {_of(verklaard, namen)}. Pas 'plaats' of 'provincies' aan.",
            plek.waar("plaats"),
        )
    ]
