// The calculator's form and address, without a browser: the texts it starts with, the errors it
// shows (docs/javascripts/repayment/form.js, display.js), and the URL parameters (url.js).
import { test } from "node:test";
import assert from "node:assert/strict";

import { errorMessage } from "../../docs/javascripts/repayment/display.js";
import { fieldErrors, initialTexts, planFromTexts } from "../../docs/javascripts/repayment/form.js";
import { hrefWithTexts, paramName, textsFromQuery } from "../../docs/javascripts/repayment/url.js";

const DEFAULTS = initialTexts({ principal: 60000, annualRate: 0.18, months: 24, method: "equal-installment", monthlyFeeRate: 0 });

test("the build's options become the texts a reader would type", () => {
  assert.deepEqual(DEFAULTS, { principal: "60000", rate: "18", months: "24", method: "equal-installment", fee: "0" });
  assert.deepEqual(initialTexts({ principal: 1234.5, annualRate: 0.0435, months: 6, method: "flat-fee", monthlyFeeRate: 0.006 }), {
    principal: "1234.5",
    rate: "4.35",
    months: "6",
    method: "flat-fee",
    fee: "0.6",
  });
  const precise = initialTexts({ principal: 1, annualRate: 0.123456, months: 1, method: "flat-fee", monthlyFeeRate: 0.00375 });
  assert.deepEqual([precise.rate, precise.fee], ["12.3456", "0.375"]); // rates to 1e-6 %, as core.js uses them
});

test("errors are reported by form field, and only for the fields the method uses", () => {
  assert.deepEqual(fieldErrors(DEFAULTS), {});
  assert.deepEqual(fieldErrors({ ...DEFAULTS, principal: "abc", months: "700", fee: "x" }), { principal: "not-a-number", months: "months-range" });
  assert.deepEqual(fieldErrors({ ...DEFAULTS, method: "flat-fee", rate: "x", fee: "200" }), { fee: "rate-range" });
  assert.deepEqual(fieldErrors({ ...DEFAULTS, principal: "0", method: "balloon" }), { principal: "zero", method: "unknown-method" });
});

test("a plan only while every field is right; a hidden fee never counts", () => {
  assert.equal(planFromTexts({ ...DEFAULTS, months: "0" }).plan, null);
  const { loan, plan } = planFromTexts({ ...DEFAULTS, fee: "0.6" });
  assert.equal(loan.monthlyFeeRate, 0);
  assert.equal(plan.payments[0].payment, 299_545);
});

test("one lookup from error code to words; codes without their own words read as 请填写数字", () => {
  assert.equal(errorMessage("months-range"), "须是 1 到 600 之间的整数");
  assert.equal(errorMessage("multiplier-range"), "须在 1 到 10 之间");
  assert.equal(errorMessage("day-basis"), "请填写数字");
  assert.equal(errorMessage("not-integer"), "请填写数字");
});

test("parameter names: the first calculator's are plain, the others' numbered", () => {
  assert.equal(paramName("months", 1), "months");
  assert.equal(paramName("months", 2), "months-2");
});

test("values from the address are checked like typed ones; bad ones are named, never kept", () => {
  const search = "?months=36&rate=500&principal=6%E4%B8%87&fee=0.5&method=bullet&months-2=3";
  assert.deepEqual(textsFromQuery(search, 1, DEFAULTS), { values: { principal: "6万", months: "36", method: "bullet", fee: "0.5" }, ignored: ["rate"] });
  assert.deepEqual(textsFromQuery(search, 2, DEFAULTS), { values: { months: "3" }, ignored: [] });
  assert.deepEqual(textsFromQuery("?method=balloon&fee=200", 1, DEFAULTS), { values: {}, ignored: ["method", "fee"] });
  const long = `${"0".repeat(35)}60000`; // 40 characters: a parameter is cut there before it is checked
  assert.deepEqual(textsFromQuery(`?principal=${long}x`, 1, DEFAULTS), { values: { principal: long }, ignored: [] });
  assert.deepEqual(textsFromQuery("", 1, DEFAULTS), { values: {}, ignored: [] });
});

test("the address gets the normalized texts, and the fee only for 等本等息", () => {
  const texts = { principal: "６万", rate: "18", months: "24", method: "equal-installment", fee: "0.6" };
  assert.equal(hrefWithTexts("https://x.test/calculator/?a=1#top", 1, texts), "https://x.test/calculator/?a=1&principal=6%E4%B8%87&rate=18&months=24&method=equal-installment#top");
  const flat = { ...texts, principal: "60,000", method: "flat-fee" };
  assert.equal(hrefWithTexts("https://x.test/calculator/?fee-2=1", 2, flat), "https://x.test/calculator/?fee-2=0.6&principal-2=60000&rate-2=18&months-2=24&method-2=flat-fee");
  assert.equal(hrefWithTexts("https://x.test/calculator/?fee-2=1", 2, { ...flat, method: "bullet" }), "https://x.test/calculator/?principal-2=60000&rate-2=18&months-2=24&method-2=bullet");
});
