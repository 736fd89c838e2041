// The results block under the form: summary, legal notices, the methods compared, the chart.
import { METHODS, schedule } from "./core.js";
import { describePayment, percent, yuan } from "./display.js";
import { el } from "./dom.js";
import { STRINGS as S, format } from "./strings.js";

const COURT_LINE = 0.24; // the old 24 % line courts used for private lending
const LPR_MULTIPLE = 4; // the current line: 4 × the one-year LPR
const ROUNDING = 1e-12; // an APR computed as exactly the line is not above it

function summaryList(plan) {
  const rows = [
    [S.summary.payment, describePayment(plan)],
    [S.summary.totalInterest, format(S.summary.yuan, { amount: yuan(plan.totalInterest) })],
    [S.summary.totalPayment, format(S.summary.yuan, { amount: yuan(plan.totalPayment) })],
    [S.summary.apr, percent(plan.apr)],
    [S.summary.ear, percent(plan.effectiveAnnualRate)],
  ];
  return el("dl", { class: "kb-calc__summary" }, ...rows.map(([term, value]) => el("div", {}, el("dt", { text: term }), el("dd", { text: value }))));
}

/** The notices' texts: above 24 %, and above 4 × the LPR given in mkdocs.yml (with its date). */
function noticeTexts(plan, lpr) {
  const texts = [];
  if (plan.apr > COURT_LINE + ROUNDING) texts.push(format(S.notices.above24, { apr: percent(plan.apr) }));
  const cap = LPR_MULTIPLE * lpr.rate;
  if (plan.apr > cap + ROUNDING) {
    const [y, m, d] = lpr.date.split("-").map(Number); // ISO date from mkdocs.yml, shown in words
    texts.push(format(S.notices.aboveLpr, { apr: percent(plan.apr), lpr: percent(lpr.rate), date: format(S.notices.date, { y, m, d }), cap: percent(cap), source: lpr.source }));
  }
  return texts;
}

/** One row of the comparison: the method's first and last payments, interest and APR. */
function comparisonRow(loan, method) {
  const row = el("tr", { "data-method": method }, el("th", { scope: "row", text: S.methods[method] }));
  if (method === "flat-fee" && !(loan.monthlyFeeRate > 0)) {
    row.append(el("td", { colspan: "4", text: S.compare.noFee }));
  } else {
    const plan = schedule({ ...loan, method });
    row.append(...[yuan(plan.payments[0].payment), yuan(plan.payments.at(-1).payment), yuan(plan.totalInterest), percent(plan.apr)].map((t) => el("td", { text: t })));
  }
  if (method === loan.method) row.setAttribute("aria-current", "true");
  return row;
}

/** The same loan under every method, the reader's own marked aria-current. */
function comparison(loan) {
  const table = el("table", { class: "kb-calc__compare", tabindex: "0" }); // scrolls sideways on phones: keyboard-reachable
  const caption = format(loan.monthlyFeeRate > 0 ? S.compare.captionFee : S.compare.caption, { principal: yuan(Math.round(loan.principal * 100)), months: loan.months, fee: percent(loan.monthlyFeeRate) });
  table.append(el("caption", { text: caption }));
  const heads = [S.compare.method, S.compare.first, S.compare.last, S.compare.interest, S.compare.apr];
  table.append(el("thead", {}, el("tr", {}, ...heads.map((t) => el("th", { scope: "col", text: t })))));
  table.append(el("tbody", {}, ...METHODS.map((method) => comparisonRow(loan, method))));
  return table;
}

const CHART = { width: 600, height: 160 };

/** SVG path data for the chart's bars: each period's principal, and its interest stacked on top. */
function barPaths(payments) {
  const { width, height } = CHART;
  const n = payments.length;
  const max = Math.max(...payments.map((p) => p.payment), 1);
  const w = width / n;
  const bar = Math.max(w - (n > 60 ? 0 : 1), 0.5).toFixed(2); // a gap between bars while they are wide
  let principal = "";
  let interest = "";
  payments.forEach((p, k) => {
    const x = (k * w).toFixed(2);
    const hp = (p.principal / max) * height;
    const hi = (p.interest / max) * height;
    if (hp > 0) principal += `M${x} ${(height - hp).toFixed(2)}h${bar}v${hp.toFixed(2)}h-${bar}z`;
    if (hi > 0) interest += `M${x} ${(height - hp - hi).toFixed(2)}h${bar}v${hi.toFixed(2)}h-${bar}z`;
  });
  return { principal, interest, max };
}

function chart(plan, id) {
  const { principal, interest, max } = barPaths(plan.payments);
  const figure = el("figure", { class: "kb-calc__chart" });
  // Only numbers go into the markup below; labels are set as text.
  figure.innerHTML = `<svg viewBox="0 0 ${CHART.width} ${CHART.height}" preserveAspectRatio="none" role="img" aria-labelledby="${id}-chart-label"><title id="${id}-chart-label"></title><path class="kb-calc__bar-principal" d="${principal}"/><path class="kb-calc__bar-interest" d="${interest}"/></svg>`;
  figure.querySelector("title").textContent = format(S.chart.label, { months: plan.payments.length, max: yuan(max) });
  const key = el(
    "figcaption",
    {},
    el("span", { text: S.chart.caption }),
    el("span", { class: "kb-calc__key kb-calc__key--principal", text: S.chart.principal }),
    el("span", { class: "kb-calc__key kb-calc__key--interest", text: S.chart.interest }),
  );
  figure.append(key);
  return figure;
}

/** Everything the results block shows for a valid plan, in order. */
export function resultNodes(plan, loan, lpr, id) {
  const notices = noticeTexts(plan, lpr).map((text) => el("p", { class: "kb-calc__notice", text }));
  return [summaryList(plan), ...notices, el("p", { class: "kb-calc__subhead", text: S.compare.heading }), comparison(loan), chart(plan, id)];
}
