/* Live game, host screen: lobby, question with countdown and live chart, reveal, podium. */
(function () {
  "use strict";
  var root = document.getElementById("live-host");
  if (!root) { return; }
  var Live = window.Live, csrf = root.dataset.csrf, state = null;
  var status = document.getElementById("connection");
  var closing = null;

  function send(command) {
    return Live.postJSON(root.dataset.command, csrf, {command: command}).then(function (result) {
      if (!result.ok && command !== "close") { status.textContent = result.data.error || "Refused"; }
      return result;
    });
  }

  /* Time is up on this screen: ask the server to reveal; it refuses until its own clock agrees. */
  function closeWhenDue() {
    if (closing) { return; }
    var index = state && state.index;
    closing = setInterval(function () {
      if (!state || state.status !== "question" || state.index !== index || state.paused) {
        clearInterval(closing); closing = null; return;
      }
      send("close");
    }, 400);
  }

  var countdown = new Live.Countdown(function (seconds) {
    Live.setField(root, "seconds", seconds);
  }, closeWhenDue);

  function renderChart(target, question, counts, correct) {
    target.textContent = "";
    var max = 1;
    question.choices.forEach(function (c) { max = Math.max(max, counts[c.id] || 0); });
    question.choices.forEach(function (choice, i) {
      var row = document.createElement("div");
      row.className = "bar-row" + (correct && correct.indexOf(choice.id) >= 0 ? " is-correct" : "");
      var label = document.createElement("span");
      label.className = "bar-label";
      label.textContent = choice.text + (correct && correct.indexOf(choice.id) >= 0 ? " ✓" : "");
      var bar = document.createElement("span");
      bar.className = "bar tile-" + (i % 4);
      bar.style.width = (100 * (counts[choice.id] || 0) / max) + "%";
      var value = document.createElement("span");
      value.className = "bar-value";
      value.textContent = counts[choice.id] || 0;
      row.appendChild(label); row.appendChild(bar); row.appendChild(value);
      target.appendChild(row);
    });
  }

  function renderTiles(question, counts) {
    var list = root.querySelector('[data-view="question"] [data-field="tiles"]');
    list.textContent = "";
    question.choices.forEach(function (choice, i) {
      var item = document.createElement("li");
      item.className = "tile tile-" + (i % 4);
      var text = document.createElement("span");
      text.textContent = choice.text;
      var count = document.createElement("span");
      count.className = "tile-count";
      count.setAttribute("data-choice", choice.id);
      count.textContent = (counts && counts[choice.id]) || 0;
      item.appendChild(text); item.appendChild(count);
      list.appendChild(item);
    });
  }

  /* Counts from two servers may arrive out of order: a count never goes down. */
  var shown = {answered: 0, counts: {}};
  function updateCounts(answered, counts, fresh) {
    if (fresh) { shown = {answered: 0, counts: {}}; }
    shown.answered = Math.max(shown.answered, answered || 0);
    Live.setField(root, "answered", shown.answered);
    root.querySelectorAll(".tile-count").forEach(function (el) {
      var id = el.getAttribute("data-choice");
      shown.counts[id] = Math.max(shown.counts[id] || 0, (counts && counts[id]) || 0);
      el.textContent = shown.counts[id];
    });
  }

  function render(data) {
    if (data.type === "answered") {
      if (state && data.index === state.index) { updateCounts(data.answered, data.counts); }
      return;
    }
    var previous = state;
    state = data;
    Live.show(root, data.status);
    Live.setField(root, "players", data.players);
    Live.setField(root, "total", data.total);
    Live.setField(root, "number", data.index + 1);
    if (data.status === "lobby") {
      Live.listInto(root.querySelector('[data-field="names"]'), data.names, function (n) { return n; });
    }
    if (data.question) { Live.setField(root, "prompt", data.question.prompt); }
    if (data.status === "question") {
      var fresh = !previous || previous.status !== "question" || previous.index !== data.index;
      renderTiles(data.question, data.counts);
      updateCounts(data.answered, data.counts, fresh);
      root.querySelector('[data-command="pause"]').hidden = data.paused;
      root.querySelector('[data-command="resume"]').hidden = !data.paused;
      if (data.paused) {
        countdown.stop();
        Live.setField(root, "seconds", Math.ceil(data.remaining_ms / 1000));
      } else {
        countdown.start(data.remaining_ms);
      }
    } else {
      countdown.stop();
    }
    if (data.status === "reveal") {
      var reveal = data.reveal;
      Live.setField(root, "key", reveal.key);
      Live.setField(root, "quote", reveal.quote);
      Live.setField(root, "explanation", reveal.explanation);
      renderChart(root.querySelector('[data-field="chart"]'), data.question, reveal.counts,
                  reveal.correct);
    }
    if (data.leaderboard) {
      root.querySelectorAll('[data-field="leaderboard"]').forEach(function (list) {
        Live.listInto(list, data.leaderboard, function (r) {
          return r.rank + ". " + r.nickname + " — " + r.score;
        });
      });
    }
    if (data.podium) {
      Live.listInto(root.querySelector('[data-field="podium"]'), data.podium, function (r) {
        return r.rank + ". " + r.nickname + " — " + r.score + " points";
      });
    }
  }

  root.addEventListener("click", function (event) {
    var button = event.target.closest("[data-command]");
    if (button && button.tagName === "BUTTON") {
      if (button.dataset.command === "end" && !window.confirm("End the game for everyone?")) {
        return;
      }
      send(button.dataset.command);
    }
  });

  Live.connect(root.dataset.socket, render, function (text) { status.textContent = text; });
})();
