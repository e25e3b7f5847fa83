// Progressive enhancement for a quiz question: answers are saved as they are given, and
// "Check answer" shows feedback in place, announced by the aria-live region.
(function () {
  const form = document.getElementById("question-form");
  if (!form) return;
  const feedback = document.getElementById("feedback");
  const post = (action) => {
    const data = new FormData(form);
    data.set("action", action);
    // form.action would be the button named "action"; read the attribute instead.
    return fetch(form.getAttribute("action") || window.location.href, {
      method: "POST", body: data, headers: { Accept: "application/json" }, credentials: "same-origin",
    }).then((r) => r.json().then((body) => ({ ok: r.ok, body })));
  };
  let timer = null;
  const autosave = () => {
    clearTimeout(timer);
    timer = setTimeout(() => post("save").catch(() => {}), 300);
  };
  form.addEventListener("change", autosave);
  form.addEventListener("input", (e) => { if (e.target.type === "text") autosave(); });

  const escape = (s) => String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
  form.addEventListener("submit", (event) => {
    const submitter = event.submitter;
    if (!submitter || submitter.value !== "check") return;
    event.preventDefault();
    clearTimeout(timer);
    post("check").then(({ ok, body }) => {
      if (!ok) { feedback.innerHTML = `<p class="verdict bad">${escape(body.error || "Could not check the answer.")}</p>`; return; }
      const fb = body.feedback;
      if (!fb) return;
      const verdict = fb.correct ? "Correct." : (fb.score > 0 ? "Partly correct." : "Not correct.");
      feedback.innerHTML =
        `<p class="verdict ${fb.correct ? "good" : "bad"}"><strong>${verdict}</strong> ` +
        (fb.correct ? "" : `The answer: ${escape(fb.correct_answer)}.`) + `</p>` +
        `<p>${escape(fb.explanation)}</p>` +
        `<blockquote class="source">“${escape(fb.quote)}” <a href="${escape(fb.source_url)}">Read it in the article</a></blockquote>`;
      form.querySelectorAll("fieldset input, fieldset select").forEach((el) => { el.disabled = true; });
      submitter.remove();
      const next = document.getElementById("next-button") || document.getElementById("finish-button");
      if (next) { next.classList.remove("secondary"); next.focus(); }
    }).catch(() => { form.submit(); });
  });
})();
