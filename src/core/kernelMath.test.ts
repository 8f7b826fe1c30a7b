import { describe, expect, it } from 'vitest';
import { dot, scoreRows } from './kernelMath';
import { axpy, updateRowsInPlace, updateRowsInto } from './rowUpdates';
import { createRng } from './rng';
import { expectArraysClose } from './testing/expectClose';

/** A memory of `rows` rows of d entries, uniform in [−1, 1), plus its float64 copy. */
function memory(rows: number, d: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: rows * d }, () => 2 * rng.next() - 1);
}

describe('dot(N, m, offsetX, offsetY)', () => {
  it('exact small integers, every remainder of the 4-way unrolling', () => {
    const m = Float32Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14);
    expect(dot(0, m, 0, 7)).toBe(0);
    expect(dot(-3, m, 0, 7)).toBe(0);
    expect(dot(1, m, 0, 7)).toBe(8);
    expect(dot(3, m, 0, 7)).toBe(1 * 8 + 2 * 9 + 3 * 10);
    expect(dot(4, m, 1, 8)).toBe(2 * 9 + 3 * 10 + 4 * 11 + 5 * 12);
    expect(dot(7, m, 0, 7)).toBe(8 + 18 + 30 + 44 + 60 + 78 + 98);
  });

  it('aliasing: the same row twice gives the squared norm', () => {
    const m = Float32Array.of(3, 4, 12);
    expect(dot(3, m, 0, 0)).toBe(169);
  });

  it('NaN propagates', () => {
    expect(dot(2, Float32Array.of(1, NaN, 1, 1), 0, 2)).toBeNaN();
  });
});

describe('scoreRows: grouped dot products equal one dot per row', () => {
  it.each([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 13])('n = %i rows, d = 7 (odd)', (n) => {
    const d = 7;
    const m = memory(20, d, n + 1);
    const rows = Int32Array.from({ length: n }, (_, j) => ((j * 7 + 3) % 19) * d);
    const scores = new Float64Array(n);
    scoreRows(d, m, 19 * d, rows, n, scores);
    const expected = Array.from(rows, (r) => {
      let s = 0;
      for (let i = 0; i < d; i++) s += m[r + i]! * m[19 * d + i]!;
      return s;
    });
    expectArraysClose(scores, expected, 1e-14);
  });
});

/** Reference for updateRowsInPlace in float64: rows += g h; out = in + Σ g · row(old). */
function referenceUpdate(
  m: Float32Array,
  d: number,
  h: number,
  rows: number[],
  gs: number[],
  from: number,
  to: number,
): Float64Array {
  const x = Float64Array.from(m);
  const e = new Float64Array(d);
  rows.forEach((r, j) => {
    for (let i = 0; i < d; i++) e[i]! += gs[j]! * m[r + i]!;
  });
  rows.forEach((r, j) => {
    for (let i = 0; i < d; i++) x[r + i]! += gs[j]! * m[h + i]!;
  });
  for (let i = 0; i < d; i++) x[to + i] = m[from + i]! + e[i]!;
  return x;
}

describe('updateRowsInPlace: the chained output step', () => {
  const d = 5;
  const W = 16;
  // Layout: rows 0…W−1, then h (row W), neu1e (W+1), zero row (W+2).
  const H = W * d;
  const NEU = (W + 1) * d;
  const ZERO = (W + 2) * d;

  it.each([0, 1, 2, 3, 4, 5, 6, 7, 9, 12, 13])(
    'n = %i: skip-gram form (in = out = h: v_c += e)',
    (n) => {
      const m = memory(W + 3, d, 40 + n);
      m.fill(0, ZERO, ZERO + d);
      const rows = Array.from({ length: n }, (_, j) => j * d);
      const gs = Array.from({ length: n }, (_, j) => 0.1 * (j + 1) * (j % 2 === 0 ? 1 : -1));
      const expected = referenceUpdate(m, d, H, rows, gs, H, H);
      updateRowsInPlace(d, m, H, Int32Array.from(rows), Float64Array.from(gs), n, NEU, H, H);
      // neu1e is scratch: compare everything else.
      expectArraysClose(m.subarray(0, NEU), expected.subarray(0, NEU), 1e-6);
    },
  );

  it.each([0, 1, 4, 6, 8])(
    'n = %i: CBOW form (in = zero row, out = neu1e), stale neu1e ignored',
    (n) => {
      const m = memory(W + 3, d, 60 + n);
      m.fill(0, ZERO, ZERO + d);
      const rows = Array.from({ length: n }, (_, j) => (15 - j) * d);
      const gs = Array.from({ length: n }, (_, j) => 0.3 - 0.05 * j);
      const expected = referenceUpdate(m, d, H, rows, gs, ZERO, NEU);
      updateRowsInPlace(d, m, H, Int32Array.from(rows), Float64Array.from(gs), n, NEU, ZERO, NEU);
      expectArraysClose(m.subarray(0, ZERO), expected.subarray(0, ZERO), 1e-6);
    },
  );
});

describe('updateRowsInto and axpy', () => {
  it('updateRowsInto leaves the rows alone and accumulates into row + shift and neu1e', () => {
    const d = 3;
    const m = Float32Array.of(1, 2, 3, /* h */ 1, 0, -1, /* neu */ 1, 1, 1, /* acc */ 5, 5, 5);
    updateRowsInto(d, m, 3, Int32Array.of(0), Float64Array.of(2), 1, 6, 9);
    expect(Array.from(m)).toEqual([1, 2, 3, 1, 0, -1, 3, 5, 7, 7, 5, 3]);
  });

  it('axpy adds alpha·x, optionally clearing x; N ≤ 0 does nothing', () => {
    const m = Float32Array.of(1, 2, 10, 20);
    axpy(2, 0.5, m, 0, 2, false);
    expect(Array.from(m)).toEqual([1, 2, 10.5, 21]);
    axpy(2, 2, m, 0, 2, true);
    expect(Array.from(m)).toEqual([0, 0, 12.5, 25]);
    axpy(0, 2, m, 2, 0, true);
    expect(Array.from(m)).toEqual([0, 0, 12.5, 25]);
  });
});
