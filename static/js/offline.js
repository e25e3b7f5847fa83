// The offline study page (templates/offline/study.html): download cards and a practice quiz
// while online; rate and answer with no network, each event queued in IndexedDB with its real
// time and a random idempotency key before the page moves on; sync when the network returns.
(function () {
  const root = document.getElementById("offline-study");
  if (!root || !window.offlineStore) return;
  const store = window.offlineStore;
  const $ = (id) => document.getElementById(id);
  // What the page says, in its language (the template's #offline-text block, from gettext).
  const TEXT = JSON.parse(document.getElementById("offline-text").textContent);
  const lang = document.documentElement.lang || undefined;
  const pluralRules = new Intl.PluralRules(lang);
  const SYNC_BATCH = 500; // events a sync request carries (the server takes up to 2000)
  let deck = null; // {user, cards, topics, downloaded_at}
  let quiz = null; // {user, attempt, title, questions, results}
  let done = { cards: [], answers: [], finished: false }; // what this device did with them
  let current = null; // the card shown
  let shownAt = 0;

  const say = (id, text) => { $(id).textContent = text; };
  // A message with its {name} slots filled.
  const fill = (message, values) => message.replace(/\{(\w+)\}/g,
    (slot, name) => (name in values ? String(values[name]) : slot));
  // A plural message: the form given for the sample count of n's plural category.
  const plural = (forms, n, values = {}) => {
    const category = pluralRules.select(n);
    const sample = Object.keys(forms).find((s) => pluralRules.select(Number(s)) === category);
    return fill(forms[sample === undefined ? Object.keys(forms).pop() : sample], { ...values, n });
  };
  const online = () => navigator.onLine;

  function showNetwork() {
    say("network-status", online() ? TEXT.online : TEXT.offline);
  }

  async function fetchJson(url, options) {
    const response = await fetch(url, { credentials: "same-origin", ...options,
      headers: { Accept: "application/json", ...(options && options.headers) } });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body.error || fill(TEXT.serverAnswered, { status: response.status }));
    return body;
  }

  // ---- flashcards ----
  function cardsToStudy() {
    if (!deck) return [];
    const now = Date.now();
    return deck.cards.filter((card) => !done.cards.includes(card.id)
      && (card.due === null || Date.parse(card.due) <= now));
  }

  function showCard() {
    const left = cardsToStudy();
    const upcoming = deck ? deck.cards.filter((c) => !done.cards.includes(c.id)).length - left.length : 0;
    say("cards-left", deck
      ? (upcoming ? plural(TEXT.cardsLeftLater, left.length, { later: upcoming })
        : plural(TEXT.cardsLeft, left.length))
      : TEXT.noCards);
    current = left[0] || null;
    $("offline-card").hidden = !current;
    $("offline-reveal").hidden = !current;
    $("offline-back").hidden = true;
    $("offline-ratings").hidden = true;
    if (!current) return;
    say("offline-front", current.front);
    say("offline-answer", current.back);
    // A cloze card's Back Extra, below the answer (absent from cards saved before it came).
    say("offline-extra", current.back_extra || "");
    $("offline-extra").hidden = !current.back_extra;
    shownAt = Date.now();
  }

  function reveal() {
    if (!current) return;
    $("offline-back").hidden = false;
    $("offline-ratings").hidden = false;
    $("offline-reveal").hidden = true;
    $("offline-ratings").querySelector(".rate-3").focus();
  }

  async function rate(rating) {
    if (!current || $("offline-ratings").dataset.busy) return;
    $("offline-ratings").dataset.busy = "1";
    const at = Date.now();
    const event = { key: store.randomKey(), kind: "rating", user: deck.user, at,
      card: current.id, rating, duration_ms: at - shownAt, label: current.front };
    const progress = { ...done, cards: [...done.cards, current.id] };
    try {
      await store.record(event, "done", progress); // on disk before the next card shows
      done = progress;
    } finally {
      delete $("offline-ratings").dataset.busy;
    }
    showCard();
    await showQueue();
  }

  // ---- practice quiz ----
  function nextQuestion() {
    return quiz ? quiz.questions.find((q) => !done.answers.includes(q.position)) : null;
  }

  function showQuiz() {
    const question = nextQuestion();
    $("offline-quiz").hidden = !question || done.finished;
    $("quiz-finish").hidden = !quiz || !!question || done.finished;
    if (!quiz) { say("quiz-status", TEXT.noQuiz); return; }
    if (done.finished) {
      say("quiz-status", fill(TEXT.quizFinished, { title: quiz.title }));
      return;
    }
    const answered = done.answers.length;
    say("quiz-status", fill(TEXT.quizAnswered,
      { title: quiz.title, answered, total: quiz.questions.length }));
    if (!question) return;
    say("quiz-prompt", fill(TEXT.questionPrompt,
      { position: question.position, prompt: question.prompt }));
    // The server rendered these controls (as on the online quiz page): no key, no script.
    $("quiz-inputs").innerHTML = question.inputs;
    // Its hints, rendered by the server too (nested <details>); none in a quiz saved before.
    $("quiz-hints").innerHTML = question.hints || "";
  }

  async function saveAnswer(submitEvent) {
    submitEvent.preventDefault();
    const question = nextQuestion();
    if (!question) return;
    const fields = Array.from(new FormData($("offline-quiz")).entries())
      .filter(([, value]) => typeof value === "string" && value.trim() !== "");
    if (!fields.length) { say("quiz-status", TEXT.chooseFirst); return; }
    const event = { key: store.randomKey(), kind: "answer", user: quiz.user, at: Date.now(),
      attempt: quiz.attempt, position: question.position, fields,
      label: fill(TEXT.answerLabel, { title: quiz.title, position: question.position }) };
    const progress = { ...done, answers: [...done.answers, question.position] };
    await store.record(event, "done", progress);
    done = progress;
    showQuiz();
    await showQueue();
  }

  async function finishQuiz() {
    const event = { key: store.randomKey(), kind: "finish", user: quiz.user, at: Date.now(),
      attempt: quiz.attempt, label: fill(TEXT.finishLabel, { title: quiz.title }) };
    const progress = { ...done, finished: true };
    await store.record(event, "done", progress);
    done = progress;
    showQuiz();
    await showQueue();
  }

  // ---- downloads ----
  function showDeck() {
    say("deck-status", deck
      ? plural(TEXT.downloaded, deck.cards.length,
        { when: new Date(deck.downloaded_at).toLocaleString(lang) })
      : TEXT.nothingDownloaded);
    const select = $("practice-topic");
    select.replaceChildren(...(deck ? deck.topics : []).map((topic) => {
      const option = document.createElement("option");
      option.value = topic.id;
      option.textContent = fill(TEXT.topicOption, { topic: topic.title, article: topic.article });
      return option;
    }));
    $("practice-download").hidden = !deck || !deck.topics.length;
  }

  async function downloadCards() {
    try {
      const body = await fetchJson(root.dataset.cards);
      const pending = (await store.queued()).filter((e) => e.kind === "rating");
      // A card rated and not yet synced stays done: the server does not know of it yet.
      const rated = pending.map((e) => e.card);
      deck = body;
      done = { ...done, cards: rated };
      if (quiz && quiz.user !== deck.user) {
        // Another account on this device: its quiz is not this learner's to answer.
        quiz = null;
        done = { ...done, answers: [], finished: false };
        await store.put("quiz", null);
      }
      await store.put("deck", deck);
      await store.put("done", done);
      showDeck();
      showCard();
      showQuiz();
    } catch (error) {
      say("deck-status", fill(TEXT.downloadFailed, { reason: error.message }));
    }
  }

  async function downloadPractice(submitEvent) {
    submitEvent.preventDefault();
    try {
      const body = await fetchJson(root.dataset.practice, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-CSRFToken": deck.csrf_token },
        body: JSON.stringify({ topic: Number($("practice-topic").value), length: 5 }),
      });
      quiz = { ...body, user: deck.user };
      done = { ...done, answers: [], finished: false };
      await store.put("quiz", quiz);
      await store.put("done", done);
      showQuiz();
    } catch (error) {
      say("quiz-status", fill(TEXT.downloadFailed, { reason: error.message }));
    }
  }

  // ---- the queue and the sync ----
  async function showQueue() {
    const events = (await store.queued()).sort((a, b) => a.at - b.at);
    say("queue-status", events.length
      ? plural(TEXT.waiting, events.length) : TEXT.nothingWaiting);
    $("queue-list").replaceChildren(...events.map((event) => {
      const item = document.createElement("li");
      const time = new Date(event.at).toLocaleTimeString(lang);
      item.textContent = event.kind === "rating"
        ? fill(TEXT.rated, { time, card: event.label, rating: TEXT.ratings[event.rating] })
        : fill(TEXT.event, { time, event: event.label });
      return item;
    }));
    return events;
  }

  let syncing = false;

  async function sync() {
    if (syncing) return; // one sync at a time: the button and the network's return may race
    syncing = true;
    try {
      await sendQueue();
    } finally {
      syncing = false;
    }
    await showQueue();
  }

  async function sendQueue() {
    const result = $("sync-result");
    const events = await store.queued();
    if (!events.length) {
      // A sync that just ran keeps its report on the page.
      if (!result.textContent) result.textContent = TEXT.nothingToSync;
      return;
    }
    try {
      // A fresh token (the cached page's may be of an earlier login) and whose session this is.
      const session = await fetchJson(root.dataset.cards);
      const mine = events.filter((e) => e.user === session.user);
      const body = { applied: 0, already: 0, notes: [] };
      // In batches the server takes (at most 2000 events, 2 MB a request), in time order so
      // no batch holds a rating older than one a batch before it placed.
      const finish = (e) => (e.kind === "finish" ? 1 : 0);
      const inOrder = [...mine].sort((a, b) => a.at - b.at || finish(a) - finish(b));
      for (let start = 0; start < inOrder.length; start += SYNC_BATCH) {
        const batch = inOrder.slice(start, start + SYNC_BATCH);
        const part = await fetchJson(root.dataset.sync, {
          method: "POST",
          headers: { "Content-Type": "application/json", "X-CSRFToken": session.csrf_token },
          body: JSON.stringify({ events: batch.map(({ label, user, ...event }) => event) }),
        });
        await store.forget(part.received);
        body.applied += part.applied;
        body.already += part.already;
        body.notes.push(...part.notes);
      }
      const lines = [body.already
        ? fill(TEXT.syncedAlready, { applied: body.applied, already: body.already })
        : fill(TEXT.synced, { applied: body.applied })];
      body.notes.forEach((note) => lines.push(note.message));
      if (mine.length < events.length) {
        lines.push(plural(TEXT.othersWaiting, events.length - mine.length));
      }
      result.replaceChildren(...lines.map((line) => {
        const p = document.createElement("p");
        p.textContent = line;
        return p;
      }));
      if (quiz && done.finished && mine.some((e) => e.kind === "finish")) {
        const link = document.createElement("a");
        link.href = quiz.results;
        link.textContent = fill(TEXT.seeResults, { title: quiz.title });
        result.append(link);
      }
    } catch (error) {
      result.textContent = fill(TEXT.syncFailed, { reason: error.message });
    }
  }

  // ---- wiring ----
  $("download-cards").addEventListener("click", downloadCards);
  $("practice-download").addEventListener("submit", downloadPractice);
  $("offline-reveal").addEventListener("click", reveal);
  $("offline-ratings").addEventListener("click", (event) => {
    const button = event.target.closest("button[data-rating]");
    if (button) rate(Number(button.dataset.rating));
  });
  $("offline-quiz").addEventListener("submit", saveAnswer);
  $("quiz-finish").addEventListener("click", finishQuiz);
  $("sync-now").addEventListener("click", sync);
  window.addEventListener("online", () => {
    showNetwork();
    sync(); // the network is back: what waits goes without being asked
  });
  window.addEventListener("offline", showNetwork);
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || !current) return;
    const tag = (event.target.tagName || "").toLowerCase();
    if (["input", "textarea", "select"].includes(tag)) return;
    // A hint's summary opens its hint with Enter or Space, as a button would.
    const onControl = ["a", "button", "summary"].includes(tag) && event.target !== $("offline-reveal");
    if ((event.key === " " || event.key === "Enter") && $("offline-ratings").hidden && !onControl) {
      event.preventDefault();
      reveal();
    } else if (["1", "2", "3", "4"].includes(event.key) && !$("offline-ratings").hidden) {
      event.preventDefault();
      rate(Number(event.key));
    }
  });

  (async function start() {
    showNetwork();
    deck = (await store.get("deck")) || null;
    quiz = (await store.get("quiz")) || null;
    done = (await store.get("done")) || done;
    showDeck();
    showCard();
    showQuiz();
    await showQueue();
    root.dataset.ready = "1";
  })();
})();
