/*
 * The search worker Material's search box talks to (overrides/main.html points `search` here),
 * speaking Material's worker protocol: SETUP (0) → READY (1), QUERY (2) → RESULT (3).
 * The engine (engine.js, a few KB) loads with the page; nothing of the index is downloaded until
 * the reader opens the search box (warm.js then says so on the "debtkb-search" channel, and the
 * manifest is fetched and read before the first key), and with each query only the parts it needs.
 */
const SETUP = 0;
const READY = 1;
const QUERY = 2;
const RESULT = 3;
const INDEX = new URL("../../search/", self.location.href);
let engine = null;
let latest = 0;

function search() {
  if (!engine) {
    engine = import(new URL("engine.js", self.location.href).href).then(({ createSearch }) =>
      createSearch((path) =>
        fetch(new URL(path, INDEX)).then((response) => {
          if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
          return response.json();
        })
      )
    );
    engine.catch(() => { engine = null; }); // try again with the next query (e.g. back online)
  }
  return engine;
}

// Opening the box, told by warm.js (Material's protocol has no message for it). Only this
// worker's own index: another tab of the other edition shares the channel.
if (typeof BroadcastChannel === "function") {
  new BroadcastChannel("debtkb-search").addEventListener("message", ({ data }) => {
    if (data && data.type === "open" && data.index === INDEX.href) search().then((e) => e.ready()).catch(() => {});
  });
}

self.addEventListener("message", async ({ data }) => {
  if (data.type === SETUP) {
    search(); // the engine's code (a few KB) loads now; the index only with the first query
    self.postMessage({ type: READY });
  } else if (data.type === QUERY) {
    const mine = ++latest;
    const query = String(data.data || "");
    let result = { items: [] };
    if (query.trim()) {
      try {
        const engine = await search();
        // The pages, by title, as soon as they are ranked; then again with excerpts.
        result = await engine.search(query, (early) => mine === latest && self.postMessage({ type: RESULT, data: early }));
      } catch (error) {
        console.error("search:", error);
      }
    }
    if (mine === latest) self.postMessage({ type: RESULT, data: result }); // only the newest query's results
  }
});
