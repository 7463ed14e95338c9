"""`regio fmt`: one canonical layout for the data files, so pull-request diffs stay small.

The layout: keys in the order the model gives (id and naam first, then the fields of the kind
itself, then the shared ones, gecontroleerd and bron last), two spaces of indentation, entries as
``  - id: …``, short lists of ids as ``[po, vo]``, other lists as blocks, texts plain where YAML
reads them back as the same text and in double quotes otherwise (single quotes for a text with
double quotes in it), a text that does not fit on its line as a folded block (``>-``).

ruamel.yaml (round-trip mode) writes the values; the comments and blank lines are found in the text
itself and put back before the entry or key they stand above, so reordering keys never moves a
comment away from what it describes. Our own loader stays the reader: a file is only formatted when
it loads and matches the model, and the result is checked to hold exactly the same data and the
same comments before anything is written.
"""

from __future__ import annotations

import difflib
import io
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.nodes import ScalarNode as RuamelScalarNode
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)
from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from regio.gegevens.load import load_bytes, load_file
from regio.gegevens.model import Model
from regio.gegevens.parse import parse
from regio.gegevens.problems import Positie, Probleem, fout
from regio.gegevens.registry import bestanden
from regio.gegevens.velden import veld as catalogusveld
from regio.gegevens.velden import volgorde
from regio.redactie.commentaar import (
    Anker,
    Commentaar,
    _Boom,
    _inspringen,
    _kolommen,
    _Plaatsing,
    _regeltekst,
    _wis_commentaar,
    opmerkingen,
)

BREEDTE = 100  # the longest line the formatter writes where it has a choice (as ruff's limit)
STR_TAG = "tag:yaml.org,2002:str"
BOOL_TAG = "tag:yaml.org,2002:bool"


@dataclass(frozen=True)
class Opgemaakt:
    """The formatted text, or the problems that keep a file from being formatted."""

    tekst: str | None
    problemen: tuple[Probleem, ...] = ()


# --- the model: key order, nested models, lists of web addresses --------------------------------


@dataclass(frozen=True)
class _Veld:
    model: type[BaseModel] | None  # the model of the value (or of its items)
    url_lijst: bool  # a list of web addresses: always one per line


def _veld(model: type[BaseModel] | None, sleutel: str) -> _Veld:
    gevonden = catalogusveld(model, sleutel) if model is not None else None
    if gevonden is None:
        return _Veld(None, False)
    return _Veld(gevonden.onderdeel, gevonden.soort == "webadres")


# --- values: quoting, folding, flow or block ----------------------------------------------------


def _yaml() -> YAML:
    schrijver = YAML(typ="rt", pure=True)
    schrijver.preserve_quotes = True
    schrijver.indent(mapping=2, sequence=4, offset=2)
    schrijver.width = 4096  # never wrap on our own; folding is decided per text above
    return schrijver


_PYYAML_RESOLVER = Resolver()
_RUAMEL_RESOLVER = VersionedResolver()
# ruamel's own test of which styles a text allows (plain, quoted, block).
_ANALYSE: Any = _yaml().emitter


def _blijft_tekst(tekst: str) -> bool:
    """Both our loader (YAML 1.1) and ruamel (YAML 1.2) read this text unquoted as text."""
    return (
        _PYYAML_RESOLVER.resolve(ScalarNode, tekst, (True, False)) == STR_TAG  # type: ignore[no-untyped-call]
        and str(_RUAMEL_RESOLVER.resolve(RuamelScalarNode, tekst, (True, False))) == STR_TAG
    )


def kan_onbewerkt(tekst: str, *, flow: bool = False) -> bool:
    """Whether a text can be written without quotes and read back as the same text."""
    if not tekst:
        return False
    analyse = _ANALYSE.analyze_scalar(tekst)
    toegestaan = analyse.allow_flow_plain if flow else analyse.allow_block_plain
    return bool(toegestaan) and not analyse.multiline and _blijft_tekst(tekst)


def _tussen_aanhalingstekens(tekst: str) -> str:
    """Double quotes, or single quotes for a one-line text with double quotes in it."""
    analyse = _ANALYSE.analyze_scalar(tekst)
    if '"' in tekst and "'" not in tekst and "\n" not in tekst and analyse.allow_single_quoted:
        return cast(str, SingleQuotedScalarString(tekst))
    return cast(str, DoubleQuotedScalarString(tekst))


def _vouwplekken(tekst: str, inspringing: int) -> list[int]:
    """Where a long one-line text breaks in a folded block; empty when it cannot be folded."""
    if "\n" in tekst or tekst != tekst.strip():
        return []
    analyse = _ANALYSE.analyze_scalar(tekst)
    if not analyse.allow_block:
        return []
    kandidaten = [
        i
        for i in range(1, len(tekst) - 1)
        if tekst[i] == " " and tekst[i - 1] != " " and tekst[i + 1] != " "
    ]
    plekken: list[int] = []
    begin = 0
    vorige: int | None = None
    for plek in [*kandidaten, len(tekst)]:
        if inspringing + plek - begin > BREEDTE and vorige is not None and vorige >= begin:
            plekken.append(vorige)
            begin = vorige + 1
        if plek < len(tekst):
            vorige = plek
    return plekken


def _tekstwaarde(tekst: str, *, flow: bool = False, kolom: int = 0, sleutel: str = "") -> Any:
    """The canonical style of one text: a mapping value when ``sleutel`` is given."""
    if isinstance(tekst, FoldedScalarString | LiteralScalarString):
        return tekst  # block texts keep their style and their line breaks
    if type(tekst) is str and not _blijft_tekst(tekst):
        # Unquoted, and our loader reads it as something else: keep what it means.
        soort = _PYYAML_RESOLVER.resolve(ScalarNode, tekst, (True, False))  # type: ignore[no-untyped-call]
        if soort == BOOL_TAG:
            return SafeConstructor.bool_values[tekst.lower()]
        return tekst
    tekst = str(tekst)
    onbewerkt = kan_onbewerkt(tekst, flow=flow)
    if sleutel:
        lengte = kolom + len(sleutel) + 2 + len(tekst) + (0 if onbewerkt else 2)
        plekken = _vouwplekken(tekst, kolom + 2) if lengte > BREEDTE else []
        if plekken:
            gevouwen = FoldedScalarString(tekst)
            gevouwen.fold_pos = plekken
            return gevouwen
    return tekst if onbewerkt else _tussen_aanhalingstekens(tekst)


def _flow_tekst(waarde: Any) -> str:
    if isinstance(waarde, str):
        if kan_onbewerkt(waarde, flow=True):
            return waarde
        return '"' + waarde.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return str(waarde).lower() if isinstance(waarde, bool) else str(waarde)


def _zet(lijst: CommentedSeq, index: int, waarde: Any) -> None:
    # CommentedSeq.__setitem__ would keep the old quoting style of the item.
    list.__setitem__(lijst, index, waarde)


@dataclass
class _Opmaker:
    """Reorders keys and sets styles in place."""

    houd_blok: set[int]  # ids of lists with comments between their items

    def map(self, knoop: CommentedMap, model: type[BaseModel] | None, kolom: int) -> None:
        rang = {k: i for i, k in enumerate(volgorde(model))} if model is not None else {}
        sleutels = sorted(knoop.keys(), key=lambda k: rang.get(str(k), len(rang)))
        paren = [(str(k), knoop[k]) for k in sleutels]
        for sleutel in list(knoop.keys()):
            del knoop[sleutel]
        for sleutel, waarde in paren:
            knoop[sleutel] = self.waarde(waarde, _veld(model, sleutel), kolom, sleutel)
        if len(knoop):
            knoop.fa.set_block_style()

    def waarde(self, waarde: Any, veld: _Veld, kolom: int, sleutel: str) -> Any:
        """A mapping value; ``kolom`` is the key's column."""
        if isinstance(waarde, CommentedMap):
            self.map(waarde, veld.model, kolom + 2)
        elif isinstance(waarde, CommentedSeq):
            self.lijst(waarde, veld, kolom + 2, kolom + len(sleutel) + 2)
        elif isinstance(waarde, str):
            return _tekstwaarde(waarde, kolom=kolom, sleutel=sleutel)
        return waarde

    def lijst(self, lijst: CommentedSeq, veld: _Veld, kolom: int, regelbegin: int) -> None:
        """A list whose dashes stand at ``kolom``; as flow it would start at ``regelbegin``."""
        samengesteld = any(isinstance(w, CommentedMap | CommentedSeq) for w in lijst)
        if not samengesteld and not veld.url_lijst and id(lijst) not in self.houd_blok:
            flow = "[" + ", ".join(_flow_tekst(w) for w in lijst) + "]"
            if not lijst or regelbegin + len(flow) <= BREEDTE:
                for index, waarde in enumerate(lijst):
                    if isinstance(waarde, str):
                        _zet(lijst, index, _tekstwaarde(waarde, flow=True))
                lijst.fa.set_flow_style()
                return
        for index, waarde in enumerate(lijst):
            if isinstance(waarde, CommentedMap):
                self.map(waarde, veld.model, kolom + 2)
            elif isinstance(waarde, CommentedSeq):
                self.lijst(waarde, veld, kolom + 2, kolom + 2)
            elif isinstance(waarde, str):
                _zet(lijst, index, _tekstwaarde(waarde))
        lijst.fa.set_block_style()


# --- formatting a file --------------------------------------------------------------------------


def gelijk(a: Any, b: Any) -> bool:
    """Equal values of equal types (True is not 1, a date is not its text)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return sorted(a) == sorted(b) and all(gelijk(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(gelijk(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def _commentaarteksten(tekst: str) -> list[str]:
    return sorted(c.tekst for c in opmerkingen(tekst).commentaar)


def maak_op(tekst: str, soort: type[Model], bestand: str) -> Opgemaakt:
    """Format one data file; never formats a file that does not load or match the model."""
    tekst = tekst.removeprefix("\ufeff")  # a leading BOM (the loader accepts it) is not kept
    geladen = load_bytes(tekst.encode("utf-8"), bestand)
    fouten = [p for p in geladen.problemen if p.is_fout]
    if geladen.geladen is None or fouten:
        return Opgemaakt(None, tuple(fouten or geladen.problemen))
    ontleed = parse(geladen.geladen, soort)
    if ontleed.model is None:
        return Opgemaakt(None, ontleed.problemen)

    tekst = tekst.replace("\r\n", "\n")
    wortel = _yaml().load(tekst)
    opgemaakt = _opmaken(tekst, wortel, soort)

    terug = load_bytes(opgemaakt.encode("utf-8"), bestand)
    zelfde_gegevens = terug.geladen is not None and gelijk(geladen.geladen.data, terug.geladen.data)
    if not zelfde_gegevens or _commentaarteksten(tekst) != _commentaarteksten(opgemaakt):
        wat = "zouden de gegevens" if not zelfde_gegevens else "zou het commentaar"
        return Opgemaakt(
            None,
            (
                fout(
                    Positie(bestand),
                    f"kan dit bestand niet veilig opmaken: daarbij {wat} veranderen. "
                    "Het bestand is niet gewijzigd; meld dit aan de beheerders.",
                ),
            ),
        )
    return Opgemaakt(opgemaakt)


def _opmaken(tekst: str, wortel: CommentedMap, soort: type[Model]) -> str:
    boom = _Boom(wortel)
    boom.registreer(wortel)
    ankers = sorted(boom.ankers, key=lambda paar: paar[0])  # stable: outermost first per line
    gevonden = opmerkingen(tekst)

    # Which line each comment belongs to, decided on the original text.
    groepen: list[tuple[Anker | None, list[Commentaar | None]]] = []
    los = gevonden.los()
    groep: list[Commentaar | None] = []
    for nummer in sorted(los):
        groep.append(los[nummer])
        if nummer + 1 not in los:
            groepen.append((next((a for regel, a in ankers if regel > nummer), None), groep))
            groep = []
    achter: list[tuple[Anker, Commentaar]] = []
    for commentaar in gevonden.commentaar:
        if commentaar.achter_waarde:
            eigen = [a for regel, a in boom.ankers if regel <= commentaar.regel]
            if eigen:
                achter.append((eigen[-1], commentaar))
    houd_blok = {id(a[1]) for a, _ in groepen if a is not None and a[0] == "item"}
    houd_blok |= {id(a[1]) for a, _ in achter if a[0] == "item"}

    _wis_commentaar(wortel)
    _Opmaker(houd_blok).map(wortel, soort, 0)
    kolommen: dict[int, int] = {}
    _kolommen(wortel, 0, kolommen)

    plaatsing = _Plaatsing(boom, kolommen)
    staart: list[str] = []
    for anker, groep in groepen:
        if anker is None:
            staart = _inspringen(groep, 0)
            continue
        if ankers and anker is ankers[0][1] and None in groep:
            # The file's own header (up to its last blank line) stays on top; the lines right
            # above the first key belong to that key.
            grens = len(groep) - groep[::-1].index(None)
            plaatsing.kop.extend(_inspringen(groep[:grens], 0))
            groep = groep[grens:]
        elif ankers and anker is ankers[0][1]:
            plaatsing.kop.extend(_inspringen(groep, 0))
            continue
        if groep:
            plaatsing.voor(anker, groep)
    for anker, commentaar in achter:
        plaatsing.achter(anker, commentaar)
    plaatsing.schrijf_in()

    uit = io.StringIO()
    _yaml().dump(wortel, uit)
    kop = plaatsing.kop
    while kop and kop[0] == "":
        kop.pop(0)
    while staart and staart[-1] == "":
        staart.pop()
    return _regeltekst(kop) + uit.getvalue() + _regeltekst(staart)


def _naar_ruamel(waarde: Any) -> Any:
    if isinstance(waarde, dict):
        mapping = CommentedMap()
        for sleutel, binnen in waarde.items():
            mapping[sleutel] = _naar_ruamel(binnen)
        return mapping
    if isinstance(waarde, list | tuple):
        return CommentedSeq(_naar_ruamel(binnen) for binnen in waarde)
    if isinstance(waarde, str):  # a text, whatever it looks like ('yes', '2024')
        return DoubleQuotedScalarString(waarde)
    return waarde


def nieuwe_regels(soort: type[Model], collectie: str, entry: dict[str, Any]) -> list[str]:
    """The lines of one new entry of ``collectie`` (its dash at column 2), laid out as by fmt."""
    wortel = CommentedMap()
    wortel[collectie] = CommentedSeq([_naar_ruamel(entry)])
    _Opmaker(set()).map(wortel, soort, 0)
    uit = io.StringIO()
    _yaml().dump(wortel, uit)
    return uit.getvalue().splitlines()[1:]


@dataclass(frozen=True)
class Uitkomst:
    """One data file: its text now and formatted (None when it cannot be formatted)."""

    bestand: str  # as messages name it, e.g. data/regions.yaml
    pad: Path
    oud: str
    nieuw: str | None
    problemen: tuple[Probleem, ...] = ()

    @property
    def netjes(self) -> bool:
        return self.nieuw is not None and self.nieuw == self.oud


def maak_map_op(data_dir: Path, weergave: str) -> list[Uitkomst]:
    """Format (in memory) every data file in ``data_dir``; messages name them ``weergave/x``."""
    uitkomsten = []
    for naam, soort in bestanden().items():
        pad = data_dir / naam
        bestand = f"{weergave.rstrip('/')}/{naam}" if weergave else naam
        geladen = load_file(pad, bestand)
        if geladen.geladen is None:
            uitkomsten.append(Uitkomst(bestand, pad, "", None, geladen.problemen))
            continue
        oud = pad.read_bytes().decode("utf-8")
        opgemaakt = maak_op(oud, soort, bestand)
        uitkomsten.append(Uitkomst(bestand, pad, oud, opgemaakt.tekst, opgemaakt.problemen))
    return uitkomsten


def verschil(oud: str, nieuw: str, bestand: str, *, max_regels: int = 20) -> str:
    """A short unified diff of what formatting would change (a leading BOM, which a diff cannot
    show, is named in a line above it)."""
    kop = []
    if oud.startswith("\ufeff"):
        kop = [
            "Het bestand begint met een BOM (byte order mark), een onzichtbaar teken; "
            "'regio fmt' haalt het weg."
        ]
        oud = oud.removeprefix("\ufeff")
    regels = list(
        difflib.unified_diff(
            oud.splitlines(), nieuw.splitlines(), bestand, f"{bestand} (opgemaakt)", lineterm=""
        )
    )
    if len(regels) > max_regels:
        meer = len(regels) - max_regels
        regels = [*regels[:max_regels], f"… en nog {meer} {'regel' if meer == 1 else 'regels'}"]
    return "\n".join(kop + regels)


def schrijf_atomisch(pad: Path, tekst: str) -> None:
    """Write UTF-8 with LF line ends via a temporary file beside ``pad`` and a rename."""
    descriptor, tijdelijk = tempfile.mkstemp(dir=pad.parent, prefix=f".{pad.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as uit:
            uit.write(tekst)
        if pad.exists():
            os.chmod(tijdelijk, pad.stat().st_mode & 0o777)
        os.replace(tijdelijk, pad)
    except BaseException:
        Path(tijdelijk).unlink(missing_ok=True)
        raise
