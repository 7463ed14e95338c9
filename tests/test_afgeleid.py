"""The real data marks what its sources do not say literally.

``../shared/facts.md`` (the collected facts) writes a province in [brackets] when it was derived
from a place or region name. Every entity whose province facts.md brackets is listed here with
the line it comes from: where the data gives that entity a province (or place), the field must
be under 'afgeleid'; where it gives none, there is nothing to mark, and a province added later
must be marked. Entities whose province the source does state are listed too, so that every
province in the data is accounted for.
"""

from __future__ import annotations

import pytest

from regio.gegevens.model import Entiteit, Gebied
from regio.gegevens.registry import Gegevens
from regio.gegevens.validate import valideer
from tests.conftest import REPO

FACTS = REPO.parent / "shared" / "facts.md"

# (id, line in facts.md, field): the province (or place) is bracketed on that line, or the line
# is a row of a table whose province column is bracketed as a whole (§3b).
AFGELEID: tuple[tuple[str, int, str], ...] = (
    # §1a, §1b: onderwijsregio's
    ("friesland-noordoostpolder-urk", 33, "provincies"),  # only [FL]; one field for both
    ("twente-achterhoek-oost-salland", 34, "provincies"),
    ("groningen-vo-vso", 38, "provincies"),
    ("leraar-worden-in-leiden-duin-en-bollenstreek", 39, "provincies"),
    # §2a: partnerships po/(v)so
    ("groningen-kop-van-drenthe", 55, "provincies"),
    ("hogeschool-kpz", 56, "plaats"),  # [OV: KPZ = Zwolle]
    ("marnix-partners-in-opleiding-en-ontwikkeling", 58, "provincies"),
    ("partnerschap-oost-gelderland", 59, "provincies"),
    ("veelzijdig-opleiden-voor-diversiteit", 67, "provincies"),
    ("opleidingsschool-samen", 68, "provincies"),
    ("samen-opleidend-leren", 69, "provincies"),
    ("ieder-in-zijn-kracht-samen-nieuwe-energie", 70, "provincies"),
    ("opleidingsschool-zuidwest", 71, "provincies"),
    ("partnerschap-drenthe-kop-van-overijssel", 72, "provincies"),
    ("aspirant-opleidingsschool-dordrecht", 72, "provincies"),
    ("samen-opleiden-pabo-hva", 73, "provincies"),
    # §2b: partnerships vo
    ("aos-het-utrechts-model", 78, "provincies"),
    ("aos-noord-holland-west", 79, "provincies"),
    ("opleidingsschool-west-friesland", 79, "provincies"),
    ("opleidingsschool-haaglanden", 81, "provincies"),
    ("opleidingsschool-ommelanden", 83, "provincies"),
    ("opleidingsschool-noord-limburg", 84, "provincies"),
    ("de-nieuwe-opleidingsschool-amsterdam", 86, "provincies"),
    ("opleidingsschool-de-achterhoek-vo", 87, "provincies"),
    # §2c: partnerships mbo
    ("opleidingsschool-rijnland", 95, "provincies"),
    ("opleidingsschool-mbo-amersfoort", 96, "provincies"),
    ("opleidingsschool-eindhoven-regio", 98, "provincies"),
    # §3b: RAP regions (the province column is bracketed in its header, line 112)
    ("rap-zeeland-vo", 114, "provincies"),
    ("rap-zeeland-po", 115, "provincies"),
    ("rap-haaglanden-poolwest", 116, "provincies"),
    ("rap-achterhoek-vo", 117, "provincies"),
    ("rap-almere-lelystad", 118, "provincies"),
    ("rap-noord-en-midden-limburg", 119, "provincies"),
    ("rap-rpo-rijnmond", 120, "provincies"),
    ("rap-amersfoort-nijkerk-bunschoten", 121, "provincies"),
    ("rap-ring-utrecht", 121, "provincies"),
    ("utrecht-stad", 122, "provincies"),  # not a RAP region: a G5 covenant
    ("rap-drenthe-en-overijssel", 123, "provincies"),
    ("rap-noordwest-veluwe-en-zwolle", 123, "provincies"),
    ("rap-regio-zwolle-eo", 123, "provincies"),
    ("rap-noord-holland-noord", 124, "provincies"),
    ("rap-friesland-noordoostpolder-urk", 125, "provincies"),
    ("rap-rijnmond-noord", 127, "provincies"),
    ("rap-zuidoost-brabant", 127, "provincies"),
    ("rap-haarlem-eo", 127, "provincies"),
    ("rap-haarlemmermeer", 127, "provincies"),
    ("rap-leiden-bollenstreek", 127, "provincies"),
)

# Bracketed in facts.md, but the data gives no province: the 'onzeker' text says why.
ZONDER_PROVINCIE: tuple[tuple[str, int], ...] = (
    ("zuidwest-samen", 42),
    ("partnerschap-epz-eo", 56),
    ("partnerschap-mijnplein", 56),
    ("partnerschap-vista", 56),
    ("partnerschap-samen", 56),
    ("opleidingsnetwerk-samen-opleiden", 57),
    ("samen-opleiden-hogeschool-leiden", 63),
    ("aos-boss-po", 64),
    ("van-peel-tot-maas-en-dommel-tot-aa", 65),
    ("thomas-more-opleidingsschool", 66),
    ("gelderse-onderwijsvallei", 90),
    ("opleidingsschool-deltion-windesheim", 97),
    ("rap-oost-nederland-po-so", 126),
    ("rap-groene-hart", 127),
)

# The source states the province (no brackets in facts.md).
GENOEMD: tuple[tuple[str, int], ...] = (
    ("noorderwijzer", 30),
    ("groningen-friesland-drenthe-po", 31),
    ("groningen-friesland-drenthe-mbo", 32),
    ("aopol", 60),
    ("opleidingsschool-midden-limburg", 61),
    ("aos-west-brabant", 80),
    ("aos-midden-brabant", 80),
    ("aos-noordoost-brabant", 80),
    ("aos-zuidoost-brabant", 80),
    ("frosk", 82),
)

GEBIEDEN = ("onderwijsregios", "partnerschappen", "projecten")


@pytest.fixture(scope="module")
def gegevens() -> Gegevens:
    resultaat = valideer(REPO / "data")
    assert resultaat.gegevens is not None
    return resultaat.gegevens


def _per_id(gegevens: Gegevens) -> dict[str, Entiteit]:
    return {entiteit.id: entiteit for entiteit, _ in gegevens.alle()}


def _gebied(gegevens: Gegevens, ident: str) -> Gebied:
    entiteit = _per_id(gegevens)[ident]
    assert isinstance(entiteit, Gebied), ident
    return entiteit


@pytest.mark.parametrize(("ident", "lijn", "veld"), AFGELEID, ids=[a[0] for a in AFGELEID])
def test_a_bracketed_province_is_marked_derived(
    gegevens: Gegevens, ident: str, lijn: int, veld: str
) -> None:
    entiteit = _per_id(gegevens)[ident]
    assert getattr(entiteit, veld), f"{ident}: '{veld}' is leeg (facts.md regel {lijn})"
    assert veld in entiteit.afgeleid, f"{ident} (facts.md regel {lijn})"


@pytest.mark.parametrize(("ident", "lijn"), ZONDER_PROVINCIE, ids=[z[0] for z in ZONDER_PROVINCIE])
def test_a_bracketed_province_left_out_is_explained(
    gegevens: Gegevens, ident: str, lijn: int
) -> None:
    gebied = _gebied(gegevens, ident)
    assert not gebied.provincies, f"{ident} (facts.md regel {lijn})"
    assert gebied.onzeker, f"{ident} (facts.md regel {lijn})"


def test_every_province_in_the_data_is_accounted_for(gegevens: Gegevens) -> None:
    afgeleid = {a[0] for a in AFGELEID if a[2] == "provincies"}
    genoemd = {g[0] for g in GENOEMD}
    gebieden = [e for naam in GEBIEDEN for e in gegevens.collectie(naam)]
    met_provincie = {e.id for e in gebieden if isinstance(e, Gebied) and e.provincies}
    assert met_provincie == afgeleid | genoemd
    for entiteit in gebieden:
        if entiteit.id in genoemd:
            assert "provincies" not in entiteit.afgeleid, entiteit.id


def test_the_capitals_are_not_from_the_cited_source(gegevens: Gegevens) -> None:
    """facts.md §5 calls the capitals general knowledge; the ISO page does not list them."""
    for provincie in gegevens.provincies:
        assert provincie.hoofdstad
        assert provincie.afgeleid == ("hoofdstad",), provincie.id


def test_national_onderwijsregios_have_no_area(gegevens: Gegevens) -> None:
    landelijk = {r.id for r in gegevens.onderwijsregios if r.landelijk}
    assert landelijk == {
        "landelijk-groen-onderwijs",
        "landelijk-christelijk-reformatorisch-onderwijs",
        "scope",
        "plg-plus",
    }
    for regio in gegevens.onderwijsregios:
        if regio.landelijk:
            assert not regio.provincies and regio.plaats is None, regio.id


def test_every_entry_says_when_its_facts_were_taken(gegevens: Gegevens) -> None:
    for entiteit, _ in gegevens.alle():
        assert entiteit.ontleend in ("2026-11", "2026-12"), entiteit.id


def _regels() -> list[str]:
    if not FACTS.is_file():
        pytest.skip(f"{FACTS} ontbreekt")
    return FACTS.read_text(encoding="utf-8").splitlines()


def _tabelkop(regels: list[str], lijn: int) -> str:
    """The header row of the Markdown table that line ``lijn`` (1-based) is a row of."""
    index = lijn - 1
    while index > 0 and regels[index - 1].startswith("|"):
        index -= 1
    return regels[index]


def test_the_line_numbers_point_at_brackets_in_facts_md() -> None:
    regels = _regels()
    for ident, lijn, *_ in (*AFGELEID, *ZONDER_PROVINCIE):
        tekst = regels[lijn - 1]
        assert "[" in tekst or "[Provincie]" in _tabelkop(regels, lijn), (ident, lijn, tekst)
    for ident, lijn in GENOEMD:
        assert "[" not in regels[lijn - 1], (ident, lijn)


def test_facts_md_brackets_no_province_this_list_misses() -> None:
    """Every line of facts.md's sections 1 to 3 with a bracketed province is in the lists."""
    regels = _regels()
    eind = next(i for i, r in enumerate(regels) if r.startswith("## 4."))
    genoemd = {lijn for _, lijn, *_ in (*AFGELEID, *ZONDER_PROVINCIE)}
    for index, tekst in enumerate(regels[:eind]):
        lijn = index + 1
        rij = tekst.startswith("| ") and not tekst.startswith("|---")
        kop = rij and lijn + 1 <= len(regels) and regels[lijn].startswith("|---")
        haken = "[" in tekst and "](" not in tekst
        if kop or not (rij or tekst.startswith("- ")):
            continue
        if haken or (rij and "[Provincie]" in _tabelkop(regels, lijn)):
            assert lijn in genoemd, (lijn, tekst[:80])
