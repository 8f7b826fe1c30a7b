/**
 * The stream-mode half of the TypeScript kernel (word2vec.c's schedule): one SGD step per
 * (centre, context) pair for skip-gram, per window for CBOW, in the kernel's flat memory; and
 * the same steps for one explicit example (the derivation panels' example, `Kernel.exampleStep`).
 */
import { skipgramNsSpanPipelined } from './pipelinedSkipgram';
import { updateRowsInPlace } from './rowUpdates';
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
  decayedAlpha,
  drawTargets,
  meanOfRows,
  pairRows,
  scorePair,
  spreadToContext,
} from './pairUpdates';
import { xoshiroInt } from './rng';

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
  return stepPair(st, offsetH, target, n, alpha, offsetIn, offsetOut);
}

/**
 * The SGD step of one pair whose NS targets (n of them) are already in st.ids / st.counts:
 * scores, then the output rows and the input-side step in place (see `streamPair`).
 */
function stepPair(
  st: KernelState,
  offsetH: number,
  target: number,
  n: number,
  alpha: number,
  offsetIn: number,
  offsetOut: number,
): number {
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
  if (st.loss === LOSS_NS && st.isPipelined) {
    skipgramNsSpanPipelined(st, sen, senT, len, from, to, io);
    return;
  }
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

/**
 * The NS target list of one pair from explicit negatives negs[from … from + K): the true word,
 * then each draw — entries < 0 (SKIPPED: draws word2vec.c left out) ignored, repeats merged
 * (`addTarget`) — into st.ids / st.counts. Returns the number of distinct targets.
 */
function explicitTargets(
  st: KernelState,
  target: number,
  negs: Int32Array,
  from: number,
  K: number,
): number {
  const { ids, counts } = st;
  ids[0] = target;
  counts[0] = 1;
  let n = 1;
  for (let k = from; k < from + K; k++) if (negs[k]! >= 0) n = addTarget(ids, counts, n, negs[k]!);
  return n;
}

/**
 * Skip-gram, one explicit example (see `Kernel.exampleStep`): for each o_i = ctx[ctxFrom + i],
 * in turn, the pair (v_c, o_i) with negatives negs[negFrom + i·K …], at α = io[ALPHA0]:
 *   J(v_c, o_i) and its output step;  v_c += neu1e       (as `skipgramSpan`, pair by pair)
 */
export function skipgramExample(
  st: KernelState,
  center: number,
  ctx: Int32Array,
  ctxFrom: number,
  ctxTo: number,
  negs: Int32Array,
  negFrom: number,
  io: Float64Array,
): void {
  const alpha = io[IO_ALPHA0]!;
  const K = io[IO_NEGATIVES]!;
  const centerRow = center * st.dim;
  let loss = 0;
  for (let j = ctxFrom; j < ctxTo; j++) {
    const target = ctx[j]!;
    const at = negFrom + (j - ctxFrom) * K;
    const n = st.loss === LOSS_NS ? explicitTargets(st, target, negs, at, K) : 1;
    loss += stepPair(st, centerRow, target, n, alpha, centerRow, centerRow);
  }
  io[IO_LOSS]! += loss;
  io[IO_PAIRS]! += ctxTo - ctxFrom;
}

/**
 * CBOW, one explicit example (see `Kernel.exampleStep`): C = ctx[ctxFrom … ctxTo), target c,
 * negatives negs[negFrom … + K), at α = io[ALPHA0]:
 *   h = (1/|C|) Σ_{w∈C} v_w;  J(h, c) and its output step;  v_w += neu1e/|C| or neu1e   (as `cbowSpan`)
 */
export function cbowExample(
  st: KernelState,
  center: number,
  ctx: Int32Array,
  ctxFrom: number,
  ctxTo: number,
  negs: Int32Array,
  negFrom: number,
  io: Float64Array,
): void {
  if (ctxTo <= ctxFrom) return;
  const K = io[IO_NEGATIVES]!;
  meanOfRows(st, ctx, ctxFrom, ctxTo, -1);
  const n = st.loss === LOSS_NS ? explicitTargets(st, center, negs, negFrom, K) : 1;
  io[IO_LOSS]! += stepPair(st, st.hBase, center, n, io[IO_ALPHA0]!, st.zeroBase, st.neuBase);
  spreadToContext(st, ctx, ctxFrom, ctxTo, -1, 0);
  io[IO_PAIRS]! += 1;
}
