"""ProperDocs (the maintained fork of MkDocs 1.6) builds the fixture site with our plugin,
strict, unchanged: the way out should Material and MkDocs stop being maintained."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import FIXTURES, ontbreekt

PROPERDOCS = Path(sys.executable).parent / "properdocs"


def test_a_strict_properdocs_build_with_the_plugin_succeeds(tmp_path: Path) -> None:
    if not PROPERDOCS.is_file():
        ontbreekt(f"{PROPERDOCS} ontbreekt: `make test` installeert het uit requirements-test.lock")
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "site", project)
    shutil.copytree(FIXTURES / "geldig", project / "data")
    resultaat = subprocess.run(
        [str(PROPERDOCS), "build", "--strict"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert resultaat.returncode == 0, resultaat.stderr
    site = project / "site"
    # The plugin ran: the generated pages, the map, the open data and the assets are there.
    pagina = (site / "partnerschappen" / "voorbeeldpartnerschap" / "index.html").read_text()
    assert "Partnerschap Voorbeeld" in pagina
    assert 'lang="nl"' in pagina
    assert (site / "kaart" / "kaart.html").is_file()
    assert (site / "open-data" / "index.html").is_file()
    assert (site / "assets" / "regio" / "regio.css").is_file()
    assert len(list(site.rglob("*.html"))) > 50
    # It is ProperDocs that built it, with Material.
    assert 'content="mkdocs-ProperDocs 1.6.7, mkdocs-material-' in pagina
