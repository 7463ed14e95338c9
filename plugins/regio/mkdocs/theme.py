"""Our adjustments to the Material theme, each switchable and each loud when Material changed.

- :class:`Herstel` (plugin option ``herstel``) repairs two spots of Material's HTML, so every page
  passes the Nu Html Checker: ``autocomplete="off"`` on the drawer and search checkboxes (not
  allowed on checkboxes; Material adds it so Firefox does not restore their state, our pages work
  the same without it), and ``<label for="__toc">`` on pages outside the navigation (Material only
  renders the matching ``<input id="__toc">`` for pages in the nav, so there the label points at
  nothing; it becomes the plain heading it looks like). A page where the checkbox repair finds
  nothing, or a label that stays without its input, stops the build: Material's markup changed.
- :class:`Navigatiecache` (plugin option ``navigatiecache``) renders the primary navigation once
  per folder for pages outside the navigation. Thousands of generated pages sit outside it, and
  for them the navigation has no active item: it only differs in its relative links, which are
  the same for every page in one folder. Rendering it costs a third of Material's time per page.
  The second page of every folder renders it again to check that; a difference, a missing
  ``partials/nav.html`` or a ``base.html`` that no longer includes it stops the build.
- :func:`uitgesteld` (called from our ``main.html``, block ``scripts``) gives Material's bundle and
  our scripts ``defer``: they no longer hold up the first paint at the end of ``<body>``, and
  still run in their order, after the page is parsed (Material's inline ``__config`` comes
  before them, in block ``config``). A block without Material's bundle, or with an inline script
  (which would then run before the scripts it may need), stops the build.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader, TemplateNotFound
from markupsafe import Markup
from mkdocs.exceptions import PluginError

# Holds partials/nav.html, which asks the cache and falls back on the theme's own partial, and
# the empty template of pages that come from the rebuild cache (regio.mkdocs.cache).
THEMA_MAP = Path(__file__).parent / "theme_overrides"
ORIGINEEL = "regio-origineel"
NAV_PARTIAL = "partials/nav.html"

_CHECKBOX_AUTOCOMPLETE = re.compile(
    r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off"'
)
_TOC_LABEL = re.compile(r'<label class="md-nav__title" for="__toc">(.*?)</label>', re.S)
_SCRIPT = re.compile(r"<script\b[^>]*>")
_SCRIPT_SRC = re.compile(r'<script src="([^"]+)"((?: type="[^"]*")?)( defer)?( async)?>')
_BUNDEL = re.compile(r'<script src="[^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js"')


def _veranderd(wat: str, optie: str) -> PluginError:
    return PluginError(
        f"Material is veranderd: {wat}. Zet {optie}: false of pas regio.mkdocs.theme aan."
    )


def herstel(html: str, waar: str = "de pagina") -> str:
    """``html`` with both repairs; a :class:`PluginError` naming ``waar`` when they do not fit."""
    html, aantal = _CHECKBOX_AUTOCOMPLETE.subn(r"\1", html)
    if not aantal:
        raise _veranderd(f'{waar} heeft geen checkbox met autocomplete="off" meer', "herstel")
    if 'id="__toc"' not in html:
        html = _TOC_LABEL.sub(r'<div class="md-nav__title">\1</div>', html)
        if 'for="__toc"' in html:
            raise _veranderd(f'het label for="__toc" op {waar} ziet er anders uit', "herstel")
    return html


def uitgesteld(blok: str) -> Markup:
    """Material's block ``scripts`` with ``defer`` on every script tag (none is async)."""

    def met_defer(tag: re.Match[str]) -> str:
        if not (gevonden := _SCRIPT_SRC.fullmatch(tag.group(0))):
            raise PluginError(
                f"Material is veranderd: het blok scripts heeft {tag.group(0)}, dat niet "
                "uitgesteld kan worden. Pas regio.mkdocs.theme.uitgesteld aan."
            )
        src, soort, _, async_ = gevonden.groups()
        return f'<script src="{src}"{soort}{async_ or " defer"}>'

    if not _BUNDEL.search(blok):
        raise PluginError(
            "Material is veranderd: het blok scripts laadt geen assets/javascripts/bundle.….min.js "
            "meer. Pas regio.mkdocs.theme.uitgesteld en theme_overrides/main.html aan."
        )
    return Markup(_SCRIPT.sub(met_defer, blok))


class Herstel:
    """:func:`herstel` for pages and HTML templates, or nothing when switched off."""

    def __init__(self, aan: bool = True) -> None:
        self.aan = aan

    def pagina(self, html: str, src_uri: str) -> str:
        return herstel(html, src_uri) if self.aan else html

    def template(self, html: str, naam: str) -> str:
        return herstel(html, naam) if self.aan and naam.endswith(".html") else html


class Navigatiecache:
    """``{% call regio_navigatie(page, nav) %}…{% endcall %}``: the block's output, once per folder
    for pages outside the navigation; pages in it are rendered every time."""

    def __init__(self, aan: bool = True) -> None:
        self.aan = aan
        self.bewaard: dict[str, str] = {}
        self.gecontroleerd: set[str] = set()
        self.gemist = 0

    def __call__(self, page: Any, nav: Any, caller: Callable[[], str]) -> str:
        if not self.aan or page is None or nav is None or page in nav.pages:
            return caller()
        # Links are relative to the page's URL: the same for every page in one folder.
        sleutel = posixpath.dirname(page.url.rstrip("/")) + ("/" if page.url.endswith("/") else "")
        if sleutel not in self.bewaard:
            self.gemist += 1
            self.bewaard[sleutel] = caller()
        elif sleutel not in self.gecontroleerd:
            self.gecontroleerd.add(sleutel)
            if caller() != self.bewaard[sleutel]:
                raise _veranderd(
                    f"de navigatie van {page.file.src_uri} verschilt van die van de andere "
                    f"pagina's in {sleutel or '/'}",
                    "navigatiecache",
                )
        return self.bewaard[sleutel]


def met_navigatiecache(
    env: Environment, thema_mappen: list[str], aan: bool = True
) -> Navigatiecache:
    """Let ``env`` find the theme's own partials under ``regio-origineel/`` and give it a fresh
    cache (one per build: the navigation may change between builds of ``mkdocs serve``)."""
    eigen = FileSystemLoader([m for m in thema_mappen if Path(m) != THEMA_MAP])
    if aan:
        try:
            basis = eigen.get_source(env, "base.html")[0]
            eigen.get_source(env, NAV_PARTIAL)
        except TemplateNotFound as fout:
            raise _veranderd(f"{fout.name} ontbreekt", "navigatiecache") from None
        if NAV_PARTIAL not in basis:
            raise _veranderd(f"base.html gebruikt {NAV_PARTIAL} niet meer", "navigatiecache")
    assert env.loader is not None
    env.loader = ChoiceLoader([env.loader, PrefixLoader({ORIGINEEL: eigen}, delimiter="/")])
    cache = Navigatiecache(aan)
    env.globals["regio_navigatie"] = cache
    return cache
