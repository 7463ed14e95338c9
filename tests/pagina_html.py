"""Read built HTML pages the way the tests need: links, attributes, text."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    classes: tuple[str, ...]
    parents: tuple[str, ...]  # "tag.class1.class2" of each open ancestor
    text: str = ""


@dataclass
class Pagina(HTMLParser):
    elements: list[Element] = field(default_factory=list)
    _stack: list[Element] = field(default_factory=list)
    _text: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        HTMLParser.__init__(self, convert_charrefs=True)

    VOID = frozenset({"br", "img", "input", "meta", "link", "hr", "source", "wbr", "area", "base"})

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributen = {k: v or "" for k, v in attrs}
        classes = tuple(attributen.get("class", "").split())
        parents = tuple(".".join((e.tag, *e.classes)) for e in self._stack)
        element = Element(tag, attributen, classes, parents)
        self.elements.append(element)
        if tag not in self.VOID:
            self._stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self._stack) - 1, -1, -1):
            if self._stack[index].tag == tag:
                del self._stack[index:]
                break

    def handle_data(self, data: str) -> None:
        self._text.append(data)
        for element in self._stack:
            element.text += data

    def alle(self, tag: str, klasse: str | None = None) -> list[Element]:
        return [
            e for e in self.elements if e.tag == tag and (klasse is None or klasse in e.classes)
        ]

    def binnen(self, tag: str, ouder: str) -> list[Element]:
        """Elements ``tag`` with an ancestor whose 'tag.class…' contains ``ouder``."""
        return [e for e in self.alle(tag) if any(ouder in p for p in e.parents)]

    @property
    def tekst(self) -> str:
        return " ".join("".join(self._text).split())


def lees_html(html: str) -> Pagina:
    pagina = Pagina()
    pagina.feed(html)
    pagina.close()
    return pagina


def lees(pad: Path) -> Pagina:
    return lees_html(pad.read_text(encoding="utf-8"))


def interne_doelen(site: Path, pagina_pad: Path) -> list[tuple[str, Path | None]]:
    """(href, target file or None when missing) for every relative link on a page."""
    pagina = lees(pagina_pad)
    resultaat = []
    for a in pagina.alle("a"):
        href = a.attrs.get("href", "")
        delen = urlsplit(href)
        if not href or delen.scheme or href.startswith(("#", "//")):
            continue
        pad = unquote(delen.path)
        # Root-relative links (the 404 page uses them) start at the site root.
        basis = site if pad.startswith("/") else pagina_pad.parent
        doel = (basis / pad.lstrip("/")).resolve()
        if doel.is_dir():
            doel = doel / "index.html"
        resultaat.append((href, doel if doel.exists() and site.resolve() in doel.parents else None))
    return resultaat
