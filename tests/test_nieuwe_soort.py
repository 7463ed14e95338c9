"""A new kind of entity touches its model, the registry and its templates, nothing else.

The throwaway kind ``Proefsoort`` exists only in this test: registered at runtime in the registry,
with page templates the test provides, it validates from YAML (errors carry their path), gets
pages, appears in the open data, the JSON Schema, the editors' guide and `regio nieuw`.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

import pytest
from jinja2 import ChoiceLoader, DictLoader
from pydantic import Field

from regio.cli import main
from regio.gegevens import registry
from regio.gegevens.model import Entiteit, Verwijzing
from regio.gegevens.problems import Veldpad
from regio.gegevens.schema import schemas
from regio.site import Site
from regio.uitvoer import export, handleiding, pages
from tests.conftest import controleer, meldingen


class Proefsoort(Entiteit):
    """A throwaway kind, for this test only."""

    kleur: Literal["rood", "groen"] = Field(description="De kleur van het proefje.")
    organisatie: Verwijzing | None = Field(default=None, description="id van een organisatie.")


TEMPLATES = {
    "testsoorten.md.j2": "# Proefjes\n\n{% call blok() %}\n<ul>\n"
    "{% for e in site.gesorteerd('testsoorten') %}<li>{{ p.link(e) }}</li>{% endfor %}\n"
    "</ul>\n{% endcall %}\n",
    "testsoort.md.j2": "---\ntitle: {{ e.naam | titel }}\n---\n\n# {{ e.naam | md }}\n\n"
    "{% call blok() %}\n<p>Kleur: {{ e.kleur }}</p>\n{% endcall %}\n{{ p.voet(e) }}\n",
}

INVOER = """
testsoorten:
  - id: proefje-een
    naam: Proefje <een>
    kleur: rood
    organisatie: voorbeeld-pabo
    bron:
      - https://example.org/proefje
"""


@pytest.fixture
def testsoort(monkeypatch: pytest.MonkeyPatch) -> Iterator[registry.Collectie]:
    collectie = registry.Collectie(
        "testsoorten",
        "testsoort",
        "proefjes",
        "regions.yaml",
        Proefsoort,
        "Proefjes.",
        "Proefjes",
        map="testsoorten",
        overzicht="testsoorten.md.j2",
        pagina="testsoort.md.j2",
        nieuw=True,
        verwijzingen={"organisatie": "organisaties"},
    )
    monkeypatch.setitem(registry.COLLECTIES, collectie.naam, collectie)
    monkeypatch.setattr(
        pages._ENV, "loader", ChoiceLoader([DictLoader(TEMPLATES), pages._ENV.loader])
    )
    yield collectie


def _met_testsoort(data_dir: Path, invoer: str = INVOER) -> None:
    regios = data_dir / "regions.yaml"
    regios.write_text(regios.read_text(encoding="utf-8") + invoer, encoding="utf-8")


def test_the_new_kind_validates_from_yaml(testsoort: registry.Collectie, data_dir: Path) -> None:
    _met_testsoort(data_dir)
    resultaat = controleer(data_dir)
    assert resultaat.geldig, meldingen(resultaat)
    assert resultaat.gegevens is not None
    assert [e.naam for e in resultaat.gegevens.van(Proefsoort)] == ["Proefje <een>"]

    _met_testsoort(data_dir, "  - id: proefje-twee\n    naam: Twee\n    kleur: paars\n")
    fout = next(p for p in controleer(data_dir).problemen if "paars" in p.melding)
    assert fout.melding.startswith("testsoort 'proefje-twee': 'paars' is geen geldige waarde")
    assert fout.waar == Veldpad("testsoorten", "proefje-twee", ("kleur",))


def test_references_of_the_new_kind_come_from_the_registry(
    testsoort: registry.Collectie, data_dir: Path
) -> None:
    _met_testsoort(data_dir, INVOER.replace("organisatie: voorbeeld-pabo", "organisatie: niemand"))
    [fout] = [p for p in controleer(data_dir).problemen if p.is_fout]
    assert "testsoort 'proefje-een': 'organisatie' verwijst naar 'niemand'" in fout.melding
    assert fout.waar == Veldpad("testsoorten", "proefje-een", ("organisatie",))


def test_the_new_kind_gets_pages_open_data_a_schema_and_the_guide(
    testsoort: registry.Collectie, data_dir: Path
) -> None:
    _met_testsoort(data_dir)
    resultaat = controleer(data_dir)
    assert resultaat.gegevens is not None
    site = Site(resultaat.gegevens, resultaat.geografie)

    paginas = pages.render_pages(site)
    assert "<li><a" in paginas["testsoorten/index.md"]
    pagina = paginas["testsoorten/proefje-een.md"]
    assert "Proefje &lt;een&gt;" in pagina  # escaped like every other page
    assert "data/regions.yaml, regel" in pagina  # the edit link points at its line

    bestanden = {b.pad: b for b in export.bestanden(site)}
    document = json.loads(bestanden[export.JSON_BESTAND].inhoud)
    assert [e["id"] for e in document["testsoorten"]] == ["proefje-een"]
    assert document["over"]["aantallen"]["testsoorten"] == 1
    rijen = list(
        csv.reader(
            io.StringIO(bestanden["csv/testsoorten.csv"].inhoud.decode("utf-8-sig")), delimiter=";"
        )
    )
    assert rijen[0][:2] == ["id", "naam"] and "kleur" in rijen[0]
    assert "testsoorten" in export.export_schema()["properties"]
    assert "testsoorten" in schemas()["regions.schema.json"]["properties"]

    velden = next(c for p, _, c in handleiding.paginas() if p == handleiding.VELDEN_PAGINA)
    soort = next(s for s in velden["soorten"] if s.naam == "testsoort")
    kleur = next(v for v in soort.velden if v.naam == "kleur")
    assert "één van `rood`, `groen`" in kleur.toegestaan
    organisatie = next(v for v in soort.velden if v.naam == "organisatie")
    assert "de id van een [organisatie]" in organisatie.toegestaan
    assert "testsoort" in velden["nieuw_soorten"]


def test_regio_nieuw_adds_the_new_kind(
    testsoort: registry.Collectie, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [
            *("nieuw", "testsoort", "--geen-vragen", "--naam", "Proefje Drie"),
            *("--kleur", "groen", "--bron", "https://example.org/drie"),
            *("--data-dir", str(data_dir)),
        ]
    )
    assert code == 0, capsys.readouterr().out
    resultaat = controleer(data_dir)
    assert resultaat.geldig, meldingen(resultaat)
    assert resultaat.gegevens is not None
    assert [e.id for e in resultaat.gegevens.van(Proefsoort)] == ["proefje-drie"]
