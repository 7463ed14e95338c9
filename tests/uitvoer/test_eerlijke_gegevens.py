"""Honest and fuller data on the pages: the derived mark, freshness told truly, home-page sources,
where vo and mbo visitors can turn, and the editors' page 'Wat ontbreekt'."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from regio.gegevens.validate import valideer
from regio.site import LANDELIJK, OVERIG, ZONDER_PROVINCIE, Site
from regio.uitvoer.kenmerken import NA_LABEL
from regio.uitvoer.pages import (
    BEWERK_URL,
    WAT_ONTBREEKT_PAGINA,
    Opties,
    bewerk_url_maker,
    maand,
    render_pages,
)
from tests.conftest import FIXTURES, REPO, echte_site, regel, vervang

REPO_URL = "https://example.org/regio"


@cache
def _echte_pages() -> dict[str, str]:
    opties = Opties(bewerk_url=bewerk_url_maker(BEWERK_URL, REPO_URL, "data"))
    return render_pages(echte_site(), opties)


def _pages(data_dir: Path = FIXTURES / "geldig") -> dict[str, str]:
    resultaat = valideer(data_dir)
    assert resultaat.gegevens is not None, resultaat.problemen
    return render_pages(Site(resultaat.gegevens, resultaat.geografie))


def _rij(pagina: str, kop: str) -> str:
    # The label may end in the hidden ': ' for the search snippets (regio.uitvoer.kenmerken).
    label = rf'<th scope="row">{re.escape(kop)}(?:{re.escape(NA_LABEL)})?</th>'
    return re.split(label, pagina, maxsplit=1)[1].split("</tr>", 1)[0]


# --- the derived mark -----------------------------------------------------------------------------


def test_rijnland_marks_its_province_as_derived() -> None:
    pagina = _echte_pages()["partnerschappen/opleidingsschool-rijnland.md"]
    provincies = _rij(pagina, "Provincies")
    assert "Zuid-Holland" in provincies
    assert (
        '<span class="regio-afgeleid">(afgeleid uit de plaats- of regionaam)</span>' in provincies
    )
    # Only beside the derived field: the sector comes from the source.
    assert "regio-afgeleid" not in _rij(pagina, "Sectoren")
    assert pagina.count("regio-afgeleid") == 1


def test_a_capital_is_general_knowledge() -> None:
    utrecht = _echte_pages()["provincies/utrecht.md"]
    assert 'hoofdstad Utrecht <span class="regio-afgeleid">(algemene kennis, niet uit de bron)' in (
        utrecht
    )


def test_every_derived_field_of_the_real_data_is_marked_on_its_page() -> None:
    site, pages = echte_site(), _echte_pages()
    for entiteit, _ in site.gegevens.alle():
        doel = site.pagina(entiteit)
        if entiteit.afgeleid and doel is not None:
            assert pages[doel].count("regio-afgeleid") >= len(entiteit.afgeleid), entiteit.id


def test_no_mark_without_afgeleid_and_a_generic_one_for_other_fields(data_dir: Path) -> None:
    assert not any("regio-afgeleid" in pagina for pagina in _pages().values())
    vervang(
        data_dir,
        "regions.yaml",
        "    plaats: Utrecht\n",
        "    plaats: Utrecht\n    afgeleid: [plaats]\n",
    )
    regio = _pages(data_dir)["onderwijsregios/voorbeeldregio.md"]
    assert 'Utrecht <span class="regio-afgeleid">(afgeleid, staat niet letterlijk in de bron)' in (
        _rij(regio, "Plaats")
    )


# --- freshness, once per page, in the footer -----------------------------------------------------


def test_footer_tells_when_the_facts_were_taken_and_that_nobody_checked_them_again() -> None:
    pagina = _echte_pages()["partnerschappen/opleidingsschool-rijnland.md"]
    voet = pagina.split('<div class="regio-voet"', 1)[1]
    assert "<p>Gegevens ontleend aan de bronnen in november 2026.</p>" in voet
    assert "<p>Nog niet opnieuw nagekeken tegen de bron.</p>" in voet
    assert "Laatst gecontroleerd" not in pagina and "nog niet nagekeken" not in pagina
    assert pagina.count("ontleend aan de bronnen") == 1


def test_footer_names_the_editors_check_and_says_nothing_it_does_not_know() -> None:
    pages = _pages()
    zeeland = pages["provincies/zeeland.md"]  # gecontroleerd: 2024-01-15, no ontleend
    assert "<p>Nagekeken door de redactie op 15 januari 2024.</p>" in zeeland
    assert "ontleend" not in zeeland
    utrecht = pages["provincies/utrecht.md"]  # neither
    assert "<p>Nog niet nagekeken tegen de bron.</p>" in utrecht
    assert "opnieuw" not in utrecht


def test_month_in_dutch() -> None:
    assert maand("2026-11") == "november 2026"
    assert maand("2027-01") == "januari 2027"


# --- home-page sources ---------------------------------------------------------------------------


def test_a_home_page_source_reads_as_a_website_not_a_citation() -> None:
    pages = _echte_pages()
    vo_raad = pages["organisaties/vo-raad.md"]  # its own site
    assert (
        '<li>website van de organisatie (<a href="https://www.vo-raad.nl/">vo-raad.nl</a>)</li>'
        in vo_raad
    )
    # A province's source is the platform's site, not the province's own.
    drenthe = pages["provincies/drenthe.md"]
    assert (
        '<li>de website <a href="https://arbeidsmarktplatformpo.nl/">arbeidsmarktplatformpo.nl</a>'
        " (zonder precieze pagina)</li>" in drenthe
    )
    # A page address stays a citation.
    rijnland = pages["partnerschappen/opleidingsschool-rijnland.md"]
    assert ">zoetermeer.nieuws.nl/nieuws/43308/" in rijnland
    assert "website" not in rijnland.split('<div class="regio-voet"', 1)[1]


def test_a_home_page_source_in_the_fixture(data_dir: Path) -> None:
    vervang(
        data_dir,
        "contacts.yaml",
        "    email: info@example.org\n    bron:\n      - https://example.org/platform\n",
        "    email: info@example.org\n    bron:\n      - https://example.org/platform\n"
        "      - https://voorbeeldplatform.example.org/\n",
    )
    pagina = _pages(data_dir)["organisaties/arbeidsmarktplatform-po.md"]
    assert "website van de organisatie (<a " in pagina
    assert ">voorbeeldplatform.example.org</a>)" in pagina


# --- contact per sector ---------------------------------------------------------------------------


def test_contact_page_sends_vo_and_mbo_to_voion_and_som_without_inventing_people() -> None:
    pages = _echte_pages()
    for pad in ("contact.md", "provincies/utrecht.md", "provincies/limburg.md"):
        pagina = pages[pad]
        assert "Voor het vo en mbo zijn geen contactpersonen per provincie bekend." in pagina, pad
        assert '<a href="https://www.voion.nl/">voion.nl</a>' in pagina, pad
        assert '<a href="https://www.sommbo.nl/">sommbo.nl</a>' in pagina, pad
        assert "organisaties/voion/" in pagina and "organisaties/som/" in pagina
    assert "\n## Voortgezet onderwijs en mbo\n" in pages["contact.md"]
    assert "\n## Vo en mbo\n" in pages["provincies/utrecht.md"]
    # The sector organisations named are Voion and SOM, each for its one sector.
    site = echte_site()
    assert [o.id for o in site.ondersteuning_voor("vo")] == ["voion"]
    assert [o.id for o in site.ondersteuning_voor("mbo")] == ["som"]


def test_without_vo_or_mbo_organisations_the_page_still_says_so() -> None:
    contact = _pages()["contact.md"]  # the fixture has no Voion or SOM
    assert "Voor het vo en mbo zijn geen contactpersonen per provincie bekend." in contact
    assert "landelijke organisatie" not in contact


# --- Wat ontbreekt --------------------------------------------------------------------------------


def test_wat_ontbreekt_lists_per_province_with_the_yaml_line() -> None:
    site, pagina = echte_site(), _echte_pages()[WAT_ONTBREEKT_PAGINA]
    assert pagina.startswith("---\ntitle: Wat ontbreekt\ndescription: ")
    assert "\n---\n\n# Wat ontbreekt\n" in pagina
    koppen = [r[3:].replace("\\-", "-") for r in pagina.splitlines() if r.startswith("## ")]
    provincies = [p.naam for p in site.provincies()]
    assert koppen[: len(provincies)] == provincies
    assert "Zonder provincie" in koppen and koppen[-1] == "Programma's, organisaties en personen"
    rijnland = site.entiteit("opleidingsschool-rijnland")
    regelnummer = site.bronregel(rijnland).regel
    zuid_holland = pagina.split("\n## Zuid\\-Holland\n", 1)[1].split("\n## ", 1)[0]
    [item] = [r for r in zuid_holland.splitlines() if "opleidingsschool-rijnland/" in r]
    assert '<a href="../../partnerschappen/opleidingsschool-rijnland/">' in item
    assert "afgeleid: provincies" in item and "niet nagekeken" in item
    assert (
        f'<a href="{REPO_URL}/blob/main/data/regions.yaml#L{regelnummer}">'
        f"data/regions.yaml, regel {regelnummer}</a>" in item
    )
    # The line is where the entry starts.
    regels = (REPO / "data/regions.yaml").read_text(encoding="utf-8").splitlines()
    assert regels[regelnummer - 1].strip() == "- id: opleidingsschool-rijnland"


def test_wat_ontbreekt_names_each_kind_of_gap_on_the_real_data() -> None:
    site, pagina = echte_site(), _echte_pages()[WAT_ONTBREEKT_PAGINA]
    for tekst in (
        "geen provincie",
        "geen plaats",
        "geen penvoerder",
        "status onbekend",
        "afgeleid: ",
        "alleen een website als bron (vo-raad.nl)",
        "niet nagekeken",
    ):
        assert tekst in pagina, tekst
    totalen = site.tekort_totalen()
    assert all(aantal > 0 for aantal in totalen.values()), totalen
    # Persons have no page: their item names the YAML line only.
    assert "(persoon): " in pagina and "data/contacts.yaml, regel" in pagina


def test_site_tekorten_on_the_fixture(data_dir: Path) -> None:
    resultaat = valideer(FIXTURES / "geldig")
    assert resultaat.gegevens is not None
    site = Site(resultaat.gegevens, resultaat.geografie)
    assert site.tekorten(site.entiteit("zeeland")) == ()  # checked, no homepage source
    assert site.tekorten(site.entiteit("voorbeeldregio")) == ("penvoerder", "gecontroleerd")
    assert site.tekorten(site.entiteit("voorbeeldproject")) == (
        "plaats",
        "penvoerder",
        "gecontroleerd",
    )
    groepen = dict(site.wat_ontbreekt())
    assert ZONDER_PROVINCIE not in groepen and LANDELIJK not in groepen
    assert groepen[OVERIG][0].entiteit.id == "arbeidsmarktplatform-po"
    # A partnership without province and with an unknown status lands under 'zonder provincie'.
    vervang(data_dir, "regions.yaml", "    provincies: [utrecht, zeeland]\n", "")
    vervang(data_dir, "regions.yaml", "    status: erkend\n", "    status: onbekend\n")
    resultaat = valideer(data_dir)
    assert resultaat.gegevens is not None, resultaat.problemen
    site = Site(resultaat.gegevens, resultaat.geografie)
    [zonder] = dict(site.wat_ontbreekt())[ZONDER_PROVINCIE]
    assert zonder.entiteit.id == "voorbeeldpartnerschap"
    assert zonder.punten == ("provincie", "plaats", "status", "gecontroleerd")
    pagina = render_pages(site)[WAT_ONTBREEKT_PAGINA]
    deel = pagina.split("\n## Zonder provincie\n", 1)[1]
    regelnummer = regel(data_dir, "regions.yaml", "id: voorbeeldpartnerschap")
    assert (
        "(partnerschap): geen provincie; geen plaats; status onbekend; niet nagekeken"
        f" · data/regions.yaml, regel {regelnummer}</li>" in deel
    )


def test_the_guide_links_wat_ontbreekt() -> None:
    gids = (REPO / "content/redactie.md").read_text(encoding="utf-8")
    assert f"({WAT_ONTBREEKT_PAGINA})" in gids
    assert "`regio validate --strict`" in gids
