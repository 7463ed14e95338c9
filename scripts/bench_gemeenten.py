"""Build time and output sizes of the real site at two commits (the gemeenten work, issue 13).

Each commit is a clean checkout (``git worktree add``) with its own .venv, set up beforehand
(``make site`` there). For each checkout in turn this runs ``mkdocs build --strict -q -d DIR``
``--runs`` times, one after the other, and records wall and user+sys time of the child, the
machine's load (``/proc/loadavg``) before each run, and from the last build: the size of
kaart/kaart.html (raw and gzip), of assets/regio/zoek/index.json (gzip) and the number of HTML
pages. Prints a Markdown report.

    python scripts/bench_gemeenten.py /work/wt-bench-old /work/wt-bench-new --runs 3
"""

from __future__ import annotations

import argparse
import gzip
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Meting:
    checkout: Path
    commit: str
    wall: list[float] = field(default_factory=list)
    user: list[float] = field(default_factory=list)
    sys: list[float] = field(default_factory=list)
    load: list[str] = field(default_factory=list)
    maten: dict[str, int | None] = field(default_factory=dict)


def _gzip(pad: Path) -> int | None:
    # Level 6: what common web servers (nginx gzip_comp_level, Apache mod_deflate) use.
    return len(gzip.compress(pad.read_bytes(), compresslevel=6, mtime=0)) if pad.is_file() else None


def _bouw(checkout: Path, doel: Path) -> tuple[float, float, float]:
    """One strict build of ``checkout`` into ``doel``: (wall, user, sys) seconds of the child."""
    shutil.rmtree(doel, ignore_errors=True)
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1"}
    voor = resource.getrusage(resource.RUSAGE_CHILDREN)
    begin = time.perf_counter()
    subprocess.run(
        [str(checkout / ".venv" / "bin" / "mkdocs"), "build", "--strict", "-q", "-d", str(doel)],
        cwd=checkout,
        env=env,
        check=True,
    )
    wall = time.perf_counter() - begin
    na = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, na.ru_utime - voor.ru_utime, na.ru_stime - voor.ru_stime


def meet(checkout: Path, runs: int) -> Meting:
    commit = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=checkout, capture_output=True, text=True, check=True
    ).stdout.strip()
    meting = Meting(checkout, commit)
    doel = Path(tempfile.mkdtemp(prefix="bench-gemeenten-")) / "x"
    for _ in range(runs):
        meting.load.append(" ".join(Path("/proc/loadavg").read_text().split()[:3]))
        wall, user, sys_ = _bouw(checkout, doel)
        meting.wall.append(wall)
        meting.user.append(user)
        meting.sys.append(sys_)
    kaart = doel / "kaart" / "kaart.html"
    meting.maten = {
        "kaart.html": kaart.stat().st_size if kaart.is_file() else None,
        "kaart.html gzip": _gzip(kaart),
        "zoek/index.json gzip": _gzip(doel / "assets" / "regio" / "zoek" / "index.json"),
        "search_index.json gzip": _gzip(doel / "search" / "search_index.json"),
        "HTML-pagina's": sum(1 for _ in doel.rglob("*.html")),
        "site (bytes)": sum(p.stat().st_size for p in doel.rglob("*") if p.is_file()),
    }
    shutil.rmtree(doel.parent)
    return meting


def _s(waarden: list[float]) -> str:
    return " / ".join(f"{w:.1f}" for w in waarden) + f" (min {min(waarden):.1f})"


def rapport(metingen: list[Meting]) -> str:
    regels = [
        "| | " + " | ".join(f"`{m.commit[:7]}`" for m in metingen) + " |",
        "|---|" + "---|" * len(metingen),
        "| wall s (runs) | " + " | ".join(_s(m.wall) for m in metingen) + " |",
        "| user s (runs) | " + " | ".join(_s(m.user) for m in metingen) + " |",
        "| sys s (runs) | " + " | ".join(_s(m.sys) for m in metingen) + " |",
        "| load before each run | " + " | ".join("; ".join(m.load) for m in metingen) + " |",
    ]
    for sleutel in metingen[0].maten:
        regels.append(
            f"| {sleutel} | "
            + " | ".join(
                "—" if m.maten.get(sleutel) is None else f"{m.maten[sleutel]:,}" for m in metingen
            )
            + " |"
        )
    return "\n".join(regels) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkouts", nargs="+", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    metingen = [meet(c.resolve(), args.runs) for c in args.checkouts]
    sys.stdout.write(rapport(metingen))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
