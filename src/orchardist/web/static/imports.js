// The Import pages' small enhancements; every page works without them.
// A file over the size limit is refused before it is uploaded, and a form being sent says so.
"use strict";

function checkSize(input) {
  var limit = Number(input.dataset.maxBytes);
  var file = input.files && input.files[0];
  if (limit && file && file.size > limit) {
    input.setCustomValidity(input.dataset.tooBig || "");
    input.setAttribute("aria-invalid", "true");
  } else {
    input.setCustomValidity("");
    input.removeAttribute("aria-invalid");
  }
}

document.addEventListener("change", function (event) {
  var input = event.target;
  if (input instanceof HTMLInputElement && input.type === "file" && input.dataset.maxBytes) {
    checkSize(input);
    input.reportValidity();
  }
});

document.addEventListener("submit", function (event) {
  var form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.dataset.busyLabel) {
    return;
  }
  var button = form.querySelector("button[type=submit]");
  if (!button || button.getAttribute("aria-busy") === "true") {
    if (button) {
      event.preventDefault(); // Sent already: a second click would import twice.
    }
    return;
  }
  button.dataset.label = button.textContent;
  button.setAttribute("aria-busy", "true");
  button.textContent = form.dataset.busyLabel;
});

// Coming back to the page (the browser's Back button) shows the buttons ready again.
window.addEventListener("pageshow", function () {
  document.querySelectorAll("button[aria-busy=true]").forEach(function (button) {
    button.removeAttribute("aria-busy");
    button.textContent = button.dataset.label || button.textContent;
  });
});
