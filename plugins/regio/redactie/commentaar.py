"""Comments and blank lines in a data file: found in the text, and put back after formatting.

`regio fmt` rewrites a file through ruamel.yaml but takes every comment and blank line from the
original text (:func:`opmerkingen`), finds the line of the tree each belongs to (:class:`_Boom`),
and writes them back there (:class:`_Plaatsing`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.scalarstring import (
    FoldedScalarString,
    LiteralScalarString,
)
from ruamel.yaml.tokens import CommentToken

from regio.gegevens.load import PARSER_LOADER

# --- comments and blank lines, found in the text ------------------------------------------------


@dataclass(frozen=True)
class Commentaar:
    regel: int  # 0-based
    kolom: int
    tekst: str  # from '#' to the end of the line
    achter_waarde: bool  # after a value on the same line


@dataclass(frozen=True)
class Opmerkingen:
    """Every comment and every blank line outside scalars (line numbers 0-based)."""

    commentaar: tuple[Commentaar, ...]
    lege_regels: frozenset[int]

    def los(self) -> dict[int, Commentaar | None]:
        """Lines that hold only a comment (value) or nothing (None)."""
        regels: dict[int, Commentaar | None] = {n: None for n in self.lege_regels}
        regels.update({c.regel: c for c in self.commentaar if not c.achter_waarde})
        return regels


def opmerkingen(tekst: str) -> Opmerkingen:
    """Find comments and blank lines; text inside scalars (block texts too) is not looked at."""
    regels = tekst.split("\n")
    bezet: dict[int, list[tuple[int, int]]] = {}  # line -> covered [start, end) columns
    volledig: set[int] = set()  # lines inside a multi-line scalar

    for token in yaml.scan(tekst, Loader=PARSER_LOADER):
        if not isinstance(token, yaml.ScalarToken | yaml.AnchorToken | yaml.AliasToken):
            continue
        begin, eind = token.start_mark, token.end_mark
        if isinstance(token, yaml.ScalarToken) and token.style in ("|", ">"):
            laatste = eind.line - 1 if eind.column == 0 else eind.line
            kop = regels[begin.line][begin.column :]
            indicator = len(kop) - len(kop.lstrip("|>+-0123456789"))
            if "+" not in kop[:indicator]:  # trailing blank lines are not content but layout
                while laatste > begin.line and not regels[laatste].strip():
                    laatste -= 1
            # The header ('>-') is covered; a comment after it is not.
            bezet.setdefault(begin.line, []).append((begin.column, begin.column + indicator))
            volledig.update(range(begin.line + 1, laatste + 1))
        elif begin.line == eind.line:
            bezet.setdefault(begin.line, []).append((begin.column, eind.column))
        else:
            bezet.setdefault(begin.line, []).append((begin.column, len(regels[begin.line])))
            volledig.update(range(begin.line + 1, eind.line))
            bezet.setdefault(eind.line, []).append((0, eind.column))

    commentaar: list[Commentaar] = []
    lege: set[int] = set()
    for nummer, regel in enumerate(regels):
        if nummer in volledig:
            continue
        if not regel.strip():
            if nummer < len(regels) - 1:  # not the empty rest after the final newline
                lege.add(nummer)
            continue
        for kolom, teken in enumerate(regel):
            if teken != "#" or (kolom > 0 and regel[kolom - 1] not in " \t"):
                continue
            if any(a <= kolom < b for a, b in bezet.get(nummer, ())):
                continue
            achter = bool(regel[:kolom].strip())
            commentaar.append(Commentaar(nummer, kolom, regel[kolom:].rstrip(), achter))
            break
    return Opmerkingen(tuple(commentaar), frozenset(lege))


# --- where each line belongs in the ruamel tree -------------------------------------------------

# ("sleutel", map, key) or ("item", seq, index): a line of the document that a comment can precede.
Anker = tuple[str, Any, Any]


def _blok(waarde: Any) -> bool:
    """A block (not flow) mapping or sequence with at least one entry."""
    return (
        isinstance(waarde, CommentedMap | CommentedSeq)
        and len(waarde) > 0
        and not waarde.fa.flow_style()
    )


@dataclass
class _Boom:
    """The ruamel tree with, for each line, the things that start there (outermost first)."""

    wortel: CommentedMap
    ankers: list[tuple[int, Anker]] = field(default_factory=list)
    # id(collection) -> (the collection it is in, its key or index there)
    ouder: dict[int, tuple[Any, Any]] = field(default_factory=dict)

    def registreer(self, knoop: Any) -> None:
        if isinstance(knoop, CommentedMap):
            for sleutel, waarde in knoop.items():
                self.ankers.append((knoop.lc.key(sleutel)[0], ("sleutel", knoop, sleutel)))
                if _blok(waarde):
                    self.ouder[id(waarde)] = (knoop, sleutel)
                    self.registreer(waarde)
        elif isinstance(knoop, CommentedSeq):
            for index, waarde in enumerate(knoop):
                self.ankers.append((knoop.lc.item(index)[0], ("item", knoop, index)))
                if _blok(waarde):
                    self.ouder[id(waarde)] = (knoop, index)
                    self.registreer(waarde)


def _wis_commentaar(knoop: Any) -> None:
    """Drop ruamel's own comment bookkeeping; comments are put back from the text."""
    if isinstance(knoop, CommentedMap | CommentedSeq):
        knoop.ca.comment = None
        knoop.ca.items.clear()
        knoop.ca.end = []
        for waarde in knoop.values() if isinstance(knoop, CommentedMap) else knoop:
            _wis_commentaar(waarde)


# --- putting comments back ----------------------------------------------------------------------


def _kolommen(knoop: Any, kolom: int, uit: dict[int, int]) -> None:
    """Column of the keys (mapping) or dashes (sequence) of every block collection."""
    uit[id(knoop)] = kolom
    if isinstance(knoop, CommentedMap):
        for waarde in knoop.values():
            if _blok(waarde):
                _kolommen(waarde, kolom + 2, uit)
    elif isinstance(knoop, CommentedSeq):
        for waarde in knoop:
            if _blok(waarde):
                _kolommen(waarde, kolom + 2, uit)


def _inspringen(groep: list[Commentaar | None], kolom: int) -> list[str]:
    """Comment lines shifted to ``kolom`` (keeping their relative indentation); one blank line."""
    diepte = min((c.kolom for c in groep if c is not None), default=kolom)
    regels: list[str] = []
    for regel in groep:
        if regel is None:
            if not regels or regels[-1] != "":
                regels.append("")
        else:
            regels.append(" " * (kolom + regel.kolom - diepte) + regel.tekst)
    return regels


def _regeltekst(regels: list[str]) -> str:
    return "".join(regel + "\n" for regel in regels)


def _staart(container: Any, sleutel: Any) -> tuple[Any, Any]:
    """The last value inside container[sleutel] that ends a line (where following lines attach)."""
    waarde = container[sleutel]
    while _blok(waarde):
        container = waarde
        sleutel = next(reversed(waarde)) if isinstance(waarde, CommentedMap) else len(waarde) - 1
        waarde = container[sleutel]
    return container, sleutel


@dataclass
class _Na:
    """What follows a value: a comment on its line, and whole lines (comments, blank) after it."""

    container: Any
    sleutel: Any
    achter: Commentaar | None = None
    regels: list[str] = field(default_factory=list)


@dataclass
class _Plaatsing:
    """Comments and blank lines, each placed before the line it stood above."""

    boom: _Boom
    kolommen: dict[int, int]  # id(collection) -> column of its keys or dashes
    na: dict[tuple[int, Any], _Na] = field(default_factory=dict)
    na_sleutel: dict[tuple[int, Any], tuple[CommentedMap, Any, list[str]]] = field(
        default_factory=dict
    )
    kop: list[str] = field(default_factory=list)

    def _na(self, container: Any, sleutel: Any) -> _Na:
        return self.na.setdefault((id(container), sleutel), _Na(container, sleutel))

    def voor(self, anker: Anker, groep: list[Commentaar | None]) -> None:
        """Put whole lines before the line of ``anker`` (in the new key order)."""
        soort, container, sleutel = anker
        eerste = next(iter(container)) if soort == "sleutel" else 0
        regels = _inspringen(groep, self.kolommen[id(container)])
        if sleutel != eerste:
            if soort == "sleutel":
                sleutels = list(container)
                vorige = sleutels[sleutels.index(sleutel) - 1]
            else:
                vorige = sleutel - 1
            self._na(*_staart(container, vorige)).regels.extend(regels)
        elif container is self.boom.wortel:
            self.kop.extend(regels)
        else:
            ouder, ouder_sleutel = self.boom.ouder[id(container)]
            if isinstance(ouder, CommentedMap):
                sleutel_id = (id(ouder), ouder_sleutel)
                plek = self.na_sleutel.setdefault(sleutel_id, (ouder, ouder_sleutel, []))
                plek[2].extend(regels)
            else:  # the first key of an entry: the lines go above its dash
                self.voor(("item", ouder, ouder_sleutel), groep)

    def achter(self, anker: Anker, commentaar: Commentaar) -> None:
        """A comment at the end of the line of ``anker``."""
        _, container, sleutel = anker
        na = self._na(container, sleutel)
        if na.achter is None:
            na.achter = commentaar
        else:  # two anchors cannot share one line's end; keep the comment as a line of its own
            na.regels.insert(0, " " * commentaar.kolom + commentaar.tekst)

    def schrijf_in(self) -> None:
        for na in self.na.values():
            waarde = na.container[na.sleutel]
            blok = isinstance(waarde, FoldedScalarString | LiteralScalarString)
            plek = na.container.ca.items.setdefault(na.sleutel, [None, None, None, None])
            index = 2 if isinstance(na.container, CommentedMap) else 0
            if blok and na.achter is not None:  # a comment on the '>-' line
                plek[3 if index == 2 else 1] = ["  " + na.achter.tekst]
                na.achter = None
            if blok and not na.regels:
                continue
            if na.achter is not None:
                tekst, kolom = na.achter.tekst + "\n" + _regeltekst(na.regels), na.achter.kolom
            elif blok:
                tekst, kolom = _regeltekst(na.regels), 0  # a block text ends its own line
            else:
                tekst, kolom = "\n" + _regeltekst(na.regels), 0
            plek[index] = CommentToken(tekst, CommentMark(kolom), None)
        for ouder, sleutel, regels in self.na_sleutel.values():
            plek = ouder.ca.items.setdefault(sleutel, [None, None, None, None])
            plek[3] = [CommentToken(_regeltekst(regels), CommentMark(0), None)]
