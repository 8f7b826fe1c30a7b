/**
 * The scatter's view window: the data extent, smoothed so the view never jumps, and fitted to the
 * canvas with a bounded stretch between the axes.
 *
 * Smoothing rule (STYLE rule 16): a side that must grow to keep a point in view moves at once; a
 * side that could shrink follows its target slowly, so a single outlier passing through does not
 * make the whole picture pump in and out.
 */

/** An axis-aligned box in data units. */
export interface Extent {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** Time constant of shrinking, in ms: after this long, ~63% of the excess margin is gone. */
export const SHRINK_TAU_MS = 900;

/**
 * Bounding box of the first `count` points of interleaved `xy` (x at 2i, y at 2i+1), skipping
 * non-finite points. Returns null when no point is finite. A degenerate box (one point, or all
 * points equal) is widened to a unit box around it.
 */
export function computeExtent(xy: Float32Array, count: number): Extent | null {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (let i = 0; i < count; i++) {
    const x = xy[2 * i]!;
    const y = xy[2 * i + 1]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  if (x0 > x1) return null;
  if (x1 - x0 < 1e-9) {
    x0 -= 0.5;
    x1 += 0.5;
  }
  if (y1 - y0 < 1e-9) {
    y0 -= 0.5;
    y1 += 0.5;
  }
  return { x0, x1, y0, y1 };
}

/**
 * One smoothing step from `previous` toward `target` after `dtMs` milliseconds: each side that
 * must grow jumps to the target, each side that may shrink moves a fraction 1 − e^(−dt/τ) of the
 * way. Writes into and returns `out` (which may be `previous`).
 */
export function smoothExtent(
  previous: Extent | null,
  target: Extent,
  dtMs: number,
  out: Extent = { x0: 0, x1: 0, y0: 0, y1: 0 },
): Extent {
  if (!previous) return Object.assign(out, target);
  const a = 1 - Math.exp(-Math.max(0, dtMs) / SHRINK_TAU_MS);
  out.x0 = target.x0 < previous.x0 ? target.x0 : previous.x0 + (target.x0 - previous.x0) * a;
  out.x1 = target.x1 > previous.x1 ? target.x1 : previous.x1 + (target.x1 - previous.x1) * a;
  out.y0 = target.y0 < previous.y0 ? target.y0 : previous.y0 + (target.y0 - previous.y0) * a;
  out.y1 = target.y1 > previous.y1 ? target.y1 : previous.y1 + (target.y1 - previous.y1) * a;
  return out;
}

/** True when every side of `a` is within `tolerance` (a fraction of the size) of `b`. */
export function extentsClose(a: Extent, b: Extent, tolerance = 1e-3): boolean {
  const size = Math.max(a.x1 - a.x0, a.y1 - a.y0);
  const eps = size * tolerance;
  return (
    Math.abs(a.x0 - b.x0) <= eps &&
    Math.abs(a.x1 - b.x1) <= eps &&
    Math.abs(a.y0 - b.y0) <= eps &&
    Math.abs(a.y1 - b.y1) <= eps
  );
}

/** Domains for the two axes: [lo, hi] each. */
export interface Domains {
  x: [number, number];
  y: [number, number];
}

/** Largest ratio between the two axes' data units per pixel (1 = equal aspect). */
export const MAX_STRETCH = 3;

/**
 * Domains that show `extent` centred inside a plot of `width` × `height` pixels, plus a `pad`
 * fraction of margin. Each axis fills the plot, except that one axis may not be stretched more than
 * `maxStretch` times the other (1 = equal units on both axes): a thin cloud is spread out enough to
 * label, but a map whose second axis holds little variance is not inflated beyond recognition.
 */
export function fitDomains(
  extent: Extent,
  width: number,
  height: number,
  pad = 0.06,
  maxStretch = MAX_STRETCH,
): Domains {
  const cx = (extent.x0 + extent.x1) / 2;
  const cy = (extent.y0 + extent.y1) / 2;
  const w = Math.max(1, width);
  const h = Math.max(1, height);
  let unitsX = (extent.x1 - extent.x0) / w;
  let unitsY = (extent.y1 - extent.y0) / h;
  // Zoom the tighter axis out until the stretch between them is at most maxStretch.
  unitsX = Math.max(unitsX, unitsY / maxStretch);
  unitsY = Math.max(unitsY, unitsX / maxStretch);
  const halfW = (w / 2) * unitsX * (1 + 2 * pad);
  const halfH = (h / 2) * unitsY * (1 + 2 * pad);
  return { x: [cx - halfW, cx + halfW], y: [cy - halfH, cy + halfH] };
}
