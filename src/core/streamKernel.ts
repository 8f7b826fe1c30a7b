/**
 * The stream-mode half of the TypeScript kernel (word2vec.c's schedule): one SGD step per
 * (centre, context) pair for skip-gram, per window for CBOW, in the kernel's flat memory.
 */
import { scoreRows } from './kernelMath';
import { updateAndScore6, updateRowsInPlace } from './rowUpdates';
import type { KernelState } from './kernelState';
import {
  IO_ALPHA0,
  IO_INV_DENOM,
  IO_LOSS,
  IO_NEGATIVES,
  IO_PAIRS,
  IO_T_BASE,
  IO_WINDOW,
  LOSS_NS,
} from './kernelState';
import {
  addTarget,
  fillRows,
  meanOfRows,
  nsGains,
  pairRows,
  scorePair,
  spreadToContext,
} from './pairUpdates';
import { xoshiroInt } from './rng';
import { drawAlias } from './sampling';

/**
 * One stream-mode pair: NS draws K noise words from the table, skipping those equal to the target
 * (word2vec.c); then SGD in place on the output rows, and the input-side step e chained from
 * mem[offsetIn …] to mem[offsetOut …] (see `updateRowsInPlace`).
 */
function streamPair(
  st: KernelState,
  offsetH: number,
  target: number,
  alpha: number,
  K: number,
  offsetIn: number,
  offsetOut: number,
): number {
  const n = st.loss === LOSS_NS ? drawTargets(st, target, K, st.ids, st.counts) : 1;
  const loss = scorePair(st, offsetH, target, n, alpha);
  updateRowsInPlace(
    st.dim,
    st.mem,
    offsetH,
    st.rows,
    st.gs,
    pairRows(st, target, n),
    st.neuBase,
    offsetIn,
    offsetOut,
  );
  return loss;
}

/**
 * The target list of one negative-sampling pair: the true word, then K draws from the noise
 * distribution, a draw equal to the target skipped (word2vec.c), repeats merged (`addTarget`).
 *
 * @returns the number of distinct targets written to ids / counts
 */
function drawTargets(
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
function decayedAlpha(alpha0: number, t: number, invDenom: number): number {
  const alpha = alpha0 * (1 - t * invDenom);
  return alpha > alpha0 * 1e-4 ? alpha : alpha0 * 1e-4;
}

/**
 * Skip-gram, stream mode. For centre c at p and each o within the drawn radius, in turn:
 *   J(v_c, o) and its output step;  v_c += neu1e;  neu1e ← 0      (SGD one pair at a time)
 */
export function skipgramSpan(
  st: KernelState,
  sen: Int32Array,
  senT: Int32Array,
  len: number,
  from: number,
  to: number,
  io: Float64Array,
): void {
  const { dim: D, rng } = st;
  const alpha0 = io[IO_ALPHA0]!;
  const window = io[IO_WINDOW]!;
  const K = io[IO_NEGATIVES]!;
  let loss = 0;
  let pairs = 0;
  for (let p = from; p < to; p++) {
    const alpha = decayedAlpha(alpha0, io[IO_T_BASE]! + senT[p]!, io[IO_INV_DENOM]!);
    const radius = window - xoshiroInt(rng, window);
    const centerRow = sen[p]! * D;
    const lo = Math.max(0, p - radius);
    const hi = Math.min(len, p + radius + 1);
    if (st.loss === LOSS_NS && st.isPipelined) {
      loss = skipgramNsWindow(st, sen, lo, hi, p, alpha, K, loss);
      pairs += hi - lo - 1;
      continue;
    }
    for (let q = lo; q < hi; q++) {
      if (q === p) continue;
      // v_c += e inside the output pass: in = out = the centre row.
      loss += streamPair(st, centerRow, sen[q]!, alpha, K, centerRow, centerRow);
      pairs++;
    }
  }
  io[IO_LOSS]! += loss;
  io[IO_PAIRS]! += pairs;
}

/**
 * Skip-gram with negative sampling over the window sen[lo … hi) around centre p, pipelined: the
 * same pair-by-pair SGD steps as `streamPair`, but each next pair's negatives are drawn before
 * the current update (the generator is called in the same order: this pair, then the next), and
 * when both pairs have six distinct targets the next scores are taken inside the update pass
 * (`updateAndScore6`). Every number equals the plain loop's bit for bit; one pass over the
 * rows per pair is saved.
 *
 * @param lossSoFar - the running loss sum, continued pair by pair (same order as the plain loop)
 * @returns lossSoFar plus the window's pair losses
 */
function skipgramNsWindow(
  st: KernelState,
  sen: Int32Array,
  lo: number,
  hi: number,
  p: number,
  alpha: number,
  K: number,
  lossSoFar: number,
): number {
  const { dim: D, mem, rows, counts, nextRows, nextCounts } = st;
  const centerRow = sen[p]! * D;
  let q = lo === p ? lo + 1 : lo;
  if (q >= hi) return lossSoFar;
  let n = drawTargets(st, sen[q]!, K, st.ids, counts);
  fillRows(st, st.ids, n, rows);
  scoreRows(D, mem, centerRow, rows, n, st.scores);
  let loss = lossSoFar;
  for (;;) {
    loss += nsGains(st, n, alpha);
    const next = q + 1 === p ? q + 2 : q + 1;
    if (next >= hi) break;
    const nextN = drawTargets(st, sen[next]!, K, st.nextIds, nextCounts);
    fillRows(st, st.nextIds, nextN, nextRows);
    if (n === 6 && nextN === 6) {
      // This pair's step and the next pair's scores (into st.scores) in one pass.
      updateAndScore6(D, mem, centerRow, rows, st.gs, nextRows, st.scores);
    } else {
      updateRowsInPlace(D, mem, centerRow, rows, st.gs, n, st.neuBase, centerRow, centerRow);
      scoreRows(D, mem, centerRow, nextRows, nextN, st.scores);
    }
    for (let j = 0; j < nextN; j++) {
      rows[j] = nextRows[j]!;
      counts[j] = nextCounts[j]!;
    }
    n = nextN;
    q = next;
  }
  updateRowsInPlace(D, mem, centerRow, rows, st.gs, n, st.neuBase, centerRow, centerRow);
  return loss;
}

/**
 * CBOW, stream mode. For centre c at p with context C (the tokens within the drawn radius):
 *   h = (1/|C|) Σ_{w∈C} v_w;  J(h, c) and its output step;
 *   v_w += neu1e / |C| (exact) or v_w += neu1e (word2vec.c) for each w in C;  neu1e ← 0
 */
export function cbowSpan(
  st: KernelState,
  sen: Int32Array,
  senT: Int32Array,
  len: number,
  from: number,
  to: number,
  io: Float64Array,
): void {
  const { rng } = st;
  const alpha0 = io[IO_ALPHA0]!;
  const window = io[IO_WINDOW]!;
  const K = io[IO_NEGATIVES]!;
  let loss = 0;
  let pairs = 0;
  for (let p = from; p < to; p++) {
    const alpha = decayedAlpha(alpha0, io[IO_T_BASE]! + senT[p]!, io[IO_INV_DENOM]!);
    const radius = window - xoshiroInt(rng, window);
    const lo = Math.max(0, p - radius);
    const hi = Math.min(len, p + radius + 1);
    if (hi - lo <= 1) continue;
    meanOfRows(st, sen, lo, hi, p);
    // e lands in neu1e (chained from the zero row), then goes to the context rows.
    loss += streamPair(st, st.hBase, sen[p]!, alpha, K, st.zeroBase, st.neuBase);
    spreadToContext(st, sen, lo, hi, p, 0);
    pairs++;
  }
  io[IO_LOSS]! += loss;
  io[IO_PAIRS]! += pairs;
}
