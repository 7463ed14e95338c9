"""The interactive region map: a folium (Leaflet) document fed with data, not with code per marker.

folium builds the map itself (Leaflet map, tile layer, the page around it). Everything from data/
travels as one JSON block (``<script type="application/json">``), escaped for that context, and
our own script (assets/kaart/regio-kaart.js) turns it into layers. Popups and tooltips are built
there with DOM nodes and ``textContent``, never from HTML strings, because folium's own Popup and
Tooltip insert text as HTML.

Three rules folium needs help with:
- no CDN: its default JavaScript and CSS (Leaflet from jsDelivr, jQuery, Bootstrap, Font Awesome)
  are replaced by the vendored Leaflet files served from the site;
- deterministic: branca gives every element a random id; we count instead;
- accessible and mobile friendly: ``lang="nl"``, a ``<title>``, and no viewport that blocks zoom.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import count
from typing import Any

import folium
from branca.element import Element, Figure, MacroElement
from folium.template import Template

from regio.dekking import Dekking
from regio.gegevens.contact import telefoon_e164, telefoon_nationaal
from regio.gegevens.gemeenten import OBJECT, Gemeenten
from regio.gegevens.geografie import Geografie
from regio.gegevens.registry import kaartlagen
from regio.site import Site
from regio.uitvoer.urls import relatief, url_van

ASSET_MAP = "assets/regio"

# '{' that would open a Jinja expression, statement or comment (see json_voor_script).
_JINJA_OPENER = re.compile(r"\{(?=[{%#])")

PDOK_TILES = (
    "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png"
)
PDOK_ATTRIBUTIE = (
    'Kaartgegevens &copy; <a href="https://www.kadaster.nl/" target="_blank" rel="noopener">'
    "Kadaster</a> (PDOK)"
)

# Province fills, one per coordinator: light Okabe-Ito tones (distinguishable with the common
# forms of colour blindness), kept apart from the darker blue/vermillion/green of the points.
KLEUREN = ("#E69F00", "#56B4E9", "#CC79A7", "#F0E442", "#999999", "#B3DE69", "#BC80BD", "#FFED6F")

# The colour of each kind's points (regio-kaart.css) is also the outline and fill of its areas.
LAAGKLEUREN = {"onderwijsregios": "#0072B2", "partnerschappen": "#D55E00", "projecten": "#009E73"}

# The boundaries of provinces, gemeenten and areas all come from CBS / Kadaster (CC BY 4.0, see
# data/geo/README.md); the credit shows on the map whatever the tiles.
GRENZEN_ATTRIBUTIE = (
    'Grenzen: <a href="https://www.cbs.nl/" target="_blank" rel="noopener">CBS</a> / Kadaster, '
    '2025 (<a href="https://creativecommons.org/licenses/by/4.0/deed.nl" target="_blank" '
    'rel="noopener">CC BY 4.0</a>)'
)


@dataclass(frozen=True)
class KaartOpties:
    """`tiles`: 'pdok', 'none' (no external request at all) or a URL template {z}/{x}/{y}."""

    tiles: str = "pdok"
    attributie: str = ""
    max_zoom: int = 18


@contextmanager
def vaste_ids() -> Iterator[None]:
    """Replace branca's random element ids by a counter, so two builds give the same bytes."""
    teller = count(1)
    origineel = Element.__dict__["_generate_id"]
    Element._generate_id = classmethod(lambda cls: f"{next(teller):04d}")  # type: ignore[assignment, method-assign]
    try:
        yield
    finally:
        Element._generate_id = origineel  # type: ignore[method-assign]


def json_voor_script(data: object) -> str:
    """JSON that cannot end or bend a <script> element (nor an HTML comment inside it).

    Nor can it open a Jinja tag: branca compiles the rendered HTML of a MacroElement as a template
    once more, so '{{', '{%' or '{#' from the data would run as template code during the build.
    A JSON object starts with '{"' or '{}', so such a '{' is always inside a string.
    """
    tekst = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for teken, vervanging in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        tekst = tekst.replace(teken, vervanging)
    return _JINJA_OPENER.sub(r"\\u007b", tekst)


class _KaartFiguur(Figure):
    """The map document: Dutch, titled, and zoomable on phones."""

    _template = Template(
        "<!DOCTYPE html>\n"
        '<html lang="nl">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>{{ this.title }}</title>\n"
        "{{ this.header.render(**kwargs) }}\n"
        "</head>\n"
        "<body>\n"
        "{{ this.html.render(**kwargs) }}\n"
        "<script>\n"
        "{{ this.script.render(**kwargs) }}\n"
        "</script>\n"
        "</body>\n"
        "</html>\n"
    )

    def __init__(self, title: str) -> None:
        super().__init__(title=title)
        # branca adds <meta http-equiv="content-type">; beside our <meta charset> that is invalid
        # HTML (the Nu Html Checker rejects a document with both).
        del self.header._children["meta_http"]


class _RegioMap(folium.Map):
    """folium's Map with local assets and without the zoom-blocking viewport meta; its scale
    control (``control_scale``) is metric only."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}
            <style>
                html, body { width: 100%; height: 100%; margin: 0; padding: 0; }
                #{{ this.get_name() }} { position: absolute; inset: 0; }
                .leaflet-container { font-size: {{ this.font_size }}; }
            </style>
        {% endmacro %}

        {% macro html(this, kwargs) %}
            <div class="folium-map" id={{ this.get_name()|tojson }} role="region"
                 aria-label="Kaart van Nederland met provincies, onderwijsregio's,
                 partnerschappen en projecten"></div>
        {% endmacro %}

        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.map(
                {{ this.get_name()|tojson }},
                {
                    center: {{ this.location|tojson }},
                    crs: L.CRS.{{ this.crs }},
                    ...{{ this.options|tojavascript }}
                }
            );
            {%- if this.control_scale %}
            L.control.scale({{ {"imperial": False}|tojavascript }}).addTo({{ this.get_name() }});
            {%- endif %}
        {% endmacro %}
        """
    )


class _RegioLagen(MacroElement):
    """Hands the data block (and the background tile layer, not yet on the map: our script
    tries one tile first) to our layer script once the map exists."""

    _template = Template(
        """
        {% macro html(this, kwargs) %}
            <script type="application/json" id="regio-kaart-data">{{ this.data }}</script>
        {% endmacro %}
        {% macro script(this, kwargs) %}
            regioKaart(
                {{ this._parent.get_name() }},
                document.getElementById("regio-kaart-data"),
                {{ this.tegels }}
            );
        {% endmacro %}
        """
    )

    def __init__(self, data: object, tegels: folium.TileLayer | None = None) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "RegioLagen"
        self.data = json_voor_script(data)
        self.tegels = tegels.get_name() if tegels is not None else "null"


def _url(doel: str) -> str:
    """Relative URL from the map document to the page at Markdown path ``doel``."""
    return relatief("kaart/kaart.html", url_van(doel))


def kaart_data(site: Site, geografie: Geografie) -> dict[str, Any]:
    """Everything the map shows, as plain data (also the basis of the text alternative)."""
    coordinatoren = sorted({p.regiocoordinator for p in site.provincies()})
    kleur = {ident: KLEUREN[i % len(KLEUREN)] for i, ident in enumerate(coordinatoren)}
    provincies = []
    for provincie in site.provincies():
        persoon = site.coordinator(provincie)
        eigenschappen: dict[str, Any] = {
            "naam": provincie.naam,
            "code": provincie.code,
            "coordinator": persoon.naam,
            "kleur": kleur[persoon.id],
            "url": _url(f"provincies/{provincie.id}.md"),
        }
        zichtbaar = persoon.zichtbaar()
        if zichtbaar.email:
            eigenschappen["email"] = zichtbaar.email
        if zichtbaar.telefoon:
            eigenschappen["telefoon"] = telefoon_nationaal(zichtbaar.telefoon)
            eigenschappen["tel"] = telefoon_e164(zichtbaar.telefoon)
        provincies.append(
            {
                "type": "Feature",
                "properties": eigenschappen,
                "geometry": {
                    "type": "MultiPolygon",
                    "coordinates": geografie.grenzen[provincie.code].als_lijsten(),
                },
            }
        )
    legenda = [{"naam": site.persoon(ident).naam, "kleur": kleur[ident]} for ident in coordinatoren]
    gemeenten = geografie.gemeenten
    lagen = []
    for laag in kaartlagen():
        punten = []
        gebieden = []
        for gebied in site.collectie_gesorteerd(laag.naam):
            pagina = site.pagina(gebied)
            assert pagina is not None
            eigenschappen = {
                "naam": gebied.naam,
                "plaats": gebied.plaats or "",
                "sectoren": ", ".join(gebied.sectoren),
                "url": _url(pagina),
            }
            codes = geografie.gemeenten_van.get(gebied.id)
            if codes and gemeenten is not None:
                # An entity made of gemeenten is drawn as their outline, not as a point.
                omtrek = [
                    [[list(pt) for pt in ring] for ring in p] for p in gemeenten.omtrek(codes)
                ]
                gebieden.append(
                    {
                        "type": "Feature",
                        "properties": eigenschappen,
                        "geometry": {"type": "MultiPolygon", "coordinates": omtrek},
                    }
                )
                continue
            positie = geografie.posities.get(gebied.id)
            if positie is None:
                continue
            punten.append(
                {
                    "type": "Feature",
                    "properties": eigenschappen,
                    "geometry": {"type": "Point", "coordinates": [positie[1], positie[0]]},
                }
            )
        lagen.append(
            {
                "id": laag.naam,
                "titel": laag.titel,
                "kleur": LAAGKLEUREN[laag.naam],
                "punten": {"type": "FeatureCollection", "features": punten},
                "gebieden": {"type": "FeatureCollection", "features": gebieden},
            }
        )
    data: dict[str, Any] = {
        "provincies": {"type": "FeatureCollection", "features": provincies},
        "legenda": legenda,
        "lagen": lagen,
        "attributie": GRENZEN_ATTRIBUTIE,
    }
    if gemeenten is not None and len(gemeenten):
        data["gemeenten"] = gemeente_topologie(gemeenten, Dekking(site, gemeenten))
    return data


def gemeente_topologie(gemeenten: Gemeenten, dekking: Dekking | None = None) -> dict[str, Any]:
    """All gemeenten as one TopoJSON topology (shared borders sent once), each with the slug
    that ``?gemeente=`` names, the URL of its page and (with ``dekking``) in how many of the
    sectors po, vo and mbo a known onderwijsregio or RAP region covers it (the coverage layer)."""
    topologie = gemeenten.topologie_voor(g.code for g in gemeenten)
    for geometrie in topologie["objects"][OBJECT]["geometries"]:
        eigenschappen = geometrie["properties"]
        gemeente = gemeenten.met_code(eigenschappen["code"])
        assert gemeente is not None
        eigenschappen["slug"] = gemeente.slug
        eigenschappen["url"] = _url(f"gemeenten/{gemeente.slug}.md")
        if dekking is not None:
            eigenschappen["dekking"] = dekking.gedekte_sectoren(gemeente)
    return topologie


def kaart_html(site: Site, geografie: Geografie, opties: KaartOpties | None = None) -> str:
    """The map document (kaart/kaart.html), byte-identical for the same input."""
    opties = opties or KaartOpties()
    assets = posixpath.relpath(ASSET_MAP, "kaart")
    with vaste_ids():
        figuur = _KaartFiguur(title="Kaart regio-infrastructuur")
        kaart = _RegioMap(
            location=[52.2, 5.3],
            zoom_start=7,
            tiles=None,
            control_scale=True,
        )
        kaart.default_js = [
            ("leaflet", f"{assets}/vendor/leaflet/leaflet.js"),
            ("markercluster", f"{assets}/vendor/leaflet.markercluster/leaflet.markercluster.js"),
            ("regio_kaart", f"{assets}/kaart/regio-kaart.js"),
        ]
        kaart.default_css = [
            ("leaflet_css", f"{assets}/vendor/leaflet/leaflet.css"),
            ("markercluster_css", f"{assets}/vendor/leaflet.markercluster/MarkerCluster.css"),
            (
                "markercluster_default_css",
                f"{assets}/vendor/leaflet.markercluster/MarkerCluster.Default.css",
            ),
            ("regio_kaart_css", f"{assets}/kaart/regio-kaart.css"),
        ]
        # folium gives min_zoom and max_zoom only to the tile layer it makes itself (none with
        # tiles=None), so they go into the options it hands to L.map. Without them Leaflet knows
        # no maximum zoom (marker clustering needs one) and lets the map zoom out to the world.
        kaart.options.update(minZoom=6, maxZoom=opties.max_zoom)
        figuur.add_child(kaart)
        tegels = None
        if opties.tiles != "none":
            url = PDOK_TILES if opties.tiles == "pdok" else opties.tiles
            attributie = opties.attributie or (PDOK_ATTRIBUTIE if opties.tiles == "pdok" else "")
            # show=False: folium does not add it to the map; regio-kaart.js does, once a first
            # tile has loaded (see achtergrond() there).
            tegels = folium.TileLayer(
                tiles=url,
                attr=attributie,
                name="Achtergrondkaart",
                max_zoom=opties.max_zoom,
                show=False,
            )
            tegels.add_to(kaart)
        kaart.add_child(_RegioLagen(kaart_data(site, geografie), tegels))
        return figuur.render()
