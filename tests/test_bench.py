"""The benchmark script: a smoke run at N = 30 writes complete, plausible results (no timings)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FIXTURES, REPO

_spec = importlib.util.spec_from_file_location("regio_bench", REPO / "scripts/bench.py")
assert _spec and _spec.loader
bench = importlib.util.module_from_spec(_spec)
# Dataclasses look their module up while the script is being executed.
sys.modules[_spec.name] = bench
_spec.loader.exec_module(bench)

METRIEKEN = (
    "validate_s",
    "validate_peak_rss_mb",
    "build_s",
    "build_peak_rss_mb",
    "baseline_s",
    "baseline_peak_rss_mb",
    "serve_rebuild_s",
)
# Every target of issue 6, as results.md names it.
DOELEN = (
    "Plugin overhead at N = 5,000",
    "Linear growth",
    "Full build at N = 5,000",
    "Validation at N = 5,000",
    "Peak RSS of the full build at N = 5,000",
    "Map page at N = 5,000",
    "`mkdocs serve` rebuild after a one-line edit at N = 1,000",
)


@pytest.fixture(scope="module")
def smoke(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, subprocess.CompletedProcess[str]]:
    out = tmp_path_factory.mktemp("bench")
    uitvoer = subprocess.run(
        [
            *(sys.executable, str(REPO / "scripts/bench.py"), "--sizes", "30", "--runs", "1"),
            *("--serve-size", "30", "--profile-size", "30", "--out", str(out)),
            # The machine's speed once before and once after, not five times (2 s).
            *("--speed-runs", "1"),
            # The fixture geography (2 provinces, 39 gemeenten): the script's every step runs,
            # at a fifth of the cost of the real map's 342 gemeente pages.
            *("--geo", str(FIXTURES / "geldig" / "geo")),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    return out, uitvoer


def test_smoke_run_measures_everything_at_30(
    smoke: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    out, uitvoer = smoke
    assert uitvoer.returncode == 0, uitvoer.stderr[-3000:]
    rapport = json.loads((out / "results.json").read_text(encoding="utf-8"))
    [r] = rapport["results"]
    assert r["n"] == 30
    for metriek in METRIEKEN:
        s = r[metriek]
        assert len(s["runs"]) == 1, metriek
        assert 0 < s["min"] <= s["median"] <= s["max"], metriek
    assert r["overhead"] > 0
    for site in (r["site"], r["baseline_site"]):
        assert 0 < site["largest_page"]["bytes"] <= site["bytes"]
        # 30 entities, 39 gemeenten, the overviews and the hand-written pages.
        assert site["html_pages"] > 30 + 39
    assert r["site"]["map"]["kaart_html_bytes"] > 0
    assert r["site"]["map"]["index_html_bytes"] > 0
    machine = rapport["machine"]
    for sleutel in ("cpu", "cores", "ram_mb", "os", "python", "mkdocs", "mkdocs_material"):
        assert machine[sleutel], sleutel
    assert len(machine["git_commit"]) == 40
    assert min(rapport["machine_speed_s"].values()) > 0
    # The temporary projects are gone; only the results remain.
    assert sorted(p.name for p in out.iterdir()) == ["results.json", "results.md"]
    assert "N = 30" in uitvoer.stderr
    assert rapport["settings"]["geo"] == str(FIXTURES / "geldig" / "geo")


def test_smoke_report_names_every_target(
    smoke: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    out, uitvoer = smoke
    assert uitvoer.returncode == 0, uitvoer.stderr[-3000:]
    md = (out / "results.md").read_text(encoding="utf-8")
    doelen = md.split("## Targets", 1)[1].split("\n## ", 1)[0]
    for doel in DOELEN:
        regels = [regel for regel in doelen.splitlines() if doel in regel]
        # Only N = 30 ran: no target can be judged.
        assert len(regels) == 1 and regels[0].endswith("| not measured |"), doel
    assert "## N = 30" in md
    assert f"Geography: `{FIXTURES / 'geldig' / 'geo'}`, not the real one" in md


def test_smoke_profile_says_where_the_time_goes(
    smoke: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    out, uitvoer = smoke
    assert uitvoer.returncode == 0, uitvoer.stderr[-3000:]
    [r] = json.loads((out / "results.json").read_text(encoding="utf-8"))["results"]
    profiel = r["profile"]
    delen = {deel["part"]: deel for deel in profiel["parts"]}
    assert profiel["profiled_total_s"] > 0
    # Every part was found in the profile: a renamed function would show up as 0 here.
    assert all(0 < deel["share"] < 1 for deel in delen.values()), delen
    assert (
        delen["Material: primary navigation in it"]["profiled_s"]
        < (delen["Material: page template"]["profiled_s"])
    )
    md = (out / "results.md").read_text(encoding="utf-8")
    assert "## Where the time goes at N = 30 (one full build under cProfile)" in md
    assert "| regio: validation (on_config) |" in md
    assert "`mkdocs serve` rebuild after an edit (s)" in md


def _resultaat(build: float, **extra: Any) -> dict[str, Any]:
    return {"build_s": {"median": build}, **extra}


def _oordeel(resultaten: dict[int, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The targets by the start of their name ('Linear growth', 'Map page at N = 5,000' …)."""
    return {d["target"].split(" (")[0].split(":")[0]: d for d in bench.targets(resultaten)}


def test_targets_met_missed_and_not_measured() -> None:
    resultaten = {
        1000: _resultaat(2.0, serve_rebuild_s={"median": 3.5}),
        5000: _resultaat(
            19.0,
            overhead=1.1,
            validate_s={"median": 1.6},
            build_peak_rss_mb={"median": 599.0},
            site={"map": {"total_bytes": 2_500_000}},
        ),
    }
    assert {naam: d["met"] for naam, d in _oordeel(resultaten).items()} == {
        "Plugin overhead at N = 5,000": True,
        "Linear growth": None,  # N = 10,000 did not run
        "Full build at N = 5,000": True,
        "Validation at N = 5,000": False,
        "Peak RSS of the full build at N = 5,000": True,
        "Map page at N = 5,000": False,
        "`mkdocs serve` rebuild after a one-line edit at N = 1,000": False,
    }
    resultaten[10000] = _resultaat(23.0)
    groei = _oordeel(resultaten)["Linear growth"]
    assert groei["value"] == pytest.approx(11.5)
    assert groei["met"] is False


def test_peak_rss_is_the_childs_own(tmp_path: Path) -> None:
    meting = bench.measure(
        [sys.executable, "-c", "x = bytearray(300_000_000); x[::4096] = b'1' * len(x[::4096])"],
        tmp_path,
        tmp_path / "kind.log",
    )
    assert meting.peak_rss_mb >= 300
    assert meting.seconds > 0


def test_failed_step_stops_with_its_log(tmp_path: Path) -> None:
    with pytest.raises(bench.StapMislukt, match="code 3") as fout:
        bench.measure(
            [sys.executable, "-c", "import sys; print('kapot'); sys.exit(3)"],
            tmp_path,
            tmp_path / "stap.log",
        )
    assert "kapot" in str(fout.value)


def test_dangling_links_become_text() -> None:
    tekst = (
        "Zie [PO-Raad](organisaties/po-raad.md), [Utrecht](provincies/utrecht.md#kaart) "
        "en ![logo](plaatje.md)."
    )
    nieuw, aantal = bench.unlink_dangling(tekst, "index.md", {"provincies/utrecht.md"})
    assert nieuw == "Zie PO-Raad, [Utrecht](provincies/utrecht.md#kaart) en ![logo](plaatje.md)."
    assert aantal == 1
    relatief, aantal = bench.unlink_dangling(
        "[x](../provincies/utrecht.md) [y](../organisaties/som.md)",
        "nieuws/bericht.md",
        {"provincies/utrecht.md"},
    )
    assert (relatief, aantal) == ("[x](../provincies/utrecht.md) y", 1)
