// The interactive repayment calculator (DOM only; all arithmetic is in core.js).
//
// The build hook leaves <div class="kb-calc" data-kb-calc="{…}"> with a static fallback. This
// module, loaded once, mounts every such element on each page Material shows (document$ emits on
// the first load and after every instant navigation). Mounting is idempotent, and every listener
// lives on the calculator's own elements, so a replaced page takes its calculators with it.
import { METHODS, InputError, formatFen, loanErrors, overdue, restructure, schedule } from "./core.js";
import { STRINGS as S, format } from "./strings.js";

const mounted = new WeakSet();
const FIELDS = ["principal", "rate", "months", "method", "fee"];

// ---- reading what people type ------------------------------------------------------------------

function normalize(text) {
  return String(text)
    .trim()
    .replace(/[０-９．]/g, (c) => (c === "．" ? "." : String.fromCharCode(c.charCodeAt(0) - 0xfee0)))
    .replace(/[,，\s]/g, "")
    .replace(/元$/, "");  // the same in both scripts
}

/** A plain decimal number, or NaN (core.js then reports "not a number" for the field). */
function toNumber(text) {
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : NaN;
}

/** "60000", "6万", "６萬元", "60,000.5" → yuan. */
export function parseAmount(text) {
  const t = normalize(text);
  return /[万萬]$/.test(t) ? toNumber(t.slice(0, -1)) * 10_000 : toNumber(t);
}

/** "18", "18%" → 0.18 */
export function parsePercent(text) {
  return toNumber(normalize(text).replace(/[%％]$/, "")) / 100;
}

export function parseWhole(text) {
  const t = normalize(text);
  return /^\d+$/.test(t) ? Number(t) : NaN;
}

const PARSE = { principal: parseAmount, rate: parsePercent, months: parseWhole, fee: parsePercent, method: (v) => v };
const LOAN_KEY = { principal: "principal", rate: "annualRate", months: "months", method: "method", fee: "monthlyFeeRate" };

/** Form texts → the loan core.js expects (numbers may be NaN; core.js says what is wrong). */
function toLoan(texts) {
  const loan = {};
  for (const name of FIELDS) loan[LOAN_KEY[name]] = PARSE[name](texts[name] ?? "");
  return loan;
}

/** { formField: error code } for everything wrong with these form texts. */
function formErrors(texts) {
  const errors = {};
  for (const [key, error] of Object.entries(loanErrors(toLoan(texts)))) {
    errors[Object.keys(LOAN_KEY).find((name) => LOAN_KEY[name] === key)] = error.code;
  }
  return errors;
}

// ---- small DOM helpers -------------------------------------------------------------------------

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === false || value == null) continue;
    if (key === "text") node.textContent = value;
    else node.setAttribute(key, value === true ? "" : value);
  }
  node.append(...children);
  return node;
}

const yuan = (fen) => formatFen(fen);
const percent = (rate) => `${(rate * 100).toFixed(2)}%`;
const percentInput = (rate) => String(Math.round(rate * 1e8) / 1e6);

function field(id, name, label, hint, control) {
  const error = el("span", { class: "kb-calc__error", id: `${id}-${name}-error`, "aria-live": "polite" });
  control.id = `${id}-${name}`;
  control.name = name;
  control.setAttribute("aria-describedby", `${error.id}${hint ? ` ${id}-${name}-hint` : ""}`);
  return el(
    "div",
    { class: `kb-calc__field kb-calc__field--${name}` },
    el("label", { for: control.id, text: label }),
    control,
    hint ? el("span", { class: "kb-calc__hint", id: `${id}-${name}-hint`, text: hint }) : "",
    error,
  );
}

const textInput = (mode) => el("input", { type: "text", inputmode: mode, autocomplete: "off", spellcheck: "false" });

// ---- URL state ---------------------------------------------------------------------------------

function paramName(name, index) {
  return index === 1 ? name : `${name}-${index}`;
}

/** Values from the query string, each checked like typed input; bad ones are reported by name
 * only (their text never reaches the page) and the calculator's own value is kept. */
function readUrl(index, defaults) {
  const params = new URLSearchParams(window.location.search);
  const values = {};
  const ignored = [];
  for (const name of FIELDS) {
    const key = paramName(name, index);
    if (!params.has(key)) continue;
    const raw = params.get(key).slice(0, 40);
    const method = name === "method" ? raw : params.get(paramName("method", index)) ?? defaults.method;
    const probe = { ...defaults, method: name === "fee" ? "flat-fee" : method, [name]: raw };
    if (formErrors(probe)[name]) ignored.push(key);
    else values[name] = raw;
  }
  return { values, ignored };
}

function writeUrl(index, inputs) {
  const url = new URL(window.location.href);
  for (const name of FIELDS) {
    const key = paramName(name, index);
    if (name === "fee" && inputs.method.value !== "flat-fee") url.searchParams.delete(key);
    else url.searchParams.set(key, normalize(inputs[name].value));
  }
  if (url.href !== window.location.href) window.history.replaceState(window.history.state, "", url);
}

// ---- rendering results -------------------------------------------------------------------------

function describePayment(s) {
  const first = s.payments[0].payment;
  const last = s.payments.at(-1).payment;
  if (s.method === "bullet") return format(S.summary.bulletPayment, { last: yuan(last) });
  if (s.method === "interest-only") return format(S.summary.interestOnly, { first: yuan(first), last: yuan(last) });
  if (first === last) return format(S.summary.yuan, { amount: yuan(first) });
  return format(S.summary.paymentRange, { first: yuan(first), last: yuan(last) });
}

function summaryList(s) {
  const rows = [
    [S.summary.payment, describePayment(s)],
    [S.summary.totalInterest, format(S.summary.yuan, { amount: yuan(s.totalInterest) })],
    [S.summary.totalPayment, format(S.summary.yuan, { amount: yuan(s.totalPayment) })],
    [S.summary.apr, percent(s.apr)],
    [S.summary.ear, percent(s.effectiveAnnualRate)],
  ];
  return el("dl", { class: "kb-calc__summary" }, ...rows.map(([term, value]) => el("div", {}, el("dt", { text: term }), el("dd", { text: value }))));
}

function notices(s, lpr) {
  const out = [];
  if (s.apr > 0.24 + 1e-12) out.push(format(S.notices.above24, { apr: percent(s.apr) }));
  const cap = 4 * lpr.rate;
  if (s.apr > cap + 1e-12) {
    const [y, m, d] = lpr.date.split("-").map(Number); // ISO date from mkdocs.yml, shown as 2025 年 9 月 22 日
    out.push(format(S.notices.aboveLpr, { apr: percent(s.apr), lpr: percent(lpr.rate), date: format(S.notices.date, { y, m, d }), cap: percent(cap), source: lpr.source }));
  }
  return out.map((text) => el("p", { class: "kb-calc__notice", text }));
}

function comparison(loan) {
  const table = el("table", { class: "kb-calc__compare", tabindex: "0" }); // scrolls sideways on phones: keyboard-reachable
  const caption = format(loan.monthlyFeeRate > 0 ? S.compare.captionFee : S.compare.caption, { principal: yuan(Math.round(loan.principal * 100)), months: loan.months, fee: percent(loan.monthlyFeeRate) });
  table.append(el("caption", { text: caption }));
  const head = el("tr", {}, ...[S.compare.method, S.compare.first, S.compare.last, S.compare.interest, S.compare.apr].map((t) => el("th", { scope: "col", text: t })));
  table.append(el("thead", {}, head));
  const body = el("tbody");
  for (const method of METHODS) {
    const row = el("tr", { "data-method": method }, el("th", { scope: "row", text: S.methods[method] }));
    if (method === "flat-fee" && !(loan.monthlyFeeRate > 0)) {
      row.append(el("td", { colspan: "4", text: S.compare.noFee }));
    } else {
      const s = schedule({ ...loan, method });
      row.append(...[yuan(s.payments[0].payment), yuan(s.payments.at(-1).payment), yuan(s.totalInterest), percent(s.apr)].map((t) => el("td", { text: t })));
    }
    if (method === loan.method) row.setAttribute("aria-current", "true");
    body.append(row);
  }
  table.append(body);
  return table;
}

function chart(s, id) {
  const width = 600;
  const height = 160;
  const n = s.payments.length;
  const max = Math.max(...s.payments.map((p) => p.payment), 1);
  const w = width / n;
  let principal = "";
  let interest = "";
  s.payments.forEach((p, k) => {
    const x = (k * w).toFixed(2);
    const hp = (p.principal / max) * height;
    const hi = (p.interest / max) * height;
    const bar = Math.max(w - (n > 60 ? 0 : 1), 0.5).toFixed(2);
    if (hp > 0) principal += `M${x} ${(height - hp).toFixed(2)}h${bar}v${hp.toFixed(2)}h-${bar}z`;
    if (hi > 0) interest += `M${x} ${(height - hp - hi).toFixed(2)}h${bar}v${hi.toFixed(2)}h-${bar}z`;
  });
  const figure = el("figure", { class: "kb-calc__chart" });
  // Only numbers go into the markup below; labels are set as text.
  figure.innerHTML = `<svg viewBox="0 0 ${width} ${height}" preserveAspectRatio="none" role="img" aria-labelledby="${id}-chart-label"><title id="${id}-chart-label"></title><path class="kb-calc__bar-principal" d="${principal}"/><path class="kb-calc__bar-interest" d="${interest}"/></svg>`;
  figure.querySelector("title").textContent = format(S.chart.label, { months: n, max: yuan(max) });
  figure.append(
    el(
      "figcaption",
      {},
      el("span", { text: S.chart.caption }),
      el("span", { class: "kb-calc__key kb-calc__key--principal", text: S.chart.principal }),
      el("span", { class: "kb-calc__key kb-calc__key--interest", text: S.chart.interest }),
    ),
  );
  return figure;
}

function scheduleRows(s) {
  // Only formatted numbers go into this markup.
  return s.payments
    .map((p) => `<tr><td>${p.period}</td><td>${yuan(p.payment)}</td><td>${yuan(p.principal)}</td><td>${yuan(p.interest)}</td><td>${yuan(p.balance)}</td></tr>`)
    .join("");
}

export function toCsv(s) {
  const plain = (fen) => formatFen(fen, { grouping: false });
  const head = [S.schedule.period, S.schedule.payment, S.schedule.principal, S.schedule.interest, S.schedule.balance].join(",");
  const rows = s.payments.map((p) => [p.period, plain(p.payment), plain(p.principal), plain(p.interest), plain(p.balance)].join(","));
  return `\ufeff${[head, ...rows].join("\r\n")}\r\n`; // BOM: spreadsheet programs then read UTF-8 Chinese
}

// ---- one calculator ----------------------------------------------------------------------------

function mount(root) {
  if (mounted.has(root)) return;
  mounted.add(root);
  const config = JSON.parse(root.dataset.kbCalc);
  const id = root.id || `kb-calc-${config.index}`;
  const index = config.index;

  const inputs = {
    principal: textInput("decimal"),
    rate: textInput("decimal"),
    months: textInput("numeric"),
    method: el("select", {}, ...METHODS.map((m) => el("option", { value: m, text: S.methods[m] }))),
    fee: textInput("decimal"),
  };
  const form = el(
    "form",
    { class: "kb-calc__form", novalidate: true },
    ...FIELDS.map((name) => field(id, name, S.fields[name], S.hints[name], inputs[name])),
  );
  form.addEventListener("submit", (event) => event.preventDefault());

  const urlNotes = el("div", { class: "kb-calc__url-notes" });
  const live = el("p", { class: "kb-calc__live", "aria-live": "polite", role: "status" });
  const results = el("div", { class: "kb-calc__results" });
  const fixFirst = el("p", { class: "kb-calc__fix", hidden: true, text: S.fixFirst });
  const scheduleTable = el("table", { class: "kb-calc__table", tabindex: "0" });
  const details = el("details", { class: "kb-calc__schedule" }, el("summary"), scheduleTable);
  const csvButton = el("button", { type: "button", class: "md-button", text: S.schedule.csv });
  const printButton = el("button", { type: "button", class: "md-button", text: S.schedule.print });

  const initial = { principal: String(config.principal), rate: percentInput(config.annualRate), months: String(config.months), method: config.method, fee: percentInput(config.monthlyFeeRate) };
  const fromUrl = readUrl(index, initial);
  for (const name of FIELDS) inputs[name].value = fromUrl.values[name] ?? initial[name];
  for (const key of fromUrl.ignored) urlNotes.append(el("p", { class: "kb-calc__note", text: format(S.urlIgnored, { name: key }) }));

  let current = null;
  let liveTimer = 0;

  function read() {
    const texts = Object.fromEntries(FIELDS.map((name) => [name, inputs[name].value]));
    const errors = formErrors(texts);
    const loan = toLoan(texts);
    if (loan.method !== "flat-fee") loan.monthlyFeeRate = 0;
    return { loan, errors, result: Object.keys(errors).length ? null : schedule(loan) };
  }

  let scheduleShown = null; // the result the table currently shows
  let pendingTable = 0;

  function renderSchedule() {
    if (!current || !details.open || scheduleShown === current.result) return;
    scheduleShown = current.result;
    const heads = [S.schedule.period, S.schedule.payment, S.schedule.principal, S.schedule.interest, S.schedule.balance];
    scheduleTable.innerHTML = `<caption></caption><thead><tr>${heads.map(() => '<th scope="col"></th>').join("")}</tr></thead><tbody>${scheduleRows(current.result)}</tbody>`;
    scheduleTable.querySelector("caption").textContent = S.schedule.caption;
    scheduleTable.querySelectorAll("th").forEach((th, k) => (th.textContent = heads[k]));
  }

  /** A long table costs more than a frame to lay out: refresh it after the summary is painted. */
  function renderScheduleSoon() {
    cancelAnimationFrame(pendingTable);
    pendingTable = requestAnimationFrame(() => setTimeout(renderSchedule, 0));
  }

  function update(event) {
    const flat = inputs.method.value === "flat-fee";
    form.querySelector(".kb-calc__field--fee").hidden = !flat;
    form.querySelector(".kb-calc__field--rate").hidden = flat;
    const { loan, result, errors } = read();
    for (const name of FIELDS) {
      const message = errors[name] ? S.errors[errors[name]] ?? S.errors["not-a-number"] : "";
      inputs[name].toggleAttribute("aria-invalid", Boolean(message));
      document.getElementById(`${id}-${name}-error`).textContent = message;
    }
    fixFirst.hidden = Boolean(result);
    results.hidden = !result;
    details.hidden = !result;
    if (!result) {
      current = null;
      return;
    }
    current = { loan, result };
    results.replaceChildren(summaryList(result), ...notices(result, config.lpr), el("p", { class: "kb-calc__subhead", text: S.compare.heading }), comparison(loan), chart(result, id));
    details.querySelector("summary").textContent = format(S.schedule.summary, { months: result.payments.length });
    renderScheduleSoon();
    overduePanel.refresh(result, loan);
    restructurePanel.refresh(result, loan);
    if (event) writeUrl(index, inputs); // only what the reader changed goes into the address
    clearTimeout(liveTimer);
    liveTimer = setTimeout(() => {
      live.textContent = format(S.summary.live, { payment: describePayment(result), interest: yuan(result.totalInterest), apr: percent(result.apr) });
    }, 400);
  }

  const overduePanel = makeOverdue(id);
  const restructurePanel = makeRestructure(id);

  form.addEventListener("input", update);
  form.addEventListener("change", update);
  details.addEventListener("toggle", renderSchedule);
  csvButton.addEventListener("click", () => {
    if (!current) return;
    const link = el("a", { href: URL.createObjectURL(new Blob([toCsv(current.result)], { type: "text/csv;charset=utf-8" })), download: S.schedule.csvName });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  });
  printButton.addEventListener("click", () => {
    details.open = true;
    renderSchedule();
    window.print();
  });

  root.querySelector(".kb-calc__fallback")?.setAttribute("hidden", "");
  const convention = root.querySelector(".kb-calc__convention");
  const ui = el(
    "div",
    { class: "kb-calc__ui" },
    form,
    urlNotes,
    fixFirst,
    live,
    results,
    details,
    el("div", { class: "kb-calc__actions" }, csvButton, printButton),
    overduePanel.node,
    restructurePanel.node,
  );
  if (convention) convention.before(ui);
  else root.append(ui);
  update();
}

function makeOverdue(id) {
  const inputs = {
    principal: textInput("decimal"),
    interest: textInput("decimal"),
    days: textInput("numeric"),
    multiplier: textInput("decimal"),
    basis: el("select", {}, el("option", { value: "360", text: "360" }), el("option", { value: "365", text: "365" })),
    compound: el("input", { type: "checkbox", checked: true }),
  };
  const edited = new Set();
  inputs.days.value = "30";
  inputs.multiplier.value = "1.5";
  const output = el("p", { class: "kb-calc__out", "aria-live": "polite" });
  const compoundLabel = el("label", { class: "kb-calc__check" }, inputs.compound, ` ${S.overdue.compound}`);
  inputs.compound.id = `${id}-od-compound`;
  const node = el(
    "details",
    { class: "kb-calc__panel" },
    el("summary", { text: S.overdue.summary }),
    el(
      "div",
      { class: "kb-calc__form" },
      ...["principal", "interest", "days", "multiplier", "basis"].map((name) => field(id, `od-${name}`, S.overdue[name], "", inputs[name])),
      compoundLabel,
    ),
    output,
    el("p", { class: "kb-calc__hint", text: S.overdue.note }),
  );
  let rate = 0;
  function compute() {
    let text = "";
    try {
      const o = overdue({
        overduePrincipal: parseAmount(inputs.principal.value),
        overdueInterest: parseAmount(inputs.interest.value || "0"),
        days: parseWhole(inputs.days.value),
        annualRate: rate,
        penaltyMultiplier: toNumber(normalize(inputs.multiplier.value)),
        dayBasis: Number(inputs.basis.value),
        compound: inputs.compound.checked,
      });
      text = format(S.overdue.result, { rate: percent(o.penaltyAnnualRate), days: parseWhole(inputs.days.value), total: yuan(o.total), onPrincipal: yuan(o.onPrincipal), onInterest: yuan(o.onInterest), owed: yuan(o.owed) });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      text = `${S.errors[error.code] ?? S.errors["not-a-number"]}`;
    }
    output.textContent = text;
  }
  node.addEventListener("input", (event) => {
    edited.add(event.target);
    compute();
  });
  node.addEventListener("change", compute);
  return {
    node,
    refresh(s, loan) {
      // Until the reader edits them, the overdue amounts follow the plan's first instalment; the
      // contract rate is the loan's rate (for 等本等息, its real APR).
      rate = loan.method === "flat-fee" ? s.apr : loan.annualRate;
      if (!edited.has(inputs.principal)) inputs.principal.value = formatFen(s.payments[0].principal, { grouping: false });
      if (!edited.has(inputs.interest)) inputs.interest.value = formatFen(s.payments[0].interest, { grouping: false });
      compute();
    },
  };
}

function makeRestructure(id) {
  const inputs = { balance: textInput("decimal"), months: textInput("numeric"), rate: textInput("decimal") };
  inputs.months.value = "60";
  inputs.rate.value = "0";
  const edited = new Set();
  const output = el("p", { class: "kb-calc__out", "aria-live": "polite" });
  const node = el(
    "details",
    { class: "kb-calc__panel" },
    el("summary", { text: S.restructure.summary }),
    el("div", { class: "kb-calc__form" }, ...["balance", "months", "rate"].map((name) => field(id, `rs-${name}`, S.restructure[name], "", inputs[name]))),
    output,
    el("p", { class: "kb-calc__hint", text: S.restructure.note }),
  );
  let original = 0;
  function compute() {
    try {
      const r = restructure({ balance: parseAmount(inputs.balance.value), months: parseWhole(inputs.months.value), annualRate: parsePercent(inputs.rate.value) });
      output.textContent = format(S.restructure.result, { payment: describePayment(r), total: yuan(r.totalPayment), interest: yuan(r.totalInterest), original: yuan(original) });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      output.textContent = S.errors[error.code] ?? S.errors["not-a-number"];
    }
  }
  node.addEventListener("input", (event) => {
    edited.add(event.target);
    compute();
  });
  return {
    node,
    refresh(s, loan) {
      original = s.totalPayment;
      if (!edited.has(inputs.balance)) inputs.balance.value = String(loan.principal);
      compute();
    },
  };
}

// ---- wiring ------------------------------------------------------------------------------------

function mountAll() {
  document.querySelectorAll(".kb-calc[data-kb-calc]").forEach(mount);
}

// Printing shows the whole schedule, however the reader left the "full schedule" toggle.
window.addEventListener("beforeprint", () => {
  document.querySelectorAll(".kb-calc__schedule").forEach((d) => {
    d.open = true;
  });
});

if (typeof window.document$ !== "undefined") window.document$.subscribe(mountAll);
else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll, { once: true });
else mountAll();
