"""The loader: positions, and a clear Dutch message for every kind of broken YAML."""

from __future__ import annotations

import pytest

from regio.gegevens.load import MAX_BYTES, MAX_DEPTH, load_bytes


def _enig_probleem(raw: bytes) -> tuple[int, int, str]:
    resultaat = load_bytes(raw, "data/regions.yaml")
    assert len(resultaat.problemen) == 1, resultaat.problemen
    probleem = resultaat.problemen[0]
    assert probleem.ernst == "fout"
    assert probleem.positie.bestand == "data/regions.yaml"
    return probleem.positie.regel, probleem.positie.kolom, probleem.melding


def test_keeps_line_and_column_of_every_value_and_key() -> None:
    raw = b"provincies:\n  - id: utrecht\n    sectoren: [po, vo]\n"
    geladen = load_bytes(raw, "f.yaml").geladen
    assert geladen is not None
    assert geladen.data == {"provincies": [{"id": "utrecht", "sectoren": ["po", "vo"]}]}
    assert geladen.positie(("provincies", 0, "id")).regel == 2
    assert geladen.positie(("provincies", 0, "id")).kolom == 9
    assert geladen.positie(("provincies", 0, "sectoren", 1)).kolom == 20
    assert geladen.positie(("provincies", 0, "sectoren"), sleutel=True).kolom == 5
    # A path that does not exist falls back to its nearest ancestor.
    assert geladen.positie(("provincies", 0, "naam")).regel == 2


def test_scalars_are_typed_like_safe_yaml() -> None:
    raw = b"a: 2023-07-06\nb: '2023-07-06'\nc: 12\nd: true\ne: ~\nf: 06-12345678\n"
    geladen = load_bytes(raw, "f.yaml").geladen
    assert geladen is not None
    from datetime import date

    assert geladen.data == {
        "a": date(2023, 7, 6),
        "b": "2023-07-06",
        "c": 12,
        "d": True,
        "e": None,
        "f": "06-12345678",
    }


def test_duplicate_key_is_an_error_that_names_both_lines() -> None:
    raw = b"provincies:\n  - id: utrecht\n    naam: Utrecht\n    naam: Zeeland\n"
    resultaat = load_bytes(raw, "data/regions.yaml")
    assert resultaat.geladen is not None  # later checks still run
    [probleem] = resultaat.problemen
    assert (probleem.positie.regel, probleem.positie.kolom) == (4, 5)
    assert "sleutel 'naam' komt twee keer voor" in probleem.melding
    assert "eerder op regel 3" in probleem.melding


@pytest.mark.parametrize(
    ("raw", "regel", "kolom", "fragment"),
    [
        (
            b"provincies:\n  - naam: Utrecht: stad\n",
            2,
            18,
            "Zet de hele waarde dan tussen aanhalingstekens",
        ),
        (b"a:\n  - b: 1\n - c: 2\n", 3, 2, "inspringing klopt niet"),
        (b'a: "open\nb: 1\n', 1, 4, "aanhalingsteken of haakje niet gesloten"),
        (b"a: [1, 2\nb: 3\n", 1, 4, "niet goed gesloten"),
        (b"a:\n\tb: 1\n", 2, 1, "tab gebruikt voor inspringen"),
        (b"a: 1\nb:\n  \t- x\n", 3, 3, "tab gebruikt voor inspringen"),
        (b"", 1, 1, "bestand is leeg"),
        (b"# alleen commentaar\n\n", 1, 1, "bestand is leeg"),
        (b"\xef\xbb\xbf\xef\xbb\xbfprovincies: []\n", 1, 1, "(U+FEFF)"),  # one BOM too many
        (b"a: ok\nb: caf\xef\xbb\xbf\n", 2, 7, "(U+FEFF)"),  # a BOM inside the file
        (b"a: ok\nb: caf\xe9\n", 2, 7, "geen geldige UTF-8"),
        (b"a: !!python/object:os.system x\n", 1, 4, "YAML-tag"),
        (b"a: !eigen x\n", 1, 4, "YAML-tag '!eigen' is niet toegestaan"),
        (b"a: *nergens\n", 1, 4, "alias"),
        (b"basis: &b {x: 1}\nkopie:\n  <<: *b\n", 3, 3, "samenvoegsleutels"),
        (b"1: een\n", 1, 1, "sleutel '1' is geen tekst"),
        (b"? [a, b]\n: c\n", 1, 3, "sleutel moet een gewone tekst zijn"),
        (b"a: 1\n---\nb: 2\n", 2, 1, "meer dan één YAML-document"),
    ],
)
def test_broken_yaml_gives_one_dutch_message_at_the_right_place(
    raw: bytes, regel: int, kolom: int, fragment: str
) -> None:
    assert _enig_probleem(raw)[:2] == (regel, kolom)
    assert fragment in _enig_probleem(raw)[2]


def test_a_leading_bom_is_accepted_and_columns_are_counted_without_it() -> None:
    # Windows editors (Notepad, Excel) save 'UTF-8 with BOM'; YAML allows a leading BOM.
    raw = b"\xef\xbb\xbfprovincies:\n  - id: utrecht\n"
    geladen = load_bytes(raw, "f.yaml").geladen
    assert geladen is not None
    assert geladen.data == {"provincies": [{"id": "utrecht"}]}
    assert geladen.positie(("provincies",), sleutel=True).kolom == 1
    assert (
        geladen.positie(("provincies", 0, "id")).regel,
        geladen.positie(("provincies", 0, "id")).kolom,
    ) == (2, 9)
    # A problem on the first line points where the editor sees it, not three bytes further.
    assert _enig_probleem(b"\xef\xbb\xbfa: !eigen x\n")[:2] == (1, 4)
    assert _enig_probleem(b"\xef\xbb\xbfa: caf\xe9\n")[:2] == (1, 7)


def test_alias_bomb_is_refused_quickly() -> None:
    lines = [b"a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for n in range(1, 12):
        ref = b"*a%d" % (n - 1)
        lines.append(b"a%d: &a%d [%s]" % (n, n, b", ".join([ref] * 10)))
    regel, _, melding = _enig_probleem(b"\n".join(lines) + b"\n")
    assert "alias-bom" in melding
    assert regel > 1


def test_small_aliases_are_allowed() -> None:
    geladen = load_bytes(b"a: &s [po, vo]\nb: *s\n", "f.yaml").geladen
    assert geladen is not None
    assert geladen.data["b"] == ["po", "vo"]


def test_deep_nesting_is_refused() -> None:
    raw = b"a: " + b"[" * (MAX_DEPTH + 5) + b"]" * (MAX_DEPTH + 5) + b"\n"
    regel, kolom, melding = _enig_probleem(raw)
    assert "te diep genest" in melding
    assert regel == 1 and kolom > MAX_DEPTH


def test_deep_block_nesting_does_not_crash() -> None:
    raw = "".join(f"{'  ' * n}k{n}:\n" for n in range(3000)).encode() + b"  " * 3000 + b"x\n"
    assert "te diep genest" in _enig_probleem(raw)[2]


def test_huge_file_is_refused_before_parsing() -> None:
    raw = b"a: '" + b"x" * MAX_BYTES + b"'\n"
    assert "te groot" in _enig_probleem(raw)[2]


def test_invalid_calendar_date_stays_text_for_the_model_to_explain() -> None:
    geladen = load_bytes(b"a: 2023-02-30\n", "f.yaml").geladen
    assert geladen is not None
    assert geladen.data == {"a": "2023-02-30"}
