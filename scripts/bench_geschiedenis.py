"""Cost of reading the data's git history (issue 16): the real repository, and a fictional one.

The fictional repository holds demo data (scripts/generate_demo_data.py, ``--entiteiten``
entities) and ``--commits`` commits made with ``git fast-import``: each changes the name of one
to three entries, and every tenth adds an entry or removes one, in regions.yaml or contacts.yaml.
Each measurement runs ``lees_geschiedenis`` in a fresh Python process (``--runs`` times) and
records its wall time and the process's peak memory. Prints a Markdown report; with ``--out``
also writes it there.

    python scripts/bench_geschiedenis.py --commits 1000 --out bench/geschiedenis.md
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
sys.path.insert(0, str(REPO / "plugins"))

import generate_demo_data  # noqa: E402
from regio.gegevens.versies import stukken  # noqa: E402

# Run in a child: one measurement, JSON on stdout (seconds, peak KB, number of changes).
METING = """
import json, resource, sys, time
from pathlib import Path
from regio.gegevens.geschiedenis import lees_geschiedenis
begin = time.perf_counter()
geschiedenis, reden = lees_geschiedenis(Path(sys.argv[1]))
duur = time.perf_counter() - begin
assert geschiedenis is not None, reden
piek = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps([duur, piek, len(geschiedenis.alle), len(geschiedenis.per_entiteit)]))
"""


def _bestand(delen: list[tuple[tuple[str, str], str]]) -> str:
    """The file text of its entries ((collection, item marker), text after the marker)."""
    regels, sectie = [], None
    for (naam, teken), stuk in delen:
        if naam != sectie:
            regels.append(f"{naam}:\n")
            sectie = naam
        regels.append(f"{teken}{stuk}\n")
    return "".join(regels)


def maak_repo(doel: Path, entiteiten: int, aantal_commits: int, seed: int) -> None:
    """A git repository in ``doel`` with demo data and ``aantal_commits`` commits to it."""
    generate_demo_data.write(doel / "data", entiteiten, seed)
    bestanden: dict[str, list[tuple[tuple[str, str], str]]] = {}
    for naam in ("regions.yaml", "contacts.yaml"):
        knip = stukken((doel / "data" / naam).read_text(encoding="utf-8"))
        assert knip is not None, naam
        bestanden[naam] = [(sleutel, stuk) for sleutel, lijst in knip.items() for stuk in lijst]
    kans = random.Random(seed)
    subprocess.run(["git", "init", "-q", "-b", "main", str(doel)], check=True)
    stroom: list[bytes] = []

    def data(inhoud: bytes) -> None:
        stroom.append(b"data %d\n" % len(inhoud) + inhoud + b"\n")

    moment = 1_700_000_000
    for n in range(aantal_commits):
        if n == 0:
            gewijzigd = list(bestanden)
            bericht = "Begin"
        else:
            naam = "regions.yaml" if kans.random() < 0.7 else "contacts.yaml"
            delen = bestanden[naam]
            for _ in range(kans.randint(1, 3)):
                i = kans.randrange(len(delen))
                sectie, stuk = delen[i]
                delen[i] = (sectie, stuk.replace("naam: ", f"naam: V{n} ", 1))
            if n % 10 == 0:
                i = kans.randrange(len(delen))
                sectie, stuk = delen[i]
                if n % 20 == 0:
                    delen.insert(i, (sectie, stuk.replace("id: ", f"id: bench-{n}-", 1)))
                else:
                    del delen[i]
            gewijzigd = [naam]
            bericht = f"Wijziging {n}"
        moment += 3600
        eerste_van_blok = not stroom
        stroom.append(b"commit refs/heads/main\n")
        stroom.append(b"committer Bench <bench@example.org> %d +0100\n" % moment)
        data(bericht.encode())
        if n > 0 and eerste_van_blok:  # a new fast-import continues from the branch's tip
            stroom.append(b"from refs/heads/main^0\n")
        for naam in gewijzigd:
            stroom.append(f"M 100644 inline data/{naam}\n".encode())
            data(_bestand(bestanden[naam]).encode())
        if n % 100 == 99:  # keep the stream's memory bounded
            _importeer(doel, stroom)
            stroom.clear()
    _importeer(doel, stroom)
    subprocess.run(["git", "-C", str(doel), "reset", "-q", "--hard", "main"], check=True)


def _importeer(repo: Path, stroom: list[bytes]) -> None:
    if stroom:
        subprocess.run(
            ["git", "-C", str(repo), "fast-import", "--quiet"], input=b"".join(stroom), check=True
        )


def meet(data_dir: Path, runs: int) -> dict[str, float]:
    uitkomsten = []
    for _ in range(runs):
        uit = subprocess.run(
            [sys.executable, "-c", METING, str(data_dir)],
            capture_output=True,
            text=True,
            check=True,
            env=os.environ | {"PYTHONPATH": str(REPO / "plugins")},
        )
        uitkomsten.append(json.loads(uit.stdout))
    return {
        "seconden": statistics.median(u[0] for u in uitkomsten),
        "min": min(u[0] for u in uitkomsten),
        "max": max(u[0] for u in uitkomsten),
        "piek_mb": max(u[1] for u in uitkomsten) / 1024,
        "wijzigingen": uitkomsten[0][2],
        "entiteiten": uitkomsten[0][3],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entiteiten", type=int, default=10_000)
    parser.add_argument("--commits", type=int, default=1_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)

    echt_commits = subprocess.run(
        ["git", "-C", str(REPO), "rev-list", "--count", "--first-parent", "HEAD", "--", "data"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    echt = meet(REPO / "data", args.runs)
    with tempfile.TemporaryDirectory(prefix="bench-geschiedenis-") as tmp:
        repo = Path(tmp) / "repo"
        maak_repo(repo, args.entiteiten, args.commits, args.seed)
        grootte = sum(f.stat().st_size for f in (repo / ".git").rglob("*") if f.is_file())
        demo = meet(repo / "data", args.runs)
        regels = (repo / "data" / "regions.yaml").read_bytes().count(b"\n")

    def getal(n: float) -> str:
        return f"{n:,.0f}".replace(",", ".")

    def rij(naam: str, m: dict[str, float]) -> str:
        return (
            f"| {naam} | {m['seconden']:.2f} s ({m['min']:.2f} tot {m['max']:.2f}) | "
            f"{m['piek_mb']:.0f} MB | {getal(m['wijzigingen'])} | {getal(m['entiteiten'])} |"
        )

    rapport = "\n".join(
        [
            "# De geschiedenis van de gegevens lezen (issue 16)",
            "",
            f"`python scripts/bench_geschiedenis.py --entiteiten {args.entiteiten} --commits "
            f"{args.commits} --runs {args.runs}` op {platform.node() or 'deze machine'} "
            f"({os.cpu_count()} kernen, Python {platform.python_version()}). Elke meting is een "
            "nieuw Python-proces dat `lees_geschiedenis` draait: mediaan (min tot max) van de "
            "looptijd en het hoogste geheugengebruik van het proces (inclusief Python en de "
            "geladen modules). De belasting van de machine voor de metingen: "
            f"{Path('/proc/loadavg').read_text().split()[0]}.",
            "",
            "| repository | tijd | piekgeheugen | wijzigingen | entiteiten met geschiedenis |",
            "|---|---|---|---|---|",
            rij(f"deze repository ({echt_commits} commits aan data/)", echt),
            rij(
                f"fictief: {getal(args.entiteiten)} entiteiten, {getal(args.commits)} commits "
                f"(regions.yaml {getal(regels)} regels, .git {grootte / 1e6:.0f} MB)",
                demo,
            ),
            "",
            "Elke versie van een bestand wordt in haar entries geknipt (gewone tekst, geen YAML); "
            "alleen entries waarvan de tekst nieuw is, worden geparst "
            "(`plugins/regio/gegevens/versies.py`). De blobs komen één voor één uit één "
            "`git cat-file --batch`.",
            "",
        ]
    )
    print(rapport)
    if args.out:
        args.out.write_text(rapport, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
