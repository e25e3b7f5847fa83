// On narrow screens the navigation folds behind a Menu button. Without this script the links
// simply stay visible, so nothing depends on it.
(function () {
  "use strict";
  var nav = document.querySelector(".nav");
  var button = nav && nav.querySelector(".menu-toggle");
  if (!button) return;
  nav.classList.add("collapsible");
  button.hidden = false;
  button.addEventListener("click", function () {
    var open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", String(open));
    nav.classList.toggle("open", open);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && nav.classList.contains("open")) {
      button.setAttribute("aria-expanded", "false");
      nav.classList.remove("open");
      button.focus();
    }
  });
})();
