"""Our adjustments to Material: the HTML repairs and the navigation cache (see regio.mkdocs.theme)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from regio.mkdocs.theme import herstel
from tests.conftest import FIXTURES

TOGGLES = (
    '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
    '<input type="text" class="md-search__input" name="query" autocomplete="off">'
)
TOC_LABEL = '<label class="md-nav__title" for="__toc">\n<span></span>\nInhoud\n</label>'


def test_checkbox_loses_autocomplete_but_the_search_field_keeps_it() -> None:
    assert herstel(TOGGLES) == (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'
        '<input type="text" class="md-search__input" name="query" autocomplete="off">'
    )


def test_toc_label_without_its_input_becomes_a_heading() -> None:
    assert herstel(TOC_LABEL) == '<div class="md-nav__title">\n<span></span>\nInhoud\n</div>'


def test_toc_label_stays_when_the_page_has_the_toggle() -> None:
    pagina = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">' + TOC_LABEL
    assert herstel(pagina) == pagina


def test_navigation_cache_changes_no_byte(tmp_path: Path) -> None:
    """Every page is the same with the cached navigation as with Material rendering it per page,
    and the cache did its work (one navigation per folder, not one per page)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from regio.mkdocs import theme as thema

    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "site", project)
    shutil.copytree(FIXTURES / "geldig", project / "data")
    gebruikt: list[thema.Navigatiecache] = []
    origineel = thema.met_navigatiecache

    def onthoud(*args: Any) -> thema.Navigatiecache:
        gebruikt.append(origineel(*args))
        return gebruikt[-1]

    sites = {}
    for cache in (True, False):
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / f"site-{cache}"))
        config.plugins["regio"].config.navigatiecache = cache
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr("regio.mkdocs.plugin.met_navigatiecache", onthoud)
            build(config)
        sites[cache] = {
            p.relative_to(tmp_path / f"site-{cache}"): p.read_bytes()
            for p in (tmp_path / f"site-{cache}").rglob("*.html")
        }
    assert sites[True] == sites[False]
    met, zonder = gebruikt
    pagina_s = len([p for p in sites[True] if p.name == "index.html"])
    assert 0 < met.gemist < pagina_s / 2
    assert zonder.gemist == 0 and not zonder.bewaard
