// The choice editor: "Add a choice" and "Remove" on each row, and the tick as a radio for a
// single choice, a checkbox for multiple select, none for a poll, following the type select
// (the server gives each kind's tick in data-ticks, so no kind name is written here). Without this
// script the page offers spare empty rows and the server reads the ticks as sent, so nothing
// depends on it.
(function () {
  "use strict";
  const box = document.getElementById("choice-rows");
  const type = document.getElementById("type");
  if (!box) return;
  const list = box.querySelector("[data-choice-list]");
  const add = box.querySelector("[data-add-choice]");
  const max = Number(box.dataset.max) || 12;
  // The labels come translated from the page: "{n}" in each pattern is the row's number.
  const numbered = (pattern, n) => (pattern || "{n}").replace("{n}", String(n));
  const rows = () => Array.from(list.querySelectorAll("[data-choice-row]"));

  // Ticks name their row by position; keep values, ids and labels in step after a change.
  const renumber = () => {
    rows().forEach((row, i) => {
      row.querySelector("[name=choice_right]").value = String(i);
      const text = row.querySelector("[name=choice_text]");
      text.id = "choice-text-" + i;
      row.querySelector("label[for]").htmlFor = text.id;
      row.querySelector("label[for]").textContent = numbered(box.dataset.labelChoice, i + 1);
      row.querySelectorAll("[data-choice-number]").forEach((hidden) => {
        hidden.textContent = numbered(box.dataset.labelNumber, i + 1);
      });
    });
    add.hidden = rows().length >= max;
    rows().forEach((row) => {
      row.querySelector("[data-remove-choice]").hidden = rows().length <= 2;
    });
  };

  const ticks = JSON.parse(box.dataset.ticks || "{}");
  const tickStyle = () => (type && ticks[type.value]) || "radio";
  const setTicks = () => {
    let seen = false;
    const style = tickStyle();
    rows().forEach((row) => {
      const tick = row.querySelector("[name=choice_right]");
      tick.closest("label").hidden = style === "none";
      if (style === "none") tick.checked = false;
      tick.type = style === "checkbox" ? "checkbox" : "radio";
      // A single choice keeps the first tick only, as a radio group would.
      if (tick.type === "radio" && tick.checked) {
        tick.checked = !seen;
        seen = true;
      }
    });
  };

  list.addEventListener("click", (event) => {
    const remove = event.target.closest("[data-remove-choice]");
    if (!remove) return;
    const row = remove.closest("[data-choice-row]");
    const next = row.nextElementSibling || row.previousElementSibling;
    row.remove();
    renumber();
    if (next) next.querySelector("[name=choice_text]").focus();
  });
  add.addEventListener("click", () => {
    const last = rows()[rows().length - 1];
    const row = last.cloneNode(true);
    row.querySelector("[name=choice_text]").value = "";
    row.querySelector("[name=choice_text]").removeAttribute("aria-invalid");
    row.querySelector("[name=choice_right]").checked = false;
    list.appendChild(row);
    renumber();
    row.querySelector("[name=choice_text]").focus();
  });
  if (type) type.addEventListener("change", setTicks);
  add.hidden = false;
  setTicks();
  renumber();
})();
