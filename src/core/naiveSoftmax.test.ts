import { describe, expect, it } from 'vitest';
import { sigmoid } from './activations';
import { naiveSoftmaxLossAndGradient } from './naiveSoftmax';
import { expectArraysClose, expectClose } from './testing/expectClose';
import { gradcheckPairLoss, randomMatrix } from './testing/lossFixtures';

const vec = (...x: number[]) => Float64Array.from(x);

describe('naiveSoftmaxLossAndGradient', () => {
  it('exact 2-word case: v_c = (1, 2), u_0 = (1, 0), u_1 = (0, 1), o = 0', () => {
    // scores (1, 2): ŷ = (1/(1+e), e/(1+e)), so ŷ_1 = σ(1) and J = −log ŷ_0 = log(1 + e).
    const r = naiveSoftmaxLossAndGradient(vec(1, 2), 0, vec(1, 0, 0, 1));
    const y1 = sigmoid(1);
    expectClose(r.loss, Math.log(1 + Math.E), 1e-15);
    // ∂J/∂v_c = −u_0 + ŷ_0 u_0 + ŷ_1 u_1 = (−ŷ_1, ŷ_1)
    expectArraysClose(r.gradCenterVec, [-y1, y1], 1e-15);
    // ∂J/∂u_0 = (ŷ_0 − 1) v_c = −ŷ_1 (1, 2); ∂J/∂u_1 = ŷ_1 (1, 2)
    expectArraysClose(r.gradOutsideVecs, [-y1, -2 * y1, y1, 2 * y1], 1e-15);
  });

  it('exact case: v_c = 0 gives the uniform ŷ, J = log W, ∂J/∂v_c = mean(u) − u_o, ∂J/∂U = 0', () => {
    const outside = vec(1, 2, -3, 0, 5, 4);
    const r = naiveSoftmaxLossAndGradient(vec(0, 0), 1, outside);
    expectClose(r.loss, Math.log(3), 1e-15);
    // mean(u) = ((1 − 3 + 5)/3, (2 + 0 + 4)/3) = (1, 2) and u_1 = (−3, 0)
    expectArraysClose(r.gradCenterVec, [4, 2], 1e-15);
    expectArraysClose(r.gradOutsideVecs, [0, 0, 0, 0, 0, 0], 0);
  });

  it('the gradient wrt v_c is observed minus expected outside vector, rows of ∂J/∂U sum to 0·v_c', () => {
    const outside = randomMatrix(11, 6, 4);
    const center = randomMatrix(12, 1, 4);
    const r = naiveSoftmaxLossAndGradient(center, 2, outside);
    // Σ_w (ŷ_w − y_w) = 0, so the rows of ∂J/∂U = (ŷ − y) v_cᵀ add up to the zero vector.
    const rowSum = new Float64Array(4);
    for (let w = 0; w < 6; w++)
      for (let k = 0; k < 4; k++) rowSum[k]! += r.gradOutsideVecs[w * 4 + k]!;
    expectArraysClose(rowSum, [0, 0, 0, 0], 1e-15);
  });

  it('passes the gradient check for every target (wrt v_c and U)', () => {
    const outside = randomMatrix(1, 5, 3, 1.5);
    const center = randomMatrix(2, 1, 3, 1.5);
    for (let o = 0; o < 5; o++) {
      const check = gradcheckPairLoss(naiveSoftmaxLossAndGradient, center, o, outside);
      expect(check.maxRelError).toBeLessThan(1e-7);
      expect(check.passed).toBe(true);
    }
  });

  it('overflow hazard: scores of +700, −700 and 0 give finite loss and gradients', () => {
    const outside = vec(1, 0, -1, 0, 0, 0);
    const worst = naiveSoftmaxLossAndGradient(vec(700, 0), 1, outside);
    expect(worst.loss).toBe(1400); // log Z = 700 (+ e^{−700}), minus the score −700
    expectArraysClose(worst.gradCenterVec, [2, 0], 1e-15);
    expectArraysClose(worst.gradOutsideVecs, [700, 0, -700, 0, 0, 0], 1e-15);
    const best = naiveSoftmaxLossAndGradient(vec(700, 0), 0, outside);
    expect(best.loss).toBeGreaterThanOrEqual(0);
    expect(best.loss).toBeLessThan(1e-300);
    for (const g of [...best.gradCenterVec, ...best.gradOutsideVecs]) {
      expect(Number.isFinite(g)).toBe(true);
    }
  });

  it('NaN propagates: a NaN in v_c makes the loss and every gradient entry NaN', () => {
    const r = naiveSoftmaxLossAndGradient(vec(NaN, 1), 0, vec(1, 0, 0, 1));
    expect(r.loss).toBeNaN();
    expect([...r.gradCenterVec, ...r.gradOutsideVecs].every(Number.isNaN)).toBe(true);
  });

  it('NaN propagates: a NaN in another word’s row still poisons the loss (it is in Z)', () => {
    expect(naiveSoftmaxLossAndGradient(vec(1, 1), 0, vec(1, 0, NaN, 1)).loss).toBeNaN();
  });

  it('does not modify its inputs', () => {
    const center = vec(0.5, -1);
    const outside = vec(1, 2, 3, 4);
    naiveSoftmaxLossAndGradient(center, 1, outside);
    expect(Array.from(center)).toEqual([0.5, -1]);
    expect(Array.from(outside)).toEqual([1, 2, 3, 4]);
  });

  it('rejects a bad target index or a matrix whose length is not W·d', () => {
    expect(() => naiveSoftmaxLossAndGradient(vec(1, 2), 2, vec(1, 0, 0, 1))).toThrow(RangeError);
    expect(() => naiveSoftmaxLossAndGradient(vec(1, 2), -1, vec(1, 0, 0, 1))).toThrow(RangeError);
    expect(() => naiveSoftmaxLossAndGradient(vec(1, 2), 0, vec(1, 0, 0))).toThrow(RangeError);
  });
});
