/**
 * The site's search, in the browser: reads the index written by debtkb/search/index.py.
 *
 * Pure logic plus one injected `load(path)` that returns parsed JSON, so Node tests run it on a
 * built site (tests/js/search.test.mjs) and the worker (worker.js) runs it with fetch.
 *
 * A query is folded (NFKC, lower case, Traditional → Simplified by the site's table) and cut
 * into units: each pair of adjacent Chinese characters must occur (协商还款 → 协商 商还 还款); a
 * single character, or a Latin word, matches every term that starts with it. Pages holding every
 * unit are ranked by BM25; among the results shown, a page holding the query's characters side
 * by side goes first. A reader's everyday word (老赖) is searched as its glossary term too.
 */

const HAN = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff";
const TOKEN = new RegExp(`[${HAN}]+|[a-z0-9]+`, "gu");
const HAN_START = new RegExp(`^[${HAN}]`, "u");
const K1 = 1.2;
const B = 0.75;
export const SHOWN = 10; // results shown with an excerpt (each costs one small document file); the rest by title
const EXCERPT = 110; // characters of text shown under a result
const BEFORE = 28; // of which before the first match

/** "臺台…" pairs from the manifest → Map(Traditional → Simplified). */
export function foldTable(pairs) {
  const table = new Map();
  const chars = [...pairs];
  for (let i = 0; i + 1 < chars.length; i += 2) table.set(chars[i], chars[i + 1]);
  return table;
}

/** Same as debtkb.search.terms.fold. */
export function fold(text, table) {
  let out = "";
  for (const ch of text.normalize("NFKC").toLowerCase()) out += table.get(ch) ?? ch;
  return out;
}

/** Same as debtkb.search.terms.terms: the index terms of folded text. */
export function terms(folded) {
  const out = [];
  for (const [run] of folded.matchAll(TOKEN)) {
    if (HAN_START.test(run)) {
      const chars = [...run];
      for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
      out.push(chars[chars.length - 1]);
    } else {
      out.push(run);
    }
  }
  return out;
}

/** What a folded query asks for: [{term, prefix}], each of which a page must match. */
export function units(folded) {
  const out = new Map();
  for (const [run] of folded.matchAll(TOKEN)) {
    const chars = [...run];
    if (HAN_START.test(run) && chars.length > 1) {
      for (let i = 0; i + 1 < chars.length; i++) out.set(chars[i] + chars[i + 1], { term: chars[i] + chars[i + 1], prefix: false });
    } else {
      out.set(run, { term: run, prefix: true });
    }
  }
  return [...out.values()];
}

/** The runs to look for side by side in a page's text: Chinese runs and Latin words. */
export function needles(folded) {
  return [...new Set([...folded.matchAll(TOKEN)].map(([run]) => run))];
}

/** The query and, for each everyday word it holds, the query with the glossary term instead. */
export function variants(folded, everyday) {
  const out = [folded];
  for (const [word, term] of Object.entries(everyday)) {
    if (folded.includes(word)) out.push(folded.split(word).join(term));
  }
  return out;
}

export function shardOf(term, shards) {
  return term.codePointAt(0) % shards;
}

function bm25(weight, length, df, manifest) {
  const idf = Math.log(1 + (manifest.docs - df + 0.5) / (df + 0.5));
  const norm = 1 - B + (B * length) / (manifest.averageLength || 1);
  return (idf * weight * (K1 + 1)) / (weight + K1 * norm);
}

/** Scores of the pages matching every unit ({doc: score}); all units loaded from `shardsByKey`. */
export function score(unitList, shardsByKey, manifest) {
  let result = null;
  for (const unit of unitList) {
    const shard = shardsByKey.get(shardOf(unit.term, manifest.shards)) || {};
    const scores = new Map();
    for (const [term, postings] of Object.entries(unit.prefix ? shard : { [unit.term]: shard[unit.term] || [] })) {
      if (unit.prefix && !term.startsWith(unit.term)) continue;
      const df = postings.length / 2;
      for (let i = 0; i < postings.length; i += 2) {
        const doc = postings[i];
        const s = bm25(postings[i + 1], manifest.lengths[doc], df, manifest);
        scores.set(doc, Math.max(scores.get(doc) || 0, s));
      }
    }
    if (result === null) {
      result = scores;
    } else {
      const next = new Map();
      for (const [doc, s] of result) if (scores.has(doc)) next.set(doc, s + scores.get(doc));
      result = next;
    }
    if (result.size === 0) break;
  }
  return result || new Map();
}

/** Folded text with, for each folded character, the index of the original character it came from. */
function foldedWithMap(text, table) {
  let folded = "";
  const origin = [];
  const chars = [...text];
  let offset = 0;
  for (const ch of chars) {
    const f = fold(ch, table);
    for (let i = 0; i < f.length; i++) origin.push(offset);
    folded += f;
    offset += ch.length;
  }
  origin.push(offset);
  return { folded, origin };
}

function escapeHtml(s) {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A page's whole text (title, headings, sections) and its folded form, made once per page. */
const pageTexts = new WeakMap();
function pageText(doc, table) {
  let found = pageTexts.get(doc);
  if (!found) {
    const text = doc.t + "\n" + doc.s.map(([, h, t]) => h + "\n" + t).join("\n");
    found = { text, mapped: foldedWithMap(text, table) };
    pageTexts.set(doc, found);
  }
  return found;
}

/** Where the needles occur in text: [[start, end]] in original positions, merged, in order.
 * `mapped`: the text's foldedWithMap, when the caller has it already. */
export function matches(text, needleList, table, mapped = foldedWithMap(text, table)) {
  const { folded, origin } = mapped;
  const spans = [];
  for (const needle of needleList) {
    let at = folded.indexOf(needle);
    while (at !== -1 && needle.length) {
      spans.push([origin[at], origin[at + needle.length]]);
      at = folded.indexOf(needle, at + needle.length);
    }
  }
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push([...s]);
  }
  return merged;
}

/** HTML of text[start, end) with the spans marked. */
function marked(text, spans, start = 0, end = text.length) {
  let out = "";
  let cursor = start;
  for (const [a, b] of spans) {
    if (b <= start || a >= end) continue;
    const s = Math.max(a, start);
    const e = Math.min(b, end);
    out += escapeHtml(text.slice(cursor, s)) + "<mark>" + escapeHtml(text.slice(s, e)) + "</mark>";
    cursor = e;
  }
  return out + escapeHtml(text.slice(cursor, end));
}

/** A short piece of text around its first match, matches marked. */
export function excerpt(text, spans) {
  const first = spans.length ? spans[0][0] : 0;
  const start = Math.max(0, first - BEFORE);
  const end = Math.min(text.length, start + EXCERPT);
  return (start > 0 ? "…" : "") + marked(text, spans, start, end) + (end < text.length ? "…" : "");
}

/** Material's result for one page: the page, and the section holding the query if not the top. */
export function resultItems(doc, needleList, table, score) {
  const full = needleList;
  let best = null;
  for (const [anchor, heading, text] of doc.s) {
    const textMap = foldedWithMap(text, table);
    const headingMap = foldedWithMap(heading, table);
    const inText = matches(text, full, table, textMap);
    const inHeading = matches(heading, full, table, headingMap);
    const found = new Set(full.filter((n) => headingMap.folded.includes(n) || textMap.folded.includes(n)));
    const rank = found.size * 1000 + inText.length + inHeading.length;
    if (!best || rank > best.rank) best = { anchor, heading, text, spans: inText, headingSpans: inHeading, rank, found };
  }
  const termsFound = {};
  const page = pageText(doc, table);
  for (const n of full) {
    const spans = matches(page.text, [n], table, page.mapped);
    termsFound[spans.length ? page.text.slice(spans[0][0], spans[0][1]) : n] = spans.length > 0;
  }
  const title = marked(doc.t, matches(doc.t, full, table));
  if (!best) return [{ location: doc.u, title, text: "", score, terms: termsFound }];
  const text = excerpt(best.text, best.spans);
  if (!best.anchor) return [{ location: doc.u, title, text, score, terms: termsFound }];
  return [
    { location: doc.u, title, text: "", score, terms: termsFound },
    { location: `${doc.u}#${best.anchor}`, title: marked(best.heading, best.headingSpans), text, score, terms: termsFound },
  ];
}

/** A completion that continues what was typed (the longest glossary word that starts with it). */
export function suggestion(query, completions) {
  const typed = query.trim();
  if (!typed) return [];
  const found = completions.find((w) => w.length > typed.length && w.startsWith(typed));
  return found ? [found] : [];
}

/**
 * A search over the index at `load`'s root. `load(path)` resolves to parsed JSON
 * ("manifest.json", "s/3.json", "d/12.json"). Returns {search(query) → {items, suggest}}.
 */
export function createSearch(load) {
  let manifest = null;
  let table = null;
  const shards = new Map();
  const docs = new Map();
  const cached = (map, key, path) => {
    if (!map.has(key)) map.set(key, load(path).catch((e) => { map.delete(key); throw e; }));
    return map.get(key);
  };

  async function ready() {
    if (!manifest) {
      manifest = await load("manifest.json");
      table = foldTable(manifest.fold || "");
    }
    return manifest;
  }

  async function rank(folded) {
    const unitList = units(folded);
    if (!unitList.length) return new Map();
    const keys = [...new Set(unitList.map((u) => shardOf(u.term, manifest.shards)))];
    const loaded = await Promise.all(keys.map((k) => cached(shards, k, `s/${k}.json`)));
    return score(unitList, new Map(keys.map((k, i) => [k, loaded[i]])), manifest);
  }

  /**
   * Results for `query`. `early`, if given, first receives the best pages listed by title alone,
   * as soon as they are ranked (before their text is fetched for the excerpts).
   */
  async function search(query, early) {
    await ready();
    const folded = fold(query, table);
    const tried = variants(folded, manifest.everyday || {});
    const ranked = await Promise.all(tried.map(rank));
    const best = new Map(); // doc → [score, variant]
    ranked.forEach((scores, v) => {
      for (const [doc, s] of scores) if (!best.has(doc) || s > best.get(doc)[0]) best.set(doc, [s, v]);
    });
    const ordered = [...best.entries()].sort((a, b) => b[1][0] - a[1][0] || a[0] - b[0]);
    const top = ordered.slice(0, SHOWN);
    const byTitle = ([doc, [s]]) => [{ location: manifest.urls[doc], title: escapeHtml(manifest.titles[doc]), text: "", score: s, terms: {} }];
    const suggest = suggestion(query, manifest.completions || []);
    if (early && ordered.length) early({ items: top.map(byTitle), suggest }); // the shown few; all of them follow
    const loaded = await Promise.all(top.map(([doc]) => cached(docs, doc, `d/${doc}.json`)));
    const results = top.map(([, [s, v]], i) => {
      const needleList = needles(tried[v]);
      const text = pageText(loaded[i], table).mapped.folded;
      const together = needleList.every((n) => text.includes(n)); // the query's characters side by side
      return { items: resultItems(loaded[i], needleList, table, s * (together ? 2 : 1)), score: s * (together ? 2 : 1) };
    });
    results.sort((a, b) => b.score - a.score);
    return { items: [...results.map((r) => r.items), ...ordered.slice(SHOWN).map(byTitle)], suggest };
  }

  return { search, ready };
}
