"""Each speed-up of the plugin can be switched off, and the built site stays byte-identical; the
repairs, switched off, leave exactly Material's own HTML."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from regio.mkdocs import bytecode
from regio.mkdocs.bytecode import Sjablooncode
from regio.mkdocs.cache import Paginacache
from regio.mkdocs.theme import Navigatiecache, herstel
from tests.conftest import vervang
from tests.mkdocs.test_cache import _serve


def _bouw(project: Path, site: Path, **opties: bool) -> dict[str, bytes]:
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    for naam, waarde in opties.items():
        setattr(config.plugins["regio"].config, naam, waarde)
    build(config)
    return {
        str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()
    }


@pytest.fixture(autouse=True)
def _reproduceerbaar(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # sitemap.xml.gz holds a time


@pytest.mark.parametrize("optie", ["htmlblokken", "navigatiecache", "sjablooncache"])
def test_a_speed_up_switched_off_changes_no_byte(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, optie: str
) -> None:
    gebruikt: list[Navigatiecache] = []
    monkeypatch.setattr(Navigatiecache, "__init__", _onthoud(gebruikt))
    if optie == "sjablooncache":
        # A cache of its own: the first build compiles every template, the next ones reuse
        # them. (The other switches build with the process's cache, warm from earlier builds.)
        sjablonen = Sjablooncode()
        monkeypatch.setattr(bytecode, "PROCES", sjablonen)
        _bouw(project, tmp_path / "eerst")
        gebruikt.clear()
    sjablonen = bytecode.PROCES
    eerst = sjablonen.gecompileerd
    aan = _bouw(project, tmp_path / "aan", **{optie: True})
    geladen, gecompileerd = sjablonen.geladen, sjablonen.gecompileerd - eerst
    uit = _bouw(project, tmp_path / "uit", **{optie: False})
    assert len(aan) > 50
    assert aan == uit
    if optie == "sjablooncache":  # the second build reused what the first compiled
        assert eerst > 10 and geladen > 10 * gecompileerd
        # switched off, it compiled its templates itself
        assert (sjablonen.geladen, sjablonen.gecompileerd - eerst) == (geladen, gecompileerd)
    if optie == "navigatiecache":  # and it did its work: one navigation per folder
        met, zonder = gebruikt
        assert 0 < met.gemist < len([p for p in aan if p.endswith("index.html")]) / 2
        assert zonder.gemist == 0 and not zonder.bewaard


def _onthoud(gebruikt: list[Navigatiecache]) -> Callable[[Navigatiecache, bool], None]:
    origineel = Navigatiecache.__init__

    def init(self: Navigatiecache, aan: bool = True) -> None:
        origineel(self, aan)
        gebruikt.append(self)

    return init


def test_the_repairs_switched_off_leave_materials_html(project: Path, tmp_path: Path) -> None:
    aan = _bouw(project, tmp_path / "aan", herstel=True)
    uit = _bouw(project, tmp_path / "uit", herstel=False)
    assert aan.keys() == uit.keys()
    pagina_s = [p for p in uit if p.endswith(".html") and p != "kaart/kaart.html"]
    assert all(b'autocomplete="off"' in uit[p] and uit[p] != aan[p] for p in pagina_s)
    hersteld = {p: herstel(uit[p].decode(), p).encode() for p in pagina_s}
    assert {**uit, **hersteld} == aan


def test_a_serve_rebuild_without_the_page_cache_gives_the_same_bytes(
    project: Path, tmp_path: Path
) -> None:
    sites: dict[bool, dict[str, bytes]] = {}
    for aan in (True, False):
        kopie = tmp_path / f"project-{aan}"
        shutil.copytree(project, kopie)
        if not aan:
            vervang(
                kopie,
                "mkdocs.yml",
                "      data_dir: data\n",
                "      data_dir: data\n      paginacache: false\n",
            )
        site = tmp_path / f"serve-{aan}"
        with _serve(kopie, site) as herbouw:
            vervang(kopie / "data", "regions.yaml", "naam: Zeeland", "naam: Zeeland2")
            cache = herbouw().plugins["regio"].cache  # type: ignore[attr-defined]
            assert isinstance(cache, Paginacache)
            assert bool(cache.geraakt) is aan
        sites[aan] = {
            str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()
        }
    assert b"Zeeland2" in sites[True]["provincies/zeeland/index.html"]
    assert sites[True] == sites[False]
