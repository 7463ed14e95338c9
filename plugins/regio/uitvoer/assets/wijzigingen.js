// The filters of /wijzigingen/ (progressive enhancement: without JavaScript every change shows
// and the form stays hidden). Filters by kind and province; hides weeks left empty.
(function () {
  "use strict";
  var form = document.querySelector(".regio-wijzigingen-filter");
  if (!form) return;
  form.hidden = false;
  function toepassen() {
    var soort = form.elements.soort.value;
    var provincie = form.elements.provincie.value;
    document.querySelectorAll(".regio-wijzigingen-lijst").forEach(function (lijst) {
      var zichtbaar = 0;
      lijst.querySelectorAll("li").forEach(function (li) {
        var past = (!soort || li.dataset.soort === soort) &&
          (!provincie || li.dataset.provincies.split(" ").indexOf(provincie) >= 0);
        li.hidden = !past;
        if (past) zichtbaar += 1;
      });
      var blok = lijst.closest(".regio-blok") || lijst;
      var kop = blok.previousElementSibling;
      blok.hidden = zichtbaar === 0;
      if (kop && /^H2$/.test(kop.tagName)) kop.hidden = zichtbaar === 0;
    });
  }
  form.addEventListener("change", toepassen);
})();
