/**
 * The naive (full) softmax loss of one pair, float64 (MATH.md §1). Cost O(W·d): every outside
 * vector is read and every row of the outside gradient is written.
 */
import { logSumExp } from './activations';
import type { PairLossResult } from './pairLoss';
import { axpyRows, checkRow, dotRows, rowsOf } from './pairLoss';

/**
 * Naive-softmax loss and gradients for the pair (c, o) (CS224n `naiveSoftmaxLossAndGradient`).
 *
 *   ŷ = softmax(Uᵀ v_c),  J = −log ŷ_o = log Σ_w e^{u_w·v_c} − u_o·v_c
 *   ∂J/∂v_c = U(ŷ − y) = −u_o + Σ_w ŷ_w u_w
 *   ∂J/∂u_w = (ŷ_w − y_w) v_c
 *
 * The log-sum-exp subtracts the largest score, so scores of ±700 give a finite loss and
 * gradient. A NaN anywhere in the inputs makes the loss and gradients NaN. Nothing is modified
 * in place.
 *
 * @param centerVec - v_c, length d
 * @param outsideWordIdx - o, the true outside word, 0 ≤ o < W
 * @param outsideVectors - U stored W×d row-major (row w is u_w)
 * @returns loss J, gradCenterVec (d), gradOutsideVecs (W×d)
 */
export function naiveSoftmaxLossAndGradient(
  centerVec: Float64Array,
  outsideWordIdx: number,
  outsideVectors: Float64Array,
): PairLossResult {
  const d = centerVec.length;
  const vocabSize = rowsOf(outsideVectors, d, 'outsideVectors');
  checkRow(outsideWordIdx, vocabSize, 'outsideWordIdx');

  // Scores u_w·v_c for every word, then ŷ_w = exp(score_w − log Z) without overflow.
  const scores = new Float64Array(vocabSize);
  for (let w = 0; w < vocabSize; w++) scores[w] = dotRows(d, outsideVectors, w * d, centerVec, 0);
  const logZ = logSumExp(scores);
  const loss = logZ - scores[outsideWordIdx]!;

  // delta = ŷ − y is the one quantity both gradients need.
  const delta = scores;
  for (let w = 0; w < vocabSize; w++) delta[w] = Math.exp(scores[w]! - logZ);
  delta[outsideWordIdx]! -= 1;

  const gradCenterVec = new Float64Array(d);
  const gradOutsideVecs = new Float64Array(outsideVectors.length);
  for (let w = 0; w < vocabSize; w++) {
    axpyRows(d, delta[w]!, outsideVectors, w * d, gradCenterVec, 0);
    axpyRows(d, delta[w]!, centerVec, 0, gradOutsideVecs, w * d);
  }
  return { loss, gradCenterVec, gradOutsideVecs };
}
