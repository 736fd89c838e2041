/*
 * Offline reading: register the site's service worker (sw.js at the site root) and ask it to save
 * this edition's pages once the page has loaded. The page's <meta name="kb-offline"> says whether
 * to: "off" under `mkdocs serve` (live reload must not be answered from a cache), where any worker
 * left from an earlier build is removed. When saving is done, <html data-offline="saved">.
 */
(() => {
  if (!("serviceWorker" in navigator) || window.__kbOffline) return;
  window.__kbOffline = true;
  const meta = document.querySelector('meta[name="kb-offline"]');
  if (!meta || meta.content !== "on") {
    navigator.serviceWorker.getRegistrations().then((all) => all.forEach((r) => r.unregister()));
    return;
  }
  const root = new URL(meta.dataset.root, location.href);
  const config = JSON.parse(document.getElementById("__config")?.textContent || "{}");
  const base = new URL(config.base || ".", location.href).href;
  navigator.serviceWorker.addEventListener("message", (event) => {
    if (event.data && event.data.type === "saved") document.documentElement.dataset.offline = "saved";
  });
  // A new build's worker takes over and deletes the old cache: save this edition again.
  navigator.serviceWorker.addEventListener("controllerchange", () => navigator.serviceWorker.controller?.postMessage({ type: "save", base }));
  const start = () =>
    navigator.serviceWorker
      .register(new URL("sw.js", root), { scope: root.pathname })
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => registration.active.postMessage({ type: "save", base }))
      .catch((error) => console.warn("offline reading is not available:", error));
  if (document.readyState === "complete") start();
  else window.addEventListener("load", start, { once: true });
})();
