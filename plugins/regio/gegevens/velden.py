"""The field catalogue: per model its fields in the editors' order, described once.

`regio nieuw` (its questions and options), the editors' guide (the tables of fields), `regio fmt`
(key order, nested models, lists of web addresses) and the open data (CSV columns) read a model's
fields from here, not from the model themselves. The constraints come from the model's JSON
Schema (the same one editors get), the references from the registry.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any, Literal, get_args

from pydantic import BaseModel

from regio.gegevens import registry

Soort = Literal["tekst", "keuze", "datum", "ja-nee", "getal", "webadres", "verwijzing", "onderdeel"]

# Canonical key order of an entry (regio fmt, regio nieuw, the editors' guide).
VOORAAN = ("id", "naam")
ACHTERAAN = ("ontleend", "gecontroleerd", "bron")


# How visitors read a field's name where its YAML key would be jargon (the history lines);
# other keys read as they are, with spaces for underscores.
LABELS = {
    "coordinaten": "coördinaten",
    "email": "e-mailadres",
    "gecontroleerd": "datum van controle",
    "gemeenten_volledig": "volledigheid van de gemeentelijst",
    "ontleend": "herkomst",
    "onzeker": "onzekere gegevens",
    "openbaar": "openbaarheid van de contactgegevens",
    "regiocoordinator": "regiocoördinator",
}


def label(naam: str) -> str:
    """The field ``naam`` as visitors read it: 'status sinds', 'regiocoördinator'."""
    return LABELS.get(naam, naam.replace("_", " "))


@dataclass(frozen=True)
class Veld:
    """One field of a model. With ``lijst`` the field is a YAML list and the rest describes each
    item (a list of choices, of web addresses, of references, of nested parts)."""

    naam: str
    verplicht: bool
    beschrijving: str  # the model's own Dutch description
    soort: Soort
    lijst: bool = False
    minstens_een: bool = False  # a list that may not be empty
    keuzes: tuple[str, ...] = ()  # keuze: the allowed values
    patroon: str | None = None  # text: the pattern it must match
    lengte: tuple[int | None, int | None] = (None, None)  # text: minimum and maximum length
    doel: str | None = None  # verwijzing: the collection it points into
    onderdeel: type[BaseModel] | None = None  # onderdeel: the nested model
    standaard: Any = None  # the default when it says something (false, a value), else None

    @property
    def onderdeelnaam(self) -> str | None:
        """'coordinaten', 'feit': how the guide and messages name the nested part."""
        return self.onderdeel.__name__.lower() if self.onderdeel is not None else None


def volgorde(model: type[BaseModel]) -> list[str]:
    """Canonical key order: id, naam, the kind's own fields, inherited ones, gecontroleerd, bron."""
    namen: list[str] = []
    for klasse in model.__mro__:
        if not (isinstance(klasse, type) and issubclass(klasse, BaseModel)):
            continue
        ouders = [b for b in klasse.__bases__ if issubclass(b, BaseModel)]
        for naam in klasse.model_fields:
            if naam not in namen and not any(naam in b.model_fields for b in ouders):
                namen.append(naam)
    vooraan = [k for k in VOORAAN if k in namen]
    achteraan = [k for k in ACHTERAAN if k in namen]
    return vooraan + [k for k in namen if k not in vooraan + achteraan] + achteraan


def binnenste_model(annotatie: Any) -> type[BaseModel] | None:
    """The model class inside a field's type (``Lijst[Feit]`` -> Feit), or None."""
    if isinstance(annotatie, type) and issubclass(annotatie, BaseModel):
        return annotatie
    for arg in get_args(annotatie):
        gevonden = binnenste_model(arg)
        if gevonden is not None:
            return gevonden
    return None


def velden(model: type[BaseModel]) -> tuple[Veld, ...]:
    """The fields of ``model`` in the order `regio fmt` writes them."""
    collectie = registry.van_model(model)
    doelen = tuple(collectie.verwijzingen.items()) if collectie is not None else ()
    return _velden(model, doelen)


def veld(model: type[BaseModel], naam: str) -> Veld | None:
    return next((v for v in velden(model) if v.naam == naam), None)


@cache
def _velden(model: type[BaseModel], doelen: tuple[tuple[str, str], ...]) -> tuple[Veld, ...]:
    eigenschappen: dict[str, Any] = model.model_json_schema().get("properties", {})
    verwijst = dict(doelen)
    result = []
    for naam in volgorde(model):
        info = model.model_fields[naam]
        eigenschap = _zonder_null(eigenschappen.get(naam, {}))
        lijst = eigenschap.get("type") == "array"
        kern = _zonder_null(eigenschap.get("items", {})) if lijst else eigenschap
        standaard = None if info.is_required() else info.get_default(call_default_factory=True)
        result.append(
            Veld(
                naam=naam,
                verplicht=info.is_required(),
                beschrijving=info.description or "",
                soort=_soort(kern, verwijst.get(naam)),
                lijst=lijst,
                minstens_een=lijst and eigenschap.get("minItems", 0) >= 1,
                keuzes=tuple(str(k) for k in kern.get("enum", ())),
                patroon=kern.get("pattern"),
                lengte=(kern.get("minLength"), kern.get("maxLength")),
                doel=verwijst.get(naam),
                onderdeel=binnenste_model(info.annotation) if "$ref" in kern else None,
                standaard=None if standaard in (None, [], ()) else standaard,
            )
        )
    return tuple(result)


def _soort(eigenschap: dict[str, Any], doel: str | None) -> Soort:
    if "$ref" in eigenschap:
        return "onderdeel"
    if "enum" in eigenschap:
        return "keuze"
    if doel is not None:
        return "verwijzing"
    formaat = eigenschap.get("format")
    if formaat == "uri":
        return "webadres"
    if formaat == "date":
        return "datum"
    soort = eigenschap.get("type")
    if soort == "boolean":
        return "ja-nee"
    if soort in ("number", "integer"):
        return "getal"
    return "tekst"


def _zonder_null(eigenschap: dict[str, Any]) -> dict[str, Any]:
    """``X | None`` is ``anyOf: [X, null]`` in the schema; the editor writes X or leaves it out."""
    varianten = [v for v in eigenschap.get("anyOf", ()) if v.get("type") != "null"]
    if len(varianten) == 1:
        return {**eigenschap, **varianten[0]}
    return eigenschap
