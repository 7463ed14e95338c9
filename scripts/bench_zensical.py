"""Build times of the two paths, one after the other on this machine (issue 15).

    python scripts/bench_zensical.py [--sizes 1000] [--runs 2] [--out bench/zensical.md]

For the real data (a copy of the project with `kaart_tiles: none`) and for fictional data of each
size (scripts/bench.py's project), it measures in child processes, alternating the two paths:

- MkDocs: `mkdocs build --strict` with our plugin (what `make site` runs after validating);
- Zensical, clean: `python -m regio.zensical.build` (render, Zensical, repairs, swap) with
  Zensical's cache and the build folder removed first;
- Zensical, cached: the same again with the cache of the run before (nothing changed).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import os
import platform
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

# scripts/bench.py's project set-up and measuring (a script beside this one, not a package).
_SPEC = importlib.util.spec_from_file_location("bench", Path(__file__).with_name("bench.py"))
assert _SPEC is not None and _SPEC.loader is not None
bench = importlib.util.module_from_spec(_SPEC)
sys.modules["bench"] = bench  # its dataclasses look their module up
_SPEC.loader.exec_module(bench)

REPO = bench.REPO
ZENSICAL = REPO / ".venv-zensical" / "bin" / "zensical"


def echte_project(werk: Path) -> Path:
    project = werk / "echt"
    project.mkdir(parents=True)
    tekst = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(bench.full_config(tekst), encoding="utf-8")
    shutil.copytree(REPO / "content", project / "content")
    shutil.copytree(REPO / "data", project / "data")
    return project


def meet(project: Path, runs: int, logs: Path) -> dict[str, list[float]]:
    py = sys.executable
    tijden: dict[str, list[float]] = {"mkdocs": [], "zensical_schoon": [], "zensical_cache": []}
    zensical = [py, "-m", "regio.zensical.build", "--zensical", str(ZENSICAL)]
    for run in range(runs):
        mkdocs = bench.measure([py, "-m", "mkdocs", "build", "--strict"], project, logs / f"m{run}")
        tijden["mkdocs"].append(mkdocs.seconds)
        shutil.rmtree(project / "build", ignore_errors=True)
        schoon = bench.measure(zensical, project, logs / f"z{run}")
        tijden["zensical_schoon"].append(schoon.seconds)
        cache = bench.measure(zensical, project, logs / f"c{run}")
        tijden["zensical_cache"].append(cache.seconds)
        bench.meld(
            f"  run {run + 1}: {mkdocs.seconds:.1f} / {schoon.seconds:.1f} / {cache.seconds:.1f} s"
        )
    return tijden


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", default="1000")
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "zensical.md")
    args = parser.parse_args()
    rijen = []
    with tempfile.TemporaryDirectory(prefix="bench-zensical-") as tijdelijk:
        werk = Path(tijdelijk)
        projecten = [("echte gegevens", echte_project(werk))]
        for size in (int(s) for s in args.sizes.split(",")):
            projecten.append(
                (f"{size:,} demo-entiteiten", bench.prepare(werk / str(size), size, 1).full)
            )
        for naam, project in projecten:
            bench.meld(f"{naam}: MkDocs / Zensical schoon / Zensical met cache")
            tijden = meet(project, args.runs, werk / "logs" / naam.replace(" ", "-"))
            paginas = sum(1 for _ in (project / "site").rglob("*.html"))
            rijen.append(
                (naam, paginas, {k: statistics.median(v) for k, v in tijden.items()}, tijden)
            )
    regels = [
        "# Build times: MkDocs + Material with our plugin against Zensical (issue 15)",
        "",
        f"Measured {dt.date.today().isoformat()} with `python scripts/bench_zensical.py --sizes "
        f"{args.sizes} --runs {args.runs}` on {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, zensical 0.0.73, mkdocs-material "
        f"{bench._versie('mkdocs-material')}. The two paths ran one after the other, alternating, "
        "in the same project folder; the median of the runs (each run in brackets). The machine "
        "was shared with other jobs while measuring: compare the columns, not the absolute "
        "seconds with other files.",
        "",
        "| data | HTML pages | `mkdocs build --strict` | Zensical path, clean "
        "| Zensical path, cached |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for naam, paginas, mediaan, tijden in rijen:
        cellen = [
            f"{mediaan[k]:.1f} s ({', '.join(f'{t:.1f}' for t in tijden[k])})"
            for k in ("mkdocs", "zensical_schoon", "zensical_cache")
        ]
        regels.append(f"| {naam} | {paginas:,} | " + " | ".join(cellen) + " |")
    regels += [
        "",
        "The Zensical path is everything `make site-zensical` does after validating: `regio render "
        "--links md` into build/zensical-docs/ (in-process), `zensical build --strict`, the HTML "
        'repairs on every page, the swap into site/. "Clean" removes build/ (Zensical\'s cache is '
        'in build/.cache) first; "cached" runs it again on unchanged data. `mkdocs build` has no '
        "such cache between runs.",
        "",
    ]
    args.out.write_text("\n".join(regels), encoding="utf-8")
    bench.meld(f"Geschreven: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
