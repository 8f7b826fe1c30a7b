import { describe, expect, it } from 'vitest';
import { sigmoid } from './activations';
import { gradcheck } from './gradcheck';
import { naiveSoftmaxLossAndGradient } from './naiveSoftmax';
import { negSamplingLossAndGradient } from './negSampling';
import type { PairLoss } from './pairLoss';
import { expectArraysClose, expectClose } from './testing/expectClose';
import { TREE_5, pack, randomMatrix } from './testing/lossFixtures';
import { cbow, skipgram, withNegatives, withTree } from './windowModels';
import type { WindowLossResult } from './windowModels';

const vec = (...x: number[]) => Float64Array.from(x);
const W = 5;
const D = 3;
/** Fixed negatives per pair position (repeats and the target itself included on purpose). */
const NEGATIVES = [
  [1, 3, 1],
  [4, 4, 0],
  [2, 0, 3],
  [3, 1, 2],
];
const LOSSES: [string, PairLoss, number][] = [
  ['naive softmax', naiveSoftmaxLossAndGradient, W],
  ['negative sampling', withNegatives((_, j) => NEGATIVES[j % NEGATIVES.length]!), W],
  ['hierarchical softmax', withTree(TREE_5), W - 1],
];

type Model = (v: Float64Array, u: Float64Array, loss: PairLoss) => WindowLossResult;

/** Gradient check of a window model wrt both matrices at once: x = [V ; U]. */
function checkModel(model: Model, loss: PairLoss, outsideRows: number, seed: number) {
  const x = pack(randomMatrix(seed, W, D, 1.2), randomMatrix(seed + 1, outsideRows, D, 1.2));
  return gradcheck((p) => {
    const r = model(p.subarray(0, W * D), p.subarray(W * D), loss);
    return { loss: r.loss, grad: pack(r.gradCenterVecs, r.gradOutsideVectors) };
  }, x);
}

describe('skipgram', () => {
  // V rows v_0 = (1, 2), v_1 = (9, 9); U rows u_0 = (1, 0), u_1 = (0, 1). Centre 0, outside [0, 1].
  const V = vec(1, 2, 9, 9);
  const U = vec(1, 0, 0, 1);

  it('exact 2-word window with naive softmax: the sum of the two pair losses', () => {
    const r = skipgram(0, [0, 1], V, U, naiveSoftmaxLossAndGradient, 2);
    // scores u·v_0 = (1, 2): ŷ = (1 − σ(1), σ(1)); J = −log ŷ_0 − log ŷ_1
    const [y0, y1] = [1 - sigmoid(1), sigmoid(1)];
    expectClose(r.loss, -Math.log(y0) - Math.log(y1), 1e-15);
    // ∂J/∂v_0 = (−ŷ_1, ŷ_1) + (ŷ_0, −ŷ_0); row 1 (not the centre) stays 0
    expectArraysClose(r.gradCenterVecs, [y0 - y1, y1 - y0, 0, 0], 1e-15);
    // ∂J/∂U = (ŷ − e_0) v_0ᵀ + (ŷ − e_1) v_0ᵀ = (2ŷ − 1) v_0ᵀ
    expectArraysClose(
      r.gradOutsideVectors,
      [2 * y0 - 1, 4 * y0 - 2, 2 * y1 - 1, 4 * y1 - 2],
      1e-15,
    );
  });

  it('gives zero gradient to every centre row except c', () => {
    const r = skipgram(
      2,
      [0, 4, 1],
      randomMatrix(1, W, D),
      randomMatrix(2, W, D),
      naiveSoftmaxLossAndGradient,
      D,
    );
    r.gradCenterVecs.forEach((g, i) => {
      if (Math.floor(i / D) !== 2) expect(g).toBe(0);
    });
  });

  it('calls the pair loss once per outside word with pairIndex 0, 1, 2, …', () => {
    const calls: [number, number][] = [];
    const loss = withNegatives((target, pairIndex) => {
      calls.push([target, pairIndex]);
      return [0];
    });
    skipgram(1, [3, 4, 3], randomMatrix(3, W, D), randomMatrix(4, W, D), loss, D);
    expect(calls).toEqual([
      [3, 0],
      [4, 1],
      [3, 2],
    ]);
  });

  it('with withNegatives equals the sum of negSamplingLossAndGradient over the pairs', () => {
    const V5 = randomMatrix(5, W, D);
    const U5 = randomMatrix(6, W, D);
    const r = skipgram(1, [2, 0], V5, U5, LOSSES[1]![1], D);
    const v1 = V5.subarray(D, 2 * D);
    const a = negSamplingLossAndGradient(v1, 2, U5, NEGATIVES[0]!);
    const b = negSamplingLossAndGradient(v1, 0, U5, NEGATIVES[1]!);
    expectClose(r.loss, a.loss + b.loss, 1e-14);
    expectArraysClose(
      r.gradOutsideVectors,
      a.gradOutsideVecs.map((g, i) => g + b.gradOutsideVecs[i]!),
      1e-14,
    );
  });

  for (const [name, loss, outsideRows] of LOSSES) {
    it(`passes the gradient check with ${name} (wrt V and U, repeated outside words)`, () => {
      const model: Model = (v, u, l) => skipgram(3, [1, 2, 1, 3], v, u, l, D);
      expect(checkModel(model, loss, outsideRows, 40).maxRelError).toBeLessThan(1e-7);
    });
  }
});

describe('cbow', () => {
  it('exact case: h = mean(v_0, v_1) = (2, 1), target 0, each context row gets ∂J/∂h / 2', () => {
    const r = cbow(0, [0, 1], vec(1, 2, 3, 0), vec(1, 0, 0, 1), naiveSoftmaxLossAndGradient, 2);
    // scores u·h = (2, 1): ŷ_0 = σ(1), ŷ_1 = σ(−1); ∂J/∂h = (ŷ_0 − 1, ŷ_1) = (−ŷ_1, ŷ_1)
    const y1 = sigmoid(-1);
    expectClose(r.loss, -Math.log(sigmoid(1)), 1e-15);
    expectArraysClose(r.gradCenterVecs, [-y1 / 2, y1 / 2, -y1 / 2, y1 / 2], 1e-15);
    expectArraysClose(r.gradOutsideVectors, [-y1 * 2, -y1, y1 * 2, y1], 1e-15);
  });

  it('repeated context words accumulate: [2, 2, 0] gives row 2 two thirds of ∂J/∂h', () => {
    const V = randomMatrix(11, W, D);
    const U = randomMatrix(12, W, D);
    const r = cbow(1, [2, 2, 0], V, U, naiveSoftmaxLossAndGradient, D);
    const h = pack(V.subarray(2 * D, 3 * D)).map((x, k) => (2 * x + V[k]!) / 3);
    const gradH = naiveSoftmaxLossAndGradient(h, 1, U).gradCenterVec;
    expectArraysClose(
      r.gradCenterVecs.subarray(2 * D, 3 * D),
      gradH.map((g) => (2 * g) / 3),
      1e-14,
    );
    expectArraysClose(
      r.gradCenterVecs.subarray(0, D),
      gradH.map((g) => g / 3),
      1e-14,
    );
    expect(Array.from(r.gradCenterVecs.subarray(D, 2 * D))).toEqual([0, 0, 0]);
  });

  it('the word2vec rule gives each context word the whole ∂J/∂h (C times the exact share)', () => {
    const V = randomMatrix(13, W, D);
    const U = randomMatrix(14, W, D);
    const exact = cbow(4, [0, 1, 3], V, U, naiveSoftmaxLossAndGradient, D);
    const w2v = cbow(4, [0, 1, 3], V, U, naiveSoftmaxLossAndGradient, D, 'word2vec');
    expectArraysClose(
      w2v.gradCenterVecs,
      exact.gradCenterVecs.map((g) => 3 * g),
      1e-14,
    );
    expect(w2v.loss).toBe(exact.loss);
  });

  it('rejects an empty context', () => {
    expect(() =>
      cbow(0, [], randomMatrix(1, W, D), randomMatrix(2, W, D), naiveSoftmaxLossAndGradient, D),
    ).toThrow(RangeError);
  });

  for (const [name, loss, outsideRows] of LOSSES) {
    it(`passes the gradient check with ${name} (exact rule, repeated context words)`, () => {
      const model: Model = (v, u, l) => cbow(2, [0, 4, 0, 2], v, u, l, D);
      expect(checkModel(model, loss, outsideRows, 50).maxRelError).toBeLessThan(1e-7);
    });
  }

  it('the gradient check FAILS for the word2vec rule: it is not the gradient', () => {
    const model: Model = (v, u, l) => cbow(2, [0, 4, 1], v, u, l, D, 'word2vec');
    expect(checkModel(model, naiveSoftmaxLossAndGradient, W, 60).passed).toBe(false);
  });
});
