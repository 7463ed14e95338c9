"""`make serve-zensical`: Zensical's preview, with the pages rendered again when data/ changes.

    python -m regio.zensical.serve [--project DIR] [--dev-addr HOST:PORT] [--zensical PROGRAM]

``zensical serve`` watches its docs folder (build/zensical-docs/) but knows nothing of data/ or
content/: this loop looks at both once a second and, after a change, renders the docs folder
again. Only files whose content changed are written, so Zensical rebuilds just those pages.
Invalid data prints the validator's messages and keeps the last good pages in the preview.
"""

from __future__ import annotations

import argparse
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from regio.zensical.build import ZENSICAL, bereid_voor
from regio.zensical.config import lees_mkdocs, regio_opties


def stand(mappen: Sequence[Path]) -> dict[Path, tuple[int, int]]:
    """(modification time, size) per file under ``mappen``: what a change alters."""
    return {
        p: (p.stat().st_mtime_ns, p.stat().st_size)
        for map_ in mappen
        for p in map_.rglob("*")
        if p.is_file()
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m regio.zensical.serve",
        description="Bekijk de site met Zensical terwijl u de gegevens of de teksten aanpast.",
    )
    parser.add_argument("--project", type=Path, default=Path.cwd(), help="map met mkdocs.yml")
    parser.add_argument("--dev-addr", default="127.0.0.1:8000", metavar="HOST:POORT")
    parser.add_argument("--zensical", type=Path, default=ZENSICAL, help="het zensical-programma")
    args = parser.parse_args(argv)
    project = args.project.resolve()
    config = lees_mkdocs(project / "mkdocs.yml")
    bekeken = [
        project / regio_opties(config).data_dir,
        project / str(config.get("docs_dir", "docs")),
    ]
    voorbereid = bereid_voor(project)
    if voorbereid is None:
        return 1
    config_pad, _ = voorbereid
    opdracht = [str(args.zensical.resolve()), "serve", "--config-file", str(config_pad)]
    zensical = subprocess.Popen([*opdracht, "--dev-addr", args.dev_addr], cwd=config_pad.parent)
    vorige = stand(bekeken)
    # Stopped by a signal as by Ctrl-C: the finally below stops Zensical too.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        while zensical.poll() is None:
            time.sleep(1)
            if (nu := stand(bekeken)) != vorige:
                vorige = nu
                print("Gegevens of teksten veranderd: pagina's opnieuw maken …", file=sys.stderr)
                if bereid_voor(project) is None:
                    print(
                        "De vorige pagina's blijven staan tot de fouten zijn opgelost.",
                        file=sys.stderr,
                    )
    except KeyboardInterrupt:
        pass
    finally:
        if zensical.poll() is None:
            zensical.terminate()
            zensical.wait(timeout=10)
    return zensical.returncode or 0


if __name__ == "__main__":
    sys.exit(main())
