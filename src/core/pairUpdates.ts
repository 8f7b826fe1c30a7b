/**
 * The scoring half of one (input vector, target word) step for each output layer, float32, in
 * the kernel's flat memory (MATH.md §1, §3, §6), plus the pair-level helpers the kernels share.
 * Each `…Step` function
 *   - computes the scores f_j = row_j · h of the rows the pair touches (h = mem[offsetH … + d):
 *     v_c for skip-gram, the context mean for CBOW),
 *   - writes the rows' offsets to st.rows and their step coefficients g_j = −alpha ∂J/∂f_j to
 *     st.gs (how many rows: `pairRows`),
 *   - returns the pair loss J (float64; stable for scores of ±700; NaN when a weight is NaN).
 * The caller then applies the steps with `updateRowsInPlace` (SGD: row_j += g_j h,
 * input side += Σ g_j row_j) or `updateRowsInto` (gradient accumulators).
 *
 * Every score is computed before any row changes and the rows are distinct, so a step is exactly
 * `params − alpha ∇J` (up to float32 rounding and the ≤ 2·10⁻⁷ error of the interpolated σ
 * table), repeated negatives included (merged by `addTarget`). word2vec.c skips the update when
 * |score| > 6 and uses a coarse table; this engine does neither.
 */
import { scoreRows } from './kernelMath';
import { axpy } from './rowUpdates';
import type { KernelState } from './kernelState';
import { LOSS_HS, LOSS_NS } from './kernelState';
import { drawAlias } from './sampling';
import { sigmoidInto } from './sigmoidTable';

/**
 * Adds word w to the distinct target list of a negative-sampling pair, merging repeats:
 * `ids[0 … n)` are distinct words and `counts[j]` is how often ids[j] occurs among the true word
 * and the negatives. Slot 0 is the true word.
 *
 * @returns the new number of distinct targets
 */
export function addTarget(ids: Int32Array, counts: Int32Array, n: number, w: number): number {
  for (let j = 0; j < n; j++) {
    if (ids[j] === w) {
      counts[j]!++;
      return n;
    }
  }
  ids[n] = w;
  counts[n] = 1;
  return n + 1;
}

/**
 * Negative sampling over the n distinct targets st.ids[0 … n) with multiplicities st.counts;
 * ids[0] is the true word o (label 1, once), every other occurrence a negative. Rows: n.
 *
 *   J = −log σ(u_o·h) − Σ_s log σ(−u_{w_s}·h)
 *   for each distinct target t, f = u_t·h, p = [t = o], k = occurrences:  g = alpha (p − k σ(f))
 *
 * (g is −alpha ∂J/∂f summed over the occurrences, MATH.md §3.)
 */
export function nsStep(st: KernelState, offsetH: number, n: number, alpha: number): number {
  fillRows(st, st.ids, n, st.rows);
  scoreRows(st.dim, st.mem, offsetH, st.rows, n, st.scores);
  return nsGains(st, n, alpha);
}

/** rows[j] = offset of output row ids[j] in the memory, j < n. */
export function fillRows(st: KernelState, ids: Int32Array, n: number, rows: Int32Array): void {
  for (let j = 0; j < n; j++) rows[j] = st.outBase + ids[j]! * st.dim;
}

/**
 * The loss and step coefficients of negative sampling from scores already in st.scores
 * (the second half of {@link nsStep}): g_j = alpha (p_j − k_j σ(f_j)) into st.gs.
 */
export function nsGains(st: KernelState, n: number, alpha: number): number {
  const { scores, gs, counts } = st;
  let loss = 0;
  for (let j = 0; j < n; j++) {
    const f = scores[j]!;
    const logSig = sigmoidInto(f, gs, j);
    const positive = j === 0 ? 1 : 0;
    const k = counts[j]!;
    // −log σ(f) for the true word; −log σ(−f) = −log σ(f) + f for each negative draw.
    loss -= positive * logSig + (k - positive) * (logSig - f);
    gs[j] = alpha * (positive - k * gs[j]!);
  }
  return loss;
}

/**
 * Hierarchical softmax for target w along its path n_1 … n_L with codes d_j (root first).
 * Rows: L = offsets[w + 1] − offsets[w].
 *
 *   J = −Σ_j log σ((1 − 2d_j) θ_{n_j}·h);   q_j = σ(θ_{n_j}·h),  g_j = alpha (1 − d_j − q_j)
 *
 * (word2vec.c's ascent form of ∂J/∂θ = −g h, ∂J/∂h = −Σ g θ, MATH.md §6.)
 */
export function hsStep(st: KernelState, offsetH: number, target: number, alpha: number): number {
  const { dim: D, rows, scores, gs, points, codes } = st;
  const from = st.offsets[target]!;
  const n = st.offsets[target + 1]! - from;
  for (let j = 0; j < n; j++) rows[j] = st.outBase + points[from + j]! * D;
  scoreRows(D, st.mem, offsetH, rows, n, scores);
  let loss = 0;
  for (let j = 0; j < n; j++) {
    const f = scores[j]!;
    const code = codes[from + j]!;
    const logSig = sigmoidInto(f, gs, j);
    // Code 0 scores σ(f), code 1 scores σ(−f): −log σ(−f) = −log σ(f) + f.
    loss -= code === 0 ? logSig : logSig - f;
    gs[j] = alpha * (1 - code - gs[j]!);
  }
  return loss;
}

/**
 * Full (naive) softmax for target o, O(W·d). Rows: all W output rows.
 *
 *   ŷ = softmax(Uᵀh),  J = log Σ_w e^{u_w·h} − u_o·h,  g_w = alpha (y_w − ŷ_w)
 *
 * The largest score is subtracted before exponentiating, so scores of ±700 are safe.
 */
export function softmaxStep(
  st: KernelState,
  offsetH: number,
  target: number,
  alpha: number,
): number {
  const { dim: D, rows, scores, gs } = st;
  const W = st.outRows;
  for (let w = 0; w < W; w++) rows[w] = st.outBase + w * D;
  scoreRows(D, st.mem, offsetH, rows, W, scores);
  let max = -Infinity;
  for (let w = 0; w < W; w++) max = Math.max(max, scores[w]!);
  let sum = 0;
  for (let w = 0; w < W; w++) {
    const e = Math.exp(scores[w]! - max);
    gs[w] = e;
    sum += e;
  }
  const loss = max + Math.log(sum) - scores[target]!;
  for (let w = 0; w < W; w++) gs[w] = alpha * ((w === target ? 1 : 0) - gs[w]! / sum);
  return loss;
}

/**
 * Scores one pair, J(h, target) with h = mem[offsetH …]: fills st.rows / st.gs (how many: see
 * `pairRows`) and returns the loss. NS targets must already be in st.ids / st.counts (n of them).
 */
export function scorePair(
  st: KernelState,
  offsetH: number,
  target: number,
  n: number,
  alpha: number,
): number {
  if (st.loss === LOSS_NS) return nsStep(st, offsetH, n, alpha);
  if (st.loss === LOSS_HS) return hsStep(st, offsetH, target, alpha);
  return softmaxStep(st, offsetH, target, alpha);
}

/** How many output rows the pair scored by `scorePair` touches. */
export function pairRows(st: KernelState, target: number, n: number): number {
  if (st.loss === LOSS_NS) return n;
  if (st.loss === LOSS_HS) return st.offsets[target + 1]! - st.offsets[target]!;
  return st.outRows;
}

/** h (at st.hBase) = mean of the centre rows ids[lo … hi) except position skip (−1: none). */
export function meanOfRows(
  st: KernelState,
  ids: Int32Array,
  lo: number,
  hi: number,
  skip: number,
): void {
  const { dim: D, mem, hBase } = st;
  mem.fill(0, hBase, hBase + D);
  for (let q = lo; q < hi; q++) if (q !== skip) axpy(D, 1, mem, ids[q]! * D, hBase, false);
  const inv = 1 / (hi - lo - (skip >= lo && skip < hi ? 1 : 0));
  for (let i = hBase; i < hBase + D; i++) mem[i]! *= inv;
}

/**
 * CBOW's input-side step: each context row ids[lo … hi) (except skip) gets neu1e / |C| (exact) or
 * neu1e (word2vec.c), at its centre row plus `shift` (0: the weights; else an accumulator);
 * neu1e is cleared with the last row.
 */
export function spreadToContext(
  st: KernelState,
  ids: Int32Array,
  lo: number,
  hi: number,
  skip: number,
  shift: number,
): void {
  const { dim: D, mem, neuBase } = st;
  const size = hi - lo - (skip >= lo && skip < hi ? 1 : 0);
  const share = st.isCbowExact ? 1 / size : 1;
  const last = hi - 1 === skip ? hi - 2 : hi - 1;
  for (let q = lo; q < hi; q++)
    if (q !== skip) axpy(D, share, mem, neuBase, shift + ids[q]! * D, q === last);
}

/**
 * The target list of one negative-sampling pair: the true word, then K draws from the noise
 * distribution, a draw equal to the target skipped (word2vec.c), repeats merged (`addTarget`).
 *
 * @returns the number of distinct targets written to ids / counts
 */
export function drawTargets(
  st: KernelState,
  target: number,
  K: number,
  ids: Int32Array,
  counts: Int32Array,
): number {
  const { noiseProb, noiseAlias, rng } = st;
  ids[0] = target;
  counts[0] = 1;
  let n = 1;
  for (let k = 0; k < K; k++) {
    const w = drawAlias(rng, noiseProb, noiseAlias);
    if (w !== target) n = addTarget(ids, counts, n, w);
  }
  return n;
}

/** The learning rate of word2vec.c's linear decay at word count t. */
export function decayedAlpha(alpha0: number, t: number, invDenom: number): number {
  const alpha = alpha0 * (1 - t * invDenom);
  return alpha > alpha0 * 1e-4 ? alpha : alpha0 * 1e-4;
}
