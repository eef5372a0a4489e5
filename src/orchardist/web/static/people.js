// The People and Person pages' small enhancements; every page works without them.
"use strict";

// "Tick everyone on this page": shown only when this script runs, since it needs it.
function revealPickAll(root) {
  root.querySelectorAll(".pick-all").forEach(function (box) {
    box.hidden = false;
  });
}

// On a phone, the filters fold away unless one is set; on a wide screen they stay open.
function foldFilters() {
  var narrow = window.matchMedia("(max-width: 767px)").matches;
  document.querySelectorAll("details.more-filters").forEach(function (details) {
    var set = Array.prototype.some.call(details.querySelectorAll("select, input"), function (field) {
      return field.name !== "sort" ? field.value !== "" : field.value !== "name";
    });
    details.open = !narrow || set;
  });
}

// The bar that tags the ticked people shows once someone is ticked (or when it has something to say).
function showBulkBar(root) {
  root.querySelectorAll("form.bulk-tag").forEach(function (form) {
    var bar = form.querySelector(".bulk-controls");
    if (!bar) {
      return;
    }
    var ticked = form.querySelector("input.pick:checked") !== null;
    var said = form.querySelector("[aria-invalid='true'], .notice") !== null;
    bar.hidden = !(ticked || said);
  });
}

document.addEventListener("DOMContentLoaded", function () {
  revealPickAll(document);
  foldFilters();
  showBulkBar(document);
  // The filters apply as soon as they change; the Apply button is for browsers without scripts.
  if (window.htmx) {
    document.querySelectorAll(".apply-filters").forEach(function (button) {
      button.hidden = true;
    });
  }
});

document.addEventListener("htmx:afterSettle", function (event) {
  revealPickAll(event.target);
  showBulkBar(document);
});

document.addEventListener("change", function (event) {
  var box = event.target;
  if (!(box instanceof HTMLInputElement)) {
    return;
  }
  var table = box.closest("table");
  if (!table) {
    return;
  }
  if (box.classList.contains("pick-all")) {
    table.querySelectorAll("input.pick").forEach(function (pick) {
      pick.checked = box.checked;
    });
  } else if (box.classList.contains("pick")) {
    var all = table.querySelector(".pick-all");
    var picks = table.querySelectorAll("input.pick");
    var ticked = table.querySelectorAll("input.pick:checked").length;
    if (all) {
      all.checked = ticked === picks.length;
      all.indeterminate = ticked > 0 && ticked < picks.length;
    }
  }
  showBulkBar(document);
});

// A form that answers 400 with itself and the reasons (the log-an-interaction form) is swapped in,
// so the reasons show beside the fields; htmx leaves error responses unswapped by default.
document.addEventListener("htmx:beforeSwap", function (event) {
  var source = event.target;
  if (event.detail.xhr.status === 400 && source instanceof Element && source.closest("[data-swap-invalid]")) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});
