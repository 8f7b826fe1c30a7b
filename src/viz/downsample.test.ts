import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng';
import {
  EMA_WEIGHT,
  createDownsampled,
  downsampleMinMax,
  extendEma,
  type RingSeries,
} from './downsample';

/** A ring of `capacity` holding the last points of a series of `total` points x = j, y = f(j). */
function ring(total: number, capacity: number, f: (j: number) => number): RingSeries {
  const xs = new Float64Array(capacity);
  const ys = new Float32Array(capacity);
  for (let j = 0; j < total; j++) {
    xs[j % capacity] = j;
    ys[j % capacity] = f(j);
  }
  return { xs, ys, total, capacity };
}

describe('downsampleMinMax', () => {
  it('keeps exactly each column’s min and max, in order, at most two per column', () => {
    const rng = createRng(4);
    const values = Array.from({ length: 10_000 }, () => rng.next() * 10 - 5);
    const series = ring(10_000, 16_384, (j) => values[j]!);
    const width = 137;
    const out = downsampleMinMax(series, 0, 9999, width, createDownsampled(width));
    expect(out.count).toBeLessThanOrEqual(2 * width);
    // Brute force: min and max of the float32 values per column.
    const scale = width / 9999;
    const byColumn = new Map<number, number[]>();
    for (let j = 0; j < 10_000; j++) {
      const c = Math.min(width - 1, Math.floor(j * scale));
      byColumn.set(c, [...(byColumn.get(c) ?? []), Math.fround(values[j]!)]);
    }
    const kept = new Map<number, number[]>();
    for (let k = 0; k < out.count; k++) {
      const c = Math.min(width - 1, Math.floor(out.xs[k]! * scale));
      kept.set(c, [...(kept.get(c) ?? []), out.ys[k]!]);
      if (k > 0) expect(out.xs[k]).toBeGreaterThan(out.xs[k - 1]!);
    }
    expect(kept.size).toBe(byColumn.size);
    for (const [c, ys] of byColumn) {
      expect(Math.min(...kept.get(c)!)).toBe(Math.min(...ys));
      expect(Math.max(...kept.get(c)!)).toBe(Math.max(...ys));
    }
  });

  it('reads a wrapped ring in logical order and only the points in [x0, x1]', () => {
    const series = ring(25, 10, (j) => j * 2); // holds points 15…24
    const out = downsampleMinMax(series, 17, 21, 100, createDownsampled(100));
    expect(Array.from(out.xs.subarray(0, out.count))).toEqual([17, 18, 19, 20, 21]);
    expect(Array.from(out.ys.subarray(0, out.count))).toEqual([34, 36, 38, 40, 42]);
  });

  it('skips NaN and infinite losses rather than drawing them', () => {
    const series = ring(6, 8, (j) => [1, NaN, 3, Infinity, 2, -Infinity][j]!);
    const out = downsampleMinMax(series, 0, 5, 1, createDownsampled(1));
    expect(Array.from(out.ys.subarray(0, out.count))).toEqual([1, 3]);
  });

  it('handles an empty series and a single point', () => {
    expect(
      downsampleMinMax(
        ring(0, 4, () => 0),
        0,
        1,
        50,
        createDownsampled(50),
      ).count,
    ).toBe(0);
    const one = downsampleMinMax(
      ring(1, 4, () => 7),
      0,
      0,
      50,
      createDownsampled(50),
    );
    expect(one.count).toBe(1);
    expect(one.ys[0]).toBe(7);
  });
});

describe('extendEma', () => {
  it('matches s = 0.95·s + 0.05·ℓ seeded with the first point, done in pieces or at once', () => {
    const values = [4, 2, 3, 1, 5, 2];
    let expected = values[0]!;
    const direct = values.map((v, i) =>
      i === 0 ? v : (expected = (1 - EMA_WEIGHT) * expected + EMA_WEIGHT * v),
    );
    const ys = Float32Array.from(values);
    const smooth = new Float32Array(6);
    let state = extendEma(ys, smooth, 6, 0, 3, NaN);
    state = extendEma(ys, smooth, 6, 3, 6, state);
    for (let i = 0; i < 6; i++) expect(smooth[i]).toBeCloseTo(direct[i]!, 5);
    expect(state).toBeCloseTo(direct[5]!, 10);
  });

  it('ignores a NaN loss instead of turning the whole average into NaN', () => {
    const smooth = new Float32Array(3);
    const state = extendEma(Float32Array.of(2, NaN, 2), smooth, 3, 0, 3, NaN);
    expect(state).toBe(2);
    expect(Array.from(smooth)).toEqual([2, 2, 2]);
  });
});
