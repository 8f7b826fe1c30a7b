/**
 * Pure math of the weight heatmaps: a diverging colour scale symmetric around 0, the cell grid
 * of a W×d matrix, hit-testing and the placement of row labels. Matrices are row-major
 * Float32Arrays (row r, dimension j at r·d + j), as the trainer sends them.
 */

/** RGB stops from −1 to +1: blue, light blue, near white, light orange, dark orange. */
export const DIVERGING_STOPS: readonly (readonly [number, number, number])[] = [
  [33, 102, 172],
  [146, 197, 222],
  [247, 247, 247],
  [253, 184, 99],
  [179, 88, 6],
];

/** Colour of a non-finite value (a diverged model), outside the scale on purpose. */
export const NAN_RGB: readonly [number, number, number] = [0, 0, 0];

/**
 * Writes the colour of t ∈ [−1, 1] (clamped) into out[offset … offset+2]: linear interpolation
 * between neighbouring stops. Blue and orange stay apart under every common colour-vision
 * deficiency, and lightness grows towards 0, so the sign also reads in grey scale.
 */
export function divergingRgb(t: number, out: Uint8ClampedArray | number[], offset = 0): void {
  if (!Number.isFinite(t)) {
    out[offset] = NAN_RGB[0];
    out[offset + 1] = NAN_RGB[1];
    out[offset + 2] = NAN_RGB[2];
    return;
  }
  const last = DIVERGING_STOPS.length - 1;
  const position = ((Math.max(-1, Math.min(1, t)) + 1) / 2) * last;
  const i = Math.min(Math.floor(position), last - 1);
  const f = position - i;
  const a = DIVERGING_STOPS[i]!;
  const b = DIVERGING_STOPS[i + 1]!;
  for (let c = 0; c < 3; c++) out[offset + c] = Math.round(a[c]! + (b[c]! - a[c]!) * f);
}

/** The same colour as a CSS string. */
export function divergingCss(t: number): string {
  const rgb = [0, 0, 0];
  divergingRgb(t, rgb);
  return `rgb(${rgb[0]}, ${rgb[1]}, ${rgb[2]})`;
}

/** Largest |value| over the finite entries (0 when there are none): the scale runs −m … +m. */
export function symmetricMax(values: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < values.length; i++) {
    const a = Math.abs(values[i]!);
    if (a > max && Number.isFinite(a)) max = a;
  }
  return max;
}

/** [min, max] over the finite entries ([0, 0] when there are none), for captions. */
export function finiteRange(values: ArrayLike<number>): [number, number] {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
  }
  return min <= max ? [min, max] : [0, 0];
}

/**
 * Paints a rows×cols matrix into RGBA pixels, one pixel per cell (`out` has rows·cols·4 entries),
 * value v coloured at v / maxAbs. maxAbs = 0 (an all-zero matrix, e.g. u before training) is white.
 */
export function paintMatrix(
  values: ArrayLike<number>,
  rows: number,
  cols: number,
  maxAbs: number,
  out: Uint8ClampedArray,
): void {
  const scale = maxAbs > 0 ? 1 / maxAbs : 0;
  for (let i = 0; i < rows * cols; i++) {
    const v = values[i]!;
    divergingRgb(Number.isFinite(v) ? v * scale : v, out, 4 * i);
    out[4 * i + 3] = 255;
  }
}

/** Where a heatmap's cells sit, in CSS pixels. */
export interface HeatmapLayout {
  rows: number;
  cols: number;
  /** Left edge of the cells (room for row labels before it). */
  left: number;
  cellWidth: number;
  cellHeight: number;
  width: number;
  height: number;
}

export interface HeatmapSizing {
  /** Total width available. */
  width: number;
  /** Gutter for the row labels. */
  labelWidth: number;
  /** The tallest the cells may be together; rows get at least `minCellHeight` even past it. */
  maxHeight: number;
  minCellHeight?: number;
  maxCellHeight?: number;
}

/** Cells filling the width after the label gutter; row height from the height budget, clamped. */
export function heatmapLayout(rows: number, cols: number, sizing: HeatmapSizing): HeatmapLayout {
  const { width, labelWidth, maxHeight, minCellHeight = 1, maxCellHeight = 10 } = sizing;
  const cellWidth = cols > 0 ? Math.max(width - labelWidth, 0) / cols : 0;
  const fit = rows > 0 ? maxHeight / rows : maxCellHeight;
  const cellHeight = Math.max(minCellHeight, Math.min(maxCellHeight, fit));
  return { rows, cols, left: labelWidth, cellWidth, cellHeight, width, height: rows * cellHeight };
}

/** The cell under (x, y), or null outside the grid. */
export function cellAt(
  layout: HeatmapLayout,
  x: number,
  y: number,
): { row: number; col: number } | null {
  const col = Math.floor((x - layout.left) / layout.cellWidth);
  const row = Math.floor(y / layout.cellHeight);
  if (!(col >= 0 && col < layout.cols && row >= 0 && row < layout.rows)) return null;
  return { row, col };
}

/** Vertical centre of a row. */
export function rowCentre(layout: HeatmapLayout, row: number): number {
  return (row + 0.5) * layout.cellHeight;
}

/**
 * Moves label positions apart so neighbours are at least `gap` apart, keeping their order and,
 * when they fit, the range [min, max]. Labels already apart stay where they are. `ys` is sorted.
 */
export function spreadLabels(
  ys: readonly number[],
  gap: number,
  min: number,
  max: number,
): number[] {
  const out = ys.map((y) => Math.max(min, Math.min(max, y)));
  // Push down past the previous label, then pull the tail back inside the range.
  for (let i = 1; i < out.length; i++) out[i] = Math.max(out[i]!, out[i - 1]! + gap);
  const last = out.length - 1;
  if (last >= 0 && out[last]! > max) {
    out[last] = max;
    for (let i = last - 1; i >= 0; i--) out[i] = Math.min(out[i]!, out[i + 1]! - gap);
  }
  return out;
}
