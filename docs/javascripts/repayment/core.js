// Repayment arithmetic: pure functions, no DOM, no dependencies. Used by the widget, by other
// pages and by the tests (Node 20: `import { schedule } from "./core.js"`).
//
// Money is integers in fen (1 yuan = 100 fen). Convention (also stated on every calculator):
// - monthly rate = annual rate / 12;
// - each period's interest = balance × monthly rate, rounded half-up to the fen;
// - 等额本息: the payment is the exact annuity rounded half-up to the fen;
// - 等额本金 and 等本等息: the principal part is principal / months rounded half-up;
// - no period repays more principal than is left, and the last period repays all that is left,
//   so the principal parts add up to the principal exactly and the final balance is 0.
// Rates are used to 8 decimal places (0.000001 %); interest is computed exactly in integers.

export const METHODS = Object.freeze(["equal-installment", "equal-principal", "interest-only", "bullet", "flat-fee"]);
export const MAX_PRINCIPAL_YUAN = 100_000_000; // 1 亿元: far above any consumer loan, safe for integer fen
export const MAX_MONTHS = 600;
const RATE_SCALE = 100_000_000; // rates as integers of 1e-8
const RATE_SCALE_BIG = BigInt(RATE_SCALE);

/** A bad input: `field` names the option, `message` says why (in English; the widget translates by `code`). */
export class InputError extends Error {
  constructor(field, code, message) {
    super(`${field}: ${message}`);
    this.name = "InputError";
    this.field = field;
    this.code = code;
  }
}

function finite(field, value) {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new InputError(field, "not-a-number", `must be a finite number, got ${String(value)}`);
  }
  return value;
}

/** Yuan (at most 2 decimals) → integer fen. */
export function yuanToFen(yuan, field = "principal") {
  finite(field, yuan);
  if (yuan < 0) throw new InputError(field, "negative", "must not be negative");
  if (yuan > MAX_PRINCIPAL_YUAN) throw new InputError(field, "too-large", `must be at most ${MAX_PRINCIPAL_YUAN} yuan`);
  const fen = Math.round(yuan * 100);
  if (Math.abs(fen - yuan * 100) > 1e-6 * Math.max(1, yuan)) {
    throw new InputError(field, "sub-fen", "must not have more than 2 decimal places (whole fen)");
  }
  return fen;
}

function checkRate(field, rate) {
  finite(field, rate);
  if (rate < 0 || rate > 1) throw new InputError(field, "rate-range", "must be between 0 and 1 (0 % to 100 %)");
  return Math.round(rate * RATE_SCALE); // integer, units of 1e-8
}

function checkMonths(months, field = "months") {
  if (!Number.isInteger(months) || months < 1 || months > MAX_MONTHS) {
    throw new InputError(field, "months-range", `must be a whole number from 1 to ${MAX_MONTHS}, got ${String(months)}`);
  }
  return months;
}

/** round(a × b / d) half-up, for non-negative integers; exact (BigInt when the product is large). */
export function mulDivRound(a, b, d) {
  const product = a * b;
  if (Number.isSafeInteger(product)) {
    const q = Math.floor(product / d);
    const r = product - q * d;
    return 2 * r >= d ? q + 1 : q;
  }
  const big = BigInt(a) * BigInt(b);
  const bd = BigInt(d);
  const q = big / bd;
  return Number(2n * (big - q * bd) >= bd ? q + 1n : q);
}

/** Round half-up a non-negative float amount of fen that is not an exact ratio of integers. */
function roundHalfUp(x) {
  return Math.floor(x + 0.5 + Math.abs(x) * 1e-13);
}

/** Interest on `balanceFen` for one month at annual rate `rateScaled` (1e-8 units), half-up. */
function monthlyInterest(balanceFen, rateScaled) {
  return mulDivRound(balanceFen, rateScaled, 12 * RATE_SCALE);
}

function annuityPayment(principalFen, rateScaled, months) {
  if (rateScaled === 0) return mulDivRound(principalFen, 1, months);
  const r = rateScaled / RATE_SCALE / 12;
  const growth = Math.pow(1 + r, months);
  return roundHalfUp((principalFen * r * growth) / (growth - 1));
}

function rows(principalFen, months, partFor) {
  // partFor(period, balance) → { principal, interest } before capping; the last period takes the rest.
  const payments = [];
  let balance = principalFen;
  for (let period = 1; period <= months; period++) {
    const part = partFor(period, balance);
    const principal = period === months ? balance : Math.min(Math.max(part.principal, 0), balance);
    balance -= principal;
    payments.push({ period, payment: principal + part.interest, principal, interest: part.interest, balance });
  }
  return payments;
}

/**
 * Every problem with a loan's inputs at once, as { field: InputError } (empty when valid), so a
 * form can mark each bad field. `annualRate` is not checked for 等本等息, `monthlyFeeRate` only for it.
 */
export function loanErrors({ principal, annualRate = 0, months, method, monthlyFeeRate = 0 } = {}) {
  const checks = {
    method: () => {
      if (!METHODS.includes(method)) {
        throw new InputError("method", "unknown-method", `must be one of ${METHODS.join(", ")}, got ${String(method)}`);
      }
    },
    principal: () => {
      if (yuanToFen(principal) === 0) throw new InputError("principal", "zero", "must be greater than 0");
    },
    months: () => checkMonths(months),
    annualRate: () => method === "flat-fee" || checkRate("annualRate", annualRate),
    monthlyFeeRate: () => method !== "flat-fee" || checkRate("monthlyFeeRate", monthlyFeeRate),
  };
  const errors = {};
  for (const [field, check] of Object.entries(checks)) {
    try {
      check();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      errors[field] = error;
    }
  }
  return errors;
}

/**
 * The full schedule of a loan. See the convention at the top of this file.
 * @returns {{method, payments: {period, payment, principal, interest, balance}[], totalPayment,
 *   totalInterest, apr, effectiveAnnualRate, monthlyIrr}} money in fen, rates as fractions
 */
export function schedule(loan = {}) {
  const errors = loanErrors(loan);
  const first = Object.values(errors)[0];
  if (first) throw first;
  const { principal, annualRate = 0, months, method, monthlyFeeRate = 0 } = loan;
  const principalFen = yuanToFen(principal);
  const rate = method === "flat-fee" ? 0 : Math.round(annualRate * RATE_SCALE);
  const fee = method === "flat-fee" ? Math.round(monthlyFeeRate * RATE_SCALE) : 0;

  let payments;
  if (method === "equal-installment") {
    const payment = annuityPayment(principalFen, rate, months);
    payments = rows(principalFen, months, (_, balance) => {
      const interest = monthlyInterest(balance, rate);
      return { principal: payment - interest, interest };
    });
  } else if (method === "equal-principal") {
    const part = mulDivRound(principalFen, 1, months);
    payments = rows(principalFen, months, (_, balance) => ({ principal: part, interest: monthlyInterest(balance, rate) }));
  } else if (method === "interest-only") {
    payments = rows(principalFen, months, (_, balance) => ({ principal: 0, interest: monthlyInterest(balance, rate) }));
  } else if (method === "bullet") {
    // Simple interest accrues and is paid with the principal at the end.
    const total = mulDivRound(principalFen, rate * months, 12 * RATE_SCALE);
    payments = rows(principalFen, months, (period) => ({ principal: 0, interest: period === months ? total : 0 }));
  } else {
    // 等本等息: the fee is charged on the original principal every month.
    const part = mulDivRound(principalFen, 1, months);
    const feeFen = mulDivRound(principalFen, fee, RATE_SCALE);
    payments = rows(principalFen, months, () => ({ principal: part, interest: feeFen }));
  }

  const totalPayment = payments.reduce((sum, p) => sum + p.payment, 0);
  const rates = aprOf(principalFen, payments.map((p) => p.payment));
  return { method, payments, totalPayment, totalInterest: totalPayment - principalFen, ...rates };
}

/** Monthly internal rate of return of cash flows [t0, t1, …] (t0 received: positive; payments negative). */
export function irr(flows) {
  const npv = (m) => {
    let value = 0;
    let discount = 1;
    for (const flow of flows) {
      if (flow !== 0) value += flow * discount;
      discount /= 1 + m;
    }
    return value;
  };
  const slope = (m) => {
    let value = 0;
    let discount = 1 / (1 + m);
    for (let k = 1; k < flows.length; k++) {
      value -= k * flows[k] * discount;
      discount /= 1 + m;
    }
    return value;
  };
  if (npv(0) === 0) return 0; // e.g. interest-free: exactly 0, not 1e-15
  // Safeguarded Newton ("rtsafe"): Newton steps while they stay inside the bracket and shrink
  // fast enough, bisection otherwise, so it converges even on 600 steeply discounted periods.
  // The bracket (−50 % to +1000 % a month) keeps the discount factors finite.
  let low = -0.5; // where NPV < 0
  let high = 10; // where NPV > 0
  const fLow = npv(low);
  const fHigh = npv(high);
  if (Number.isNaN(fLow) || Number.isNaN(fHigh) || Math.sign(fLow) === Math.sign(fHigh)) return NaN;
  if (fLow > 0) [low, high] = [high, low];
  let m = 0.01;
  let dxOld = Math.abs(high - low);
  let dx = dxOld;
  let f = npv(m);
  let df = slope(m);
  for (let i = 0; i < 400; i++) {
    const newtonOutside = ((m - high) * df - f) * ((m - low) * df - f) > 0;
    if (newtonOutside || Math.abs(2 * f) > Math.abs(dxOld * df)) {
      dxOld = dx;
      dx = (high - low) / 2;
      m = low + dx;
    } else {
      dxOld = dx;
      dx = f / df;
      const previous = m;
      m -= dx;
      if (previous === m) return m;
    }
    if (Math.abs(dx) <= 1e-17) return m;
    f = npv(m);
    df = slope(m);
    if (f === 0) return m;
    if (f < 0) low = m;
    else high = m;
  }
  return m;
}

/**
 * APR of monthly `payments` against the amount actually `received` (same unit for both: yuan or
 * fen). apr = IRR × 12 (the 年化利率 that PBOC announcement 〔2021〕 No. 3 asks lenders to show);
 * effectiveAnnualRate = (1 + IRR)^12 − 1.
 */
export function aprOf(received, payments) {
  finite("received", received);
  if (received <= 0) throw new InputError("received", "zero", "must be greater than 0");
  if (!Array.isArray(payments) || payments.length === 0) {
    throw new InputError("payments", "empty", "must be a non-empty list of monthly payments");
  }
  payments.forEach((p, i) => {
    finite(`payments[${i}]`, p);
    if (p < 0) throw new InputError(`payments[${i}]`, "negative", "must not be negative");
  });
  const monthlyIrr = irr([received, ...payments.map((p) => -p)]);
  return { apr: monthlyIrr * 12, effectiveAnnualRate: Math.pow(1 + monthlyIrr, 12) - 1, monthlyIrr };
}

/**
 * What staying overdue costs (penalty interest, 罚息): the overdue principal, and with `compound`
 * also the overdue interest, accrue at annualRate × penaltyMultiplier, simple interest per day on
 * a 360- or 365-day year, each part rounded half-up to the fen.
 */
export function overdue({ overduePrincipal, overdueInterest = 0, days, annualRate, penaltyMultiplier = 1.5, dayBasis = 360, compound = true } = {}) {
  const principalFen = yuanToFen(overduePrincipal, "overduePrincipal");
  const interestFen = yuanToFen(overdueInterest, "overdueInterest");
  if (!Number.isInteger(days) || days < 0 || days > 36_500) {
    throw new InputError("days", "days-range", `must be a whole number of days from 0 to 36500, got ${String(days)}`);
  }
  checkRate("annualRate", annualRate);
  finite("penaltyMultiplier", penaltyMultiplier);
  if (penaltyMultiplier < 1 || penaltyMultiplier > 10) {
    throw new InputError("penaltyMultiplier", "multiplier-range", "must be between 1 and 10");
  }
  if (dayBasis !== 360 && dayBasis !== 365) throw new InputError("dayBasis", "day-basis", "must be 360 or 365");
  const penaltyRate = Math.round(annualRate * penaltyMultiplier * RATE_SCALE);
  const accrue = (fen) => mulDivRound(fen, penaltyRate * days, dayBasis * RATE_SCALE);
  const onPrincipal = accrue(principalFen);
  const onInterest = compound ? accrue(interestFen) : 0;
  return {
    penaltyAnnualRate: penaltyRate / RATE_SCALE,
    onPrincipal,
    onInterest,
    total: onPrincipal + onInterest,
    owed: principalFen + interestFen + onPrincipal + onInterest,
  };
}

/**
 * A remaining balance re-spread over `months` at a new rate (0 for a negotiated plan without
 * interest), as an equal-installment (or other) schedule to compare with the current one.
 */
export function restructure({ balance, months, annualRate = 0, method = "equal-installment" } = {}) {
  return schedule({ principal: balance, annualRate, months, method });
}

/** Integer fen → "60,000.00" (grouped) or "60000.00" (plain, for CSV); exact, no floating point. */
export function formatFen(fen, { grouping = true } = {}) {
  if (!Number.isSafeInteger(fen)) throw new InputError("fen", "not-integer", `must be an integer, got ${String(fen)}`);
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  const yuan = String(Math.floor(abs / 100));
  const cents = String(abs % 100).padStart(2, "0");
  return `${sign}${grouping ? yuan.replace(/\B(?=(\d{3})+(?!\d))/g, ",") : yuan}.${cents}`;
}
