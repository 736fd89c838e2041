// Numbers and plans → the words readers see (pure; every word comes from strings.js).
import { formatFen } from "./core.js";
import { STRINGS as S, format } from "./strings.js";

/** Integer fen → "60,000.00". */
export const yuan = (fen) => formatFen(fen);

/** Integer fen → "60000.00": for CSV and for the values the panels fill in. */
export const plainYuan = (fen) => formatFen(fen, { grouping: false });

/** 0.18 → "18.00%". */
export const percent = (rate) => `${(rate * 100).toFixed(2)}%`;

/** The schedule's column heads, shared by the table and the CSV file. */
export const SCHEDULE_HEADS = [S.schedule.period, S.schedule.payment, S.schedule.principal, S.schedule.interest, S.schedule.balance];

/**
 * The one lookup from an error code (core.js's InputError codes, loanErrors' codes) to what the
 * reader is told; a code without its own words (e.g. "day-basis") reads as "please enter a number".
 */
export function errorMessage(code) {
  return S.errors[code] ?? S.errors["not-a-number"];
}

/** What a plan asks for each month, in words: one amount, first and last, or all at the end. */
export function describePayment(plan) {
  const first = plan.payments[0].payment;
  const last = plan.payments.at(-1).payment;
  if (plan.method === "bullet") return format(S.summary.bulletPayment, { last: yuan(last) });
  if (plan.method === "interest-only") return format(S.summary.interestOnly, { first: yuan(first), last: yuan(last) });
  if (first === last) return format(S.summary.yuan, { amount: yuan(first) });
  return format(S.summary.paymentRange, { first: yuan(first), last: yuan(last) });
}
