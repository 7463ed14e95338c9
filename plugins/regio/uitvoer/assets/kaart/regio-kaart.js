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
        return { color: "#333", weight: 1, fillColor: feature.properties.kleur, fillOpacity: 0.45 };
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
      cluster.addTo(map);
      overlays[laag.titel + " (" + laag.punten.features.length + ")"] = cluster;
    });

    // On a phone the open layer list would cover the map: there it folds into a button.
    L.control.layers(null, overlays, { collapsed: window.innerWidth < 600 }).addTo(map);
    legend(map, data.legenda);
    map.fitBounds(provinces.getBounds());
    map.attributionControl.setPrefix(false);
  };
})();
