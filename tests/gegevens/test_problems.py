"""Formatting and ordering of problems."""

from __future__ import annotations

import json

from regio.gegevens.problems import (
    Positie,
    als_github,
    als_json,
    als_tekst,
    fout,
    samenvatting,
    sorteer,
    waarschuwing,
)


def test_sorted_by_file_line_column_without_duplicates() -> None:
    b = fout(Positie("data/regions.yaml", 10, 3), "b")
    a = fout(Positie("data/contacts.yaml", 50, 1), "a")
    c = waarschuwing(Positie("data/regions.yaml", 2, 9), "c")
    assert sorteer([b, a, c, b]) == [a, c, b]


def test_text_line() -> None:
    probleem = fout(Positie("data/regions.yaml", 42, 7), "iets klopt niet.")
    assert als_tekst(probleem) == "data/regions.yaml:42:7: fout: iets klopt niet."


def test_github_annotation_escapes_data() -> None:
    probleem = waarschuwing(Positie("data/a,b:c.yaml", 3, 1), "100% fout\nregel 2")
    assert als_github(probleem) == (
        "::warning file=data/a%2Cb%3Ac.yaml,line=3,col=1::100%25 fout%0Aregel 2"
    )


def test_json_keeps_accents() -> None:
    tekst = als_json([fout(Positie("f", 1, 2), "vóór")])
    assert "vóór" in tekst
    assert json.loads(tekst) == [
        {
            "bestand": "f",
            "regel": 1,
            "kolom": 2,
            "ernst": "fout",
            "melding": "vóór",
            "collectie": None,
            "item": None,
            "veld": None,
        }
    ]


def test_summary_counts() -> None:
    problemen = [
        fout(Positie("f"), "x"),
        waarschuwing(Positie("f"), "y"),
        waarschuwing(Positie("f"), "z"),
    ]
    assert samenvatting(problemen) == "1 fout en 2 waarschuwingen"
