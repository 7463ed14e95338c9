"""Faster rebuilds while serving: reuse what did not change since the previous build.

``mkdocs serve`` rebuilds the whole site after every save. The plugin instance lives on between
those rebuilds, and so does this cache. It keeps

- the validated data, for as long as the data files are byte-for-byte the same (an edit in
  ``content/`` does not validate again);
- per generated page, the finished HTML, the page content, its table of contents and its search
  entries, for as long as the page's own Markdown and everything around it (the configuration
  file, the theme and the navigation) are the same. After a one-line data edit only the pages
  that show the changed entry are rendered again.

Only generated pages are kept: their output depends on nothing else. Hand-written pages in the
navigation also show their neighbours, so they are always rendered.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from regio.gegevens.validate import Resultaat

T = TypeVar("T")

# The template for a page that comes from the cache: the theme need not render it again.
BEWAARD_TEMPLATE = "regio-bewaard.html"


def _hash(*delen: object) -> str:
    h = hashlib.sha256()
    for deel in delen:
        h.update(repr(deel).encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


def bestanden_hash(map_: Path) -> str:
    """A fingerprint of every file under ``map_`` (names and bytes)."""
    h = hashlib.sha256()
    for pad in sorted(p for p in map_.rglob("*") if p.is_file()):
        h.update(str(pad.relative_to(map_)).encode("utf-8", "surrogatepass") + b"\0")
        h.update(pad.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


@dataclass
class BewaardePagina:
    sleutel: str
    inhoud: str = ""  # page.content: the Markdown rendered to HTML
    toc: Any = None  # page.toc
    zoekitems: list[dict[str, Any]] | None = None
    uitvoer: str = ""  # the finished HTML file


@dataclass
class Paginacache:
    gegevens_sleutel: str = ""
    resultaat: Resultaat | None = None
    omgeving: str = ""
    vorige: dict[str, BewaardePagina] = field(default_factory=dict)
    huidige: dict[str, BewaardePagina] = field(default_factory=dict)
    # False when no search index takes its entries from the cache (no search plugin).
    zoeken: bool = True
    # Pages taken from the cache in this build.
    geraakt: set[str] = field(default_factory=set)
    onthouden: dict[str, tuple[str, Any]] = field(default_factory=dict)

    # -- the data ------------------------------------------------------------------------------

    def gevalideerd(self, data_dir: Path, valideer: Callable[[], Resultaat]) -> Resultaat:
        """The validation result, from the previous build when the data did not change."""
        sleutel = bestanden_hash(data_dir)
        if self.resultaat is None or sleutel != self.gegevens_sleutel:
            self.resultaat = valideer()
            self.gegevens_sleutel = sleutel
        return self.resultaat

    def eenmalig(self, naam: str, maak: Callable[[], T], *sleutel: object) -> T:
        """``maak()``, or its result from an earlier build with the same data and ``sleutel``."""
        volledig = _hash(self.gegevens_sleutel, *sleutel)
        bewaard = self.onthouden.get(naam)
        if bewaard is None or bewaard[0] != volledig:
            bewaard = (volledig, maak())
            self.onthouden[naam] = bewaard
        waarde: T = bewaard[1]
        return waarde

    # -- the pages -----------------------------------------------------------------------------

    def begin(self, *omgeving: object) -> None:
        """A new build; ``omgeving`` is all that surrounds a generated page (configuration file,
        theme folders, navigation). When it changed, nothing from the last build is reused."""
        nieuwe_omgeving = _hash(*omgeving)
        self.vorige = self.huidige if nieuwe_omgeving == self.omgeving else {}
        self.omgeving = nieuwe_omgeving
        self.huidige = {}
        self.geraakt = set()

    def zoek(self, src_uri: str, *pagina: object) -> BewaardePagina | None:
        """The page from the previous build if its Markdown, URL and metadata are the same;
        otherwise None, and the page is expected back through :meth:`bewaar`."""
        sleutel = _hash(*pagina)
        vorige = self.vorige.get(src_uri)
        compleet = vorige is not None and (vorige.zoekitems is not None or not self.zoeken)
        if vorige is not None and compleet and vorige.sleutel == sleutel:
            self.huidige[src_uri] = vorige
            self.geraakt.add(src_uri)
            return vorige
        self.huidige[src_uri] = BewaardePagina(sleutel)
        return None

    def treffer(self, src_uri: str) -> BewaardePagina | None:
        """The cached page, if this build takes ``src_uri`` from the cache."""
        return self.huidige[src_uri] if src_uri in self.geraakt else None

    def bewaar_inhoud(self, src_uri: str, inhoud: str, toc: Any) -> None:
        if (pagina := self.huidige.get(src_uri)) is not None:
            pagina.inhoud, pagina.toc = inhoud, toc

    def bewaar_zoekitems(self, src_uri: str, items: Iterable[dict[str, Any]]) -> None:
        if (pagina := self.huidige.get(src_uri)) is not None:
            pagina.zoekitems = list(items)

    def bewaar_uitvoer(self, src_uri: str, uitvoer: str) -> None:
        if (pagina := self.huidige.get(src_uri)) is not None:
            pagina.uitvoer = uitvoer

    def vergeet(self) -> None:
        """After a failed build: the next one starts from scratch."""
        self.vorige, self.huidige, self.omgeving, self.geraakt = {}, {}, "", set()
        self.onthouden = {}


def zoekindex_met_cache(plugins: Iterable[Any], cache: Paginacache) -> bool:
    """Let Material's search plugin take a cached page's entries instead of parsing it again.

    Works on the search index's ``add_entry_from_context(page)`` and ``entries``; when a theme
    version has neither, nothing changes (and rebuilds are just slower). Returns whether it could.
    """
    for plugin in plugins:
        index = getattr(plugin, "search_index", None)
        origineel = getattr(index, "add_entry_from_context", None)
        if (
            index is None
            or origineel is None
            or not isinstance(getattr(index, "entries", None), list)
        ):
            continue

        def toevoegen(page: Any, index: Any = index, origineel: Any = origineel) -> None:
            src_uri = page.file.src_uri
            pagina = cache.treffer(src_uri)
            if pagina is not None and pagina.zoekitems is not None:
                index.entries.extend(pagina.zoekitems)
                return
            voor = len(index.entries)
            origineel(page)
            cache.bewaar_zoekitems(src_uri, index.entries[voor:])

        index.add_entry_from_context = toevoegen
        return True
    return False
