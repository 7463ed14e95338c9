"""Real MkDocs builds of a small site into a temporary folder, checked by parsing the HTML."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from tests.conftest import REPO, vervang
from tests.pagina_html import interne_doelen, lees

MKDOCS = Path(sys.executable).parent / "mkdocs"


def _bouw(project: Path, **extra: object) -> Path:
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"), **extra)
    build(config)
    return project / "site"


@pytest.fixture
def site(fixture_site_map: Path) -> Path:
    """The fixture site, built once per run: for the tests that only read it."""
    return fixture_site_map


@pytest.fixture
def vorige_site(project: Path, fixture_site_map: Path) -> Path:
    """``project/site`` as a good earlier build of this same project left it (a copy of the
    shared build: one build less for each test that needs a site to keep)."""
    shutil.copytree(fixture_site_map, project / "site")
    return project / "site"


def test_every_province_page_has_its_coordinators_links(site: Path) -> None:
    for provincie in ("utrecht", "zeeland"):
        pagina = lees(site / "provincies" / provincie / "index.html")
        hrefs = [a.attrs["href"] for a in pagina.alle("a")]
        assert "mailto:anna@example.org" in hrefs
        assert "tel:+31612345678" in hrefs
        assert "Anna Voorbeeld" in pagina.tekst
        assert "06 12345678" in pagina.tekst


def test_entity_pages_exist_for_every_kind(site: Path) -> None:
    for pad in (
        "onderwijsregios/voorbeeldregio",
        "partnerschappen/voorbeeldpartnerschap",
        "projecten/voorbeeldproject",
        "programmas/voorbeeldprogramma",
        "organisaties/voorbeeld-pabo",
        "organisaties/arbeidsmarktplatform-po",
    ):
        assert (site / pad / "index.html").is_file(), pad


def test_every_internal_link_resolves(site: Path) -> None:
    gebroken = []
    aantal = 0
    for pagina in site.rglob("*.html"):
        for href, doel in interne_doelen(site, pagina):
            aantal += 1
            if doel is None:
                gebroken.append(f"{pagina.relative_to(site)}: {href}")
    assert aantal > 100
    assert gebroken == []


def test_references_become_links_both_ways(site: Path) -> None:
    partnerschap = lees(site / "partnerschappen/voorbeeldpartnerschap/index.html")
    hrefs = {a.attrs["href"] for a in partnerschap.alle("a")}
    assert {"../../provincies/utrecht/", "../../provincies/zeeland/"} <= hrefs
    assert "../../organisaties/voorbeeld-pabo/" in hrefs
    pabo = lees(site / "organisaties/voorbeeld-pabo/index.html")
    assert "../../partnerschappen/voorbeeldpartnerschap/" in {
        a.attrs["href"] for a in pabo.alle("a")
    }
    assert "Penvoerder van Partnerschap Voorbeeld" in pabo.tekst


def test_pages_are_dutch_and_show_sources_and_edit_hint(site: Path) -> None:
    pagina = lees(site / "projecten/voorbeeldproject/index.html")
    [html] = pagina.alle("html")
    assert html.attrs["lang"] == "nl"
    assert "https://example.org/project" in {a.attrs["href"] for a in pagina.alle("a")}
    assert "Nog niet nagekeken tegen de bron." in pagina.tekst
    assert "Wijziging voorstellen: pas data/regions.yaml, regel" in pagina.tekst
    zeeland = lees(site / "provincies/zeeland/index.html")
    assert "Nagekeken door de redactie op 15 januari 2024." in zeeland.tekst


def test_edit_link_points_at_the_yaml_line_when_a_repository_is_configured(project: Path) -> None:
    vervang(
        project,
        "mkdocs.yml",
        "      data_dir: data\n",
        "      data_dir: data\n      repo_url: https://example.org/regio\n",
    )
    site = _bouw(project)
    pagina = lees(site / "partnerschappen/voorbeeldpartnerschap/index.html")
    regel = next(
        n
        for n, t in enumerate((project / "data/regions.yaml").read_text().splitlines(), 1)
        if "id: voorbeeldpartnerschap" in t
    )
    links = [a for a in pagina.alle("a") if a.text.strip() == "Wijziging voorstellen"]
    assert [a.attrs["href"] for a in links] == [
        f"https://example.org/regio/blob/main/data/regions.yaml#L{regel}"
    ]


def test_nav_holds_the_overviews_not_every_entity(site: Path) -> None:
    pagina = lees(site / "index.html")
    primair = [
        a.text.strip() for a in pagina.binnen("a", "md-nav--primary") if "md-nav__link" in a.classes
    ]
    assert "Samen Opleiden" in primair
    assert "Partnerschap Voorbeeld" not in primair
    assert len(set(primair)) <= 12
    # A generated entity page carries the same small nav.
    entiteit = lees(site / "partnerschappen/voorbeeldpartnerschap/index.html")
    assert len(entiteit.binnen("a", "md-nav--primary")) == len(
        pagina.binnen("a", "md-nav--primary")
    )


def test_no_third_party_requests_in_the_pages(site: Path) -> None:
    for pad in site.rglob("*.html"):
        pagina = lees(pad)
        bronnen = [e.attrs.get("src", "") for e in pagina.alle("script") + pagina.alle("img")]
        bronnen += [e.attrs.get("href", "") for e in pagina.alle("link")]
        extern = [b for b in bronnen if b.startswith(("http:", "https:", "//"))]
        assert extern == [], pad


def test_hostile_names_stay_text(project: Path) -> None:
    vervang(
        project,
        "regions.yaml".join(["data/", ""]),
        "naam: Partnerschap Voorbeeld",
        'naam: "</title><script>alert(1)</script> [x](javascript:alert(2)) {: onclick=alert(3)}"',
    )
    site = _bouw(project)
    for pad in site.rglob("*.html"):
        pagina = lees(pad)
        assert not [s for s in pagina.alle("script") if "alert" in s.text], pad
        assert not [a for a in pagina.alle("a") if a.attrs.get("href", "").startswith("javascript")]
        assert not [e for e in pagina.elements if "onclick" in e.attrs], pad
    pagina = lees(site / "partnerschappen/voorbeeldpartnerschap/index.html")
    [titel] = pagina.alle("title")
    assert titel.text.startswith("</title><script>alert(1)</script>")
    [kop] = pagina.alle("h1")
    assert "[x](javascript:alert(2))" in kop.text


def test_data_error_aborts_with_the_validators_messages_and_keeps_site(
    project: Path, vorige_site: Path
) -> None:
    site = vorige_site
    voor = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    vervang(project, "data/regions.yaml", "    status: erkend", "    status: erkent")
    vervang(project, "data/contacts.yaml", "telefoon: 06-12345678", "telefoon: 06-1234")

    bouw = subprocess.run(
        [str(MKDOCS), "build"], cwd=project, capture_output=True, text=True, check=False
    )
    validatie = subprocess.run(
        [sys.executable, "-m", "regio", "validate"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert bouw.returncode == 1
    assert validatie.returncode == 1
    assert "Traceback" not in bouw.stderr
    for regel in validatie.stdout.splitlines():
        assert regel in bouw.stderr
    assert len(validatie.stdout.splitlines()) == 2
    na = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert na == voor


def test_data_error_raises_a_clean_abort_in_the_api(project: Path) -> None:
    (project / "data/contacts.yaml").write_text("organisaties: [\n", encoding="utf-8")
    with pytest.raises(Abort):
        _bouw(project)


def test_serve_watches_the_data_directory(project: Path) -> None:
    config = load_config(str(project / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    assert str((project / "data").resolve()) in config.watch


def test_the_real_site_builds_in_strict_mode(echte_site_map: Path) -> None:
    # The shared build reads mkdocs.yml as it is, and that sets strict: true.
    assert load_config(str(REPO / "mkdocs.yml")).strict
    assert (echte_site_map / "provincies/utrecht/index.html").is_file()
    pagina = lees(echte_site_map / "contact/index.html")
    assert len([a for a in pagina.alle("a") if a.attrs.get("href", "").startswith("tel:")]) == 12


def _boom(map_: Path) -> dict[Path, bytes]:
    return {p.relative_to(map_): p.read_bytes() for p in map_.rglob("*") if p.is_file()}


def _restanten(project: Path) -> list[str]:
    return sorted(p.name for p in project.iterdir() if p.name.startswith(".site."))


def test_successful_build_replaces_site_and_leaves_no_temporary_folders(
    project: Path, vorige_site: Path
) -> None:
    site = vorige_site
    (site / "oud-bestand.txt").write_text("van een vorige build", encoding="utf-8")
    _bouw(project)
    assert not (site / "oud-bestand.txt").exists()
    assert (site / "provincies/utrecht/index.html").is_file()
    assert _restanten(project) == []


def test_a_crash_late_in_the_build_keeps_the_old_site(
    project: Path, vorige_site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = vorige_site
    voor = _boom(site)

    def kapot(*args: object, **kwargs: object) -> str:
        raise RuntimeError("schijfruimte op")

    monkeypatch.setattr("regio.mkdocs.files.kaart_html", kapot)
    with pytest.raises(RuntimeError):
        _bouw(project)
    assert _boom(site) == voor
    assert _restanten(project) == []


def test_strict_warnings_keep_the_old_site(project: Path, vorige_site: Path) -> None:
    site = vorige_site
    voor = _boom(site)
    vervang(project, "content/index.md", "[contact](contact.md)", "[contact](bestaat-niet.md)")
    with pytest.raises(Abort):
        _bouw(project, strict=True)
    assert _boom(site) == voor
    assert _restanten(project) == []


def test_reproducible_with_source_date_epoch(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    eerste = _boom(_bouw(project))
    kopie = project.parent / "kopie"
    shutil.copytree(project, kopie, ignore=shutil.ignore_patterns("site"))
    tweede = _boom(_bouw(kopie))
    assert eerste.keys() == tweede.keys()
    verschillend = [str(p) for p in eerste if eerste[p] != tweede[p]]
    assert verschillend == []
    assert len(eerste) > 50


def _artikel(pagina: Path) -> str:
    """The page's own content (theme around it left out), blank lines ignored."""
    tekst = pagina.read_text(encoding="utf-8")
    begin, einde = tekst.index("<article"), tekst.index("</article>")
    return "\n".join(regel for regel in tekst[begin:einde].splitlines() if regel.strip())


def test_plain_mkdocs_renders_the_pages_exactly_like_the_plugin(
    project: Path, site: Path, tmp_path: Path
) -> None:
    """The plugin hands the HTML blocks past Markdown; a plain build of `regio render`'s
    Markdown must give the very same page content."""
    kaal = tmp_path / "kaal"
    shutil.copytree(project / "content", kaal / "docs")
    opdracht = [str(MKDOCS.parent / "regio"), "render", "--data-dir", str(project / "data")]
    opdracht += ["--out", str(kaal / "docs"), "--redactie-pagina", "redactie.md"]
    opdracht += ["--colofon-pagina", "privacy.md"]
    subprocess.run(opdracht, check=True, capture_output=True)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    zonder_plugin = config.replace("docs_dir: content", "docs_dir: docs").replace(
        "  - regio:\n      data_dir: data\n      redactie_pagina: redactie.md\n"
        "      colofon_pagina: privacy.md\n      kaart_tiles: none\n",
        "",
    )
    assert "regio" not in zonder_plugin.split("plugins:")[1].split("markdown_extensions")[0]
    (kaal / "mkdocs.yml").write_text(zonder_plugin.replace("strict: true", ""), encoding="utf-8")
    build(load_config(str(kaal / "mkdocs.yml"), site_dir=str(kaal / "site")))

    vergeleken = 0
    for pagina in sorted((kaal / "site").rglob("index.html")):
        pad = pagina.relative_to(kaal / "site")
        if "<article" in pagina.read_text(encoding="utf-8"):
            assert _artikel(site / pad) == _artikel(pagina), pad
            vergeleken += 1
    assert vergeleken >= 17  # every generated page and the hand-written ones


def test_search_finds_the_facts_not_the_page_footer(site: Path) -> None:
    """Sources, when they were checked and the edit link are on every page: searching for them
    would list every page, so they stay out of the search index."""
    import json

    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    teksten = [d["text"] for d in index["docs"] if d["location"].startswith("partnerschappen/voor")]
    assert teksten and any("Erkend" in tekst for tekst in teksten)
    assert not any("nagekeken" in tekst or "Wijziging" in tekst for tekst in teksten)
    pagina = (site / "partnerschappen/voorbeeldpartnerschap/index.html").read_text()
    assert "Nog niet nagekeken tegen de bron" in pagina  # still on the page itself
