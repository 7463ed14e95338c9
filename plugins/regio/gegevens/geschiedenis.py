"""What changed when: the history of each entity, read from git at build time.

Only the git command line is used (``git log`` for the commits that touch the data files and
their blob ids, ``git cat-file --batch`` for the contents); every version is read with our own
loader and parser, so a reformatted or moved entry is no change: entities are compared as parsed
models, field by field, matched by ``id`` across both files and all collections. A renamed id
is therefore a removal and a creation.

The history follows the first-parent line of HEAD (a merged branch counts as one change, with
the merge's subject), and only commits that touch the data files. A version that does not load or
parse is skipped: its changes are credited to the next version that parses. Each blob (one
version of one file) is parsed once, even when it comes back later.

Without git, outside a repository, in a shallow clone or when the data files were never
committed there is no history: :func:`lees_geschiedenis` returns ``None`` with the reason, and
the site says nothing about changes.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

from regio.gegevens.model import Entiteit
from regio.gegevens.registry import bestanden
from regio.gegevens.versies import Stand, Versie, Versies

Soort = Literal["toegevoegd", "gewijzigd", "verwijderd"]
# Values shown as "old -> new"; anything else (lists, nested objects) only by its field name.
Enkelvoudig = str | int | float | bool | date
_ENKELVOUDIG = (str, int, float, bool, date)
_NUL = "0" * 40


@dataclass(frozen=True)
class Veldwijziging:
    veld: str
    # Both set only when the field is a simple value (or absent) before and after.
    oud: Enkelvoudig | None = None
    nieuw: Enkelvoudig | None = None
    enkelvoudig: bool = False


@dataclass(frozen=True)
class Wijziging:
    """One commit's change to one entity."""

    soort: Soort
    datum: datetime  # committer date, with the committer's offset
    commit: str
    bericht: str  # the subject line
    velden: tuple[Veldwijziging, ...] = ()
    # The entity as of this change (for a removal: as it was last): for lists of changes.
    id: str = ""
    naam: str = ""
    collectie: str = ""
    provincies: tuple[str, ...] = ()
    gemeenten: tuple[str, ...] = ()  # CBS names; the view derives their provinces


@dataclass(frozen=True)
class Geschiedenis:
    """Per entity id its changes, oldest first; ``alle`` every change, newest first."""

    per_entiteit: Mapping[str, tuple[Wijziging, ...]]
    head: str  # the newest commit that touched the data
    alle: tuple[Wijziging, ...] = ()

    def van(self, ident: str) -> tuple[Wijziging, ...]:
        return self.per_entiteit.get(ident, ())

    def laatst(self, ident: str) -> Wijziging | None:
        wijzigingen = self.van(ident)
        return wijzigingen[-1] if wijzigingen else None


@dataclass(frozen=True)
class Commit:
    id: str
    datum: datetime
    bericht: str
    blobs: Mapping[str, str]  # file name (in the data dir) -> blob id, or _NUL when deleted


class GeenGeschiedenis(Exception):
    """There is no usable history; the message says why (Dutch, for the build log)."""


def _git(repo: Path, *args: str, invoer: bytes | None = None) -> bytes:
    try:
        klaar = subprocess.run(
            ["git", "-C", str(repo), *args],
            input=invoer,
            capture_output=True,
            check=False,
            env={**os.environ, "LC_ALL": "C"},
        )
    except FileNotFoundError as exc:
        raise GeenGeschiedenis("git is niet geïnstalleerd") from exc
    if klaar.returncode != 0:
        fout = klaar.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GeenGeschiedenis(fout[0] if fout else f"git {args[0]} faalde")
    return klaar.stdout


def commits(repo: Path, paden: Mapping[str, str]) -> list[Commit]:
    """The first-parent commits of HEAD touching ``paden`` (name -> path relative to the
    repository), oldest first, with each file's blob id after the commit."""
    formaat = "%x01%H%x00%cI%x00%s"
    uit = _git(
        repo,
        "log",
        "--first-parent",
        "--diff-merges=first-parent",
        "--no-renames",
        "--raw",
        "--no-abbrev",
        f"--format={formaat}",
        "HEAD",
        "--",
        *paden.values(),
    ).decode("utf-8", "replace")
    naam_van = {pad: naam for naam, pad in paden.items()}
    gevonden: list[Commit] = []
    for stuk in uit.split("\x01")[1:]:
        kop, _, rest = stuk.partition("\n")
        ident, datum, bericht = kop.split("\x00", 2)
        blobs: dict[str, str] = {}
        for regel in rest.splitlines():
            # :100644 100644 <old> <new> M\tdata/regions.yaml
            if not regel.startswith(":") or "\t" not in regel:
                continue
            meta, pad = regel.split("\t", 1)
            if pad in naam_van:
                blobs[naam_van[pad]] = meta.split()[3]
        gevonden.append(Commit(ident, datetime.fromisoformat(datum), bericht, blobs))
    gevonden.reverse()
    return gevonden


class _Blobs:
    """Reads blobs from one ``git cat-file --batch``, one at a time: a long history of a large
    file is never in memory at once."""

    def __init__(self, repo: Path) -> None:
        self._proces = subprocess.Popen(
            ["git", "-C", str(repo), "cat-file", "--batch"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "LC_ALL": "C"},
        )

    def lees(self, blob: str) -> bytes:
        assert self._proces.stdin is not None and self._proces.stdout is not None
        self._proces.stdin.write(f"{blob}\n".encode())
        self._proces.stdin.flush()
        kop = self._proces.stdout.readline().split()
        if len(kop) != 3:  # "<id> missing"
            raise GeenGeschiedenis(f"blob {blob} ontbreekt")
        inhoud = self._proces.stdout.read(int(kop[2]))
        self._proces.stdout.read(1)  # the newline after the contents
        return inhoud

    def sluit(self) -> None:
        if self._proces.stdin is not None:
            self._proces.stdin.close()
        if self._proces.stdout is not None:
            self._proces.stdout.close()
        self._proces.wait()


def veldwijzigingen(oud: Entiteit, nieuw: Entiteit) -> tuple[Veldwijziging, ...]:
    """The fields that differ, in the order of the model's fields."""
    namen = list(type(oud).model_fields)
    namen += [n for n in type(nieuw).model_fields if n not in namen]
    result = []
    for naam in namen:
        a, b = getattr(oud, naam, None), getattr(nieuw, naam, None)
        if a == b:
            continue
        eenvoudig = all(v is None or isinstance(v, _ENKELVOUDIG) for v in (a, b))
        if eenvoudig:
            result.append(Veldwijziging(naam, a, b, True))
        else:
            result.append(Veldwijziging(naam))
    return tuple(result)


def _provincies(collectie: str, e: Entiteit) -> tuple[str, ...]:
    if collectie == "provincies":
        return (e.id,)
    provincies: Any = getattr(e, "provincies", ())
    return tuple(provincies)


def geschiedenis(repo: Path, paden: Mapping[str, str]) -> Geschiedenis:
    """The history of the data files ``paden`` (file name -> path in the repository)."""
    lijst = commits(repo, paden)
    if not lijst:
        raise GeenGeschiedenis("de gegevensbestanden staan niet in de git-geschiedenis")
    versies = Versies()
    per_bestand: dict[str, Versie] = {}
    per_entiteit: dict[str, list[Wijziging]] = {}
    vorige: Stand = {}
    blobs = _Blobs(repo)
    try:
        for commit in lijst:
            # The ids that may have changed in this commit; None: every id.
            kandidaten: set[str] | None = set()
            for naam in sorted(commit.blobs):
                blob = commit.blobs[naam]
                oud = per_bestand.get(naam)
                versie = Versie({}) if blob == _NUL else versies.versie(naam, blobs.lees(blob), oud)
                if versie is None:  # does not parse: credited to the next version that does
                    continue
                per_bestand[naam] = versie
                veranderd = versies.veranderd(naam, oud, versie) if oud is not None else None
                if veranderd is None or kandidaten is None:
                    kandidaten = None
                else:
                    kandidaten |= veranderd
            nu: Stand = {}
            for naam in sorted(per_bestand):
                nu.update(per_bestand[naam].stand)
            for w in _vergelijk(commit, vorige, nu, kandidaten):
                per_entiteit.setdefault(w.id, []).append(w)
            vorige = nu
    finally:
        blobs.sluit()
    volgorde = {c.id: i for i, c in enumerate(lijst)}
    alle = sorted(
        (w for ws in per_entiteit.values() for w in ws),
        key=lambda w: (w.datum, volgorde[w.commit], w.id),
        reverse=True,
    )
    return Geschiedenis(
        {ident: tuple(ws) for ident, ws in sorted(per_entiteit.items())}, lijst[-1].id, tuple(alle)
    )


def _vergelijk(
    commit: Commit, vorige: Stand, nu: Stand, kandidaten: set[str] | None = None
) -> list[Wijziging]:
    """The changes between the state before ``commit`` and after it, by id; with
    ``kandidaten`` only those ids are looked at (the others are known to be the same)."""
    result: list[Wijziging] = []

    def voeg_toe(
        soort: Soort, collectie: str, e: Entiteit, velden: tuple[Veldwijziging, ...]
    ) -> None:
        result.append(
            Wijziging(
                soort, commit.datum, commit.id, commit.bericht, velden,
                e.id, e.naam, collectie, _provincies(collectie, e),
                tuple(getattr(e, "gemeenten", None) or ()),
            )
        )  # fmt: skip

    weg = vorige.keys() - nu.keys()
    for ident in sorted(weg if kandidaten is None else weg & kandidaten):
        voeg_toe("verwijderd", *vorige[ident], ())
    for ident in sorted(nu if kandidaten is None else nu.keys() & kandidaten):
        collectie, e = nu[ident]
        if ident not in vorige:
            voeg_toe("toegevoegd", collectie, e, ())
            continue
        oude_collectie, oud = vorige[ident]
        if oud is e:  # the same parsed version of the file
            continue
        velden = veldwijzigingen(oud, e)
        if oude_collectie != collectie:
            velden = (Veldwijziging("soort", oude_collectie, collectie, True), *velden)
        if velden:
            voeg_toe("gewijzigd", collectie, e, velden)
    return result


def lees_geschiedenis(data_dir: Path) -> tuple[Geschiedenis | None, str]:
    """The history of the data files in ``data_dir``, or None and the reason there is none."""
    try:
        top = Path(_git(data_dir, "rev-parse", "--show-toplevel").decode().strip())
        if _git(top, "rev-parse", "--is-shallow-repository").strip() == b"true":
            raise GeenGeschiedenis(
                "een ondiepe kloon (shallow clone): haal de hele geschiedenis op"
            )
        map_ = data_dir.resolve().relative_to(top.resolve())
        paden = {naam: (map_ / naam).as_posix() for naam in bestanden()}
        return geschiedenis(top, paden), ""
    except (GeenGeschiedenis, ValueError, OSError) as exc:
        return None, str(exc)
