/*
 * The search worker Material's search box talks to (overrides/main.html points `search` here),
 * speaking Material's worker protocol: SETUP (0) → READY (1), QUERY (2) → RESULT (3).
 * The engine (engine.js, a few KB) loads with the page; nothing of the index is downloaded until
 * the reader types, and then only the parts that query needs.
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
