/**
 * The float32 training engine: weights in place, the hot loop behind one kernel, two schedules
 * (stream = word2vec.c, minibatch = CS224n). See `Engine` in types.ts for the contract.
 */
import { validateConfig, validateLive } from './engineConfig';
import { buildHuffmanTree } from './huffman';
import type { Kernel, KernelBackend } from './kernel';
import { IO_LOSS, IO_NEGATIVES, IO_PAIRS, IO_SIZE, IO_WINDOW, TS_KERNEL } from './kernel';
import type { KernelState, KernelStateOptions } from './kernelState';
import { createKernelState, kernelStateBytes } from './kernelState';
import { batchCapacity } from './minibatchData';
import { MinibatchRun } from './minibatchMode';
import { createRng } from './rng';
import { buildAliasTable, buildNoiseTable, noiseAliasTable } from './sampling';
import { longestSentence, StreamRun, type StreamFeed } from './streamMode';
import { exampleProblems, negativesPerPair, streamExample } from './trainExample';
import type { TrainingExample } from './inspect/example';
import type {
  Corpus,
  Engine,
  HuffmanTree,
  LiveConfig,
  TrainConfig,
  TrainProgress,
  TrainReport,
} from './types';

export { defaultConfig, validateConfig } from './engineConfig';

/** Problems with the corpus itself (the engine needs at least one token of a known word). */
function validateCorpus(corpus: Corpus): string[] {
  const W = corpus.vocab.words.length;
  if (W === 0 || corpus.tokens.length === 0) return ['the corpus has no words to train on'];
  for (let i = 0; i < corpus.tokens.length; i++) {
    const w = corpus.tokens[i]!;
    if (!(w >= 0 && w < W)) return [`token ${i} has id ${w}, outside the vocabulary 0…${W - 1}`];
  }
  return [];
}

/**
 * Initial weights (MATH.md §7), in place: v uniform in [−0.5/d, 0.5/d) drawn as (u − 0.5)/d —
 * word2vec.c's and CS224n's formula alike —; the output matrix (u or θ) stays zero.
 */
function initCenterVecs(
  centerVecs: Float32Array,
  D: number,
  rng: ReturnType<typeof createRng>,
): void {
  for (let i = 0; i < centerVecs.length; i++) centerVecs[i] = (rng.next() - 0.5) / D;
}

/** True when every entry is finite (the end-of-run check for weights never read again). */
function allFinite(x: Float32Array | null): boolean {
  if (!x) return true;
  for (let i = 0; i < x.length; i++) if (!Number.isFinite(x[i]!)) return false;
  return true;
}

/** How to build an engine beyond its corpus and configuration. */
export interface EngineOptions {
  /** The kernel to train with; default the TypeScript reference, {@link TS_KERNEL}. */
  kernel?: KernelBackend;
  /**
   * Stream mode: where the sentences and the rate's clock come from (default: the whole corpus,
   * alone). A Hogwild team's thread 0 takes blocks from the team's queue (teamEngine.ts).
   */
  feed?: StreamFeed;
}

/**
 * Allocates the kernel state for a validated setup in the backend's memory and initialises the
 * weights from the seed; afterwards the kernel's raw generator state continues the same
 * xoshiro128** sequence. Returns the state and the kernel over it.
 */
function createState(
  corpus: Corpus,
  cfg: TrainConfig,
  tree: HuffmanTree | null,
  backend: KernelBackend,
): { state: KernelState; kernel: Kernel } {
  const W = corpus.vocab.words.length;
  const rng = createRng(cfg.seed);
  const noise =
    cfg.loss === 'ns'
      ? noiseAliasTable(buildNoiseTable(corpus.vocab.counts), W)
      : buildAliasTable([]);
  const options: KernelStateOptions = {
    words: W,
    dim: cfg.dim,
    isCbow: cfg.model === 'cbow',
    isCbowExact: cfg.cbowUpdate === 'exact',
    loss: cfg.loss,
    hasGradients: cfg.mode === 'minibatch',
    noise,
    tree,
    rng: new Uint32Array(4),
    spanCapacity: cfg.mode === 'stream' ? longestSentence(corpus) : 0,
    batchCapacity: cfg.mode === 'minibatch' ? batchCapacity(corpus) : null,
  };
  const memory = backend.memory(kernelStateBytes(options));
  const state = createKernelState(options, memory);
  initCenterVecs(state.centerVecs, cfg.dim, rng);
  state.rng.set(rng.getState());
  return { state, kernel: memory.kernel(state) };
}

/**
 * Creates a training engine over `corpus` (validated; throws an Error listing every problem).
 * Weights: `centerVecs` W×d; `outsideVecs` W×d (ns, softmax) or `nodeVecs` (W−1)×d with `tree`
 * (hs), float32, updated in place by `train`. They are views into one shared buffer (the kernel
 * memory), so copy them with `slice()`, never through `.buffer`. The seed drives one
 * xoshiro128** generator: same corpus, config and seed ⇒ bit-identical weights, however the
 * `train` calls are sliced.
 *
 * `train(n)` does n tokens (stream) or n iterations (minibatch) and reports the loss summed over
 * pairs (stream) or iterations (minibatch). A NaN or ±Infinity in a loss — or, at the end of
 * the run, anywhere in the weights — marks the run diverged: it stops and never resumes.
 *
 * `trainExample(e)` (validated; throws on an example the engine cannot train) applies one explicit
 * example in place with the engine's own kernel code at step e.lr — stream: word2vec.c's pair
 * after pair SGD; minibatch: the window's gradient at the current weights, one step — and returns
 * its loss; the run's counters and the generator stay as they were.
 *
 * `setLive` (validated; throws on bad values): lr, window, negatives and annealEvery take effect
 * from the next `train` call; `sample` from the next sentence entered (stream mode; minibatch
 * mode sub-samples once, when the replicated corpus is built, so there it has no effect).
 *
 * The kernel (options.kernel, default the TypeScript reference) changes where the hot loop runs,
 * not what it computes: every kernel gives the same weights to float32 rounding.
 *
 * @param corpus - the token stream and its vocabulary
 * @param config - a full TrainConfig (see `defaultConfig`)
 */
export function createEngine(
  corpus: Corpus,
  config: TrainConfig,
  options: EngineOptions = {},
): Engine {
  const problems = [...validateConfig(config), ...validateCorpus(corpus)];
  if (problems.length > 0) throw new Error(`Invalid training setup:\n- ${problems.join('\n- ')}`);
  const cfg: TrainConfig = { ...config };
  const tree = cfg.loss === 'hs' ? buildHuffmanTree(corpus.vocab.counts) : null;
  const { state, kernel } = createState(corpus, cfg, tree, options.kernel ?? TS_KERNEL);
  const runner =
    cfg.mode === 'stream'
      ? streamRunner(corpus, cfg, kernel, state, options.feed)
      : minibatchRunner(corpus, cfg, kernel, state, tree);
  return {
    config: cfg,
    corpus,
    centerVecs: state.centerVecs,
    outsideVecs: tree ? null : state.outVecs,
    nodeVecs: tree ? state.outVecs : null,
    tree,
    train: runner.train,
    progress: runner.progress,
    trainExample(example: TrainingExample): number {
      const problems = exampleProblems(example, cfg, corpus.vocab.words.length);
      if (problems.length > 0) throw new Error(`Invalid example:\n- ${problems.join('\n- ')}`);
      return runner.trainExample(example);
    },
    setLive(patch: LiveConfig): void {
      const errors = validateLive(patch);
      if (errors.length > 0) throw new Error(`Invalid live setting:\n- ${errors.join('\n- ')}`);
      Object.assign(cfg, patch);
      runner.onLive(patch);
    },
  };
}

/** What the two schedules provide to the engine object. */
interface Runner {
  train(n: number): TrainReport;
  progress(): TrainProgress;
  onLive(patch: LiveConfig): void;
  /** One validated explicit example (see `Engine.trainExample`). */
  trainExample(example: TrainingExample): number;
}

/** Divergence bookkeeping shared by both runners. */
function divergenceCheck(lossSum: number, isDone: boolean, state: KernelState): boolean {
  if (!Number.isFinite(lossSum)) return true;
  return isDone && !(allFinite(state.centerVecs) && allFinite(state.outVecs));
}

function streamRunner(
  corpus: Corpus,
  cfg: TrainConfig,
  kernel: Kernel,
  state: KernelState,
  feed?: StreamFeed,
): Runner {
  const run = new StreamRun(corpus, cfg.epochs, kernel, state, cfg.sample, feed);
  const io = new Float64Array(IO_SIZE);
  let steps = 0;
  let isDiverged = false;
  const progress = (): TrainProgress => {
    const t = run.wordsProcessed;
    const decay = Math.max(1 - t / (run.totalWords + 1), 1e-4);
    return {
      epoch: Math.min(run.epoch, cfg.epochs - 1),
      wordsProcessed: t,
      totalWords: run.totalWords,
      step: steps,
      lr: cfg.lr * decay,
      fraction: run.totalWords > 0 ? t / run.totalWords : 1,
      done: run.isDone,
      diverged: isDiverged,
    };
  };
  const train = (n: number): TrainReport => {
    if (isDiverged || run.isDone || !(n > 0)) {
      return { processed: 0, lossCount: 0, lossSum: 0, done: run.isDone, diverged: isDiverged };
    }
    run.configure(io, cfg);
    io[IO_LOSS] = 0;
    io[IO_PAIRS] = 0;
    const processed = run.train(Math.floor(n), io);
    steps += io[IO_PAIRS]!;
    isDiverged = divergenceCheck(io[IO_LOSS]!, run.isDone, state);
    const report = {
      processed,
      lossCount: io[IO_PAIRS]!,
      lossSum: io[IO_LOSS]!,
      done: run.isDone,
      diverged: isDiverged,
    };
    return report;
  };
  const exampleIo = new Float64Array(IO_SIZE);
  const trainExample = (example: TrainingExample): number => {
    if (isDiverged) return Number.NaN;
    const loss = streamExample(kernel, exampleIo, example);
    isDiverged = !Number.isFinite(loss);
    return loss;
  };
  return {
    train,
    progress,
    onLive: (patch) => ('sample' in patch ? run.setSample(cfg.sample) : undefined),
    trainExample,
  };
}

function minibatchRunner(
  corpus: Corpus,
  cfg: TrainConfig,
  kernel: Kernel,
  state: KernelState,
  tree: HuffmanTree | null,
): Runner {
  const run = new MinibatchRun(corpus, cfg, kernel, state, tree);
  const io = new Float64Array(IO_SIZE);
  let isDiverged = false;
  const progress = (): TrainProgress => ({
    epoch: 0,
    wordsProcessed: 0,
    totalWords: 0,
    step: run.iteration,
    lr: run.currentStep(),
    fraction: Math.min(1, run.iteration / cfg.iterations),
    done: run.isDone,
    diverged: isDiverged,
  });
  const train = (n: number): TrainReport => {
    if (isDiverged || run.isDone || !(n > 0)) {
      return { processed: 0, lossCount: 0, lossSum: 0, done: run.isDone, diverged: isDiverged };
    }
    io[IO_WINDOW] = cfg.window;
    io[IO_NEGATIVES] = cfg.negatives;
    const { iterations, lossSum } = run.train(Math.floor(n), io);
    isDiverged = divergenceCheck(lossSum, run.isDone, state);
    return {
      processed: iterations,
      lossCount: iterations,
      lossSum,
      done: run.isDone,
      diverged: isDiverged,
    };
  };
  const exampleIo = new Float64Array(IO_SIZE);
  const trainExample = (example: TrainingExample): number => {
    if (isDiverged) return Number.NaN;
    const { center, context, negatives, lr } = example;
    const K = negativesPerPair(example);
    const loss = run.trainWindow(center, context, negatives, K, lr, exampleIo);
    isDiverged = !Number.isFinite(loss);
    return loss;
  };
  // Window, negatives, lr and annealEvery are read from cfg at every iteration; sample is fixed
  // once the replicated corpus is built.
  return { train, progress, onLive: () => undefined, trainExample };
}
