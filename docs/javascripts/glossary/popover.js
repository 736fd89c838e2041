/**
 * Glossary terms on a touch screen. A tap on a term (a.glossary-term, linked by
 * debtkb/glossary/linker.py with its definition in `title`) opens a small dialog beside it: the
 * term, the definition and a link to the entry; the page neither moves nor changes address. A tap
 * elsewhere, Escape or another tap on the term closes it; one is open at a time. A mouse or a
 * keyboard keeps Material's tooltip, and a click opens the entry, as without JavaScript.
 * Mounted on every page Material shows (document$), once per page.
 */
import { place } from "./place.js";

const MORE = "查看术语表";
const ID = "kb-term-popover";
const definitions = new WeakMap(); // term link → its definition (its title, which Material's tooltip takes)
let box = null; // this page's popover (hidden when closed)
let term = null; // the term it is open for

function close(focusTerm) {
  if (!term) return;
  const was = term;
  term = null;
  box.hidden = true;
  was.setAttribute("aria-expanded", "false");
  if (focusTerm) was.focus({ preventScroll: true });
}

function position() {
  if (!term) return;
  const rect = term.getClientRects()[0] || term.getBoundingClientRect();
  const view = { width: document.documentElement.clientWidth, height: window.innerHeight };
  const at = place(rect, { width: box.offsetWidth, height: box.offsetHeight }, view);
  Object.assign(box.style, { left: `${at.left}px`, top: `${at.top}px`, maxWidth: `${at.width}px` });
}

function expandable(link) {
  // Material's tooltip removes aria-controls and aria-haspopup when it hides: set them again.
  link.setAttribute("aria-haspopup", "dialog");
  link.setAttribute("aria-controls", ID);
}

function open(link) {
  close(false);
  term = link;
  expandable(link);
  box.querySelector("strong").textContent = link.textContent;
  box.querySelector("span").textContent = definitions.get(link) || link.title;
  box.querySelector("a").href = link.href;
  link.after(box); // next to the term in the reading (and tabbing) order
  box.hidden = false;
  link.setAttribute("aria-expanded", "true");
  position();
  box.focus({ preventScroll: true }); // announced as a dialog named by the term
}

function mount() {
  if (!box || !box.isConnected) {
    term = null;
    box = document.createElement("span");
    box.id = ID;
    box.className = "kb-term-popover";
    box.hidden = true;
    box.tabIndex = -1;
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-labelledby", `${ID}-term`);
    box.innerHTML = `<strong id="${ID}-term"></strong><span></span><a>${MORE}</a>`;
    (document.querySelector("article") || document.body).append(box);
  }
  for (const link of document.querySelectorAll("a.glossary-term")) {
    if (definitions.has(link)) continue;
    definitions.set(link, link.title);
    link.setAttribute("aria-expanded", "false");
    expandable(link);
  }
}

if (!window.__kbTermPopover) {
  window.__kbTermPopover = true;
  let finger = false;
  addEventListener("pointerdown", (e) => {
    finger = e.pointerType === "touch" || e.pointerType === "pen";
    document.documentElement.toggleAttribute("data-kb-touch", finger); // extra.css: no hover tooltip for a finger
  }, true);
  addEventListener("click", (e) => {
    const link = e.target instanceof Element ? e.target.closest("a.glossary-term") : null;
    if (term && !box.contains(e.target) && link !== term) close(false); // a tap elsewhere
    const touched = e.pointerType ? e.pointerType !== "mouse" : finger && e.detail > 0; // not a keyboard's click
    if (!link || !touched || !definitions.has(link)) return;
    e.preventDefault();
    e.stopPropagation(); // before Material's instant navigation sees the click
    if (link === term) close(false);
    else open(link);
  }, true);
  addEventListener("keydown", (e) => { if (e.key === "Escape" && term) close(true); });
  addEventListener("scroll", position, { passive: true });
  addEventListener("resize", position);
  window.document$?.subscribe(mount);
}
