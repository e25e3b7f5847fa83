/* Live game, host screen: lobby, question with countdown and how many answered, reveal with
   the answers' chart, podium. */
(function () {
  "use strict";
  var root = document.getElementById("live-host");
  if (!root) { return; }
  var Live = window.Live, csrf = root.dataset.csrf, state = null;
  var status = document.getElementById("connection");
  var closing = null;

  function send(command) {
    return Live.postJSON(root.dataset.command, csrf, {command: command}).then(function (result) {
      if (!result.ok && command !== "close") { status.textContent = result.data.error || Live.say(root, "refused"); }
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

  /* The reveal's chart: one bar per tile or typed answer, the right ones ticked. The server
     sends the rows only at the reveal: while a question is open, counts would tell the room. */
  function renderChart(target, rows) {
    target.textContent = "";
    var max = 1;
    rows.forEach(function (r) { max = Math.max(max, r.count); });
    rows.forEach(function (r, i) {
      var row = document.createElement("div");
      row.className = "bar-row" + (r.correct ? " is-correct" : "");
      var label = document.createElement("span");
      label.className = "bar-label";
      label.textContent = r.text + (r.correct ? " ✓" : "");
      var bar = document.createElement("span");
      bar.className = "bar tile-" + (i % 4);
      bar.style.width = (100 * r.count / max) + "%";
      var value = document.createElement("span");
      value.className = "bar-value";
      value.textContent = r.count;
      row.appendChild(label); row.appendChild(bar); row.appendChild(value);
      target.appendChild(row);
    });
  }

  function renderTiles(question) {
    var list = root.querySelector('[data-view="question"] [data-field="tiles"]');
    list.textContent = "";
    list.hidden = question.input !== "tiles";
    question.choices.forEach(function (choice, i) {
      var item = document.createElement("li");
      item.className = "tile tile-" + (i % 4);
      item.textContent = choice.text;
      Live.addPictures(root, item, choice.media);
      list.appendChild(item);
    });
    root.querySelector('[data-field="typed-hint"]').hidden = question.input !== "typed";
  }

  /* Counts from two servers may arrive out of order: a count never goes down. */
  var shownAnswered = 0;
  function updateAnswered(answered, fresh) {
    if (fresh) { shownAnswered = 0; }
    shownAnswered = Math.max(shownAnswered, answered || 0);
    Live.setField(root, "answered", shownAnswered);
  }

  function render(data) {
    if (data.type === "answered") {
      if (state && data.index === state.index) { updateAnswered(data.answered); }
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
    if (data.question) {
      Live.setField(root, "prompt", data.question.prompt);
      Live.setMedia(root, data.question.media);
    }
    if (data.status === "question") {
      var fresh = !previous || previous.status !== "question" || previous.index !== data.index;
      if (fresh) { renderTiles(data.question); }
      updateAnswered(data.answered, fresh);
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
      // A poll has no answer to show: its chart is the point, with no bar ticked.
      root.querySelector('[data-view="reveal"] .key').hidden = reveal.graded === false;
      Live.setField(root, "quote", reveal.quote);
      Live.setField(root, "explanation", reveal.explanation);
      renderChart(root.querySelector('[data-field="chart"]'), reveal.chart);
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
        return Live.say(root, "points", {rank: r.rank, name: r.nickname, score: r.score});
      });
    }
  }

  root.addEventListener("click", function (event) {
    var button = event.target.closest("[data-command]");
    if (button && button.tagName === "BUTTON") {
      if (button.dataset.command === "end" && !window.confirm(Live.say(root, "end"))) {
        return;
      }
      send(button.dataset.command);
    }
  });

  Live.connect(root.dataset.socket, render, function (state) { status.textContent = Live.say(root, state); });
})();
