// Small DOM helpers shared by the calculator's parts.

/** <tag attrs…>children</tag>; `text` sets the text, `true` an empty attribute, false/null none. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === false || value == null) continue;
    if (key === "text") node.textContent = value;
    else node.setAttribute(key, value === true ? "" : value);
  }
  node.append(...children);
  return node;
}

/** A text box that leaves numbers alone: no autocomplete, no spelling marks; `mode` picks the
 * phone keyboard ("decimal" or "numeric"). */
export const textInput = (mode) => el("input", { type: "text", inputmode: mode, autocomplete: "off", spellcheck: "false" });

/** A labelled control with its optional hint and its error line (read out when it changes);
 * ids are `${id}-${name}`, `…-hint` and `…-error`. */
export function field(id, name, label, hint, control) {
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
