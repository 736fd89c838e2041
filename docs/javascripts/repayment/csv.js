// The schedule as a CSV file (pure: a plan in, the file's text out).
import { SCHEDULE_HEADS, plainYuan } from "./display.js";

/** One row a period, amounts in plain yuan (no grouping), CRLF line ends. */
export function toCsv(plan) {
  const rows = plan.payments.map((p) => [p.period, plainYuan(p.payment), plainYuan(p.principal), plainYuan(p.interest), plainYuan(p.balance)].join(","));
  return `\ufeff${[SCHEDULE_HEADS.join(","), ...rows].join("\r\n")}\r\n`; // BOM: spreadsheet programs then read UTF-8 Chinese
}
