/// The page's one script: sorts and filters the flagged-articles table, opens
/// the article a link points at, expands and collapses all articles.
///
/// The page reads without it (every article is there, closed); with it,
/// `<body data-script="ready">` says it ran, or `data-script="error"` and
/// `data-script-error` say why not. The address can set the table's state —
/// `report.html?party=Labour%20Party&subtype=discipline&q=minister&sort=score&dir=desc` —
/// so a filtered view can be bookmarked or shared, and tested.
enum ReportScript {
    static let javascript: StaticString = """
        (function () {
          "use strict";
          var body = document.body;
          try {
            var params = new URLSearchParams(window.location.search);
            var table = document.getElementById("flagged-table");
            if (table) {
              var tbody = table.tBodies[0];
              var original = Array.prototype.slice.call(tbody.rows);
              var searchText = original.map(function (row) { return row.textContent.toLowerCase(); });
              var text = document.getElementById("filter-text");
              var party = document.getElementById("filter-party");
              var subtype = document.getElementById("filter-subtype");
              var count = document.getElementById("filter-count");
              var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
              var filter = function () {
                var query = text.value.trim().toLowerCase();
                var shown = 0;
                original.forEach(function (row, index) {
                  var visible = (!party.value || row.getAttribute("data-party") === party.value) &&
                    (!subtype.value || row.getAttribute("data-subtype") === subtype.value) &&
                    (!query || searchText[index].indexOf(query) !== -1);
                  row.hidden = !visible;
                  if (visible) { shown += 1; }
                });
                count.textContent = shown + " of " + original.length + " shown";
                body.setAttribute("data-rows-shown", String(shown));
              };
              var sortBy = function (column, direction) {
                var numeric = headers[column].getAttribute("data-type") === "number";
                var keyed = original.map(function (row, index) {
                  var cell = row.cells[column];
                  var value = cell.getAttribute("data-value");
                  if (value === null) { value = cell.textContent.trim().toLowerCase(); }
                  return { key: numeric ? parseFloat(value) : value, index: index, row: row };
                });
                keyed.sort(function (a, b) {
                  var order = 0;
                  if (numeric) {
                    order = (isNaN(a.key) ? -Infinity : a.key) - (isNaN(b.key) ? -Infinity : b.key);
                    if (isNaN(order)) { order = 0; }
                  } else {
                    order = a.key.localeCompare(b.key);
                  }
                  return order * direction || a.index - b.index;
                });
                var fragment = document.createDocumentFragment();
                keyed.forEach(function (entry) { fragment.appendChild(entry.row); });
                tbody.appendChild(fragment);
                headers.forEach(function (header, index) {
                  header.setAttribute("aria-sort", index === column ? (direction > 0 ? "ascending" : "descending") : "none");
                });
                body.setAttribute("data-sorted-by", headers[column].getAttribute("data-key") + (direction > 0 ? " ascending" : " descending"));
              };
              headers.forEach(function (header, index) {
                var button = header.querySelector("button");
                if (!button) { return; }
                button.addEventListener("click", function () {
                  var current = header.getAttribute("aria-sort");
                  var numeric = header.getAttribute("data-type") === "number";
                  var direction = current === "ascending" ? -1 : current === "descending" ? 1 : (numeric && index > 0 ? -1 : 1);
                  sortBy(index, direction);
                });
              });
              var choose = function (select, value) {
                if (value === null) { return; }
                for (var i = 0; i < select.options.length; i += 1) {
                  if (select.options[i].value === value) { select.selectedIndex = i; }
                }
              };
              if (params.has("q")) { text.value = params.get("q"); }
              choose(party, params.get("party"));
              choose(subtype, params.get("subtype"));
              if (params.has("sort")) {
                headers.forEach(function (header, index) {
                  if (header.getAttribute("data-key") === params.get("sort")) {
                    sortBy(index, params.get("dir") === "desc" ? -1 : 1);
                  }
                });
              }
              [text, party, subtype].forEach(function (control) {
                control.addEventListener("input", filter);
                control.addEventListener("change", filter);
              });
              filter();
            }
            var openTarget = function () {
              var id = decodeURIComponent(window.location.hash.slice(1));
              var target = id ? document.getElementById(id) : null;
              if (!target) { return; }
              for (var details = target.closest("details"); details; details = details.parentElement && details.parentElement.closest("details")) {
                details.open = true;
              }
              target.scrollIntoView();
            };
            window.addEventListener("hashchange", openTarget);
            openTarget();
            var setAll = function (open) {
              return function () {
                Array.prototype.forEach.call(document.querySelectorAll("details.article"), function (details) { details.open = open; });
              };
            };
            var expand = document.getElementById("expand-all");
            var collapse = document.getElementById("collapse-all");
            if (expand) { expand.addEventListener("click", setAll(true)); }
            if (collapse) { collapse.addEventListener("click", setAll(false)); }
            body.setAttribute("data-script", "ready");
          } catch (error) {
            body.setAttribute("data-script", "error");
            body.setAttribute("data-script-error", String(error && error.message ? error.message : error));
          }
        })();
        """
}
