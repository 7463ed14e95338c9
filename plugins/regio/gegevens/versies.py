"""The entities of each version of a data file, parsed entry by entry and only once.

A history of 1,000 commits to a file of 10,000 entries holds 1,000 versions that differ in a few
entries each. Parsing every version whole would cost minutes; here a version is cut into its
entries by their text (the list items under each top-level key, in block style as editors and
``regio fmt`` write them), and only the entries whose text was not seen before are parsed, all
of them in one small document per collection. An unchanged entry is the very same object as in
the version before, so comparing versions can skip it with ``is``.

The cut is only a shortcut: a version whose text does not cut cleanly (flow style, anchors,
duplicate ids, anything unusual) or whose new entries do not parse on their own is parsed whole,
exactly as before, and gives the same entities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from regio.gegevens.load import load_bytes
from regio.gegevens.model import Entiteit, Model
from regio.gegevens.parse import parse
from regio.gegevens.registry import COLLECTIES, bestanden, uit_bestanden

Stand = dict[str, tuple[str, Entiteit]]  # id -> (collection, entity)

# Each pattern starts with a newline, so the search runs at C speed over a large file (a
# multi-line '^' is slower by far). The text is searched with a newline put in front.
# A top-level key that opens a collection (nothing after it but a comment).
_KOP = re.compile(r"\n([a-z_]+):[ \t]*(?:#[^\n]*)?(?=\n)")
# A line at column 0 that is neither a comment nor (in an indentless list) an item.
_VREEMD = {0: re.compile(r"\n(?:[^\s#-]|-[^ ])"), 2: re.compile(r"\n[^\s#]")}
# Anchors, aliases and merge keys tie entries together: then they cannot be read one by one.
_ANKER = (": &", "- &", ": *", "- *", "<<:", "\n&", "\n*")


# A version cut into its entries: per (collection key, item marker) the entries' texts after
# the marker and without their last newline, in file order. The marker ('- ' or '  - ') is part
# of the key: the same text under another marker is other YAML.
Knip = dict[tuple[str, str], list[str]]


def stukken(tekst: str) -> Knip | None:
    """The entries of a data file, or None when the text is not plain block style (the caller
    then parses it whole).

    Plain string work, no YAML and no loop over the entries: this runs on every version of a
    large file in the history.
    """
    tekst = "\n" + tekst
    if any(teken in tekst for teken in _ANKER):
        return None
    koppen = list(_KOP.finditer(tekst))
    if not koppen or _VREEMD[2].search(tekst, 0, koppen[0].start()):
        return None
    result: Knip = {}
    for kop, volgende in zip(koppen, [*koppen[1:], None], strict=True):
        romp = _na_commentaar(tekst[kop.end() : volgende.start() if volgende else len(tekst)])
        if romp.startswith("\n- "):
            inspringing, teken = 0, "\n- "
        elif romp.startswith("\n  - "):
            inspringing, teken = 2, "\n  - "
        else:
            return None  # an empty collection, a value on the next line …
        sleutel = (kop.group(1), teken[1:])
        if _VREEMD[inspringing].search(romp) or any(k[0] == sleutel[0] for k in result):
            return None
        # Split on "\n- ", every text but the last lost its final newline: the last loses it too.
        delen = romp.split(teken)[1:]
        delen[-1] = delen[-1].removesuffix("\n")
        result[sleutel] = delen
    return result


def _na_commentaar(romp: str) -> str:
    """``romp`` from the newline before its first line that is not blank or a comment."""
    plek = 0
    while True:
        volgende = romp.find("\n", plek + 1)
        regel = romp[plek + 1 : volgende if volgende != -1 else len(romp)].strip()
        if volgende == -1 or (regel and not regel.startswith("#")):
            return romp[plek:]
        plek = volgende


@dataclass(frozen=True)
class Versie:
    """One version of a data file: its entities and, when it was cut, its entries' texts."""

    stand: Stand
    stukken: dict[tuple[str, str], frozenset[str]] | None = None  # None: parsed whole


class Versies:
    """Parses versions of the data files, remembering each entry's text across versions."""

    def __init__(self) -> None:
        # (file, collection, marker) -> entry text -> its entity
        self._entries: dict[tuple[str, str, str], dict[str, Entiteit]] = {}

    def versie(self, naam: str, inhoud: bytes, vorige: Versie | None = None) -> Versie | None:
        """One version of data file ``naam`` (None when it does not parse). With the version
        before it, only the entries whose text differs are looked at."""
        try:
            knip = stukken(inhoud.decode("utf-8"))
        except UnicodeDecodeError:
            knip = None
        if knip is None:
            return _heel(naam, inhoud)
        sets = {sleutel: frozenset(delen) for sleutel, delen in knip.items()}
        if any(len(sets[s]) != len(delen) for s, delen in knip.items()):
            return _heel(naam, inhoud)  # the same entry twice: parsing whole decides
        if not self._lees_nieuwe(naam, sets):
            return _heel(naam, inhoud)
        stand: Stand | None
        if vorige is not None and vorige.stukken is not None:
            stand = self._bijgewerkt(naam, vorige.stand, vorige.stukken, sets)
        else:
            stand = self._bijgewerkt(naam, {}, {}, sets)
        return Versie(stand, sets) if stand is not None else _heel(naam, inhoud)

    def veranderd(self, naam: str, oud: Versie, nieuw: Versie) -> set[str] | None:
        """The ids whose entity differs between two versions of ``naam``; None: look at all."""
        if oud.stukken is None or nieuw.stukken is None:
            return None
        leeg: frozenset[str] = frozenset()
        ids: set[str] = set()
        for sleutel in oud.stukken.keys() | nieuw.stukken.keys():
            entries = self._entries[(naam, *sleutel)]
            verschil = oud.stukken.get(sleutel, leeg) ^ nieuw.stukken.get(sleutel, leeg)
            ids.update(entries[stuk].id for stuk in verschil)
        return ids

    def _bijgewerkt(
        self,
        naam: str,
        stand: Stand,
        oud: dict[tuple[str, str], frozenset[str]],
        nieuw: dict[tuple[str, str], frozenset[str]],
    ) -> Stand | None:
        """``stand`` (the entities of the entries ``oud``) with the entries that are not in
        ``nieuw`` taken out and the new ones put in; None on a duplicate id."""
        result = dict(stand)
        leeg: frozenset[str] = frozenset()
        sleutels = sorted(oud.keys() | nieuw.keys())
        for sleutel in sleutels:
            entries = self._entries[(naam, *sleutel)]
            for stuk in oud.get(sleutel, leeg) - nieuw.get(sleutel, leeg):
                result.pop(entries[stuk].id, None)
        for sleutel in sleutels:
            entries = self._entries[(naam, *sleutel)]
            for stuk in nieuw.get(sleutel, leeg) - oud.get(sleutel, leeg):
                e = entries[stuk]
                if e.id in result:
                    return None
                result[e.id] = (sleutel[0], e)
        return result

    def _lees_nieuwe(self, naam: str, sets: dict[tuple[str, str], frozenset[str]]) -> bool:
        """Parse the entries not seen before, per collection in one document; False when that
        does not work (an unknown key, an entry that is invalid on its own)."""
        for (sectie, teken), delen in sets.items():
            if sectie not in COLLECTIES or COLLECTIES[sectie].bestand != naam:
                return False
            entries = self._entries.setdefault((naam, sectie, teken), {})
            lijst = sorted(delen.difference(entries))
            if not lijst:
                continue
            document = (f"{sectie}:\n" + "".join(f"{teken}{d}\n" for d in lijst)).encode("utf-8")
            geladen = load_bytes(document, naam).geladen
            model = parse(geladen, bestanden()[naam]).model if geladen is not None else None
            if not isinstance(model, Model):
                return False
            entiteiten = uit_bestanden({naam: model})[sectie]
            if len(entiteiten) != len(lijst):
                return False
            entries.update(zip(lijst, entiteiten, strict=True))
        return True


def _heel(naam: str, inhoud: bytes) -> Versie | None:
    """One version parsed whole, or None when it does not load or parse."""
    geladen = load_bytes(inhoud, naam).geladen
    if geladen is None:
        return None
    model = parse(geladen, bestanden()[naam]).model
    if not isinstance(model, Model):
        return None
    stand: Stand = {}
    for collectie, entiteiten in uit_bestanden({naam: model}).items():
        if COLLECTIES[collectie].bestand == naam:
            for e in entiteiten:
                stand[e.id] = (collectie, e)
    return Versie(stand)
