/* Live game, player's phone: big tiles or a typed answer, one answer per question,
   right/wrong and rank. */
(function () {
  "use strict";
  var root = document.getElementById("live-play");
  if (!root) { return; }
  var Live = window.Live, csrf = root.dataset.csrf, player = Number(root.dataset.player);
  var status = document.getElementById("connection");
  var announce = document.getElementById("announce");
  var state = null, picked = [];

  var countdown = new Live.Countdown(function (seconds) {
    Live.setField(root, "seconds", seconds);
  }, function () {});

  var typed = root.querySelector('[data-field="typed"]');
  var typedInput = typed.querySelector("input");

  function setEnabled(enabled) {
    root.querySelectorAll(".player-tiles button, [data-field=typed] input, " +
                          "[data-field=typed] button").forEach(function (b) { b.disabled = !enabled; });
  }

  function submit(answer) {
    var index = state.index;
    setEnabled(false);
    Live.postJSON(root.dataset.answer, csrf, {player: player, index: index, answer: answer})
      .then(function (result) {
        // The reveal may have arrived first (this was the last answer): then its verdict
        // stays, not "Answer sent." about a question already over.
        var current = state.status === "question" && state.index === index;
        if (result.ok) {
          if (current) {
            Live.show(root, "waiting");
            announce.textContent = Live.say(root, "sent");
          }
        } else {
          announce.textContent = result.data.error || Live.say(root, "refused");
          setEnabled(true);
        }
      });
  }

  function renderTiles(question) {
    var box = root.querySelector('[data-field="tiles"]');
    var multiple = question.several === true;  // the server's kind says; the script names none
    box.textContent = "";
    picked = [];
    typed.hidden = question.input !== "typed";
    typedInput.value = "";
    question.choices.forEach(function (choice, i) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "tile tile-" + (i % 4);
      button.textContent = choice.text;
      Live.addPictures(root, button, choice.media);
      if (multiple) { button.setAttribute("aria-pressed", "false"); }
      button.addEventListener("click", function () {
        if (!multiple) {
          submit(choice.sends);
          return;
        }
        var at = picked.indexOf(choice.id);
        if (at >= 0) { picked.splice(at, 1); } else { picked.push(choice.id); }
        button.setAttribute("aria-pressed", at >= 0 ? "false" : "true");
      });
      box.appendChild(button);
    });
    root.querySelector('[data-field="send"]').hidden = !multiple;
  }

  root.querySelector('[data-field="send"]').addEventListener("click", function () {
    submit(picked.slice());
  });

  typed.addEventListener("submit", function (event) {
    event.preventDefault();
    if (typedInput.value.trim() === "") {
      announce.textContent = Live.say(root, "type-first");
      typedInput.focus();
      return;
    }
    submit(typedInput.value);
  });

  function render(data) {
    var previous = state;
    state = data;
    var me = data.me || {};
    Live.setField(root, "players", data.players);
    Live.setField(root, "total", data.total);
    Live.setField(root, "number", data.index + 1);
    if (me.score !== undefined) { Live.setField(root, "score", me.score); }
    if (data.status === "question") {
      if (me.answered) {
        Live.show(root, "waiting");
      } else {
        var fresh = !previous || previous.status !== "question" || previous.index !== data.index;
        Live.show(root, "question");
        Live.setField(root, "prompt", data.question.prompt);
        Live.setMedia(root, data.question.media);
        if (fresh) {
          // The last question's "Right, rank 1." or "Answer sent." is not about this one.
          announce.textContent = "";
          renderTiles(data.question);
        }
        root.querySelector('[data-field="paused"]').hidden = !data.paused;
        setEnabled(!data.paused);
      }
      if (data.paused) { countdown.stop(); } else { countdown.start(data.remaining_ms); }
      return;
    }
    countdown.stop();
    if (previous && previous.status !== data.status) { announce.textContent = ""; }
    Live.show(root, data.status);
    if (data.status === "reveal") {
      var poll = data.reveal.graded === false;
      var verdict = Live.say(root, !me.answered ? "no-answer" : poll ? "counted" : me.correct ? "right" : "wrong");
      Live.setField(root, "verdict", verdict);
      Live.setField(root, "points", me.answered && !poll ? Live.say(root, "gained", {points: me.points || 0}) : "");
      Live.setField(root, "rank", me.rank || "–");
      Live.setField(root, "key", data.reveal.key);
      Live.setField(root, "quote", data.reveal.quote);
      // Spoken without the exclamation mark the heading shows.
      announce.textContent = Live.say(root, "announce", {verdict: verdict.replace(/[!！]$/, ""), rank: me.rank || "–"});
    }
    if (data.status === "finished") {
      Live.setField(root, "rank", me.rank || "–");
      Live.listInto(root.querySelector('[data-field="podium"]'), data.podium || [], function (r) {
        return Live.say(root, "points", {rank: r.rank, name: r.nickname, score: r.score});
      });
    }
  }

  Live.connect(root.dataset.socket, render, function (state) { status.textContent = Live.say(root, state); });
})();
