// The form's state in the address, so a shared link opens the same calculation (pure: strings in,
// strings out; widget.js reads location and calls history). The first calculator on a page uses
// ?principal=…&rate=…; the second ?principal-2=…, and so on.
import { FIELDS, fieldErrors } from "./form.js";
import { normalize } from "./parse.js";

const MAX_PARAM_LENGTH = 40; // a value longer than any valid one is cut before it is checked

/** The query parameter for `field` of calculator number `index`. */
export function paramName(field, index) {
  return index === 1 ? field : `${field}-${index}`;
}

/** Is this value from the address one the form would accept? (Checked with the other fields at
 * their defaults; a fee is checked under flat-fee, the only method that uses it.) */
function acceptable(field, text, params, index, defaults) {
  const method = field === "method" ? text : params.get(paramName("method", index)) ?? defaults.method;
  const probe = { ...defaults, method: field === "fee" ? "flat-fee" : method, [field]: text };
  return !fieldErrors(probe)[field];
}

/** The form texts a query string gives (`values`) and the parameters it names but that are
 * invalid (`ignored`: reported by name only; their text never reaches the page). */
export function textsFromQuery(search, index, defaults) {
  const params = new URLSearchParams(search);
  const values = {};
  const ignored = [];
  for (const field of FIELDS) {
    const key = paramName(field, index);
    if (!params.has(key)) continue;
    const text = params.get(key).slice(0, MAX_PARAM_LENGTH);
    if (acceptable(field, text, params, index, defaults)) values[field] = text;
    else ignored.push(key);
  }
  return { values, ignored };
}

/** `href` with this calculator's parameters set to the form texts (the fee only under flat-fee). */
export function hrefWithTexts(href, index, texts) {
  const url = new URL(href);
  for (const field of FIELDS) {
    const key = paramName(field, index);
    if (field === "fee" && texts.method !== "flat-fee") url.searchParams.delete(key);
    else url.searchParams.set(key, normalize(texts[field]));
  }
  return url.href;
}
