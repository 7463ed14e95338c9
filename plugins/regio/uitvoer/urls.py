"""Page URLs as MkDocs makes them, and relative links between them (pages, map, open data).

Two link modes: final URLs (``../organisaties/x/``, what MkDocs writes, untouched in HTML blocks)
and source links (``../organisaties/x.md``, relative to the Markdown file), for generators such as
Zensical that rewrite links inside raw HTML as they do Markdown links.
"""

from __future__ import annotations


def url_van(pad: str, mapurls: bool = True) -> str:
    """The URL (relative to the site root) MkDocs gives the page at Markdown path ``pad``."""
    stam = pad.removesuffix(".md")
    if stam == "index" or stam.endswith("/index"):
        return stam.removesuffix("index") if mapurls else f"{stam}.html"
    return f"{stam}/" if mapurls else f"{stam}.html"


def relatief(van: str, naar: str) -> str:
    """Link from the page at URL ``van`` to URL ``naar`` (both relative to the site root, without
    '.' or '..' parts). Plain string work: a page has many links, posixpath.relpath is slow."""
    basis = van.split("/")[:-1]  # the folder the page's URL points into
    doel = naar.split("/")
    gedeeld = 0
    while gedeeld < min(len(basis), len(doel) - 1) and basis[gedeeld] == doel[gedeeld]:
        gedeeld += 1
    pad = "../" * (len(basis) - gedeeld) + "/".join(doel[gedeeld:])
    return pad or "./"


def bronlink(van: str, naar: str) -> str:
    """Link from the source file at ``van`` (a path in docs_dir, e.g. 'organisaties/x.md') to
    the file at ``naar`` ('provincies/y.md', 'kaart/kaart.html', or '' for the docs root)."""
    return relatief(van, naar)
