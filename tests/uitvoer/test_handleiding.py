"""The generated editors' guide: every field from the models, honest error messages, linked."""

from __future__ import annotations

import posixpath
import re
import shutil
from datetime import date
from pathlib import Path
from typing import Literal

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from pydantic import Field

from regio.cli import main
from regio.gegevens.model import Model, Partnerschap
from regio.gegevens.validate import valideer
from regio.gegevens.velden import volgorde
from regio.redactie.nieuw import collecties
from regio.site import Site
from regio.uitvoer.escape import md
from regio.uitvoer.foutmeldingen import VOORBEELDFOUTEN, Voorbeeldfout
from regio.uitvoer.handleiding import (
    FOUTEN_PAGINA,
    VELDEN_PAGINA,
    als_yaml_blok,
    paginas,
    soorten,
    velden,
    veldentabel,
    voorbeeld_invoer,
)
from regio.uitvoer.pages import Opties, bewerk_url_maker, render_pages, url_van
from tests.conftest import FIXTURES, REPO, controleer, meldingen, vervang
from tests.pagina_html import lees

ALLE_SOORTEN = {
    "provincie",
    "programma",
    "onderwijsregio",
    "partnerschap",
    "project",
    "organisatie",
    "persoon",
}


@pytest.fixture(scope="module")
def site() -> Site:
    resultaat = valideer(FIXTURES / "geldig")
    assert resultaat.gegevens is not None
    return Site(resultaat.gegevens, resultaat.geografie)


@pytest.fixture(scope="module")
def pages(site: Site) -> dict[str, str]:
    return render_pages(site, Opties(redactie_pagina="redactie.md"))


def secties(pagina: str) -> dict[str, str]:
    """The text under each '## … {: #id }' heading of a generated page, by id."""
    delen = re.split(r"^#{2,3} .*\{: #([a-z0-9-]+) \}$", pagina, flags=re.MULTILINE)
    return dict(zip(delen[1::2], delen[2::2], strict=True))


def rij(sectie: str, veld: str) -> str:
    [gevonden] = [r for r in sectie.splitlines() if r.startswith(f"| **{md(veld)}** |")]
    return gevonden


# --- Fields per kind --------------------------------------------------------------------------


def test_every_kind_has_its_section_in_file_order(pages: dict[str, str]) -> None:
    assert {s.naam for s in soorten()} == ALLE_SOORTEN
    kopjes = re.findall(r"^## (\w+) \{: #", pages[VELDEN_PAGINA], flags=re.MULTILINE)
    assert kopjes == [
        "Provincie",
        "Programma",
        "Onderwijsregio",
        "Partnerschap",
        "Project",
        "Organisatie",
        "Persoon",
        "Onderdelen",
    ]


def test_every_model_field_appears_with_its_description(pages: dict[str, str]) -> None:
    per_sectie = secties(pages[VELDEN_PAGINA])
    gezien = 0
    for soort in soorten():
        sectie = per_sectie[soort.naam]
        assert f"`data/{soort.bestand}`, in de lijst `{soort.collectie}:`" in sectie
        for naam, info in soort.model.model_fields.items():
            regel = rij(sectie, naam)
            assert info.description, f"{soort.naam}.{naam} heeft geen beschrijving"
            assert f" {md(info.description)} " in regel
            verplicht = "ja" if info.is_required() else "nee"
            assert regel.split(" | ")[1].startswith(verplicht), regel
            gezien += 1
    assert gezien > 70


def test_nested_parts_have_their_own_table(pages: dict[str, str]) -> None:
    per_sectie = secties(pages[VELDEN_PAGINA])
    assert "lat: 52.09" in rij(per_sectie["onderdeel-coordinaten"], "lat")
    assert "`partnerschap: coordinaten`" in per_sectie["onderdeel-coordinaten"]
    assert "Het feit in één of twee zinnen" in rij(per_sectie["onderdeel-feit"], "tekst")
    assert "[feit](#onderdeel-feit)" in rij(per_sectie["programma"], "feiten")


def test_enum_values_and_patterns_are_listed(pages: dict[str, str]) -> None:
    per_sectie = secties(pages[VELDEN_PAGINA])
    for soort in soorten():
        schema = soort.model.model_json_schema()
        for naam, eigenschap in schema["properties"].items():
            waarden = eigenschap.get("enum") or eigenschap.get("items", {}).get("enum") or []
            for waarde in waarden:
                assert f"`{waarde}`" in rij(per_sectie[soort.naam], naam).split(" | ")[3]
    partnerschap = per_sectie["partnerschap"]
    assert "één van `erkend`, `aspirant`, `onbekend`" in rij(partnerschap, "status")
    assert "kleine letters, cijfers en losse streepjes (2 tot 80 tekens)" in rij(partnerschap, "id")
    assert "`NL-` en twee hoofdletters" in rij(per_sectie["provincie"], "code")
    # May be empty only with an explanation in 'onzeker' (a check, so the description says it).
    assert "een lijst; elk: één van `po`" in rij(partnerschap, "sectoren")
    assert "Alleen leeg" in rij(partnerschap, "sectoren")
    # References name the kind they point at, from the reference rules of the checks.
    assert "de id van een [organisatie](#organisatie)" in rij(partnerschap, "penvoerder")
    assert "de id van een [persoon](#persoon)" in rij(per_sectie["provincie"], "regiocoordinator")
    assert "een geldig Nederlands telefoonnummer" in rij(per_sectie["persoon"], "telefoon")
    assert "nee (standaard `false`)" in rij(per_sectie["persoon"], "openbaar")


class Proef(Model):
    """A tiny model, as a developer might add one."""

    kleur: Literal["rood", "groen"] = Field(description="De kleur van het proefje.")
    sinds: date | None = Field(default=None, description="Sinds wanneer.")
    codes: tuple[str, ...] = Field(
        default=(), description="Codes.", json_schema_extra={"minItems": 1}
    )
    merk: str = Field(pattern=r"^[A-Z]{3}$", description="Drie hoofdletters.")


def test_a_tiny_model_becomes_a_table() -> None:
    tabel = veldentabel(velden(Proef))
    assert tabel.splitlines()[2:] == [
        "| **kleur** | ja | De kleur van het proefje\\. | één van `rood`, `groen` | `kleur: rood` |",
        "| **sinds** | nee | Sinds wanneer\\. | een datum als JJJJ-MM-DD | `sinds: 2025-09-01` |",
        "| **codes** | nee | Codes\\. | een lijst, minstens één; elk: tekst | `codes: [Voorbeeld]` |",
        "| **merk** | ja | Drie hoofdletters\\. | tekst volgens het patroon `^[A-Z]{3}$` "
        "| `merk: Voorbeeld` |",
    ]


def test_a_field_added_to_a_real_model_appears_in_its_table() -> None:
    class PartnerschapMetExtra(Partnerschap):
        leerlingen: int | None = Field(default=None, description="Aantal leerlingen.")

    [nieuw] = [v for v in velden(PartnerschapMetExtra, "partnerschap") if v.naam == "leerlingen"]
    regel = rij(veldentabel([nieuw]), "leerlingen")
    assert regel == (
        "| **leerlingen** | nee | Aantal leerlingen\\. | een getal, met een punt als decimaalteken "
        "| `leerlingen: 1` |"
    )


def test_the_full_example_of_every_kind_is_a_valid_entry() -> None:
    for soort in soorten():
        invoer = voorbeeld_invoer(soort, alle_velden=True)
        assert set(invoer) == set(soort.model.model_fields)
        soort.model.model_validate(invoer)


def test_the_new_entry_blocks_validate_when_added_to_the_data(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Paste every 'new entry' block at the end of its collection, as the guide says: the data
    stays valid and stays in the layout of `regio fmt`."""
    assert main(["fmt", "--data-dir", str(data_dir)]) == 0
    nieuw = [s for s in soorten() if not s.vast]
    assert {s.naam for s in nieuw} == ALLE_SOORTEN - {"provincie"}
    for soort in nieuw:
        pad = data_dir / soort.bestand
        regels = pad.read_text(encoding="utf-8").splitlines(keepends=True)
        begin = regels.index(f"{soort.collectie}:\n")
        eind = next(
            (i for i in range(begin + 1, len(regels)) if regels[i][:1] not in (" ", "\n", "#")),
            len(regels),
        )
        blok = als_yaml_blok(soort).splitlines(keepends=True)
        assert blok[0] == f"{soort.collectie}:\n"
        pad.write_text("".join(regels[:eind] + blok[1:] + regels[eind:]), encoding="utf-8")
    resultaat = controleer(data_dir)
    assert meldingen(resultaat) == []
    assert resultaat.gegevens is not None
    assert "opleidingsschool-voorbeeldstad" in {p.id for p in resultaat.gegevens.partnerschappen}
    assert "jan-voorbeeld" in {p.id for p in resultaat.gegevens.personen}
    capsys.readouterr()
    assert main(["fmt", "--check", "--data-dir", str(data_dir)]) == 0, capsys.readouterr().out


def test_the_guide_names_the_kinds_regio_nieuw_knows() -> None:
    context = next(c for pad, _, c in paginas() if pad == VELDEN_PAGINA)
    assert context["nieuw_soorten"] == set(collecties())


def test_fields_are_listed_in_the_order_regio_fmt_writes_them() -> None:
    for soort in soorten():
        assert [v.naam for v in soort.velden] == volgorde(soort.model)


# --- Common errors ----------------------------------------------------------------------------


@pytest.mark.parametrize("voorbeeld", VOORBEELDFOUTEN, ids=lambda v: v.anker)
def test_each_shown_message_is_what_regio_validate_prints(
    voorbeeld: Voorbeeldfout,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    vervang(data_dir, voorbeeld.bestand, voorbeeld.goed, voorbeeld.fout)
    monkeypatch.chdir(data_dir.parent)
    code = main(["validate", "--data-dir", "data"])
    uitvoer = capsys.readouterr()
    assert uitvoer.out.splitlines() == [voorbeeld.melding]
    assert code == (0 if ": waarschuwing: " in voorbeeld.melding else 1)


def test_the_errors_page_shows_each_message_mistake_and_fix(pages: dict[str, str]) -> None:
    per_sectie = secties(pages[FOUTEN_PAGINA])
    assert list(per_sectie) == [v.anker for v in VOORBEELDFOUTEN]
    assert len(VOORBEELDFOUTEN) >= 10
    for voorbeeld in VOORBEELDFOUTEN:
        sectie = per_sectie[voorbeeld.anker]
        assert f"\n    {voorbeeld.melding}\n" in sectie  # a code block, as printed
        for regel in (voorbeeld.fout_weergave or voorbeeld.fout).splitlines():
            assert f"\n    {regel.strip()}" in sectie.replace("    " * 2, "    ")
        assert "**Wat het betekent.**" in sectie
        assert "**Wat u doet.**" in sectie
    assert "(→ is de tab)" in per_sectie["tab"]
    assert '    afkorting: "NO"' in per_sectie["ja-nee-als-tekst"]


# --- Links to the guide -----------------------------------------------------------------------


def _hoe_werkt_dat(pad: str, inhoud: str) -> list[str]:
    """Where the guide links of a page lead (as the URLs of the pages, from the site root)."""
    doelen = re.findall(r'<a href="([^"]+)">(?:Hoe werkt dat\?|Wijziging voorstellen)</a>', inhoud)
    return [
        posixpath.normpath(posixpath.join(url_van(pad), d)) + "/" for d in doelen if "://" not in d
    ]


def test_every_generated_page_with_an_edit_link_links_to_the_guide(site: Site) -> None:
    met_repo = render_pages(
        site,
        Opties(
            bewerk_url=bewerk_url_maker(
                "{repo_url}/blob/main/{pad}#L{regel}", "https://example.org/r", "data"
            ),
            redactie_pagina="redactie.md",
        ),
    )
    met_bewerklink = {p: t for p, t in met_repo.items() if "Wijziging voorstellen" in t}
    aantal_entiteiten = sum(1 for e in site.gegevens.alle() if site.pagina(e[0]))
    assert len(met_bewerklink) == aantal_entiteiten > 5
    for pad, inhoud in met_bewerklink.items():
        assert '<a href="https://example.org/r/blob/main/data/' in inhoud, pad
        assert _hoe_werkt_dat(pad, inhoud) == [url_van("redactie.md")], pad

    # `regio render` has no hand-written pages: the link leads to the generated guide.
    zonder = render_pages(site)
    for pad in met_bewerklink:
        assert _hoe_werkt_dat(pad, zonder[pad]) == [url_van(VELDEN_PAGINA)], pad
        assert VELDEN_PAGINA in zonder


def test_guide_pages_link_to_each_other(pages: dict[str, str]) -> None:
    assert "[Foutmeldingen](foutmeldingen.md)" in pages[VELDEN_PAGINA]
    assert "[handleiding voor de redactie](../redactie.md)" in pages[VELDEN_PAGINA]
    assert "[Velden per soort](velden.md)" in pages[FOUTEN_PAGINA]


def test_the_guide_is_reached_from_its_hand_written_page_not_the_menu() -> None:
    """Visitors' menu holds no editors' pages (the footer links the guide); the guide's own page
    links its parts."""
    config = load_config(str(REPO / "mkdocs.yml"))
    assert not [item for item in config.nav if "Redactie" in item]
    assert config.not_in_nav.match_file("redactie.md")
    assert config.plugins["regio"].config.redactie_pagina == "redactie.md"
    hand = (REPO / "content" / "redactie.md").read_text(encoding="utf-8")
    assert "(redactie/velden.md)" in hand
    assert "(redactie/foutmeldingen.md)" in hand
    assert "(redactie/wat-ontbreekt.md)" in hand


def test_guide_in_a_real_build(tmp_path: Path) -> None:
    """The fixture site with a repository: the guide links work in a strict build."""
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "site", project)
    shutil.copytree(FIXTURES / "geldig", project / "data")
    vervang(
        project,
        "mkdocs.yml",
        "      data_dir: data\n",
        "      data_dir: data\n      repo_url: https://example.org/regio\n",
    )
    site = project / "site"
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(site)))

    redactie = (site / "redactie" / "index.html").resolve()
    pagina_met_link = 0
    for pad in sorted(site.rglob("index.html")):
        pagina = lees(pad)
        bewerk = [a for a in pagina.alle("a") if a.text.strip() == "Wijziging voorstellen"]
        if not bewerk:
            continue
        pagina_met_link += 1
        [uitleg] = [a for a in pagina.alle("a") if a.text.strip() == "Hoe werkt dat?"]
        assert (pad.parent / uitleg.attrs["href"] / "index.html").resolve() == redactie, pad
    assert pagina_met_link >= 8

    velden_html = lees(site / "redactie" / "velden" / "index.html")
    ids = {e.attrs["id"] for e in velden_html.elements if "id" in e.attrs}
    assert ALLE_SOORTEN | {"onderdeel-coordinaten", "onderdeel-feit"} <= ids
    fragmenten = {
        a.attrs["href"][1:] for a in velden_html.alle("a") if a.attrs.get("href", "")[:1] == "#"
    }
    assert fragmenten - ids == set()
    assert len(velden_html.alle("table")) == len(ALLE_SOORTEN) + 2
    fouten_html = lees(site / "redactie" / "foutmeldingen" / "index.html")
    assert VOORBEELDFOUTEN[0].melding in fouten_html.tekst
