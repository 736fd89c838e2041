// Run the site's search engine (docs/javascripts/search/engine.js) on a built site, as the
// browser's worker does but reading files: node site_search.mjs <search dir> <query>…
// Prints {query: [[location of each result item]…]} as JSON.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { createSearch } from "../../docs/javascripts/search/engine.js";

const [dir, ...queries] = process.argv.slice(2);
const engine = createSearch(async (path) => JSON.parse(await readFile(join(dir, path), "utf8")));
const out = {};
for (const q of queries) {
  const { items, suggest } = await engine.search(q);
  out[q] = { pages: items.map((item) => item[0].location), items, suggest };
}
process.stdout.write(JSON.stringify(out));
