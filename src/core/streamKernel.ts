/**
 * The stream-mode half of the TypeScript kernel (word2vec.c's schedule): one SGD step per
 * (centre, context) pair for skip-gram, per window for CBOW, in the kernel's flat memory.
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
