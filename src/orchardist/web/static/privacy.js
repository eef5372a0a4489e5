// The privacy screen: names, notes and messages blurred while the screen is shared, on every page until
// turned off. Loaded in <head> without defer, so a page opens already blurred rather than flashing
// names first. Only the on/off choice is kept (localStorage), never anything the page shows.
"use strict";

(function () {
  var KEY = "orchardist-privacy-screen";
  var CLASS = "privacy-screen";
  var root = document.documentElement;

  function stored() {
    try {
      return window.localStorage.getItem(KEY) === "on";
    } catch (error) {
      return false; // storage refused (a private window): the screen still works on this page
    }
  }

  function show(on) {
    root.classList.toggle(CLASS, on);
    document.querySelectorAll("[data-privacy-toggle]").forEach(function (button) {
      button.setAttribute("aria-pressed", on ? "true" : "false");
    });
  }

  function choose(on) {
    try {
      if (on) {
        window.localStorage.setItem(KEY, "on");
      } else {
        window.localStorage.removeItem(KEY);
      }
    } catch (error) {
      // Not kept across pages; this page still follows the choice.
    }
    show(on);
  }

  function toggle() {
    choose(!root.classList.contains(CLASS));
  }

  root.classList.toggle(CLASS, stored());

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-privacy-toggle]").forEach(function (button) {
      button.hidden = false; // the button needs this script, so it shows only when the script runs
      button.addEventListener("click", toggle);
    });
    show(root.classList.contains(CLASS));
  });

  // Alt+P (Option+P on a Mac) anywhere: one key with a modifier, so typing never sets it off.
  document.addEventListener("keydown", function (event) {
    if (event.altKey && !event.ctrlKey && !event.metaKey && event.code === "KeyP") {
      event.preventDefault();
      toggle();
    }
  });

  // Another tab turned it on or off: follow it here too.
  window.addEventListener("storage", function (event) {
    if (event.key === KEY) {
      show(event.newValue === "on");
    }
  });
})();
