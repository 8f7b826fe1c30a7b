/**
 * Thread 0 of a Hogwild team (team.ts): an ordinary stream-mode engine whose memory is shared and
 * holds, after its own state, the team's control block and one scratch region per helper; its
 * StreamRun takes blocks from the team's queue and reads the rate's clock t from the team's
 * count. As an `Engine` it reports the whole team: `train` folds in what the helpers did since the
 * last call, `progress` counts every thread. The helpers themselves run in other workers
 * (teamHelper.ts); the layers above core start and stop them through `team`.
 */
import { createEngine } from './engine';
import { LOSS_CODES, MAX_NEGATIVES, outputRows } from './kernelState';
import { createRng } from './rng';
import { longestSentence, type StreamFeed, type StreamWork } from './streamMode';
import {
  blockQueue,
  command,
  isQueueDone,
  MAX_THREADS,
  PARK,
  publish,
  readTotals,
  RUN,
  sentenceBlocks,
  setCommand,
  STOP,
  teamControl,
  teamWords,
  waitForRelease,
  waitUntilIdle,
  writeLive,
  type TeamControl,
  type ThreadTotals,
} from './team';
import {
  layOutTeam,
  sharedLayout,
  threadScratchBytes,
  threadSeed,
  type HelperSetup,
  type SharedKernelBackend,
  type SharedKernelMemory,
} from './teamState';
import type { Corpus, Engine, TrainConfig, TrainProgress, TrainReport } from './types';

export {
  SHARED_TS_KERNEL,
  threadSeed,
  type HelperSetup,
  type SharedKernelBackend,
  type SharedKernelMemory,
} from './teamState';

/** What the layers above core do with a team. */
export interface Team {
  readonly threads: number;
  readonly control: TeamControl;
  /** The backend's id ('wasm', 'ts'): which kernel the helpers attach with. */
  readonly kernel: string;
  /** The memory's handle, for the helpers. */
  readonly handle: unknown;
  readonly helpers: readonly HelperSetup[];
  /** Lets the helpers train (until parked); nothing once the run is over. */
  run(): void;
  /** Asks the helpers to stop after their current chunk. */
  park(): void;
  /** Parks the helpers and waits until none is inside a chunk; false on time-out. */
  quiesce(): boolean;
  /** Ends the helpers' loops for good. */
  stop(): void;
  /**
   * What the helpers did since the last `train` or `collect` (their words, losses and loss
   * terms); `train` already folds it in, so call this only outside `train` (before a step).
   */
  collect(): TrainReport;
}

/** An Engine for a whole team; `team` controls its helpers. */
export interface TeamEngine extends Engine {
  readonly team: Team;
}

/** How long thread 0 waits at the end of the work for the helpers to finish their blocks. */
const DRAIN_MS = 120_000;

/** How to build a team. */
export interface TeamEngineOptions {
  kernel: SharedKernelBackend;
  /** 2 … MAX_THREADS. */
  threads: number;
  /** Tokens a block of the queue holds at least (default BLOCK_WORDS). */
  blockWords?: number;
  /**
   * How thread 0 waits, once its own work has run out, for the helpers to finish the blocks they
   * hold. Default: lets them run and blocks (`Atomics.wait`) until they have. A test that drives
   * a helper in the same thread trains it here instead.
   */
  finishHelpers?: () => void;
}

/**
 * Creates thread 0 of a team on a shared-memory backend; stream mode only. Throws like
 * `createEngine`, and on a bad thread count or minibatch mode. The helpers start parked:
 * `team.run()` lets them go once they exist.
 */
export function createTeamEngine(
  corpus: Corpus,
  config: TrainConfig,
  options: TeamEngineOptions,
): TeamEngine {
  const { threads } = options;
  if (!(Number.isInteger(threads) && threads >= 2 && threads <= MAX_THREADS)) {
    throw new Error(`a team has 2 to ${MAX_THREADS} threads (got ${threads})`);
  }
  if (config.mode !== 'stream') throw new Error('only stream mode trains on several threads');
  const blocks = sentenceBlocks(corpus.sentenceStarts, options.blockWords);
  const words = corpus.vocab.words.length;
  const shape = {
    dim: config.dim,
    words,
    outRows: outputRows(config.loss, words),
    loss: LOSS_CODES[config.loss],
  };
  const scratchBytes = threadScratchBytes({
    ...shape,
    scratch: Math.max(words, MAX_NEGATIVES + 1),
    span: longestSentence(corpus),
  });
  const laid = layOutTeam(options.kernel, (threads - 1) * scratchBytes, shape);
  let queue: StreamWork | null = null;
  const feed: StreamFeed = {
    work: { next: () => (queue ??= blockQueue(laid.control(), blocks, config.epochs)).next() },
    clock: () => teamWords(laid.control(), threads),
  };
  const inner = createEngine(corpus, config, { kernel: laid.backend, feed });
  const { memory, at, helpersAt, state } = laid.result();
  const helpers = Array.from({ length: threads - 1 }, (_, i): HelperSetup => ({
    thread: i + 1,
    threads,
    config: { ...inner.config },
    blocks,
    controlAt: at,
    regionAt: helpersAt + i * scratchBytes,
    layout: sharedLayout(state),
    rng: createRng(threadSeed(config.seed, i + 1)).getState(),
  }));
  const control = teamControl(memory.buffer, at);
  const parts = { threads, control, blocks, helpers, memory, finish: options.finishHelpers };
  const thread0 = new ThreadZero(inner, parts);
  return thread0.engine(options.kernel.id);
}

interface TeamParts {
  threads: number;
  control: TeamControl;
  blocks: Int32Array;
  helpers: HelperSetup[];
  memory: SharedKernelMemory;
  finish: (() => void) | undefined;
}

const NOTHING: ThreadTotals = { words: 0, lossSum: 0, lossCount: 0 };

/** Thread 0's bookkeeping of the team: its own totals and what it has folded of the helpers'. */
class ThreadZero {
  private readonly own: ThreadTotals = { ...NOTHING };
  private readonly seen: ThreadTotals[];
  private isDone = false;
  private isDiverged = false;

  constructor(
    private readonly inner: Engine,
    private readonly parts: TeamParts,
  ) {
    this.seen = parts.helpers.map(() => ({ ...NOTHING }));
  }

  /** The helpers' work since the last call (see `Team.collect`). */
  collect(): TrainReport {
    let processed = 0;
    let lossSum = 0;
    let lossCount = 0;
    for (let t = 1; t < this.parts.threads; t++) {
      const now = readTotals(this.parts.control, t);
      const before = this.seen[t - 1]!;
      processed += now.words - before.words;
      lossSum += now.lossSum - before.lossSum;
      lossCount += now.lossCount - before.lossCount;
      this.seen[t - 1] = now;
    }
    if (!Number.isFinite(lossSum)) this.isDiverged = true;
    return { processed, lossSum, lossCount, done: this.isDone, diverged: this.isDiverged };
  }

  /** Thread 0 has run out of blocks: lets the helpers finish theirs, then waits for them. */
  private drain(): void {
    const { control, blocks, threads, finish } = this.parts;
    if (finish) finish();
    const previous = command(control);
    if (previous !== RUN) setCommand(control, RUN);
    const deadline = Date.now() + DRAIN_MS;
    while (!isQueueDone(control, blocks, this.inner.config.epochs) && Date.now() < deadline) {
      waitForRelease(control, 50);
    }
    if (previous !== RUN) setCommand(control, previous);
    waitUntilIdle(control, threads);
    this.isDone = true;
  }

  /** Thread 0 trains n tokens; the report adds what the helpers did meanwhile. */
  train(n: number): TrainReport {
    if (this.isDone || this.isDiverged) {
      return {
        processed: 0,
        lossSum: 0,
        lossCount: 0,
        done: this.isDone,
        diverged: this.isDiverged,
      };
    }
    const mine = this.inner.train(n);
    this.own.words += mine.processed;
    this.own.lossSum += mine.lossSum;
    this.own.lossCount += mine.lossCount;
    publish(this.parts.control, 0, this.own);
    if (mine.diverged) this.isDiverged = true;
    else if (mine.done) this.drain();
    const theirs = this.collect();
    if (this.isDone && !this.isDiverged) this.isDiverged = !allFinite(this.inner);
    return {
      processed: mine.processed + theirs.processed,
      lossSum: mine.lossSum + theirs.lossSum,
      lossCount: mine.lossCount + theirs.lossCount,
      done: this.isDone,
      diverged: this.isDiverged,
    };
  }

  /** The whole team's progress, as far as thread 0 has folded the helpers' work in. */
  progress(): TrainProgress {
    const p = this.inner.progress();
    const t = this.seen.reduce((sum, s) => sum + s.words, this.own.words);
    const { epochs, lr } = this.inner.config;
    return {
      ...p,
      epoch: Math.min(Math.floor(t / this.inner.corpus.tokens.length), epochs - 1),
      wordsProcessed: t,
      step: this.seen.reduce((sum, s) => sum + s.lossCount, p.step),
      lr: lr * Math.max(1 - t / (p.totalWords + 1), 1e-4),
      fraction: p.totalWords > 0 ? t / p.totalWords : 1,
      done: this.isDone,
      diverged: this.isDiverged || p.diverged,
    };
  }

  /** The team's Engine (`kernel`: the backend's id). */
  engine(kernel: string): TeamEngine {
    const { inner, parts } = this;
    const { control } = parts;
    const team: Team = {
      threads: parts.threads,
      control,
      kernel,
      handle: parts.memory.handle,
      helpers: parts.helpers,
      run: () => (this.isDone || this.isDiverged ? undefined : setCommand(control, RUN)),
      park: () => setCommand(control, PARK),
      quiesce: () => (setCommand(control, PARK), waitUntilIdle(control, parts.threads)),
      stop: () => setCommand(control, STOP),
      collect: () => this.collect(),
    };
    const setLive: Engine['setLive'] = (patch) => {
      inner.setLive(patch);
      const { lr, window, negatives, sample } = inner.config;
      writeLive(control, { lr, window, negatives, sample });
    };
    const train = (n: number) => this.train(n);
    return { ...inner, train, progress: () => this.progress(), setLive, team };
  }
}

/** True when no weight of the model is NaN or infinite. */
function allFinite(engine: Engine): boolean {
  for (const m of [engine.centerVecs, engine.outsideVecs ?? engine.nodeVecs!])
    for (let i = 0; i < m.length; i++) if (!Number.isFinite(m[i]!)) return false;
  return true;
}
