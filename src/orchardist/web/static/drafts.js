// Write a message: a button that copies the words, and a mail link that takes the words as they are
// now; without this script, select and copy by hand (the link opens the message as first drafted).
"use strict";

document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("button.copy-draft").forEach(function (button) {
    if (!document.getElementById(button.dataset.copy)) {
      return;
    }
    button.hidden = false;
    var label = button.textContent;
    button.addEventListener("click", function () {
      // Looked up on each click: an applied suggestion puts a new text area in place of the old.
      var field = document.getElementById(button.dataset.copy);
      var done = function () {
        button.textContent = button.dataset.copied;
        window.setTimeout(function () {
          button.textContent = label;
        }, 2000);
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(done, function () {
          field.select();
        });
      } else {
        field.select();
        document.execCommand("copy");
        done();
      }
    });
  });
  document.querySelectorAll("a.open-mail").forEach(function (link) {
    link.addEventListener("click", function () {
      var subject = document.getElementById(link.dataset.subject);
      var body = document.getElementById(link.dataset.body);
      if (!subject || !body) {
        return;
      }
      link.href = "mailto:" + encodeURIComponent(link.dataset.email).replace("%40", "@") +
        "?subject=" + encodeURIComponent(subject.value) + "&body=" + encodeURIComponent(body.value);
    });
  });
});
