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
 *
 * The TypeScript kernel, file by file:
 * - kernelState.ts — the flat float32 memory (weights and scratch rows), the `io` block;
 * - kernelMath.ts — dot products, several rows per pass (scores f = row · h);
 * - rowUpdates.ts — the output step row += g h with the input step Σ g row carried along;
 * - pairUpdates.ts — per loss, the scores → loss and step coefficients g (σ from sigmoidTable.ts);
 * - streamKernel.ts — word2vec.c's pair-by-pair SGD (pipelinedSkipgram.ts: its fast path for
 *   skip-gram + negative sampling, same numbers bit for bit);
 * - windowKernel.ts — CS224n's per-window gradients for minibatch mode.
 */
import { heapArena, type KernelArena } from './kernelArena';
import type { KernelState } from './kernelState';
import { cbowExample, cbowSpan, skipgramExample, skipgramSpan } from './streamKernel';
import { cbowWindow, skipgramWindow } from './windowKernel';

export {
  IO_ALPHA0,
  IO_INV_DENOM,
  IO_LOSS,
  IO_NEGATIVES,
  IO_PAIRS,
  IO_SIZE,
  IO_T_BASE,
  IO_WINDOW,
} from './kernelState';

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
  streamSpan(
    sen: Int32Array,
    senT: Int32Array,
    len: number,
    from: number,
    to: number,
    io: Float64Array,
  ): void;
  /**
   * Stream mode, one explicit example (the derivation panels' "train this one"): the same SGD
   * steps as `streamSpan` at the constant rate α = io[ALPHA0] (no decay, no radius, no random
   * draw). Centre c, context ctx[ctxFrom … ctxTo); the negatives of pair i are
   * negs[negFrom + i·K … + K) with K = io[NEGATIVES] (skip-gram: one pair per context word,
   * one after another, each on the weights the previous one left; CBOW: one pair, h = mean of
   * the context rows, the context step by the state's CBOW rule). A negative entry (SKIPPED, −1)
   * is a draw word2vec.c skipped and is left out; repeats are merged as in training. Adds the
   * pair losses to io[LOSS] and the pair count to io[PAIRS].
   */
  exampleStep(
    center: number,
    ctx: Int32Array,
    ctxFrom: number,
    ctxTo: number,
    negs: Int32Array,
    negFrom: number,
    io: Float64Array,
  ): void;
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
  /**
   * Minibatch mode, one whole iteration in one call (optional: without it the run draws a plan
   * in TypeScript and calls `windowGradient` per window). Over the replicated corpus in the
   * state's `batch` buffers (its first `sentences` sentences), exactly as minibatchData.ts and
   * minibatchMode.ts do it, drawing from the generator in the same order: `batch` windows of
   * radius 1…m (m = io[WINDOW]), each with its K = io[NEGATIVES] negatives per pair; the
   * gradient of each added to the accumulators at scale 1/batch; then params += io[ALPHA0] · acc
   * on every touched row, the accumulators cleared. Adds the window losses to io[LOSS] and the
   * pair count to io[PAIRS].
   */
  minibatchIteration?(sentences: number, batch: number, io: Float64Array): void;
  /**
   * A thread of a Hogwild team whose kernel keeps copies of the hot rows (src/core/hotRows.ts):
   * merges them with the shared weights now, so that the shared rows hold this thread's steps
   * and the copies the other threads'. Absent where there are no copies (one thread).
   */
  mergeHot?(): void;
}

/** The plain TypeScript kernel (the readable reference) over a kernel state. */
export function createKernel(st: KernelState): Kernel {
  return {
    streamSpan: (sen, senT, len, from, to, io) =>
      st.isCbow
        ? cbowSpan(st, sen, senT, len, from, to, io)
        : skipgramSpan(st, sen, senT, len, from, to, io),
    exampleStep: (center, ctx, ctxFrom, ctxTo, negs, negFrom, io) =>
      st.isCbow
        ? cbowExample(st, center, ctx, ctxFrom, ctxTo, negs, negFrom, io)
        : skipgramExample(st, center, ctx, ctxFrom, ctxTo, negs, negFrom, io),
    windowGradient: (center, ctx, ctxFrom, ctxTo, negs, negFrom, io) =>
      st.isCbow
        ? cbowWindow(st, center, ctx, ctxFrom, ctxTo, negs, negFrom, io)
        : skipgramWindow(st, center, ctx, ctxFrom, ctxTo, negs, negFrom, io),
  };
}

/**
 * The memory of one engine's kernel: an arena for its KernelState, and the kernel that will run
 * over the state laid out in it.
 */
export interface KernelMemory extends KernelArena {
  /** The kernel over `st`, whose arrays live in this memory. */
  kernel(st: KernelState): Kernel;
}

/**
 * A kind of kernel the engine can run on: the TypeScript reference ({@link TS_KERNEL}), or a
 * WebAssembly build, which the layers above core provide (core itself never touches
 * WebAssembly). Every kind performs the same steps in the same order, drawing from the same
 * generator, so they agree to float32 rounding.
 */
export interface KernelBackend {
  /** Short name for reports: 'ts', 'wasm'. */
  readonly id: string;
  /** A fresh, zero-filled memory for a state of `bytes` bytes (one per engine). */
  memory(bytes: number): KernelMemory;
}

/** The plain TypeScript kernel in an ordinary ArrayBuffer. */
export const TS_KERNEL: KernelBackend = {
  id: 'ts',
  memory: (bytes) => ({ ...heapArena(bytes), kernel: createKernel }),
};
