/* "Zoek uw gemeente of plaats": turns the plain form (templates/_zoek.md.j2) into an ARIA 1.2
 * combobox with suggestions. Without this script the form leads to the list of all gemeenten.
 *
 * The index (zoekindex.py) is fetched on first focus from <root>assets/regio/zoek/index.json,
 * <root> being the form's data-regio-root ("../../" on a page two folders deep). Names come from
 * the data files and are untrusted: they are only ever set as text, never as HTML.
 */
(function () {
  "use strict";

  var INDEX = "assets/regio/zoek/index.json";
  var MIN_TEKENS = 2; // suggestions from this many characters
  var MAX_SUGGESTIES = 8;
  var STATUS_VERTRAGING = 300; // ms: announce the count once typing pauses
  var GEEN = "Geen gemeente of plaats gevonden";
  var KIES = "Kies een gemeente of plaats uit de lijst.";
  var MISLUKT = "De zoeklijst kon niet worden geladen. Met Zoeken gaat u naar de lijst van alle gemeenten.";
  var collator = new Intl.Collator("nl", { sensitivity: "base", numeric: true });
  var geladen = {}; // index URL -> Promise of the entries, shared by the forms of a page

  /* The same as normaliseer() in zoekindex.py: no accents or case, punctuation as one space. */
  function normaliseer(tekst) {
    return tekst.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, " ").trim();
  }

  /* basisnaam() in zoekindex.py: without a qualifier at the end, "Hengelo (O.)" -> "hengelo". */
  function basisnaam(tekst) {
    return normaliseer(tekst.replace(/\s*\([^()]*\)\s*$/, "")) || normaliseer(tekst);
  }

  function telwoord(n) {
    return n === 1 ? "1 suggestie" : n + " suggesties";
  }

  /* The index as a flat list of entries: gemeenten (soort 0) before places (soort 1). */
  function entries(index) {
    var lijst = [];
    index.gemeenten.forEach(function (g) {
      lijst.push({
        soort: 0, naam: g[0], label: g[3] || g[0], slug: g[1],
        uitleg: "gemeente in " + index.provincies[g[2]]
      });
    });
    index.plaatsen.forEach(function (p) {
      var g = index.gemeenten[p[1]];
      lijst.push({
        soort: 1, naam: p[0], label: p[2] || p[0], slug: g[1],
        // A label already names the gemeente: then say the province instead.
        uitleg: p[2] ? "plaats in " + index.provincies[g[2]] : "plaats in gemeente " + g[0]
      });
    });
    lijst.forEach(function (e) {
      e.sleutels = [normaliseer(e.naam)];
      if (basisnaam(e.naam) !== e.sleutels[0]) e.sleutels.push(basisnaam(e.naam));
      // The label only as a whole or its start: "zwol" should not find "Bunnik (gemeente Zwolle)".
      e.labelSleutel = e.label !== e.naam ? normaliseer(e.label) : null;
    });
    return lijst;
  }

  function laad(url) {
    if (!geladen[url]) {
      geladen[url] = fetch(url, { credentials: "same-origin" }).then(function (antwoord) {
        if (!antwoord.ok) throw new Error(url + ": " + antwoord.status);
        return antwoord.json();
      }).then(entries);
      geladen[url].catch(function () { delete geladen[url]; }); // a later focus tries again
    }
    return geladen[url];
  }

  /* Edit distance (with transpositions) between q and the closest prefix of s.slice(van); more
   * than max is returned as max + 1. "amersfort" / "amersfoort" -> 1. Three reused rows: this
   * runs for every name on every key press. */
  var rijen = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];
  function prefixAfstand(q, s, van, max) {
    var m = q.length, n = s.length - van, i, j, v, kleinste;
    if (n + 1 > rijen[0].length) rijen = rijen.map(function () { return new Int32Array(n + 1); });
    var vorige2 = rijen[0], vorige = rijen[1], rij = rijen[2], t;
    for (j = 0; j <= n; j++) vorige[j] = j;
    for (i = 1; i <= m; i++) {
      rij[0] = kleinste = i;
      for (j = 1; j <= n; j++) {
        v = Math.min(vorige[j] + 1, rij[j - 1] + 1,
          vorige[j - 1] + (q.charCodeAt(i - 1) === s.charCodeAt(van + j - 1) ? 0 : 1));
        if (i > 1 && j > 1 && q.charCodeAt(i - 1) === s.charCodeAt(van + j - 2) &&
            q.charCodeAt(i - 2) === s.charCodeAt(van + j - 1)) {
          v = Math.min(v, vorige2[j - 2] + 1);
        }
        rij[j] = v;
        if (v < kleinste) kleinste = v;
      }
      if (kleinste > max) return max + 1;
      t = vorige2; vorige2 = vorige; vorige = rij; rij = t;
    }
    kleinste = max + 1;
    for (j = 0; j <= n; j++) if (vorige[j] < kleinste) kleinste = vorige[j];
    return kleinste;
  }

  /* How well key matches q, lower is better: 0 equal, 1 starts with q, 2 a word starts with q,
   * 3 contains q, 10 + distance for a near miss (a typo from 5 letters on, two from 8), or -1
   * for no match. */
  function score(q, sleutel) {
    if (sleutel === q) return 0;
    if (sleutel.lastIndexOf(q, 0) === 0) return 1;
    if (sleutel.indexOf(" " + q) !== -1) return 2;
    if (q.length >= 3 && sleutel.indexOf(q) !== -1) return 3;
    var max = q.length >= 8 ? 2 : q.length >= 5 ? 1 : 0;
    if (!max) return -1;
    var beste = prefixAfstand(q, sleutel, 0, max);
    for (var k = sleutel.indexOf(" "); k !== -1 && beste > 1; k = sleutel.indexOf(" ", k + 1)) {
      beste = Math.min(beste, prefixAfstand(q, sleutel, k + 1, max));
    }
    return beste <= max ? 10 + beste : -1;
  }

  /* The best suggestions for the text typed: exact and prefix matches first, near misses only
   * to fill up; on equal match gemeenten before places, then alphabetically. */
  function zoek(lijst, tekst) {
    var q = normaliseer(tekst), treffers = [];
    if (q.length < MIN_TEKENS) return treffers;
    lijst.forEach(function (e) {
      var beste = -1;
      e.sleutels.forEach(function (s) {
        var r = score(q, s);
        if (r !== -1 && (beste === -1 || r < beste)) beste = r;
      });
      if (e.labelSleutel && beste !== 0 && e.labelSleutel.lastIndexOf(q, 0) === 0) {
        beste = e.labelSleutel === q ? 0 : 1;
      }
      if (beste !== -1) treffers.push({ e: e, score: beste });
    });
    var strikt = treffers.filter(function (t) { return t.score < 10; });
    if (strikt.length >= MAX_SUGGESTIES) treffers = strikt;
    treffers.sort(function (a, b) {
      return a.score - b.score || a.e.soort - b.e.soort || collator.compare(a.e.label, b.e.label);
    });
    return treffers.slice(0, MAX_SUGGESTIES).map(function (t) {
      return { e: t.e, exact: t.score === 0 };
    });
  }

  function maak(tag, klasse) {
    var el = document.createElement(tag);
    if (klasse) el.className = klasse;
    return el;
  }

  function verrijk(form) {
    var invoer = form.querySelector("input");
    if (!invoer || !invoer.id || form.dataset.regioZoekKlaar) return;
    form.dataset.regioZoekKlaar = "1";
    var root = form.getAttribute("data-regio-root") || "";
    var url = root + INDEX;
    var lijst = null; // the entries, once loaded
    var mislukt = false;
    var suggesties = [];
    var actief = -1; // index of the highlighted option; -1: none (focus on the text)
    var statusTimer = null;

    var listbox = maak("ul", "regio-zoek-lijst");
    listbox.id = invoer.id + "-lijst";
    listbox.setAttribute("role", "listbox");
    listbox.setAttribute("aria-label", "Suggesties");
    listbox.hidden = true;
    var leeg = maak("p", "regio-zoek-leeg");
    leeg.textContent = GEEN;
    leeg.hidden = true;
    var status = maak("div", "regio-zoek-status");
    status.setAttribute("role", "status"); // polite
    var veld = invoer.parentNode;
    veld.parentNode.insertBefore(listbox, veld.nextSibling);
    listbox.parentNode.insertBefore(leeg, listbox.nextSibling);
    form.appendChild(status);

    invoer.setAttribute("role", "combobox");
    invoer.setAttribute("aria-autocomplete", "list");
    invoer.setAttribute("aria-expanded", "false");
    invoer.setAttribute("aria-controls", listbox.id);
    invoer.setAttribute("autocomplete", "off");

    function meld(tekst, direct) {
      clearTimeout(statusTimer);
      if (direct) {
        status.textContent = tekst;
      } else {
        statusTimer = setTimeout(function () { status.textContent = tekst; }, STATUS_VERTRAGING);
      }
    }

    function markeer(nieuw) {
      actief = nieuw;
      Array.prototype.forEach.call(listbox.children, function (li, i) {
        if (i === nieuw) {
          li.setAttribute("aria-selected", "true");
          li.scrollIntoView({ block: "nearest" });
        } else {
          li.removeAttribute("aria-selected");
        }
      });
      if (nieuw >= 0) {
        invoer.setAttribute("aria-activedescendant", listbox.children[nieuw].id);
      } else {
        invoer.removeAttribute("aria-activedescendant");
      }
    }

    function sluit() {
      listbox.hidden = true;
      leeg.hidden = true;
      invoer.setAttribute("aria-expanded", "false");
      markeer(-1);
    }

    function toon() {
      while (listbox.firstChild) listbox.removeChild(listbox.firstChild);
      suggesties.forEach(function (s, i) {
        var li = maak("li", "regio-zoek-optie");
        li.id = listbox.id + "-" + i;
        li.setAttribute("role", "option");
        var naam = maak("span", "regio-zoek-naam");
        naam.textContent = s.e.label;
        var uitleg = maak("span", "regio-zoek-uitleg");
        uitleg.textContent = " — " + s.e.uitleg;
        li.appendChild(naam);
        li.appendChild(uitleg);
        listbox.appendChild(li);
      });
      actief = -1;
      invoer.removeAttribute("aria-activedescendant");
      listbox.hidden = suggesties.length === 0;
      leeg.hidden = suggesties.length !== 0;
      invoer.setAttribute("aria-expanded", suggesties.length ? "true" : "false");
    }

    /* Recompute the suggestions for the current text and show them. */
    function werkBij(direct) {
      if (!lijst) return;
      if (normaliseer(invoer.value).length < MIN_TEKENS) {
        suggesties = [];
        sluit();
        meld("", true);
        return;
      }
      suggesties = zoek(lijst, invoer.value);
      toon();
      meld(suggesties.length ? telwoord(suggesties.length) : GEEN, direct);
    }

    function kies(s) {
      invoer.value = s.e.label;
      sluit();
      window.location.assign(root + "gemeenten/" + encodeURIComponent(s.e.slug) + "/");
    }

    function start() {
      if (lijst || mislukt) return Promise.resolve();
      return laad(url).then(function (entries) {
        lijst = entries;
        if (document.activeElement === invoer) werkBij(false);
      }, function () {
        mislukt = true;
        meld(MISLUKT, true);
      });
    }

    /* Zoeken or Enter without a highlighted option: go straight to a single exact match,
     * otherwise show the choices. */
    function verstuur() {
      if (mislukt) {
        form.submit(); // the list of all gemeenten
        return;
      }
      suggesties = zoek(lijst, invoer.value);
      var exact = suggesties.filter(function (s) { return s.exact; });
      var doelen = {};
      exact.forEach(function (s) { doelen[s.e.slug] = true; });
      if (exact.length && Object.keys(doelen).length === 1) {
        kies(exact[0]);
        return;
      }
      toon();
      invoer.focus();
      meld(suggesties.length ? telwoord(suggesties.length) + ". " + KIES : GEEN, true);
    }

    invoer.addEventListener("focus", start);
    invoer.addEventListener("input", function () {
      if (lijst) werkBij(false); else start();
    });
    invoer.addEventListener("blur", sluit);

    invoer.addEventListener("keydown", function (ev) {
      var open = !listbox.hidden, n = suggesties.length;
      switch (ev.key) {
        case "ArrowDown":
          ev.preventDefault();
          if (!open) {
            werkBij(true);
            if (ev.altKey || !suggesties.length) return;
            markeer(0);
          } else {
            markeer(ev.altKey ? actief : (actief + 1) % n);
          }
          break;
        case "ArrowUp":
          ev.preventDefault();
          if (!open) {
            werkBij(true);
            if (suggesties.length) markeer(suggesties.length - 1);
          } else {
            markeer(actief <= 0 ? n - 1 : actief - 1);
          }
          break;
        case "Home":
        case "End":
          if (open && actief >= 0) {
            ev.preventDefault();
            markeer(ev.key === "Home" ? 0 : n - 1);
          }
          break;
        case "ArrowLeft":
        case "ArrowRight":
          if (actief >= 0) markeer(-1); // back to editing the text
          break;
        case "Enter":
          if (open && actief >= 0) {
            ev.preventDefault();
            kies(suggesties[actief]);
          } // otherwise the form's submit event below
          break;
        case "Escape":
          if (open || !leeg.hidden) {
            ev.preventDefault();
            sluit();
          } else if (invoer.value) {
            ev.preventDefault();
            invoer.value = "";
            meld("", true);
          }
          break;
        case "Tab":
          sluit();
          break;
      }
    });

    // Keep the focus in the field while the pointer picks an option.
    listbox.addEventListener("mousedown", function (ev) { ev.preventDefault(); });
    listbox.addEventListener("click", function (ev) {
      var li = ev.target.closest("[role=option]");
      if (li) kies(suggesties[Array.prototype.indexOf.call(listbox.children, li)]);
    });

    form.addEventListener("submit", function (ev) {
      if (normaliseer(invoer.value).length < MIN_TEKENS) return; // the list of all gemeenten
      ev.preventDefault();
      if (lijst || mislukt) verstuur(); else start().then(verstuur);
    });

    // Back from a gemeente page (back/forward cache): no stale list.
    window.addEventListener("pageshow", sluit);
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("form.regio-zoek"), verrijk);
  }

  // For the tests, which hold these to zoekindex.py.
  window.regioZoek = { normaliseer: normaliseer, basisnaam: basisnaam };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
