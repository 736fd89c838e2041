// Reading what people type into the calculator: pure text → number, no DOM. Bad text gives NaN,
// and core.js then says what is wrong with the field ("not a number", out of range, …).
//
// Readers type amounts the way they write them: full-width digits from a Chinese keyboard,
// thousands separators, 万 for ten thousand, a trailing 元. The same characters are accepted
// in both editions (萬 for the Traditional one); this file holds no words readers see.

/** Full-width digits and point → ASCII; separators, spaces and a trailing 元 dropped. */
export function normalize(text) {
  return String(text)
    .trim()
    .replace(/[０-９．]/g, (c) => (c === "．" ? "." : String.fromCharCode(c.charCodeAt(0) - 0xfee0)))
    .replace(/[,，\s]/g, "")
    .replace(/元$/, ""); // the same in both scripts
}

/** A plain decimal number ("12", "-1.5", ".5"), or NaN; nothing else (no exponent, no hex). */
function decimalOf(text) {
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : NaN;
}

/** A decimal number as typed ("１.５" → 1.5), or NaN: the penalty multiplier. */
export function parseDecimal(text) {
  return decimalOf(normalize(text));
}

/** "60000", "6万", "６萬元", "60,000.5" → yuan. */
export function parseAmount(text) {
  const t = normalize(text);
  return /[万萬]$/.test(t) ? decimalOf(t.slice(0, -1)) * 10_000 : decimalOf(t);
}

/** "18", "18%", "１８％" → 0.18 */
export function parsePercent(text) {
  return decimalOf(normalize(text).replace(/[%％]$/, "")) / 100;
}

/** "24", "２４" → 24; anything but digits (a sign, a point) → NaN. */
export function parseWhole(text) {
  const t = normalize(text);
  return /^\d+$/.test(t) ? Number(t) : NaN;
}
