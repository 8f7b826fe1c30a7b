/** Framing a box of a zoomable drawing: the d3-zoom transform that shows it. */
import { zoomIdentity, type ZoomTransform } from 'd3-zoom';

/** A box in drawing units. */
export interface Bounds {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** What to frame: a box, and the point to keep in view when the box is too big at `minScale`. */
export interface ZoomTarget {
  bounds: Bounds;
  anchor?: readonly [number, number];
  minScale?: number;
}

/** Framing never magnifies more than this (a tiny tree stays at a natural size). */
export const MAX_FIT_SCALE = 1.5;

/**
 * The transform that frames `target` in a width×height view: as large as fits (between `minScale` and
 * MAX_FIT_SCALE), centred; on an axis where the box does not fit, the anchor is brought into view
 * (centred horizontally, at 70 % of the height) as far as the box's edges allow.
 */
export function frameTransform(target: ZoomTarget, width: number, height: number): ZoomTransform {
  const { bounds, anchor, minScale = 0.01 } = target;
  const bw = Math.max(bounds.x1 - bounds.x0, 1);
  const bh = Math.max(bounds.y1 - bounds.y0, 1);
  const k = Math.max(minScale, Math.min(width / bw, height / bh, MAX_FIT_SCALE));
  // Centre the box on each axis where it fits; otherwise keep the anchor in view (low, for a
  // leaf) without showing empty space beyond the box's edges.
  const place = (size: number, lo: number, hi: number, at: number | undefined, share: number) => {
    if ((hi - lo) * k <= size || at === undefined) return size / 2 - (k * (lo + hi)) / 2;
    return Math.max(size - k * hi, Math.min(-k * lo, size * share - k * at));
  };
  const x = place(width, bounds.x0, bounds.x1, anchor?.[0], 0.5);
  const y = place(height, bounds.y0, bounds.y1, anchor?.[1], 0.7);
  return zoomIdentity.translate(x, y).scale(k);
}
