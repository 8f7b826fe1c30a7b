/**
 * The training kernel: the one boundary the hot loop sits behind. Its methods take only typed
 * arrays and integers (scalars travel in a Float64Array parameter block, `io`), so a WebAssembly
 * SIMD implementation can replace this TypeScript reference later without touching the drivers
 * (`streamMode.ts`, `minibatchMode.ts`).
 *
 * Roles follow MATH.md: a skip-gram pair (c, o) uses v_c to predict o; CBOW uses the mean h of the
 * context's centre vectors to predict the centre word. (word2vec.c swaps the skip-gram roles: it
 * trains syn0[context] to predict the centre. Over a symmetric window both visit the same
 * (word, neighbour) pairs, so the objective is the same.)
 */
import { axpy, updateRowsInPlace, updateRowsInto } from './kernelMath';
import type { KernelState } from './kernelState';
import { LOSS_HS, LOSS_NS } from './kernelState';
import { addTarget, hsStep, nsStep, softmaxStep } from './pairUpdates';
import { xoshiroInt } from './rng';
import { drawAlias } from './sampling';

/** Slots of the `io` parameter block (Float64Array(IO_SIZE)). */
export const IO_ALPHA0 = 0; // stream: α₀; minibatch: the scale 1/B
export const IO_INV_DENOM = 1; // stream: 1 / (epochs·T + 1)
export const IO_T_BASE = 2; // stream: words read before the sentence's first token
export const IO_WINDOW = 3; // m
export const IO_NEGATIVES = 4; // K
export const IO_LOSS = 5; // out, +=: Σ pair losses
export const IO_PAIRS = 6; // out, +=: number of pair losses (SGD updates in stream mode)
export const IO_SIZE = 7;

/** The hot loop, behind one small interface. */
export interface Kernel {
  /**
   * Stream mode (word2vec.c): trains the centre positions from … to−1 of the sub-sampled
   * sentence sen[0 … len). senT[p] is the position of sen[p] in its original sentence, so the
   * learning rate at p is α₀ · max(1 − (io[T_BASE] + senT[p]) · io[INV_DENOM], 10⁻⁴). Each centre
   * draws its radius r uniform in 1…m, then for skip-gram one SGD update per (c, o) pair and
   * for CBOW one per window. NS negatives (drawn from the alias table of the 1e6-entry noise
   * table, i.e. its exact distribution) equal to the target are skipped.
   */
  streamSpan(sen: Int32Array, senT: Int32Array, len: number, from: number, to: number, io: Float64Array): void;
  /**
   * Minibatch mode (CS224n): adds −scale · ∇J of one window to the accumulators in the kernel
   * memory (scale = io[ALPHA0] = 1/B). Centre c, context ctx[ctxFrom … ctxTo); NS negatives of
   * the i-th pair are negs[negFrom + i·K … + K) (skip-gram: one pair per context word; CBOW: one).
   */
  windowGradient(
    center: number,
    ctx: Int32Array,
    ctxFrom: number,
    ctxTo: number,
    negs: Int32Array,
    negFrom: number,
    io: Float64Array,
  ): void;
}

/** The plain TypeScript kernel (the readable reference) over a kernel state. */
export function createKernel(st: KernelState): Kernel {
  return {
    streamSpan: (sen, senT, len, from, to, io) =>
      st.isCbow ? cbowSpan(st, sen, senT, len, from, to, io) : skipgramSpan(st, sen, senT, len, from, to, io),
    windowGradient: (center, ctx, ctxFrom, ctxTo, negs, negFrom, io) =>
      st.isCbow
        ? cbowWindow(st, center, ctx, ctxFrom, ctxTo, negs, negFrom, io)
        : skipgramWindow(st, center, ctx, ctxFrom, ctxTo, negs, negFrom, io),
  };
}

/**
 * Scores one pair, J(h, target) with h = mem[offsetH …]: fills st.rows / st.gs (how many: see
 * `pairRows`) and returns the loss. NS targets must already be in st.ids / st.counts (n of them).
 */
function scorePair(st: KernelState, offsetH: number, target: number, n: number, alpha: number): number {
  if (st.loss === LOSS_NS) return nsStep(st, offsetH, n, alpha);
  if (st.loss === LOSS_HS) return hsStep(st, offsetH, target, alpha);
  return softmaxStep(st, offsetH, target, alpha);
}

/** How many output rows the pair scored by `scorePair` touches. */
function pairRows(st: KernelState, target: number, n: number): number {
  if (st.loss === LOSS_NS) return n;
  if (st.loss === LOSS_HS) return st.offsets[target + 1]! - st.offsets[target]!;
  return st.outRows;
}

/**
 * One stream-mode pair: NS draws K noise words from the table, skipping those equal to the target
 * (word2vec.c); then SGD in place on the output rows, and the input-side step e chained from
 * mem[offsetIn …] to mem[offsetOut …] (see `updateRowsInPlace`).
 */
function streamPair(st: KernelState, offsetH: number, target: number, alpha: number, K: number, offsetIn: number, offsetOut: number): number {
  let n = 1;
  if (st.loss === LOSS_NS) {
    const { ids, counts, noiseProb, noiseAlias, rng } = st;
    ids[0] = target;
    counts[0] = 1;
    for (let k = 0; k < K; k++) {
      const w = drawAlias(rng, noiseProb, noiseAlias);
      if (w !== target) n = addTarget(ids, counts, n, w);
    }
  }
  const loss = scorePair(st, offsetH, target, n, alpha);
  updateRowsInPlace(st.dim, st.mem, offsetH, st.rows, st.gs, pairRows(st, target, n), st.neuBase, offsetIn, offsetOut);
  return loss;
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
function skipgramSpan(st: KernelState, sen: Int32Array, senT: Int32Array, len: number, from: number, to: number, io: Float64Array): void {
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
    const hi = Math.min(len, p + radius + 1);
    for (let q = Math.max(0, p - radius); q < hi; q++) {
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
function cbowSpan(st: KernelState, sen: Int32Array, senT: Int32Array, len: number, from: number, to: number, io: Float64Array): void {
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

/** h (at st.hBase) = mean of the centre rows ids[lo … hi) except position skip (−1: none). */
function meanOfRows(st: KernelState, ids: Int32Array, lo: number, hi: number, skip: number): void {
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
function spreadToContext(st: KernelState, ids: Int32Array, lo: number, hi: number, skip: number, shift: number): void {
  const { dim: D, mem, neuBase } = st;
  const size = hi - lo - (skip >= lo && skip < hi ? 1 : 0);
  const share = st.isCbowExact ? 1 / size : 1;
  const last = hi - 1 === skip ? hi - 2 : hi - 1;
  for (let q = lo; q < hi; q++) if (q !== skip) axpy(D, share, mem, neuBase, shift + ids[q]! * D, q === last);
}

/** One minibatch pair with explicit negatives: output step into the accumulator, neu1e += e. */
function explicitPair(st: KernelState, offsetH: number, target: number, negs: Int32Array, negFrom: number, K: number, scale: number): number {
  let n = 1;
  if (st.loss === LOSS_NS) {
    const { ids, counts } = st;
    ids[0] = target;
    counts[0] = 1;
    for (let k = 0; k < K; k++) n = addTarget(ids, counts, n, negs[negFrom + k]!);
  }
  const loss = scorePair(st, offsetH, target, n, scale);
  const rows = pairRows(st, target, n);
  updateRowsInto(st.dim, st.mem, offsetH, st.rows, st.gs, rows, st.neuBase, st.gradOutBase - st.outBase);
  return loss;
}

/**
 * Skip-gram, minibatch: J_sg = Σ_j J(v_c, o_j) (MATH.md §4), every pair's gradient taken at the
 * same weights: ∂output accumulator += −scale ∂J_sg/∂U; ∂centre accumulator_c += −scale ∂J_sg/∂v_c.
 */
function skipgramWindow(st: KernelState, center: number, ctx: Int32Array, ctxFrom: number, ctxTo: number, negs: Int32Array, negFrom: number, io: Float64Array): void {
  const D = st.dim;
  const K = io[IO_NEGATIVES]!;
  const centerRow = center * D;
  st.mem.fill(0, st.neuBase, st.neuBase + D);
  let loss = 0;
  for (let j = ctxFrom; j < ctxTo; j++) {
    loss += explicitPair(st, centerRow, ctx[j]!, negs, negFrom + (j - ctxFrom) * K, K, io[IO_ALPHA0]!);
  }
  axpy(D, 1, st.mem, st.neuBase, st.gradCenterBase + centerRow, true);
  io[IO_LOSS]! += loss;
  io[IO_PAIRS]! += ctxTo - ctxFrom;
}

/**
 * CBOW, minibatch: h = mean of the context rows, J(h, c); ∂output accumulator += −scale ∂J/∂U and
 * each context row's accumulator += −scale ∂J/∂h / |C| (exact) or −scale ∂J/∂h (word2vec.c).
 */
function cbowWindow(st: KernelState, center: number, ctx: Int32Array, ctxFrom: number, ctxTo: number, negs: Int32Array, negFrom: number, io: Float64Array): void {
  meanOfRows(st, ctx, ctxFrom, ctxTo, -1);
  st.mem.fill(0, st.neuBase, st.neuBase + st.dim);
  io[IO_LOSS]! += explicitPair(st, st.hBase, center, negs, negFrom, io[IO_NEGATIVES]!, io[IO_ALPHA0]!);
  spreadToContext(st, ctx, ctxFrom, ctxTo, -1, st.gradCenterBase);
  io[IO_PAIRS]! += 1;
}
