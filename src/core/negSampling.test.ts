import { describe, expect, it } from 'vitest';
import { sigmoid } from './activations';
import { negSamplingLossAndGradient } from './negSampling';
import type { PairLossResult } from './pairLoss';
import { expectArraysClose, expectClose } from './testing/expectClose';
import { gradcheckPairLoss, randomMatrix } from './testing/lossFixtures';

const vec = (...x: number[]) => Float64Array.from(x);

/** All three parts of a result as one flat list, for comparing two results. */
const flat = (r: PairLossResult) => [r.loss, ...r.gradCenterVec, ...r.gradOutsideVecs];

describe('negSamplingLossAndGradient', () => {
  // v_c = (1, 0); u_0 = (0, 0) is the true word o (score 0), u_1 = (2, 0) a negative (score 2).
  const center = vec(1, 0);
  const outside = vec(0, 0, 2, 0);

  it('exact case: J = −log σ(0) − log σ(−2) = log 2 + log(1 + e²)', () => {
    const r = negSamplingLossAndGradient(center, 0, outside, [1]);
    expectClose(r.loss, Math.LN2 + Math.log(1 + Math.exp(2)), 1e-15);
    // ∂J/∂v_c = (σ(0) − 1) u_0 + σ(2) u_1 = (2σ(2), 0)
    expectArraysClose(r.gradCenterVec, [2 * sigmoid(2), 0], 1e-15);
    // ∂J/∂u_0 = (σ(0) − 1) v_c = (−1/2, 0); ∂J/∂u_1 = σ(2) v_c = (σ(2), 0)
    expectArraysClose(r.gradOutsideVecs, [-0.5, 0, sigmoid(2), 0], 1e-15);
  });

  it('repeated negatives accumulate: drawing word 1 twice doubles its loss and gradient terms', () => {
    const r = negSamplingLossAndGradient(center, 0, outside, [1, 1]);
    expectClose(r.loss, Math.LN2 + 2 * Math.log(1 + Math.exp(2)), 1e-15);
    expectArraysClose(r.gradCenterVec, [4 * sigmoid(2), 0], 1e-15);
    expectArraysClose(r.gradOutsideVecs, [-0.5, 0, 2 * sigmoid(2), 0], 1e-15);
  });

  it('repeats accumulate on random data: J([3, 1, 3]) = J([3]) + J([1]) + J([3]) − 2 J([])', () => {
    const u = randomMatrix(21, 5, 3);
    const v = randomMatrix(22, 1, 3);
    const one = (negs: number[]) => flat(negSamplingLossAndGradient(v, 2, u, negs));
    const expected = one([3]).map((x, i) => 2 * x + one([1])[i]! - 2 * one([])[i]!);
    expectArraysClose(flat(negSamplingLossAndGradient(v, 2, u, [3, 1, 3])), expected, 1e-14);
  });

  it('with no negatives is −log σ(u_o·v_c), and leaves other rows at zero', () => {
    const r = negSamplingLossAndGradient(vec(1, 1), 1, vec(5, 5, 1, -3), []);
    expectClose(r.loss, -Math.log(sigmoid(-2)), 1e-15);
    expectArraysClose(r.gradOutsideVecs, [0, 0, sigmoid(-2) - 1, sigmoid(-2) - 1], 1e-15);
  });

  it('passes the gradient check, with repeats and a negative equal to o', () => {
    const u = randomMatrix(3, 6, 4, 1.5);
    const v = randomMatrix(4, 1, 4, 1.5);
    for (const [o, negs] of [
      [0, [1, 4, 1, 2]],
      [5, [5, 3, 3, 3]],
      [2, []],
    ] as const) {
      const loss = (c: Float64Array, t: number, m: Float64Array) =>
        negSamplingLossAndGradient(c, t, m, negs);
      const check = gradcheckPairLoss(loss, v, o, u);
      expect(check.maxRelError).toBeLessThan(1e-7);
    }
  });

  it('overflow hazard: scores of ±700 give a finite loss (1400) and finite gradients', () => {
    // u_o·v_c = −700 (badly wrong), negative u_1·v_c = +700 (badly wrong too).
    const r = negSamplingLossAndGradient(vec(700, 0), 0, vec(-1, 0, 1, 0), [1]);
    expect(r.loss).toBe(1400);
    expectArraysClose(r.gradCenterVec, [2, 0], 1e-15);
    expectArraysClose(r.gradOutsideVecs, [-700, 0, 700, 0], 1e-15);
    const good = negSamplingLossAndGradient(vec(700, 0), 1, vec(-1, 0, 1, 0), [0]);
    expect(good.loss).toBeGreaterThanOrEqual(0);
    expect(good.loss).toBeLessThan(1e-300);
    expect(flat(good).every(Number.isFinite)).toBe(true);
  });

  it('NaN propagates to the loss and to every row the pair touches', () => {
    const r = negSamplingLossAndGradient(vec(NaN, 0), 0, vec(0, 0, 2, 0, 1, 1), [1]);
    expect(r.loss).toBeNaN();
    expect(Array.from(r.gradCenterVec).every(Number.isNaN)).toBe(true);
    expect(Array.from(r.gradOutsideVecs.subarray(0, 4)).every(Number.isNaN)).toBe(true);
    expect(Array.from(r.gradOutsideVecs.subarray(4))).toEqual([0, 0]); // row 2 is not involved
  });

  it('rejects a negative index outside the vocabulary', () => {
    expect(() => negSamplingLossAndGradient(center, 0, outside, [2])).toThrow(RangeError);
    expect(() => negSamplingLossAndGradient(center, 0, outside, [0.5])).toThrow(RangeError);
  });
});
