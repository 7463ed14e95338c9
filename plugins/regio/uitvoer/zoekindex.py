"""The index behind "Zoek uw gemeente of plaats": every gemeente and place, as compact JSON.

The browser (assets/zoek/regio-zoek.js) loads it from :data:`INDEX_PAD` when the visitor first
focuses the search field, and matches on the names itself. The format, version 1::

    {"gemeenten": [[naam, slug, provincie], …],       # provincie: index into "provincies"
     "plaatsen": [[naam, gemeente], …],                # gemeente: index into "gemeenten"
     "provincies": [naam, …],
     "versie": 1}

A place whose name is shared with another entry gets a third element, the label that tells
them apart: "Hengelo (gemeente Bronckhorst)" beside the gemeente "Hengelo (O.)"; so does a
gemeente, as a fourth, should two ever have the very same name ("Bergen (Limburg)"). Keys and
lists are sorted and there is no whitespace, so the same input gives the same bytes. The names
are untrusted data: the script only ever sets them as text.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence

from regio.gegevens.gemeenten import Gemeenten

# Where the caller writes the index, relative to the site root (beside the script).
INDEX_PAD = "assets/regio/zoek/index.json"
VERSIE = 1

# The page of a gemeente is gemeenten/<slug>/: the script builds that URL from the slug.
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_NIET_LETTER = re.compile(r"[^a-z0-9]+")
# The official qualifier of a gemeente's name: "Hengelo (O.)", "Bergen (NH.)".
_TOEVOEGING = re.compile(r"\s*\([^()]*\)\s*$")


def normaliseer(naam: str) -> str:
    """A name as the search compares it: no accents or case, punctuation as single spaces.

    "'s-Hertogenbosch" -> "s hertogenbosch", "Súdwest-Fryslân" -> "sudwest fryslan". The script
    does the same (``normaliseer`` in regio-zoek.js); the tests hold the two to each other.
    """
    ontleed = unicodedata.normalize("NFKD", naam)
    zonder_tekens = "".join(t for t in ontleed if not unicodedata.combining(t))
    return _NIET_LETTER.sub(" ", zonder_tekens.lower()).strip()


def basisnaam(naam: str) -> str:
    """The normalised name without a qualifier in brackets at the end: "Hengelo (O.)" ->
    "hengelo". What a visitor types; the script matches on it too."""
    return normaliseer(_TOEVOEGING.sub("", naam)) or normaliseer(naam)


def zoekindex(
    gemeenten: Sequence[tuple[str, str, str]], plaatsen: Sequence[tuple[str, str]]
) -> bytes:
    """The search index as UTF-8 JSON.

    ``gemeenten`` are (naam, slug, provincienaam), ``plaatsen`` are (plaatsnaam, gemeente_slug).
    A place named like its own gemeente is left out (the gemeente is found already, also when
    its name has a qualifier: Bergen in Bergen (NH.)), and so is a place listed twice for the
    same gemeente; places of the same name in different gemeenten all stay. Raises ValueError
    for an empty name, a slug that is not a URL slug, a slug used twice, or a place in a
    gemeente that is not in ``gemeenten``.
    """
    gemeente_rijen: list[tuple[str, str, str]] = []
    for naam, slug, provincie in gemeenten:
        naam, provincie = naam.strip(), provincie.strip()
        if not normaliseer(naam) or not provincie:
            raise ValueError(f"gemeente {slug!r}: naam of provincie ontbreekt")
        if not _SLUG.fullmatch(slug):
            raise ValueError(f"gemeente {naam!r}: {slug!r} is geen geldige slug")
        gemeente_rijen.append((naam, slug, provincie))
    dubbele_slugs = sorted(s for s, n in Counter(s for _, s, _ in gemeente_rijen).items() if n > 1)
    if dubbele_slugs:
        raise ValueError(f"gemeente-slug meer dan eens gebruikt: {', '.join(dubbele_slugs)}")

    gemeente_rijen.sort(key=lambda g: (normaliseer(g[0]), g[0], g[1]))
    provincies = sorted({p for _, _, p in gemeente_rijen})
    provincie_nr = {p: i for i, p in enumerate(provincies)}
    gemeente_nr = {slug: i for i, (_, slug, _) in enumerate(gemeente_rijen)}

    gezien: set[tuple[str, int]] = set()
    plaats_rijen: list[tuple[str, int]] = []
    for naam, slug in plaatsen:
        naam = naam.strip()
        if not normaliseer(naam):
            raise ValueError(f"plaats zonder naam in gemeente {slug!r}")
        if slug not in gemeente_nr:
            raise ValueError(f"plaats {naam!r}: onbekende gemeente {slug!r}")
        nr = gemeente_nr[slug]
        sleutel = (basisnaam(naam), nr)
        if sleutel[0] == basisnaam(gemeente_rijen[nr][0]) or sleutel in gezien:
            continue
        gezien.add(sleutel)
        plaats_rijen.append((naam, nr))
    plaats_rijen.sort(key=lambda p: (normaliseer(p[0]), p[0], p[1]))

    # A name that more than one entry answers to gets a label that tells them apart: a place
    # when another place or a gemeente goes by the same name ("Hengelo" in Bronckhorst and
    # "Hengelo (O.)"), a gemeente only when another has exactly its name (qualifiers differ).
    namen = Counter(basisnaam(g[0]) for g in gemeente_rijen)
    namen.update(basisnaam(p[0]) for p in plaats_rijen)
    gemeente_namen = Counter(normaliseer(g[0]) for g in gemeente_rijen)

    gemeente_json: list[list[str | int]] = []
    for naam, slug, provincie in gemeente_rijen:
        rij: list[str | int] = [naam, slug, provincie_nr[provincie]]
        if gemeente_namen[normaliseer(naam)] > 1:
            rij.append(f"{naam} ({provincie})")
        gemeente_json.append(rij)
    plaats_json: list[list[str | int]] = []
    for naam, nr in plaats_rijen:
        prij: list[str | int] = [naam, nr]
        if namen[basisnaam(naam)] > 1:
            prij.append(f"{naam} (gemeente {gemeente_rijen[nr][0]})")
        plaats_json.append(prij)

    index = {
        "gemeenten": gemeente_json,
        "plaatsen": plaats_json,
        "provincies": provincies,
        "versie": VERSIE,
    }
    tekst = json.dumps(index, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return tekst.encode("utf-8")


def site_index(gemeenten: Gemeenten, plaatsen: Sequence[tuple[str, str]]) -> bytes:
    """The index of a site: every gemeente with its province's name, and the gazetteer's places
    with the code of the gemeente they lie in (see :class:`regio.gegevens.geografie.Geografie`)."""
    from regio.gegevens.geografie import ISO_NAMEN

    rijen = [(g.naam, g.slug, ISO_NAMEN.get(g.provincie, g.provincie)) for g in gemeenten]
    slugs = {g.code: g.slug for g in gemeenten}
    return zoekindex(rijen, [(naam, slugs[code]) for naam, code in plaatsen if code in slugs])
