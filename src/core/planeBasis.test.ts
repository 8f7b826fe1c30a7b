import { describe, expect, it } from 'vitest';
import { dot, moved, orthonormalise, ritzRotation, rotate } from './planeBasis';
import { expectClose } from './testing/expectClose';

describe('planeBasis', () => {
  it('ritzRotation diagonalises a symmetric 2×2 matrix, larger eigenvalue first', () => {
    for (const t of [
      [2, 1, 3],
      [5, -2, 1],
      [1, 0, 4],
      [3, 0, 3],
    ] as [number, number, number][]) {
      const [c, s] = ritzRotation(t);
      const [a, b, d] = t;
      const l1 = c * c * a + 2 * c * s * b + s * s * d;
      const l2 = s * s * a - 2 * c * s * b + c * c * d;
      const off = -c * s * a + (c * c - s * s) * b + c * s * d;
      expectClose(off, 0, 1e-14);
      expect(l1).toBeGreaterThanOrEqual(l2);
      expectClose(l1 + l2, a + d, 1e-14);
    }
  });

  it('rotate works in place and keeps the rows orthonormal', () => {
    const q = Float64Array.of(1, 0, 0, 0, 1, 0);
    rotate([Math.cos(0.3), Math.sin(0.3)], q, 3, q);
    expectClose(dot(3, q, 0, q, 0), 1, 1e-15);
    expectClose(dot(3, q, 0, q, 3), 0, 1e-15);
    expectClose(q[0]!, Math.cos(0.3), 1e-15);
  });

  it('moved ignores a flipped sign and grows with the angle', () => {
    const a = Float64Array.of(1, 0, 0, 1);
    expect(moved(a, Float64Array.of(-1, 0, 0, 1), 2)).toBe(0);
    const small = moved(a, Float64Array.of(Math.cos(0.01), Math.sin(0.01), 0, 1), 2);
    const large = moved(a, Float64Array.of(Math.cos(0.1), Math.sin(0.1), 0, 1), 2);
    expect(small).toBeGreaterThan(0);
    expect(large).toBeGreaterThan(small);
  });

  it('orthonormalise: orthonormal rows, also when a row vanishes or both are parallel', () => {
    const cases = [
      Float64Array.of(3, 4, 0, 1, 1, 1),
      Float64Array.of(0, 0, 0, 1, 2, 3),
      Float64Array.of(1, 2, 3, 2, 4, 6),
    ];
    for (const q of cases) {
      orthonormalise(q, 3, Float64Array.of(1, 0, 0, 0, 1, 0));
      expectClose(dot(3, q, 0, q, 0), 1, 1e-14);
      expectClose(dot(3, q, 3, q, 3), 1, 1e-14);
      expectClose(dot(3, q, 0, q, 3), 0, 1e-14);
    }
  });
});
