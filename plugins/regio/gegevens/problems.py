"""Problems found in the data: plain values, collected and reported all at once."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, NamedTuple

Ernst = Literal["fout", "waarschuwing"]


class Positie(NamedTuple):
    """A place in a file; line and column count from 1, as editors see them.

    A named tuple, not a dataclass: the loader makes one for every value (100,000s), and a tuple
    is made several times faster. Sorted by file, line, column."""

    bestand: str
    regel: int = 1
    kolom: int = 1


class Veldpad(NamedTuple):
    """What a problem is about, as data: the collection, the entry (its id, or its index when it
    has no usable id) and the path of the field inside the entry (empty: the whole entry)."""

    collectie: str
    item: str | int
    veld: tuple[str | int, ...] = ()

    @property
    def veldnaam(self) -> str | None:
        """The entry's own field the problem is in: ('feiten', 0, 'bron') -> 'feiten'."""
        return next((deel for deel in self.veld if isinstance(deel, str)), None)


@dataclass(frozen=True)
class Probleem:
    positie: Positie
    ernst: Ernst
    melding: str
    waar: Veldpad | None = None  # None: about the file as a whole

    @property
    def is_fout(self) -> bool:
        return self.ernst == "fout"


def fout(positie: Positie, melding: str, waar: Veldpad | None = None) -> Probleem:
    return Probleem(positie, "fout", melding, waar)


def waarschuwing(positie: Positie, melding: str, waar: Veldpad | None = None) -> Probleem:
    return Probleem(positie, "waarschuwing", melding, waar)


def sorteer(problemen: Iterable[Probleem]) -> list[Probleem]:
    """Sort by file, line and column; drop exact duplicates."""
    uniek = {(p.positie, p.ernst, p.melding): p for p in problemen}
    return [uniek[k] for k in sorted(uniek)]


def strict(problemen: Iterable[Probleem]) -> list[Probleem]:
    """Turn every warning into an error (``--strict``)."""
    return [Probleem(p.positie, "fout", p.melding, p.waar) for p in problemen]


def als_tekst(p: Probleem) -> str:
    pos = p.positie
    return f"{pos.bestand}:{pos.regel}:{pos.kolom}: {p.ernst}: {p.melding}"


def _github_escape(text: str, *, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def als_github(p: Probleem) -> str:
    """A GitHub Actions workflow command, so the message appears on the right line of the diff."""
    soort = "error" if p.is_fout else "warning"
    pos = p.positie
    bestand = _github_escape(pos.bestand, property_value=True)
    return f"::{soort} file={bestand},line={pos.regel},col={pos.kolom}::{_github_escape(p.melding)}"


def als_json(problemen: Sequence[Probleem]) -> str:
    """One object per problem: bestand, regel, kolom, ernst, melding, and (null for a problem
    about a whole file) collectie, item (the id, or the index) and veld (a list of keys)."""
    rows = [
        {
            **p.positie._asdict(),
            "ernst": p.ernst,
            "melding": p.melding,
            "collectie": p.waar.collectie if p.waar else None,
            "item": p.waar.item if p.waar else None,
            "veld": list(p.waar.veld) if p.waar else None,
        }
        for p in problemen
    ]
    return json.dumps(rows, ensure_ascii=False, indent=2)


def samenvatting(problemen: Sequence[Probleem]) -> str:
    fouten = sum(p.is_fout for p in problemen)
    waarschuwingen = len(problemen) - fouten
    delen = [
        f"{fouten} {'fout' if fouten == 1 else 'fouten'}",
        f"{waarschuwingen} {'waarschuwing' if waarschuwingen == 1 else 'waarschuwingen'}",
    ]
    return " en ".join(delen)
