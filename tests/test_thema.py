"""The repairs to Material's HTML (see regio.thema)."""

from __future__ import annotations

from regio.thema import herstel

TOGGLES = (
    '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
    '<input type="text" class="md-search__input" name="query" autocomplete="off">'
)
TOC_LABEL = '<label class="md-nav__title" for="__toc">\n<span></span>\nInhoud\n</label>'


def test_checkbox_loses_autocomplete_but_the_search_field_keeps_it() -> None:
    assert herstel(TOGGLES) == (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'
        '<input type="text" class="md-search__input" name="query" autocomplete="off">'
    )


def test_toc_label_without_its_input_becomes_a_heading() -> None:
    assert herstel(TOC_LABEL) == '<div class="md-nav__title">\n<span></span>\nInhoud\n</div>'


def test_toc_label_stays_when_the_page_has_the_toggle() -> None:
    pagina = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">' + TOC_LABEL
    assert herstel(pagina) == pagina
