/*
 * When the reader opens the search box (it takes focus), fetch the search index's manifest into
 * the browser's cache, so the worker has it by the time the first word is typed, and ask the
 * offline worker (docs/sw.js) to save the index for reading without a network. Nothing of the
 * index is fetched before that. When it is saved, <html data-offline-search="saved">. Loaded on every page (a few hundred bytes); set up once even if
 * instant navigation runs the script again.
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
    fetch(new URL("search/manifest.json", base)).catch(() => {
      warmed = false;
    });
    navigator.serviceWorker?.controller?.postMessage({ type: "save-search", base });
  });
})();
