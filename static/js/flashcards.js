// Anki's keys: Space/Enter reveal, 1-4 rate, u undo. Without this script the page still works:
// "Show answer" is a link that reloads the card revealed, and the ratings are a plain form.
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
    // A cloze's answer fills the blank in place, so the blanked sentence gives way to it.
    const card = document.getElementById("flashcard");
    const front = document.getElementById("fc-front");
    if (card && front && card.dataset.kind === "cloze") front.hidden = true;
    reveal.setAttribute("aria-expanded", "true");
    reveal.hidden = true;
    // The words come from the page (data-answer-shown, in its language).
    status.textContent = status.dataset.answerShown || "";
    const good = form.querySelector(".rate-3");
    if (good) good.focus();
  };
  if (reveal) reveal.addEventListener("click", (event) => { event.preventDefault(); show(); });
  if (form) form.addEventListener("submit", (event) => {
    // One rating per card: a second key press or click while the first is on its way is dropped.
    if (form.dataset.sending) { event.preventDefault(); return; }
    form.dataset.sending = "1";
    sent = true;
    duration.value = String(Date.now() - started);
  });
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || sent) return;
    const target = event.target;
    const tag = (target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "textarea" || tag === "select") return;
    // Space and Enter keep their usual meaning on links and buttons (other than Show answer).
    const onControl = (tag === "a" || tag === "button") && target !== reveal;
    if ((event.key === " " || event.key === "Enter") && back && back.hidden && !onControl) {
      event.preventDefault();
      show();
    } else if (["1", "2", "3", "4"].includes(event.key) && back && !back.hidden) {
      event.preventDefault();
      form.requestSubmit(form.querySelector(`button[data-key="${event.key}"]`));
    } else if ((event.key === "u" || event.key === "U") && undo) {
      event.preventDefault();
      sent = true;
      undo.requestSubmit();
    }
  });
})();
