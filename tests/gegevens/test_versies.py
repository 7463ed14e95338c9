"""Versions of a data file parsed entry by entry: the same entities as parsing them whole."""

from __future__ import annotations

from regio.gegevens.versies import Versies, _heel, stukken
from tests.conftest import FIXTURES, REPO

BLOK = """# kop
provincies:
  - id: a
    naam: A
    bron:
      - https://example.org/a
# tussen
  - id: b
    naam: B
"""
INSPRINGLOOS = """provincies:
- id: a
  naam: A
  bron:
  - https://example.org/a
- id: b
  naam: B
"""


def test_block_style_cuts_into_its_entries() -> None:
    assert stukken(BLOK) == {
        ("provincies", "  - "): [
            # A comment between entries goes with the entry before: YAML reads past it.
            "id: a\n    naam: A\n    bron:\n      - https://example.org/a\n# tussen",
            "id: b\n    naam: B",
        ]
    }
    # yaml.safe_dump writes the items at column 0 and their nested lists at two spaces.
    assert stukken(INSPRINGLOOS) == {
        ("provincies", "- "): [
            "id: a\n  naam: A\n  bron:\n  - https://example.org/a",
            "id: b\n  naam: B",
        ]
    }


def test_anything_unusual_is_left_to_parsing_whole() -> None:
    assert stukken("provincies: [{id: a}]\n") is None
    assert stukken("---\nprovincies:\n  - id: a\n") is None
    assert stukken("provincies:\n  - &a {id: a}\n  - *a\n") is None
    assert stukken("provincies:\nnaam: x\n  - id: a\n") is None
    assert stukken("  - id: a\n") is None
    assert stukken("provincies:\n  - id: a\nprovincies:\n  - id: b\n") is None


def test_every_file_gives_the_same_entities_as_parsing_it_whole() -> None:
    for pad in [REPO / "data" / "regions.yaml", REPO / "data" / "contacts.yaml",
                FIXTURES / "geldig" / "regions.yaml"]:  # fmt: skip
        inhoud = pad.read_bytes()
        assert stukken(inhoud.decode()) is not None
        versie, heel = Versies().versie(pad.name, inhoud), _heel(pad.name, inhoud)
        assert versie is not None and heel is not None
        assert versie.stand == heel.stand


def test_an_unchanged_entry_is_the_same_object_in_the_next_version() -> None:
    pad = FIXTURES / "geldig" / "regions.yaml"
    oud = pad.read_text(encoding="utf-8")
    nieuw = oud.replace("    hoofdstad: Utrecht\n", "    hoofdstad: Utrecht-stad\n")
    versies = Versies()
    eerst = versies.versie("regions.yaml", oud.encode())
    assert eerst is not None
    dan = versies.versie("regions.yaml", nieuw.encode(), eerst)
    assert dan is not None
    assert dan.stand["utrecht"][1].hoofdstad == "Utrecht-stad"  # type: ignore[attr-defined]
    assert dan.stand["zeeland"][1] is eerst.stand["zeeland"][1]
    assert dan.stand["utrecht"][1] is not eerst.stand["utrecht"][1]
    assert versies.veranderd("regions.yaml", eerst, dan) == {"utrecht"}
    # Built from the version before or from scratch: the same entities.
    assert dan.stand == Versies().versie("regions.yaml", nieuw.encode()).stand  # type: ignore[union-attr]


def test_an_invalid_entry_or_a_duplicate_id_gives_what_parsing_whole_gives() -> None:
    pad = FIXTURES / "geldig" / "regions.yaml"
    tekst = pad.read_text(encoding="utf-8")
    fout = tekst.replace("    code: NL-UT\n", "    code: 12\n").encode()
    assert Versies().versie("regions.yaml", fout) is None is _heel("regions.yaml", fout)
    dubbel = tekst.replace("  - id: zeeland\n", "  - id: utrecht\n").encode()
    assert Versies().versie("regions.yaml", dubbel) == _heel("regions.yaml", dubbel)
    # A duplicate that appears in a later version, built from the one before.
    versies = Versies()
    eerst = versies.versie("regions.yaml", tekst.encode())
    assert versies.versie("regions.yaml", dubbel, eerst) == _heel("regions.yaml", dubbel)
