"""Make untrusted text safe inside generated Markdown (and the HTML it becomes).

Everything from data/ goes through one of these before it reaches a page:

- :func:`md` for inline text: HTML special characters become entities and Markdown syntax is
  backslash-escaped, so a name can neither open a tag nor make a link, heading or attribute list;
- :func:`titel` for page titles in front matter (themes print them unescaped);
- :func:`url` for link targets that passed :func:`regio.gegevens.contact.url_toegestaan`;
- :func:`vrije_tekst` for the free-text fields that allow Markdown: rendered with raw HTML
  stripped and sanitised by nh3 (allow-list of tags, only http(s)/mailto/tel links).
"""

from __future__ import annotations

import html
import json
import re
from urllib.parse import quote

import markdown
import nh3
from markupsafe import Markup

# What Python-Markdown (with the tables extension) lets us backslash-escape.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")  # '<', '>' and '&' become entities
_WHITESPACE = re.compile(r"\s+")

_TOEGESTANE_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "code", "blockquote"}
_URL_SCHEMAS = {"http", "https", "mailto", "tel"}
# One renderer, reset per use: building a Markdown instance costs more than converting a field.
_VRIJE_TEKST = markdown.Markdown(extensions=[])


def md(tekst: object) -> Markup:
    """Inline text for Markdown: one line, no markup of any kind."""
    if isinstance(tekst, Markup):
        return tekst
    return Markup(html.escape(md_zonder_html(tekst), quote=True))


def md_zonder_html(tekst: object) -> str:
    """:func:`md` without the HTML escaping, for text that is escaped for HTML later (an SVG
    <title> in a link text: Markdown still reads that text)."""
    plat = _WHITESPACE.sub(" ", str(tekst)).strip()
    return _MD_SPECIAL.sub(r"\\\1", plat)


def titel(tekst: str) -> Markup:
    """A page title for YAML front matter.

    MkDocs' theme templates print ``page.title`` without escaping, so the title is given as
    HTML-escaped text in a JSON string (which YAML reads as a double-quoted string).
    """
    plat = _WHITESPACE.sub(" ", tekst).strip()
    return Markup(json.dumps(html.escape(plat, quote=True)))


def url(adres: str) -> Markup:
    """A link target for an ``href`` (or Markdown's ``[text](target)``): percent-encode what could
    end or bend the link (quotes, brackets, spaces, '<' and '>').

    '&' becomes '&amp;': Markdown passes a character reference such as '&lt;' through, and the
    browser would decode it, so the link would lead elsewhere than the data says.
    """
    return Markup(quote(adres, safe=":/?#@!$&*+,;=%~-._").replace("&", "&amp;"))


def vrije_tekst(tekst: str) -> Markup:
    """Free text that allows Markdown, as a sanitised HTML block."""
    # Raw HTML in the source is shown as text, never passed through.
    rendered = _VRIJE_TEKST.reset().convert(html.escape(tekst, quote=False))
    schoon = nh3.clean(
        rendered,
        tags=_TOEGESTANE_TAGS,
        attributes={"a": {"href"}},
        url_schemes=_URL_SCHEMAS,
        link_rel="noopener noreferrer",
    )
    return Markup(f'<div class="regio-tekst">\n{schoon}\n</div>')
