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

  function legend(map, items) {
    var control = L.control({ position: "bottomright" });
    control.onAdd = function () {
      var box = el("div", "regio-legenda leaflet-control");
      box.appendChild(el("strong", null, "Regiocoördinator"));
      var list = el("ul");
      items.forEach(function (item) {
        var row = el("li");
        var swatch = el("span", "regio-kleur");
        swatch.style.backgroundColor = item.kleur;
        row.appendChild(swatch);
        row.appendChild(document.createTextNode(item.naam));
        list.appendChild(row);
      });
      box.appendChild(list);
      return box;
    };
    control.addTo(map);
  }

  window.regioKaart = function (map, dataElement) {
    var data = JSON.parse(dataElement.textContent);

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
        layer.bindPopup(provincePopup(p));
        layer.on("mouseover", function () { layer.setStyle({ weight: 3 }); });
        layer.on("mouseout", function () { layer.setStyle({ weight: 1 }); });
      }
    }).addTo(map);

    var overlays = { "Provincies": provinces };
    var gemeenten = null;
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
            layer.bindPopup(gemeentePopup(feature.properties));
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
      var DEKKING_KLEUR = ["#ffffff", "#c7e9c0", "#74c476", "#238b45"];
      var dekking = L.geoJSON(
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
            layer.bindPopup(gemeentePopup(feature.properties));
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
          layer.bindPopup(pointPopup(feature.properties, laag.titel));
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
          layer.bindPopup(pointPopup(feature.properties, laag.titel));
        }
      });
      var group = L.layerGroup([areas, cluster]).addTo(map);
      var total = laag.punten.features.length + laag.gebieden.features.length;
      overlays[laag.titel + " (" + total + ")"] = group;
    });

    // On a phone the open layer list would cover the map: there it folds into a button.
    L.control.layers(null, overlays, { collapsed: window.innerWidth < 600 }).addTo(map);
    legend(map, data.legenda);
    map.attributionControl.setPrefix(false);
    // Our own constant from kaart.py (not from data/): the credit for the boundaries.
    map.attributionControl.addAttribution(data.attributie);

    var chosen = null;
    var slug = requestedGemeente();
    if (gemeenten && slug) {
      gemeenten.eachLayer(function (layer) {
        if (layer.feature.properties.slug === slug) chosen = layer;
      });
    }
    var bounds = chosen ? chosen.getBounds() : provinces.getBounds();
    // Not animated: a second fit during a running zoom animation would be dropped.
    // A chosen gemeente keeps clear of the layer list in the top right corner.
    var opties = chosen
      ? { maxZoom: 12, animate: false, paddingTopLeft: [20, 20], paddingBottomRight: [240, 20] }
      : { maxZoom: 12, animate: false };
    var fit = function () { map.fitBounds(bounds, opties); };
    fit();
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
