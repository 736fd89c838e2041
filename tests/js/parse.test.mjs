// Reading what people type (docs/javascripts/repayment/parse.js): exact values for the ways
// readers write numbers, and NaN (core.js then reports "not a number") for everything else.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";

import { normalize, parseAmount, parseDecimal, parsePercent, parseWhole } from "../../docs/javascripts/repayment/parse.js";

/** Each [text, value] pair: `parse(text)` is exactly `value` (NaN included: assert.equal uses Object.is). */
function expectAll(parse, cases) {
  for (const [text, value] of cases) assert.equal(parse(text), value, `${parse.name}(${JSON.stringify(text)})`);
}

test("normalize: full-width digits and point, separators, spaces and a final 元", () => {
  expectAll(normalize, [
    ["６０，０００．５０元", "60000.50"],
    [" 60,000 ", "60000"],
    ["6 万", "6万"],
    ["18％", "18％"], // percent signs are parsePercent's business
    ["元6", "元6"], // only a final 元
  ]);
});

test("parseAmount: yuan as people write them", () => {
  expectAll(parseAmount, [
    ["60000", 60000],
    ["60,000.5", 60000.5],
    ["６０，０００", 60000],
    ["６．５", 6.5],
    ["6万", 60000],
    ["1.5万", 15000],
    ["６萬元", 60000], // the Traditional edition's 萬
    ["  2万元 ", 20000],
    ["6 万", 60000],
    ["60000元", 60000],
    [".5", 0.5],
    ["5.", 5],
    ["0.01", 0.01],
    ["+5", 5],
    ["-5", -5], // a number: core.js says it must not be negative
  ]);
});

test("parseAmount: anything else is NaN", () => {
  expectAll(parseAmount, [
    ["", NaN],
    ["abc", NaN],
    ["万", NaN],
    ["6万万", NaN],
    ["1e5", NaN],
    ["0x10", NaN],
    ["Infinity", NaN],
    ["1.2.3", NaN],
    ["6千", NaN],
  ]);
});

test("parsePercent: percent → fraction, with or without a (full-width) percent sign", () => {
  expectAll(parsePercent, [
    ["18", 0.18],
    ["18%", 0.18],
    ["１８％", 0.18],
    ["4.35%", 0.0435],
    ["0.6", 0.006],
    ["0", 0],
    ["-1", -0.01], // core.js reports the range
    ["", NaN],
    ["%", NaN],
    ["18%%", NaN],
    ["%18", NaN],
    ["1e2", NaN],
    ["abc", NaN],
  ]);
});

test("parseWhole: digits only, full-width too; no sign, no point", () => {
  expectAll(parseWhole, [
    ["24", 24],
    ["２４", 24],
    [" 36 ", 36],
    ["1,200", 1200],
    ["36元", 36],
    ["0", 0],
    ["1.5", NaN],
    ["24.", NaN],
    ["-3", NaN],
    ["+3", NaN],
    ["1e2", NaN],
    ["", NaN],
    ["abc", NaN],
  ]);
});

test("parseDecimal: the penalty multiplier as typed", () => {
  expectAll(parseDecimal, [
    ["1.5", 1.5],
    ["１．５", 1.5],
    ["2", 2],
    ["", NaN],
    ["1.5倍", NaN],
  ]);
});

test("any plain decimal, written with full-width digits or grouped, reads as itself", () => {
  const fullWidth = (text) => text.replace(/[0-9.]/g, (c) => (c === "." ? "．" : String.fromCharCode(c.charCodeAt(0) + 0xfee0)));
  const grouped = (text) => text.replace(/^(\d+)/, (whole) => whole.replace(/\B(?=(\d{3})+(?!\d))/g, ","));
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
      const text = `${whole}.${String(cents).padStart(2, "0")}`;
      const value = Number(text);
      assert.equal(parseAmount(fullWidth(text)), value);
      assert.equal(parseAmount(grouped(text)), value);
      assert.equal(parseAmount(`${text}元`), value);
      assert.equal(parseWhole(fullWidth(String(whole))), whole);
    }),
  );
});
