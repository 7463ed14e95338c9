"""Every page of the real site is valid HTML, judged by the Nu Html Checker (vnu.jar, from npm).

One JVM checks all pages at once. `make test` installs vnu.jar (package.json); it needs Java 11+.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from tests.conftest import NODE_MODULES, ontbreekt

VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"


# No exceptions: the two errors Material's own templates make are repaired by regio.mkdocs.theme.


def _vnu(paginas: list[Path]) -> list[dict[str, object]]:
    if shutil.which("java") is None:
        ontbreekt("java ontbreekt: installeer een Java-runtime (11+) voor de HTML-controle")
    if not VNU.is_file():
        ontbreekt(f"{VNU} ontbreekt: `make test` installeert het met npm ci")
    resultaat = subprocess.run(
        # Only the quick JIT tier: the long C2 compiles would cost twice the CPU of this one
        # run; with it the checker needs a larger thread stack than Java's default.
        ["java", "-XX:TieredStopAtLevel=1", "-Xss4m", "-jar", str(VNU)]
        + ["--stdout", "--format", "json", "--errors-only"]
        + [str(p) for p in paginas],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    # Exit status 1 just means "errors found"; anything else, or no JSON, is a broken run.
    assert resultaat.returncode in (0, 1), resultaat.stderr
    berichten: list[dict[str, object]] = json.loads(resultaat.stdout)["messages"]
    # "non-document-error" is vnu failing to read a file: never an acceptable outcome.
    return [b for b in berichten if b.get("type") in ("error", "non-document-error")]


def test_every_page_of_the_real_site_is_valid_html(echte_site_map: Path) -> None:
    paginas = sorted(echte_site_map.rglob("*.html"))
    assert len(paginas) > 100  # every generated page, the map document and the 404 page
    assert echte_site_map / "kaart" / "kaart.html" in paginas
    fouten = _vnu(paginas)
    regels = [
        f"{str(f.get('url', '')).removeprefix('file:').removeprefix(str(echte_site_map) + '/')}"
        f":{f.get('lastLine', '?')}: {f.get('message')}"
        f"  [{' '.join(str(f.get('extract', '')).split())[:120]}]"
        for f in fouten
    ]
    assert regels == [], f"{len(regels)} HTML-fouten:\n" + "\n".join(regels[:60])
