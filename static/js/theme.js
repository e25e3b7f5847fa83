// The colour theme: the system's setting unless the learner picked light or dark (kept in
// localStorage). Loaded in <head> without defer so the page never paints in the wrong theme.
(function () {
  "use strict";
  var KEY = "quizapp-theme";
  var CHOICES = ["system", "light", "dark"];

  function stored() {
    try { return localStorage.getItem(KEY) || "system"; } catch (e) { return "system"; }
  }

  function apply(choice) {
    if (choice === "light" || choice === "dark") {
      document.documentElement.setAttribute("data-theme", choice);
    } else {
      document.documentElement.removeAttribute("data-theme");
    }
  }

  apply(stored());

  document.addEventListener("DOMContentLoaded", function () {
    var button = document.querySelector(".theme-switch");
    if (!button) return;
    // The button's words for each choice come from the page (data-label-*, in its language).
    function show(choice) {
      button.textContent = button.getAttribute("data-label-" + choice) || choice;
    }
    show(stored());
    button.hidden = false;
    button.addEventListener("click", function () {
      var next = CHOICES[(CHOICES.indexOf(stored()) + 1) % CHOICES.length];
      try { localStorage.setItem(KEY, next); } catch (e) { /* private mode: this page only */ }
      apply(next);
      show(next);
    });
  });
})();
