"""Our adjustments to Material: the HTML repairs and the navigation cache (see regio.mkdocs.theme),
and how they stop the build when Material's markup no longer fits them."""

from __future__ import annotations

import logging
import re
from functools import partial
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from jinja2 import Environment, FileSystemLoader
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

from regio.mkdocs import theme as thema
from regio.mkdocs.theme import Navigatiecache, herstel, met_navigatiecache

TOGGLES = (
    '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
    '<input type="text" class="md-search__input" name="query" autocomplete="off">'
)
ZONDER = (
    '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'
    '<input type="text" class="md-search__input" name="query" autocomplete="off">'
)
TOC_LABEL = '<label class="md-nav__title" for="__toc">\n<span></span>\nInhoud\n</label>'


def test_checkbox_loses_autocomplete_but_the_search_field_keeps_it() -> None:
    assert herstel(TOGGLES) == ZONDER


def test_toc_label_without_its_input_becomes_a_heading() -> None:
    assert herstel(TOGGLES + TOC_LABEL) == (
        ZONDER + '<div class="md-nav__title">\n<span></span>\nInhoud\n</div>'
    )


def test_toc_label_stays_when_the_page_has_the_toggle() -> None:
    pagina = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">' + TOC_LABEL
    assert herstel(TOGGLES + pagina) == ZONDER + pagina


def test_a_page_without_the_checkbox_to_repair_is_an_error_naming_it() -> None:
    with pytest.raises(PluginError, match=r"contact\.md heeft geen checkbox.*herstel: false"):
        herstel(ZONDER, "contact.md")


def test_a_toc_label_the_repair_does_not_recognise_is_an_error() -> None:
    anders = '<label for="__toc" class="md-nav__title">Inhoud</label>'
    with pytest.raises(PluginError, match=r'label for="__toc" op x\.md'):
        herstel(TOGGLES + anders, "x.md")


def test_changed_material_markup_stops_the_build_naming_the_page(
    project: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(thema, "_CHECKBOX_AUTOCOMPLETE", re.compile("(bestaat-niet)"))
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build(load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site")))
    assert re.search(r'(404\.html|\.md) heeft geen checkbox met autocomplete="off"', caplog.text)
    assert not (project / "site").exists()


def _pagina(url: str) -> Any:
    return SimpleNamespace(url=url, file=SimpleNamespace(src_uri=url.rstrip("/") + ".md"))


def test_navigation_cache_renders_once_per_folder_and_checks_the_second_page() -> None:
    cache, nav = Navigatiecache(), SimpleNamespace(pages=[])
    aanroepen: list[str] = []

    def nav_html(url: str) -> str:
        aanroepen.append(url)
        return "<nav>"

    for url in ("a/x/", "a/y/", "a/z/", "b/x/"):
        assert cache(_pagina(url), nav, partial(nav_html, url)) == "<nav>"
    assert aanroepen == ["a/x/", "a/y/", "b/x/"]
    assert cache.gemist == 2


def test_a_navigation_that_differs_within_a_folder_is_an_error() -> None:
    cache, nav = Navigatiecache(), SimpleNamespace(pages=[])
    cache(_pagina("a/x/"), nav, lambda: "<nav>")
    with pytest.raises(PluginError, match=r"a/y\.md verschilt.*navigatiecache: false"):
        cache(_pagina("a/y/"), nav, lambda: "<nav> met a/y")


def test_a_missing_navigation_partial_stops_the_build(
    project: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(thema, "NAV_PARTIAL", "partials/nav-weg.html")
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build(load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site")))
    assert "partials/nav-weg.html ontbreekt" in caplog.text
    assert "navigatiecache: false" in caplog.text


def test_a_base_template_without_the_navigation_partial_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials/nav.html").write_text("<nav></nav>", encoding="utf-8")
    (tmp_path / "base.html").write_text("{% include 'partials/andere-nav.html' %}", "utf-8")
    env = Environment(loader=FileSystemLoader([str(thema.THEMA_MAP), str(tmp_path)]))
    with pytest.raises(PluginError, match=r"base\.html gebruikt partials/nav\.html niet meer"):
        met_navigatiecache(env, [str(thema.THEMA_MAP), str(tmp_path)])
    met_navigatiecache(env, [str(thema.THEMA_MAP), str(tmp_path)], aan=False)  # off: no check


# --- Deferred scripts (regio.mkdocs.theme.uitgesteld, called from our main.html) ----------

BUNDEL = '<script src="assets/javascripts/bundle.a5f9d56c.min.js"></script>'


def test_the_bundle_and_our_scripts_get_defer_and_keep_their_order() -> None:
    blok = (
        f"\n  {BUNDEL}\n"
        '  <script src="assets/regio/regio.js"></script>\n'
        '  <script src="x.js" type="module" defer></script>\n'
    )
    assert thema.uitgesteld(blok) == (
        '\n  <script src="assets/javascripts/bundle.a5f9d56c.min.js" defer></script>\n'
        '  <script src="assets/regio/regio.js" defer></script>\n'
        '  <script src="x.js" type="module" defer></script>\n'
    )


def test_a_scripts_block_without_materials_bundle_stops_the_build() -> None:
    with pytest.raises(PluginError, match="laadt geen assets/javascripts/bundle"):
        thema.uitgesteld('<script src="assets/regio/regio.js"></script>')


def test_an_inline_script_in_the_scripts_block_stops_the_build() -> None:
    # It would run before the deferred bundle it may need.
    with pytest.raises(PluginError, match="niet uitgesteld kan worden"):
        thema.uitgesteld(BUNDEL + "<script>app.start()</script>")
