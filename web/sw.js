// Linli's service worker: keeps the app's files so it opens with no network after the
// first visit. Written into build/web/ by scripts/lib/make_sw.py, which fills in the
// version (a hash of the files) and the list: a new build is a new cache, installed on
// the next visit while the data in IndexedDB stays where it is.
const VERSION = '%VERSION%';
const FILES = %FILES%;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(VERSION).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k !== VERSION).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(caches.open(VERSION).then((cache) =>
    cache.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request).then((response) => {
      // Files fetched later (a font fallback, say) are kept too, for the next offline start.
      if (response.ok && new URL(request.url).pathname.startsWith(new URL('./', self.location).pathname))
        cache.put(request, response.clone());
      return response;
    })).catch(() => (request.mode === 'navigate' ? cache.match('./') : Response.error()))));
});
