// The glossary popover's placement (docs/javascripts/glossary/place.js): inside the screen,
// beside the term, at any width down to 320 px.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";

import { place } from "../../docs/javascripts/glossary/place.js";

const rect = (left, top, width = 40, height = 20) => ({ left, top, width, height, right: left + width, bottom: top + height });

test("below the term, from its left edge, when there is room", () => {
  assert.deepEqual(place(rect(30, 100), { width: 200, height: 80 }, { width: 390, height: 844 }), { left: 30, top: 126, width: 200, side: "below" });
});

test("moved left so that it ends inside the screen", () => {
  assert.deepEqual(place(rect(300, 100), { width: 200, height: 80 }, { width: 390, height: 844 }), { left: 182, top: 126, width: 200, side: "below" });
});

test("above the term when there is no room below but room above", () => {
  assert.deepEqual(place(rect(30, 780), { width: 200, height: 80 }, { width: 390, height: 844 }), { left: 30, top: 694, width: 200, side: "above" });
});

test("below, when there is room on neither side (the page can scroll to it)", () => {
  assert.equal(place(rect(30, 60), { width: 200, height: 700 }, { width: 390, height: 740 }).side, "below");
});

test("never wider than the screen less its margins", () => {
  assert.deepEqual(place(rect(10, 100), { width: 400, height: 80 }, { width: 320, height: 568 }), { left: 8, top: 126, width: 304, side: "below" });
});

test("any term on any screen from 320 px: inside it horizontally, next to the term vertically", () => {
  fc.assert(
    fc.property(fc.integer({ min: 320, max: 1600 }), fc.integer({ min: 400, max: 1200 }), fc.integer({ min: 0, max: 1600 }), fc.integer({ min: 0, max: 1200 }), fc.integer({ min: 40, max: 400 }), fc.integer({ min: 40, max: 300 }), (vw, vh, x, y, w, h) => {
      const anchor = rect(Math.min(x, vw - 20), Math.min(y, vh - 20), 20, 20);
      const at = place(anchor, { width: w, height: h }, { width: vw, height: vh });
      assert.ok(at.left >= 8 && at.left + at.width <= vw - 8, JSON.stringify(at));
      assert.ok(at.side === "below" ? at.top === anchor.bottom + 6 : at.top + h === anchor.top - 6 && at.top >= 8);
    })
  );
});
