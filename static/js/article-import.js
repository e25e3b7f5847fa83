// Import forms (an article, a question bank): when the server takes more than a second, show that it is working, and keep
// the button from sending the same article twice.
(function () {
  "use strict";
  document.querySelectorAll("form[data-progress]").forEach(function (form) {
    var status = document.getElementById(form.dataset.progress);
    form.addEventListener("submit", function () {
      var button = form.querySelector("[type=submit]");
      window.setTimeout(function () {
        if (button) { button.disabled = true; }
        if (status) { status.hidden = false; }
      }, 1000);
    });
  });
})();
