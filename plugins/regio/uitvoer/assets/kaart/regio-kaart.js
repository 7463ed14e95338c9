/* Layers of the region map, built from the JSON data block of the map document.
 * Every value from the data reaches the page through textContent or attributes set with
 * setAttribute on elements we create, never through HTML strings. Links open in the main
 * window (the map lives in an iframe). */
(function () {
  "use strict";

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function link(href, text) {
    var a = el("a", null, text);
    a.setAttribute("href", href);
    a.setAttribute("target", "_top");
    return a;
  }

  function provincePopup(p) {
    var box = el("div", "regio-popup");
    box.appendChild(el("strong", null, p.naam));
    box.appendChild(el("div", null, "Regiocoördinator: " + p.coordinator));
    if (p.email) {
      var mail = el("div");
      mail.appendChild(link("mailto:" + p.email, p.email));
      box.appendChild(mail);
    }
    if (p.tel) {
      var phone = el("div");
      phone.appendChild(link("tel:" + p.tel, p.telefoon));
      box.appendChild(phone);
    }
    var more = el("div");
    more.appendChild(link(p.url, "Naar de pagina van " + p.naam));
    box.appendChild(more);
    return box;
  }

  function pointPopup(p, title) {
    var box = el("div", "regio-popup");
    box.appendChild(el("div", "regio-popup-soort", title));
    var name = el("strong");
    name.appendChild(link(p.url, p.naam));
    box.appendChild(name);
    var details = [p.plaats, p.sectoren].filter(Boolean).join(" · ");
    if (details) box.appendChild(el("div", null, details));
    return box;
  }

  function gemeentePopup(p) {
    var box = el("div", "regio-popup");
    box.appendChild(el("div", "regio-popup-soort", "Gemeente"));
    box.appendChild(el("strong", null, p.naam));
    var more = el("div");
    more.appendChild(link(p.url, "Wie werkt hier samen? Naar de pagina van " + p.naam));
    box.appendChild(more);
    return box;
  }

  // TopoJSON (quantized, delta-encoded arcs) to GeoJSON features: each arc is decoded once,
  // a ring is its arcs in order (~i: arc i reversed), each arc starting where the last ended.
  function topologyFeatures(topology, name) {
    var scale = topology.transform.scale;
    var translate = topology.transform.translate;
    var arcs = topology.arcs.map(function (arc) {
      var x = 0;
      var y = 0;
      return arc.map(function (delta) {
        x += delta[0];
        y += delta[1];
        return [x * scale[0] + translate[0], y * scale[1] + translate[1]];
      });
    });
    function ring(refs) {
      var points = [];
      refs.forEach(function (ref) {
        var arc = ref < 0 ? arcs[~ref].slice().reverse() : arcs[ref];
        Array.prototype.push.apply(points, points.length ? arc.slice(1) : arc);
      });
      return points;
    }
    function polygon(rings) {
      return rings.map(ring);
    }
    return topology.objects[name].geometries.map(function (g) {
      return {
        type: "Feature",
        properties: g.properties,
        geometry: {
          type: g.type,
          coordinates: g.type === "Polygon" ? polygon(g.arcs) : g.arcs.map(polygon)
        }
      };
    });
  }

  // ?gemeente=<slug>, on the map document itself or on the page that embeds it (same site).
  function requestedGemeente() {
    var searches = [window.location.search];
    try {
      if (window.parent !== window) searches.push(window.parent.location.search);
    } catch (e) {
      // Embedded by another site: only our own URL counts.
    }
    for (var i = 0; i < searches.length; i++) {
      var value = new URLSearchParams(searches[i]).get("gemeente");
      if (value) return value.toLowerCase();
    }
    return null;
  }

  function tooltip(text) {
    return el("span", null, text);
  }

  function swatchRow(list, swatchClass, colour, text) {
    var row = el("li");
    var swatch = el("span", swatchClass);
    swatch.setAttribute("aria-hidden", "true");
    if (colour) swatch.style.backgroundColor = colour;
    row.appendChild(swatch);
    row.appendChild(document.createTextNode(text));
    list.appendChild(row);
    return row;
  }

  // Colours of the coverage layer: 0, 1, 2 or 3 sectors (po, vo, mbo) covered.
  var DEKKING_KLEUR = ["#ffffff", "#c7e9c0", "#74c476", "#238b45"];
  var PUNT_NAAM = {
    onderwijsregios: "rondje",
    partnerschappen: "vierkantje",
    projecten: "ruitje"
  };

  // The legend folds behind a button (a <details>), so at the start it covers no land; the
  // coverage part shows only while that layer is on.
  function legend(map, items, lagen) {
    // Top right, under the layer button: the bottom corner already holds the credits.
    var control = L.control({ position: "topright" });
    var coverage = null;
    control.onAdd = function () {
      var box = el("details", "regio-legenda leaflet-control");
      box.appendChild(el("summary", null, "Legenda"));
      var inner = el("div", "regio-legenda-inhoud");
      inner.appendChild(el("strong", null, "Provincie: regiocoördinator"));
      var list = el("ul");
      items.forEach(function (item) { swatchRow(list, "regio-kleur", item.kleur, item.naam); });
      inner.appendChild(list);
      inner.appendChild(el("strong", null, "Punten (aan te zetten bij Kaartlagen)"));
      var shapes = el("ul", "regio-legenda-punten");
      lagen.forEach(function (laag) {
        swatchRow(shapes, "regio-vorm regio-punt-" + laag.id, null,
          (PUNT_NAAM[laag.id] || "punt") + ": " + laag.titel);
      });
      swatchRow(shapes, "regio-vorm regio-vorm-cluster", null,
        "met een getal: zoveel punten bij elkaar, klik om in te zoomen");
      swatchRow(shapes, "regio-vorm regio-vorm-gebied", null,
        "gebied: een regio waarvan de gemeenten bekend zijn");
      inner.appendChild(shapes);
      coverage = el("div", "regio-legenda-dekking");
      coverage.hidden = true;
      coverage.appendChild(el("strong", null, "Dekking per gemeente"));
      var levels = el("ul");
      ["in geen sector", "in 1 van de 3 sectoren", "in 2 van de 3 sectoren",
        "in alle 3 sectoren (po, vo, mbo)"].forEach(function (text, n) {
        swatchRow(levels, "regio-kleur", DEKKING_KLEUR[n], text);
      });
      coverage.appendChild(levels);
      inner.appendChild(coverage);
      box.appendChild(inner);
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    };
    control.addTo(map);
    return {
      element: control.getContainer(),
      toonDekking: function (aan) {
        coverage.hidden = !aan;
        if (aan) control.getContainer().open = true;
      }
    };
  }

  // Leaflet's controls speak English; these are their Dutch names (title and accessible name).
  function noem(element, naam) {
    if (!element) return;
    element.setAttribute("title", naam);
    element.setAttribute("aria-label", naam);
  }

  // The background tiles: one tile is tried first, so a blocked or unreachable tile server
  // costs one failed request (one console message) instead of a screenful, and the visitor
  // reads why the background is empty. A later failure (the connection drops) stops all tiles.
  function achtergrond(map, tiles) {
    if (!tiles) return;
    var notice = null;
    function mislukt() {
      if (map.hasLayer(tiles)) map.removeLayer(tiles);
      map.attributionControl.removeAttribution(tiles.getAttribution());
      if (notice) return;
      notice = el("p", "regio-kaart-melding",
        "De achtergrondkaart kon niet laden; de provincies en regio's werken gewoon.");
      notice.setAttribute("role", "status");
      map.getContainer().appendChild(notice);
    }
    tiles.once("tileerror", mislukt);
    var zoom = map.getZoom();
    var tile = map.project(map.getCenter(), zoom).divideBy(256).floor();
    var probe = new Image();
    probe.onload = function () { if (!notice) tiles.addTo(map); };
    probe.onerror = mislukt;
    probe.src = L.Util.template(tiles._url, L.extend({}, tiles.options, {
      s: "a", x: tile.x, y: tile.y, z: zoom, r: ""
    }));
  }

  // Popups that fit a phone: no wider than the map allows, panned fully into view.
  function popupOpties(map) {
    return {
      maxWidth: Math.max(160, Math.min(300, map.getSize().x - 70)),
      autoPanPadding: L.point(12, 12),
      keepInView: true
    };
  }

  // A province is also a keyboard target: Tab reaches it, Enter or Space opens its popup.
  function bereikbaar(layer, naam) {
    var path = layer.getElement && layer.getElement();
    if (!path) return;
    path.setAttribute("tabindex", "0");
    path.setAttribute("role", "button");
    path.setAttribute("aria-label", naam);
    L.DomEvent.on(path, "keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") {
        L.DomEvent.preventDefault(e);
        layer.openPopup(layer.getBounds().getCenter());
      }
    });
  }

  window.regioKaart = function (map, dataElement, tiles) {
    var data = JSON.parse(dataElement.textContent);
    var popup = popupOpties(map);

    // A press on the map focuses it (Leaflet) or the province under it (a keyboard target):
    // without preventScroll the page around the iframe scrolled to that element between press
    // and release, so the click landed elsewhere and no popup opened. Focus without scrolling,
    // before Leaflet's own handler (capture phase), which then finds the map focused.
    var container = map.getContainer();
    container.addEventListener("mousedown", function (e) {
      if (e.button !== 0 || (e.target.closest && e.target.closest(".leaflet-control"))) return;
      if (!e.target.closest || !e.target.closest(".leaflet-popup")) e.preventDefault();
      container.focus({ preventScroll: true });
    }, true);

    // Leaflet's zoom buttons, in Dutch.
    map.removeControl(map.zoomControl);
    L.control.zoom({ zoomInTitle: "Inzoomen", zoomOutTitle: "Uitzoomen" }).addTo(map);

    var provinces = L.geoJSON(data.provincies, {
      style: function (feature) {
        return {
          className: "regio-provincie",
          color: "#333",
          weight: 1,
          fillColor: feature.properties.kleur,
          fillOpacity: 0.45,
        };
      },
      onEachFeature: function (feature, layer) {
        var p = feature.properties;
        layer.bindTooltip(tooltip(p.naam + " — " + p.coordinator), { sticky: true });
        layer.bindPopup(provincePopup(p), popup);
        layer.on("mouseover", function () { layer.setStyle({ weight: 3 }); });
        layer.on("mouseout", function () { layer.setStyle({ weight: 1 }); });
        layer.on("add", function () { bereikbaar(layer, p.naam + ", regiocoördinator " + p.coordinator); });
      }
    }).addTo(map);

    var overlays = { "Provincies": provinces };
    var gemeenten = null;
    var dekking = null;
    var GEMEENTE_STIJL = {
      className: "regio-gemeente",
      color: "#555",
      weight: 0.6,
      opacity: 0.8,
      fill: true,
      fillOpacity: 0
    };
    if (data.gemeenten) {
      // Thin grey outlines over the province colours; the transparent fill keeps them clickable.
      // Off by default (they would take the provinces' hover and click), on with ?gemeente=.
      gemeenten = L.geoJSON(
        { type: "FeatureCollection", features: topologyFeatures(data.gemeenten, "gemeenten") },
        {
          style: function () { return GEMEENTE_STIJL; },
          onEachFeature: function (feature, layer) {
            layer.bindTooltip(tooltip(feature.properties.naam), { sticky: true });
            layer.bindPopup(gemeentePopup(feature.properties), popup);
            layer.on("mouseover", function () { layer.setStyle({ weight: 2 }); });
            layer.on("mouseout", function () {
              layer.setStyle({ weight: layer.regioGekozen ? 3 : GEMEENTE_STIJL.weight });
            });
          }
        }
      );
      overlays["Gemeenten"] = gemeenten;
      // Coverage: each gemeente shaded by the number of sectors (po, vo, mbo) in which a known
      // onderwijsregio or RAP region covers it. Off by default, like the gemeente outlines.
      dekking = L.geoJSON(
        { type: "FeatureCollection", features: topologyFeatures(data.gemeenten, "gemeenten") },
        {
          style: function (feature) {
            var n = feature.properties.dekking || 0;
            return {
              className: "regio-dekking",
              color: "#777",
              weight: 0.4,
              fillColor: DEKKING_KLEUR[n],
              fillOpacity: n ? 0.75 : 0.35
            };
          },
          onEachFeature: function (feature, layer) {
            var n = feature.properties.dekking || 0;
            layer.bindTooltip(tooltip(feature.properties.naam + ": in " + n +
              " van de 3 sectoren een bekende onderwijsregio of RAP-regio"), { sticky: true });
            layer.bindPopup(gemeentePopup(feature.properties), popup);
          }
        }
      );
      overlays["Dekking per gemeente"] = dekking;
    }

    data.lagen.forEach(function (laag) {
      var cluster = L.markerClusterGroup({
        showCoverageOnHover: false,
        maxClusterRadius: 40,
        iconCreateFunction: function (group) {
          return L.divIcon({
            html: "<span>" + group.getChildCount() + "</span>",
            className: "regio-cluster regio-cluster-" + laag.id,
            iconSize: L.point(34, 34)
          });
        }
      });
      L.geoJSON(laag.punten, {
        pointToLayer: function (feature, latlng) {
          return L.marker(latlng, {
            icon: L.divIcon({
              className: "regio-punt regio-punt-" + laag.id,
              html: "<span></span>",
              iconSize: L.point(16, 16)
            }),
            title: feature.properties.naam,
            alt: feature.properties.naam,
            keyboard: true
          });
        },
        onEachFeature: function (feature, layer) {
          layer.bindTooltip(tooltip(feature.properties.naam));
          layer.bindPopup(pointPopup(feature.properties, laag.titel), popup);
        }
      }).eachLayer(function (marker) { cluster.addLayer(marker); });
      // Entities made of gemeenten: their outline, filled in the kind's colour.
      var areas = L.geoJSON(laag.gebieden, {
        style: function () {
          return {
            className: "regio-gebied regio-gebied-" + laag.id,
            color: laag.kleur,
            weight: 2,
            fillColor: laag.kleur,
            fillOpacity: 0.2
          };
        },
        onEachFeature: function (feature, layer) {
          layer.bindTooltip(tooltip(feature.properties.naam), { sticky: true });
          layer.bindPopup(pointPopup(feature.properties, laag.titel), popup);
        }
      });
      // Off at the start: at the national view their clusters would cover the provinces
      // (a click in Utrecht zoomed into a cluster instead of naming the coordinator).
      var group = L.layerGroup([areas, cluster]);
      var total = laag.punten.features.length + laag.gebieden.features.length;
      overlays[laag.titel + " (" + total + ")"] = group;
    });

    // A wide map has room beside the country for the open layer list and legend; a narrow
    // one folds both behind a button, and the country is fitted between those buttons.
    var breed = map.getSize().x >= 600;
    if (!breed) map.getContainer().classList.add("regio-smal");
    var lagen = L.control.layers(null, overlays, { collapsed: !breed }).addTo(map);
    noem(lagen.getContainer().querySelector(".leaflet-control-layers-toggle"), "Kaartlagen");
    lagen.getContainer().setAttribute("role", "group");
    lagen.getContainer().setAttribute("aria-label", "Kaartlagen");
    var legenda = legend(map, data.legenda, data.lagen);
    if (breed) legenda.element.open = true;
    map.attributionControl.setPrefix(
      '<a href="https://leafletjs.com/" target="_blank" rel="noopener" ' +
      'title="Een JavaScript-bibliotheek voor interactieve kaarten">Leaflet</a>'
    );
    // Our own constant from kaart.py (not from data/): the credit for the boundaries. The
    // tiles' credit is there from the start (the fit below reserves its height), and goes
    // when they cannot load.
    map.attributionControl.addAttribution(data.attributie);
    if (tiles) map.attributionControl.addAttribution(tiles.getAttribution());

    if (dekking) {
      map.on("overlayadd", function (e) { if (e.layer === dekking) legenda.toonDekking(true); });
      map.on("overlayremove", function (e) { if (e.layer === dekking) legenda.toonDekking(false); });
    }

    // While a popup is open, no tooltip beside it (on a phone a tap gives both), and the
    // close button speaks Dutch.
    map.on("popupopen", function (e) {
      map.getContainer().classList.add("regio-popup-open");
      noem(e.popup.getElement().querySelector(".leaflet-popup-close-button"), "Sluiten");
    });
    map.on("popupclose", function () {
      map.getContainer().classList.remove("regio-popup-open");
    });

    var chosen = null;
    var slug = requestedGemeente();
    if (gemeenten && slug) {
      gemeenten.eachLayer(function (layer) {
        if (layer.feature.properties.slug === slug) chosen = layer;
      });
    }
    var bounds = chosen ? chosen.getBounds() : provinces.getBounds();
    // Keep the land clear of the controls: beside the open lists on a wide map, between the
    // folded buttons (top and bottom corners) on a narrow one.
    var onder = map.attributionControl.getContainer().offsetHeight + 4;
    var opties;
    if (chosen) {
      opties = { maxZoom: 12, paddingTopLeft: [20, 20], paddingBottomRight: [breed ? 240 : 20, 20] };
    } else if (breed) {
      var rechts = Math.max(lagen.getContainer().offsetWidth, legenda.element.offsetWidth) + 20;
      opties = { maxZoom: 12, paddingTopLeft: [10, 10], paddingBottomRight: [rechts, onder] };
    } else {
      var hoek = function (naam) {
        return map.getContainer().querySelector(naam).offsetHeight + 4;
      };
      opties = {
        maxZoom: 12,
        paddingTopLeft: [0, hoek(".leaflet-top.leaflet-right")],
        paddingBottomRight: [0, hoek(".leaflet-bottom.leaflet-right")]
      };
    }
    // Not animated: a second fit during a running zoom animation would be dropped.
    opties.animate = false;
    window.regioFit = opties;
    var fit = function () { map.fitBounds(bounds, opties); };
    fit();
    achtergrond(map, tiles);
    if (chosen) {
      gemeenten.addTo(map);
      chosen.regioGekozen = true;
      chosen.setStyle({ color: "#000", weight: 3, opacity: 1 });
      chosen.bringToFront();
      chosen.openTooltip(bounds.getCenter());
      // In the iframe the map may start before the embedding page has sized it: fit again
      // once everything has loaded and on the first resize that follows.
      if (document.readyState !== "complete") window.addEventListener("load", fit);
      map.once("resize", fit);
    }
  };
})();
