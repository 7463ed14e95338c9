"""Load a YAML file into plain Python values, keeping the file:line:column of every value.

The input is untrusted (it comes from pull requests), so this loader builds values itself from the
parser's event stream instead of using PyYAML's constructors: it only knows the standard scalar
types, refuses every other tag, refuses duplicate keys and merge keys, and bounds file size, nesting
depth and the size that anchors and aliases can expand to. It never raises on bad input: it returns
problems with Dutch messages instead.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from regio.gegevens.problems import Positie, Probleem, fout
from regio.gegevens.syntaxis import CONTEXT_IS_PLEK, syntax_message

Pad = tuple[str | int, ...]

MAX_BYTES = 20 * 1024 * 1024
MAX_DEPTH = 40
MAX_VALUES = 2_000_000  # values after expanding aliases; the real data has a few thousand

PARSER_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STANDARD_TAGS = {
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")
}
_COLLECTION_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


@dataclass(frozen=True)
class Geladen:
    """A loaded document: the plain value and where each part of it came from."""

    bestand: str
    data: Any
    posities: dict[Pad, Positie] = field(default_factory=dict)
    sleutels: dict[Pad, Positie] = field(default_factory=dict)
    # What the editor wrote where YAML made a number, date or yes/no of it (0612345670 -> octal).
    geschreven: dict[Pad, str] = field(default_factory=dict)

    def positie(self, pad: Pad, *, sleutel: bool = False) -> Positie:
        """Position of the value at ``pad`` (or its key); falls back to the nearest ancestor."""
        if sleutel and pad in self.sleutels:
            return self.sleutels[pad]
        for eind in range(len(pad), -1, -1):
            deel = pad[:eind]
            if deel in self.posities:
                return self.posities[deel]
        return Positie(self.bestand)


@dataclass(frozen=True)
class LaadResultaat:
    geladen: Geladen | None
    problemen: tuple[Probleem, ...] = ()


def load_file(path: Path, naam: str | None = None) -> LaadResultaat:
    """Load ``path``; ``naam`` is how messages name the file (default: the path as given)."""
    bestand = naam or str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return _probleem(bestand, 1, 1, "bestand ontbreekt.")
    except IsADirectoryError:
        return _probleem(bestand, 1, 1, "dit is een map, geen bestand.")
    except PermissionError:
        return _probleem(bestand, 1, 1, "bestand kan niet worden gelezen: geen leesrechten.")
    except OSError:
        return _probleem(bestand, 1, 1, "bestand kan niet worden gelezen.")
    return load_bytes(raw, bestand)


def load_bytes(raw: bytes, bestand: str) -> LaadResultaat:
    """Load YAML from bytes. Never raises on bad input."""
    if len(raw) > MAX_BYTES:
        return _probleem(
            bestand,
            1,
            1,
            f"bestand is te groot ({len(raw) // (1024 * 1024)} MB); "
            f"de grens is {MAX_BYTES // (1024 * 1024)} MB. Splits de gegevens op.",
        )
    # YAML allows one byte order mark at the start, and Windows editors write it ('UTF-8 with
    # BOM'). Dropped before anything counts lines and columns, so positions are as the editor sees
    # them; a BOM anywhere else is refused with the other invisible characters below.
    raw = raw.removeprefix(codecs.BOM_UTF8)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        regel, kolom = _line_col(raw, exc.start)
        return _probleem(
            bestand,
            regel,
            kolom,
            f"bestand is geen geldige UTF-8 (byte 0x{raw[exc.start]:02x}). "
            "Sla het op als 'UTF-8' (zonder BOM).",
        )
    for problem in _text_problems(text, bestand):
        return LaadResultaat(None, (problem,))
    return _Builder(bestand).build(text)


def _probleem(bestand: str, regel: int, kolom: int, melding: str) -> LaadResultaat:
    return LaadResultaat(None, (fout(Positie(bestand, regel, kolom), melding),))


def _line_col(raw: bytes, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    regel = before.count(b"\n") + 1
    kolom = len(before) - (before.rfind(b"\n") + 1) + 1
    return regel, kolom


_LEADING_TAB = re.compile(r"^( *(?:- *)*)\t", re.MULTILINE)
# Invisible or line-breaking characters: control characters (except tab and newline), a lone
# carriage return, NEL and the Unicode line/paragraph separators (YAML treats those as line breaks,
# so text that looks like a comment on GitHub becomes data), bidirectional overrides and a BOM or
# zero-width character inside the file. None of them belongs in an editor's data.
_VERBODEN_TEKENS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    "\u200b-\u200f\ufeff\ufffe\uffff]|\r(?!\n)"
)
_CONTENT = re.compile(r"^[ \t]*[^\s#]", re.MULTILINE)


def verboden_teken(tekst: str) -> tuple[int, str] | None:
    """(offset, description) of the first character editors must not use, or None."""
    match = _VERBODEN_TEKENS.search(tekst)
    if match is None:
        return None
    return match.start(), f"U+{ord(match.group()[0]):04X}"


def _text_problems(text: str, bestand: str) -> list[Probleem]:
    gevonden = verboden_teken(text)
    if gevonden is not None:
        offset, teken = gevonden
        regel = text.count("\n", 0, offset) + 1
        kolom = offset - (text.rfind("\n", 0, offset) + 1) + 1
        return [
            fout(
                Positie(bestand, regel, kolom),
                f"onzichtbaar of verboden teken ({teken}) in het bestand: een stuurteken, "
                "regelscheiding of tekstrichtingsteken. Verwijder het; typ de tekst opnieuw.",
            )
        ]
    match = _LEADING_TAB.search(text)
    if match:
        regel = text.count("\n", 0, match.start()) + 1
        kolom = len(match.group(1)) + 1
        return [
            fout(
                Positie(bestand, regel, kolom),
                "tab gebruikt voor inspringen; YAML staat alleen spaties toe. "
                "Vervang de tab door spaties.",
            )
        ]
    if not _CONTENT.search(text):
        return [
            fout(
                Positie(bestand, 1, 1),
                "bestand is leeg (of bevat alleen commentaar). "
                "Verwacht een mapping met de collecties, zoals 'provincies:'.",
            )
        ]
    return []


class _Stop(Exception):
    """Building cannot go on: the value is unusable (syntax, tags, bombs)."""

    def __init__(self, positie: Positie, melding: str) -> None:
        super().__init__(melding)
        self.probleem = fout(positie, melding)


@dataclass
class _Open:
    """A mapping or sequence being built."""

    pad: Pad
    value: dict[str, Any] | list[Any]
    anchor: str | None
    size: int = 1
    key: str | None = None  # a mapping's pending key
    key_positie: Positie | None = None
    key_pads: dict[str, Positie] = field(default_factory=dict)


class _Builder:
    def __init__(self, bestand: str) -> None:
        self.bestand = bestand
        self.posities: dict[Pad, Positie] = {}
        self.sleutels: dict[Pad, Positie] = {}
        self.geschreven: dict[Pad, str] = {}
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.stack: list[_Open] = []
        self.total = 0
        self.problemen: list[Probleem] = []
        self.constructor = SafeConstructor()
        self.resolver = Resolver()

    def _pos(self, mark: Any) -> Positie:
        return Positie(self.bestand, mark.line + 1, mark.column + 1)

    def build(self, text: str) -> LaadResultaat:
        root: list[Any] = []
        documents = 0
        try:
            for event in yaml.parse(text, Loader=PARSER_LOADER):
                if isinstance(event, yaml.DocumentStartEvent):
                    documents += 1
                    if documents > 1:
                        raise _Stop(
                            self._pos(event.start_mark),
                            "meer dan één YAML-document ('---') in het bestand; "
                            "verwacht er precies één. Verwijder de regel met '---'.",
                        )
                elif isinstance(event, yaml.ScalarEvent | yaml.AliasEvent):
                    self._add_leaf(event, root)
                elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
                    self._open(event)
                elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                    self._close(root)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            probleem = exc.problem or ""
            if exc.context_mark and (
                "end of stream" in probleem or any(p in probleem for p in CONTEXT_IS_PLEK)
            ):
                mark = exc.context_mark  # an unclosed quote or bracket: point at its start
            positie = self._pos(mark) if mark else Positie(self.bestand)
            self.problemen.append(fout(positie, syntax_message(exc.problem)))
        except yaml.reader.ReaderError as exc:  # a character the reader refuses
            regel = text.count("\n", 0, exc.position) + 1
            kolom = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
            self.problemen.append(
                fout(
                    Positie(self.bestand, regel, kolom),
                    "onzichtbaar of verboden teken in het bestand; verwijder het.",
                )
            )
        except yaml.YAMLError as exc:
            self.problemen.append(fout(Positie(self.bestand), syntax_message(str(exc))))
        except _Stop as exc:
            self.problemen.append(exc.probleem)
        else:
            # Soft problems (duplicate keys) still give a value, so later checks can report more.
            data = root[0] if root else None
            geladen = Geladen(self.bestand, data, self.posities, self.sleutels, self.geschreven)
            return LaadResultaat(geladen, tuple(self.problemen))
        return LaadResultaat(None, tuple(self.problemen))

    # -- building ---------------------------------------------------------------------------

    def _child_pad(self, positie: Positie) -> Pad | None:
        """The path of the next value inside the innermost open collection (None: it is a key)."""
        if not self.stack:
            return ()
        top = self.stack[-1]
        if isinstance(top.value, list):
            return (*top.pad, len(top.value))
        if top.key is None:
            return None
        return (*top.pad, top.key)

    def _count(self, amount: int, positie: Positie) -> None:
        self.total += amount
        if self.total > MAX_VALUES:
            raise _Stop(
                positie,
                f"het bestand bevat na het uitvouwen van ankers en aliassen meer dan "
                f"{MAX_VALUES:,} waarden; dat lijkt op een 'alias-bom'. "
                "Gebruik geen ankers (&) en aliassen (*) om gegevens te herhalen.".replace(
                    ",", "."
                ),
            )

    def _check_tag(self, tag: str | None, allowed: set[str], positie: Positie) -> None:
        if tag is not None and tag != "!" and tag not in allowed:
            raise _Stop(
                positie,
                f"YAML-tag '{tag}' is niet toegestaan; gebruik gewone waarden zonder '!'-tags.",
            )

    def _open(self, event: Any) -> None:
        positie = self._pos(event.start_mark)
        self._check_tag(event.tag, _COLLECTION_TAGS, positie)
        if len(self.stack) >= MAX_DEPTH:
            raise _Stop(
                positie,
                f"de gegevens zijn te diep genest (meer dan {MAX_DEPTH} niveaus).",
            )
        pad = self._child_pad(positie)
        if pad is None:
            raise _Stop(positie, "een sleutel moet een gewone tekst zijn, geen lijst of mapping.")
        self._count(1, positie)
        self.posities[pad] = positie
        value: dict[str, Any] | list[Any] = {} if isinstance(event, yaml.MappingStartEvent) else []
        self.stack.append(_Open(pad, value, event.anchor))

    def _close(self, root: list[Any]) -> None:
        done = self.stack.pop()
        if done.anchor:
            self.anchors[done.anchor] = (done.value, done.size)
        self._attach(done.value, done.size, root)

    def _attach(self, value: Any, size: int, root: list[Any]) -> None:
        if not self.stack:
            root.append(value)
            return
        top = self.stack[-1]
        top.size += size
        if isinstance(top.value, list):
            top.value.append(value)
        else:
            assert top.key is not None
            top.value[top.key] = value
            top.key = None

    def _add_leaf(self, event: Any, root: list[Any]) -> None:
        positie = self._pos(event.start_mark)
        top = self.stack[-1] if self.stack else None
        if isinstance(event, yaml.AliasEvent):
            if event.anchor not in self.anchors:
                raise _Stop(
                    positie,
                    f"alias '*{event.anchor}' verwijst naar een anker dat (nog) niet bestaat.",
                )
            value, size = self.anchors[event.anchor]
        else:
            value = self._scalar(event, positie)
            size = 1
        if top is not None and isinstance(top.value, dict) and top.key is None:
            if isinstance(event, yaml.AliasEvent):
                raise _Stop(
                    positie,
                    f"een alias ('*{event.anchor}') kan geen sleutel zijn; schrijf de naam uit.",
                )
            self._add_key(top, value, event.value, positie)
            return
        self._count(size, positie)
        pad = self._child_pad(positie)
        assert pad is not None
        self.posities[pad] = positie
        if not isinstance(event, yaml.AliasEvent) and not isinstance(value, str):
            self.geschreven[pad] = event.value
        if not isinstance(event, yaml.AliasEvent) and event.anchor:
            self.anchors[event.anchor] = (value, 1)
        self._attach(value, size, root)

    def _add_key(self, top: _Open, key: Any, geschreven: str, positie: Positie) -> None:
        if not isinstance(key, str):
            raise _Stop(
                positie,
                f"sleutel '{geschreven}' is geen tekst maar leest YAML als een getal, datum, "
                "ja/nee of leeg; gebruik een gewone naam zoals 'naam', of zet de sleutel tussen "
                "aanhalingstekens.",
            )
        if key == "<<":
            raise _Stop(
                positie,
                "samenvoegsleutels ('<<') worden niet ondersteund; schrijf de velden uit.",
            )
        assert isinstance(top.value, dict)
        if key in top.key_pads:
            eerder = top.key_pads[key]
            if not top.pad:
                # A collection twice: whatever follows would be read as the wrong kind of thing.
                raise _Stop(
                    positie,
                    f"'{key}:' staat twee keer in het bestand (eerder op regel {eerder.regel}); "
                    "voeg de twee lijsten samen of kies de juiste naam.",
                )
            self.problemen.append(
                fout(
                    positie,
                    f"sleutel '{key}' komt twee keer voor in dezelfde mapping (eerder op regel "
                    f"{eerder.regel}); YAML zou de eerste waarde stilzwijgend weggooien. "
                    "Houd er één over.",
                )
            )
        top.key_pads[key] = positie
        top.key = key
        self.sleutels[(*top.pad, key)] = positie

    def _scalar(self, event: Any, positie: Positie) -> Any:
        tag = event.tag
        self._check_tag(tag, _STANDARD_TAGS, positie)
        plain, _quoted = event.implicit
        if tag is None or tag == "!":
            tag = (
                self.resolver.resolve(ScalarNode, event.value, (True, False))  # type: ignore[no-untyped-call]
                if plain
                else "tag:yaml.org,2002:str"
            )
        if tag in ("tag:yaml.org,2002:str", "tag:yaml.org,2002:merge"):
            gevonden = verboden_teken(event.value)
            if gevonden is not None:
                raise _Stop(
                    positie,
                    f"verboden teken ({gevonden[1]}) in deze tekst, vaak via een escape als "
                    "'\\0', '\\e' of '\\P' tussen dubbele aanhalingstekens. Verwijder het.",
                )
            return event.value
        node = ScalarNode(tag, event.value, event.start_mark, event.end_mark)
        try:
            return self.constructor.construct_object(node, deep=True)
        except (ConstructorError, ValueError, OverflowError):
            # Looks like a date but is none (2024-13-01): keep the text; the model says why
            # it is not a valid date where a date is expected.
            return event.value
