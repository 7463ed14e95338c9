"""Benchmark the site build on fictional data of growing size (issue 6).

    python scripts/bench.py [--sizes 100,1000,5000,10000] [--runs 3] [--out bench] [--geo DIR]

For every size N it generates demo data (scripts/generate_demo_data.py), sets up a temporary
project (a copy of mkdocs.yml with `kaart_tiles: none`, a copy of content/, the demo data as
data/) and measures, each in a fresh child process:

- validation: `regio validate --data-dir DIR`;
- the full build: `mkdocs build --strict` with our plugin;
- the baseline: the same Markdown pages (`regio render --out`) built by plain MkDocs + Material
  with the same theme, nav and extensions but without our plugin;
- the peak RSS of each child (its own, from os.wait4), the size of site/, the largest page and the
  map page;
- at one size (--serve-size, default 1000): the time from a one-line edit in regions.yaml until
  `mkdocs serve` (with live reload, as editors use it) serves the rebuilt page.

It writes results.json (every run, the machine) and results.md (tables and the targets of issue
6) into --out. It exits with 1 only when a step fails, never because a target is missed.

The demo data lies on the real geography (data/geo: 12 provinces, 342 gemeenten). ``--geo DIR``
gives the generator a smaller one (the test suite's smoke run); results.md then says so, and its
numbers are no measure of the real site.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import importlib.metadata
import json
import os
import platform
import posixpath
import pstats
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
GENERATOR = REPO / "scripts" / "generate_demo_data.py"
ECHTE_GEO = REPO / "data" / "geo"
# What the plugin adds to every page and where its assets live (mirrored in the baseline).
# (`regio render` writes the assets beside the pages.)
ASSET_MAP = "assets/regio"
PLUGIN_CSS = f"{ASSET_MAP}/regio.css"
PLUGIN_JS = f"{ASSET_MAP}/regio.js"

STANDAARD_GROOTTES = (100, 1000, 5000, 10000)
MB = 1_000_000
# Written as escapes: ruff (RUF001) flags the look-alike characters in string literals.
MAAL = "\u00d7"  # the multiplication sign
STREEP = "\u2013"  # an en dash: "no value"
POLL_S = 0.05
SERVE_TIMEOUT_S = 120.0
SERVE_START_TIMEOUT_S = 600.0

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
# Never through a proxy: the server is on 127.0.0.1.
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class StapMislukt(Exception):
    """A build, validation or serve step failed: the benchmark stops with exit code 1."""


def meld(tekst: str) -> None:
    print(tekst, file=sys.stderr, flush=True)


# --- Measuring child processes -------------------------------------------------------------


@dataclass(frozen=True)
class Meting:
    seconds: float
    peak_rss_mb: float


def measure(cmd: Sequence[str], cwd: Path, log: Path) -> Meting:
    """Run ``cmd`` as a child process: its wall time and its own peak RSS (os.wait4)."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as uit:
        start = time.perf_counter()
        proc = subprocess.Popen(list(cmd), cwd=cwd, env=ENV, stdout=uit, stderr=subprocess.STDOUT)
        _, status, rusage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
    # Reaped by wait4: tell Popen, so it does not try (and warn) again.
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        staart = "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-30:])
        raise StapMislukt(
            f"'{' '.join(cmd)}' in {cwd} stopte met code {proc.returncode} (log: {log}):\n{staart}"
        )
    # ru_maxrss is in KiB on Linux.
    return Meting(seconds, rusage.ru_maxrss * 1024 / MB)


def summary(values: Sequence[float]) -> dict[str, Any]:
    return {
        "median": statistics.median(values),
        "min": min(values),
        "max": max(values),
        "runs": list(values),
    }


# --- The temporary projects ----------------------------------------------------------------


def full_config(origineel: str) -> str:
    """mkdocs.yml for the full build: identical except for a map without external tiles."""
    tekst, aantal = re.subn(r"(?m)^(\s*kaart_tiles:).*$", r"\1 none", origineel)
    if aantal != 1:
        raise StapMislukt(f"mkdocs.yml: verwacht één regel 'kaart_tiles:', gevonden: {aantal}")
    return tekst


def load_mkdocs(pad: Path) -> dict[str, Any]:
    """A MkDocs configuration as MkDocs reads it (!ENV resolved, INHERIT merged)."""
    from mkdocs.utils.yaml import yaml_load

    with pad.open("rb") as bron:
        return yaml_load(bron)


def plugin_naam(item: object) -> str:
    return item if isinstance(item, str) else next(iter(item)) if isinstance(item, dict) else ""


def regio_opties(config: dict[str, Any]) -> dict[str, Any]:
    for item in config.get("plugins") or []:
        if plugin_naam(item) == "regio":
            return (item.get("regio") if isinstance(item, dict) else None) or {}
    raise StapMislukt("mkdocs.yml: de plugin 'regio' staat niet in 'plugins'")


def baseline_config(full: Path, map_: Path, gegenereerd: Sequence[str]) -> str:
    """mkdocs.yml (in folder ``map_``) for the baseline: the full one without the regio plugin.

    MkDocs merges an INHERITed file key by key and replaces lists, so only what differs is
    written here: the plugin list without regio, the plugin's CSS/JS, the generated pages marked
    'not in nav' as the plugin marks them, and no strict mode (a plain `mkdocs build`).
    """
    ouder = load_mkdocs(full)
    regio_opties(ouder)
    plugins = [p for p in ouder.get("plugins") or [] if plugin_naam(p) != "regio"]
    niet_in_nav = [ouder.get("not_in_nav") or "", *(f"/{naam}" for naam in gegenereerd)]
    override = {
        "strict": False,
        "plugins": plugins,
        "extra_css": [*(ouder.get("extra_css") or []), PLUGIN_CSS],
        "extra_javascript": [*(ouder.get("extra_javascript") or []), PLUGIN_JS],
        "not_in_nav": "\n".join(regel.strip() for regel in niet_in_nav if regel.strip()) + "\n",
    }
    kop = f"# Baseline for scripts/bench.py: {full.name} without the regio plugin.\n"
    inherit = f"INHERIT: {os.path.relpath(full, map_)}\n"
    return kop + inherit + yaml.safe_dump(override, allow_unicode=True, sort_keys=False)


_LINK = re.compile(r"(?<!!)\[([^\]\n]+)\]\(([^)\s#]+\.md)(#[^)\s]*)?(\s+\"[^\"]*\")?\)")


def unlink_dangling(tekst: str, pagina: str, paginas: set[str]) -> tuple[str, int]:
    """Turn Markdown links to pages that do not exist into their plain text.

    The hand-written pages link to real entities (e.g. organisaties/po-raad.md) that the demo
    data does not have; in strict mode every such link would abort the build.
    """
    aantal = 0

    def vervang(m: re.Match[str]) -> str:
        nonlocal aantal
        doel = posixpath.normpath(posixpath.join(posixpath.dirname(pagina), m[2]))
        if doel in paginas:
            return m[0]
        aantal += 1
        return m[1]

    return _LINK.sub(vervang, tekst), aantal


def markdown_pages(docs: Path) -> set[str]:
    return {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")}


def adapt_content(docs: Path, paginas: set[str]) -> int:
    """Unlink dangling links in the hand-written pages under ``docs``; how many were removed."""
    totaal = 0
    for pad in sorted(docs.rglob("*.md")):
        tekst = pad.read_text(encoding="utf-8")
        nieuw, aantal = unlink_dangling(tekst, pad.relative_to(docs).as_posix(), paginas)
        if aantal:
            pad.write_text(nieuw, encoding="utf-8")
            totaal += aantal
    return totaal


@dataclass(frozen=True)
class Project:
    werk: Path
    data: Path
    full: Path  # folder with mkdocs.yml, content/ and the data
    baseline: Path  # folder with mkdocs.yml and content/ (hand-written + rendered + assets)
    links_removed: int
    render: Meting


def prepare(werk: Path, size: int, seed: int, geo: Path = ECHTE_GEO) -> Project:
    """Demo data on the geography in ``geo``, the full project and the baseline project for one
    size."""
    if werk.exists():
        shutil.rmtree(werk)
    full = werk / "full"
    baseline = werk / "baseline"
    logs = werk / "logs"
    py = sys.executable
    full.mkdir(parents=True)
    (full / "mkdocs.yml").write_text(
        full_config((REPO / "mkdocs.yml").read_text(encoding="utf-8")), encoding="utf-8"
    )
    # The data where the plugin looks for it, named as in mkdocs.yml (also in rendered pages).
    config = load_mkdocs(full / "mkdocs.yml")
    data_dir = str(regio_opties(config).get("data_dir", "data"))
    inhoud = REPO / str(config.get("docs_dir", "docs"))
    data = full / data_dir
    args = ["--size", str(size), "--seed", str(seed), "--out", str(data), "--geo", str(geo)]
    measure([py, str(GENERATOR), *args], REPO, logs / "generate.log")

    # Baseline docs: the hand-written pages, the generated pages and the assets (regio render).
    docs = baseline / inhoud.name
    shutil.copytree(inhoud, docs)
    handgeschreven = markdown_pages(docs)
    gegenereerd_dir = werk / "render"
    opdracht = [py, "-m", "regio", "render", "--data-dir", data_dir, "--out", str(gegenereerd_dir)]
    # The same options the plugin gets, so both builds have the same pages.
    if redactie := regio_opties(config).get("redactie_pagina"):
        opdracht += ["--redactie-pagina", str(redactie)]
    opdracht += ["--kaart-tiles", str(regio_opties(config).get("kaart_tiles", "none"))]
    render = measure(
        opdracht,
        full,
        logs / "render.log",
    )
    gegenereerd = markdown_pages(gegenereerd_dir)
    shutil.copytree(gegenereerd_dir, docs, dirs_exist_ok=True)
    shutil.rmtree(gegenereerd_dir)
    paginas = handgeschreven | gegenereerd
    links_removed = adapt_content(docs, paginas)

    # Full project: the same hand-written pages (same links removed); the plugin adds the rest.
    shutil.copytree(inhoud, full / inhoud.name)
    adapt_content(full / inhoud.name, paginas)
    bovenste = sorted({p.split("/")[0] + ("/" if "/" in p else "") for p in gegenereerd})
    (baseline / "mkdocs.yml").write_text(
        baseline_config(full / "mkdocs.yml", baseline, bovenste), encoding="utf-8"
    )
    return Project(werk, data, full, baseline, links_removed, render)


def clean_site(project: Path) -> None:
    for pad in [project / "site", *project.glob(".site.*")]:
        if pad.is_dir():
            shutil.rmtree(pad)


# --- What the build wrote ------------------------------------------------------------------


def html_pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def page_differences(full: Path, baseline: Path) -> dict[str, list[str]]:
    """HTML pages one build has and the other has not (besides the map document, which is no
    page)."""
    volledig = html_pages(full) - {"kaart/kaart.html"}
    basis = html_pages(baseline) - {"kaart/kaart.html"}
    return {
        "missing_in_baseline": sorted(volledig - basis),
        "only_in_baseline": sorted(basis - volledig),
    }


def warnings_in(log: Path) -> list[str]:
    regels = log.read_text(encoding="utf-8", errors="replace").splitlines()
    return [regel for regel in regels if regel.startswith("WARNING")]


def site_metrics(site: Path) -> dict[str, Any]:
    bestanden = [p for p in site.rglob("*") if p.is_file()]
    html = [p for p in bestanden if p.suffix == ".html"]
    grootste = max(html, key=lambda p: (p.stat().st_size, p.as_posix()))

    def grootte(rel: str) -> int | None:
        pad = site / rel
        return pad.stat().st_size if pad.is_file() else None

    kaart, index = grootte("kaart/kaart.html"), grootte("kaart/index.html")
    return {
        "bytes": sum(p.stat().st_size for p in bestanden),
        "files": len(bestanden),
        "html_pages": len(html),
        "largest_page": {
            "path": grootste.relative_to(site).as_posix(),
            "bytes": grootste.stat().st_size,
        },
        "map": {
            "kaart_html_bytes": kaart,
            "index_html_bytes": index,
            "total_bytes": (kaart or 0) + (index or 0),
        },
    }


# --- mkdocs serve --------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str, timeout: float) -> str | None:
    try:
        with OPENER.open(url, timeout=max(timeout, 0.1)) as antwoord:
            return bytes(antwoord.read()).decode("utf-8", "replace")
    except (urllib.error.URLError, http.client.HTTPException, OSError):
        return None


# What `mkdocs serve` logs when a rebuild fails (it then keeps waiting for the next change).
REBUILD_FOUT = "An error happened during the rebuild"


@dataclass
class Server:
    proc: subprocess.Popen[bytes]
    url: str
    log: Path

    def log_tail(self, vanaf: int = 0, regels: int = 20) -> str:
        with self.log.open("rb") as bron:
            bron.seek(vanaf)
            tekst = bron.read().decode("utf-8", "replace")
        return "\n".join(tekst.splitlines()[-regels:])

    def log_size(self) -> int:
        return self.log.stat().st_size

    def wait_for(self, pad: str, tekst: str, timeout: float, log_vanaf: int = 0) -> float:
        """Poll the page every 50 ms until it contains ``tekst``: the moment it did (perf_counter).

        Stops early when the server exits or logs a failed rebuild after ``log_vanaf``.
        """
        einde = time.perf_counter() + timeout
        while True:
            # While MkDocs rebuilds it holds requests back; a short timeout keeps us checking.
            inhoud = fetch(self.url + pad, min(5.0, einde - time.perf_counter()))
            if inhoud is not None and tekst in inhoud:
                return time.perf_counter()
            if self.proc.poll() is not None:
                raise StapMislukt(f"mkdocs serve stopte met code {self.proc.returncode}")
            if REBUILD_FOUT in self.log_tail(log_vanaf, regels=10_000):
                raise StapMislukt(f"mkdocs serve kon niet herbouwen:\n{self.log_tail(log_vanaf)}")
            if time.perf_counter() > einde:
                raise StapMislukt(f"/{pad} toonde '{tekst}' niet binnen {timeout:.0f} s")
            time.sleep(POLL_S)

    def stop(self) -> None:
        """Ctrl-C for the whole process group (MkDocs removes its temporary site), then kill."""
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGINT)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()


def edit_naam(regions: Path, oud: str, nieuw: str) -> None:
    tekst = regions.read_text(encoding="utf-8")
    patroon = re.compile(rf"(?m)^(\s*(?:-\s+)?naam:\s*){re.escape(oud)}\s*$")
    nieuwe_tekst, aantal = patroon.subn(lambda m: m[1] + nieuw, tekst)
    if aantal != 1:
        raise StapMislukt(f"{regions}: verwacht één regel 'naam: {oud}', gevonden: {aantal}")
    regions.write_text(nieuwe_tekst, encoding="utf-8")


def serve_rebuilds(project: Project, runs: int) -> list[float]:
    """Seconds from a one-line edit in regions.yaml until `mkdocs serve` serves the new text."""
    regions = project.data / "regions.yaml"
    partnerschappen = (yaml.safe_load(regions.read_text(encoding="utf-8")) or {}).get(
        "partnerschappen"
    ) or []
    if not partnerschappen:
        raise StapMislukt(f"{regions}: geen partnerschappen om te bewerken")
    port = free_port()
    log = project.werk / "logs" / "serve.log"
    clean_site(project.full)
    with log.open("wb") as uit:
        proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=project.full,
            env=ENV,
            stdout=uit,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = Server(proc, f"http://127.0.0.1:{port}/", log)
    tijden: list[float] = []
    try:
        for run in range(runs):
            p = partnerschappen[run % len(partnerschappen)]
            pad = f"partnerschappen/{p['id']}/"
            oud = str(p["naam"])
            server.wait_for(pad, oud, SERVE_START_TIMEOUT_S)
            nieuw = f"{oud} bewerking {run + 1}"
            vanaf = server.log_size()
            edit_naam(regions, oud, nieuw)
            start = time.perf_counter()
            klaar = server.wait_for(pad, nieuw, SERVE_TIMEOUT_S, vanaf)
            tijden.append(klaar - start)
            p["naam"] = nieuw
            meld(f"  serve: herbouw {run + 1}/{runs}: {tijden[-1]:.2f} s")
    except StapMislukt as fout:
        raise StapMislukt(f"{fout} (log: {log})") from None
    finally:
        server.stop()
    return tijden


# --- One size ------------------------------------------------------------------------------


# Where a build's time goes, by the functions that do the work (cumulative cProfile times; the
# parts nest, so they do not add up). (label, file the function is in, function name)
PROFIEL_DELEN = (
    ("Python-Markdown: converting pages", "markdown/core.py", "convert"),
    ("Python-Markdown: a new parser per page (MkDocs)", "markdown/core.py", "__init__"),
    # main.html: Material's, or our override of it (the feed link), which extends base.html.
    ("Material: page template", "/main.html", "root"),
    ("Material: primary navigation in it", "material/templates/base.html", "block_site_nav"),
    ("Material: search index (parses each page's HTML)", "search/plugin.py", "on_page_context"),
    ("MkDocs: writing files", "mkdocs/utils/__init__.py", "write_file"),
    ("regio: validation (on_config)", "regio/mkdocs/plugin.py", "on_config"),
    ("regio: pages, map and open data (on_files)", "regio/mkdocs/plugin.py", "on_files"),
    ("regio: HTML blocks past Markdown (blocks.weg)", "regio/mkdocs/blocks.py", "weg"),
    ("regio: HTML blocks back (blocks.terug)", "regio/mkdocs/blocks.py", "terug"),
    ("regio: HTML repairs (theme.herstel)", "regio/mkdocs/theme.py", "herstel"),
)


def profile_summary(profiel: Path) -> dict[str, Any]:
    """Seconds (under cProfile) and share of the whole build for each part of PROFIEL_DELEN."""
    statistieken: Any = pstats.Stats(str(profiel)).stats  # type: ignore[attr-defined]
    totaal = max(waarden[3] for waarden in statistieken.values())
    delen = []
    for label, bestand, functie in PROFIEL_DELEN:
        tijd = max(
            (
                waarden[3]
                for (pad, _, naam), waarden in statistieken.items()
                if naam == functie and pad.replace(os.sep, "/").endswith(bestand)
            ),
            default=0.0,
        )
        delen.append({"part": label, "profiled_s": tijd, "share": tijd / totaal})
    return {"profiled_total_s": totaal, "parts": delen}


def profile_build(project: Project, logs: Path) -> dict[str, Any]:
    """One full build under cProfile: what the time goes to."""
    clean_site(project.full)
    profiel = logs / "build.prof"
    opdracht = [sys.executable, "-m", "cProfile", "-o", str(profiel)]
    measure([*opdracht, "-m", "mkdocs", "build", "--strict"], project.full, logs / "profile.log")
    return profile_summary(profiel)


def bench_size(
    size: int,
    runs: int,
    seed: int,
    werk: Path,
    serve: bool,
    profiel: bool = False,
    geo: Path = ECHTE_GEO,
) -> dict[str, Any]:
    meld(f"N = {size}: voorbereiden in {werk}")
    project = prepare(werk, size, seed, geo)
    py = sys.executable
    logs = werk / "logs"
    validaties: list[Meting] = []
    bouw: list[Meting] = []
    basis: list[Meting] = []
    for run in range(1, runs + 1):
        validaties.append(
            measure(
                [py, "-m", "regio", "validate", "--data-dir", str(project.data)],
                werk,
                logs / f"validate-{run}.log",
            )
        )
        clean_site(project.full)
        bouw.append(
            measure(
                [py, "-m", "mkdocs", "build", "--strict"], project.full, logs / f"build-{run}.log"
            )
        )
        clean_site(project.baseline)
        basis.append(
            measure([py, "-m", "mkdocs", "build"], project.baseline, logs / f"baseline-{run}.log")
        )
        meld(
            f"  run {run}/{runs}: validatie {validaties[-1].seconds:.2f} s, "
            f"bouw {bouw[-1].seconds:.2f} s ({bouw[-1].peak_rss_mb:.0f} MB), "
            f"zonder plugin {basis[-1].seconds:.2f} s ({basis[-1].peak_rss_mb:.0f} MB)"
        )
    site = site_metrics(project.full / "site")
    baseline_site = site_metrics(project.baseline / "site")
    verschil = page_differences(project.full / "site", project.baseline / "site")
    waarschuwingen = warnings_in(logs / f"baseline-{runs}.log")
    tijden = serve_rebuilds(project, runs) if serve else None
    if profiel:
        meld(f"  profiel van één bouw (cProfile) bij N = {size}")
    profiel_resultaat = profile_build(project, logs) if profiel else None
    bouw_s = summary([m.seconds for m in bouw])
    basis_s = summary([m.seconds for m in basis])
    return {
        "n": size,
        "validate_s": summary([m.seconds for m in validaties]),
        "validate_peak_rss_mb": summary([m.peak_rss_mb for m in validaties]),
        "build_s": bouw_s,
        "build_peak_rss_mb": summary([m.peak_rss_mb for m in bouw]),
        "baseline_s": basis_s,
        "baseline_peak_rss_mb": summary([m.peak_rss_mb for m in basis]),
        "overhead": bouw_s["median"] / basis_s["median"],
        "render_s": project.render.seconds,
        "site": site,
        "baseline_site": baseline_site,
        "content_links_removed": project.links_removed,
        "baseline_pages": verschil,
        "baseline_warnings": waarschuwingen,
        "serve_rebuild_s": summary(tijden) if tijden else None,
        "profile": profiel_resultaat,
    }


# --- Targets (issue 6) ---------------------------------------------------------------------


@dataclass(frozen=True)
class Doel:
    naam: str
    grens: str
    meet: Callable[[dict[int, dict[str, Any]]], float | None]
    limiet: float
    eenheid: str


def _op(n: int, *sleutels: str) -> Callable[[dict[int, dict[str, Any]]], float | None]:
    def meet(resultaten: dict[int, dict[str, Any]]) -> float | None:
        waarde: Any = resultaten.get(n)
        for sleutel in sleutels:
            if waarde is None:
                return None
            waarde = waarde[sleutel]
        return None if waarde is None else float(waarde)

    return meet


def _groei(resultaten: dict[int, dict[str, Any]]) -> float | None:
    if 1000 not in resultaten or 10000 not in resultaten:
        return None
    return float(resultaten[10000]["build_s"]["median"] / resultaten[1000]["build_s"]["median"])


def _schaal(meet: Callable[[dict[int, dict[str, Any]]], float | None], factor: float) -> Any:
    return lambda r: None if (w := meet(r)) is None else w / factor


DOELEN = (
    Doel("Plugin overhead at N = 5,000 (full / baseline build)", f"≤ 1.2{MAAL}",
         _op(5000, "overhead"), 1.2, MAAL),
    Doel("Linear growth: build(10,000) / build(1,000)", f"≤ 11{MAAL}", _groei, 11, MAAL),
    Doel("Full build at N = 5,000", "≤ 20 s", _op(5000, "build_s", "median"), 20, "s"),
    Doel("Validation at N = 5,000", "≤ 1.5 s", _op(5000, "validate_s", "median"), 1.5, "s"),
    Doel("Peak RSS of the full build at N = 5,000", "≤ 600 MB",
         _op(5000, "build_peak_rss_mb", "median"), 600, "MB"),
    Doel("Map page at N = 5,000 (kaart.html + index.html)", "≤ 2 MB",
         _schaal(_op(5000, "site", "map", "total_bytes"), MB), 2, "MB"),
    Doel("`mkdocs serve` rebuild after a one-line edit at N = 1,000", "≤ 3 s",
         _op(1000, "serve_rebuild_s", "median"), 3, "s"),
)  # fmt: skip


def targets(resultaten: dict[int, dict[str, Any]]) -> list[dict[str, Any]]:
    uitkomst = []
    for doel in DOELEN:
        waarde = doel.meet(resultaten)
        uitkomst.append(
            {
                "target": doel.naam,
                "limit": doel.grens,
                "value": waarde,
                "unit": doel.eenheid,
                "met": None if waarde is None else waarde <= doel.limiet,
            }
        )
    return uitkomst


# --- The machine and the report ------------------------------------------------------------


def _eerste(pad: str, sleutel: str) -> str | None:
    try:
        for regel in Path(pad).read_text(encoding="utf-8").splitlines():
            if regel.startswith(sleutel):
                return regel.split(":" if ":" in regel else "=", 1)[1].strip().strip('"')
    except OSError:
        pass
    return None


def _versie(pakket: str) -> str | None:
    try:
        return importlib.metadata.version(pakket)
    except importlib.metadata.PackageNotFoundError:
        return None


def _git(*args: str) -> str | None:
    try:
        uit = subprocess.run(
            ["git", *args], cwd=REPO, capture_output=True, text=True, check=True, timeout=30
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return uit.stdout.strip()


def _referentiewerk() -> None:
    """A fixed piece of pure-Python work: parsing and writing JSON, formatting, sorting."""
    data = [{"id": f"x-{i}", "naam": f"Voorbeeld {i}", "n": i % 97} for i in range(20_000)]
    for _ in range(5):
        tekst = json.dumps(data)
        terug = json.loads(tekst)
        sorted(terug, key=lambda d: (d["n"], d["naam"]))
        "".join(f"<td>{d['naam']}</td>" for d in terug)


def machine_speed(herhalingen: int = 5) -> float:
    """Seconds for the reference work (median): the same machine can be markedly slower at one
    hour than at another (a shared virtual machine); this number shows in which state it was."""
    tijden = []
    for _ in range(herhalingen):
        begin = time.perf_counter()
        _referentiewerk()
        tijden.append(time.perf_counter() - begin)
    return statistics.median(tijden)


def machine() -> dict[str, Any]:
    geheugen = _eerste("/proc/meminfo", "MemTotal")
    wijzigingen = _git("status", "--porcelain", "--untracked-files=no")
    return {
        "cpu": _eerste("/proc/cpuinfo", "model name") or platform.processor() or None,
        "cores": os.cpu_count(),
        "usable_cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "ram_mb": int(geheugen.split()[0]) * 1024 / MB if geheugen else None,
        "os": _eerste("/etc/os-release", "PRETTY_NAME") or platform.system(),
        "kernel": platform.release(),
        "python": platform.python_version(),
        "mkdocs": _versie("mkdocs"),
        "mkdocs_material": _versie("mkdocs-material"),
        "git_commit": _git("rev-parse", "HEAD"),
        "git_dirty": None if wijzigingen is None else bool(wijzigingen),
    }


def _s(samenvatting: dict[str, Any] | None, fmt: str = "{:.2f}") -> list[str]:
    if samenvatting is None:
        return ["not measured", "", ""]
    return [fmt.format(samenvatting[k]) for k in ("median", "min", "max")]


def _mb(nbytes: int | None) -> str:
    return STREEP if nbytes is None else f"{nbytes / MB:.2f} MB ({nbytes:,} bytes)"


def _rij(*cellen: str) -> str:
    return "| " + " | ".join(cellen) + " |"


def _paden(paden: Sequence[str], hoeveel: int = 5) -> str:
    tekst = ", ".join(f"`{pad}`" for pad in paden[:hoeveel])
    return tekst + (f" and {len(paden) - hoeveel:,} more" if len(paden) > hoeveel else "")


def _verschillen(r: dict[str, Any]) -> list[str]:
    """What differs between the full build and the baseline at one size, as Markdown bullets."""
    regels = [
        f"- Links to pages the demo data lacks, made plain text in both builds: "
        f"{r['content_links_removed']}."
    ]
    verschil = r["baseline_pages"]
    if verschil["missing_in_baseline"]:
        regels.append(
            f"- Pages only the full build has (besides `kaart/kaart.html`): "
            f"{_paden(verschil['missing_in_baseline'])}."
        )
    if verschil["only_in_baseline"]:
        regels.append(f"- Pages only the baseline has: {_paden(verschil['only_in_baseline'])}.")
    if r["baseline_warnings"]:
        regels.append(
            f"- The baseline build warned {len(r['baseline_warnings'])} time(s), first: "
            f"`{r['baseline_warnings'][0]}`"
        )
    return regels


def _snelheid_md(snelheid: dict[str, float] | None) -> str:
    if not snelheid:
        return "Machine speed: not measured."
    return (
        f"Machine speed: a fixed piece of pure-Python work took {snelheid['before']:.2f} s before "
        f"and {snelheid['after']:.2f} s after the run (lower is faster). This machine is a shared "
        "virtual machine whose speed changes from hour to hour; compare runs by this number, and "
        "the plugin with the baseline by their ratio."
    )


def _profiel_md(n: int, profiel: dict[str, Any]) -> list[str]:
    regels = [
        f"## Where the time goes at N = {n:,} (one full build under cProfile)",
        "",
        f"cProfile slows Python down (about 3{MAAL}): read the shares, not the seconds. The "
        "parts nest (the navigation is part of the page template), so they do not add up to "
        "100 %.",
        "",
        _rij("part", "profiled s", "share of the build"),
        _rij("---", "---:", "---:"),
        _rij("whole build", f"{profiel['profiled_total_s']:.1f}", "100 %"),
    ]
    for deel in profiel["parts"]:
        regels.append(_rij(deel["part"], f"{deel['profiled_s']:.1f}", f"{deel['share']:.0%}"))
    return regels


def report_md(rapport: dict[str, Any]) -> str:
    m = rapport["machine"]
    instellingen = rapport["settings"]
    regels = [
        "# Benchmark results",
        "",
        f"Generated by `scripts/bench.py` on {rapport['date']} "
        f"(sizes {', '.join(f'{n:,}' for n in instellingen['sizes'])}; "
        f"{instellingen['runs']} run(s) each, medians; seed {instellingen['seed']}).",
        "",
        *(
            [
                f"Geography: `{instellingen['geo']}`, not the real one (data/geo): these numbers "
                "do not measure the real site.",
                "",
            ]
            if instellingen.get("geo")
            else []
        ),
        f"Machine: {m['cpu']}, {m['cores']} cores ({m['usable_cores']} usable), "
        f"{(m['ram_mb'] or 0) / 1000:.1f} GB RAM, {m['os']} (Linux {m['kernel']}); "
        f"Python {m['python']}, MkDocs {m['mkdocs']}, Material {m['mkdocs_material']}; "
        f"commit `{m['git_commit']}`{' with uncommitted changes' if m['git_dirty'] else ''}.",
        "",
        _snelheid_md(rapport.get("machine_speed_s")),
        "",
        "## Targets (issue 6)",
        "",
        _rij("target", "limit", "measured", "result"),
        _rij("---", "---", "---", "---"),
    ]
    for doel in rapport["targets"]:
        if doel["value"] is None:
            regels.append(_rij(doel["target"], doel["limit"], STREEP, "not measured"))
        else:
            eenheid = doel["unit"] if doel["unit"] == MAAL else f" {doel['unit']}"
            waarde = f"{doel['value']:.2f}{eenheid}"
            regels.append(
                _rij(
                    doel["target"], doel["limit"], waarde, "✅ met" if doel["met"] else "❌ missed"
                )
            )
    for r in rapport["results"]:
        site, basis = r["site"], r["baseline_site"]
        regels += [
            "",
            f"## N = {r['n']:,}",
            "",
            _rij("metric", "median", "min", "max"),
            _rij("---", "---:", "---:", "---:"),
            _rij("validation: `regio validate` (s)", *_s(r["validate_s"])),
            _rij("full build: `mkdocs build --strict` with the plugin (s)", *_s(r["build_s"])),
            _rij("baseline build without the plugin (s)", *_s(r["baseline_s"])),
            _rij(
                "plugin overhead (full / baseline, medians)", f"{r['overhead']:.2f}{MAAL}", "", ""
            ),
            _rij("peak RSS, full build (MB)", *_s(r["build_peak_rss_mb"], "{:.0f}")),
            _rij("peak RSS, baseline build (MB)", *_s(r["baseline_peak_rss_mb"], "{:.0f}")),
            _rij("peak RSS, validation (MB)", *_s(r["validate_peak_rss_mb"], "{:.0f}")),
            _rij("`mkdocs serve` rebuild after an edit (s)", *_s(r["serve_rebuild_s"])),
            "",
            _rij("output", "full build", "baseline"),
            _rij("---", "---", "---"),
            _rij("site/ size", _mb(site["bytes"]), _mb(basis["bytes"])),
            _rij("HTML files", f"{site['html_pages']:,}", f"{basis['html_pages']:,}"),
            _rij(
                "largest HTML page",
                f"`{site['largest_page']['path']}` {_mb(site['largest_page']['bytes'])}",
                f"`{basis['largest_page']['path']}` {_mb(basis['largest_page']['bytes'])}",
            ),
            _rij(
                "map document `kaart/kaart.html`",
                _mb(site["map"]["kaart_html_bytes"]),
                "copied from `regio render`",
            ),
            _rij(
                "map page `kaart/index.html`",
                _mb(site["map"]["index_html_bytes"]),
                _mb(basis["map"]["index_html_bytes"]),
            ),
        ]
        regels += ["", *_verschillen(r)]
    for r in rapport["results"]:
        if r.get("profile"):
            regels += ["", *_profiel_md(r["n"], r["profile"])]
    regels += ["", "## What is measured", "", *NOTES, ""]
    return "\n".join(regels)


NOTES = (
    "- Every number comes from a fresh child process; times are wall-clock, peak RSS is that "
    "child's own maximum resident set (`os.wait4`), MB = 1,000,000 bytes.",
    "- Data: `scripts/generate_demo_data.py --size N` (fictional). The project is a copy of "
    "`mkdocs.yml` (only `kaart_tiles: none`) and of `content/`; links in the hand-written pages "
    "to entities the demo data lacks are turned into plain text, in both builds (`--strict` "
    "would stop on them).",
    "- Baseline: `regio render --out` into the same `content/`, the plugin's assets copied in, "
    "built by plain `mkdocs build` with a config that INHERITs the full one but lists the "
    "plugins without `regio` (search stays), adds the plugin's CSS/JS and marks the generated "
    "pages not-in-nav as the plugin does. `regio render` also writes the map document and the "
    "open data, which the baseline copies as static files. The baseline lacks what only the "
    "plugin does during the build: validating the data, rendering the pages, the map and the open "
    "data (the time of `regio render` is recorded separately as `render_s` in results.json), "
    "repairing Material's HTML, and its speed-ups (HTML blocks handed past Markdown, the "
    "navigation rendered once per folder).",
    "- `mkdocs serve` runs with live reload (its default, what editors use); the time is from "
    "writing `regions.yaml` (a partnership's `naam` changed) until that partnership's page is "
    "served with the new text, polled every 50 ms.",
    "- HTML files include `404.html` and the map document.",
)


# --- Command line --------------------------------------------------------------------------


def _groottes(tekst: str) -> list[int]:
    try:
        waarden = sorted({int(deel) for deel in tekst.split(",") if deel.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{tekst}' is geen lijst van getallen") from None
    if not waarden or waarden[0] < 1:
        raise argparse.ArgumentTypeError("geef een of meer getallen van 1 of meer")
    return waarden


def _positief(tekst: str) -> int:
    try:
        waarde = int(tekst)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{tekst}' is geen geheel getal") from None
    if waarde < 1:
        raise argparse.ArgumentTypeError("moet 1 of meer zijn")
    return waarde


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Meet validatie, bouw en 'mkdocs serve' op fictieve gegevens van "
        "verschillende grootte en schrijf results.md en results.json."
    )
    parser.add_argument(
        "--sizes",
        type=_groottes,
        default=list(STANDAARD_GROOTTES),
        help="aantallen entiteiten, met komma's (standaard: 100,1000,5000,10000)",
    )
    parser.add_argument(
        "--runs", type=_positief, default=3, help="metingen per grootte (standaard: 3)"
    )
    parser.add_argument(
        "--out", type=Path, default=REPO / "bench", help="doelmap (standaard: bench)"
    )
    parser.add_argument("--seed", type=int, default=1, help="startwaarde voor de voorbeeldgegevens")
    parser.add_argument(
        "--serve-size",
        type=int,
        default=1000,
        help="grootte waarbij 'mkdocs serve' wordt gemeten, als die bij --sizes hoort "
        "(standaard: 1000; 0: niet meten)",
    )
    parser.add_argument(
        "--profile-size",
        type=int,
        default=5000,
        help="grootte waarbij één bouw onder cProfile laat zien waar de tijd heen gaat, als die "
        "bij --sizes hoort (standaard: 5000; 0: niet)",
    )
    parser.add_argument(
        "--speed-runs",
        type=_positief,
        default=5,
        help="herhalingen van het referentiewerk voor en na de meting (standaard: 5)",
    )
    parser.add_argument(
        "--keep", action="store_true", help="bewaar de tijdelijke projecten in OUT/tmp"
    )
    parser.add_argument(
        "--geo",
        type=Path,
        default=ECHTE_GEO,
        help="geografie voor de voorbeeldgegevens (standaard: de echte in data/geo; een kleinere "
        "maakt de meting sneller maar zegt dan niets over de echte site)",
    )
    return parser.parse_args(argv)


def run(args: argparse.Namespace) -> dict[str, Any]:
    resultaten: list[dict[str, Any]] = []
    snelheid_voor = machine_speed(args.speed_runs)
    for size in args.sizes:
        werk = args.out / "tmp" / f"n{size}"
        resultaten.append(
            bench_size(
                size,
                args.runs,
                args.seed,
                werk,
                serve=size == args.serve_size,
                profiel=size == args.profile_size,
                geo=args.geo,
            )
        )
        if not args.keep:
            shutil.rmtree(werk)
    if not args.keep and (args.out / "tmp").is_dir() and not any((args.out / "tmp").iterdir()):
        (args.out / "tmp").rmdir()
    return {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "settings": {
            "sizes": args.sizes,
            "runs": args.runs,
            "seed": args.seed,
            "serve_size": args.serve_size if args.serve_size in args.sizes else None,
            # None: the real geography (data/geo).
            "geo": None if args.geo.resolve() == ECHTE_GEO.resolve() else str(args.geo),
        },
        "machine": machine(),
        # The reference work before and after the run (s): equal means the machine kept its speed.
        "machine_speed_s": {"before": snelheid_voor, "after": machine_speed(args.speed_runs)},
        "results": resultaten,
        "targets": targets({r["n"]: r for r in resultaten}),
    }


def write(out: Path, rapport: dict[str, Any]) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    json_pad, md_pad = out / "results.json", out / "results.md"
    json_pad.write_text(json.dumps(rapport, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    md_pad.write_text(report_md(rapport), encoding="utf-8")
    return [json_pad, md_pad]


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    args.out = args.out.resolve()
    try:
        rapport = run(args)
    except StapMislukt as fout:
        meld(f"bench: fout: {fout}")
        meld("De tijdelijke bestanden staan nog in " + str(args.out / "tmp"))
        return 1
    for pad in write(args.out, rapport):
        meld(f"geschreven: {pad}")
    for doel in rapport["targets"]:
        uitslag = {None: "niet gemeten", True: "gehaald", False: "NIET gehaald"}[doel["met"]]
        meld(f"  {doel['target']} ({doel['limit']}): {uitslag}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
