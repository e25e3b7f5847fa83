// Installs quizapp's service worker, which keeps the offline study page and the app shell so a
// learner can study with no network. Its address and scope come from the script tag (the app
// may be mounted under a path). Browsers without service workers skip this.
(function () {
  const script = document.currentScript;
  if (!("serviceWorker" in navigator) || !script) return;
  navigator.serviceWorker
    .register(script.dataset.worker, { scope: script.dataset.scope })
    .catch(() => {
      // Not fatal: the app works online without it (e.g. on plain http away from localhost).
    });
})();
