/* Sort and filter the overview tables in the browser; the pages work without it too. */
(function () {
  "use strict";

  function cellText(row, index) {
    var cell = row.cells[index];
    return cell ? cell.textContent.trim() : "";
  }

  function compare(a, b) {
    var na = Number(a), nb = Number(b);
    if (a !== "" && b !== "" && !isNaN(na) && !isNaN(nb)) return na - nb;
    return a.localeCompare(b, "nl", { sensitivity: "base", numeric: true });
  }

  function makeSortable(table) {
    var headers = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(headers, function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      while (th.firstChild) button.appendChild(th.firstChild);
      button.setAttribute("title", "Sorteer op deze kolom");
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(headers, function (other) {
          other.removeAttribute("aria-sort");
        });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (r1, r2) {
          var result = compare(cellText(r1, index), cellText(r2, index));
          return ascending ? result : -result;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  function makeFilterable(container, table, number) {
    var label = document.createElement("label");
    label.className = "regio-tabel-filter";
    var id = "regio-filter-" + number;
    label.setAttribute("for", id);
    label.textContent = "Filter deze tabel: ";
    var input = document.createElement("input");
    input.type = "search";
    input.id = id;
    input.setAttribute("placeholder", "bijv. een naam, provincie of sector");
    var status = document.createElement("span");
    status.className = "md-visually-hidden";
    status.setAttribute("role", "status");
    label.appendChild(input);
    container.insertBefore(label, container.firstChild);
    container.appendChild(status);
    input.addEventListener("input", function () {
      var term = input.value.trim().toLocaleLowerCase("nl");
      var shown = 0;
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        var match = row.textContent.toLocaleLowerCase("nl").indexOf(term) !== -1;
        row.hidden = !match;
        if (match) shown += 1;
      });
      status.textContent = shown + " van " + table.tBodies[0].rows.length + " rijen zichtbaar";
    });
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
    Array.prototype.forEach.call(containers, function (container, number) {
      var table = container.querySelector("table");
      if (!table || !table.tBodies.length || container.dataset.regioKlaar) return;
      container.dataset.regioKlaar = "1";
      makeSortable(table);
      makeFilterable(container, table, number);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
