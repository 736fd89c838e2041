// The schedule's CSV file (docs/javascripts/repayment/csv.js): the exact text a spreadsheet opens.
import { test } from "node:test";
import assert from "node:assert/strict";

import { schedule } from "../../docs/javascripts/repayment/core.js";
import { toCsv } from "../../docs/javascripts/repayment/csv.js";

test("a two-month plan: BOM, the column heads, one row a period, plain yuan, CRLF", () => {
  // 1,000 yuan at 12 % (1 % a month), 等额本金: 500 principal a month plus 10.00, then 5.00 interest.
  const plan = schedule({ principal: 1000, annualRate: 0.12, months: 2, method: "equal-principal" });
  assert.equal(toCsv(plan), "\ufeff期数,还款额,本金,利息,剩余本金\r\n1,510.00,500.00,10.00,500.00\r\n2,505.00,500.00,5.00,0.00\r\n");
});

test("amounts keep every fen and are never grouped (a comma would start a new column)", () => {
  const plan = { payments: [{ period: 1, payment: 123_456_789, principal: 123_456_784, interest: 5, balance: 0 }] };
  assert.equal(toCsv(plan), "\ufeff期数,还款额,本金,利息,剩余本金\r\n1,1234567.89,1234567.84,0.05,0.00\r\n");
});
