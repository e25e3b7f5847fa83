// The offline page's storage: IndexedDB, which survives a closed tab and a restarted phone.
// "kv" keeps the download (deck, quiz) and what was done with it; "queue" keeps every rating
// and answer until the server has it, keyed by its idempotency key. Each write resolves only
// once its transaction is complete (durability "strict": on disk), so the page moves on after
// the event is safe.
(function () {
  const NAME = "quizapp-offline";
  let opened = null;

  function open() {
    if (opened) return opened;
    opened = new Promise((resolve, reject) => {
      const request = indexedDB.open(NAME, 1);
      request.onupgradeneeded = () => {
        const db = request.result;
        db.createObjectStore("kv");
        db.createObjectStore("queue", { keyPath: "key" });
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    return opened;
  }

  // Runs `work(stores)` in one transaction and resolves with its result once it is committed.
  async function transaction(names, mode, work) {
    const db = await open();
    return new Promise((resolve, reject) => {
      const tx = db.transaction(names, mode, { durability: "strict" });
      const stores = Object.fromEntries(names.map((name) => [name, tx.objectStore(name)]));
      let result;
      Promise.resolve(work(stores)).then((value) => { result = value; });
      tx.oncomplete = () => resolve(result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error || new Error("The write was aborted."));
    });
  }

  const asPromise = (request) => new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

  function randomKey() {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  window.offlineStore = {
    randomKey,
    get: (key) => transaction(["kv"], "readonly", (s) => asPromise(s.kv.get(key))),
    put: (key, value) => transaction(["kv"], "readwrite", (s) => { s.kv.put(value, key); }),
    // An event and the page's progress, written together: both or neither.
    record: (event, progressKey, progress) => transaction(["kv", "queue"], "readwrite", (s) => {
      s.queue.add(event);
      s.kv.put(progress, progressKey);
    }),
    queued: () => transaction(["queue"], "readonly", (s) => asPromise(s.queue.getAll())),
    forget: (keys) => transaction(["queue"], "readwrite", (s) => {
      keys.forEach((key) => s.queue.delete(key));
    }),
  };
})();
