"""XSS suite: the real data with attack strings in every free text field, built and attacked.

The real ``data/*.yaml`` is loaded, every free string field of every entity (names, descriptions,
explanations, functions, facts, …) gets one of :data:`PAYLOADS` and every link field one of
:data:`URL_PAYLOADS`, in turn, so each payload lands in many fields and many templates. Ids,
references, enums, dates, codes, e-mail addresses, phone numbers and places stay as they are, so
the data stays valid and the real ``content/`` still links to the generated pages. The site is
built once per module (strict, map without tiles) and then:

- every built HTML page is parsed: no element, attribute or link that a payload created, and the
  payloads still show as text (escaped, not deleted);
- every page (of the gemeente pages: one per set of payloads they show) is opened in Chromium,
  the map's popups and tooltips are opened and the search box is
  used, with ``alert``/``confirm``/``prompt`` and the console hooked: no payload may run.

Each payload calls a unique marker (``xss-01`` …), so a failure names the payload that got through.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from playwright.sync_api import Browser, Dialog, Page, Request, expect

from regio.gegevens import registry
from regio.gegevens.contact import url_toegestaan
from regio.gegevens.validate import valideer
from regio.uitvoer.pages import bronnaam
from tests.conftest import REPO, nieuwe_context, serveer
from tests.pagina_html import Element, Pagina, lees

# --- The payloads ----------------------------------------------------------------------------

MARKER = "xss-"

# Text payloads, each with its own marker. Several are multi-line: the Markdown fields
# (beschrijving, toelichting) read them as blocks, the one-line fields fold them.
PAYLOADS: tuple[str, ...] = (
    # The first twelve reach the small collections too (province and person names end up in
    # the map's popups, tooltips and legend, and in each province's outline).
    '<script>alert("xss-01")</script>',
    'x](javascript:alert("xss-02"))',
    '"><img src=x onerror=alert("xss-03")>',
    "![t](https://tracker.invalid/xss-04.png)",
    '</script><script>alert("xss-05")</script>',
    '\'><svg onload=alert("xss-06")>',
    '</title><script>alert("xss-07")</script>',
    '[x](javascript:alert("xss-08"))',
    "{{7*7}} {{ cycler.__init__.__globals__.os.getcwd() }} xss-09 {% raw %} {#",
    '`${alert("xss-10")}`',
    '<div markdown="1" onmouseover="alert(\'xss-11\')">*x*</div>',
    # Line breaks and tabs: U+2028/U+2029 (line breaks to JavaScript) are refused by the data
    # loader, so they never reach a page; json_voor_script still escapes them (test_kaart).
    'regel\r\ntwee\n\tdrie</script>\n<script>alert("xss-12")</script>\r\n',
    'javascript:alert("xss-13")',
    '${alert("xss-14")}',
    "<a href=\"javascript:alert('xss-15')\">x</a>",
    "kop {: onclick=\"alert('xss-16')\" }",
    '<iframe src=javascript:alert("xss-17")></iframe>',
    '&lt;script&gt;alert("xss-18")&lt;/script&gt; &amp; &#60;b&#62;',
    '\\";alert("xss-19");//\\',
    "<style>"
    + "body{color:red}" * 40
    + "*{background:url(\"javascript:alert('xss-20')\")}</style>",
    '<javascript:alert("xss-21")>',
    '![x](javascript:alert("xss-22"))',
    '<details open ontoggle=alert("xss-23")>x</details>',
    '--><script>alert("xss-24")</script><!--',
    '<![CDATA[<script>alert("xss-25")</script>]]>',
    "[x][ref]\n\n[ref]: javascript:alert('xss-26')",
    '!!! danger "<script>alert(\'xss-27\')</script>"\n    <img src=x onerror=alert("xss-27")>',
    '[x](&#106;avascript:alert("xss-28")) <a href="&#106;avascript:alert(\'xss-28\')">y</a>',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert("xss-29")></style></math>',
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgieHNzLTMwIik8L3NjcmlwdD4=) xss-30",
    '# kop {#x onclick="alert(\'xss-31\')"}\n\n<b onclick=alert("xss-31")>b</b>',
    "<svg><a xlink:href=\"javascript:alert('xss-32')\"><text>x</text></a></svg>",
    '<object data="javascript:alert(\'xss-33\')"></object><embed src=javascript:alert("xss-33")>',
    '<base href="javascript:alert(\'xss-34\')//"><form action=javascript:alert("xss-34")>',
    '" onmouseover="alert(\'xss-35\')" x="',
    "' onfocus='alert(\"xss-36\")' autofocus '",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(\'xss-37\')">',
    '| a | <script>alert("xss-38")</script> |\n| --- | --- |\n| [x](javascript:alert("xss-38")) | b |',
    "<http://example.org/\" onmouseover=\"alert('xss-39')>",
    '<!-- <script>alert("xss-40")</script> -->',
)

# Link payloads: valid http(s) addresses (regio.gegevens.contact.url_toegestaan accepts them) that carry
# the attack in the path, query or fragment.
URL_PAYLOADS: tuple[str, ...] = (
    'https://example.org/"><script>alert("xss-u01")</script>',
    'https://example.org/x?q=\'><svg/onload=alert("xss-u02")>',
    'https://example.org/a)[x](javascript:alert("xss-u03"))',
    'https://example.org/#"onmouseover="alert(\'xss-u04\')"',
    'https://example.org/<img/src=x/onerror=alert("xss-u05")>',
    'https://xss-u06.example.org/</title><script>alert("xss-u06")</script>',
    "https://example.org/{:onclick=alert('xss-u07')}",
    'https://example.org/${alert("xss-u08")}`',
    'https://example.org/\\\\";alert("xss-u09");//',
    "https://example.org/&lt;script&gt;alert('xss-u10')&lt;/script&gt;",
    "http://example.org/a'onmouseover='alert(\"xss-u11\")'",
    "https://example.org/?x=<iframe/src=javascript:alert('xss-u12')>",
)


def marker(payload: str) -> str:
    """The payload's own marker, 'xss-07' or 'xss-u03'."""
    gevonden: list[str] = re.findall(r"xss-u?\d+", payload)
    assert gevonden and len(set(gevonden)) == 1, payload
    return gevonden[0]


# --- Which fields get a payload ---------------------------------------------------------------

# Free text, per collection; missing optional fields are added. ``plaats`` stays a real town.
TEKSTVELDEN: dict[str, tuple[str, ...]] = {
    "provincies": ("naam", "hoofdstad"),
    "programmas": ("naam", "afkorting", "beschrijving"),
    "onderwijsregios": ("naam", "landsdeel", "toelichting", "onzeker"),
    "partnerschappen": ("naam", "toelichting", "onzeker"),
    "projecten": ("naam", "toelichting", "onzeker"),
    "organisaties": ("naam", "volledige_naam", "afkorting", "beschrijving"),
    "personen": ("naam", "functie"),
}
# Rendered as sanitised Markdown (regio.uitvoer.escape.vrije_tekst); the others as plain inline text.
MARKDOWNVELDEN = frozenset({"beschrijving", "toelichting"})
# Collections with a ``website`` (added where missing); every entity has a ``bron`` list.
MET_WEBSITE = frozenset(
    {"programmas", "onderwijsregios", "partnerschappen", "projecten", "organisaties"}
)
BESTANDEN = {
    "regions.yaml": ("provincies", "programmas", "onderwijsregios", "partnerschappen", "projecten"),
    "contacts.yaml": ("organisaties", "personen"),
}
# A Markdown link or image: in a Markdown field nh3 drops its target, and the marker with it.
MARKDOWN_LINK = re.compile(r"!?\[[^\]]*\][\[(]")


@dataclass(frozen=True)
class Injectie:
    collectie: str
    id: str
    veld: str  # "naam", "bron[0]", "feiten[2].tekst", …
    waarde: str
    pagina: str | None  # the built page that shows it (relative to the site), if any

    @property
    def soort(self) -> str:
        """'url', 'markdown' or 'tekst' (one line of plain text)."""
        if self.veld.startswith(("bron", "website")) or ".bron" in self.veld:
            return "url"
        return "markdown" if self.veld in MARKDOWNVELDEN else "tekst"


def injecteer(data: dict[str, dict[str, Any]]) -> list[Injectie]:
    """Put payloads into ``data`` ({file: loaded YAML}) in place; returns what went where.

    Each (collection, field) walks through :data:`PAYLOADS` on its own, the n-th field of a
    collection starting twelve further on: the big collections get every payload in several
    fields, and the twelve provinces and six people still get the first twelve in their names.
    Links take :data:`URL_PAYLOADS` in one round for the whole data set.
    """
    adressen = iter(URL_PAYLOADS * 1000)
    injecties: list[Injectie] = []
    for bestand, collecties in BESTANDEN.items():
        for collectie in collecties:
            for n, entiteit in enumerate(data[bestand][collectie]):
                injecties += _injecteer_entiteit(collectie, n, entiteit, adressen)
    return injecties


def _injecteer_entiteit(
    collectie: str, n: int, entiteit: dict[str, Any], adressen: Iterator[str]
) -> list[Injectie]:
    if collectie == "personen":
        pagina = f"organisaties/{entiteit['organisatie']}/index.html"
    else:
        pagina = f"{collectie}/{entiteit['id']}/index.html"
    injecties = []

    def zet(veld: str, waarde: str, op: str | None = pagina) -> str:
        injecties.append(Injectie(collectie, entiteit["id"], veld, waarde, op))
        return waarde

    for i, veld in enumerate(TEKSTVELDEN[collectie]):
        entiteit[veld] = zet(veld, PAYLOADS[(n + 12 * i) % len(PAYLOADS)])
    # People's sources are not shown anywhere.
    entiteit["bron"] = [
        zet(f"bron[{i}]", next(adressen), None if collectie == "personen" else pagina)
        for i in range(max(1, len(entiteit.get("bron", ()))))
    ]
    if collectie in MET_WEBSITE:
        entiteit["website"] = zet("website", next(adressen))
    for i, feit in enumerate(entiteit.get("feiten", ())):
        feit["tekst"] = zet(f"feiten[{i}].tekst", PAYLOADS[(n + i) % len(PAYLOADS)])
        feit["bron"] = [
            zet(f"feiten[{i}].bron[{j}]", next(adressen))
            for j in range(max(1, len(feit.get("bron", ()))))
        ]
    return injecties


# --- The hostile site, built once per module ---------------------------------------------------


@dataclass(frozen=True)
class VijandigeSite:
    site: Path
    injecties: list[Injectie]
    paginas: list[Path]


@pytest.fixture(scope="module")
def vijandig(tmp_path_factory: pytest.TempPathFactory) -> VijandigeSite:
    """The real site with the hostile data: content/, mkdocs.yml (tiles 'none') and data/geo/."""
    project = tmp_path_factory.mktemp("xss") / "project"
    shutil.copytree(REPO / "content", project / "content")
    shutil.copytree(REPO / "data" / "geo", project / "data" / "geo")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    tiles = "      kaart_tiles: !ENV [REGIO_KAART_TILES, pdok]\n"
    assert config.count(tiles) == 1
    (project / "mkdocs.yml").write_text(
        config.replace(tiles, "      kaart_tiles: none\n"), encoding="utf-8"
    )
    data = {
        naam: yaml.safe_load((REPO / "data" / naam).read_text(encoding="utf-8"))
        for naam in BESTANDEN
    }
    injecties = injecteer(data)
    for naam, inhoud in data.items():
        (project / "data" / naam).write_text(
            yaml.safe_dump(inhoud, allow_unicode=True, sort_keys=False, width=1000),
            encoding="utf-8",
        )
    # What `regio validate` checks: the hostile data must still be valid data.
    resultaat = valideer(project / "data", weergave_dir="data")
    assert resultaat.geldig, [str(p) for p in resultaat.problemen if p.is_fout]
    site = project / "site"
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=True))
    return VijandigeSite(site, injecties, sorted(site.rglob("*.html")))


def test_payloads_are_many_unique_and_spread_over_many_fields(vijandig: VijandigeSite) -> None:
    markers = [marker(p) for p in PAYLOADS + URL_PAYLOADS]
    assert len(PAYLOADS) >= 15 and len(set(markers)) == len(markers)
    assert all(url_toegestaan(u) for u in URL_PAYLOADS)
    geraakt = {(i.collectie, i.veld.split("[")[0]) for i in vijandig.injecties}
    assert {(c, v) for c, velden in TEKSTVELDEN.items() for v in velden} <= geraakt
    assert {("programmas", "feiten"), ("organisaties", "website"), ("personen", "bron")} <= geraakt
    per_payload = {p: 0 for p in PAYLOADS + URL_PAYLOADS}
    for injectie in vijandig.injecties:
        per_payload[injectie.waarde] += 1
    assert min(per_payload.values()) >= 5, per_payload
    # Every payload is some entity's name (title, heading, every link to it, the map) ...
    assert set(PAYLOADS) <= {i.waarde for i in vijandig.injecties if i.veld == "naam"}
    # ... and the first twelve are the provinces' names (popups, tooltips, outlines).
    provincies = [i.waarde for i in vijandig.injecties if i.collectie == "provincies"]
    assert set(PAYLOADS[:12]) <= set(provincies)
    assert len(vijandig.injecties) > 800


# --- The built HTML, parsed --------------------------------------------------------------------

# Attributes whose value a browser may load or run as a URL.
URL_ATTRIBUTEN = frozenset(
    {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcdoc"}
)
GEVAARLIJK_SCHEMA = re.compile(r"^(javascript|vbscript|data):", re.IGNORECASE)
# Where a payload may show up in an attribute, as text: tooltips, labels, heading anchors, and
# the overview tables' search text per row (regio.js only compares it, never inserts it).
TEKST_ATTRIBUTEN = frozenset({"title", "aria-label", "id", "data-zoek"})
# Elements no page of this site has and a payload would love to add.
VREEMDE_ELEMENTEN = frozenset(
    {"object", "embed", "base", "frame", "frameset", "applet", "math", "mglyph", "img"}
)


def _schema(adres: str) -> str:
    """'javascript', 'vbscript', 'data' or ''; browsers skip ASCII whitespace and control chars."""
    gevonden = GEVAARLIJK_SCHEMA.match(re.sub(r"[\x00-\x20]", "", adres))
    return gevonden.group(1).lower() if gevonden else ""


def _is_kaartdata(element: Element, pad: str) -> bool:
    """The map's data block: JSON that cannot close its element."""
    if pad != "kaart/kaart.html" or element.attrs.get("id") != "regio-kaart-data":
        return False
    if element.attrs.get("type") != "application/json" or "<" in element.text:
        return False
    json.loads(element.text)
    return True


def _is_beschrijving(e: Any, naam: str) -> bool:
    """The page's meta description: its content is text to the browser, like a title."""
    return e.tag == "meta" and naam == "content" and e.attrs.get("name") == "description"


def aanvallen(pagina: Pagina, pad: str) -> list[str]:
    """What a payload created on a built page: elements, handlers, links, scripts."""
    gevonden = []
    for e in pagina.elements:
        waar = f"{pad}: <{e.tag} {e.attrs}>"[:300]
        if (
            e.tag == "script"
            and (MARKER in e.text or MARKER in e.attrs.get("src", ""))
            and not _is_kaartdata(e, pad)
        ):
            gevonden.append(f"script met payload: {waar} {e.text[:200]}")
        if e.tag == "style" and MARKER in e.text:
            gevonden.append(f"style met payload: {waar}")
        if e.tag == "iframe" and not (
            pad == "kaart/index.html"
            and e.attrs.get("src") == "kaart.html"
            and "regio-kaart" in e.classes
        ):
            gevonden.append(f"iframe: {waar}")
        if e.tag in VREEMDE_ELEMENTEN:
            gevonden.append(f"vreemd element: {waar}")
        if e.tag == "meta" and "http-equiv" in e.attrs and "refresh" in e.attrs["http-equiv"]:
            gevonden.append(f"meta refresh: {waar}")
        if e.tag == "svg" and any(a.startswith("on") for a in e.attrs):
            gevonden.append(f"svg met handler: {waar}")
        for naam, waarde in e.attrs.items():
            if naam.startswith("on") and (MARKER in waarde or "alert" in waarde):
                gevonden.append(f"handler {naam}: {waar}")
            if naam in URL_ATTRIBUTEN and _schema(waarde):
                gevonden.append(f"{_schema(waarde)}:-adres in {naam}: {waar}")
            # In a link's address a payload is harmless as long as the scheme stays harmless.
            if (
                MARKER in waarde
                and naam not in TEKST_ATTRIBUTEN
                and not _is_beschrijving(e, naam)
                and not (e.tag == "a" and naam == "href" and not _schema(waarde))
            ):
                gevonden.append(f"payload in attribuut {naam}: {waar}")
    return gevonden


@pytest.fixture(scope="module")
def geparst(vijandig: VijandigeSite) -> dict[str, Pagina]:
    return {p.relative_to(vijandig.site).as_posix(): lees(p) for p in vijandig.paginas}


def test_every_page_is_parsed_including_the_map_and_404(
    vijandig: VijandigeSite, geparst: dict[str, Pagina]
) -> None:
    assert {"index.html", "404.html", "kaart/index.html", "kaart/kaart.html"} <= geparst.keys()
    eigen = {i.pagina for i in vijandig.injecties if i.pagina}
    assert eigen <= geparst.keys()
    assert len(geparst) >= 150
    # Most pages carry payloads: overviews, entity pages, the map, contact.
    assert sum(MARKER in (vijandig.site / p).read_text(encoding="utf-8") for p in geparst) > 140


def test_no_page_has_an_element_attribute_or_link_made_by_a_payload(
    geparst: dict[str, Pagina],
) -> None:
    gevonden = [regel for pad, pagina in geparst.items() for regel in aanvallen(pagina, pad)]
    assert not gevonden, "\n".join(gevonden)


def _zichtbaar(tekst: str) -> str:
    return " ".join(tekst.split())


def test_payloads_stay_visible_as_text(vijandig: VijandigeSite, geparst: dict[str, Pagina]) -> None:
    """Escaped, not deleted: every plain text field shows literally on the page that uses it."""
    ontbreekt = []
    gecontroleerd = 0
    for injectie in vijandig.injecties:
        if injectie.pagina is None:
            continue
        pagina = geparst[injectie.pagina]
        waar = f"{injectie.pagina} {injectie.collectie}/{injectie.id}.{injectie.veld}"
        if injectie.soort == "tekst":
            verwacht = _zichtbaar(injectie.waarde)
            if verwacht not in pagina.tekst:
                ontbreekt.append(f"{waar}: {verwacht[:80]!r}")
        elif injectie.soort == "markdown":
            if (
                not MARKDOWN_LINK.search(injectie.waarde)
                and marker(injectie.waarde) not in pagina.tekst
            ):
                ontbreekt.append(f"{waar}: {marker(injectie.waarde)}")
        else:
            # The link leads exactly where the data says (percent-encoding aside).
            doelen = {unquote(a.attrs.get("href", "")) for a in pagina.alle("a")}
            if injectie.waarde not in doelen:
                ontbreekt.append(f"{waar}: link {injectie.waarde!r}")
            if (
                injectie.veld.startswith("bron")
                and _zichtbaar(bronnaam(injectie.waarde)) not in pagina.tekst
            ):
                ontbreekt.append(f"{waar}: linktekst {bronnaam(injectie.waarde)!r}")
        gecontroleerd += 1
    assert not ontbreekt, "\n".join(ontbreekt)
    assert gecontroleerd > 800


def test_names_are_the_heading_and_the_title_of_their_own_page(
    vijandig: VijandigeSite, geparst: dict[str, Pagina]
) -> None:
    for injectie in vijandig.injecties:
        if injectie.veld != "naam" or injectie.collectie == "personen":
            continue
        assert injectie.pagina is not None
        pagina = geparst[injectie.pagina]
        naam = _zichtbaar(injectie.waarde)
        [kop] = pagina.alle("h1")
        assert _zichtbaar(kop.text).removesuffix("¶").strip() == naam, injectie
        # The document's own <title> comes first (a province outline has an SVG <title> too).
        assert pagina.alle("title")[0].text.startswith(naam), injectie


def test_map_data_block_holds_the_names_unchanged(
    vijandig: VijandigeSite, geparst: dict[str, Pagina]
) -> None:
    [blok] = [
        s
        for s in geparst["kaart/kaart.html"].alle("script")
        if s.attrs.get("id") == "regio-kaart-data"
    ]
    data = json.loads(blok.text)

    def namen(collectie: str) -> set[str]:
        return {
            i.waarde for i in vijandig.injecties if i.collectie == collectie and i.veld == "naam"
        }

    assert {f["properties"]["naam"] for f in data["provincies"]["features"]} == namen("provincies")
    assert {f["properties"]["coordinator"] for f in data["provincies"]["features"]} <= namen(
        "personen"
    )
    legenda = {item["naam"] for item in data["legenda"]}
    assert legenda and legenda <= namen("personen")
    punten = {f["properties"]["naam"] for laag in data["lagen"] for f in laag["punten"]["features"]}
    assert len(punten) > 10
    assert punten <= namen("onderwijsregios") | namen("partnerschappen") | namen("projecten")


# --- In a real browser ---------------------------------------------------------------------------


# The DOM as the browser built it (its parser, not Python's, decides what is an element).
DOM_CONTROLE = """
() => {
  const fouten = [];
  const gevaarlijk = /^(javascript|vbscript|data):/i;
  const urlAttributen = new Set(URL_ATTRIBUTEN);
  const tekstAttributen = new Set(["title", "aria-label", "id", "data-zoek"]);
  const waar = (e) => e.outerHTML.slice(0, 200);
  for (const e of document.querySelectorAll("*")) {
    for (const a of e.attributes) {
      const naam = a.name.toLowerCase();
      const schoon = a.value.replace(/[\\u0000-\\u0020]/g, "");
      if (naam.startsWith("on") && (a.value.includes("xss-") || a.value.includes("alert"))) {
        fouten.push("handler: " + waar(e));
      }
      if (urlAttributen.has(naam) && gevaarlijk.test(schoon)) fouten.push("adres: " + waar(e));
      const beschrijving = e.localName === "meta" && e.name === "description" && naam === "content";
      if (a.value.includes("xss-") && !tekstAttributen.has(naam) && !beschrijving
          && !(e.localName === "a" && naam === "href" && /^https?:$/.test(e.protocol))) {
        fouten.push("attribuut " + naam + ": " + waar(e));
      }
    }
  }
  for (const s of document.querySelectorAll("script, style")) {
    if (s.textContent.includes("xss-") && s.id !== "regio-kaart-data") fouten.push(waar(s));
  }
  for (const e of document.querySelectorAll("VREEMDE_ELEMENTEN")) fouten.push("element: " + waar(e));
  for (const f of document.querySelectorAll("iframe")) {
    if (!(f.classList.contains("regio-kaart") && f.getAttribute("src") === "kaart.html")) {
      fouten.push("iframe: " + waar(f));
    }
  }
  return fouten;
}
""".replace("URL_ATTRIBUTEN", json.dumps(sorted(URL_ATTRIBUTEN))).replace(
    "VREEMDE_ELEMENTEN", ", ".join(sorted(VREEMDE_ELEMENTEN))
)

# Before any script of the page (and of the map's iframe): dialogs only record, every console
# call that carries a marker is reported, and so is what DOM_CONTROLE finds once the frame loaded.
WACHTERS = """
(() => {
  const meld = (soort, args, altijd) => {
    let tekst;
    try { tekst = Array.from(args, (a) => String(a)).join(" "); } catch (e) { tekst = "?"; }
    if (!altijd && !tekst.includes("xss-")) return;
    const regel = soort + "(" + tekst + ") op " + location.href;
    (window.__regioXss = window.__regioXss || []).push(regel);
    if (typeof window.regioXssMelding === "function") window.regioXssMelding(regel);
  };
  for (const naam of ["alert", "confirm", "prompt", "print"]) {
    window[naam] = function () { meld(naam, arguments, true); return null; };
  }
  for (const naam of ["log", "info", "warn", "error", "debug", "trace"]) {
    const origineel = console[naam];
    console[naam] = function () { meld("console." + naam, arguments, false); return origineel.apply(this, arguments); };
  }
  const domControle = DOM_CONTROLE;
  addEventListener("load", () => { for (const fout of domControle()) meld("dom", [fout], true); });
})();
""".replace("DOM_CONTROLE", DOM_CONTROLE)

# Opens the popup and the tooltip of every province and every point, by firing the events a
# visitor's click and hover fire; returns what each showed, and any element a payload made.
KAART_OPENEN = """
() => {
  const map = window[document.querySelector(".folium-map").id];
  const lagen = [];
  const verzamel = (laag) => {
    if (laag.feature) lagen.push(laag);
    else if (typeof laag.getLayers === "function") laag.getLayers().forEach(verzamel);
  };
  map.eachLayer(verzamel);
  const uniek = [...new Set(lagen)];
  const uitkomst = [];
  for (const laag of uniek) {
    // Clustered markers are not on the map themselves: put each there to open it.
    if (!laag._map) map.addLayer(laag);
    const punt = laag.getLatLng ? laag.getLatLng() : laag.getBounds().getCenter();
    laag.fire("click", { latlng: punt });
    laag.fire("mouseover", { latlng: punt });
    // What is in the document now, found through the layer (closed popups fade out slowly).
    const popup = laag.getPopup();
    const inhoud = popup.isOpen() ? popup.getElement().querySelector(".leaflet-popup-content") : null;
    const tooltip = laag.getTooltip();
    uitkomst.push({
      naam: laag.feature.properties.naam,
      soort: laag.feature.geometry.type,
      provincie: Boolean(laag.options && laag.options.className === "regio-provincie"),
      popup: inhoud && document.contains(inhoud) ? inhoud.textContent : null,
      popupVreemd: inhoud ? [...inhoud.querySelectorAll("*")].filter(
        (e) => !["div", "strong", "a"].includes(e.localName)).length : -1,
      popupLinks: inhoud ? [...inhoud.querySelectorAll("a")].map((a) => a.protocol) : [],
      tooltip: tooltip.isOpen() && document.contains(tooltip.getElement())
        ? tooltip.getElement().textContent : null,
    });
    laag.fire("mouseout", { latlng: punt });
    map.closePopup();
  }
  return { lagen: uitkomst, legenda: document.querySelector(".regio-legenda").textContent };
}
"""


@pytest.fixture(scope="module")
def adres(vijandig: VijandigeSite) -> Iterator[str]:
    """The hostile site served on 127.0.0.1; the base URL ends in '/'."""
    yield from serveer(vijandig.site)


@dataclass
class Waarnemingen:
    """Everything the browser saw that a payload could have caused."""

    uitgevoerd: list[str]  # dialogs, hooked calls and console messages with a marker
    fouten: list[str]  # uncaught errors in the page
    extern: list[str]  # requests that left 127.0.0.1

    def begin(self) -> None:
        """Forget what an earlier test saw (it failed on that already)."""
        for lijst in (self.uitgevoerd, self.fouten, self.extern):
            lijst.clear()


@contextmanager
def _bewaakte_pagina(browser: Browser, zoeken: bool) -> Iterator[tuple[Page, Waarnemingen]]:
    """One Chromium page that reports whatever a payload could make it do; with Material's
    search worker only if ``zoeken`` (see :func:`tests.conftest.nieuwe_context`)."""
    gezien = Waarnemingen([], [], [])

    def dialoog(dialog: Dialog) -> None:
        gezien.uitgevoerd.append(f"dialog {dialog.type}: {dialog.message}")
        dialog.dismiss()

    def verzoek(request: Request) -> None:
        if urlsplit(request.url).hostname != "127.0.0.1":
            gezien.extern.append(request.url)

    context = nieuwe_context(browser, zoeken, viewport={"width": 1280, "height": 900})
    try:
        context.expose_function("regioXssMelding", lambda regel: gezien.uitgevoerd.append(regel))
        context.add_init_script(WACHTERS)
        context.on("request", verzoek)
        page = context.new_page()
        page.on("dialog", dialoog)
        page.on("pageerror", lambda e: gezien.fouten.append(f"{page.url}: {e}"))
        page.on(
            "console",
            lambda m: gezien.uitgevoerd.append(f"console: {m.text}") if MARKER in m.text else None,
        )
        yield page, gezien
    finally:
        context.close()


@pytest.fixture(scope="module")
def browser_pagina(adres: str, browser: Browser) -> Iterator[tuple[Page, Waarnemingen]]:
    """One page, reused for every visit; skipped without Chromium locally, not on CI. The search
    worker only reads the index (it never touches the page): the search test has its own."""
    with _bewaakte_pagina(browser, zoeken=False) as bewaakt:
        yield bewaakt


@pytest.fixture(scope="module")
def zoek_pagina(adres: str, browser: Browser) -> Iterator[tuple[Page, Waarnemingen]]:
    """A page with Material's search worker, whose results Material writes with innerHTML."""
    with _bewaakte_pagina(browser, zoeken=True) as bewaakt:
        yield bewaakt


def _pad(vijandig: VijandigeSite, pagina: Path) -> str:
    """The URL path of a built page: the directory URL for index.html, the file otherwise."""
    return pagina.relative_to(vijandig.site).as_posix().removesuffix("index.html")


# The page template of each collection folder: entity pages of one template run the same
# scripts on the same markup (onderwijsregio's, partnerships and projects share 'gebied').
SJABLOON_VAN_MAP = {c.map: c.pagina for c in registry.COLLECTIES.values() if c.map and c.pagina}


def _te_bezoeken(vijandig: VijandigeSite) -> list[Path]:
    """Every page of its own kind, and of the pages one template makes, enough to show each payload.

    The entity pages of one template (``partnerschappen/<slug>/`` and ``projecten/<slug>/`` from
    'gebied', ``gemeenten/<slug>/`` …) run the same scripts: a visit to a second page whose
    payloads were all seen on a first runs the same code on the same attacks. So per template
    the pages are picked greedily until every payload those pages show has been on a visited
    page. Every page is still parsed for what a payload could have made (the tests above).
    """
    per_soort: dict[str, list[tuple[Path, frozenset[str]]]] = {}
    for pagina in vijandig.paginas:
        delen = pagina.relative_to(vijandig.site).parts
        if len(delen) == 3 and pagina.name == "index.html":
            soort = SJABLOON_VAN_MAP.get(delen[0], delen[0])
        else:
            soort = "/".join(delen)
        per_soort.setdefault(soort, []).append((pagina, _markers(pagina)))
    result = []
    for paginas in per_soort.values():
        nog = frozenset().union(*(markers for _, markers in paginas))
        gekozen: list[Path] = []
        while nog or not gekozen:
            pagina, markers = max(paginas, key=lambda pm: len(pm[1] & nog))
            gekozen.append(pagina)
            nog -= markers
        result.extend(gekozen)
    return sorted(result)


@cache  # read once: choosing the pages and checking the choice both need them
def _markers(pagina: Path) -> frozenset[str]:
    return frozenset(re.findall(r"xss-u?\d+", pagina.read_text(encoding="utf-8")))


def test_no_payload_runs_on_any_kind_of_page(
    vijandig: VijandigeSite, adres: str, browser_pagina: tuple[Page, Waarnemingen]
) -> None:
    page, gezien = browser_pagina
    gezien.begin()
    paginas = _te_bezoeken(vijandig)
    for pagina in paginas:
        page.goto(adres + _pad(vijandig, pagina), wait_until="load")
    # Every frame checked its own DOM on 'load' (WACHTERS); this round trip collects the last.
    assert page.evaluate("document.readyState") == "complete"
    # Every folder was visited, and every payload of the site was on a visited page.
    mappen = {p.relative_to(vijandig.site).parts[0] for p in vijandig.paginas}
    assert {p.relative_to(vijandig.site).parts[0] for p in paginas} == mappen
    alle = frozenset().union(*(_markers(p) for p in vijandig.paginas))
    assert frozenset().union(*(_markers(p) for p in paginas)) == alle and len(alle) > 20
    assert 50 <= len(paginas) < len(vijandig.paginas) / 3
    assert not gezien.uitgevoerd, "\n".join(gezien.uitgevoerd)
    assert not gezien.fouten, "\n".join(gezien.fouten)
    assert not gezien.extern, "\n".join(gezien.extern)


def test_map_popups_and_tooltips_show_hostile_names_as_text(
    vijandig: VijandigeSite, adres: str, browser_pagina: tuple[Page, Waarnemingen]
) -> None:
    page, gezien = browser_pagina
    gezien.begin()
    page.goto(adres + "kaart/kaart.html", wait_until="load")
    page.wait_for_selector(".leaflet-overlay-pane path")
    # The point layers start off (their clusters would cover the provinces): turn them on.
    page.evaluate(
        """() => {
            for (const label of document.querySelectorAll(".leaflet-control-layers-overlays label")) {
                const input = label.querySelector("input");
                if (/\\(\\d+\\)\\s*$/.test(label.textContent) && !input.checked) input.click();
            }
        }"""
    )
    uitkomst = page.evaluate(KAART_OPENEN)
    lagen = uitkomst["lagen"]
    provincies = [laag for laag in lagen if laag["provincie"]]
    punten = [laag for laag in lagen if laag["soort"] == "Point"]
    assert len(provincies) == 12 and len(punten) > 10
    for laag in lagen:
        assert laag["popup"] is not None and laag["naam"] in laag["popup"], laag
        assert laag["tooltip"] is not None and laag["naam"] in laag["tooltip"], laag
        assert laag["popupVreemd"] == 0, laag
        assert set(laag["popupLinks"]) <= {"http:", "mailto:", "tel:"}, laag
    personen = {
        i.waarde for i in vijandig.injecties if i.collectie == "personen" and i.veld == "naam"
    }
    legenda = page.evaluate(
        'JSON.parse(document.getElementById("regio-kaart-data").textContent)'
        ".legenda.map((item) => item.naam)"
    )
    assert legenda and set(legenda) <= personen
    assert all(naam in uitkomst["legenda"] for naam in legenda)
    dom = page.evaluate(DOM_CONTROLE)
    assert not dom, "\n".join(dom)
    assert not gezien.uitgevoerd, "\n".join(gezien.uitgevoerd)
    assert not gezien.fouten, "\n".join(gezien.fouten)


def test_search_results_show_hostile_titles_as_text(
    adres: str, zoek_pagina: tuple[Page, Waarnemingen]
) -> None:
    """Material renders search results (titles, text) with innerHTML: a second way in."""
    page, gezien = zoek_pagina
    gezien.begin()
    page.goto(adres, wait_until="load")
    zoek = page.locator("input.md-search__input")
    resultaten = page.locator(".md-search-result__item")
    aantallen = []
    for term in ("xss", "javascript", "onerror"):
        zoek.click()
        zoek.fill(term)
        # Material reads the query on keyup (or when its worker is ready), not on input.
        zoek.press("End")
        expect(resultaten.first).to_be_visible()
        # Show every result: Material adds more as the list is scrolled.
        lijst = page.locator(".md-search__scrollwrap")
        for _ in range(20):
            aantal = resultaten.count()
            lijst.evaluate("e => e.scrollTo(0, e.scrollHeight)")
            page.wait_for_timeout(50)
            if resultaten.count() == aantal:
                break
        aantallen.append(resultaten.count())
        dom = page.evaluate(DOM_CONTROLE)
        assert not dom, "\n".join(dom)
        # Empty the list, so the next term's results are not confused with these.
        zoek.fill("")
        zoek.press("End")
        expect(resultaten).to_have_count(0)
        page.keyboard.press("Escape")
    # Every marker is a search term: 'xss' finds the most hostile pages.
    assert aantallen[0] > 10, aantallen
    # A result opens its page with the search terms highlighted (?h=…) in the hostile text.
    zoek.click()
    zoek.fill("xss")
    zoek.press("End")
    with page.expect_navigation(wait_until="load"):
        resultaten.first.locator("a").first.click()
    assert "h=xss" in page.url
    page.wait_for_selector("mark")
    dom = page.evaluate(DOM_CONTROLE)
    assert not dom, "\n".join(dom)
    assert not gezien.uitgevoerd, "\n".join(gezien.uitgevoerd)
    assert not gezien.fouten, "\n".join(gezien.fouten)
