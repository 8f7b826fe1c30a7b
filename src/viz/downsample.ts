/**
 * Min/max downsampling of a long series for a line chart of fixed pixel width. Each pixel column
 * keeps at most two points, the smallest and the largest value that fall in it, in the order they
 * occurred, so the drawn polyline covers exactly the vertical range the full series would have
 * covered in that column. A million points become at most 2 × width vertices.
 *
 * The series lives in a ring buffer (the loss history): logical point j of `count` is stored at
 * `(first + j) % capacity`, with `first = max(0, total − capacity)`.
 */

/** A series in ring storage: x values increase with the logical index. */
export interface RingSeries {
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
  /** Points ever appended; the ring holds the last min(total, capacity) of them. */
  total: number;
  capacity: number;
}

/** Output buffers, reused between calls: `count` vertices (x, y) in data units. */
export interface Downsampled {
  xs: Float64Array;
  ys: Float64Array;
  count: number;
}

/** Buffers for at most 2 vertices per column of a `width`-pixel chart. */
export function createDownsampled(width: number): Downsampled {
  const size = 2 * Math.max(1, Math.ceil(width)) + 2;
  return { xs: new Float64Array(size), ys: new Float64Array(size), count: 0 };
}

/**
 * Downsamples the points of `series` whose x lies in [x0, x1] into `width` columns. Non-finite
 * y values are skipped. Writes into `out` (grown if too small) and returns it.
 */
export function downsampleMinMax(
  series: RingSeries,
  x0: number,
  x1: number,
  width: number,
  out: Downsampled,
): Downsampled {
  const columns = Math.max(1, Math.floor(width));
  if (out.xs.length < 2 * columns + 2) Object.assign(out, createDownsampled(columns));
  out.count = 0;
  const { xs, ys, capacity } = series;
  const held = Math.min(series.total, capacity);
  const first = (series.total - held) % capacity;
  const scale = x1 > x0 ? columns / (x1 - x0) : 0;
  let column = -1;
  // x at which the current column ends; compared instead of dividing for every point.
  let columnEnd = -Infinity;
  let minY = 0;
  let maxY = 0;
  let minX = 0;
  let maxX = 0;
  let minAt = 0;
  let maxAt = 0;
  let slot = first;
  for (let j = 0; j < held; j++, slot++) {
    if (slot === capacity) slot = 0;
    const x = xs[slot]!;
    const y = ys[slot]!;
    if (x < x0 || x > x1 || !(y - y === 0)) continue; // y − y is NaN for NaN and ±Infinity
    if (x >= columnEnd) {
      const c = Math.min(columns - 1, Math.floor((x - x0) * scale));
      if (c !== column) {
        if (column >= 0) emit(out, minX, minY, minAt, maxX, maxY, maxAt);
        column = c;
        columnEnd = c === columns - 1 || scale === 0 ? Infinity : x0 + (c + 1) / scale;
        minY = maxY = y;
        minX = maxX = x;
        minAt = maxAt = j;
        continue;
      }
    }
    if (y < minY) {
      minY = y;
      minX = x;
      minAt = j;
    } else if (y > maxY) {
      maxY = y;
      maxX = x;
      maxAt = j;
    }
  }
  if (column >= 0) emit(out, minX, minY, minAt, maxX, maxY, maxAt);
  return out;
}

/** Appends a column's extreme points in the order they occurred (one if they coincide). */
function emit(
  out: Downsampled,
  minX: number,
  minY: number,
  minAt: number,
  maxX: number,
  maxY: number,
  maxAt: number,
): void {
  if (minAt === maxAt) {
    push(out, minX, minY);
  } else if (minAt < maxAt) {
    push(out, minX, minY);
    push(out, maxX, maxY);
  } else {
    push(out, maxX, maxY);
    push(out, minX, minY);
  }
}

function push(out: Downsampled, x: number, y: number): void {
  out.xs[out.count] = x;
  out.ys[out.count] = y;
  out.count++;
}

/**
 * Weight of the newest point in the smoothed loss: s_t = 0.95·s_{t−1} + 0.05·ℓ_t, seeded with the
 * first point, the same average the worker reports as `smoothedLoss` (CS224n's `sgd`).
 */
export const EMA_WEIGHT = 0.05;

/**
 * Extends a smoothed copy of a ring series: fills `smooth` at the slots of points `from … total−1`
 * given the running average `state` (NaN before the first point); returns the new state.
 * Non-finite values leave the average unchanged (the chart shows the raw spike, not a NaN line).
 */
export function extendEma(
  ys: ArrayLike<number>,
  smooth: Float32Array,
  capacity: number,
  from: number,
  total: number,
  state: number,
): number {
  let s = state;
  const start = Math.max(from, total - capacity);
  let slot = start % capacity;
  for (let j = start; j < total; j++, slot++) {
    if (slot === capacity) slot = 0;
    const y = ys[slot]!;
    if (y - y === 0) s = s === s ? (1 - EMA_WEIGHT) * s + EMA_WEIGHT * y : y; // s === s: not NaN
    smooth[slot] = s;
  }
  return s;
}
