"""Label/value markup that also reads well as plain text.

An entity's facts are a table of ``<th>label</th><td>value</td>`` rows (or a ``<dl>``). Anything
that reads the page as text without its layout, such as the search index (Material's search
shows a page's text under each hit), runs the cells together: "SoortLerarenopleiding
Sectorenwo". :func:`met_scheidingen` adds ": " after each label and " · " between the pairs as
``hidden`` text: browsers and screen readers skip it (the table already says what is a label),
text extraction keeps it, so the snippet reads "Soort: Lerarenopleiding · Sectoren: wo".
"""

from __future__ import annotations

import re

from markupsafe import Markup

NA_LABEL = "<span hidden>: </span>"
TUSSEN_PAREN = "<span hidden> · </span>"

# Our own markup only: everything from data/ is escaped, so no value contains '</th>' or '</dd>'.
_LABEL_EINDE = re.compile(r"(?=</th>\s*<td[ >])|(?=</dt>\s*<dd[ >])")
# The white space between two pairs goes: the separator brings its own.
_PAAR_EINDE = re.compile(r"</td>\s*</tr>\s*(?=<tr[ >])|</dd>\s*(?=<dt[ >])")


def met_scheidingen(html: str) -> Markup:
    """``html`` (already safe) with hidden separators after labels and between label/value pairs."""
    html = _LABEL_EINDE.sub(NA_LABEL, str(html))
    return Markup(_PAAR_EINDE.sub(lambda m: TUSSEN_PAREN + _einde(m.group(0)), html))


def _einde(tekst: str) -> str:
    """The closing tags of a pair without the white space around them."""
    return "".join(tekst.split())
