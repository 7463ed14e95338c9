"""The GitHub workflows and the git hooks: valid, doing what matters, and in step with the Makefile."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import FIXTURES, REPO, regel

BIN = Path(sys.executable).parent
WORKFLOWS = REPO / ".github" / "workflows"
CI = WORKFLOWS / "ci.yml"
PAGES = WORKFLOWS / "pages.yml"
PRE_COMMIT = REPO / ".pre-commit-config.yaml"


def lees_workflow(pad: Path) -> dict[str, Any]:
    data: dict[Any, Any] = yaml.safe_load(pad.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as true.
    if True in data:
        data["on"] = data.pop(True)
    return data


def stappen(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [stap for job in workflow["jobs"].values() for stap in job.get("steps", [])]


def run_opdrachten(workflow: dict[str, Any]) -> list[str]:
    return [stap["run"] for stap in stappen(workflow) if "run" in stap]


def check_jsonschema(*paden: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            str(BIN / "check-jsonschema"),
            "--builtin-schema",
            "vendor.github-workflows",
            *map(str, paden),
        ],
        capture_output=True,
        text=True,
        check=False,
    )


# --- Against GitHub's workflow schema (vendored in check-jsonschema: no network) ---------------


def test_both_workflows_match_the_github_workflow_schema() -> None:
    resultaat = check_jsonschema(CI, PAGES)
    assert resultaat.returncode == 0, resultaat.stdout + resultaat.stderr


def test_the_schema_check_refuses_a_broken_workflow(tmp_path: Path) -> None:
    kapot = tmp_path / "kapot.yml"
    kapot.write_text(
        "on: [pull_request]\njobs:\n  test:\n    step:\n      - run: make test\n", encoding="utf-8"
    )
    resultaat = check_jsonschema(kapot)
    assert resultaat.returncode == 1
    assert "kapot.yml" in resultaat.stdout


# --- What the workflows do --------------------------------------------------------------------


def test_ci_runs_every_check_on_pull_requests() -> None:
    ci = lees_workflow(CI)
    assert "pull_request" in ci["on"]
    assert ci["on"]["push"]["branches"] == ["main"]
    opdrachten = run_opdrachten(ci)
    # Strict: a warning (an entry without 'bron') fails the pull request.
    assert ".venv/bin/regio validate --format github --strict" in opdrachten
    assert ".venv/bin/regio fmt --check" in opdrachten
    assert "make site" in opdrachten
    # The tests run through .ci/run, which installs Chromium, Java and npm and runs `make test`.
    assert "bash .ci/run" in opdrachten
    assert "\nmake test\n" in (REPO / ".ci" / "run").read_text(encoding="utf-8")
    [tests] = [
        job for job in ci["jobs"].values() if "bash .ci/run" in run_opdrachten({"jobs": {"j": job}})
    ]
    assert tests["container"].startswith("python:3.11-")


def test_ci_has_least_privileges_a_timeout_and_cancels_superseded_runs() -> None:
    ci = lees_workflow(CI)
    assert ci["permissions"] == {"contents": "read"}
    assert all("permissions" not in job for job in ci["jobs"].values())
    assert all(isinstance(job["timeout-minutes"], int) for job in ci["jobs"].values())
    assert "cancel-in-progress" in ci["concurrency"]
    assert "github.event.pull_request.number" in ci["concurrency"]["group"]


def test_python_is_3_11_with_a_pip_cache() -> None:
    for pad in (CI, PAGES):
        setups = [
            s
            for s in stappen(lees_workflow(pad))
            if s.get("uses", "").startswith("actions/setup-python@")
        ]
        assert setups, pad.name
        for setup in setups:
            assert setup["with"]["python-version"] == "3.11"
            assert setup["with"]["cache"] == "pip"
            assert "requirements-site.lock" in setup["with"]["cache-dependency-path"]


def test_pages_builds_and_deploys_only_from_main() -> None:
    pages = lees_workflow(PAGES)
    assert set(pages["on"]) == {"push", "workflow_dispatch"}
    assert pages["on"]["push"] == {"branches": ["main"]}
    assert pages["permissions"] == {"contents": "read"}
    bouwen, publiceren = pages["jobs"]["bouwen"], pages["jobs"]["publiceren"]

    [bouw] = [s for s in bouwen["steps"] if s.get("run") == "make site"]
    assert bouw["env"]["REGIO_REPO_URL"] == "https://github.com/${{ github.repository }}"
    gebruikt = [s.get("uses", "").split("@")[0] for s in bouwen["steps"]]
    assert gebruikt.index("actions/configure-pages") < gebruikt.index(
        "actions/upload-pages-artifact"
    )
    [upload] = [
        s for s in bouwen["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@")
    ]
    assert upload["with"]["path"] == "site"
    assert "pages: write" not in yaml.safe_dump(bouwen.get("permissions", {}))
    assert "id-token" not in bouwen.get("permissions", {})

    assert publiceren["needs"] == "bouwen"
    assert publiceren["if"] == "github.ref == 'refs/heads/main'"
    assert publiceren["permissions"] == {"pages": "write", "id-token": "write"}
    assert publiceren["environment"] == {
        "name": "github-pages",
        "url": "${{ steps.deployment.outputs.page_url }}",
    }
    [deploy] = publiceren["steps"]
    assert deploy["id"] == "deployment"
    assert deploy["uses"].startswith("actions/deploy-pages@")
    assert isinstance(publiceren["timeout-minutes"], int)


VASTGEZET = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$")


def test_every_action_is_pinned_to_a_version() -> None:
    gebruikt = [
        s["uses"] for pad in (CI, PAGES) for s in stappen(lees_workflow(pad)) if "uses" in s
    ]
    assert {"actions/checkout@v4", "actions/setup-python@v5", "actions/deploy-pages@v4"} <= set(
        gebruikt
    )
    assert [u for u in gebruikt if not VASTGEZET.match(u)] == []
    assert not VASTGEZET.match("actions/checkout@main")
    assert not VASTGEZET.match("actions/checkout")


# --- The workflows and the Makefile stay in step ----------------------------------------------


def make_doelen(makefile: str) -> set[str]:
    """The targets a Makefile defines, with simple variables ($(STAMP) …) expanded."""
    variabelen: dict[str, str] = {}

    def vul_in(tekst: str) -> str:
        for _ in range(5):  # variables made of variables
            tekst = re.sub(r"\$\((\w+)\)", lambda m: variabelen.get(m[1], m[0]), tekst)
        return tekst

    doelen: set[str] = set()
    for zin in makefile.splitlines():
        if not zin.strip() or zin.startswith(("\t", "#", " ")):
            continue
        toewijzing = re.match(r"^(?:export\s+)?(\w+)\s*(?::=|\?=|=)\s*(.*)$", zin)
        if toewijzing:
            variabelen[toewijzing[1]] = vul_in(toewijzing[2].strip())
            continue
        doel = re.match(r"^([^:=#]+?)\s*::?(?!=)", zin)
        if doel:
            doelen.update(vul_in(doel[1]).split())
    return doelen - {".PHONY"}


def aangeroepen_doelen(opdracht: str) -> list[str]:
    """The make targets a shell command names: `make site`, `make -C x test A=b` …"""
    doelen = []
    for aanroep in re.finditer(r"(?:^|[\s;&|(])make((?:[ \t]+[^\s;&|)]+)*)", opdracht):
        doelen.extend(
            woord for woord in aanroep[1].split() if not woord.startswith("-") and "=" not in woord
        )
    return doelen


def scripts(opdracht: str) -> list[Path]:
    """Scripts of this repository a command runs (`bash .ci/run`)."""
    return [REPO / pad for pad in re.findall(r"(?:^|\s)(\.ci/[\w./-]+)", opdracht)]


def test_every_make_target_the_workflows_call_exists() -> None:
    doelen = make_doelen((REPO / "Makefile").read_text(encoding="utf-8"))
    assert {"site", "test", "validate", ".venv/.installed-site", ".venv/.installed-test"} <= doelen
    aangeroepen = []
    for pad in (CI, PAGES):
        for opdracht in run_opdrachten(lees_workflow(pad)):
            aangeroepen += aangeroepen_doelen(opdracht)
            for script in scripts(opdracht):
                aangeroepen += aangeroepen_doelen(script.read_text(encoding="utf-8"))
    assert {"site", "test", ".venv/.installed-site"} <= set(aangeroepen)
    assert [d for d in aangeroepen if d not in doelen] == []


def test_the_make_target_check_notices_a_missing_target() -> None:
    doelen = make_doelen("X := a\n$(X)/b: c\n\techo make nep\nsite: x\n.PHONY: site\n")
    assert doelen == {"a/b", "site"}
    assert aangeroepen_doelen("cd x && make -j2 site deploy V=1; make") == ["site", "deploy"]
    assert [d for d in aangeroepen_doelen("make deploy") if d not in doelen] == ["deploy"]


# --- Git hooks (pre-commit) -------------------------------------------------------------------


def test_pre_commit_config_is_valid_and_uses_the_tools_of_the_venv() -> None:
    resultaat = subprocess.run(
        [str(BIN / "pre-commit"), "validate-config", str(PRE_COMMIT)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert resultaat.returncode == 0, resultaat.stdout + resultaat.stderr
    config = yaml.safe_load(PRE_COMMIT.read_text(encoding="utf-8"))
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    assert {h: hooks[h]["entry"] for h in hooks} == {
        "regio-validate": ".venv/bin/regio validate",
        "regio-fmt": ".venv/bin/regio fmt --check",
        "ruff-check": ".venv/bin/ruff check",
        "ruff-format": ".venv/bin/ruff format --check",
    }
    assert [repo["repo"] for repo in config["repos"]] == ["local"]  # nothing to download
    for hook in hooks.values():
        assert Path(REPO / hook["entry"].split()[0]).is_file(), hook["entry"]


@pytest.fixture
def git_project(tmp_path: Path) -> Path:
    """A tiny git repository with the fixture data, our hook config and this project's .venv."""
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "geldig", project / "data")
    shutil.copy(PRE_COMMIT, project / ".pre-commit-config.yaml")
    (project / ".venv").symlink_to(REPO / ".venv", target_is_directory=True)
    (project / ".gitignore").write_text(".venv\n", encoding="utf-8")
    # Start from data in the canonical layout, as in a real clone.
    subprocess.run([str(BIN / "regio"), "fmt"], cwd=project, check=True, capture_output=True)
    git = ["git", "-c", "user.name=Voorbeeld", "-c", "user.email=redactie@example.org"]
    subprocess.run([*git, "init", "-q", "-b", "main"], cwd=project, check=True)
    subprocess.run([*git, "add", "."], cwd=project, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "Begin"], cwd=project, check=True)
    return project


def pre_commit(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(project.parent / "pre-commit-cache")}
    env.pop("PRE_COMMIT", None)
    return subprocess.run(
        [str(BIN / "pre-commit"), "run", *args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_hooks_pass_on_valid_data(git_project: Path) -> None:
    resultaat = pre_commit(git_project, "--all-files")
    assert resultaat.returncode == 0, resultaat.stdout
    assert "gegevens controleren (regio validate)" in resultaat.stdout
    assert "Passed" in resultaat.stdout


def test_hooks_stop_a_commit_of_broken_data_with_the_dutch_message(git_project: Path) -> None:
    regions = git_project / "data" / "regions.yaml"
    regions.write_text(
        regions.read_text(encoding="utf-8").replace("    status: erkend\n", "    status: erkent\n"),
        encoding="utf-8",
    )
    subprocess.run(["git", "add", "data/regions.yaml"], cwd=git_project, check=True)
    resultaat = pre_commit(git_project)  # the staged files, as `git commit` would
    assert resultaat.returncode == 1
    nummer = regel(git_project / "data", "regions.yaml", "status: erkent")
    assert (
        f"data/regions.yaml:{nummer}:13: fout: partnerschap 'voorbeeldpartnerschap': 'erkent' is "
        "geen geldige waarde voor 'status'; toegestaan: erkend, aspirant, onbekend. "
        "Bedoelde u 'erkend'?"
    ) in resultaat.stdout
    assert "Gegevens zijn niet geldig: 1 fout en 0 waarschuwingen." in resultaat.stdout


def test_hooks_skip_the_data_checks_when_no_data_changed(git_project: Path) -> None:
    (git_project / "notitie.md").write_text("Een notitie.\n", encoding="utf-8")
    subprocess.run(["git", "add", "notitie.md"], cwd=git_project, check=True)
    resultaat = pre_commit(git_project)
    assert resultaat.returncode == 0, resultaat.stdout
    assert re.search(
        r"gegevens controleren \(regio validate\)\.+\(no files to check\)Skipped", resultaat.stdout
    )


def test_hooks_check_python_with_ruff(git_project: Path) -> None:
    (git_project / "slordig.py").write_text("import os\nx=1\n", encoding="utf-8")
    subprocess.run(["git", "add", "slordig.py"], cwd=git_project, check=True)
    resultaat = pre_commit(git_project)
    assert resultaat.returncode == 1
    assert re.search(r"ruff check\.+Failed", resultaat.stdout)
    assert "F401" in resultaat.stdout  # `os` imported but unused
    assert re.search(r"ruff format --check\.+Failed", resultaat.stdout)
    assert "1 file would be reformatted" in resultaat.stdout
