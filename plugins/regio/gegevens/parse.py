"""Turn a loaded document into a model, translating validation errors into Dutch problems."""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import BaseModel, ValidationError

from regio.gegevens.load import Geladen, Pad
from regio.gegevens.model import MAAND_PATTERN, Model
from regio.gegevens.problems import Probleem, Veldpad, fout
from regio.gegevens.registry import COLLECTIES
from regio.gegevens.velden import binnenste_model


@dataclass(frozen=True)
class ParseResultaat:
    model: BaseModel | None
    problemen: tuple[Probleem, ...]


def parse(geladen: Geladen, soort: type[Model]) -> ParseResultaat:
    """Validate ``geladen.data`` as ``soort``; every error points at its own line."""
    data = geladen.data
    if not isinstance(data, dict):
        velden = ", ".join(f"'{naam}:'" for naam in soort.model_fields)
        return ParseResultaat(
            None,
            (
                fout(
                    geladen.positie(()),
                    f"het bestand moet een mapping met collecties zijn ({velden}), "
                    f"maar is {_soort_waarde(data)}.",
                ),
            ),
        )
    try:
        return ParseResultaat(soort.model_validate(data), ())
    except ValidationError as exc:
        problemen = tuple(_translate(geladen, soort, error) for error in exc.errors())
        return ParseResultaat(None, problemen)


def _data_pad(data: Any, loc: tuple[str | int, ...]) -> tuple[Pad, Any, bool]:
    """The longest prefix of ``loc`` that exists in ``data``, its value, and whether all matched."""
    pad: list[str | int] = []
    value = data
    for part in loc:
        in_dict = isinstance(value, dict) and isinstance(part, str) and part in value
        in_list = isinstance(value, list) and isinstance(part, int) and 0 <= part < len(value)
        if in_dict or in_list:
            value = value[part]
        else:
            return tuple(pad), value, False
        pad.append(part)
    return tuple(pad), value, True


def _model_at(soort: type[BaseModel], loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The model class whose fields the last string in ``loc`` belongs to."""
    current: type[BaseModel] | None = soort
    for part in loc[:-1]:
        if current is None or isinstance(part, int):
            continue
        info = current.model_fields.get(part)
        current = binnenste_model(info.annotation) if info else None
    return current


def _enkelvoud(soort: type[BaseModel], lijst: Pad) -> str | None:
    """How messages name an item of the list at ``lijst``: a collection's singular
    ('partnerschap'), or a nested part's model ('feit')."""
    if len(lijst) == 1 and str(lijst[0]) in COLLECTIES:
        return COLLECTIES[str(lijst[0])].enkelvoud
    model = _model_at(soort, lijst)
    info = model.model_fields.get(str(lijst[-1])) if model is not None else None
    binnen = binnenste_model(info.annotation) if info is not None else None
    return binnen.__name__.lower() if binnen is not None and len(lijst) > 1 else None


def _entiteit_label(data: Any, soort_model: type[BaseModel], pad: Pad) -> str:
    """ "partnerschap 'x': " for the innermost entity around ``pad``, or ''."""
    for eind in range(len(pad), 0, -1):
        if isinstance(pad[eind - 1], int) and eind >= 2 and isinstance(pad[eind - 2], str):
            soort = _enkelvoud(soort_model, pad[: eind - 1])
            value = _data_pad(data, pad[:eind])[1]
            if soort and isinstance(value, dict):
                ident = value.get("id")
                naam = f" '{ident}'" if isinstance(ident, str) else f" nr. {int(pad[eind - 1]) + 1}"
                return f"{soort}{naam}: "
    return ""


def _soort_waarde(value: Any) -> str:
    if value is None:
        return "leeg"
    if isinstance(value, bool):
        return f"de ja/nee-waarde {str(value).lower()}"
    if isinstance(value, int | float):
        return f"het getal {value}"
    if isinstance(value, date):
        return f"de datum {value.isoformat()}"
    if isinstance(value, str):
        return f"de tekst '{value}'"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, dict):
        return "een mapping (velden met sleutel: waarde)"
    return type(value).__name__


def slug(text: str) -> str:
    """'Opleidingsschool Rijnland' -> 'opleidingsschool-rijnland'."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def _yaml_soort(value: Any) -> str:
    if isinstance(value, bool):
        return "ja/nee-waarde"
    if isinstance(value, int | float):
        return f"het getal {value}"
    if isinstance(value, date):
        return "een datum"
    return "iets anders dan tekst"


def suggestie(waarde: str, opties: list[str]) -> str:
    """' Bedoelde u 'x'?' when a close option exists, else ''."""
    match = difflib.get_close_matches(waarde, opties, n=1, cutoff=0.6)
    return f" Bedoelde u '{match[0]}'?" if match else ""


def _translate(geladen: Geladen, soort: type[Model], error: Any) -> Probleem:
    loc = tuple(part for part in error["loc"] if isinstance(part, str | int))
    pad, value, complete = _data_pad(geladen.data, loc)
    kind = error["type"]
    veld = next((str(p) for p in reversed(loc) if isinstance(p, str)), "waarde")
    label = _entiteit_label(geladen.data, soort, pad)
    ctx = error.get("ctx") or {}
    waar = _veldpad(geladen.data, loc)

    if kind == "extra_forbidden":
        model = _model_at(soort, loc)
        toegestaan = sorted(model.model_fields) if model else []
        melding = f"{label}onbekend veld '{veld}'.{suggestie(veld, toegestaan)}"
        if toegestaan:
            melding += f" Toegestane velden: {', '.join(toegestaan)}."
        return fout(geladen.positie(pad, sleutel=True), melding, waar)
    if kind == "missing":
        return fout(geladen.positie(pad), f"{label}verplicht veld '{veld}' ontbreekt.", waar)

    positie = geladen.positie(pad)
    if not complete:
        value = error.get("input")
    melding = _value_message(kind, veld, value, ctx, error)
    geschreven = geladen.geschreven.get(pad) if complete else None
    if (
        geschreven is not None
        and kind == "string_type"
        and value is not None
        and geschreven != str(value)
    ):
        melding = (
            f"'{veld}' moet tekst zijn, maar YAML leest {geschreven} als "
            f"{_yaml_soort(value)}; "
            "zet de waarde tussen aanhalingstekens"
        )
    if not melding.endswith((".", "?")):
        melding += "."
    return fout(positie, f"{label}{melding}", waar)


def _veldpad(data: Any, loc: tuple[str | int, ...]) -> Veldpad | None:
    """(collection, id or index, field path) of an error inside an entry, else None."""
    if len(loc) < 2 or not isinstance(loc[0], str) or not isinstance(loc[1], int):
        return None
    item = _data_pad(data, loc[:2])[1]
    ident = item.get("id") if isinstance(item, dict) else None
    return Veldpad(loc[0], ident if isinstance(ident, str) else loc[1], loc[2:])


_TYPE_NAMES = {
    "string_type": "tekst",
    "bool_type": "true of false",
    "float_type": "een getal",
    "int_type": "een geheel getal",
    "date_type": "een datum (JJJJ-MM-DD)",
}


def _value_message(kind: str, veld: str, value: Any, ctx: dict[str, Any], error: Any) -> str:
    if value is None and kind in _TYPE_NAMES:
        return f"'{veld}' is leeg; vul een waarde in of laat het veld weg"
    if kind in _TYPE_NAMES:
        melding = f"'{veld}' moet {_TYPE_NAMES[kind]} zijn, maar is {_soort_waarde(value)}"
        if kind == "string_type" and isinstance(value, bool | int | float | date):
            melding += "; zet de waarde tussen aanhalingstekens"
        return melding
    if kind in ("tuple_type", "list_type"):
        hint = f"; schrijf bijvoorbeeld [{value}]" if isinstance(value, str) else ""
        return f"'{veld}' moet een lijst zijn, maar is {_soort_waarde(value)}{hint}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return (
            f"'{veld}' moet een mapping met velden (sleutel: waarde) zijn, "
            f"maar is {_soort_waarde(value)}"
        )
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace(" or ", ",")
        opties = [o.strip().strip("'") for o in expected.split(",") if o.strip()]
        return (
            f"'{value}' is geen geldige waarde voor '{veld}'; toegestaan: {', '.join(opties)}."
            f"{suggestie(str(value), opties)}"
        )
    if kind == "string_pattern_mismatch":
        if str(ctx.get("pattern")) == MAAND_PATTERN:
            return f"'{value}' is geen maand voor '{veld}'; schrijf JJJJ-MM, bijv. 2026-11"
        if veld == "code":
            return (
                f"'{value}' is geen ISO 3166-2-code; schrijf die als NL- plus twee "
                "hoofdletters, bijv. NL-UT"
            )
        voorbeeld = slug(str(value)) or "opleidingsschool-rijnland"
        return (
            f"'{value}' is geen geldige id voor '{veld}': gebruik alleen kleine letters, "
            f"cijfers en losse streepjes, bijv. '{voorbeeld}'"
        )
    if kind == "finite_number":
        return (
            f"'{veld}' moet een gewoon getal zijn, zoals 52.09; .nan en .inf zijn geen coördinaten"
        )
    if kind == "string_too_short":
        return f"'{veld}' mag niet leeg zijn"
    if kind == "string_too_long":
        return f"'{veld}' is te lang (hoogstens {ctx.get('max_length')} tekens)"
    if kind == "too_short":
        return f"'{veld}' moet minstens één waarde bevatten"
    if kind in ("date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact"):
        return (
            f"'{value}' is geen geldige datum voor '{veld}'; schrijf JJJJ-MM-DD, bijv. 2024-09-01"
        )
    if kind == "value_error":
        reden = str(ctx.get("error", ""))
        if "datum_met_tijd" in reden:
            return f"'{veld}' moet een datum zonder tijd zijn (JJJJ-MM-DD)"
        if "maand_met_dag" in reden:
            return f"'{veld}' is een maand: schrijf JJJJ-MM zonder dag, bijv. 2026-11"
        return f"'{veld}' moet een datum zijn (JJJJ-MM-DD), maar is {_soort_waarde(value)}"
    return f"ongeldige waarde voor '{veld}': {error.get('msg', kind)}"
