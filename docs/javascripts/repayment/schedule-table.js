// The full schedule: a <details> whose table is drawn only while open, and the buttons that
// download it as CSV and print it.
import { toCsv } from "./csv.js";
import { SCHEDULE_HEADS, yuan } from "./display.js";
import { el } from "./dom.js";
import { STRINGS as S, format } from "./strings.js";

const REVOKE_AFTER_MS = 10_000; // the download has started long before

function rowsHtml(plan) {
  // Only formatted numbers go into this markup.
  return plan.payments
    .map((p) => `<tr><td>${p.period}</td><td>${yuan(p.payment)}</td><td>${yuan(p.principal)}</td><td>${yuan(p.interest)}</td><td>${yuan(p.balance)}</td></tr>`)
    .join("");
}

function fillTable(table, plan) {
  table.innerHTML = `<caption></caption><thead><tr>${SCHEDULE_HEADS.map(() => '<th scope="col"></th>').join("")}</tr></thead><tbody>${rowsHtml(plan)}</tbody>`;
  table.querySelector("caption").textContent = S.schedule.caption;
  table.querySelectorAll("th").forEach((th, k) => (th.textContent = SCHEDULE_HEADS[k]));
}

function download(text, filename) {
  const link = el("a", { href: URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" })), download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), REVOKE_AFTER_MS);
}

/** Draws the latest plan into the table while the <details> is open, once per plan. */
function tableDrawer(details, table) {
  let drawnPlan = null;
  let pendingFrame = 0;
  const drawer = {
    plan: null, // the plan the form shows, or null while a field is wrong
    draw() {
      if (!drawer.plan || !details.open || drawnPlan === drawer.plan) return;
      drawnPlan = drawer.plan;
      fillTable(table, drawnPlan);
    },
    /** A long table costs more than a frame to lay out: draw it after the summary is painted. */
    drawSoon() {
      cancelAnimationFrame(pendingFrame);
      pendingFrame = requestAnimationFrame(() => setTimeout(drawer.draw, 0));
    },
  };
  return drawer;
}

/** "Download CSV" and "Print" (both do nothing while the form is wrong; printing opens the table). */
function actionButtons(details, drawer) {
  const csvButton = el("button", { type: "button", class: "md-button", text: S.schedule.csv });
  const printButton = el("button", { type: "button", class: "md-button", text: S.schedule.print });
  csvButton.addEventListener("click", () => drawer.plan && download(toCsv(drawer.plan), S.schedule.csvName));
  printButton.addEventListener("click", () => {
    details.open = true;
    drawer.draw();
    window.print();
  });
  return el("div", { class: "kb-calc__actions" }, csvButton, printButton);
}

/** The schedule's <details> and the buttons under it. */
export function makeScheduleTable() {
  const table = el("table", { class: "kb-calc__table", tabindex: "0" });
  const details = el("details", { class: "kb-calc__schedule" }, el("summary"), table);
  const drawer = tableDrawer(details, table);
  details.addEventListener("toggle", drawer.draw);
  return {
    details,
    actions: actionButtons(details, drawer),
    /** Each result of the form: its plan, or null while a field is wrong (hides the schedule). */
    show(plan) {
      drawer.plan = plan;
      details.hidden = !plan;
      if (!plan) return;
      details.querySelector("summary").textContent = format(S.schedule.summary, { months: plan.payments.length });
      drawer.drawSoon();
    },
  };
}
