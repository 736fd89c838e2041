// The two "what if" panels under the calculator (if overdue: penalty interest; a negotiated
// restructuring), each a small configuration of one shared panel.
import { InputError, overdue, restructure } from "./core.js";
import { describePayment, errorMessage, percent, plainYuan, yuan } from "./display.js";
import { el, field, textInput } from "./dom.js";
import { parseAmount, parseDecimal, parsePercent, parseWhole } from "./parse.js";
import { STRINGS as S, format } from "./strings.js";

/** The sentence `describe` gives, or what is wrong with the reader's input (core.js throws an
 * InputError for that; any other error is a bug and is not hidden). */
function sentenceOrError(describe) {
  try {
    return describe();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return errorMessage(error.code);
  }
}

/** The panel in reading order: its summary, the labelled controls (then `extras`), the result, the note. */
function panelNode(id, prefix, words, controls, extras, output) {
  const fields = Object.entries(controls).map(([name, control]) => field(id, `${prefix}-${name}`, words[name], "", control));
  return el(
    "details",
    { class: "kb-calc__panel" },
    el("summary", { text: words.summary }),
    el("div", { class: "kb-calc__form" }, ...fields, ...extras),
    output,
    el("p", { class: "kb-calc__hint", text: words.note }),
  );
}

/**
 * A closed <details> with its own small form and a one-sentence result, recomputed as the reader
 * types and whenever the main form has a new plan.
 * - `words`: the panel's strings (summary, note, and a label for each control);
 * - `controls`: { name: element }, shown in this order with ids `${id}-${prefix}-${name}`;
 * - `start`: the controls' first values; `follow(plan, loan)`: values taken from the main plan
 *   until the reader edits that control;
 * - `describe(main)`: the sentence, from the controls and `main` ({ plan, loan }, or null before
 *   the first plan); it may throw InputError.
 */
function makePanel({ id, prefix, words, controls, extras = [], start = {}, follow, describe }) {
  for (const [name, value] of Object.entries(start)) controls[name].value = value;
  const output = el("p", { class: "kb-calc__out", "aria-live": "polite" });
  const node = panelNode(id, prefix, words, controls, extras, output);
  const edited = new Set(); // controls the reader has typed in: the plan no longer fills them
  let main = null;
  const compute = () => {
    output.textContent = sentenceOrError(() => describe(main));
  };
  node.addEventListener("input", (event) => {
    edited.add(event.target);
    compute();
  });
  function refresh(plan, loan) {
    main = { plan, loan };
    for (const [name, value] of Object.entries(follow(plan, loan))) {
      if (!edited.has(controls[name])) controls[name].value = value;
    }
    compute();
  }
  return { node, compute, refresh };
}

/** The rate the penalty multiplies: the loan's rate (for flat-fee, its real APR). */
function contractRate(main) {
  if (!main) return 0;
  return main.loan.method === "flat-fee" ? main.plan.apr : main.loan.annualRate;
}

function overdueControls(id) {
  const controls = {
    principal: textInput("decimal"),
    interest: textInput("decimal"),
    days: textInput("numeric"),
    multiplier: textInput("decimal"),
    basis: el("select", {}, el("option", { value: "360", text: "360" }), el("option", { value: "365", text: "365" })),
  };
  const compound = el("input", { type: "checkbox", checked: true });
  const compoundLabel = el("label", { class: "kb-calc__check" }, compound, ` ${S.overdue.compound}`);
  compound.id = `${id}-od-compound`;
  return { controls, compound, compoundLabel };
}

function overdueSentence(controls, compound, main) {
  const days = parseWhole(controls.days.value);
  const o = overdue({
    overduePrincipal: parseAmount(controls.principal.value),
    overdueInterest: parseAmount(controls.interest.value || "0"),
    days,
    annualRate: contractRate(main),
    penaltyMultiplier: parseDecimal(controls.multiplier.value),
    dayBasis: Number(controls.basis.value),
    compound: compound.checked,
  });
  return format(S.overdue.result, { rate: percent(o.penaltyAnnualRate), days, total: yuan(o.total), onPrincipal: yuan(o.onPrincipal), onInterest: yuan(o.onInterest), owed: yuan(o.owed) });
}

export function makeOverdue(id) {
  const { controls, compound, compoundLabel } = overdueControls(id);
  const panel = makePanel({
    id,
    prefix: "od",
    words: S.overdue,
    controls,
    extras: [compoundLabel],
    start: { days: "30", multiplier: "1.5" },
    // Until edited, the overdue amounts are the plan's first instalment.
    follow: (plan) => ({ principal: plainYuan(plan.payments[0].principal), interest: plainYuan(plan.payments[0].interest) }),
    describe: (main) => overdueSentence(controls, compound, main),
  });
  panel.node.addEventListener("change", panel.compute); // the day basis and the checkbox
  return panel;
}

function restructureSentence(controls, main) {
  const plan = restructure({ balance: parseAmount(controls.balance.value), months: parseWhole(controls.months.value), annualRate: parsePercent(controls.rate.value) });
  return format(S.restructure.result, { payment: describePayment(plan), total: yuan(plan.totalPayment), interest: yuan(plan.totalInterest), original: yuan(main?.plan.totalPayment ?? 0) });
}

export function makeRestructure(id) {
  const controls = { balance: textInput("decimal"), months: textInput("numeric"), rate: textInput("decimal") };
  return makePanel({
    id,
    prefix: "rs",
    words: S.restructure,
    controls,
    start: { months: "60", rate: "0" },
    follow: (_, loan) => ({ balance: String(loan.principal) }), // until edited, the whole loan
    describe: (main) => restructureSentence(controls, main),
  });
}
