"""HTML blocks past Markdown: a speed-up for generated pages (plugin option ``htmlblokken``).

The bulk of a generated page is final HTML in blocks (see :func:`regio.uitvoer.pages.blokken`)
that Python-Markdown would pass through unchanged after scanning it. :class:`Htmlblokken` takes
them out before Markdown runs (each becomes a placeholder paragraph) and puts them back in the
HTML afterwards. A placeholder that does not come back as ``<p>placeholder</p>`` (another
extension wrapped or changed it) stops the build with the page's name: the block would be lost.

Switched off, Markdown parses the blocks itself; it then ends each raw HTML block with a blank
line where a placeholder paragraph ends with none, and that blank line is taken out again, so
both ways give the same bytes.
"""

from __future__ import annotations

import secrets

from mkdocs.exceptions import PluginError

from regio.uitvoer.pages import BLOK_EINDE, blokken


class Htmlblokken:
    def __init__(self, aan: bool = True) -> None:
        self.aan = aan
        # Unguessable, so no text from data/ can pose as a placeholder.
        self.teken = f"regioblok{secrets.token_hex(8)}x"
        self.opzij: dict[str, list[str]] = {}

    def weg(self, src_uri: str, markdown: str) -> str:
        """The page's Markdown with its HTML blocks set aside."""
        if not self.aan:
            self.opzij[src_uri] = []
            return markdown
        rest, self.opzij[src_uri] = blokken(markdown, lambda n: f"{self.teken}{n}")
        return rest

    def terug(self, src_uri: str, html: str) -> str:
        """The page's HTML with its blocks back in place of their placeholders."""
        if not self.aan:
            gegenereerd = self.opzij.pop(src_uri, None) is not None
            return html.replace(f"{BLOK_EINDE}\n\n", f"{BLOK_EINDE}\n") if gegenereerd else html
        for n, blok in enumerate(self.opzij.pop(src_uri, [])):
            plek = f"<p>{self.teken}{n}</p>"
            if plek not in html:
                raise PluginError(
                    f"{src_uri}: HTML-blok {n + 1} kwam niet als eigen alinea terug uit Markdown "
                    "(een Markdown-extensie of plugin heeft de plekhouder veranderd), en zou van "
                    "de pagina verdwijnen; zet htmlblokken: false of pas regio.mkdocs.blocks aan."
                )
            html = html.replace(plek, blok, 1)
        return html
