/**
 * Minibatch mode, the CS224n schedule (MATH.md §10): random windows from a sub-sampled,
 * 30-times replicated corpus; per iteration the loss and gradient are summed over each window's
 * outside words and averaged over the batch; one SGD step; the step halves every `annealEvery`
 * iterations.
 */
import type { Kernel } from './kernel';
import { IO_ALPHA0, IO_LOSS, IO_NEGATIVES, IO_WINDOW } from './kernel';
import type { KernelState } from './kernelState';
import { buildReplicatedData, sampleBatch } from './minibatchData';
import type { BatchPlan, ReplicatedData } from './minibatchData';
import type { Corpus, HuffmanTree, TrainConfig } from './types';

/** Rows touched by a batch: membership flags plus the list, so clearing costs O(touched). */
class RowSet {
  private readonly flags: Uint8Array;
  private readonly list: Int32Array;
  private size = 0;
  constructor(rows: number) {
    this.flags = new Uint8Array(rows);
    this.list = new Int32Array(rows);
  }
  add(row: number): void {
    if (this.flags[row] === 1) return;
    this.flags[row] = 1;
    this.list[this.size++] = row;
  }
  /** params_r += step · grad_r, then grad_r ← 0, for every touched row r; empties the set. */
  applyAndClear(D: number, params: Float32Array, grad: Float32Array, step: number): void {
    for (let k = 0; k < this.size; k++) {
      const r = this.list[k]!;
      for (let i = r * D; i < r * D + D; i++) {
        params[i]! += step * grad[i]!;
        grad[i] = 0;
      }
      this.flags[r] = 0;
    }
    this.size = 0;
  }
}

/**
 * Adds −(1/B) ∇J of the whole batch to the kernel's accumulators (∂centre W×d, ∂output shaped like
 * the output matrix), i.e. the negative mean gradient over the B windows. Returns the mean loss.
 */
export function accumulateBatch(
  kernel: Kernel,
  plan: BatchPlan,
  isCbow: boolean,
  io: Float64Array,
): number {
  const K = io[IO_NEGATIVES]!;
  io[IO_ALPHA0] = 1 / plan.size;
  const before = io[IO_LOSS]!;
  for (let b = 0; b < plan.size; b++) {
    const from = plan.ctxStarts[b]!;
    const to = plan.ctxStarts[b + 1]!;
    // Negatives are stored per pair: skip-gram has one pair per context word, CBOW one per window.
    const negFrom = (isCbow ? b : from) * K;
    kernel.windowGradient(plan.centers[b]!, plan.ctx, from, to, plan.negs, negFrom, io);
  }
  return (io[IO_LOSS]! - before) / plan.size;
}

/** A minibatch run over one corpus. */
export class MinibatchRun {
  iteration = 0;
  readonly data: ReplicatedData;
  /** The last batch drawn (plan-by-plan path only: a kernel with `minibatchIteration` keeps none). */
  readonly plan: BatchPlan;
  /** True when the kernel runs whole iterations over the state's batch buffers. */
  readonly isFused: boolean;
  private readonly centerRows: RowSet;
  private readonly outRows: RowSet;

  constructor(
    corpus: Corpus,
    private readonly config: Readonly<TrainConfig>,
    private readonly kernel: Kernel,
    private readonly st: KernelState,
    private readonly tree: HuffmanTree | null,
  ) {
    this.data = buildReplicatedData(corpus, config.sample, st.rng, st.batch ?? undefined);
    this.isFused = st.batch !== null && kernel.minibatchIteration !== undefined;
    this.plan = {
      size: 0,
      centers: new Int32Array(0),
      ctxStarts: new Int32Array(1),
      ctx: new Int32Array(0),
      negs: new Int32Array(0),
    };
    this.centerRows = new RowSet(st.words);
    this.outRows = new RowSet(st.outRows);
  }

  get isDone(): boolean {
    return this.iteration >= this.config.iterations;
  }

  /** The step in force for the next iteration: lr · 0.5^⌊iteration / annealEvery⌋. */
  currentStep(): number {
    const every = this.config.annealEvery;
    return every > 0
      ? this.config.lr * Math.pow(0.5, Math.floor(this.iteration / every))
      : this.config.lr;
  }

  /** Runs up to n iterations; returns how many ran and the sum of their (batch-mean) losses. */
  train(n: number, io: Float64Array): { iterations: number; lossSum: number } {
    if (this.isFused) return this.trainFused(n, io);
    let done = 0;
    let lossSum = 0;
    while (done < n && !this.isDone) {
      io[IO_WINDOW] = this.config.window;
      io[IO_NEGATIVES] = this.config.negatives;
      const needsNegatives = this.config.loss === 'ns';
      const { st } = this;
      sampleBatch(
        this.data,
        this.plan,
        this.config,
        needsNegatives,
        { prob: st.noiseProb, alias: st.noiseAlias },
        st.rng,
      );
      const loss = accumulateBatch(this.kernel, this.plan, st.isCbow, io);
      this.markTouched();
      const step = this.currentStep();
      this.centerRows.applyAndClear(st.dim, st.centerVecs, st.gradCenter, step);
      this.outRows.applyAndClear(st.dim, st.outVecs, st.gradOut, step);
      this.iteration++;
      done++;
      lossSum += loss;
      if (!Number.isFinite(loss)) break;
    }
    return { iterations: done, lossSum };
  }

  /** `train` with one kernel call per iteration (`Kernel.minibatchIteration`). */
  private trainFused(n: number, io: Float64Array): { iterations: number; lossSum: number } {
    const B = this.config.batchSize;
    const sentences = this.data.starts.length - 1;
    let done = 0;
    let lossSum = 0;
    while (done < n && !this.isDone) {
      io[IO_WINDOW] = this.config.window;
      io[IO_NEGATIVES] = this.config.negatives;
      io[IO_ALPHA0] = this.currentStep();
      const before = io[IO_LOSS]!;
      this.kernel.minibatchIteration!(sentences, B, io);
      // As `accumulateBatch`: the mean over the batch of the window losses added to io.
      const loss = (io[IO_LOSS]! - before) / B;
      this.iteration++;
      done++;
      lossSum += loss;
      if (!Number.isFinite(loss)) break;
    }
    return { iterations: done, lossSum };
  }

  /**
   * Trains one explicit window as a step of its own (the derivation panels' example): the
   * window's gradient at the current weights (every pair at the same weights, `windowGradient`
   * with scale 1), then params += lr · (−∇J) on the rows it touched, accumulators cleared.
   * Centre c, context ctx (all of it), K negatives per pair in negs (skip-gram: pair-major;
   * CBOW: one pair). The iteration count and the generator are left alone.
   *
   * @returns the window's loss J (summed over its pairs)
   */
  trainWindow(
    center: number,
    ctx: Int32Array,
    negs: Int32Array,
    K: number,
    lr: number,
    io: Float64Array,
  ): number {
    const { st } = this;
    io[IO_ALPHA0] = 1;
    io[IO_NEGATIVES] = K;
    io[IO_LOSS] = 0;
    this.kernel.windowGradient(center, ctx, 0, ctx.length, negs, 0, io);
    this.markWindow(center, ctx, 0, ctx.length, negs, 0, K);
    if (this.config.loss === 'softmax') this.markAllOutputs();
    this.centerRows.applyAndClear(st.dim, st.centerVecs, st.gradCenter, lr);
    this.outRows.applyAndClear(st.dim, st.outVecs, st.gradOut, lr);
    return io[IO_LOSS]!;
  }

  /** Records which rows of both accumulators the batch wrote. */
  private markTouched(): void {
    const { plan } = this;
    const K = this.config.negatives;
    const isCbow = this.config.model === 'cbow';
    for (let b = 0; b < plan.size; b++) {
      const from = plan.ctxStarts[b]!;
      const to = plan.ctxStarts[b + 1]!;
      // Negatives are stored per pair, as in `accumulateBatch`.
      this.markWindow(plan.centers[b]!, plan.ctx, from, to, plan.negs, (isCbow ? b : from) * K, K);
    }
    if (this.config.loss === 'softmax' && plan.size > 0) this.markAllOutputs();
  }

  /**
   * Rows one window writes: the centre (skip-gram) or the context rows (CBOW), and the output
   * rows of its pairs (ns, hs; softmax's every row is marked once by the caller).
   */
  private markWindow(
    center: number,
    ctx: Int32Array,
    from: number,
    to: number,
    negs: Int32Array,
    negFrom: number,
    K: number,
  ): void {
    if (this.config.model === 'cbow') {
      for (let j = from; j < to; j++) this.centerRows.add(ctx[j]!);
      this.markOutput(center, negs, negFrom, K);
      return;
    }
    this.centerRows.add(center);
    for (let j = from; j < to; j++) this.markOutput(ctx[j]!, negs, negFrom + (j - from) * K, K);
  }

  /** Output rows of one pair: target and negatives negs[negAt … + K) (ns), its path (hs). */
  private markOutput(target: number, negs: Int32Array, negAt: number, K: number): void {
    const { tree } = this;
    if (this.config.loss === 'ns') {
      this.outRows.add(target);
      for (let k = 0; k < K; k++) this.outRows.add(negs[negAt + k]!);
    } else if (this.config.loss === 'hs' && tree) {
      for (let j = tree.offsets[target]!; j < tree.offsets[target + 1]!; j++)
        this.outRows.add(tree.points[j]!);
    }
  }

  /** Softmax: a pair writes every output row. */
  private markAllOutputs(): void {
    for (let r = 0; r < this.st.outRows; r++) this.outRows.add(r);
  }
}
