import { describe, expect, it } from 'vitest';
import { sigmoid } from './activations';
import { hierarchicalSoftmaxLossAndGradient as hsLoss } from './hierarchicalSoftmax';
import { buildHuffmanTree } from './huffman';
import { naiveSoftmaxLossAndGradient } from './naiveSoftmax';
import { dotRows } from './pairLoss';
import { expectArraysClose, expectClose } from './testing/expectClose';
import {
  TREE_2,
  TREE_5,
  TREE_CHAIN_4,
  gradcheckPairLoss,
  randomMatrix,
} from './testing/lossFixtures';
import type { HuffmanTree } from './types';

const vec = (...x: number[]) => Float64Array.from(x);

/** Σ_w p(w | h) over all leaves, with p(w | h) = exp(−J_w). */
function leafProbabilitySum(tree: HuffmanTree, h: Float64Array, nodes: Float64Array): number {
  let sum = 0;
  for (let w = 0; w < tree.leaves; w++) sum += Math.exp(-hsLoss(h, w, nodes, tree).loss);
  return sum;
}

describe('hand-built test trees', () => {
  it('the chain of 4 has the paths and codes written in its description', () => {
    expect(Array.from(TREE_CHAIN_4.offsets)).toEqual([0, 1, 3, 6, 9]);
    expect(Array.from(TREE_CHAIN_4.points)).toEqual([2, 2, 1, 2, 1, 0, 2, 1, 0]);
    expect(Array.from(TREE_CHAIN_4.codes)).toEqual([0, 1, 0, 1, 1, 0, 1, 1, 1]);
  });
});

describe('hierarchicalSoftmaxLossAndGradient', () => {
  // One inner node θ_0 = (1, 1) and h = (1, 0.5): the score is θ_0·h = 1.5.
  const theta = vec(1, 1);
  const h = vec(1, 0.5);

  it('exact W = 2, code 0: J = −log σ(1.5), ∂J/∂θ = −(1 − σ(1.5)) h, ∂J/∂h = −(1 − σ(1.5)) θ', () => {
    const r = hsLoss(h, 0, theta, TREE_2);
    const g = 1 - sigmoid(1.5);
    expectClose(r.loss, Math.log1p(Math.exp(-1.5)), 1e-15);
    expectArraysClose(r.gradOutsideVecs, [-g, -g * 0.5], 1e-15);
    expectArraysClose(r.gradCenterVec, [-g, -g], 1e-15);
  });

  it('exact W = 2, code 1: J = −log σ(−1.5), g = −σ(1.5)', () => {
    const r = hsLoss(h, 1, theta, TREE_2);
    const q = sigmoid(1.5);
    expectClose(r.loss, Math.log1p(Math.exp(1.5)), 1e-15);
    expectArraysClose(r.gradOutsideVecs, [q, q * 0.5], 1e-15);
    expectArraysClose(r.gradCenterVec, [q, q], 1e-15);
  });

  it('with W = 2 equals the naive softmax whose outside vectors differ by θ', () => {
    for (const w of [0, 1]) {
      const naive = naiveSoftmaxLossAndGradient(h, w, vec(1, 1, 0, 0));
      const tree = hsLoss(h, w, theta, TREE_2);
      expectClose(tree.loss, naive.loss, 1e-15);
      expectArraysClose(tree.gradCenterVec, naive.gradCenterVec, 1e-15);
    }
  });

  it('exact chain leaf: p(w3 | h) = σ(−s_2) σ(−s_1) σ(−s_0) with s_n = θ_n·h', () => {
    const nodes = randomMatrix(31, 3, 2);
    const x = vec(0.3, -0.8);
    const s = [0, 1, 2].map((n) => dotRows(2, nodes, n * 2, x, 0));
    const p = sigmoid(-s[2]!) * sigmoid(-s[1]!) * sigmoid(-s[0]!);
    expectClose(Math.exp(-hsLoss(x, 3, nodes, TREE_CHAIN_4).loss), p, 1e-15);
  });

  it('leaf probabilities sum to 1 over all leaves (chain of 4, tree of 5, several seeds)', () => {
    for (const [tree, seed] of [
      [TREE_CHAIN_4, 1],
      [TREE_CHAIN_4, 2],
      [TREE_5, 3],
      [TREE_5, 4],
    ] as const) {
      const nodes = randomMatrix(seed, tree.leaves - 1, 3, 2);
      const x = randomMatrix(seed + 100, 1, 3, 2);
      expectClose(leafProbabilitySum(tree, x, nodes), 1, 1e-14);
    }
  });

  it('touches only the nodes on the target’s path', () => {
    const nodes = randomMatrix(5, 3, 2);
    const r = hsLoss(vec(1, 2), 0, nodes, TREE_CHAIN_4); // path of w0 is [2]
    expect(Array.from(r.gradOutsideVecs.subarray(0, 4))).toEqual([0, 0, 0, 0]);
    expect(r.gradOutsideVecs[4]).not.toBe(0);
  });

  it('passes the gradient check for every leaf of both trees (wrt h and θ)', () => {
    for (const tree of [TREE_CHAIN_4, TREE_5]) {
      const nodes = randomMatrix(7, tree.leaves - 1, 3, 1.5);
      const x = randomMatrix(8, 1, 3, 1.5);
      const loss = (c: Float64Array, t: number, m: Float64Array) => hsLoss(c, t, m, tree);
      for (let w = 0; w < tree.leaves; w++) {
        expect(gradcheckPairLoss(loss, x, w, nodes).maxRelError).toBeLessThan(1e-7);
      }
    }
  });

  it('overflow hazard: a score of 700 on the wrong side gives J = 700 and finite gradients', () => {
    const r = hsLoss(vec(700, 0), 1, vec(1, 0), TREE_2);
    expect(r.loss).toBe(700);
    expectArraysClose(r.gradOutsideVecs, [700, 0], 1e-15);
    expectArraysClose(r.gradCenterVec, [1, 0], 1e-15);
    const right = hsLoss(vec(700, 0), 0, vec(1, 0), TREE_2);
    expect(right.loss).toBeLessThan(1e-300);
    expect([...right.gradCenterVec, ...right.gradOutsideVecs].every(Number.isFinite)).toBe(true);
  });

  it('NaN propagates to the loss and the gradients', () => {
    const r = hsLoss(vec(NaN, 1), 2, randomMatrix(9, 3, 2), TREE_CHAIN_4);
    expect(r.loss).toBeNaN();
    expect(Array.from(r.gradCenterVec).every(Number.isNaN)).toBe(true);
  });

  it('rejects a node matrix that does not have W − 1 rows, and a bad target', () => {
    expect(() => hsLoss(vec(1, 1), 0, vec(1, 1, 1, 1), TREE_2)).toThrow(RangeError);
    expect(() => hsLoss(vec(1, 1), 4, randomMatrix(1, 3, 2), TREE_CHAIN_4)).toThrow(RangeError);
  });

  it('on a real word2vec.c Huffman tree (12 Zipf-like counts): sums to 1 and passes the check', () => {
    const tree = buildHuffmanTree([60, 30, 20, 15, 12, 10, 9, 7, 6, 6, 5, 1]);
    const nodes = randomMatrix(70, tree.leaves - 1, 4, 1.5);
    const x = randomMatrix(71, 1, 4, 1.5);
    expectClose(leafProbabilitySum(tree, x, nodes), 1, 1e-14);
    const loss = (c: Float64Array, t: number, m: Float64Array) => hsLoss(c, t, m, tree);
    for (const w of [0, 5, 11]) {
      expect(gradcheckPairLoss(loss, x, w, nodes).maxRelError).toBeLessThan(1e-7);
    }
  });

  it('a one-word vocabulary has an empty path: J = 0, p = 1, no nodes', () => {
    const r = hsLoss(vec(3, -2), 0, new Float64Array(0), buildHuffmanTree([5]));
    expect(r.loss).toBe(0);
    expect(Array.from(r.gradCenterVec)).toEqual([0, 0]);
    expect(r.gradOutsideVecs.length).toBe(0);
  });
});
