/**
 * Skip-gram and CBOW over one window, float64 (MATH.md §4–§5), plus adapters that turn the
 * negative-sampling and hierarchical-softmax losses into a plain {@link PairLoss}.
 *
 * Both models take the full centre matrix (v_w in row w, W×d) and the full outside matrix (u_w in
 * row w, W×d; or θ, (W−1)×d, for hierarchical softmax) and return gradients of the same shapes,
 * as the CS224n `skipgram` does. Inputs are never modified.
 */
import { hierarchicalSoftmaxLossAndGradient } from './hierarchicalSoftmax';
import { negSamplingLossAndGradient } from './negSampling';
import type { PairLoss } from './pairLoss';
import { axpyRows, checkRow, rowsOf } from './pairLoss';
import type { CbowUpdateId, HuffmanTree } from './types';

/** Loss and gradients of one window. */
export interface WindowLossResult {
  /** J of the window (a sum over pairs for skip-gram; one pair for CBOW). */
  loss: number;
  /** ∂J/∂V stored like the centre matrix: W×d, row-major. */
  gradCenterVecs: Float64Array;
  /** ∂J/∂U (or ∂J/∂θ) stored like the outside matrix. */
  gradOutsideVectors: Float64Array;
}

/**
 * Skip-gram for the window around centre word c (CS224n `skipgram`):
 *
 *   J_sg = Σ_j J(v_c, o_j, U),   ∂J_sg/∂U = Σ_j ∂J(v_c, o_j, U)/∂U,
 *   ∂J_sg/∂v_c = Σ_j ∂J(v_c, o_j, U)/∂v_c,   ∂J_sg/∂v_w = 0 for w ≠ c.
 *
 * The pair loss is called once per outside word, in order, with pairIndex j = 0, 1, …
 *
 * @param centerWordIdx - c, 0 ≤ c < W
 * @param outsideWordIdxs - o_1 … o_{2m}, the outside words of the window (repeats allowed)
 * @param centerVectors - V stored W×d row-major
 * @param outsideVectors - U stored W×d (or θ, (W−1)×d) row-major
 * @param pairLoss - the loss of one pair (naive softmax, or an adapter below)
 * @param dim - d, the number of columns of both matrices
 */
export function skipgram(
  centerWordIdx: number,
  outsideWordIdxs: ArrayLike<number>,
  centerVectors: Float64Array,
  outsideVectors: Float64Array,
  pairLoss: PairLoss,
  dim: number,
): WindowLossResult {
  const vocabSize = rowsOf(centerVectors, dim, 'centerVectors');
  rowsOf(outsideVectors, dim, 'outsideVectors');
  checkRow(centerWordIdx, vocabSize, 'centerWordIdx');
  const row = centerWordIdx * dim;
  // A view, not a copy: pair losses only read their input vector.
  const centerVec = centerVectors.subarray(row, row + dim);
  const gradCenterVecs = new Float64Array(centerVectors.length);
  const gradOutsideVectors = new Float64Array(outsideVectors.length);
  let loss = 0;
  for (let j = 0; j < outsideWordIdxs.length; j++) {
    const pair = pairLoss(centerVec, outsideWordIdxs[j]!, outsideVectors, j);
    loss += pair.loss;
    axpyRows(dim, 1, pair.gradCenterVec, 0, gradCenterVecs, row);
    axpyRows(outsideVectors.length, 1, pair.gradOutsideVecs, 0, gradOutsideVectors, 0);
  }
  return { loss, gradCenterVecs, gradOutsideVectors };
}

/**
 * CBOW for the window around centre word c: the context predicts the centre (MATH.md §5).
 *
 *   h = (1/C) Σ_j v_{w_j}   (mean of the C context words' centre vectors, word2vec.c cbow_mean=1)
 *   J = J(h, c, U)          (the pair loss with h in place of v_c and c as the target)
 *   `exact`:    ∂J/∂v_{w_j} += (1/C) ∂J/∂h   (the true gradient)
 *   `word2vec`: ∂J/∂v_{w_j} += ∂J/∂h         (word2vec.c's update rule, not a gradient)
 *
 * A word occurring twice in the context gets its share twice (+=). The pair loss is called once,
 * with pairIndex 0.
 *
 * @param centerWordIdx - c, the target, 0 ≤ c < W
 * @param contextWordIdxs - w_1 … w_C, C ≥ 1 (repeats allowed)
 * @param centerVectors - V stored W×d row-major
 * @param outsideVectors - U stored W×d (or θ, (W−1)×d) row-major
 * @param pairLoss - the loss of one pair
 * @param dim - d, the number of columns of both matrices
 * @param update - how ∂J/∂h reaches the context rows; default `exact`
 */
export function cbow(
  centerWordIdx: number,
  contextWordIdxs: ArrayLike<number>,
  centerVectors: Float64Array,
  outsideVectors: Float64Array,
  pairLoss: PairLoss,
  dim: number,
  update: CbowUpdateId = 'exact',
): WindowLossResult {
  const vocabSize = rowsOf(centerVectors, dim, 'centerVectors');
  rowsOf(outsideVectors, dim, 'outsideVectors');
  const contextSize = contextWordIdxs.length;
  if (contextSize < 1) throw new RangeError('cbow needs at least one context word');
  const h = new Float64Array(dim);
  for (let j = 0; j < contextSize; j++) {
    checkRow(contextWordIdxs[j]!, vocabSize, 'context word');
    axpyRows(dim, 1 / contextSize, centerVectors, contextWordIdxs[j]! * dim, h, 0);
  }
  const pair = pairLoss(h, centerWordIdx, outsideVectors, 0);
  const share = update === 'exact' ? 1 / contextSize : 1;
  const gradCenterVecs = new Float64Array(centerVectors.length);
  for (let j = 0; j < contextSize; j++) {
    axpyRows(dim, share, pair.gradCenterVec, 0, gradCenterVecs, contextWordIdxs[j]! * dim);
  }
  return { loss: pair.loss, gradCenterVecs, gradOutsideVectors: pair.gradOutsideVecs };
}

/**
 * Binds negatives into a {@link PairLoss}: the result computes
 * `negSamplingLossAndGradient(v, target, U, negsFor(target, pairIndex))`.
 *
 * `negsFor` may draw from a seeded RNG (training) or return fixed lists (tests). For a gradient
 * check it must return the same negatives for the same (target, pairIndex) on every call, so that
 * J is one fixed function of the parameters.
 *
 * @param negsFor - (target word, position of the pair in its window) → w_1 … w_K
 */
export function withNegatives(
  negsFor: (targetIdx: number, pairIndex: number) => ArrayLike<number>,
): PairLoss {
  return (centerVec, targetWordIdx, outsideVectors, pairIndex = 0) =>
    negSamplingLossAndGradient(
      centerVec,
      targetWordIdx,
      outsideVectors,
      negsFor(targetWordIdx, pairIndex),
    );
}

/**
 * Binds a Huffman tree into a {@link PairLoss}; the "outside vectors" it receives are then the
 * node matrix θ, (W−1)×d.
 */
export function withTree(tree: HuffmanTree): PairLoss {
  return (h, targetWordIdx, nodeVectors) =>
    hierarchicalSoftmaxLossAndGradient(h, targetWordIdx, nodeVectors, tree);
}
