/* Live game: the push socket (reconnecting) and JSON posts, shared by host and player pages. */
(function () {
  "use strict";

  /* onStatus gets "connected" or "reconnecting": the page words it (see say). */
  function connect(path, onMessage, onStatus) {
    var delay = 500;
    function open() {
      // The page gives the socket's path: use this page's own host and security, as a proxy
      // in front may change both.
      var target = new URL(path, location.href);
      var scheme = location.protocol === "https:" ? "wss:" : "ws:";
      var socket = new WebSocket(scheme + "//" + location.host + target.pathname + target.search);
      socket.onopen = function () { delay = 500; onStatus("connected"); };
      socket.onmessage = function (message) {
        var data = JSON.parse(message.data);
        if (data.type !== "ping") { onMessage(data); }
      };
      socket.onclose = function () {
        onStatus("reconnecting");
        setTimeout(open, delay);
        delay = Math.min(delay * 2, 5000);
      };
    }
    open();
  }

  function postJSON(url, csrf, body) {
    return fetch(url, {
      method: "POST", credentials: "same-origin",
      headers: {"Content-Type": "application/json", "Accept": "application/json",
                "X-CSRFToken": csrf},
      body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        return {ok: response.ok, status: response.status, data: data};
      });
    });
  }

  /* Counts down from the server's remaining time; the server alone decides when time is up. */
  function Countdown(onTick, onZero) {
    var timer = null, end = 0, fired = false;
    this.start = function (remainingMs) {
      this.stop(); fired = false;
      end = Date.now() + remainingMs;
      var tick = function () {
        var left = Math.max(0, end - Date.now());
        onTick(Math.ceil(left / 1000));
        if (left <= 0 && !fired) { fired = true; clearInterval(timer); timer = null; onZero(); }
      };
      tick();
      timer = setInterval(tick, 250);
    };
    this.stop = function () { if (timer) { clearInterval(timer); timer = null; } };
  }

  function show(root, view) {
    root.querySelectorAll("[data-view]").forEach(function (section) {
      section.hidden = section.getAttribute("data-view") !== view;
    });
  }

  function setField(root, name, text) {
    root.querySelectorAll('[data-field="' + name + '"]').forEach(function (el) {
      el.textContent = text;
    });
  }

  // The prompt's pictures and sound; redrawn only when they change, so a sound playing is not
  // cut off by the next update of the answer count.
  // A tile's pictures (a choice's), after its text; their alt text joins the tile's name.
  function addPictures(root, tile, entries) {
    var address = root.getAttribute("data-media") || "";
    (entries || []).forEach(function (entry) {
      var img = document.createElement("img");
      img.className = "tile-media";
      img.src = address.replace("SHA256", entry.sha256);
      img.alt = entry.alt;
      tile.appendChild(img);
    });
  }

  function setMedia(root, entries) {
    var address = root.getAttribute("data-media") || "";
    var key = (entries || []).map(function (e) { return e.sha256 + e.alt; }).join(",");
    root.querySelectorAll('[data-field="media"]').forEach(function (box) {
      if (box.getAttribute("data-shown") === key) { return; }
      box.setAttribute("data-shown", key);
      box.textContent = "";
      (entries || []).forEach(function (entry) {
        var image = entry.type.indexOf("image/") === 0;
        var el = document.createElement(image ? "img" : "audio");
        el.className = "item-media";
        el.src = address.replace("SHA256", entry.sha256);
        if (image) { el.alt = entry.alt; } else {
          el.controls = true;
          el.preload = "none";
          if (entry.alt) { el.setAttribute("aria-label", entry.alt); }
        }
        box.appendChild(el);
      });
    });
  }

  /* A word the page gives in its reader's language (data-say-NAME on the game's root), with
     each {name} replaced by values[name]. */
  function say(root, name, values) {
    var text = root.getAttribute("data-say-" + name) || "";
    Object.keys(values || {}).forEach(function (key) {
      text = text.split("{" + key + "}").join(String(values[key]));
    });
    return text;
  }

  function listInto(list, rows, render) {
    list.textContent = "";
    rows.forEach(function (row) {
      var item = document.createElement("li");
      item.textContent = render(row);
      list.appendChild(item);
    });
  }

  window.Live = {connect: connect, postJSON: postJSON, Countdown: Countdown, show: show,
                 setField: setField, setMedia: setMedia, addPictures: addPictures,
                 listInto: listInto, say: say};
})();
