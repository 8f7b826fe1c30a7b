/**
 * Minibatch mode (CS224n's schedule), one whole iteration per call: the batch drawn as
 * src/core/minibatchData.ts's `sampleBatch` draws it (batchDraws.ts), each window's gradient
 * summed as src/core/windowKernel.ts does (here), then the SGD step on the touched rows as
 * minibatchMode.ts's `RowSet.applyAndClear` (batchSlots.ts). Those TypeScript files are the
 * readable reference.
 *
 * A window's gradient is taken right after the window and its negatives are drawn rather than
 * after the whole batch: gradients read only the weights, which stay fixed until the step, and
 * draw nothing, so the generator sees the same sequence and every sum the same terms in the same
 * order.
 */
import {
  beginDraws,
  contextPtr,
  drawPairTargets,
  drawWindow,
  i32At,
  windowCentre,
} from './batchDraws';
import { applyBatch, beginSlots, centreAcc, outAcc } from './batchSlots';
import {
  countsPtr,
  gradOutShift,
  hPtr,
  idsPtr,
  isCbow,
  isCbowExact,
  loss,
  neuPtr,
  offsetsPtr,
  outPtr,
  outRows,
  pointsPtr,
  rowBytes,
  vecBytes,
} from './layout';
import { centreRow, LOSS_HS, LOSS_NS, meanOfRows, pairRows, scorePair } from './pairs';
import { nextInt } from './rng';
import { axpy, gain, lanes, madd, row, tailDot } from './rows';
import { logSigmoid, logSigmoidInTable, sigma } from './sigmoid';
import { updateRowsInto } from './updates';

/** The io block's slots (kernelState.ts: IO_…), in bytes. */
const ALPHA0 = 0;
const WINDOW = 24;
const NEGATIVES = 32;
const LOSS = 40;
const PAIRS = 48;

/** neu1e += g·row and acc += g·h (one row of `updateRowsInto`, the accumulator given). */
function addScaled(g: f32, r: usize, h: usize, acc: usize): void {
  const v = f32x4.splat(g);
  for (let i: usize = 0; i < vecBytes; i += 16) {
    v128.store(neuPtr + i, madd(v, v128.load(r + i), v128.load(neuPtr + i)));
    v128.store(acc + i, madd(v, v128.load(h + i), v128.load(acc + i)));
  }
  for (let i = vecBytes; i < rowBytes; i += 4) {
    store<f32>(neuPtr + i, load<f32>(neuPtr + i) + g * load<f32>(r + i));
    store<f32>(acc + i, load<f32>(acc + i) + g * load<f32>(h + i));
  }
}

/**
 * Negative sampling, one pair at fixed weights, row by row in one pass (`scorePair` then
 * `updateRowsInto`, fused; same numbers): for each distinct target t = ids[j] (multiplicity k,
 * j = 0 the true word, p = 1 for it and 0 otherwise)
 *
 *   f = u_t·h;  J −= p log σ(f) + (k − p) log σ(−f);  g = scale (p − k σ(f));
 *   neu1e += g u_t;  acc_t += g h.
 *
 * No row is both read and written here (the accumulators are apart), so going row by row
 * changes nothing.
 */
function nsPair(h: usize, n: i32, scale: f64): f64 {
  let J: f64 = 0;
  for (let j = 0; j < n; j++) {
    const w = i32At(idsPtr, j);
    const acc = outAcc(w);
    const r = outPtr + <usize>w * rowBytes;
    let dot = f32x4.splat(0);
    for (let i: usize = 0; i < vecBytes; i += 16)
      dot = madd(v128.load(r + i), v128.load(h + i), dot);
    const f = <f64>(lanes(dot) + tailDot(r, h));
    // Scores are almost always inside the table: no call then.
    const logSig = f > -16.0 && f < 16.0 ? logSigmoidInTable(f) : logSigmoid(f);
    const positive: f64 = j == 0 ? 1 : 0;
    const k = <f64>i32At(countsPtr, j);
    J -= positive * logSig + (k - positive) * (logSig - f);
    addScaled(<f32>(scale * (positive - k * sigma)), r, h, acc);
  }
  return J;
}

/** Hierarchical softmax, one pair: `scorePair`, then the path's rows into their slots. */
function hsPair(h: usize, target: i32, scale: f64): f64 {
  const J = scorePair(h, target, 1, scale);
  const from = i32At(offsetsPtr, target);
  const n = i32At(offsetsPtr, target + 1) - from;
  for (let j = 0; j < n; j++) addScaled(gain(j), row(j), h, outAcc(i32At(pointsPtr, from + j)));
  return J;
}

/** A pair's gradient: its output step into the accumulators, neu1e += e. */
function gradientPair(h: usize, target: i32, K: i32, scale: f64): f64 {
  if (loss == LOSS_NS) return nsPair(h, drawPairTargets(target, K), scale);
  if (loss == LOSS_HS) return hsPair(h, target, scale);
  // Full softmax: every output row, each summed in its own place.
  const J = scorePair(h, target, 1, scale);
  updateRowsInto(h, pairRows(target, 1), neuPtr, gradOutShift);
  return J;
}

function clearNeu(): void {
  for (let i: usize = 0; i < rowBytes; i += 4) store<f32>(neuPtr + i, 0);
}

function report(io: usize, J: f64, pairs: i32): void {
  store<f64>(io, load<f64>(io, LOSS) + J, LOSS);
  store<f64>(io, load<f64>(io, PAIRS) + <f64>pairs, PAIRS);
}

/** Skip-gram window (`skipgramWindow`): every (c, o_j) pair at the same weights, then ∂v_c. */
function skipgramWindow(n: i32, K: i32, scale: f64, io: usize): void {
  const c = centreRow(windowCentre);
  clearNeu();
  let J: f64 = 0;
  for (let j = 0; j < n; j++) J += gradientPair(c, i32At(contextPtr, j), K, scale);
  axpy(1, neuPtr, centreAcc(windowCentre), true);
  report(io, J, n);
}

/**
 * CBOW window (`cbowWindow`): h = mean of the context rows predicts the centre; each context
 * row's accumulator gets neu1e / n (exact) or neu1e (word2vec.c), as `spreadToContext`.
 */
function cbowWindow(n: i32, K: i32, scale: f64, io: usize): void {
  meanOfRows(contextPtr, 0, n, -1);
  clearNeu();
  const J = gradientPair(hPtr, windowCentre, K, scale);
  const share: f32 = isCbowExact ? <f32>(1.0 / <f64>n) : 1;
  for (let j = 0; j < n; j++) axpy(share, neuPtr, centreAcc(i32At(contextPtr, j)), j == n - 1);
  report(io, J, 1);
}

/**
 * One iteration (`Kernel.minibatchIteration`) over the first `sentences` sentences of the
 * replicated corpus: B windows of radius 1 + ⌊u·m⌋ (m = io[WINDOW]), K = io[NEGATIVES]
 * negatives per pair, their gradients at scale 1/B, then params += io[ALPHA0] · acc on the
 * touched rows (softmax: on every output row).
 */
export function minibatchIteration(
  tokens: usize,
  starts: usize,
  sentences: i32,
  B: i32,
  centreSlots: usize,
  centreList: usize,
  outSlots: usize,
  outList: usize,
  context: usize,
  io: usize,
): void {
  beginDraws(tokens, starts, context);
  beginSlots(centreSlots, centreList, outSlots, outList);
  const m = <i32>load<f64>(io, WINDOW);
  const K = <i32>load<f64>(io, NEGATIVES);
  const scale = 1.0 / <f64>B;
  for (let b = 0; b < B; b++) {
    const n = drawWindow(sentences, 1 + nextInt(m));
    if (isCbow) cbowWindow(n, K, scale, io);
    else skipgramWindow(n, K, scale, io);
  }
  applyBatch(load<f64>(io, ALPHA0), loss != LOSS_NS && loss != LOSS_HS, outRows);
}
