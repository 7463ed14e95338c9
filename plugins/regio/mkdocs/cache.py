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
navigation also show their neighbours, so they are always rendered. What surrounds a generated
page is fingerprinted by :func:`omgeving` once the navigation is known: the configuration file,
the navigation (for an entry without a title: the page's Markdown, since MkDocs takes the label
from its H1 only later), and every file of the theme folders that are not an installed theme
(``custom_dir`` and our own overrides), so an override edited while serving is seen.

Plugin option ``paginacache: false`` switches it off. A search plugin that no longer has the
index method the cache hands entries to (:func:`zoekindex_met_cache`) stops the build.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any, TypeVar

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_theme_dir, get_theme_names

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


@cache
def _geinstalleerde_themas() -> frozenset[Path]:
    """The folders of installed themes (and MkDocs' own templates): they change only on an
    install, which a rebuild does not see anyway; hashing Material's 14,000 files takes seconds."""
    mappen = {Path(get_theme_dir(naam)).resolve() for naam in get_theme_names()}
    return frozenset(mappen | {Path(str(files("mkdocs") / "templates")).resolve()})


def omgeving(config: MkDocsConfig, nav: Navigation, *opties: object) -> tuple[object, ...]:
    """All that surrounds a generated page, for :meth:`Paginacache.begin`."""
    thema = [
        m if Path(m).resolve() in _geinstalleerde_themas() else bestanden_hash(Path(m))
        for m in config.theme.dirs
    ]
    return (
        Path(config.config_file_path).read_bytes() if config.config_file_path else b"",
        thema,
        config.site_url,
        config.extra,
        opties,
        # Before the pages are read, an entry without a title has none: its label will be the
        # page's H1, so the page's Markdown stands in for it.
        [(p.title or p.file.content_bytes, p.url, p.file.src_uri) for p in nav.pages],
        [(i.title, getattr(i, "url", None)) for i in nav.items],
    )


@dataclass
class Paginacache:
    # False: nothing is kept (a plain build, or `paginacache: false`).
    aan: bool = True
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
        if not self.aan:
            return valideer()
        sleutel = bestanden_hash(data_dir)
        if self.resultaat is None or sleutel != self.gegevens_sleutel:
            self.resultaat = valideer()
            self.gegevens_sleutel = sleutel
        return self.resultaat

    def eenmalig(self, naam: str, maak: Callable[[], T], *sleutel: object) -> T:
        """``maak()``, or its result from an earlier build with the same data and ``sleutel``."""
        if not self.aan:
            return maak()
        volledig = _hash(self.gegevens_sleutel, *sleutel)
        bewaard = self.onthouden.get(naam)
        if bewaard is None or bewaard[0] != volledig:
            bewaard = (volledig, maak())
            self.onthouden[naam] = bewaard
        waarde: T = bewaard[1]
        return waarde

    # -- the pages -----------------------------------------------------------------------------

    def begin(self, config: MkDocsConfig, nav: Navigation, *opties: object) -> None:
        """A new build, once its navigation is known. When what surrounds a generated page
        (:func:`omgeving`) changed, nothing from the last build is reused."""
        if not self.aan:
            return
        self.zoeken = zoekindex_met_cache(config.plugins.items(), self)
        nieuwe_omgeving = _hash(*omgeving(config, nav, *opties))
        self.vorige = self.huidige if nieuwe_omgeving == self.omgeving else {}
        self.omgeving = nieuwe_omgeving
        self.huidige = {}
        self.geraakt = set()

    def zoek(self, src_uri: str, *pagina: object) -> BewaardePagina | None:
        """The page from the previous build if its Markdown, URL and metadata are the same;
        otherwise None, and the page is expected back through :meth:`bewaar`."""
        if not self.aan:
            return None
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

    # -- around the plugin's page events: the cached result, or ``maak()``'s, kept -------------

    def markdown(self, page: Page, markdown: str, maak: Callable[[], str]) -> str:
        """A cached page gets no Markdown and the empty template (see :meth:`uitvoer`)."""
        if self.zoek(page.file.src_uri, page.url, markdown, sorted(page.meta.items())) is None:
            return maak()
        page.meta["template"] = BEWAARD_TEMPLATE
        return ""

    def inhoud(self, page: Page, maak: Callable[[], str]) -> str:
        if (bewaard := self.treffer(page.file.src_uri)) is not None:
            page.toc = bewaard.toc
            return bewaard.inhoud
        html = maak()
        self.bewaar_inhoud(page.file.src_uri, html, page.toc)
        return html

    def uitvoer(self, page: Page, maak: Callable[[], str]) -> str:
        if (bewaard := self.treffer(page.file.src_uri)) is not None:
            return bewaard.uitvoer
        html = maak()
        self.bewaar_uitvoer(page.file.src_uri, html)
        return html

    def vergeet(self) -> None:
        """After a failed build: the next one starts from scratch."""
        self.vorige, self.huidige, self.omgeving, self.geraakt = {}, {}, "", set()
        self.onthouden = {}


def zoekindex_met_cache(plugins: Iterable[tuple[str, Any]], cache: Paginacache) -> bool:
    """Let the search plugin take a cached page's entries instead of parsing it again.

    Works on the search index's ``add_entry_from_context(page)`` and ``entries``. Returns whether
    there is a search plugin; one without them stops the build.
    """
    for naam, plugin in plugins:
        if naam.rsplit("/", 1)[-1] != "search":
            continue
        index: Any = getattr(plugin, "search_index", None)
        origineel = getattr(index, "add_entry_from_context", None)
        if origineel is None or not isinstance(getattr(index, "entries", None), list):
            raise PluginError(
                f"De zoekplugin ({naam}) is veranderd: zijn index heeft geen "
                "add_entry_from_context en entries meer. Zet paginacache: false of pas "
                "regio.mkdocs.cache aan."
            )

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
