// Lectern's service worker: the site works offline after one visit.
//
// - The app shell (index.html, the loader, the wasm, the CSS, icons, manifest) is cached
//   on install, in a cache named by the build's version; scripts/stamp-worker.sh writes
//   VERSION and SHELL below when the site is built (this file keeps a stable URL).
// - Corpus files (corpus/…) are named by their content: each is cached the first time it
//   is fetched, and served from the cache ever after. "Save for offline" in the app fetches
//   all of them.
// - A new deployment installs beside the old one and waits: the page offers "A new version
//   is ready", and only when the reader reloads does the new version take over (the page
//   asks with a "skip-waiting" message). The old version's files stay until then, so a
//   page is never served half old, half new.
// - The page tells the worker which corpus files the current build names ("corpus-files"):
//   the others are dropped from the cache.

const VERSION = "__LECTERN_VERSION__";
const SHELL = __LECTERN_SHELL__;
const SHELL_CACHE = `lectern-shell-${VERSION}`;
const CORPUS_CACHE = "lectern-corpus";
const SCOPE = new URL(self.registration.scope);

/// How a shell file is fetched on install: a file named by its content (Trunk's hashes) may
/// come from the HTTP cache, where the page just put it; any other (index.html, the
/// manifest, icons) is revalidated, so the cache holds this version's.
function freshness(path) {
  return /-[0-9a-f]{16}(_bg)?\.[a-z]+$/.test(path) ? "default" : "no-cache";
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(SHELL_CACHE).then((cache) =>
      cache.addAll(SHELL.map((path) => new Request(new URL(path, SCOPE), { cache: freshness(path) })))
    )
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith("lectern-shell-") && k !== SHELL_CACHE).map((k) => caches.delete(k))
        )
      )
      .then(() => self.clients.claim())
  );
});

self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type === "skip-waiting") {
    self.skipWaiting();
  } else if (data.type === "corpus-files" && Array.isArray(data.files)) {
    event.waitUntil(prune(new Set(data.files.map((f) => new URL(f, SCOPE).href))));
  }
});

/// Drops cached corpus files the current build no longer names.
async function prune(current) {
  const cache = await caches.open(CORPUS_CACHE);
  for (const request of await cache.keys()) {
    if (!current.has(request.url)) {
      await cache.delete(request);
    }
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return;
  const path = url.pathname.slice(SCOPE.pathname.length);
  if (path.startsWith("corpus/")) {
    event.respondWith(corpusFile(request));
  } else if (request.mode === "navigate") {
    // Any page of the app is index.html (the routes are in the hash).
    event.respondWith(shellFile(new Request(new URL("index.html", SCOPE)), request));
  } else {
    event.respondWith(shellFile(request, request));
  }
});

/// A corpus file: from the cache, else fetched and kept (its name changes with its content).
async function corpusFile(request) {
  const cache = await caches.open(CORPUS_CACHE);
  const cached = await cache.match(request, { ignoreSearch: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

/// A file of this version's shell: from its cache, else from the network.
async function shellFile(key, request) {
  const cached = await caches.match(key, { cacheName: SHELL_CACHE, ignoreSearch: true });
  return cached || fetch(request);
}
