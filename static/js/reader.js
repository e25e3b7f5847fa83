// The article reader: following a claim (or a link to #items-...) opens the fold that lists
// what was made from it. Without this script the link still scrolls to the fold's summary.
(function () {
  "use strict";
  const open = () => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (!id.startsWith("items-")) return;
    const target = document.getElementById(id);
    const fold = target && target.closest("details");
    if (fold) { fold.open = true; target.scrollIntoView({ block: "center" }); }
  };
  window.addEventListener("hashchange", open);
  open();
})();
