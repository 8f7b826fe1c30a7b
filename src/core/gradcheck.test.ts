import { describe, expect, it } from 'vitest';
import { gradcheck } from './gradcheck';
import { createRng } from './rng';
import { expectArraysClose } from './testing/expectClose';

/** J(x) = Σ x_i³ + x_0·x_1, ∇J = 3x_i² + (x_1, x_0, 0, …). */
const cubic = (x: Float64Array) => {
  const grad = x.map((v) => 3 * v * v);
  grad[0]! += x[1]!;
  grad[1]! += x[0]!;
  return { loss: x.reduce((s, v) => s + v ** 3, 0) + x[0]! * x[1]!, grad };
};

describe('gradcheck', () => {
  it('passes a correct gradient; the central difference is exact for a quadratic', () => {
    const r = gradcheck(
      (x) => ({ loss: 0.5 * x[0]! ** 2 + 3 * x[1]!, grad: [x[0]!, 3] }),
      Float64Array.of(2, -1),
    );
    expect(r.passed).toBe(true);
    expectArraysClose(r.numeric, [2, 3], 1e-10);
    expectArraysClose(r.analytic, [2, 3], 0);
  });

  it('passes the cubic with error O(h²) and measures it with max(1, |g̃|, |g|)', () => {
    const r = gradcheck(cubic, Float64Array.of(0.3, -1.7, 2.5));
    expect(r.passed).toBe(true);
    // central differences of x³ are off by exactly h² per entry: |g̃ − g| = 1e-8
    expect(r.maxRelError).toBeLessThan(1e-8);
    expect(r.maxRelError).toBeGreaterThan(1e-10);
  });

  it('fails a wrong gradient and points at the wrong entry', () => {
    const wrong = (x: Float64Array) => {
      const r = cubic(x);
      r.grad[2]! *= 1.001;
      return r;
    };
    const r = gradcheck(wrong, Float64Array.of(0.3, -1.7, 2.5));
    expect(r.passed).toBe(false);
    expect(r.worstIndex).toBe(2);
    expect(r.maxRelError).toBeGreaterThan(1e-4);
  });

  it('honours the threshold option', () => {
    const r = gradcheck(cubic, Float64Array.of(0.3, -1.7, 2.5), { threshold: 1e-12 });
    expect(r.passed).toBe(false);
  });

  it('restores x bit for bit (values where x + h − h ≠ x)', () => {
    const values = [0.1, 1e-20, -123456.789, 1 / 3, 5e-324];
    const x = Float64Array.from(values);
    gradcheck(cubic, x);
    values.forEach((v, i) => expect(Object.is(x[i], v)).toBe(true));
  });

  it('restores x even when f throws midway', () => {
    const x = Float64Array.of(0.1, 0.2);
    const f = (p: Float64Array) => {
      if (p[1] !== 0.2) throw new Error('boom');
      return { loss: 0, grad: [0, 0] };
    };
    expect(() => gradcheck(f, x)).toThrow('boom');
    expect(Array.from(x)).toEqual([0.1, 0.2]);
  });

  it('NaN is never a pass: a NaN gradient entry gives maxRelError NaN', () => {
    const r = gradcheck((x) => ({ loss: x[0]! + x[1]!, grad: [1, NaN] }), Float64Array.of(1, 2));
    expect(r.passed).toBe(false);
    expect(r.maxRelError).toBeNaN();
    expect(r.worstIndex).toBe(1);
  });

  it('the reset hook makes a sampling objective checkable', () => {
    // J(x) = r·x with r drawn from the RNG on each call: without a reset the draws differ.
    const rng = createRng(7);
    const state = rng.getState();
    const noisy = (x: Float64Array) => {
      const r = [rng.next(), rng.next()];
      return { loss: r[0]! * x[0]! + r[1]! * x[1]!, grad: r };
    };
    expect(gradcheck(noisy, Float64Array.of(1, 1)).passed).toBe(false);
    expect(
      gradcheck(noisy, Float64Array.of(1, 1), { reset: () => rng.setState(state) }).passed,
    ).toBe(true);
  });

  it('rejects a gradient of the wrong length; an empty x passes trivially', () => {
    expect(() => gradcheck(() => ({ loss: 0, grad: [1] }), Float64Array.of(1, 2))).toThrow(
      RangeError,
    );
    const r = gradcheck(() => ({ loss: 0, grad: [] }), new Float64Array(0));
    expect(r).toMatchObject({ passed: true, maxRelError: 0, worstIndex: -1 });
  });
});
