"""JSON Schemas generated from the models, for editor autocompletion and independent checks."""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

from regio.gegevens.registry import bestanden

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_naam(bestand: str) -> str:
    """'regions.yaml' -> 'regions.schema.json'."""
    return bestand.removesuffix(".yaml") + ".schema.json"


def schemas(gemeentenamen: Sequence[str] = ()) -> dict[str, dict[str, Any]]:
    """File name of each schema -> the schema, in a stable order.

    With ``gemeentenamen`` every ``gemeenten`` list allows just those names, so an editor's
    YAML tooling offers them for autocompletion (the validator checks them either way).
    """
    result = {}
    for bestand, soort in bestanden().items():
        schema = model_schema(soort)
        if gemeentenamen:
            _gemeenten_als_keuze(schema)
            schema.setdefault("$defs", {})["Gemeente"] = {
                "type": "string",
                "enum": sorted(gemeentenamen),
                "description": "Een gemeente van 2025, geschreven zoals het CBS haar noemt.",
            }
        result[schema_naam(bestand)] = {
            "$schema": SCHEMA_DIALECT,
            "$id": schema_naam(bestand),
            **schema,
            "title": f"regio-infrastructuur: data/{bestand}",
        }
    return result


def model_schema(
    model: type[BaseModel], mode: Literal["validation", "serialization"] = "validation"
) -> dict[str, Any]:
    """pydantic's JSON Schema of ``model`` (aliases as field names), the caller's own copy."""
    return dict(json.loads(_model_schema(model, mode)))


@cache
def _model_schema(model: type[BaseModel], mode: Literal["validation", "serialization"]) -> str:
    # Made once per process: it takes pydantic tens of milliseconds, and every build and serve
    # rebuild asks for the schemas. Kept as text, so no caller changes another's copy.
    return json.dumps(model.model_json_schema(mode=mode, by_alias=True))


def _gemeenten_als_keuze(schema: Any) -> None:
    if isinstance(schema, dict):
        eigenschappen = schema.get("properties")
        if isinstance(eigenschappen, dict) and "gemeenten" in eigenschappen:
            eigenschappen["gemeenten"]["items"] = {"$ref": "#/$defs/Gemeente"}
        for waarde in schema.values():
            _gemeenten_als_keuze(waarde)


def als_tekst(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def schrijf(out: Path, gemeentenamen: Sequence[str] = ()) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paden = []
    for naam, schema in schemas(gemeentenamen).items():
        pad = out / naam
        pad.write_text(als_tekst(schema), encoding="utf-8")
        paden.append(pad)
    return paden
