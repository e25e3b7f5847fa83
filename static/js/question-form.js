// The question form shows only the answer field of the chosen type (choices, accepted
// answers, pairs or true/false). Without this script every field shows and the others are
// ignored on save, so nothing depends on it.
(function () {
  "use strict";
  const box = document.getElementById("answer-fields");
  const type = document.getElementById("type");
  if (!box || !type) return;
  const fields = JSON.parse(box.dataset.fields || "{}");
  const show = () => {
    const wanted = fields[type.value];
    let shown = 0;
    box.querySelectorAll("[data-answer-field]").forEach((el) => {
      el.hidden = Boolean(wanted) && el.dataset.answerField !== wanted;
      shown += el.hidden ? 0 : 1;
    });
    // A cloze's answers are written inside its prompt: no answer field is left to show.
    box.hidden = shown === 0;
  };
  type.addEventListener("change", show);
  show();
})();
