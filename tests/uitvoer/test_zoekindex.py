"""The search index of "Zoek uw gemeente of plaats": content, determinism, duplicates, size."""

from __future__ import annotations

import gzip
import json
import random
from typing import Any

import pytest

from regio.uitvoer.zoekindex import basisnaam, normaliseer, zoekindex

GEMEENTEN = [
    ("Breda", "breda", "Noord-Brabant"),
    ("Amersfoort", "amersfoort", "Utrecht"),
    ("Súdwest-Fryslân", "sudwest-fryslan", "Fryslân"),
    ("Hengelo (O.)", "hengelo", "Overijssel"),
    ("Bronckhorst", "bronckhorst", "Gelderland"),
    ("'s-Hertogenbosch", "s-hertogenbosch", "Noord-Brabant"),
]
PLAATSEN = [
    ("Ulvenhout", "breda"),
    ("Bavel", "breda"),
    ("Breda", "breda"),  # the gemeente's own name: left out
    ("Sneek", "sudwest-fryslan"),
    ("Hengelo", "bronckhorst"),  # another Hengelo than the gemeente Hengelo (O.)
    ("Hengelo", "hengelo"),  # the gemeente's own name without its qualifier: left out
    ("Vorden", "bronckhorst"),
    ("Rosmalen", "s-hertogenbosch"),
]


def _index(gemeenten: Any = GEMEENTEN, plaatsen: Any = PLAATSEN) -> dict[str, Any]:
    return dict(json.loads(zoekindex(gemeenten, plaatsen)))


def _plaatsen(index: dict[str, Any]) -> list[tuple[Any, ...]]:
    """Places as (naam, gemeente slug, label or None)."""
    return [
        (p[0], index["gemeenten"][p[1]][1], p[2] if len(p) > 2 else None) for p in index["plaatsen"]
    ]


def test_gemeenten_with_their_slug_and_province_sorted_by_name() -> None:
    index = _index()
    assert index["versie"] == 1
    assert index["provincies"] == sorted({p for _, _, p in GEMEENTEN})
    gemeenten = [(g[0], g[1], index["provincies"][g[2]]) for g in index["gemeenten"]]
    assert gemeenten == [
        ("Amersfoort", "amersfoort", "Utrecht"),
        ("Breda", "breda", "Noord-Brabant"),
        ("Bronckhorst", "bronckhorst", "Gelderland"),
        ("Hengelo (O.)", "hengelo", "Overijssel"),
        ("'s-Hertogenbosch", "s-hertogenbosch", "Noord-Brabant"),
        ("Súdwest-Fryslân", "sudwest-fryslan", "Fryslân"),
    ]


def test_places_point_to_their_gemeente_and_same_names_get_a_label() -> None:
    assert _plaatsen(_index()) == [
        ("Bavel", "breda", None),
        ("Hengelo", "bronckhorst", "Hengelo (gemeente Bronckhorst)"),
        ("Rosmalen", "s-hertogenbosch", None),
        ("Sneek", "sudwest-fryslan", None),
        ("Ulvenhout", "breda", None),
        ("Vorden", "bronckhorst", None),
    ]


def test_a_place_named_like_its_gemeente_is_left_out_also_in_other_spelling() -> None:
    index = _index(plaatsen=[("BREDA", "breda"), ("Sudwest Fryslan", "sudwest-fryslan")])
    assert index["plaatsen"] == []


def test_same_place_name_in_two_gemeenten_stays_twice_and_a_repeat_once() -> None:
    plaatsen = [("Hoorn", "breda"), ("Hoorn", "amersfoort"), ("Hoorn", "breda")]
    assert _plaatsen(_index(plaatsen=plaatsen)) == [
        ("Hoorn", "amersfoort", "Hoorn (gemeente Amersfoort)"),
        ("Hoorn", "breda", "Hoorn (gemeente Breda)"),
    ]


def test_qualified_gemeente_names_need_no_label_and_their_own_place_is_left_out() -> None:
    gemeenten = [
        ("Bergen (NH.)", "bergen-nh", "Noord-Holland"),
        ("Bergen (L.)", "bergen-l", "Limburg"),
    ]
    index = _index(gemeenten=gemeenten, plaatsen=[("Bergen", "bergen-nh"), ("Well", "bergen-l")])
    assert [len(g) for g in index["gemeenten"]] == [3, 3]
    assert _plaatsen(index) == [("Well", "bergen-l", None)]


def test_two_gemeenten_of_the_same_name_are_told_apart_by_province() -> None:
    gemeenten = [("Bergen", "bergen-nh", "Noord-Holland"), ("Bergen", "bergen-l", "Limburg")]
    index = _index(gemeenten=gemeenten, plaatsen=[])
    assert [g[3] for g in index["gemeenten"]] == ["Bergen (Limburg)", "Bergen (Noord-Holland)"]


def test_same_input_same_bytes_whatever_the_order_and_no_whitespace() -> None:
    eerste = zoekindex(GEMEENTEN, PLAATSEN)
    tweede = zoekindex(list(reversed(GEMEENTEN)), list(reversed(PLAATSEN)))
    assert eerste == tweede
    compact = json.dumps(
        json.loads(eerste), ensure_ascii=False, separators=(",", ":"), sort_keys=True
    )
    assert eerste == compact.encode("utf-8")
    # UTF-8 text, not \u escapes: smaller, and what fetch().json() reads.
    assert "Súdwest-Fryslân".encode() in eerste


@pytest.mark.parametrize(
    ("gemeenten", "plaatsen", "melding"),
    [
        ([("Breda", "Breda", "Noord-Brabant")], [], "geen geldige slug"),
        ([("Breda", "../x", "Noord-Brabant")], [], "geen geldige slug"),
        ([("Breda", "breda", "Noord-Brabant"), ("Breda2", "breda", "X")], [], "meer dan eens"),
        ([("  ", "breda", "Noord-Brabant")], [], "naam of provincie ontbreekt"),
        ([("Breda", "breda", "Noord-Brabant")], [("Ulvenhout", "bred")], "onbekende gemeente"),
        ([("Breda", "breda", "Noord-Brabant")], [("", "breda")], "plaats zonder naam"),
    ],
)
def test_bad_input_is_refused(gemeenten: Any, plaatsen: Any, melding: str) -> None:
    with pytest.raises(ValueError, match=melding):
        zoekindex(gemeenten, plaatsen)


def test_normaliseer_drops_accents_case_and_punctuation() -> None:
    assert normaliseer("Súdwest-Fryslân") == "sudwest fryslan"
    assert normaliseer("'s-Hertogenbosch") == "s hertogenbosch"
    assert normaliseer("  Bergen (NH.) ") == "bergen nh"
    assert normaliseer("Ĳsselstein") == "ijsselstein"  # the ligature as two letters
    assert basisnaam("Hengelo (O.)") == "hengelo"
    assert basisnaam("Bergen (NH.)") == "bergen"
    assert basisnaam("(Alleen haakjes)") == "alleen haakjes"


# --- Size at the scale of the Netherlands: 342 gemeenten, about 2,000 places ----------------

GRENS_GZIP = 60 * 1024
_LETTERGREPEN = (
    "aa", "ber", "bos", "broek", "bur", "dam", "del", "den", "dijk", "dorp", "ee", "eind", "gra",
    "ha", "haar", "hem", "hout", "hui", "huizen", "ker", "land", "lo", "meer", "mon", "na",
    "nieuw", "oo", "oost", "rijn", "roos", "sint", "stee", "ter", "veen", "veld", "vliet",
    "voort", "wa", "wijk", "zand", "zee", "zwaag", "âl", "ú", "ês",
)  # fmt: skip
_PROVINCIES = (
    "Drenthe", "Flevoland", "Fryslân", "Gelderland", "Groningen", "Limburg", "Noord-Brabant",
    "Noord-Holland", "Overijssel", "Utrecht", "Zeeland", "Zuid-Holland",
)  # fmt: skip


def _naam(kans: random.Random) -> str:
    naam = "".join(kans.choice(_LETTERGREPEN) for _ in range(kans.randint(2, 4))).capitalize()
    if kans.random() < 0.1:
        naam += kans.choice([" aan Zee", "-Oost", " aan den Rijn", " op Zoom"])
    return naam


def landelijke_invoer(
    aantal_gemeenten: int = 342, aantal_plaatsen: int = 2000
) -> tuple[list[tuple[str, str, str]], list[tuple[str, str]]]:
    """Fictional gemeenten and places with Dutch-looking names of realistic length."""
    kans = random.Random(20250101)
    gemeenten: list[tuple[str, str, str]] = []
    slugs: set[str] = set()
    while len(gemeenten) < aantal_gemeenten:
        naam = _naam(kans)
        slug = "-".join(normaliseer(naam).split())
        if slug not in slugs:
            slugs.add(slug)
            gemeenten.append((naam, slug, kans.choice(_PROVINCIES)))
    plaatsen = [(_naam(kans), kans.choice(gemeenten)[1]) for _ in range(aantal_plaatsen)]
    return gemeenten, plaatsen


def test_index_of_the_whole_country_stays_small() -> None:
    gemeenten, plaatsen = landelijke_invoer()
    index = zoekindex(gemeenten, plaatsen)
    assert len(json.loads(index)["gemeenten"]) == 342
    assert len(json.loads(index)["plaatsen"]) > 1900
    assert len(gzip.compress(index, compresslevel=9)) <= GRENS_GZIP
