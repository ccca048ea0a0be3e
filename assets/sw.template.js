// dudong's service worker: after the first visit the app works with the
// network off. scripts/make-sw.py writes dist/sw.js from this template after
// every build, filling in the three constants below. VERSION is a hash of
// every built file (and of this template), so a new build is a new worker:
// it installs beside the old one, waits until the reader reloads (the page
// offers "Reload"), then deletes the old build's cache.
const VERSION = '__VERSION__';
// Every file the build wrote ({path: content hash}), kept when the worker installs.
const PRECACHE = __PRECACHE__;
// Large files ({path: content hash}) kept the first time they are needed
// rather than at install: the card dictionary. The hash is in the cache's
// name, so an unchanged dictionary survives a new build of the app.
const LAZY = __LAZY__;

const APP_CACHE = `dudong-app-${VERSION}`;
const lazyCacheName = (path) => `dudong-data-${path}-${LAZY[path]}`;
const scoped = (path) => new URL(path, self.registration.scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(APP_CACHE);
    const kept = await Promise.all(Object.entries(PRECACHE).map(([path, hash]) => fetchBuilt(path, hash)));
    // All or nothing: a build that cannot be kept whole is tried again on the next visit.
    await Promise.all(kept.map(([url, response]) => cache.put(url, response)));
  })());
});

/** A file of this build: the HTTP cache's copy (the page has just loaded
 * it) when its hash matches, else the server's. Throws when neither is this
 * build's file (a newer build was deployed meanwhile), so builds never mix. */
async function fetchBuilt(path, hash) {
  const url = scoped(path);
  for (const mode of ['force-cache', 'no-cache']) {
    const response = await fetch(new Request(url, { cache: mode }));
    if (response.ok && await contentHash(await response.clone().arrayBuffer()) === hash) return [url, response];
  }
  throw new Error(`${path} is not this build's`);
}

self.addEventListener('activate', (event) => {
  const keep = new Set([APP_CACHE, ...Object.keys(LAZY).map(lazyCacheName)]);
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('dudong-') && !keep.has(name)) await caches.delete(name);
    }
    // The first visit's page is controlled at once, without a reload.
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') {
    // The reader chose to reload into the new build.
    self.skipWaiting();
  } else if (event.data === 'keep-data') {
    // The page asks for the large files once it is controlled: on the first
    // visit it fetched the dictionary before this worker was in charge.
    event.waitUntil(Promise.all(Object.keys(LAZY).map(keepLazy)));
  }
});

async function keepLazy(path) {
  const cache = await caches.open(lazyCacheName(path));
  const url = scoped(path);
  if (await cache.match(url)) return;
  // The page has usually just downloaded the file: keeping the HTTP cache's
  // copy spares the reader downloading 4 MB twice.
  const [, response] = await fetchBuilt(path, LAZY[path]);
  await cache.put(url, response);
}

/** The first 16 hex digits of the SHA-256 of `bytes`, as make-sw.py lists them. */
async function contentHash(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...digest.slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  event.respondWith(respond(request, url));
});

async function respond(request, url) {
  const app = await caches.open(APP_CACHE);
  // Any page address (with a query, or a link's fragment) is the one page.
  if (request.mode === 'navigate') {
    const page = await app.match(scoped('index.html'));
    if (page) return page;
    return fetch(request);
  }
  const hit = await app.match(request, { ignoreSearch: true });
  if (hit) return hit;
  const path = url.href.startsWith(self.registration.scope) ? url.href.slice(self.registration.scope.length) : null;
  if (path !== null && Object.hasOwn(LAZY, path)) {
    const cache = await caches.open(lazyCacheName(path));
    const kept = await cache.match(url.href);
    if (kept) return kept;
    const response = await fetch(request);
    if (response.ok) await cache.put(url.href, response.clone());
    return response;
  }
  return fetch(request);
}
