"""Lighthouse on a built site, served as in production (gzip, a cache header), mobile.

    python scripts/lighthouse.py [--site DIR] [--runs 3] [--out bench] [--pages "",contact/]

Without --site it builds the real site first (`mkdocs build --strict` into a temporary folder).
It serves the site with Debian's nginx on 127.0.0.1 (a configuration in a temporary folder, no
root needed): gzip on for HTML, CSS, JavaScript, JSON and SVG, `Cache-Control: max-age=600`.
Then it runs Lighthouse from npm (scripts/lighthouse/, pinned in its own package-lock.json)
with Debian's
Chromium, mobile with simulated throttling (Lighthouse's defaults), N runs per page, each with a
fresh browser profile, the map tiles of PDOK blocked (they are third-party and vary). It writes
lighthouse.json (every run, the medians, the versions) and lighthouse.md (the median per
category per page, plus FCP, LCP and TBT) into --out.

It is a benchmark, not a test: `make lighthouse`, not part of `make test`. It exits with 1 only
when a step fails (nginx, Lighthouse), never because of a score.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
# Its own npm folder (scripts/lighthouse/), so `make test` does not install its 200 packages.
LIGHTHOUSE = REPO / "scripts" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
NGINX = "/usr/sbin/nginx"
MIME_TYPES = "/etc/nginx/mime.types"

PAGINAS = ("", "provincies/utrecht/", "contact/", "partnerschappen/", "gemeenten/breda/", "kaart/")
CATEGORIEEN = ("performance", "accessibility", "best-practices", "seo")
CATEGORIE_NAMEN = {
    "performance": "Performance",
    "accessibility": "Accessibility",
    "best-practices": "Best practices",
    "seo": "SEO",
}
METINGEN = {  # audit id -> column, in milliseconds
    "first-contentful-paint": "FCP",
    "largest-contentful-paint": "LCP",
    "total-blocking-time": "TBT",
}
GZIP_TYPES = ("text/css", "application/javascript", "application/json", "image/svg+xml")
# The map's background tiles (regio.uitvoer.kaart.PDOK_TILES): a third party whose speed varies.
GEBLOKKEERD = ("*service.pdok.nl*",)
CHROME_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def nginx_config(root: Path, poort: int, werkmap: Path) -> str:
    """An nginx configuration serving ``root`` on 127.0.0.1:``poort``, every path it writes
    inside ``werkmap`` (so it runs without root)."""
    tijdelijk = {
        naam: werkmap / naam for naam in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    }
    return "\n".join(
        [
            "worker_processes 1;",
            "daemon off;",
            f"pid {werkmap / 'nginx.pid'};",
            f"error_log {werkmap / 'error.log'} warn;",
            "events { worker_connections 256; }",
            "http {",
            f"  include {MIME_TYPES};",
            "  default_type application/octet-stream;",
            "  access_log off;",
            "  sendfile on;",
            *(f"  {naam}_temp_path {pad};" for naam, pad in tijdelijk.items()),
            "  gzip on;",
            "  gzip_comp_level 6;",
            "  gzip_min_length 256;",
            # text/html is always compressed once gzip is on; listing it again gives a warning.
            f"  gzip_types {' '.join(GZIP_TYPES)};",
            "  server {",
            f"    listen 127.0.0.1:{poort};",
            f"    root {root};",
            "    index index.html;",
            '    add_header Cache-Control "max-age=600";',
            "    error_page 404 /404.html;",
            "  }",
            "}",
            "",
        ]
    )


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def nginx(root: Path, werkmap: Path) -> Iterator[str]:
    """Serve ``root`` with nginx until the block ends; yields the base URL ending in '/'."""
    poort = vrije_poort()
    config = werkmap / "nginx.conf"
    config.write_text(nginx_config(root.resolve(), poort, werkmap), encoding="utf-8")
    proces = subprocess.Popen(
        [NGINX, "-p", str(werkmap), "-e", str(werkmap / "error.log"), "-c", str(config)]
    )
    adres = f"http://127.0.0.1:{poort}/"
    try:
        for _ in range(100):
            if proces.poll() is not None:
                log = (werkmap / "error.log").read_text(encoding="utf-8", errors="replace")
                raise SystemExit(f"nginx stopte meteen:\n{log}")
            try:
                urllib.request.urlopen(adres, timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise SystemExit("nginx antwoordt niet")
        yield adres
    finally:
        proces.terminate()
        proces.wait(timeout=10)


def lighthouse(url: str, uitvoer: Path, profiel: Path) -> dict[str, Any]:
    """One Lighthouse run (mobile, simulated throttling); its JSON report."""
    vlaggen = " ".join([*CHROME_FLAGS, f"--user-data-dir={profiel}"])
    opdracht = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={uitvoer}",
        f"--only-categories={','.join(CATEGORIEEN)}",
        "--form-factor=mobile",
        "--throttling-method=simulate",
        f"--chrome-flags={vlaggen}",
        *(f"--blocked-url-patterns={patroon}" for patroon in GEBLOKKEERD),
    ]
    omgeving = {**os.environ, "CHROME_PATH": CHROMIUM}
    subprocess.run(opdracht, check=True, env=omgeving, timeout=600)
    rapport: dict[str, Any] = json.loads(uitvoer.read_text(encoding="utf-8"))
    return rapport


def meting(rapport: dict[str, Any]) -> dict[str, float | None]:
    """Scores (0 to 100) per category and FCP/LCP/TBT (ms) of one report."""
    waarden: dict[str, float | None] = {}
    for categorie in CATEGORIEEN:
        score = rapport["categories"].get(categorie, {}).get("score")
        waarden[categorie] = None if score is None else round(score * 100)
    for audit in METINGEN:
        waarden[audit] = rapport["audits"].get(audit, {}).get("numericValue")
    return waarden


def samenvatting(runs: dict[str, list[dict[str, float | None]]]) -> dict[str, dict[str, float]]:
    """The median of every value per page over its runs (runs without a value left out)."""
    mediaan: dict[str, dict[str, float]] = {}
    for pagina, metingen in runs.items():
        mediaan[pagina] = {}
        for sleutel in (*CATEGORIEEN, *METINGEN):
            waarden = [m[sleutel] for m in metingen if m.get(sleutel) is not None]
            if waarden:
                mediaan[pagina][sleutel] = statistics.median(w for w in waarden if w is not None)
    return mediaan


def _ms(waarde: float | None) -> str:
    return (
        "-"
        if waarde is None
        else f"{waarde / 1000:.2f} s"
        if waarde >= 1000
        else f"{waarde:.0f} ms"
    )


def markdown(mediaan: dict[str, dict[str, float]], info: dict[str, Any]) -> str:
    """lighthouse.md: one row per page, the medians."""
    koppen = ["Pagina", *CATEGORIE_NAMEN.values(), *METINGEN.values()]
    regels = [
        "# Lighthouse",
        "",
        f"Median of {info['runs']} runs per page, mobile, simulated throttling (Lighthouse "
        f"{info['lighthouse']}, {info['chromium']}), served by nginx with gzip and "
        "`Cache-Control: max-age=600`, PDOK tiles blocked. "
        f"{info['datum']}, commit {info['commit']}. Regenerate with `make lighthouse`.",
        "",
        "| " + " | ".join(koppen) + " |",
        "| " + " | ".join(["---"] + ["---:"] * (len(koppen) - 1)) + " |",
    ]
    for pagina, waarden in mediaan.items():
        scores = [f"{waarden[c]:.0f}" if c in waarden else "-" for c in CATEGORIEEN]
        tijden = [_ms(waarden.get(a)) for a in METINGEN]
        regels.append("| " + " | ".join([f"`/{pagina}`", *scores, *tijden]) + " |")
    return "\n".join(regels) + "\n"


def _versie(opdracht: list[str]) -> str:
    try:
        uit = subprocess.run(opdracht, capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return "onbekend"
    return uit.strip().splitlines()[0] if uit.strip() else "onbekend"


def _bouw(doel: Path) -> None:
    mkdocs = Path(sys.executable).parent / "mkdocs"
    subprocess.run(
        [str(mkdocs), "build", "--strict", "--quiet", "-d", str(doel)], check=True, cwd=REPO
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build it first)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=REPO / "bench")
    parser.add_argument("--pages", help="comma-separated paths, '' for home", default=None)
    args = parser.parse_args(argv)
    paginas = PAGINAS if args.pages is None else tuple(args.pages.split(","))
    for nodig in (LIGHTHOUSE, Path(CHROMIUM), Path(NGINX)):
        if not nodig.exists():
            print(f"{nodig} ontbreekt (npm ci, apt install chromium nginx)", file=sys.stderr)
            return 1
    with tempfile.TemporaryDirectory(prefix="regio-lighthouse-") as tmp:
        werkmap = Path(tmp)
        site = args.site
        if site is None:
            site = werkmap / "site"
            _bouw(site)
            # nginx's workers run as another user (nobody) when started as root: they must be
            # able to read the temporary folder (0700 from tempfile) and the site in it.
            werkmap.chmod(0o755)
        runs: dict[str, list[dict[str, float | None]]] = {}
        with nginx(site, werkmap) as adres:
            for pagina in paginas:
                runs[pagina] = []
                for n in range(args.runs):
                    profiel = werkmap / f"profiel-{len(runs)}-{n}"
                    rapport = lighthouse(adres + pagina, werkmap / "rapport.json", profiel)
                    runs[pagina].append(meting(rapport))
                    shutil.rmtree(profiel, ignore_errors=True)
                    print(f"/{pagina} run {n + 1}: {runs[pagina][-1]}", flush=True)
    mediaan = samenvatting(runs)
    info = {
        "runs": args.runs,
        "lighthouse": _versie([str(LIGHTHOUSE), "--version"]),
        "chromium": _versie([CHROMIUM, "--version"]),
        "datum": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": _versie(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"]),
    }
    args.out.mkdir(parents=True, exist_ok=True)
    uitvoer = {"info": info, "mediaan": mediaan, "runs": runs}
    tekst = json.dumps(uitvoer, indent=2, ensure_ascii=False) + "\n"
    (args.out / "lighthouse.json").write_text(tekst, encoding="utf-8")
    (args.out / "lighthouse.md").write_text(markdown(mediaan, info), encoding="utf-8")
    print((args.out / "lighthouse.md").read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
