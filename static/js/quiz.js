// Progressive enhancement for a quiz question: every answer is saved on the server as it is
// given (choices at once, typing after a short pause, anything pending when the page is left),
// and "Check answer" shows the feedback in place, announced by the aria-live region.
(function () {
  const form = document.getElementById("question-form");
  if (!form) return;
  const feedback = document.getElementById("feedback");
  const saveState = document.getElementById("save-state");
  // form.action would be the button named "action"; read the attribute instead.
  const url = form.getAttribute("action") || window.location.href;
  const body = (action) => { const data = new FormData(form); data.set("action", action); return data; };
  const post = (action, keepalive = false) =>
    fetch(url, { method: "POST", body: body(action), keepalive, credentials: "same-origin",
                 headers: { Accept: "application/json" } })
      .then((r) => r.json().then((json) => ({ ok: r.ok, json })));
  const say = (text) => { if (saveState) saveState.textContent = text; };
  // The words come from the page (data-* attributes, in the reader's language).
  const words = form.dataset;
  // The header's "Question n of m · k answered", as the server words it after each save.
  const progressLabel = document.getElementById("quiz-progress-label");
  const showProgress = (json) => { if (progressLabel && json.progress_label) progressLabel.textContent = json.progress_label; };

  let timer = null;
  let dirty = false;
  const save = () => {
    clearTimeout(timer);
    if (!dirty) return;
    dirty = false;
    post("save").then(({ ok, json }) => {
      if (ok) showProgress(json);
      say(ok ? words.saved : words.notSaved.replace("{reason}", json.error || words.tryAgain));
    }).catch(() => { dirty = true; say(words.offline); });
  };
  form.addEventListener("change", () => { dirty = true; save(); });
  form.addEventListener("input", (e) => {
    if (e.target.type !== "text") return;
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(save, 400);
  });
  // Leaving the page (a link, closing the tab) sends what is still pending.
  window.addEventListener("pagehide", () => { if (dirty) { dirty = false; post("save", true).catch(() => {}); } });

  form.addEventListener("submit", (event) => {
    clearTimeout(timer);
    dirty = false;  // this submission carries the answer itself
    const submitter = event.submitter;
    if (!submitter || submitter.value !== "check") return;
    event.preventDefault();
    post("check").then(({ ok, json }) => {
      // Every piece of markup comes from the server's templates: the verdict and explanation
      // (quiz/_feedback.html), the options marked and locked (quiz/_inputs.html), and the
      // paragraph an error message goes in (#feedback-error in quiz/question.html).
      if (!ok) {
        const message = document.getElementById("feedback-error").content.firstElementChild.cloneNode(true);
        if (json.error) message.textContent = json.error;
        feedback.replaceChildren(message);
        return;
      }
      showProgress(json);
      if (!json.feedback_html) return;
      feedback.innerHTML = json.feedback_html;
      const fieldset = form.querySelector("fieldset.question");
      const fragment = document.createElement("template");
      fragment.innerHTML = json.answer_html;
      fieldset.replaceChildren(fieldset.querySelector("legend"), fragment.content);
      submitter.remove();
      const next = document.getElementById("next-button") || document.getElementById("finish-button");
      if (next) { next.classList.remove("secondary"); next.focus(); }
    }).catch(() => { form.submit(); });
  });

  // Keys: 1-9 pick the n-th option; Enter checks (or moves on once checked) from anywhere
  // outside a text field, where Enter already submits the form, and outside a hint's
  // summary, where Enter opens the hint.
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    const typing = target.matches && target.matches("input[type=text], textarea, select");
    if (typing) return;
    if (/^[1-9]$/.test(event.key)) {
      const options = form.querySelectorAll('input[name="answer"]:not([disabled])');
      const input = options[Number(event.key) - 1];
      if (!input) return;
      event.preventDefault();
      input.click();
      input.focus();
    } else if (event.key === "Enter" && !(target.matches && target.matches("button, a, summary"))) {
      const button = document.getElementById("check-button") || document.getElementById("next-button") || document.getElementById("finish-button");
      if (!button) return;
      event.preventDefault();
      button.click();
    }
  });
})();

// Time left on an attempt that closes (a time limit or a due date without late work): shown
// when under an hour, announced at 5 minutes and at 1 minute; the server submits at the end.
(function () {
  const box = document.getElementById("deadline");
  if (!box) return;
  const end = Date.parse(box.dataset.deadline);
  const left = document.getElementById("time-left");
  const warning = document.getElementById("time-warning");
  const warned = new Set();
  // Reload once when time runs out (the server then shows the submitted attempt); a page that
  // opened with no time left must not reload again and again.
  const hadTime = end > Date.now();
  const tick = () => {
    const seconds = Math.max(0, Math.round((end - Date.now()) / 1000));
    if (seconds < 3600) {
      const clock = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
      left.textContent = box.dataset.timeLeft.replace("{time}", clock);
    }
    for (const mark of [300, 60]) {
      if (seconds <= mark && !warned.has(mark)) {
        warned.add(mark);
        warning.textContent = box.getAttribute(`data-warn-${mark}`) || "";
      }
    }
    if (seconds === 0) { if (hadTime) window.location.reload(); return; }
    setTimeout(tick, 1000);
  };
  tick();
})();
