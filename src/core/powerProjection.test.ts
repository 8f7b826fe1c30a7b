import { describe, expect, it } from 'vitest';
import { powerProject2d } from './powerProjection';
import { project2d, type Projection } from './projection';
import { expectArraysClose, expectClose } from './testing/expectClose';
import { randomMatrix } from './testing/lossFixtures';

const axis = (p: Projection, k: number) => Array.from(p.axes.subarray(k * p.d, (k + 1) * p.d));
const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};

/** Largest sine of the angle between the planes of two projections' axes (0 = same plane). */
function planeDistance(a: Projection, b: Projection): number {
  let worst = 0;
  for (let k = 0; k < 2; k++) {
    const u = axis(a, k);
    const c0 = dot(u, axis(b, 0));
    const c1 = dot(u, axis(b, 1));
    worst = Math.max(worst, Math.sqrt(Math.max(0, 1 - c0 * c0 - c1 * c1)));
  }
  return worst;
}

/**
 * Rows with a clear spectrum, as trained embeddings have: scores on 4 random directions with
 * spreads 5, 3, 1.5, 1 plus a little noise, and a non-zero mean. n odd, so the last row of the
 * row pairs is exercised.
 */
function structured(seed: number, n: number, d: number): Float64Array {
  const directions = randomMatrix(seed, 4, d);
  const scores = randomMatrix(seed + 1, n, 4);
  const noise = randomMatrix(seed + 2, n, d, 0.05);
  const spreads = [5, 3, 1.5, 1];
  return Float64Array.from({ length: n * d }, (_, j) => {
    const [i, c] = [Math.floor(j / d), j % d];
    let x = 0.7 + noise[j]!;
    for (let k = 0; k < 4; k++) x += spreads[k]! * scores[i * 4 + k]! * directions[k * d + c]!;
    return x;
  });
}

/** The Hadamard fixture of projection.test.ts: eigenvalues 9, 4, 1, axes b₁, b₂. */
const H2 = [1, -1, 1, -1];
const H3 = [1, 1, -1, -1];
const H4 = [1, -1, -1, 1];
const B1 = [0.5, 0.5, 0.5, 0.5, 0];
const B2 = [0.5, -0.5, 0.5, -0.5, 0];
const B3 = [0.5, 0.5, -0.5, -0.5, 0];
const MU = [5, -1, 2, 0, 7];
const FIXTURE = Float64Array.from({ length: 20 }, (_, j) => {
  const [i, k] = [Math.floor(j / 5), j % 5];
  return MU[k]! + 3 * H2[i]! * B1[k]! + 2 * H3[i]! * B2[k]! + H4[i]! * B3[k]!;
});

describe('powerProject2d', () => {
  it('reaches the known PCA of the Hadamard fixture from a cold start', () => {
    const p = powerProject2d(FIXTURE, 4, 5, undefined, { iterations: 60, tolerance: 0 });
    expectArraysClose(p.mean, MU, 1e-14);
    expectArraysClose(p.variance, [9, 4], 1e-12);
    expectClose(p.totalVariance, 14, 1e-12);
    expectArraysClose(p.explainedVarianceRatio, [9 / 14, 4 / 14], 1e-12);
    expectArraysClose(axis(p, 0), B1, 1e-6);
    expectArraysClose(axis(p, 1), B2, 1e-6);
    expectArraysClose(
      p.coords,
      H2.flatMap((h, i) => [3 * h, 2 * H3[i]!]),
      1e-5,
    );
  });

  it('converges to the symmetricEigen answer of project2d on structured rows (Float32)', () => {
    const n = 301;
    const d = 24;
    const rows = Float32Array.from(structured(11, n, d));
    const exact = project2d(rows, n, d);
    const p = powerProject2d(rows, n, d, undefined, { iterations: 200, tolerance: 0 });
    expectArraysClose(p.mean, exact.mean, 1e-12);
    expectClose(p.totalVariance, exact.totalVariance, 1e-9);
    expectArraysClose(p.variance, exact.variance, 1e-9);
    expectArraysClose(p.explainedVarianceRatio, exact.explainedVarianceRatio, 1e-9);
    // Same sign rule without `previous`: the axes and coordinates match, not just up to sign.
    expectArraysClose(axis(p, 0), axis(exact, 0), 1e-6);
    expectArraysClose(axis(p, 1), axis(exact, 1), 1e-6);
    expectArraysClose(p.coords, exact.coords, 1e-4);
  });

  it('the plane error shrinks with every step (power iteration converges)', () => {
    const n = 201;
    const d = 30;
    const rows = structured(21, n, d);
    const exact = project2d(rows, n, d);
    const errors = [1, 2, 4, 8].map((iterations) =>
      planeDistance(powerProject2d(rows, n, d, undefined, { iterations, tolerance: 0 }), exact),
    );
    for (let k = 1; k < errors.length; k++) expect(errors[k]!).toBeLessThan(errors[k - 1]!);
    expect(errors[3]!).toBeLessThan(1e-3);
  });

  it('a warm start from slightly changed rows needs only the default couple of steps', () => {
    const n = 151;
    const d = 20;
    const rows = structured(31, n, d);
    const before = project2d(rows, n, d);
    const drift = randomMatrix(32, n, d, 0.02);
    const after = rows.map((x, j) => x + drift[j]!);
    const exact = project2d(after, n, d, before);
    const warm = powerProject2d(after, n, d, before);
    const cold = powerProject2d(after, n, d, undefined, { iterations: 2, tolerance: 0 });
    expect(planeDistance(warm, exact)).toBeLessThan(1e-3);
    expect(planeDistance(warm, exact)).toBeLessThan(planeDistance(cold, exact));
    expectArraysClose(warm.coords, exact.coords, 2e-2);
  });

  it('returns orthonormal axes after any number of steps, even one', () => {
    const n = 57;
    const d = 9;
    const rows = randomMatrix(41, n, d);
    for (const iterations of [0, 1, 3]) {
      const p = powerProject2d(rows, n, d, undefined, { iterations });
      expectClose(dot(axis(p, 0), axis(p, 0)), 1, 1e-12);
      expectClose(dot(axis(p, 1), axis(p, 1)), 1, 1e-12);
      expectClose(dot(axis(p, 0), axis(p, 1)), 0, 1e-12);
    }
  });

  it('variance is qᵀCq of the returned axes, and the ratios are that over trace C', () => {
    const n = 80;
    const d = 7;
    const rows = randomMatrix(51, n, d);
    const p = powerProject2d(rows, n, d, undefined, { iterations: 3 });
    const along = (q: number[]) => {
      let s = 0;
      for (let i = 0; i < n; i++) {
        let proj = 0;
        for (let c = 0; c < d; c++) proj += (rows[i * d + c]! - p.mean[c]!) * q[c]!;
        s += proj * proj;
      }
      return s / n;
    };
    let trace = 0;
    for (let c = 0; c < d; c++) trace += along(Array.from({ length: d }, (_, j) => +(j === c)));
    expectClose(p.totalVariance, trace, 1e-12);
    for (let k = 0; k < 2; k++) {
      expectClose(p.variance[k]!, along(axis(p, k)), 1e-12);
      expectClose(p.explainedVarianceRatio[k]!, p.variance[k]! / trace, 1e-12);
    }
    expect(p.explainedVarianceRatio[0]! + p.explainedVarianceRatio[1]!).toBeLessThanOrEqual(1);
    // Without `previous` the first axis holds the larger share.
    expect(p.variance[0]!).toBeGreaterThanOrEqual(p.variance[1]!);
  });

  it('sign alignment: a flipped previous axis flips the new axis and its coordinates', () => {
    const n = 101;
    const d = 12;
    const rows = structured(61, n, d);
    const p = powerProject2d(rows, n, d, undefined, { iterations: 100 });
    const flipped = { ...p, axes: p.axes.map((x, j) => (j < d ? -x : x)) };
    const q = powerProject2d(rows, n, d, flipped);
    expect(dot(axis(q, 0), axis(flipped, 0))).toBeGreaterThan(0.999);
    expect(dot(axis(q, 1), axis(flipped, 1))).toBeGreaterThan(0.999);
    expectArraysClose(
      q.coords,
      p.coords.map((c, j) => (j % 2 === 0 ? -c : c)),
      1e-4,
    );
  });

  it('order alignment: swapped previous axes swap the axes, variances and coordinates', () => {
    const p = powerProject2d(FIXTURE, 4, 5, undefined, { iterations: 60, tolerance: 0 });
    const swapped = { ...p, axes: Float64Array.from([...axis(p, 1), ...axis(p, 0)]) };
    const q = powerProject2d(FIXTURE, 4, 5, swapped);
    expectArraysClose(axis(q, 0), axis(p, 1), 1e-6);
    expectArraysClose(axis(q, 1), axis(p, 0), 1e-6);
    expectArraysClose(q.variance, [4, 9], 1e-10);
    expectArraysClose(
      q.coords,
      p.coords.map((_, j) => p.coords[j ^ 1]!),
      1e-5,
    );
  });

  it('does not modify the rows or the previous projection', () => {
    const rows = randomMatrix(71, 9, 4);
    const copy = rows.slice();
    const previous = powerProject2d(rows, 9, 4);
    const axesCopy = previous.axes.slice();
    powerProject2d(rows, 9, 4, previous);
    expect(Array.from(rows)).toEqual(Array.from(copy));
    expect(Array.from(previous.axes)).toEqual(Array.from(axesCopy));
  });

  it('degenerate data: identical rows, one row, rank one — finite, orthonormal, no NaN', () => {
    const cases: [Float64Array, number, number][] = [
      [Float64Array.from({ length: 12 }, (_, j) => j % 3), 4, 3],
      [Float64Array.of(1, 2, 3), 1, 3],
      [Float64Array.from({ length: 15 }, (_, j) => Math.floor(j / 3) * (1 + (j % 3))), 5, 3],
    ];
    for (const [rows, n, d] of cases) {
      const p = powerProject2d(rows, n, d);
      expect(Array.from(p.coords).every(Number.isFinite)).toBe(true);
      expect(Array.from(p.explainedVarianceRatio).every(Number.isFinite)).toBe(true);
      expectClose(dot(axis(p, 0), axis(p, 0)), 1, 1e-12);
      expectClose(dot(axis(p, 1), axis(p, 1)), 1, 1e-12);
      expectClose(dot(axis(p, 0), axis(p, 1)), 0, 1e-12);
    }
    // Rank one: all the spread on the first axis, none on the second.
    const rank1 = powerProject2d(cases[2]![0], 5, 3);
    expectClose(rank1.explainedVarianceRatio[0]!, 1, 1e-12);
    expectClose(rank1.variance[1]!, 0, 1e-12);
  });

  it('NaN propagates: one NaN entry makes every coordinate and ratio NaN', () => {
    const rows = randomMatrix(81, 11, 4);
    rows[9] = NaN;
    const p = powerProject2d(rows, 11, 4);
    expect(Array.from(p.coords).every(Number.isNaN)).toBe(true);
    expect(Array.from(p.explainedVarianceRatio).every(Number.isNaN)).toBe(true);
  });

  it('an infinite previous axis is ignored (cold start), not propagated', () => {
    const rows = structured(91, 41, 6);
    const p = powerProject2d(rows, 41, 6, undefined, { iterations: 50 });
    const broken = { ...p, axes: p.axes.map((x, j) => (j === 0 ? Infinity : x)) };
    const q = powerProject2d(rows, 41, 6, broken, { iterations: 50 });
    expect(Array.from(q.coords).every(Number.isFinite)).toBe(true);
    expect(planeDistance(q, p)).toBeLessThan(1e-6);
  });

  it('rejects d < 2, n < 1 and too few values', () => {
    expect(() => powerProject2d(new Float64Array(3), 3, 1)).toThrow(RangeError);
    expect(() => powerProject2d(new Float64Array(0), 0, 2)).toThrow(RangeError);
    expect(() => powerProject2d(new Float64Array(3), 2, 2)).toThrow(RangeError);
  });
});
