/**
 * Where the glossary popover goes (pure: numbers in, numbers out; tests/js/place.test.mjs).
 * Below the term, from its left edge, inside the screen with a margin; above it when there is
 * no room below and there is above. Coordinates are the viewport's (the popover is fixed).
 */
export function place(anchor, size, viewport, gap = 6, margin = 8) {
  const width = Math.min(size.width, viewport.width - 2 * margin);
  const left = Math.max(margin, Math.min(anchor.left, viewport.width - margin - width));
  const below = anchor.bottom + gap;
  const above = anchor.top - gap - size.height;
  const up = below + size.height > viewport.height - margin && above >= margin;
  return { left: Math.round(left), top: Math.round(up ? above : below), width: Math.floor(width), side: up ? "above" : "below" };
}
