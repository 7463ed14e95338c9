"""JSON Schemas generated from the models, for editor autocompletion and independent checks."""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

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
        schema = json.loads(_model_schema(soort))
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


@cache
def _model_schema(soort: type[BaseModel]) -> str:
    """pydantic's schema of a model, made once per process (it takes tens of milliseconds, and
    every build and serve rebuild asks for it); as text, so each caller gets its own copy."""
    return json.dumps(soort.model_json_schema())


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
