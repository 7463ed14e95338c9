"""Two repairs to Material's HTML, so every page passes the Nu Html Checker.

- ``autocomplete="off"`` on the drawer and search checkboxes: not allowed on checkboxes (Material
  adds it so Firefox does not restore their state; our pages work the same without it).
- ``<label for="__toc">`` on pages outside the navigation: Material only renders the matching
  ``<input id="__toc">`` for pages in the nav, so there the label points at nothing; it becomes
  the plain heading it looks like.
"""

from __future__ import annotations

import re

_CHECKBOX_AUTOCOMPLETE = re.compile(
    r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off"'
)
_TOC_LABEL = re.compile(r'<label class="md-nav__title" for="__toc">(.*?)</label>', re.S)


def herstel(html: str) -> str:
    html = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
    if 'id="__toc"' not in html:
        html = _TOC_LABEL.sub(r'<div class="md-nav__title">\1</div>', html)
    return html
