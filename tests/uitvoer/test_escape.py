"""Untrusted text stays text in the generated Markdown and the HTML it becomes."""

from __future__ import annotations

import json

import markdown
import pytest
import yaml

from regio.uitvoer.escape import md, md_zonder_html, titel, url, vrije_tekst

EXTENSIONS = ["tables", "md_in_html", "attr_list", "admonition", "toc"]

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[klik](javascript:alert(1))",
    "![x](javascript:alert(1))",
    "**vet** _schuin_ `code`",
    "{: onclick=alert(1) }",
    "# Kop",
    "1. lijst",
    "- lijst",
    "a | b",
    "&amp; &lt;",
    '"><svg onload=alert(1)>',
    "\\*geen nadruk\\*",
    "regel 1\n\n# regel 2",
]


def _html(markdown_tekst: str) -> str:
    return markdown.markdown(markdown_tekst, extensions=EXTENSIONS)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_inline_text_renders_as_exactly_that_text(payload: str) -> None:
    import html

    rendered = _html(f"Naam: {md(payload)}")
    zichtbaar = " ".join(payload.split())
    assert (
        rendered == f"<p>Naam: {html.escape(zichtbaar, quote=False).replace(chr(34), '&quot;')}</p>"
    )


@pytest.mark.parametrize("payload", PAYLOADS)
def test_table_cells_and_headings_stay_text(payload: str) -> None:
    rendered = _html(f"# {md(payload)}\n\n| a | b |\n| --- | --- |\n| {md(payload)} | x |\n")
    assert "<script" not in rendered and "<img" not in rendered and "<svg" not in rendered
    assert "href" not in rendered and "onclick" not in rendered.split('id="')[0]
    assert rendered.count("<td>") == 2


def test_title_is_yaml_readable_and_html_escaped() -> None:
    waarde = yaml.safe_load(f"title: {titel('</title><script>x</script> & co')}")["title"]
    assert waarde == "&lt;/title&gt;&lt;script&gt;x&lt;/script&gt; &amp; co"
    assert json.loads(titel("Fryslân")) == "Fryslân"


def test_url_cannot_leave_the_link() -> None:
    kwaad = 'https://example.org/a b)"<c>'
    rendered = _html(f"[x]({url(kwaad)})")
    assert rendered == '<p><a href="https://example.org/a%20b%29%22%3Cc%3E">x</a></p>'


def test_url_keeps_character_references_as_written() -> None:
    # Markdown passes '&lt;' through and the browser decodes it: the link would lead elsewhere.
    rendered = _html(f"[x]({url('https://example.org/?a=1&b=2&lt;c&gt;&amp;')})")
    assert (
        rendered
        == '<p><a href="https://example.org/?a=1&amp;b=2&amp;lt;c&amp;gt;&amp;amp;">x</a></p>'
    )


def test_text_for_markup_inside_a_link_text_cannot_end_the_link() -> None:
    # A province's outline: our own SVG, its <title> escaped for HTML by the caller, in a link.
    import html

    naam = "x](javascript:alert(1)) ![t](https://tracker.example/p.png) *x* <b>"
    svg = f"<svg><title>{html.escape(md_zonder_html(naam))}</title></svg>"
    rendered = _html(f"[{svg}](kaart/)")
    assert rendered == (
        f'<p><a href="kaart/"><svg><title>{html.escape(naam, quote=False)}</title></svg></a></p>'
    )
    assert html.escape(md_zonder_html(naam)) == md(naam)


def test_free_text_allows_simple_markdown_but_no_html_or_script_links() -> None:
    schoon = vrije_tekst(
        "Een **belangrijke** [bron](https://example.org) en [kwaad](javascript:alert(1)).\n\n"
        "<script>alert(2)</script>\n\n<b onclick=alert(3)>vet</b>"
    )
    assert "<strong>belangrijke</strong>" in schoon
    assert '<a href="https://example.org" rel="noopener noreferrer">bron</a>' in schoon
    assert "javascript" not in schoon
    assert "<script>" not in schoon and "<b " not in schoon
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in schoon
