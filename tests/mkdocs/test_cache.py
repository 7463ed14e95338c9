"""Rebuilds while serving reuse what did not change, and give exactly what a fresh build gives."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

from regio.gegevens.validate import Resultaat, valideer
from regio.mkdocs.cache import Paginacache
from tests.conftest import vervang


def _bestanden(site: Path) -> dict[str, bytes]:
    # sitemap.xml.gz carries the time of the build in its gzip header.
    return {
        str(p.relative_to(site)): p.read_bytes()
        for p in sorted(site.rglob("*"))
        if p.is_file() and p.name != "sitemap.xml.gz"
    }


def _config(project: Path, site: Path) -> MkDocsConfig:
    return load_config(str(project / "mkdocs.yml"), site_dir=str(site))


@contextmanager
def _serve(project: Path, site: Path) -> Iterator[Callable[[], MkDocsConfig]]:
    """A first build as `mkdocs serve` starts it; yields a rebuild as it does one after a save
    (the configuration read again, the plugin instance kept). A plain build afterwards."""
    eerste = _config(project, site)
    eerste.plugins.on_startup(command="serve", dirty=False)

    def herbouw() -> MkDocsConfig:
        config = _config(project, site)
        build(config)
        return config

    try:
        build(eerste)
        yield herbouw
    finally:
        eerste.plugins.on_startup(command="build", dirty=False)


def test_rebuild_after_a_data_edit_equals_a_fresh_build(project: Path, tmp_path: Path) -> None:
    serve_site = tmp_path / "serve"
    with _serve(project, serve_site) as herbouw:
        vervang(project / "data", "regions.yaml", "naam: Partnerschap Voorbeeld", "naam: Anders")
        cache = herbouw().plugins["regio"].cache  # type: ignore[attr-defined]
        assert isinstance(cache, Paginacache)
        geraakt = set(cache.geraakt)

    vers = tmp_path / "vers"
    build(_config(project, vers))
    assert _bestanden(serve_site) == _bestanden(vers)
    assert "Anders" in (vers / "partnerschappen/voorbeeldpartnerschap/index.html").read_text()
    # Pages that show the partnership were rendered again; the others came from the cache.
    assert "partnerschappen/voorbeeldpartnerschap.md" not in geraakt
    assert "partnerschappen/index.md" not in geraakt
    assert "provincies/utrecht.md" not in geraakt  # lists its partnerships
    assert {"programmas/voorbeeldprogramma.md", "contact.md"} <= geraakt


def test_a_content_edit_does_not_validate_again(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    aanroepen: list[Path] = []

    def tellend(data_dir: Path, **opties: object) -> Resultaat:
        aanroepen.append(data_dir)
        return valideer(data_dir, **opties)  # type: ignore[arg-type]

    monkeypatch.setattr("regio.mkdocs.plugin.valideer", tellend)
    site = tmp_path / "serve"
    with _serve(project, site) as herbouw:
        index = project / "content/index.md"
        index.write_text(index.read_text(encoding="utf-8") + "\nNieuwe zin.\n", encoding="utf-8")
        herbouw()
        assert len(aanroepen) == 1
        vervang(project / "data", "regions.yaml", "naam: Zeeland", "naam: Zeeland2")
        herbouw()
        assert len(aanroepen) == 2
    assert "Nieuwe zin." in (site / "index.html").read_text(encoding="utf-8")
    assert "Zeeland2" in (site / "provincies/zeeland/index.html").read_text(encoding="utf-8")


def test_a_changed_navigation_reuses_nothing(project: Path, tmp_path: Path) -> None:
    site = tmp_path / "serve"
    with _serve(project, site) as herbouw:
        mkdocs_yml = project / "mkdocs.yml"
        tekst = mkdocs_yml.read_text(encoding="utf-8")
        mkdocs_yml.write_text(tekst.replace("- Contact: contact.md", "- Bellen: contact.md"))
        assert not herbouw().plugins["regio"].cache.geraakt  # type: ignore[attr-defined]
    assert "Bellen" in (site / "partnerschappen/voorbeeldpartnerschap/index.html").read_text()


def test_a_plain_build_keeps_no_cache(project: Path, tmp_path: Path) -> None:
    config = _config(project, tmp_path / "site")
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    cache = config.plugins["regio"].cache  # type: ignore[attr-defined]
    assert isinstance(cache, Paginacache)
    assert not cache.aan and not cache.huidige and not cache.onthouden and cache.resultaat is None


def test_a_new_repository_address_reaches_every_page(project: Path, tmp_path: Path) -> None:
    site = tmp_path / "serve"
    with _serve(project, site) as herbouw:
        mkdocs_yml = project / "mkdocs.yml"
        tekst = mkdocs_yml.read_text(encoding="utf-8")
        mkdocs_yml.write_text(
            tekst.replace(
                "      data_dir: data\n",
                "      data_dir: data\n      repo_url: https://example.org/r\n",
            ),
            encoding="utf-8",
        )
        herbouw()
    pagina = (site / "partnerschappen/voorbeeldpartnerschap/index.html").read_text()
    assert 'href="https://example.org/r/blob/main/data/regions.yaml#L' in pagina


def test_a_new_heading_of_an_untitled_nav_entry_reaches_every_page(
    project: Path, tmp_path: Path
) -> None:
    """A nav entry without a title shows the page's H1, which MkDocs only knows after on_nav."""
    vervang(project, "mkdocs.yml", "  - Privacy en colofon: privacy.md", "  - privacy.md")
    site = tmp_path / "serve"
    with _serve(project, site) as herbouw:
        vervang(project, "content/privacy.md", "# Privacy", "# Privacy en meer")
        herbouw()
    vers = tmp_path / "vers"
    build(_config(project, vers))
    assert (
        "Privacy en meer" in (vers / "partnerschappen/voorbeeldpartnerschap/index.html").read_text()
    )
    assert _bestanden(site) == _bestanden(vers)


def test_an_edited_theme_override_reaches_every_page(project: Path, tmp_path: Path) -> None:
    vervang(project, "mkdocs.yml", "  font: false\n", "  font: false\n  custom_dir: overrides\n")
    main = project / "overrides/main.html"
    main.parent.mkdir()
    blok = '{% extends "base.html" %}\n{% block announce %}MELDING{% endblock %}\n'
    main.write_text(blok.replace("MELDING", "Eerste melding"), encoding="utf-8")
    site = tmp_path / "serve"
    with _serve(project, site) as herbouw:
        main.write_text(blok.replace("MELDING", "Tweede melding"), encoding="utf-8")
        herbouw()
    vers = tmp_path / "vers"
    build(_config(project, vers))
    assert (
        "Tweede melding" in (vers / "partnerschappen/voorbeeldpartnerschap/index.html").read_text()
    )
    assert _bestanden(site) == _bestanden(vers)


def test_a_search_plugin_without_the_wrapped_method_stops_the_build(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from material.plugins.search.plugin import SearchIndex  # type: ignore[import-untyped]

    monkeypatch.delattr(SearchIndex, "add_entry_from_context")
    with caplog.at_level(logging.ERROR), pytest.raises(Abort), _serve(project, tmp_path / "s"):
        pass
    assert "De zoekplugin (material/search) is veranderd" in caplog.text
    assert "paginacache: false" in caplog.text
