/* Sort and filter the overview tables in the browser; the pages work without it too (a plain
   table). The page says what to offer: data-filter on the .regio-tabel (the placeholder) asks
   for a text filter, a hidden .regio-tabel-keuzes holds the province and sector choices, and
   each row's data-zoek, data-provincie and data-sector are what the filter matches on. */
(function () {
  "use strict";

  function cellText(row, index) {
    var cell = row.cells[index];
    return cell ? cell.textContent.trim() : "";
  }

  function compare(a, b) {
    var na = Number(a), nb = Number(b);
    if (!isNaN(na) && !isNaN(nb)) return na - nb;
    return a.localeCompare(b, "nl", { sensitivity: "base", numeric: true });
  }

  // Empty cells say "not known": they go last whichever way the column is sorted.
  function compareRows(a, b, ascending) {
    if (a === "" || b === "") return (a === "") - (b === "");
    var result = compare(a, b);
    return ascending ? result : -result;
  }

  function makeSortable(table) {
    var headers = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(headers, function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "regio-sorteer";
      while (th.firstChild) button.appendChild(th.firstChild);
      var icon = document.createElement("span");
      icon.className = "regio-sorteer-pijl";
      icon.setAttribute("aria-hidden", "true");
      button.appendChild(icon);
      button.setAttribute("title", "Sorteer op deze kolom");
      th.appendChild(button);
      th.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(headers, function (other) {
          other.setAttribute("aria-sort", "none");
        });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (r1, r2) {
          return compareRows(cellText(r1, index), cellText(r2, index), ascending);
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  function hasToken(list, token) {
    return (" " + (list || "") + " ").indexOf(" " + token + " ") !== -1;
  }

  function makeFilterable(container, table) {
    var bar = container.querySelector(".regio-tabel-keuzes");
    var selects = bar ? bar.querySelectorAll("select[data-kolom]") : [];
    var placeholder = container.getAttribute("data-filter");
    if (placeholder === null && !selects.length) {
      if (bar) bar.parentNode.removeChild(bar);
      return;
    }
    if (!bar) {
      bar = document.createElement("div");
      bar.className = "regio-tabel-keuzes";
      container.insertBefore(bar, container.firstChild);
    }
    var input = null;
    if (placeholder !== null) {
      var label = document.createElement("label");
      label.className = "regio-tabel-filter";
      label.textContent = "Filter deze tabel: ";
      input = document.createElement("input");
      input.type = "search";
      input.setAttribute("placeholder", placeholder);
      label.appendChild(input);
      bar.insertBefore(label, bar.firstChild);
    }
    bar.hidden = false;
    // Only for screen readers: sighted visitors see the rows go.
    var status = document.createElement("span");
    status.className = "regio-verborgen";
    status.setAttribute("role", "status");
    container.appendChild(status);

    var rows = table.tBodies[0].rows;
    function apply() {
      var term = input ? input.value.trim().toLocaleLowerCase("nl") : "";
      var shown = 0;
      Array.prototype.forEach.call(rows, function (row) {
        var text = ((row.getAttribute("data-zoek") || "") + " " + row.textContent);
        var match = text.toLocaleLowerCase("nl").indexOf(term) !== -1;
        Array.prototype.forEach.call(selects, function (select) {
          var kolom = select.getAttribute("data-kolom");
          if (select.value && !hasToken(row.getAttribute("data-" + kolom), select.value)) {
            match = false;
          }
        });
        row.hidden = !match;
        if (match) shown += 1;
      });
      status.textContent = shown + " van " + rows.length + " rijen zichtbaar";
    }
    if (input) input.addEventListener("input", apply);
    Array.prototype.forEach.call(selects, function (select) {
      select.addEventListener("change", apply);
    });
  }

  // A table wider than its column scrolls sideways (Material's wrapper, or the table itself);
  // say so, since on a phone nothing else shows that columns are hidden off-screen.
  function markOverflow(container, table) {
    var hint = document.createElement("p");
    hint.className = "regio-tabel-veeg";
    hint.setAttribute("aria-hidden", "true");
    hint.textContent = "Schuif de tabel opzij voor meer kolommen";
    hint.hidden = true;
    container.insertBefore(hint, table.closest(".md-typeset__scrollwrap") || table);
    function check() {
      var scroller = table.closest(".md-typeset__scrollwrap") || table;
      hint.hidden = table.scrollWidth <= scroller.clientWidth + 1;
    }
    check();
    if (window.ResizeObserver) new ResizeObserver(check).observe(container);
  }

  // Material's search overlay is a role="dialog" without a name; screen readers announce it
  // as an unnamed dialog (axe-core: aria-dialog-name). It only works with JavaScript anyway.
  function nameSearchDialog() {
    var dialog = document.querySelector('.md-search[role="dialog"]');
    if (!dialog || dialog.hasAttribute("aria-label") || dialog.hasAttribute("aria-labelledby")) {
      return;
    }
    var input = dialog.querySelector("input.md-search__input");
    dialog.setAttribute("aria-label", (input && input.getAttribute("aria-label")) || "Zoeken");
  }

  function init() {
    nameSearchDialog();
    var containers = document.querySelectorAll(".regio-tabel");
    Array.prototype.forEach.call(containers, function (container) {
      var table = container.querySelector("table");
      if (!table || !table.tBodies.length || container.dataset.regioKlaar) return;
      container.dataset.regioKlaar = "1";
      makeSortable(table);
      makeFilterable(container, table);
      markOverflow(container, table);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
