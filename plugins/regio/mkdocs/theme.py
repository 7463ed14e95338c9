"""Our adjustments to the Material theme.

- :func:`herstel` repairs two spots of Material's HTML, so every page passes the Nu Html Checker:
  ``autocomplete="off"`` on the drawer and search checkboxes (not allowed on checkboxes; Material
  adds it so Firefox does not restore their state, our pages work the same without it), and
  ``<label for="__toc">`` on pages outside the navigation (Material only renders the matching
  ``<input id="__toc">`` for pages in the nav, so there the label points at nothing; it becomes the
  plain heading it looks like).
- :class:`Navigatiecache` renders the primary navigation once per folder for pages outside the
  navigation. Thousands of generated pages sit outside it, and for them the navigation has no
  active item: it only differs in its relative links, which are the same for every page in one
  folder. Rendering it costs a third of Material's time per page.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader

# Holds partials/nav.html, which asks the cache and falls back on the theme's own partial, and
# the empty template of pages that come from the rebuild cache (regio.mkdocs.cache).
THEMA_MAP = Path(__file__).parent / "theme_overrides"
ORIGINEEL = "regio-origineel"

_CHECKBOX_AUTOCOMPLETE = re.compile(
    r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off"'
)
_TOC_LABEL = re.compile(r'<label class="md-nav__title" for="__toc">(.*?)</label>', re.S)


def herstel(html: str) -> str:
    html = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
    if 'id="__toc"' not in html:
        html = _TOC_LABEL.sub(r'<div class="md-nav__title">\1</div>', html)
    return html


class Navigatiecache:
    """``{% call regio_navigatie(page, nav) %}…{% endcall %}``: the block's output, once per folder
    for pages outside the navigation; pages in it are rendered every time."""

    def __init__(self, aan: bool = True) -> None:
        self.aan = aan
        self.bewaard: dict[str, str] = {}
        self.gemist = 0

    def __call__(self, page: Any, nav: Any, caller: Callable[[], str]) -> str:
        if not self.aan or page is None or nav is None or page in nav.pages:
            return caller()
        # Links are relative to the page's URL: the same for every page in one folder.
        sleutel = posixpath.dirname(page.url.rstrip("/")) + ("/" if page.url.endswith("/") else "")
        if sleutel not in self.bewaard:
            self.gemist += 1
            self.bewaard[sleutel] = caller()
        return self.bewaard[sleutel]


def met_navigatiecache(
    env: Environment, thema_mappen: list[str], aan: bool = True
) -> Navigatiecache:
    """Let ``env`` find the theme's own partials under ``regio-origineel/`` and give it a fresh
    cache (one per build: the navigation may change between builds of ``mkdocs serve``)."""
    eigen = [m for m in thema_mappen if Path(m) != THEMA_MAP]
    assert env.loader is not None
    env.loader = ChoiceLoader(
        [env.loader, PrefixLoader({ORIGINEEL: FileSystemLoader(eigen)}, delimiter="/")]
    )
    cache = Navigatiecache(aan)
    env.globals["regio_navigatie"] = cache
    return cache
