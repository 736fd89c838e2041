// Run Material's own search worker (the file the site ships) in Node on a built site's index.
//   node tests/tools/material_search.mjs SITE_DIR QUERY...   → JSON { query: [page locations, best first] }
// The worker is loaded unmodified into a VM context that stands in for a Web Worker, so results
// (segmentation, prefix matching, ranking) are exactly what a reader's browser computes.
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";

const [site, ...queries] = process.argv.slice(2);
const dir = path.join(site, "assets", "javascripts", "workers");
const file = fs.readdirSync(dir).find((name) => /^search\..*\.min\.js$/.test(name));
const index = JSON.parse(fs.readFileSync(path.join(site, "search", "search_index.json"), "utf8"));

const listeners = [];
const replies = [];
const context = { console, setTimeout, clearTimeout, URL, TextEncoder, TextDecoder, addEventListener: (_, fn) => listeners.push(fn), postMessage: (m) => replies.push(m) };
context.self = context;
vm.createContext(context);
vm.runInContext(fs.readFileSync(path.join(dir, file), "utf8"), context);

async function send(message) {
  replies.length = 0;
  await Promise.all(listeners.map((fn) => fn({ data: message })));
  while (!replies.length) await new Promise((resolve) => setTimeout(resolve, 0));
  return replies[0];
}

await send({ type: 0, data: { config: index.config, docs: index.docs, options: { suggest: false } } });
const out = {};
for (const query of queries) {
  const reply = await send({ type: 2, data: query });
  out[query] = reply.data.items.map((group) => group[0].location.split("#")[0]);
}
console.log(JSON.stringify(out));
