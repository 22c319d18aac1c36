// Linli's service worker: keeps the app's files so it opens with no network after the
// first visit. Written into build/web/ by scripts/lib/make_sw.py, which fills in the
// version (a hash of the files) and the list: a new build is a new cache, installed on
// the next visit while the data in IndexedDB stays where it is.
const VERSION = '%VERSION%';
const FILES = %FILES%;

self.addEventListener('install', (event) => {
  // 'no-cache': asked of the server, not taken from the HTTP cache (which may hold the last
  // version); the page has just fetched them, so the server answers 304 and nothing moves.
  const requests = FILES.map((url) => new Request(url, { cache: 'no-cache' }));
  event.waitUntil(caches.open(VERSION).then((cache) => cache.addAll(requests)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k !== VERSION).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  // Only ever this version's cache, and never (re)created here: an old worker still
  // answering a page during an update must not bring back the cache just deleted.
  const mine = { ignoreSearch: true, cacheName: VERSION };
  event.respondWith(caches.match(request, mine).then((hit) => hit || fetch(request).then((response) => {
    // Files fetched later (a font fallback, say) are kept too, for the next offline start.
    if (response.ok && new URL(request.url).pathname.startsWith(new URL('./', self.location).pathname)) {
      const copy = response.clone();
      caches.has(VERSION).then((has) => has && caches.open(VERSION).then((cache) => cache.put(request, copy)));
    }
    return response;
  })).catch(() => (request.mode === 'navigate' ? caches.match('./', mine) : Response.error())));
});
