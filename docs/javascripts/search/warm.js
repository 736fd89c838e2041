/*
 * When the reader opens the search box (it takes focus), tell the search worker (worker.js, on
 * the "debtkb-search" channel) to fetch and read the index's manifest, so it is ready by the
 * time the first word is typed, and ask the offline worker (docs/sw.js) to save the index for
 * reading without a network. Nothing of the index is fetched before that. When it is saved,
 * <html data-offline-search="saved">. Loaded on every page (a few hundred bytes); set up once
 * even if instant navigation runs the script again.
 */
(() => {
  if (window.__kbSearchWarm) return;
  window.__kbSearchWarm = true;
  let warmed = false;
  navigator.serviceWorker?.addEventListener("message", (event) => {
    if (event.data && event.data.type === "saved-search") document.documentElement.dataset.offlineSearch = "saved";
  });
  document.addEventListener("focusin", (event) => {
    if (warmed || !(event.target instanceof HTMLInputElement) || !event.target.matches(".md-search__input")) return;
    warmed = true;
    const config = JSON.parse(document.getElementById("__config")?.textContent || "{}");
    const base = new URL(config.base || ".", location.href).href;
    const index = new URL("search/", base).href;
    if (typeof BroadcastChannel === "function") {
      const channel = new BroadcastChannel("debtkb-search");
      channel.postMessage({ type: "open", index });
      channel.close();
    } else {
      fetch(new URL("manifest.json", index)).catch(() => { warmed = false; }); // at least in the cache
    }
    navigator.serviceWorker?.controller?.postMessage({ type: "save-search", base });
  });
})();
