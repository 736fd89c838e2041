// The interactive repayment calculator: wiring only. Arithmetic is in core.js, reading typed text
// in parse.js and form.js, the address in url.js, words in strings.js and display.js, and the
// parts of the page in results.js, schedule-table.js and panels.js.
//
// The build hook leaves <section class="kb-calc" data-kb-calc="{…}"> with a static fallback. This
// module, loaded once, mounts every such element on each page Material shows (document$ emits on
// the first load and after every instant navigation). Mounting is idempotent, and every listener
// lives on the calculator's own elements, so a replaced page takes its calculators with it.
import { METHODS } from "./core.js";
import { describePayment, errorMessage, percent, yuan } from "./display.js";
import { el, field, textInput } from "./dom.js";
import { FIELDS, initialTexts, planFromTexts } from "./form.js";
import { makeOverdue, makeRestructure } from "./panels.js";
import { resultNodes } from "./results.js";
import { makeScheduleTable } from "./schedule-table.js";
import { STRINGS as S, format } from "./strings.js";
import { hrefWithTexts, textsFromQuery } from "./url.js";
// Imported only by the modules above: named here too, so the browser fetches them in the same
// round trip instead of one more after those have arrived (slow mobile networks).
import "./parse.js";
import "./csv.js";

const mounted = new WeakSet();
const ANNOUNCE_AFTER_MS = 400; // a screen reader hears the result once the reader pauses typing

function makeForm(id) {
  const inputs = {
    principal: textInput("decimal"),
    rate: textInput("decimal"),
    months: textInput("numeric"),
    method: el("select", {}, ...METHODS.map((m) => el("option", { value: m, text: S.methods[m] }))),
    fee: textInput("decimal"),
  };
  const form = el("form", { class: "kb-calc__form", novalidate: true }, ...FIELDS.map((name) => field(id, name, S.fields[name], S.hints[name], inputs[name])));
  form.addEventListener("submit", (event) => event.preventDefault());
  return { form, inputs };
}

/** Fill the form from the build's options and the address; a note for each invalid parameter. */
function fillForm(inputs, config) {
  const initial = initialTexts(config);
  const { values, ignored } = textsFromQuery(window.location.search, config.index, initial);
  for (const name of FIELDS) inputs[name].value = values[name] ?? initial[name];
  const notes = ignored.map((key) => el("p", { class: "kb-calc__note", text: format(S.urlIgnored, { name: key }) }));
  return el("div", { class: "kb-calc__url-notes" }, ...notes);
}

/** Only what the reader changed goes into the address (replaced, not a new history entry). */
function writeAddress(index, texts) {
  const href = hrefWithTexts(window.location.href, index, texts);
  if (href !== window.location.href) window.history.replaceState(window.history.state, "", href);
}

/** Each field's error line and aria-invalid; the fee or the rate field shown for the method. */
function showFormState(form, inputs, id, errors) {
  const flat = inputs.method.value === "flat-fee";
  form.querySelector(".kb-calc__field--fee").hidden = !flat;
  form.querySelector(".kb-calc__field--rate").hidden = flat;
  for (const name of FIELDS) {
    const message = errors[name] ? errorMessage(errors[name]) : "";
    inputs[name].toggleAttribute("aria-invalid", Boolean(message));
    document.getElementById(`${id}-${name}-error`).textContent = message;
  }
}

/** The results block, the "fix the fields first" line, and the status line read out after a pause. */
function makeResults(id, lpr) {
  const fixFirst = el("p", { class: "kb-calc__fix", hidden: true, text: S.fixFirst });
  const live = el("p", { class: "kb-calc__live", "aria-live": "polite", role: "status" });
  const results = el("div", { class: "kb-calc__results" });
  let announceTimer = 0;
  function show(plan, loan) {
    fixFirst.hidden = Boolean(plan);
    results.hidden = !plan;
    if (!plan) return;
    results.replaceChildren(...resultNodes(plan, loan, lpr, id));
    clearTimeout(announceTimer);
    announceTimer = setTimeout(() => {
      live.textContent = format(S.summary.live, { payment: describePayment(plan), interest: yuan(plan.totalInterest), apr: percent(plan.apr) });
    }, ANNOUNCE_AFTER_MS);
  }
  return { nodes: [fixFirst, live, results], show };
}

function mount(root) {
  if (mounted.has(root)) return;
  mounted.add(root);
  const config = JSON.parse(root.dataset.kbCalc);
  const id = root.id || `kb-calc-${config.index}`;
  const { form, inputs } = makeForm(id);
  const urlNotes = fillForm(inputs, config);
  const results = makeResults(id, config.lpr);
  const scheduleTable = makeScheduleTable();
  const panels = [makeOverdue(id), makeRestructure(id)];

  function update(event) {
    const texts = Object.fromEntries(FIELDS.map((name) => [name, inputs[name].value]));
    const { loan, errors, plan } = planFromTexts(texts);
    showFormState(form, inputs, id, errors);
    results.show(plan, loan);
    scheduleTable.show(plan);
    if (!plan) return;
    for (const panel of panels) panel.refresh(plan, loan);
    if (event) writeAddress(config.index, texts);
  }
  form.addEventListener("input", update);
  form.addEventListener("change", update);

  const ui = el("div", { class: "kb-calc__ui" }, form, urlNotes, ...results.nodes, scheduleTable.details, scheduleTable.actions, ...panels.map((p) => p.node));
  replaceFallback(root, ui);
  update();
}

/** The interactive calculator takes the static fallback's place, above the rounding convention. */
function replaceFallback(root, ui) {
  root.querySelector(".kb-calc__fallback")?.setAttribute("hidden", "");
  const convention = root.querySelector(".kb-calc__convention");
  if (convention) convention.before(ui);
  else root.append(ui);
}

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
