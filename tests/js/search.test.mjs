// The search engine's browser half (docs/javascripts/search/engine.js): the same terms as the
// Python index (shared cases), query units, everyday words, ranking and excerpts on a tiny index.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { createSearch, excerpt, fold, foldTable, matches, suggestion, terms, units, variants } from "../../docs/javascripts/search/engine.js";

const CASES = JSON.parse(readFileSync(new URL("../fixtures/search_terms.json", import.meta.url), "utf8"));
const TABLE = foldTable(CASES.table);

for (const c of CASES.cases) {
  test(`fold and terms agree with Python: ${c.text || "empty"}`, () => {
    assert.equal(fold(c.text, TABLE), c.folded);
    assert.deepEqual(terms(c.folded), c.terms);
  });
}

test("a query asks for every pair, and a single character or Latin word as a prefix", () => {
  assert.deepEqual(units("协商还款"), [
    { term: "协商", prefix: false },
    { term: "商还", prefix: false },
    { term: "还款", prefix: false },
  ]);
  assert.deepEqual(units("债 lp"), [
    { term: "债", prefix: true },
    { term: "lp", prefix: true },
  ]);
});

test("an everyday word is searched as its term too", () => {
  assert.deepEqual(variants("怕成老赖", { 老赖: "失信被执行人", 黑户: "征信" }), ["怕成老赖", "怕成失信被执行人"]);
});

test("excerpts mark matches in the page's own script", () => {
  const text = "先說明情況。".repeat(10) + "協商還款是主動找貸款機構";
  const spans = matches(text, ["协商还款"], TABLE);
  assert.deepEqual(spans, [[60, 64]]);
  const html = excerpt(text, spans);
  assert.ok(html.startsWith("…") && html.includes("<mark>協商還款</mark>是主動找貸款機構"), html);
  assert.equal(excerpt("<b>&", []), "&lt;b&gt;&amp;");
});

test("a completion continues what was typed", () => {
  assert.deepEqual(suggestion("失信", ["失信被执行人", "失信"]), ["失信被执行人"]);
  assert.deepEqual(suggestion("失信被执行人", ["失信被执行人"]), []);
  assert.deepEqual(suggestion("  ", ["失信"]), []);
});

function tinyIndex() {
  // doc 0 holds the phrase; doc 1 holds its pairs apart; doc 2 neither.
  const files = {
    "manifest.json": { format: 1, docs: 3, shards: 1, lengths: [10, 10, 10], averageLength: 10, urls: ["a/", "b/", "c/"], titles: ["甲", "乙", "丙"], fold: "協协還还", everyday: { 谈还款: "协商还款" }, completions: ["协商还款"] },
    "s/0.json": {
      协商: [0, 1, 1, 1],
      商还: [0, 1, 1, 1],
      还款: [0, 1, 1, 2],
      逾期: [2, 1],
    },
    "d/0.json": { u: "a/", t: "甲", s: [["", "甲", "可以协商还款"]] },
    "d/1.json": { u: "b/", t: "乙", s: [["", "乙", "协商 商还 还款还款"], ["x", "小节", "无关"]] },
    "d/2.json": { u: "c/", t: "丙", s: [["", "丙", "逾期"]] },
  };
  const asked = [];
  const engine = createSearch(async (path) => {
    asked.push(path);
    if (!(path in files)) throw new Error(`no ${path}`);
    return structuredClone(files[path]);
  });
  return { engine, asked };
}

test("pages holding every pair are found, the one holding the phrase first, in either script", async () => {
  const { engine, asked } = tinyIndex();
  for (const query of ["协商还款", "協商還款", "谈还款"]) {
    const { items } = await engine.search(query);
    assert.deepEqual(items.map((item) => item[0].location), ["a/", "b/"], query);
    assert.equal(items[0][0].text, "可以<mark>协商还款</mark>");
  }
  assert.deepEqual(asked.sort(), ["d/0.json", "d/1.json", "manifest.json", "s/0.json"]); // each file once
  assert.deepEqual((await engine.search("協商")).suggest, []); // completions are in the edition's script
  assert.deepEqual((await engine.search("协商")).suggest, ["协商还款"]);
  assert.deepEqual((await engine.search("无此词")).items, []);
});

test("the ranked pages come first by title, before their text is fetched", async () => {
  const { engine, asked } = tinyIndex();
  let early = null;
  const final = await engine.search("协商还款", (result) => {
    early = { result, asked: [...asked] };
  });
  // ranked by BM25 alone (the phrase check needs the text): b/ holds 还款 twice
  assert.deepEqual(early.result.items.map((item) => [item[0].location, item[0].title, item[0].text]), [["b/", "乙", ""], ["a/", "甲", ""]]);
  assert.ok(!early.asked.some((path) => path.startsWith("d/"))); // no page text fetched yet
  assert.equal(final.items[0][0].location, "a/"); // then the page holding the phrase first
  assert.equal(final.items[0][0].text, "可以<mark>协商还款</mark>");
});

test("results past the shown few are listed by title, without loading their pages", async () => {
  const { engine, asked } = tinyIndex();
  const many = await import("../../docs/javascripts/search/engine.js");
  assert.equal(many.SHOWN, 10);
  const { items } = await engine.search("商");
  assert.deepEqual(items.map((item) => item[0].location), ["a/", "b/"]);
  assert.ok(!asked.includes("d/2.json"));
});
