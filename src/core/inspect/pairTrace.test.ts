/**
 * The probabilities a panel shows are probabilities: HS path factors multiply to p(w|h) and
 * Σ_w p(w|h) = 1; softmax ŷ sums to 1 with ŷ_o = exp(−J); NS σ values and the shared quantity
 * follow MATH.md §3. Plus the hazards: scores of ±700, NaN weights, a hand-worked case.
 */
import { describe, expect, it } from 'vitest';
import { sigmoid } from '../activations';
import { buildHuffmanTree } from '../huffman';
import { randomF32 } from '../testing/engineFixtures';
import { expectArraysClose, expectClose } from '../testing/expectClose';
import type { HuffmanTree, LossId } from '../types';
import type { PairContext } from './pairTrace';
import { scorePair64 } from './pairTrace';
import { rowReader } from './trace';

const D = 4;

function context(
  loss: LossId,
  out: Float32Array,
  W: number,
  tree: HuffmanTree | null,
  negatives = new Int32Array(0),
): PairContext {
  return { loss, rowOf: rowReader(out, D), words: W, negatives, tree };
}

describe('hierarchical softmax: p(w|h) along the path', () => {
  const counts = [9, 7, 4, 4, 3, 2, 1];
  const W = counts.length;
  const tree = buildHuffmanTree(counts);
  const theta = randomF32(3, W - 1, D, 1);
  const h = Float64Array.from(randomF32(4, 1, D, 1));

  it('the factors multiply to pathProb = exp(−J), and Σ_w p(w|h) = 1', () => {
    let total = 0;
    for (let w = 0; w < W; w++) {
      const core = scorePair64(h, w, context('hs', theta, W, tree));
      if (core.scoring.kind !== 'hs') throw new Error('kind');
      const product = core.scoring.factors.reduce((a, b) => a * b, 1);
      expectClose(product, core.scoring.pathProb, 1e-15, 'product');
      expectClose(core.scoring.pathProb, Math.exp(-core.loss), 1e-12, 'exp(−J)');
      total += core.scoring.pathProb;
    }
    expectClose(total, 1, 1e-12, 'Σ p(w|h)');
  });

  it('g_j = 1 − d_j − σ(θ·h) and the factor is σ(θ·h) on code 0, σ(−θ·h) on code 1', () => {
    const core = scorePair64(h, W - 1, context('hs', theta, W, tree));
    if (core.scoring.kind !== 'hs') throw new Error('kind');
    const { codes, scores, factors, g } = core.scoring;
    expect(codes.length).toBeGreaterThan(1);
    codes.forEach((d, j) => {
      expectClose(g[j]!, 1 - d - sigmoid(scores[j]!), 1e-15, 'g');
      expectClose(factors[j]!, sigmoid(d === 0 ? scores[j]! : -scores[j]!), 1e-15, 'factor');
    });
  });
});

describe('full softmax: ŷ over the vocabulary', () => {
  const W = 9;
  const U = randomF32(5, W, D, 2);
  const h = Float64Array.from(randomF32(6, 1, D, 1));

  it('ŷ sums to 1, ŷ_o = exp(−J), shared = ŷ − y, top sorted, the true rank is right', () => {
    const target = 4;
    const core = scorePair64(h, target, { ...context('softmax', U, W, null), topK: 3 });
    if (core.scoring.kind !== 'softmax') throw new Error('kind');
    const { yHat, shared, top, trueRank, trueProb, trueScore } = core.scoring;
    expectClose(
      yHat.reduce((a, b) => a + b, 0),
      1,
      1e-12,
      'Σ ŷ',
    );
    expectClose(trueProb, Math.exp(-core.loss), 1e-12, 'ŷ_o');
    const uo = U.subarray(target * D, target * D + D);
    expectClose(
      trueScore,
      uo.reduce((sum, u, i) => sum + u * h[i]!, 0),
      1e-12,
      'u_o·h',
    );
    expectArraysClose(
      shared,
      yHat.map((p, w) => p - (w === target ? 1 : 0)),
      0,
    );
    const sorted = Array.from(yHat.keys()).sort((a, b) => yHat[b]! - yHat[a]!);
    expect(top.map((t) => t.word)).toEqual(sorted.slice(0, 3));
    expect(top.map((t) => t.prob)).toEqual(sorted.slice(0, 3).map((w) => yHat[w]));
    expect(trueRank).toBe(1 + Array.from(yHat).filter((p) => p > trueProb).length);
  });

  it('scores of ±700 give a finite loss and ŷ that still sums to 1', () => {
    const big = Float32Array.from({ length: W * D }, (_, i) =>
      Math.floor(i / D) % 2 === 0 ? 175 : -175,
    );
    const core = scorePair64(Float64Array.of(1, 1, 1, 1), 1, context('softmax', big, W, null));
    if (core.scoring.kind !== 'softmax') throw new Error('kind');
    expect(Number.isFinite(core.loss)).toBe(true);
    expectClose(core.loss, Math.log(5) + 1400, 1e-12, 'loss of a −700 word among five +700s');
    expectClose(
      core.scoring.yHat.reduce((a, b) => a + b, 0),
      1,
      1e-12,
      'Σ ŷ',
    );
  });
});

describe('negative sampling: σ values and the shared quantity', () => {
  it('a hand-worked pair: u_o·h = ln 3, u_w·h = 0 gives σ = 3/4 and 1/2', () => {
    // u_o = (ln 3, 0, 0, 0), u_2 = 0, h = (1, 0, 0, 0).
    const U = new Float32Array(3 * D);
    U[1 * D] = Math.log(3);
    const core = scorePair64(
      Float64Array.of(1, 0, 0, 0),
      1,
      context('ns', U, 3, null, Int32Array.of(2)),
    );
    if (core.scoring.kind !== 'ns') throw new Error('kind');
    expectArraysClose(core.scoring.sigmas, [0.75, 0.5], 1e-7);
    expectArraysClose(core.scoring.shared, [-0.25, -0.5], 1e-7);
    // J = −log(3/4) − log(1/2) (ln 3 is stored in float32).
    expectClose(core.loss, -Math.log(0.75) - Math.log(0.5), 1e-7, 'J');
    expectArraysClose(core.coefs, [-0.25, 0.5], 1e-7);
  });

  it('a NaN weight shows up as a NaN loss, never hidden', () => {
    const U = randomF32(8, 4, D, 1);
    U[2 * D] = NaN;
    const core = scorePair64(
      Float64Array.of(1, 1, 1, 1),
      0,
      context('ns', U, 4, null, Int32Array.of(2, 3)),
    );
    expect(Number.isNaN(core.loss)).toBe(true);
  });

  it('scores of ±700 give a finite loss', () => {
    const U = Float32Array.from({ length: 3 * D }, (_, i) => (i < D ? -175 : 175));
    const core = scorePair64(
      Float64Array.of(1, 1, 1, 1),
      0,
      context('ns', U, 3, null, Int32Array.of(1, 2)),
    );
    expectClose(core.loss, 2100, 1e-12, 'J = 700 + 700 + 700');
  });
});
