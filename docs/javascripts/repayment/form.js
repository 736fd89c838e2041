// The main form's five fields as texts ↔ the loan core.js computes (pure, no DOM).
import { loanErrors, schedule } from "./core.js";
import { parseAmount, parsePercent, parseWhole } from "./parse.js";

/** The form's fields, in the order it shows them and the address lists them. */
export const FIELDS = ["principal", "rate", "months", "method", "fee"];

const PARSERS = { principal: parseAmount, rate: parsePercent, months: parseWhole, fee: parsePercent, method: (text) => text };
const LOAN_KEYS = { principal: "principal", rate: "annualRate", months: "months", method: "method", fee: "monthlyFeeRate" };
const FIELD_OF_LOAN_KEY = Object.fromEntries(Object.entries(LOAN_KEYS).map(([field, key]) => [key, field]));

/** 0.18 → "18" as a reader types it (to 1e-6 %, the precision core.js uses). */
const percentText = (rate) => String(Math.round(rate * 1e8) / 1e6);

/** The build's options (data-kb-calc) → the texts the form starts with. */
export function initialTexts(config) {
  return {
    principal: String(config.principal),
    rate: percentText(config.annualRate),
    months: String(config.months),
    method: config.method,
    fee: percentText(config.monthlyFeeRate),
  };
}

/** Form texts → the loan core.js expects (numbers may be NaN; core.js says what is wrong). */
export function loanFromTexts(texts) {
  const loan = {};
  for (const field of FIELDS) loan[LOAN_KEYS[field]] = PARSERS[field](texts[field] ?? "");
  return loan;
}

/** { field: error code } for everything wrong with these form texts (empty when valid). */
export function fieldErrors(texts) {
  const codes = {};
  for (const [key, error] of Object.entries(loanErrors(loanFromTexts(texts)))) codes[FIELD_OF_LOAN_KEY[key]] = error.code;
  return codes;
}

/** Form texts → the loan, its errors, and its plan (null while any field is wrong). */
export function planFromTexts(texts) {
  const errors = fieldErrors(texts);
  const loan = loanFromTexts(texts);
  if (loan.method !== "flat-fee") loan.monthlyFeeRate = 0; // a hidden fee field never counts
  return { loan, errors, plan: Object.keys(errors).length ? null : schedule(loan) };
}
