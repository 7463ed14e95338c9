"""Generated parts inside hand-written pages.

A line ``<!-- regio:NAAM -->`` in a page of content/ becomes the rendered template for NAAM: the
home page's entry point (lookup, province map, province picker) and the privacy page's colophon.
The text around the marker stays the editors' Markdown; what needs the data (the SVG map, the
province links, the configured publisher) comes from the templates.
"""

from __future__ import annotations

import re

from regio.site import Site
from regio.uitvoer.pages import Opties, render

MARKERS = {"ingang": "voorpagina.md.j2", "colofon": "colofon.md.j2"}
_MARKER = re.compile(r"^<!-- regio:([a-z-]+) -->[ \t]*$", re.M)


class OnbekendeMarker(ValueError):
    pass


def vul_in(markdown: str, pad: str, site: Site, opties: Opties) -> str | None:
    """``markdown`` (the page at Markdown path ``pad``) with its markers replaced, or None when
    it has none. An unknown marker raises :class:`OnbekendeMarker` (a typo should not vanish)."""
    if _MARKER.search(markdown) is None:
        return None

    def vervang(treffer: re.Match[str]) -> str:
        naam = treffer.group(1)
        if naam not in MARKERS:
            bekend = ", ".join(f"<!-- regio:{n} -->" for n in MARKERS)
            raise OnbekendeMarker(
                f"{pad}: onbekende markering <!-- regio:{naam} -->; bekend zijn {bekend}"
            )
        return render(MARKERS[naam], site, pad, opties).strip("\n")

    return _MARKER.sub(vervang, markdown)
