/*
 * When the reader opens the search box (it takes focus), fetch the search index's manifest into
 * the browser's cache, so the worker has it by the time the first word is typed. Nothing of the
 * index is fetched before that. Loaded on every page (a few hundred bytes); set up once even if
 * instant navigation runs the script again.
 */
(() => {
  if (window.__kbSearchWarm) return;
  window.__kbSearchWarm = true;
  let warmed = false;
  document.addEventListener("focusin", (event) => {
    if (warmed || !(event.target instanceof HTMLInputElement) || !event.target.matches(".md-search__input")) return;
    warmed = true;
    const config = JSON.parse(document.getElementById("__config")?.textContent || "{}");
    fetch(new URL("search/manifest.json", new URL(config.base || ".", location.href))).catch(() => {
      warmed = false;
    });
  });
})();
