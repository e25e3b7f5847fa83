// quizapp's service worker (rendered by quizapp/offline/routes.py at /sw.js, scope: the app).
// It keeps the app shell and the offline study page in a cache named after their version, so
// an update installs a new cache and removes the old. Pages come from the network first; when
// it fails, a page of the app falls back to the offline study page, which reads its cards and
// queue from IndexedDB. POSTs and everything outside the shell go to the network untouched.
const VERSION = {{ version|tojson }};
const CACHE = "quizapp-shell-" + VERSION;
const OFFLINE_PAGE = {{ offline_page|tojson }};
const SHELL = {{ shell|tojson }};

// The offline page is fetched without cookies: the cached shell names no learner.
const offlinePageRequest = () => new Request(OFFLINE_PAGE, { credentials: "omit" });

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll([...SHELL, offlinePageRequest()]))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(
        names.filter((name) => name.startsWith("quizapp-shell-") && name !== CACHE)
          .map((name) => caches.delete(name))
      ))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (SHELL.includes(url.pathname)) {
    event.respondWith(caches.match(url.pathname).then((hit) => hit || fetch(request)));
  } else if (request.mode === "navigate") {
    event.respondWith(
      fetch(request).catch(() => caches.match(OFFLINE_PAGE, { ignoreSearch: true }))
    );
  }
});
