/**
 * The negative-sampling loss of one pair, float64 (MATH.md §3). Cost O(K·d).
 */
import { logSigmoid, sigmoid } from './activations';
import type { PairLossResult } from './pairLoss';
import { axpyRows, checkRow, dotRows, rowsOf } from './pairLoss';

/**
 * Negative-sampling loss and gradients for the pair (c, o) with the given negatives w_1 … w_K
 * (CS224n `negSamplingLossAndGradient`, with the sampling left to the caller).
 *
 *   J = −log σ(u_o·v_c) − Σ_{s=1..K} log σ(−u_{w_s}·v_c)
 *   ∂J/∂v_c = (σ(u_o·v_c) − 1) u_o + Σ_s σ(u_{w_s}·v_c) u_{w_s}
 *   ∂J/∂u_o = (σ(u_o·v_c) − 1) v_c,   ∂J/∂u_{w_s} = σ(u_{w_s}·v_c) v_c
 *
 * Repeats are allowed and ACCUMULATE: a word drawn twice contributes two loss terms and two
 * gradient terms (rows are added with +=, never overwritten). A negative equal to o is treated
 * like any other draw (word2vec.c skips it, CS224n redraws it: filter before calling if wanted).
 * log σ is evaluated stably, so scores of ±700 give finite values; NaN inputs give NaN. Nothing
 * is modified in place.
 *
 * @param centerVec - v_c, length d
 * @param outsideWordIdx - o, the true outside word, 0 ≤ o < W
 * @param outsideVectors - U stored W×d row-major (row w is u_w)
 * @param negSampleWordIdxs - w_1 … w_K, each in [0, W)
 * @returns loss J, gradCenterVec (d), gradOutsideVecs (W×d, zero outside o and the negatives)
 */
export function negSamplingLossAndGradient(
  centerVec: Float64Array,
  outsideWordIdx: number,
  outsideVectors: Float64Array,
  negSampleWordIdxs: ArrayLike<number>,
): PairLossResult {
  const d = centerVec.length;
  const vocabSize = rowsOf(outsideVectors, d, 'outsideVectors');
  checkRow(outsideWordIdx, vocabSize, 'outsideWordIdx');
  for (let s = 0; s < negSampleWordIdxs.length; s++) {
    checkRow(negSampleWordIdxs[s]!, vocabSize, 'negative sample');
  }
  const gradCenterVec = new Float64Array(d);
  const gradOutsideVecs = new Float64Array(outsideVectors.length);

  // The true word: label 1, coefficient σ(u_o·v_c) − 1.
  const row = outsideWordIdx * d;
  const scoreO = dotRows(d, outsideVectors, row, centerVec, 0);
  let loss = -logSigmoid(scoreO);
  const coefO = sigmoid(scoreO) - 1;
  axpyRows(d, coefO, outsideVectors, row, gradCenterVec, 0);
  axpyRows(d, coefO, centerVec, 0, gradOutsideVecs, row);

  // Each negative: label 0, coefficient σ(u_w·v_c) = 1 − σ(−u_w·v_c).
  for (let s = 0; s < negSampleWordIdxs.length; s++) {
    const negRow = negSampleWordIdxs[s]! * d;
    const score = dotRows(d, outsideVectors, negRow, centerVec, 0);
    loss -= logSigmoid(-score);
    const coef = sigmoid(score);
    axpyRows(d, coef, outsideVectors, negRow, gradCenterVec, 0);
    axpyRows(d, coef, centerVec, 0, gradOutsideVecs, negRow);
  }
  return { loss, gradCenterVec, gradOutsideVecs };
}
