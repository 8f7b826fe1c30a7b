/**
 * The pure per-frame geometry of the word map: data → screen coordinates through the fitted
 * domains and the zoom transform, and the priority order in which words get labels. No DOM here,
 * so it is measured and tested in Node.
 */
import type { Domains } from './extent';

/** Space around the plot area for the axes, in CSS pixels. */
export const PLOT_MARGIN = { top: 10, right: 14, bottom: 38, left: 46 } as const;

/** A zoom transform: screen = k · base + (x, y) (d3-zoom's ZoomTransform fits). */
export interface Transform {
  k: number;
  x: number;
  y: number;
}

export const IDENTITY: Transform = { k: 1, x: 0, y: 0 };

/** Linear map of the plot: base screen x = ax + bx·x, base screen y = ay + by·y. */
export interface PlotMap {
  ax: number;
  bx: number;
  ay: number;
  by: number;
}

/** The base (unzoomed) map that puts `domains` on the plot area of a `width` × `height` canvas. */
export function plotMap(domains: Domains, width: number, height: number): PlotMap {
  const left = PLOT_MARGIN.left;
  const right = Math.max(left + 1, width - PLOT_MARGIN.right);
  const top = PLOT_MARGIN.top;
  const bottom = Math.max(top + 1, height - PLOT_MARGIN.bottom);
  const bx = (right - left) / (domains.x[1] - domains.x[0]);
  const by = -(bottom - top) / (domains.y[1] - domains.y[0]);
  return { ax: left - bx * domains.x[0], bx, ay: bottom - by * domains.y[0], by };
}

/** Plot area size in pixels (canvas minus the axis margins). */
export function plotSize(width: number, height: number): { width: number; height: number } {
  return {
    width: Math.max(1, width - PLOT_MARGIN.left - PLOT_MARGIN.right),
    height: Math.max(1, height - PLOT_MARGIN.top - PLOT_MARGIN.bottom),
  };
}

/**
 * Screen positions of the first `n` points of interleaved `xy`: out = k · map(xy) + (tx, ty).
 * `out` must hold 2n numbers; `anchorX`/`anchorY` (optional) receive the same values split.
 */
export function toScreen(
  xy: Float32Array,
  n: number,
  map: PlotMap,
  t: Transform,
  out: Float32Array,
  anchorX?: Float32Array,
  anchorY?: Float32Array,
): void {
  const kx = t.k * map.bx;
  const cx = t.k * map.ax + t.x;
  const ky = t.k * map.by;
  const cy = t.k * map.ay + t.y;
  for (let i = 0; i < n; i++) {
    const sx = cx + kx * xy[2 * i]!;
    const sy = cy + ky * xy[2 * i + 1]!;
    out[2 * i] = sx;
    out[2 * i + 1] = sy;
    if (anchorX) anchorX[i] = sx;
    if (anchorY) anchorY[i] = sy;
  }
}

/** The facts about a shown word that decide its label's priority. */
export interface LabelFacts {
  count: number;
  isRequested: boolean;
}

/** Labels for words that nobody asked for are capped (the grid drops most of them anyway). */
export const MAX_FREE_LABELS = 300;

/**
 * Label order: pinned and hovered words first, then requested words, most frequent first, then
 * the most frequent of the rest up to `maxFree`. Returns the order and how many of its entries are
 * priority labels (pinned, hovered or requested), which are always placed.
 */
export function labelOrder(
  words: readonly LabelFacts[],
  pinned: ReadonlySet<number>,
  hovered: number,
  maxFree = MAX_FREE_LABELS,
): { order: Int32Array; priorityCount: number } {
  const byCount = (a: number, b: number): number => words[b]!.count - words[a]!.count || a - b;
  const first: number[] = [];
  if (hovered >= 0 && hovered < words.length) first.push(hovered);
  for (const i of [...pinned].sort(byCount)) if (i !== hovered && i < words.length) first.push(i);
  const isFirst = new Set(first);
  const requested: number[] = [];
  const free: number[] = [];
  words.forEach((word, i) => {
    if (isFirst.has(i)) return;
    (word.isRequested ? requested : free).push(i);
  });
  requested.sort(byCount);
  free.sort(byCount);
  const priority = [...first, ...requested];
  const order = Int32Array.from([...priority, ...free.slice(0, maxFree)]);
  return { order, priorityCount: priority.length };
}
