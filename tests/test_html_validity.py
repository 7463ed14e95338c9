"""Every page of the real site is valid HTML, judged by the Nu Html Checker (vnu.jar, from npm).

One JVM checks all pages at once. `make test` installs vnu.jar (package.json); it needs Java 11+.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import NODE_MODULES, ontbreekt

VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"


@dataclass(frozen=True)
class Uitzondering:
    """An error from the Material theme's own templates that no setting of ours can prevent."""

    melding: re.Pattern[str]
    fragment: str  # must occur in vnu's "extract" of the offending markup
    reden: str

    def geldt(self, fout: dict[str, object]) -> bool:
        return bool(self.melding.fullmatch(str(fout.get("message", "")))) and self.fragment in str(
            fout.get("extract", "")
        )


# Matched on the message *and* the markup, so the same mistake in our own HTML still fails.
THEMA = (
    Uitzondering(
        re.compile(r"Attribute “autocomplete” is only allowed when the input type is .*"),
        'class="md-toggle" data-md-toggle=',
        # material/templates/base.html: the drawer and search toggles are checkboxes with
        # autocomplete="off", on purpose: it stops Firefox from restoring their checked state
        # after back/forward navigation (an open drawer or search on return).
        "Material base.html: autocomplete=off op de lade- en zoekschakelaars (bewust, Firefox)",
    ),
    Uitzondering(
        re.compile(
            r"The value of the “for” attribute of the “label” element must be the ID of a "
            r"non-hidden form control\."
        ),
        'class="md-nav__title" for="__toc"',
        # material/templates/partials/toc.html always labels the table of contents for="__toc",
        # but partials/nav-item.html only renders <input id="__toc"> for a page that is in the
        # nav. Our generated entity pages and news items are deliberately not in the nav.
        "Material toc.html: label for=__toc op pagina's buiten de navigatie",
    ),
)


def _vnu(paginas: list[Path]) -> list[dict[str, object]]:
    if shutil.which("java") is None:
        ontbreekt("java ontbreekt: installeer een Java-runtime (11+) voor de HTML-controle")
    if not VNU.is_file():
        ontbreekt(f"{VNU} ontbreekt: `make test` installeert het met npm ci")
    resultaat = subprocess.run(
        ["java", "-jar", str(VNU), "--stdout", "--format", "json", "--errors-only"]
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
    fouten = [f for f in _vnu(paginas) if not any(u.geldt(f) for u in THEMA)]
    regels = [
        f"{str(f.get('url', '')).removeprefix('file:').removeprefix(str(echte_site_map) + '/')}"
        f":{f.get('lastLine', '?')}: {f.get('message')}"
        f"  [{' '.join(str(f.get('extract', '')).split())[:120]}]"
        for f in fouten
    ]
    assert regels == [], f"{len(regels)} HTML-fouten:\n" + "\n".join(regels[:60])
