// The People and Person pages' small enhancements; every page works without them.
"use strict";

// "Tick everyone on this page": shown only when this script runs, since it needs it.
function revealPickAll(root) {
  root.querySelectorAll(".pick-all").forEach(function (box) {
    box.hidden = false;
  });
}

document.addEventListener("DOMContentLoaded", function () {
  revealPickAll(document);
  // The filters apply as soon as they change; the Apply button is for browsers without scripts.
  if (window.htmx) {
    document.querySelectorAll(".apply-filters").forEach(function (button) {
      button.hidden = true;
    });
  }
});

document.addEventListener("htmx:afterSettle", function (event) {
  revealPickAll(event.target);
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
