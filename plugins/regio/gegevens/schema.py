"""JSON Schemas generated from the models, for editor autocompletion and independent checks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from regio.gegevens.registry import bestanden

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_naam(bestand: str) -> str:
    """'regions.yaml' -> 'regions.schema.json'."""
    return bestand.removesuffix(".yaml") + ".schema.json"


def schemas() -> dict[str, dict[str, Any]]:
    """File name of each schema -> the schema, in a stable order."""
    result = {}
    for bestand, soort in bestanden().items():
        schema = soort.model_json_schema()
        result[schema_naam(bestand)] = {
            "$schema": SCHEMA_DIALECT,
            "$id": schema_naam(bestand),
            **schema,
            "title": f"regio-infrastructuur: data/{bestand}",
        }
    return result


def als_tekst(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def schrijf(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paden = []
    for naam, schema in schemas().items():
        pad = out / naam
        pad.write_text(als_tekst(schema), encoding="utf-8")
        paden.append(pad)
    return paden
