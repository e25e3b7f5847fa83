// Anki's keys: Space/Enter reveal, 1-4 rate, u undo. The rating is a plain form POST, so the
// page also works without this script (buttons and the reveal button stay usable).
(function () {
  const started = Date.now();
  const reveal = document.getElementById("reveal");
  const back = document.getElementById("fc-back");
  const form = document.getElementById("rate-form");
  const undo = document.getElementById("undo-form");
  const status = document.getElementById("card-status");
  const duration = document.getElementById("duration");
  let sent = false;
  const show = () => {
    if (!back || !back.hidden) return;
    back.hidden = false;
    form.hidden = false;
    reveal.setAttribute("aria-expanded", "true");
    reveal.hidden = true;
    status.textContent = "Answer shown. Rate 1 Again, 2 Hard, 3 Good, 4 Easy.";
    const good = form.querySelector(".rate-3");
    if (good) good.focus();
  };
  if (reveal) reveal.addEventListener("click", show);
  if (form) form.addEventListener("submit", () => { duration.value = String(Date.now() - started); });
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || sent) return;
    const tag = (event.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "textarea" || tag === "select") return;
    if ((event.key === " " || event.key === "Enter") && back && back.hidden) {
      event.preventDefault();
      show();
    } else if (["1", "2", "3", "4"].includes(event.key) && back && !back.hidden) {
      event.preventDefault();
      sent = true;
      duration.value = String(Date.now() - started);
      form.requestSubmit(form.querySelector(`button[data-key="${event.key}"]`));
    } else if (event.key === "u" || event.key === "U") {
      event.preventDefault();
      sent = true;
      undo.requestSubmit();
    }
  });
})();
