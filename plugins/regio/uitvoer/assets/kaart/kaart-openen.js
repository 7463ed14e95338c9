/* The map page starts with a light SVG preview of the provinces; the Leaflet map (its iframe)
 * loads only when the visitor asks for it: the "Kaart openen" button, a link with ?gemeente=
 * (from a gemeente page) or #kaart. Without JavaScript the button is a plain link to the map
 * document and the province links work as they are. */
(function () {
  "use strict";

  var vak = document.getElementById("regio-kaartvak");
  var knop = document.getElementById("regio-kaart-openen");
  if (!vak || !knop) return;

  function openen(focus) {
    if (vak.querySelector("iframe")) return;
    var frame = document.createElement("iframe");
    frame.className = "regio-kaart";
    frame.setAttribute("title", vak.getAttribute("data-titel"));
    frame.setAttribute("src", vak.getAttribute("data-kaart"));
    var voorbeeld = vak.querySelector(".regio-kaartvoorbeeld");
    vak.insertBefore(frame, voorbeeld);
    voorbeeld.hidden = true;
    if (!focus) return;
    // The button is gone: focus goes to the map (its keyboard panning), first to the frame.
    frame.focus();
    frame.addEventListener("load", function () {
      var kaart = frame.contentDocument && frame.contentDocument.querySelector(".folium-map");
      if (kaart) kaart.focus();
    });
  }

  knop.setAttribute("role", "button");
  knop.addEventListener("click", function (event) {
    event.preventDefault();
    openen(true);
    // Back to this page (or a reload) shows the map again.
    history.replaceState(null, "", "#kaart");
  });
  window.addEventListener("hashchange", function () {
    if (window.location.hash === "#kaart") openen(true);
  });
  if (new URLSearchParams(window.location.search).get("gemeente") ||
      window.location.hash === "#kaart") {
    openen(false);
  }
})();
