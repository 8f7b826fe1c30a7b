import { describe, expect, it } from 'vitest';
import { symmetricEigen } from './symmetricEigen';
import { expectArraysClose, expectClose } from './testing/expectClose';
import { randomMatrix } from './testing/lossFixtures';

/** Σ_k λ_k q_k q_kᵀ from a decomposition. */
function rebuild(values: Float64Array, vectors: Float64Array, d: number): Float64Array {
  const out = new Float64Array(d * d);
  for (let k = 0; k < d; k++) {
    for (let i = 0; i < d; i++) {
      for (let j = 0; j < d; j++)
        out[i * d + j]! += values[k]! * vectors[k * d + i]! * vectors[k * d + j]!;
    }
  }
  return out;
}

/** A random symmetric d×d matrix R + Rᵀ (it has negative eigenvalues too). */
function randomSymmetric(seed: number, d: number): Float64Array {
  const r = randomMatrix(seed, d, d);
  return Float64Array.from(
    { length: d * d },
    (_, j) => r[j]! + r[(j % d) * d + Math.floor(j / d)]!,
  );
}

/** max |QQᵀ − I| over the eigenvector rows. */
function orthonormalityError(vectors: Float64Array, d: number): number {
  let worst = 0;
  for (let a = 0; a < d; a++) {
    for (let b = 0; b < d; b++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += vectors[a * d + k]! * vectors[b * d + k]!;
      worst = Math.max(worst, Math.abs(s - (a === b ? 1 : 0)));
    }
  }
  return worst;
}

describe('symmetricEigen', () => {
  it('exact 2×2: [[2, 1], [1, 2]] has eigenvalues 3, 1 and axes (1, ±1)/√2', () => {
    const { values, vectors } = symmetricEigen([2, 1, 1, 2], 2);
    expectArraysClose(values, [3, 1], 1e-15);
    expectClose(Math.abs(vectors[0]! + vectors[1]!), Math.SQRT2, 1e-15);
    expectClose(Math.abs(vectors[2]! - vectors[3]!), Math.SQRT2, 1e-15);
  });

  it('exact 3×3: [[4, 1, 0], [1, 3, 1], [0, 1, 2]] has eigenvalues 3 + √3, 3, 3 − √3', () => {
    const { values, vectors } = symmetricEigen([4, 1, 0, 1, 3, 1, 0, 1, 2], 3);
    expectArraysClose(values, [3 + Math.sqrt(3), 3, 3 - Math.sqrt(3)], 1e-14);
    // the eigenvector of 3 is ±(1, −1, −1)/√3
    const q = Array.from(vectors.subarray(3, 6)).map(
      (x) => x * Math.sign(vectors[3]!) * Math.sqrt(3),
    );
    expectArraysClose(q, [1, -1, -1], 1e-14);
  });

  for (const d of [1, 2, 5, 17, 60]) {
    it(`reconstructs a random symmetric ${d}×${d} matrix with orthonormal eigenvectors`, () => {
      const a = randomSymmetric(d, d);
      const { values, vectors } = symmetricEigen(a, d);
      expectArraysClose(rebuild(values, vectors, d), a, 1e-12);
      expect(orthonormalityError(vectors, d)).toBeLessThan(1e-13);
      for (let k = 1; k < d; k++) expect(values[k]!).toBeLessThanOrEqual(values[k - 1]!);
    });
  }

  it('handles repeated eigenvalues and an already diagonal matrix (sorted descending)', () => {
    const { values, vectors } = symmetricEigen([1, 0, 0, 0, 5, 0, 0, 0, 5], 3);
    expectArraysClose(values, [5, 5, 1], 0);
    expect(orthonormalityError(vectors, 3)).toBe(0);
  });

  it('handles zero rows (the no-reflection branch) and the zero matrix', () => {
    // two 2×2 blocks [[0, 2], [2, 0]] (eigenvalues ±2) and a lone 3 whose row is otherwise zero
    const a = [0, 2, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 3];
    const { values, vectors } = symmetricEigen(a, 5);
    expectArraysClose(values, [3, 2, 2, -2, -2], 1e-15);
    expectArraysClose(rebuild(values, vectors, 5), a, 1e-15);
    expectArraysClose(symmetricEigen(new Float64Array(16), 4).values, [0, 0, 0, 0], 0);
  });

  it('reads only the lower triangle', () => {
    const lower = randomSymmetric(6, 6);
    const garbled = lower.map((x, j) => (j % 6 > Math.floor(j / 6) ? 99 : x));
    expect(Array.from(symmetricEigen(garbled, 6).values)).toEqual(
      Array.from(symmetricEigen(lower, 6).values),
    );
  });

  it('is deterministic and leaves its input alone', () => {
    const a = randomSymmetric(3, 8);
    const copy = a.slice();
    const first = symmetricEigen(a, 8);
    const second = symmetricEigen(a, 8);
    expect(Array.from(a)).toEqual(Array.from(copy));
    expect(Array.from(second.vectors)).toEqual(Array.from(first.vectors));
  });

  it('NaN is reported, not turned into a plausible answer', () => {
    const a = randomSymmetric(4, 4);
    a[5] = NaN;
    let result: Float64Array | undefined;
    try {
      result = symmetricEigen(a, 4).values;
    } catch {
      result = undefined; // non-convergence is an acceptable report
    }
    if (result) expect(Array.from(result).some(Number.isNaN)).toBe(true);
  });
});
