import { describe, expect, it } from 'vitest';
import { gatherConcatRows, gatherRows, project2d } from './projection';
import type { Projection } from './projection';
import { expectArraysClose, expectClose } from './testing/expectClose';
import { randomMatrix } from './testing/lossFixtures';

/** Axis k of a projection as a plain array. */
const axis = (p: Projection, k: number) => Array.from(p.axes.subarray(k * p.d, (k + 1) * p.d));
const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};

/**
 * A fixture with a known PCA. Score columns h₂, h₃, h₄ of a 4×4 Hadamard matrix are zero-mean
 * and orthogonal with ‖h‖² = 4; b₁, b₂, b₃ are orthonormal in R⁵. With X = 1μᵀ + 3h₂b₁ᵀ + 2h₃b₂ᵀ
 * + h₄b₃ᵀ, the covariance XᵀX/4 is 9b₁b₁ᵀ + 4b₂b₂ᵀ + b₃b₃ᵀ: eigenvalues 9, 4, 1, total 14, axes
 * ±b₁ and ±b₂, coordinates (3h₂, 2h₃).
 */
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

describe('project2d', () => {
  it('matches the known PCA of the Hadamard fixture', () => {
    const p = project2d(FIXTURE, 4, 5);
    expectArraysClose(p.mean, MU, 1e-15);
    expectArraysClose(p.variance, [9, 4], 1e-13);
    expectClose(p.totalVariance, 14, 1e-13);
    expectArraysClose(p.explainedVarianceRatio, [9 / 14, 4 / 14], 1e-14);
    // The sign rule (largest entry positive, first on ties) picks +b₁ and +b₂ here.
    expectArraysClose(axis(p, 0), B1, 1e-13);
    expectArraysClose(axis(p, 1), B2, 1e-13);
    expectArraysClose(
      p.coords,
      H2.flatMap((h, i) => [3 * h, 2 * H3[i]!]),
      1e-6,
    );
  });

  it('gives orthonormal axes and satisfies C q = λ q on random data (Float32 rows)', () => {
    const n = 60;
    const d = 12;
    const rows = Float32Array.from(randomMatrix(3, n, d));
    const p = project2d(rows, n, d);
    expectClose(dot(axis(p, 0), axis(p, 0)), 1, 1e-14);
    expectClose(dot(axis(p, 1), axis(p, 1)), 1, 1e-14);
    expectClose(dot(axis(p, 0), axis(p, 1)), 0, 1e-14);
    // Cq computed from the rows directly: Cq = X̄ᵀ(X̄q)/n.
    for (let k = 0; k < 2; k++) {
      const q = axis(p, k);
      const cq = new Float64Array(d);
      for (let i = 0; i < n; i++) {
        const centred = Array.from({ length: d }, (_, j) => rows[i * d + j]! - p.mean[j]!);
        const s = dot(centred, q);
        centred.forEach((c, j) => (cq[j]! += (c * s) / n));
      }
      expectArraysClose(
        cq,
        q.map((x) => x * p.variance[k]!),
        1e-12,
      );
    }
  });

  it('the top-2 axes hold more variance than any other direction', () => {
    const n = 40;
    const d = 6;
    const rows = randomMatrix(4, n, d);
    const p = project2d(rows, n, d);
    const varianceAlong = (u: number[]) => {
      const norm = Math.sqrt(dot(u, u));
      let s = 0;
      for (let i = 0; i < n; i++) {
        let proj = 0;
        for (let j = 0; j < d; j++) proj += ((rows[i * d + j]! - p.mean[j]!) * u[j]!) / norm;
        s += proj * proj;
      }
      return s / n;
    };
    expectClose(varianceAlong(axis(p, 0)), p.variance[0]!, 1e-12);
    for (let t = 0; t < 50; t++) {
      const u = Array.from(randomMatrix(100 + t, 1, d));
      expect(varianceAlong(u)).toBeLessThanOrEqual(p.variance[0]! + 1e-12);
      // a direction orthogonal to q₁ holds at most λ₂
      const q1 = axis(p, 0);
      const c = dot(u, q1);
      expect(varianceAlong(u.map((x, j) => x - c * q1[j]!))).toBeLessThanOrEqual(
        p.variance[1]! + 1e-12,
      );
    }
  });

  it('explained variance ratios lie in [0, 1] and sum to ≤ 1 (exactly 1 when d = 2)', () => {
    for (const [n, d] of [
      [30, 2],
      [30, 8],
      [5, 20],
    ] as const) {
      const p = project2d(randomMatrix(n + d, n, d), n, d);
      for (const r of p.explainedVarianceRatio) {
        expect(r).toBeGreaterThanOrEqual(0);
        expect(r).toBeLessThanOrEqual(1);
      }
      const sum = p.explainedVarianceRatio[0]! + p.explainedVarianceRatio[1]!;
      expect(sum).toBeLessThanOrEqual(1 + 1e-14);
      if (d === 2) expectClose(sum, 1, 1e-14);
    }
  });

  it('sign alignment: flipped previous axes flip the new axes and coordinates', () => {
    const p = project2d(FIXTURE, 4, 5);
    const flipped = { ...p, axes: p.axes.map((x, j) => (j < 5 ? -x : x)) };
    const q = project2d(FIXTURE, 4, 5, flipped);
    expectArraysClose(
      axis(q, 0),
      B1.map((x) => -x),
      1e-13,
    );
    expectArraysClose(axis(q, 1), B2, 1e-13);
    expectArraysClose(
      q.coords,
      p.coords.map((c, j) => (j % 2 === 0 ? -c : c)),
      1e-6,
    );
  });

  it('order alignment: swapped previous axes swap the new axes, variances and coordinates', () => {
    const p = project2d(FIXTURE, 4, 5);
    const swapped = { ...p, axes: Float64Array.from([...axis(p, 1), ...axis(p, 0)]) };
    const q = project2d(FIXTURE, 4, 5, swapped);
    expectArraysClose(axis(q, 0), B2, 1e-13);
    expectArraysClose(q.variance, [4, 9], 1e-13);
    expectArraysClose(
      q.coords,
      p.coords.map((_, j) => p.coords[j ^ 1]!),
      1e-6,
    );
  });

  it('keeps coordinates from flipping across small updates of the data', () => {
    const n = 50;
    const d = 10;
    let rows = randomMatrix(5, n, d);
    let prev = project2d(rows, n, d);
    for (let step = 0; step < 20; step++) {
      const noise = randomMatrix(200 + step, n, d, 0.01);
      rows = rows.map((x, j) => x + noise[j]!);
      const next = project2d(rows, n, d, prev);
      expect(dot(axis(next, 0), axis(prev, 0))).toBeGreaterThan(0.9);
      expect(dot(axis(next, 1), axis(prev, 1))).toBeGreaterThan(0.9);
      let moved = 0;
      for (let j = 0; j < 2 * n; j++)
        moved = Math.max(moved, Math.abs(next.coords[j]! - prev.coords[j]!));
      expect(moved).toBeLessThan(0.2);
      prev = next;
    }
  });

  it('degenerate data: identical rows give zero variance and coordinates, no NaN', () => {
    const p = project2d(
      Float64Array.from({ length: 12 }, (_, j) => j % 3),
      4,
      3,
    );
    expect(Array.from(p.coords)).toEqual(new Array(8).fill(0));
    expect(Array.from(p.explainedVarianceRatio)).toEqual([0, 0]);
    expect(p.totalVariance).toBe(0);
    expectClose(dot(axis(p, 0), axis(p, 0)), 1, 1e-15);
  });

  it('NaN propagates: one NaN entry makes every coordinate and ratio NaN', () => {
    const rows = randomMatrix(8, 10, 3);
    rows[7] = NaN;
    const p = project2d(rows, 10, 3);
    expect(Array.from(p.coords).every(Number.isNaN)).toBe(true);
    expect(Array.from(p.explainedVarianceRatio).every(Number.isNaN)).toBe(true);
  });

  it('rejects d < 2, n < 1 and a length that is not n·d', () => {
    expect(() => project2d(new Float64Array(3), 3, 1)).toThrow(RangeError);
    expect(() => project2d(new Float64Array(0), 0, 2)).toThrow(RangeError);
    expect(() => project2d(new Float64Array(5), 2, 2)).toThrow(RangeError);
  });
});

describe('project2d with fewer rows than dimensions (Gram route)', () => {
  it('gives the same axes, variances and coordinates as the d×d covariance route', () => {
    // 12 rows in 40 dimensions take the n×n route; the same rows padded with 40 zero-variance
    // copies of their mean (n = 52 > d) take the d×d route. Padding changes n, so compare
    // after rescaling the variances by n.
    const n = 12;
    const d = 40;
    const rows = randomMatrix(7, n, d, 0.5);
    const small = project2d(rows, n, d);
    const mean = small.mean;
    const padded = new Float64Array((n + 40) * d);
    padded.set(rows);
    for (let i = n; i < n + 40; i++) padded.set(mean, i * d);
    const big = project2d(padded, n + 40, d);
    expectArraysClose(axis(small, 0), axis(big, 0), 1e-9);
    expectArraysClose(axis(small, 1), axis(big, 1), 1e-9);
    expectArraysClose(
      Array.from(small.variance, (v) => v * n),
      Array.from(big.variance, (v) => v * (n + 40)),
      1e-9,
    );
    expectArraysClose(small.coords, big.coords.subarray(0, 2 * n), 1e-5);
    expectClose(small.totalVariance * n, big.totalVariance * (n + 40), 1e-9);
  });

  it('falls back to the covariance route when the rows span a single direction', () => {
    // Two distinct rows: rank 1 after centring, so G cannot name a second axis.
    const rows = Float64Array.from({ length: 2 * 5 }, (_, i) => (i < 5 ? i : -i));
    const p = project2d(rows, 2, 5);
    expect(Number.isFinite(p.coords[0]!)).toBe(true);
    const q2 = axis(p, 1);
    expectClose(Math.hypot(...q2), 1, 1e-12);
  });
});

describe('gatherRows / gatherConcatRows', () => {
  const V = Float32Array.of(1, 2, 3, 4, 5, 6); // 3 words, d = 2
  const U = Float32Array.of(-1, -2, -3, -4, -5, -6);

  it('gathers chosen rows in the given order, repeats allowed', () => {
    expect(Array.from(gatherRows(V, 2, [2, 0, 2]))).toEqual([5, 6, 1, 2, 5, 6]);
  });

  it('concatenates [v_w ; u_w] per chosen word', () => {
    expect(Array.from(gatherConcatRows(V, U, 2, [1, 0]))).toEqual([3, 4, -3, -4, 1, 2, -1, -2]);
  });

  it('rejects an id outside the matrix', () => {
    expect(() => gatherRows(V, 2, [3])).toThrow(RangeError);
    expect(() => gatherConcatRows(V, U, 2, [-1])).toThrow(RangeError);
  });
});
