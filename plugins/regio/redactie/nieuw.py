"""`regio nieuw <soort>`: add one entry to the right data file without disturbing the rest.

The fields, their Dutch descriptions, allowed values and command-line options all come from the
model, so a new field appears here by itself. The new entry is written in the layout of
`regio fmt`, inserted as text at the end of its collection (the diff is only the added lines), and
checked with the same rules as `regio validate` in a temporary copy of the data directory before
anything is written.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

from regio.gegevens import registry
from regio.gegevens import velden as catalogus
from regio.gegevens.load import Geladen, load_bytes
from regio.gegevens.model import Model
from regio.gegevens.parse import slug
from regio.gegevens.problems import Probleem, als_tekst
from regio.gegevens.validate import valideer
from regio.gegevens.velden import volgorde
from regio.redactie.commentaar import opmerkingen
from regio.redactie.fmt import gelijk, nieuwe_regels, schrijf_atomisch

AUTOMATISCH = ("gecontroleerd",)  # set by the command (today, or --gecontroleerd)

Soort = Literal["tekst", "keuze", "keuzelijst", "lijst", "ja-nee", "datum", "getal", "coordinaten"]
Vraag = Callable[[str], str]
Uitvoer = Callable[[str], None]

_JA = {"ja", "j", "yes", "y", "true"}
_NEE = {"nee", "n", "no", "false"}
DATUM = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Collectie:
    soort: str  # partnerschap
    bestand: str  # regions.yaml
    naam: str  # partnerschappen
    bestandsmodel: type[Model]
    model: type[BaseModel]


@dataclass(frozen=True)
class Veld:
    naam: str
    beschrijving: str
    verplicht: bool
    soort: Soort
    keuzes: tuple[str, ...] = ()

    @property
    def optie(self) -> str:
        return "--" + self.naam.replace("_", "-")

    @property
    def hint(self) -> str:
        hints: dict[Soort, str] = {
            "keuze": f"kies uit: {', '.join(self.keuzes)}",
            "keuzelijst": f"een of meer van: {', '.join(self.keuzes)}; gescheiden door komma's",
            "lijst": "gescheiden door komma's",
            "ja-nee": "ja of nee",
            "datum": "JJJJ-MM-DD",
            "coordinaten": "breedtegraad,lengtegraad, bijvoorbeeld 52.09,5.12",
        }
        return hints.get(self.soort, "")


def collecties() -> dict[str, Collectie]:
    """The kinds `regio nieuw` can add (see the registry); provinces (twelve, fixed) and
    programmes (with dated facts) are rare enough to write by hand."""
    bestanden = registry.bestanden()
    return {
        c.enkelvoud: Collectie(c.enkelvoud, c.bestand, c.naam, bestanden[c.bestand], c.model)
        for c in registry.nieuwe_soorten()
    }


def _soort(veld: catalogus.Veld) -> Soort | None:
    """How an answer for the field is read; None: not asked (a list of nested parts)."""
    if veld.lijst:
        if veld.soort == "keuze":
            return "keuzelijst"
        return "lijst" if veld.soort in ("tekst", "webadres", "verwijzing") else None
    if veld.soort == "onderdeel":
        binnen = catalogus.velden(veld.onderdeel) if veld.onderdeel is not None else ()
        getallen = [v.soort == "getal" and not v.lijst for v in binnen]
        return "coordinaten" if getallen == [True, True] else None
    enkel: dict[str, Soort] = {"keuze": "keuze", "datum": "datum", "ja-nee": "ja-nee"}
    return enkel.get(veld.soort, "getal" if veld.soort == "getal" else "tekst")


def velden(model: type[BaseModel]) -> list[Veld]:
    """The fields an editor fills in, in the order `regio fmt` writes them."""
    uit = []
    for veld in catalogus.velden(model):
        soort = _soort(veld)
        if soort is None or veld.naam in AUTOMATISCH:
            continue
        beschrijving = veld.beschrijving or veld.naam
        uit.append(Veld(veld.naam, beschrijving, veld.verplicht, soort, veld.keuzes))
    return uit


def vraagvolgorde(model: type[BaseModel]) -> list[Veld]:
    """naam before id (its default), then the other required fields, then the optional ones."""
    alle = velden(model)
    eerst = [v for v in alle if v.naam == "naam"] + [v for v in alle if v.naam == "id"]
    verplicht = [v for v in alle if v.verplicht and v not in eerst]
    return eerst + verplicht + [v for v in alle if not v.verplicht and v not in eerst]


# --- from text to values ------------------------------------------------------------------------


def waarde(veld: Veld, tekst: str | list[str]) -> Any:
    """The value an answer stands for; text the model must judge stays text (never an error)."""
    delen = tekst if isinstance(tekst, list) else [tekst]
    if veld.soort in ("lijst", "keuzelijst"):
        return [stuk.strip() for deel in delen for stuk in deel.split(",") if stuk.strip()]
    enkel = delen[-1]
    if veld.soort == "ja-nee" and enkel.strip().lower() in _JA | _NEE:
        return enkel.strip().lower() in _JA
    if veld.soort == "datum" and DATUM.match(enkel.strip()):
        try:
            return date.fromisoformat(enkel.strip())
        except ValueError:
            return enkel
    if veld.soort == "getal":
        try:
            return float(enkel)
        except ValueError:
            return enkel
    if veld.soort == "coordinaten":
        try:
            lat, lon = (float(d) for d in enkel.split(","))
        except ValueError:
            return enkel
        return {"lat": lat, "lon": lon}
    return enkel


def leeg(tekst: str | list[str] | None) -> bool:
    if tekst is None:
        return True
    delen = tekst if isinstance(tekst, list) else [tekst]
    return not any(deel.strip() for deel in delen)


# --- the new file text --------------------------------------------------------------------------


@dataclass(frozen=True)
class Kandidaat:
    tekst: str
    eerste_regel: int  # 1-based line of the entry's dash
    laatste_regel: int  # 1-based last line of the entry
    veldregels: dict[int, str]  # 1-based line -> the field whose lines start there

    def veld(self, regel: int) -> str | None:
        """The field on a line of the new entry; None outside it."""
        if not self.eerste_regel <= regel <= self.laatste_regel:
            return None
        return self.veldregels[max(r for r in self.veldregels if r <= regel)]


def kandidaat(
    tekst: str, geladen: Geladen, collectie: Collectie, entry: dict[str, Any]
) -> Kandidaat:
    """The file text with ``entry`` added at the end of its collection (new lines only)."""
    if tekst and not tekst.endswith("\n"):
        tekst += "\n"
    regels = tekst.split("\n")[:-1] if tekst else []
    gevonden_opmerkingen = opmerkingen(tekst)
    los = gevonden_opmerkingen.los()
    data = geladen.data if isinstance(geladen.data, dict) else {}
    nieuw = nieuwe_regels(collectie.bestandsmodel, collectie.naam, entry)
    gescheiden = any(regel is None for regel in los.values())  # the file uses blank lines

    def laatste_inhoud(voor: int) -> int:
        """The last line before ``voor`` that is not blank and not only a comment."""
        regel = voor - 1
        while regel >= 0 and regel in los:
            regel -= 1
        return regel

    bestaand = data.get(collectie.naam)
    sleutelregel = geladen.sleutels[(collectie.naam,)].regel - 1 if collectie.naam in data else None
    if sleutelregel is not None and isinstance(bestaand, list) and bestaand:
        later = [
            geladen.sleutels[(k,)].regel - 1
            for k in data
            if (k,) in geladen.sleutels and geladen.sleutels[(k,)].regel - 1 > sleutelregel
        ]
        invoeg = laatste_inhoud(min(later, default=len(regels))) + 1
        laatste_item = geladen.positie((collectie.naam, len(bestaand) - 1)).regel - 1
        boven = laatste_item - 1
        while boven in los and los[boven] is not None:
            boven -= 1
        toevoegen = ([""] if boven in los else []) + nieuw
    elif sleutelregel is not None:  # `naam: []` or an empty `naam:`
        commentaar = next(
            (c.tekst for c in gevonden_opmerkingen.commentaar if c.regel == sleutelregel), ""
        )
        regels[sleutelregel] = f"{collectie.naam}:" + (f"  {commentaar}" if commentaar else "")
        invoeg = sleutelregel + 1
        toevoegen = nieuw
    else:
        model_volgorde = volgorde(collectie.bestandsmodel)
        eigen = model_volgorde.index(collectie.naam)
        later = [
            geladen.sleutels[(k,)].regel - 1
            for k in model_volgorde[eigen + 1 :]
            if k in data and (k,) in geladen.sleutels
        ]
        invoeg = laatste_inhoud(min(later, default=len(regels))) + 1
        toevoegen = [f"{collectie.naam}:", *nieuw]
        if invoeg > 0 and gescheiden:
            toevoegen = ["", *toevoegen]
    nieuwe_tekst = "\n".join([*regels[:invoeg], *toevoegen, *regels[invoeg:]]) + "\n"
    dash = invoeg + next(i for i, r in enumerate(toevoegen) if r.lstrip().startswith("- ")) + 1
    veldregels = {}
    for offset, regel in enumerate(nieuw):
        sleutel = regel[4:].split(":", 1)[0]
        if regel.startswith(("  - ", "    ")) and regel[4:5] != " " and sleutel in entry:
            veldregels[dash + offset] = sleutel
    return Kandidaat(nieuwe_tekst, dash, dash + len(nieuw) - 1, veldregels)


# --- checking and writing -----------------------------------------------------------------------


@dataclass(frozen=True)
class Melding:
    veld: str | None  # the field the problem is about, when known
    probleem: Probleem


def controleer(
    data_dir: Path,
    weergave: str,
    collectie: Collectie,
    kand: Kandidaat,
    bekend: Collection[tuple[str, str, str]],
    nieuw_id: str,
) -> list[Melding]:
    """The problems the candidate file brings, by `regio validate`'s rules.

    ``bekend``: (file, severity, message) of the problems the data already had; lines may move.

    The candidate is checked in a temporary copy of the whole data directory (boundaries too).
    """
    bestand = f"{weergave.rstrip('/')}/{collectie.bestand}" if weergave else collectie.bestand
    with tempfile.TemporaryDirectory(prefix="regio-nieuw-") as tijdelijk:
        kopie = Path(tijdelijk) / "data"
        shutil.copytree(data_dir, kopie)
        (kopie / collectie.bestand).write_text(kand.tekst, encoding="utf-8")
        problemen = valideer(kopie, weergave_dir=weergave).problemen
    namen = {v.naam for v in velden(collectie.model)}
    meldingen = []
    for probleem in problemen:
        veld = kand.veld(probleem.positie.regel) if probleem.positie.bestand == bestand else None
        waar = probleem.waar
        if veld is not None:
            # The problem's own path names its field; a problem reported at the entry's first
            # line ("geen 'bron'", a missing field) is about that field, not about the id.
            if waar is not None and waar.collectie == collectie.naam and waar.veldnaam in namen:
                veld = waar.veldnaam
            meldingen.append(Melding(veld, probleem))
        elif (probleem.positie.bestand, probleem.ernst, probleem.melding) not in bekend:
            # Elsewhere, but new: a clash with an existing id is reported at the other entry.
            over_id = bool(nieuw_id) and waar is not None and waar.item == nieuw_id
            meldingen.append(Melding("id" if over_id else None, probleem))
    return meldingen


@dataclass
class Toevoeging:
    """One run of `regio nieuw`: what was given, asked and found."""

    collectie: Collectie
    data_dir: Path
    weergave: str
    antwoorden: dict[str, str | list[str]]
    gecontroleerd: date
    vraag: Vraag | None  # None: never ask (--geen-vragen, or no terminal)
    toon: Uitvoer

    @property
    def bestand(self) -> str:
        naam = self.collectie.bestand
        return f"{self.weergave.rstrip('/')}/{naam}" if self.weergave else naam

    def _label(self, veld: str) -> str:
        """How the editor gave the field: its option, or (when asked) its name."""
        if self.vraag is not None:
            return f"'{veld}'"
        return "--" + veld.replace("_", "-")

    def entry(self) -> dict[str, Any]:
        uit: dict[str, Any] = {}
        for veld in velden(self.collectie.model):
            gegeven = self.antwoorden.get(veld.naam)
            if gegeven is not None and not leeg(gegeven):
                uit[veld.naam] = waarde(veld, gegeven)
        if "id" not in uit and isinstance(uit.get("naam"), str):
            uit["id"] = slug(uit["naam"])
        uit["gecontroleerd"] = self.gecontroleerd
        return uit

    def vraag_veld(self, veld: Veld) -> None:
        assert self.vraag is not None
        standaard = slug(str(self.antwoorden.get("naam", ""))) if veld.naam == "id" else ""
        extra = [veld.hint] if veld.hint else []
        if standaard:
            extra.append(f"leeg: {standaard}")
        elif not veld.verplicht:
            extra.append("mag leeg blijven")
        tekst = f"{veld.naam}: {veld.beschrijving}" + (f" ({'; '.join(extra)})" if extra else "")
        while True:
            antwoord = self.vraag(tekst + "\n> ").strip()
            if antwoord or standaard or not veld.verplicht:
                break
            self.toon(f"'{veld.naam}' is verplicht; vul een waarde in.")
        if antwoord:
            self.antwoorden[veld.naam] = antwoord
        elif standaard:
            self.antwoorden[veld.naam] = standaard
        else:
            self.antwoorden.pop(veld.naam, None)

    def voer_uit(self) -> int:
        """Ask, check, write; the exit code (0 added, 1 data problems, 2 missing options)."""
        model = self.collectie.model
        if self.vraag is None:
            ontbrekend = [
                v.optie
                for v in velden(model)
                if v.verplicht and v.naam != "id" and leeg(self.antwoorden.get(v.naam))
            ]
            if ontbrekend:
                self.toon(
                    f"regio nieuw {self.collectie.soort}: fout: deze velden zijn verplicht: "
                    f"{', '.join(ontbrekend)}."
                )
                return 2
            te_vragen: list[Veld] = []
        else:
            self.toon(
                f"Nieuw {self.collectie.soort} voor {self.bestand}. Verplichte velden eerst; "
                "laat een ander veld leeg om het over te slaan."
            )
            te_vragen = [v for v in vraagvolgorde(model) if v.naam not in self.antwoorden]

        while True:
            try:
                for veld in te_vragen:
                    self.vraag_veld(veld)
            except (EOFError, KeyboardInterrupt):
                self.toon("\nAfgebroken; er is niets toegevoegd.")
                return 1
            entry = self.entry()
            resultaat = self._probeer(entry)
            if isinstance(resultaat, int):
                return resultaat
            fouten = [m for m in resultaat if m.probleem.is_fout]
            if self.vraag is None or any(m.veld is None for m in fouten):
                return 1
            namen = {m.veld for m in fouten}
            te_vragen = [v for v in vraagvolgorde(model) if v.naam in namen]
            for veld in te_vragen:
                self.antwoorden.pop(veld.naam, None)
            self.toon("Vul deze velden opnieuw in.")

    def _probeer(self, entry: dict[str, Any]) -> int | list[Melding]:
        """Check and (when all is well) write; an exit code, or the problems to re-ask."""
        pad = self.data_dir / self.collectie.bestand
        ruw = pad.read_bytes() if pad.exists() else b""
        geladen = load_bytes(ruw, self.bestand) if ruw else None
        if geladen is not None and geladen.geladen is None:
            for probleem in geladen.problemen:
                self.toon(als_tekst(probleem))
            self.toon(f"{self.bestand} kan niet worden gelezen; er is niets toegevoegd.")
            return 1
        bestaand = geladen.geladen if geladen is not None else None
        eerder = valideer(self.data_dir, weergave_dir=self.weergave)
        if any(p.is_fout for p in eerder.problemen):
            for probleem in eerder.problemen:
                if probleem.is_fout:
                    self.toon(als_tekst(probleem))
            self.toon(
                "De gegevens hebben al fouten; los die eerst op (regio validate). "
                "Er is niets toegevoegd."
            )
            return 1
        tekst = ruw.decode("utf-8")
        kand = kandidaat(tekst, bestaand or Geladen(self.bestand, {}), self.collectie, entry)
        bekend = {(p.positie.bestand, p.ernst, p.melding) for p in eerder.problemen}
        nieuw_id = str(entry.get("id", ""))
        meldingen = controleer(self.data_dir, self.weergave, self.collectie, kand, bekend, nieuw_id)
        for melding in meldingen:
            self.toon(self._melding(melding))
        if any(m.probleem.is_fout for m in meldingen):
            if self.vraag is None:
                self.toon(f"Er is niets toegevoegd aan {self.bestand}.")
            return meldingen
        terug = load_bytes(kand.tekst.encode("utf-8"), self.bestand).geladen
        items = (
            terug.data.get(self.collectie.naam) if terug and isinstance(terug.data, dict) else None
        )
        if not isinstance(items, list) or not gelijk(items[-1], entry):
            self.toon(
                "Interne fout: de nieuwe gegevens lezen niet terug zoals gegeven; niets gewijzigd."
            )
            return 1
        schrijf_atomisch(pad, kand.tekst)
        self.toon(
            f"Toegevoegd: {self.collectie.soort} '{entry['id']}' in {self.bestand}, "
            f"regel {kand.eerste_regel}."
        )
        return 0

    def _melding(self, melding: Melding) -> str:
        probleem = melding.probleem
        if melding.veld is None:
            return als_tekst(probleem)
        return f"{probleem.ernst} bij {self._label(melding.veld)}: {probleem.melding}"
