/**
 * Canvas drawing of the word map over its pixel layer (pixelLayer.ts, which holds the points and
 * the label backings): rings for the hovered, pinned and example words, and the placed labels
 * with leader lines for labels set away from their point; plus the points' grouping by style.
 */
import {
  HIGHLIGHT_MARKS,
  type ExampleHighlights,
  type HighlightColors,
  type HighlightMark,
} from './exampleHighlights';
import type { GroupStyle } from './palette';
import type { LabelPlacement } from './labelGrid';

/** Points grouped by style: `indices[start[b] … start[b+1])` are drawn with `styles[b]`. */
export interface StyleBatches {
  styles: GroupStyle[];
  start: Int32Array;
  indices: Int32Array;
}

/** Radius of a point in CSS pixels. */
export const POINT_RADIUS = 4;
export const LABEL_FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
/** Height of a label's box: the font size plus a little air. */
export const LABEL_HEIGHT = 15;
const TEXT_COLOR = '#1d1d1f';
const FREE_TEXT_COLOR = '#4a4a55';
const HIGHLIGHT_COLOR = '#1d1d1f';

/** Groups the point indices by style id, in style order. */
export function batchByStyle(styleOf: readonly GroupStyle[]): StyleBatches {
  const byId = new Map<number, { style: GroupStyle; members: number[] }>();
  styleOf.forEach((style, i) => {
    const batch = byId.get(style.styleId) ?? { style, members: [] };
    batch.members.push(i);
    byId.set(style.styleId, batch);
  });
  const batches = [...byId.entries()].sort((a, b) => a[0] - b[0]).map((entry) => entry[1]);
  const start = new Int32Array(batches.length + 1);
  const indices = new Int32Array(styleOf.length);
  let cursor = 0;
  batches.forEach((batch, b) => {
    start[b] = cursor;
    indices.set(batch.members, cursor);
    cursor += batch.members.length;
  });
  start[batches.length] = cursor;
  return { styles: batches.map((batch) => batch.style), start, indices };
}

/** Rings around the hovered and pinned points. */
export function drawHighlights(
  ctx: CanvasRenderingContext2D,
  screen: Float32Array,
  pinned: ReadonlySet<number>,
  hovered: number,
): void {
  ctx.beginPath();
  const ring = (i: number, r: number): void => {
    const x = screen[2 * i];
    const y = screen[2 * i + 1];
    if (x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) return;
    ctx.moveTo(x + r, y);
    ctx.arc(x, y, r, 0, 2 * Math.PI);
  };
  for (const i of pinned) ring(i, POINT_RADIUS + 3);
  if (hovered >= 0) ring(hovered, POINT_RADIUS + 4);
  ctx.lineWidth = 2;
  ctx.strokeStyle = HIGHLIGHT_COLOR;
  ctx.stroke();
}

/** How each role of the shown example is ringed: gap beyond the point's rim, line width, dash. */
const EXAMPLE_RINGS: Record<HighlightMark, { gap: number; width: number; dash: number[] }> = {
  center: { gap: 5, width: 3, dash: [] },
  context: { gap: 3.5, width: 2.5, dash: [] },
  // Dashed, so negatives differ from context words by more than colour.
  negative: { gap: 3.5, width: 2, dash: [3, 2] },
  touched: { gap: 2.5, width: 1.25, dash: [] },
};

/** Rings around the words of the example the derivation panels show: one path per role. */
export function drawExampleRings(
  ctx: CanvasRenderingContext2D,
  screen: Float32Array,
  highlights: ExampleHighlights,
  colors: HighlightColors,
): void {
  for (const mark of HIGHLIGHT_MARKS) {
    const indices = highlights[mark];
    if (indices.length === 0) continue;
    const { gap, width, dash } = EXAMPLE_RINGS[mark];
    const r = POINT_RADIUS + gap;
    ctx.beginPath();
    for (const i of indices) {
      const x = screen[2 * i];
      const y = screen[2 * i + 1];
      if (x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y))
        continue;
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, 2 * Math.PI);
    }
    ctx.setLineDash(dash);
    ctx.lineWidth = width;
    ctx.strokeStyle = colors[mark];
    ctx.stroke();
  }
  ctx.setLineDash([]);
}

/**
 * A placed label whose box is farther than this (px) from its point's centre gets a leader line:
 * beyond the point's rim plus a small gap, a label no longer reads as belonging to its dot.
 */
export const LEADER_MIN_DISTANCE = 8;

/**
 * The leader line of label i, or null when its box is close enough to the point: from the point's
 * rim to the nearest point of the box (box top-left `left`, `top`, size `width` × `height`).
 */
export function leaderLine(
  x: number,
  y: number,
  left: number,
  top: number,
  width: number,
  height: number,
): [number, number, number, number] | null {
  const bx = Math.min(Math.max(x, left), left + width);
  const by = Math.min(Math.max(y, top), top + height);
  const length = Math.hypot(bx - x, by - y);
  if (!(length > LEADER_MIN_DISTANCE)) return null;
  const rim = POINT_RADIUS / length;
  return [x + (bx - x) * rim, y + (by - y) * rim, bx, by];
}

/** The light backing under each placed label (painted by the pixel layer, under the points). */
export const LABEL_BOX_RGBA: readonly [number, number, number, number] = [255, 255, 255, 184];

/**
 * Draws the placed labels of `order` (after the points): one path of leader lines for every label
 * that sits more than `LEADER_MIN_DISTANCE` from its point (at `anchorX/Y`), then the text. The
 * first `priorityCount` of `order` are drawn darker than the rest.
 */
export function drawLabels(
  ctx: CanvasRenderingContext2D,
  words: readonly string[],
  widths: Float32Array,
  placement: LabelPlacement,
  order: Int32Array,
  priorityCount: number,
  anchorX: Float32Array,
  anchorY: Float32Array,
): void {
  ctx.beginPath();
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    if (!placement.isPlaced[i]) continue;
    const x = anchorX[i]!;
    const y = anchorY[i]!;
    const left = placement.left[i]!;
    const top = placement.top[i]!;
    const line = leaderLine(x, y, left, top, widths[i]!, LABEL_HEIGHT);
    if (!line) continue;
    ctx.moveTo(line[0], line[1]);
    ctx.lineTo(line[2], line[3]);
  }
  ctx.lineWidth = 0.75;
  ctx.strokeStyle = 'rgba(60, 60, 70, 0.55)';
  ctx.stroke();
  ctx.font = LABEL_FONT;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    if (!placement.isPlaced[i]) continue;
    ctx.fillStyle = k < priorityCount ? TEXT_COLOR : FREE_TEXT_COLOR;
    ctx.fillText(words[i]!, placement.left[i]! + 1, placement.top[i]! + LABEL_HEIGHT / 2);
  }
}
