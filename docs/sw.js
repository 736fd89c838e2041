/*
 * Offline reading (issue #19). Registered from the site root by javascripts/offline/register.js,
 * for both editions. hooks/offline.py writes the build's VERSION into the published copy and,
 * for each edition, offline.json: the pages and files a reader needs in a hurry.
 *
 * - When a page has loaded, it asks the worker to save its edition's list (message "save");
 *   when the reader opens the search box, the search index too ("save-search").
 * - Pages (and everything not fingerprinted): network first; if the network has not answered
 *   within TIMEOUT ms, or fails, the saved copy; a page never saved gives the edition's
 *   "not saved on this phone" page. Every good answer is saved as it is read.
 * - Fingerprinted assets (Material's assets/…/name.<hash>.min.js|css): cache first.
 * - Only this site's own GET answers are saved: never another host's, never an error, a
 *   partial (206) or an opaque answer. A new build is a new VERSION: the old cache is deleted
 *   when the new worker takes over.
 */
const VERSION = "dev";
const CACHE = `debtkb-${VERSION}`;
const TIMEOUT = 3000;
const FINGERPRINTED = /\/assets\/.+\.[0-9a-f]{8,}\.min\.(?:js|css)$/;

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith("debtkb-") && n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim())
  );
});

function saveable(response) {
  return response && response.status === 200 && response.type === "basic";
}

function cacheKey(request) {
  const url = new URL(request.url);
  url.search = ""; // ?h= (search highlighting) and ?q= name the same page
  url.hash = "";
  return url.href;
}

async function put(request, response) {
  if (!saveable(response)) return;
  const cache = await caches.open(CACHE);
  await cache.put(cacheKey(request), response);
}

async function save(base, part) {
  const list = await fetch(new URL("offline.json", base), { cache: "no-cache" }).then((r) => (r.ok ? r.json() : null));
  if (!list) return 0;
  const cache = await caches.open(CACHE);
  let saved = 0;
  for (const path of list[part] || []) {
    const url = new URL(path, base).href;
    if (await cache.match(url)) {
      saved += 1;
      continue;
    }
    try {
      const response = await fetch(url, { cache: "no-cache" });
      if (saveable(response)) {
        await cache.put(url, response);
        saved += 1;
      }
    } catch (error) {
      // offline again: the rest is saved on the next visit
    }
  }
  return saved;
}

function isPage(request, url) {
  return request.mode === "navigate" || url.pathname.endsWith("/") || url.pathname.endsWith(".html");
}

function fallbackFor(url) {
  const traditional = /\/zh-Hant\//.test(url.pathname);
  return new URL(traditional ? "zh-Hant/offline/" : "offline/", self.registration.scope).href;
}

async function networkFirst(request, url) {
  const network = fetch(request).then(async (response) => {
    await put(request, response.clone());
    return response;
  });
  const timeout = new Promise((resolve) => setTimeout(resolve, TIMEOUT, null));
  try {
    const first = await Promise.race([network, timeout]);
    if (first) return first;
  } catch (error) {
    // no network: fall through to the saved copy
  }
  const saved = await caches.match(cacheKey(request));
  if (saved) return saved;
  try {
    return await network; // slow but still coming
  } catch (error) {
    if (isPage(request, url)) {
      const fallback = await caches.match(fallbackFor(url));
      if (fallback) return fallback;
    }
    return Response.error();
  }
}

async function cacheFirst(request) {
  const saved = await caches.match(cacheKey(request));
  if (saved) return saved;
  const response = await fetch(request);
  await put(request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin || request.headers.has("range")) return;
  if (url.pathname.endsWith("/sw.js") || url.pathname.endsWith("/livereload.js")) return;
  event.respondWith(FINGERPRINTED.test(url.pathname) ? cacheFirst(request) : networkFirst(request, url));
});

self.addEventListener("message", (event) => {
  // "save": the edition's pages and shell, after a page has loaded; "save-search": its search
  // index, once the reader has opened the search box (javascripts/search/warm.js).
  const parts = { save: "urls", "save-search": "search" };
  if (event.data && event.data.type in parts && typeof event.data.base === "string") {
    const base = new URL(event.data.base, self.registration.scope);
    if (base.origin !== self.location.origin) return;
    const part = parts[event.data.type];
    event.waitUntil(
      save(base.href, part).then((saved) => event.source && event.source.postMessage({ type: part === "urls" ? "saved" : "saved-search", version: VERSION, saved }))
    );
  }
});
