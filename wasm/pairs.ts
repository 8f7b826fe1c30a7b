/**
 * The scoring half of one (input vector h, target word) step for each output layer
 * (src/core/pairUpdates.ts is the readable version, MATH.md §1, §3, §6): the rows the pair
 * touches go to the row list, their scores f_j = row_j · h to `scores`, their step coefficients
 * g_j = −α ∂J/∂f_j to `gs`, and the pair loss J is returned (float64).
 */
import { centreAddress, outAddress } from './hot';
import {
  codesPtr,
  countsPtr,
  gsPtr,
  idsPtr,
  loss,
  neuPtr,
  offsetsPtr,
  outPtr,
  outRows,
  pointsPtr,
  rowBytes,
  rowsPtr,
  scoresPtr,
  hPtr,
  isCbowExact,
} from './layout';
import { drawNoise } from './rng';
import { axpy, scaleRow, scoreRows } from './rows';
import { jsExp, jsLog, logSigmoid, logSigmoidInTable, sigma } from './sigmoid';

export const LOSS_NS = 0;
export const LOSS_HS = 1;

function setRow(j: i32, address: usize): void {
  store<i32>(rowsPtr + ((<usize>j) << 2), <i32>address);
}

function score(j: i32): f64 {
  return load<f64>(scoresPtr + ((<usize>j) << 3));
}

function setGain(j: i32, g: f64): void {
  store<f64>(gsPtr + ((<usize>j) << 3), g);
}

/**
 * Adds word w to the distinct NS targets ids[0 … n) (repeats counted in counts); new n. The scan
 * selects instead of leaving the loop at a repeat, so its only branch is the loop's own.
 */
export function addTarget(n: i32, w: i32): i32 {
  let at = -1;
  for (let j = 0; j < n; j++) at = select<i32>(j, at, load<i32>(idsPtr + ((<usize>j) << 2)) == w);
  if (at >= 0) {
    const c = countsPtr + ((<usize>at) << 2);
    store<i32>(c, load<i32>(c) + 1);
    return n;
  }
  store<i32>(idsPtr + ((<usize>n) << 2), w);
  store<i32>(countsPtr + ((<usize>n) << 2), 1);
  return n + 1;
}

/** Starts a pair's NS target list with the true word (once); returns 1. */
export function firstTarget(target: i32): i32 {
  store<i32>(idsPtr, target);
  store<i32>(countsPtr, 1);
  return 1;
}

/** The true word, then K noise draws (a draw equal to the target skipped), repeats merged. */
export function drawTargets(target: i32, K: i32): i32 {
  let n = firstTarget(target);
  for (let k = 0; k < K; k++) {
    const w = drawNoise();
    if (w != target) n = addTarget(n, w);
  }
  return n;
}

/** Row list = the output rows of the NS targets ids[0 … n). */
export function fillNsRows(n: i32): void {
  for (let j = 0; j < n; j++) setRow(j, outAddress(load<i32>(idsPtr + ((<usize>j) << 2))));
}

/**
 * Negative sampling from the scores of the n distinct targets (ids[0] the true word o):
 *   J = −log σ(u_o·h) − Σ_s log σ(−u_{w_s}·h);   g_t = α (p_t − k_t σ(u_t·h))
 */
export function nsGains(n: i32, alpha: f64): f64 {
  let J: f64 = 0;
  for (let j = 0; j < n; j++) {
    const f = score(j);
    const logSig = f > -16.0 && f < 16.0 ? logSigmoidInTable(f) : logSigmoid(f);
    const positive: f64 = j == 0 ? 1 : 0;
    const k = <f64>load<i32>(countsPtr + ((<usize>j) << 2));
    // −log σ(f) for the true word; −log σ(−f) = −log σ(f) + f for each negative draw.
    J -= positive * logSig + (k - positive) * (logSig - f);
    setGain(j, alpha * (positive - k * sigma));
  }
  return J;
}

/** Negative sampling: rows, scores f = u·h, then `nsGains`. */
function nsStep(h: usize, n: i32, alpha: f64): f64 {
  fillNsRows(n);
  scoreRows(h, n);
  return nsGains(n, alpha);
}

/**
 * Hierarchical softmax along target's path n_1 … n_L with codes d_j:
 *   J = −Σ_j log σ((1 − 2d_j) θ_{n_j}·h);   g_j = α (1 − d_j − σ(θ_{n_j}·h))
 */
function hsStep(h: usize, target: i32, alpha: f64): f64 {
  const from = load<i32>(offsetsPtr + ((<usize>target) << 2));
  const n = load<i32>(offsetsPtr + ((<usize>(target + 1)) << 2)) - from;
  for (let j = 0; j < n; j++)
    setRow(j, outAddress(load<i32>(pointsPtr + ((<usize>(from + j)) << 2))));
  scoreRows(h, n);
  let J: f64 = 0;
  for (let j = 0; j < n; j++) {
    const f = score(j);
    const code = <f64>load<u8>(codesPtr + <usize>(from + j));
    const logSig = logSigmoid(f);
    J -= code == 0 ? logSig : logSig - f;
    setGain(j, alpha * (1 - code - sigma));
  }
  return J;
}

/**
 * Full softmax, all W output rows:
 *   ŷ = softmax(Uᵀh),  J = log Σ_w e^{u_w·h} − u_o·h,  g_w = α (y_w − ŷ_w)
 * (the largest score is subtracted before exponentiating).
 */
function softmaxStep(h: usize, target: i32, alpha: f64): f64 {
  const W = outRows;
  for (let w = 0; w < W; w++) setRow(w, outPtr + <usize>w * rowBytes);
  scoreRows(h, W);
  let max = -Infinity;
  for (let w = 0; w < W; w++) max = Math.max(max, score(w));
  let sum: f64 = 0;
  for (let w = 0; w < W; w++) {
    const e = jsExp(score(w) - max);
    setGain(w, e);
    sum += e;
  }
  const J = max + jsLog(sum) - score(target);
  for (let w = 0; w < W; w++) {
    const g = load<f64>(gsPtr + ((<usize>w) << 3));
    setGain(w, alpha * ((w == target ? 1 : 0) - g / sum));
  }
  return J;
}

/** J(h, target) and the pair's rows and steps; NS targets (n) already drawn. */
export function scorePair(h: usize, target: i32, n: i32, alpha: f64): f64 {
  if (loss == LOSS_NS) return nsStep(h, n, alpha);
  if (loss == LOSS_HS) return hsStep(h, target, alpha);
  return softmaxStep(h, target, alpha);
}

/** How many rows the pair scored by `scorePair` touches. */
export function pairRows(target: i32, n: i32): i32 {
  if (loss == LOSS_NS) return n;
  if (loss == LOSS_HS)
    return (
      load<i32>(offsetsPtr + ((<usize>(target + 1)) << 2)) -
      load<i32>(offsetsPtr + ((<usize>target) << 2))
    );
  return outRows;
}

/** Centre row address of word w (a team thread's own copy of a hot row while training: hot.ts). */
export function centreRow(w: i32): usize {
  return centreAddress(w);
}

/** h = mean of the centre rows of ids[lo … hi) except position skip (−1: none). */
export function meanOfRows(ids: usize, lo: i32, hi: i32, skip: i32): void {
  memory.fill(hPtr, 0, rowBytes);
  for (let q = lo; q < hi; q++)
    if (q != skip) axpy(1, centreRow(load<i32>(ids + ((<usize>q) << 2))), hPtr, false);
  const size = hi - lo - (skip >= lo && skip < hi ? 1 : 0);
  scaleRow(<f32>(1.0 / <f64>size), hPtr);
}

/**
 * CBOW's input-side step: each context row of ids[lo … hi) (except skip) gets neu1e / |C|
 * (exact) or neu1e (word2vec.c) at its address plus `shift`; neu1e is cleared with the last.
 */
export function spreadToContext(ids: usize, lo: i32, hi: i32, skip: i32, shift: usize): void {
  const size = hi - lo - (skip >= lo && skip < hi ? 1 : 0);
  const share: f32 = isCbowExact ? <f32>(1.0 / <f64>size) : 1;
  const last = hi - 1 == skip ? hi - 2 : hi - 1;
  for (let q = lo; q < hi; q++)
    if (q != skip)
      axpy(share, neuPtr, shift + centreRow(load<i32>(ids + ((<usize>q) << 2))), q == last);
}

/** word2vec.c's linear decay: α₀ · max(1 − t · invDenom, 10⁻⁴). */
export function decayedAlpha(alpha0: f64, t: f64, invDenom: f64): f64 {
  const alpha = alpha0 * (1 - t * invDenom);
  return alpha > alpha0 * 1e-4 ? alpha : alpha0 * 1e-4;
}
