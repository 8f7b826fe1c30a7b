import { describe, expect, it } from 'vitest';
import {
  leakyRelu,
  leakyReluGrad,
  logSigmoid,
  logSumExp,
  sigmoid,
  softmax,
  softmaxInPlace,
} from './activations';
import { expectArraysClose, expectClose } from './testing/expectClose';

describe('sigmoid', () => {
  it('matches exact values: σ(0) = 1/2, σ(log 3) = 3/4, σ(−log 3) = 1/4', () => {
    expect(sigmoid(0)).toBe(0.5);
    expectClose(sigmoid(Math.log(3)), 0.75, 1e-15);
    expectClose(sigmoid(-Math.log(3)), 0.25, 1e-15);
  });

  it('satisfies σ(−x) = 1 − σ(x) and σ′ = σ(1 − σ) (central difference)', () => {
    for (const x of [-5, -1.3, -0.2, 0.7, 2, 9]) {
      expectClose(sigmoid(-x), 1 - sigmoid(x), 1e-15);
      const slope = (sigmoid(x + 1e-5) - sigmoid(x - 1e-5)) / 2e-5;
      expectClose(slope, sigmoid(x) * (1 - sigmoid(x)), 1e-9);
    }
  });

  it('overflow hazard: ±700 and ±1e308 stay in [0, 1], never NaN', () => {
    expect(sigmoid(700)).toBe(1);
    expect(sigmoid(1e308)).toBe(1);
    expect(sigmoid(-1e308)).toBe(0);
    expect(sigmoid(Infinity)).toBe(1);
    expect(sigmoid(-Infinity)).toBe(0);
  });

  it('underflow hazard: σ(−700) keeps full relative precision of e^{−700}', () => {
    expectClose(sigmoid(-700) / Math.exp(-700), 1, 1e-14);
  });

  it('NaN propagates', () => {
    expect(sigmoid(NaN)).toBeNaN();
  });
});

describe('logSigmoid', () => {
  it('matches log σ(x) where the naive formula is accurate', () => {
    for (const x of [-20, -3, -0.5, 0, 0.5, 3, 20]) {
      expectClose(logSigmoid(x), Math.log(1 / (1 + Math.exp(-x))), 1e-14);
    }
    expectClose(logSigmoid(0), -Math.LN2, 1e-16);
  });

  it('overflow hazard: finite at ±700 where log(σ(x)) would be log 0 = −Infinity', () => {
    expect(Math.log(sigmoid(-800))).toBe(-Infinity); // the hazard is real
    expect(logSigmoid(-700)).toBe(-700);
    expect(logSigmoid(-800)).toBe(-800);
    expect(Number.isFinite(logSigmoid(-1e308))).toBe(true);
  });

  it('underflow hazard: log σ(700) ≈ −e^{−700}, not a rounded 0', () => {
    expectClose(logSigmoid(700) / -Math.exp(-700), 1, 1e-14);
    expectClose(logSigmoid(40) / -Math.exp(-40), 1, 1e-12);
  });

  it('has derivative 1 − σ(x)', () => {
    for (const x of [-4, -1, 0, 1, 4]) {
      const slope = (logSigmoid(x + 1e-5) - logSigmoid(x - 1e-5)) / 2e-5;
      expectClose(slope, 1 - sigmoid(x), 1e-9);
    }
  });

  it('NaN propagates', () => {
    expect(logSigmoid(NaN)).toBeNaN();
  });
});

describe('softmax', () => {
  it('exact case: softmax([0, log 2, log 5]) = [1/8, 2/8, 5/8]', () => {
    expectArraysClose(softmax([0, Math.log(2), Math.log(5)]), [1 / 8, 2 / 8, 5 / 8], 1e-15);
  });

  it('sums to 1 and is invariant to adding a constant', () => {
    const x = [0.3, -1.2, 2.5, 0, 4.1];
    const p = softmax(x);
    expectClose(
      p.reduce((a, b) => a + b, 0),
      1,
      1e-15,
    );
    expectArraysClose(softmax(x.map((v) => v + 123.4)), p, 1e-13);
  });

  it('overflow hazard: scores ±700 and 1e4 give finite probabilities', () => {
    expectArraysClose(softmax([700, 700]), [0.5, 0.5], 0);
    expectArraysClose(softmax([-700, -700, -700]), [1 / 3, 1 / 3, 1 / 3], 1e-15);
    expectArraysClose(softmax([700, -700]), [1, 0], 0);
    expectArraysClose(softmax([1e4, 1e4 - Math.log(3)]), [0.75, 0.25], 1e-12);
  });

  it('works in place and returns the same array; leaves the input of softmax() alone', () => {
    const x = new Float64Array([1, 1]);
    expect(softmaxInPlace(x)).toBe(x);
    expectArraysClose(x, [0.5, 0.5], 0);
    const input = [2, 3];
    softmax(input);
    expect(input).toEqual([2, 3]);
  });

  it('empty input stays empty', () => {
    expect(softmaxInPlace(new Float64Array(0)).length).toBe(0);
  });

  it('NaN propagates to every entry', () => {
    const p = softmax([1, NaN, 3]);
    expect(Array.from(p).every(Number.isNaN)).toBe(true);
  });
});

describe('logSumExp', () => {
  it('exact cases', () => {
    expectClose(logSumExp([0, 0]), Math.LN2, 1e-16);
    expectClose(logSumExp([Math.log(2), Math.log(6)]), Math.log(8), 1e-15);
    expect(logSumExp([5])).toBe(5);
  });

  it('overflow hazard: [1000, 1000] = 1000 + log 2, [−1000, −1000] = −1000 + log 2', () => {
    expectClose(logSumExp([1000, 1000]), 1000 + Math.LN2, 1e-15);
    expectClose(logSumExp([-1000, -1000]), -1000 + Math.LN2, 1e-15);
    expect(logSumExp([700, -700])).toBe(700);
  });

  it('edge values: empty and all −∞ give −∞; +∞ gives +∞', () => {
    expect(logSumExp([])).toBe(-Infinity);
    expect(logSumExp([-Infinity, -Infinity])).toBe(-Infinity);
    expect(logSumExp([1, Infinity])).toBe(Infinity);
  });

  it('NaN propagates, even next to ±∞', () => {
    expect(logSumExp([1, NaN])).toBeNaN();
    expect(logSumExp([NaN, Infinity])).toBeNaN();
    expect(logSumExp([NaN])).toBeNaN();
  });
});

describe('leakyRelu', () => {
  it('is x for x > 0 and αx otherwise, i.e. max(αx, x) for α < 1', () => {
    for (const x of [-3, -0.5, 0, 0.5, 3]) {
      expect(leakyRelu(x, 0.1)).toBe(Math.max(0.1 * x, x));
    }
    expect(leakyRelu(-2, 0)).toBe(-0); // α = 0 is the plain ReLU
  });

  it('has derivative 1 for x > 0 and α for x < 0 (α at the kink x = 0)', () => {
    expect(leakyReluGrad(2, 0.01)).toBe(1);
    expect(leakyReluGrad(-2, 0.01)).toBe(0.01);
    expect(leakyReluGrad(0, 0.01)).toBe(0.01);
    for (const x of [-1.5, 1.5]) {
      const slope = (leakyRelu(x + 1e-6, 0.2) - leakyRelu(x - 1e-6, 0.2)) / 2e-6;
      expectClose(slope, leakyReluGrad(x, 0.2), 1e-9);
    }
  });

  it('NaN propagates through the function and its derivative', () => {
    expect(leakyRelu(NaN, 0.1)).toBeNaN();
    expect(leakyReluGrad(NaN, 0.1)).toBeNaN();
  });
});
