/**
 * A helper thread of a Hogwild team (team.ts, teamEngine.ts): its own stream run over the team's
 * shared weights, fed blocks by the team's queue, and the loop that trains it in short chunks
 * while thread 0 says "run", publishing its totals after every chunk. The loop blocks between
 * commands (`Atomics.wait`), so it runs in a worker or in Node, never on a page's main thread.
 */
import type { KernelMemory } from './kernel';
import { IO_LOSS, IO_PAIRS, IO_SIZE } from './kernelState';
import { StreamRun } from './streamMode';
import {
  blockQueue,
  command,
  IDLE,
  publish,
  readLive,
  RUN,
  RUNNING,
  setState,
  STOP,
  teamControl,
  teamWords,
  waitForCommand,
  type ThreadTotals,
} from './team';
import type { HelperSetup } from './teamEngine';
import { threadState } from './teamState';
import type { Corpus, TrainConfig } from './types';

/** One helper's training, chunk by chunk. */
export interface HelperRun {
  readonly thread: number;
  /** True once its work has run out (or its loss stopped being finite). */
  readonly isDone: boolean;
  /** Reads up to n tokens with the latest live settings, then publishes its totals. */
  train(n: number): number;
  /**
   * Brings what it trained since it last stopped into the shared weights (its hot-row copies,
   * hotRows.ts): called before it marks itself idle, so a parked or finished team's weights
   * are whole. Its next `train` first refreshes the copies from the shared rows, which may have
   * changed meanwhile.
   */
  settle(): void;
}

/**
 * The helper `setup.thread` over `memory` (thread 0's shared memory, attached in this thread).
 * `corpus` must be thread 0's (same tokens and sentences).
 */
export function createHelperRun(
  setup: HelperSetup,
  corpus: Corpus,
  memory: KernelMemory,
): HelperRun {
  const control = teamControl(memory.buffer, setup.controlAt);
  const state = threadState(setup.layout, memory.buffer, setup.regionAt, setup.rng);
  const cfg: TrainConfig = { ...setup.config };
  const run = new StreamRun(corpus, cfg.epochs, memory.kernel(state), state, cfg.sample, {
    work: blockQueue(control, setup.blocks, cfg.epochs),
    clock: () => teamWords(control, setup.threads),
    mergeEachCall: false,
  });
  const io = new Float64Array(IO_SIZE);
  const totals: ThreadTotals = { words: 0, lossSum: 0, lossCount: 0 };
  let liveVersion = 0;
  let isDiverged = false;
  // Hot copies: steps not yet merged; copies known to start from the shared rows.
  let hasUnmerged = false;
  let isFresh = false;
  const applyLive = (): void => {
    const changed = readLive(control, liveVersion);
    if (!changed) return;
    liveVersion = changed.version;
    if (changed.live.sample !== cfg.sample) run.setSample(changed.live.sample);
    Object.assign(cfg, changed.live);
  };
  return {
    thread: setup.thread,
    get isDone() {
      return run.isDone || isDiverged;
    },
    train(n) {
      applyLive();
      run.configure(io, cfg);
      io[IO_LOSS] = 0;
      io[IO_PAIRS] = 0;
      if (!isFresh) run.mergeHot();
      isFresh = true;
      const read = run.train(n, io);
      hasUnmerged ||= read > 0;
      totals.words += read;
      totals.lossSum += io[IO_LOSS]!;
      totals.lossCount += io[IO_PAIRS]!;
      publish(control, setup.thread, totals);
      if (!Number.isFinite(io[IO_LOSS]!)) isDiverged = true;
      return read;
    },
    settle() {
      if (hasUnmerged) run.mergeHot();
      hasUnmerged = false;
      isFresh = false;
    },
  };
}

/** Target duration of one helper chunk: how late it may notice a pause. */
const CHUNK_MS = 8;
const MAX_CHUNK = 1 << 16;

/**
 * The helper's life: waits while parked, trains chunks of about CHUNK_MS while the command is
 * RUN and it has work, returns on STOP. A chunk grows at most twofold per call, so the first
 * chunks of a slow configuration stay short. The helper marks itself running BEFORE it reads the
 * command: thread 0, having parked the team, can then trust an idle mark (team.ts).
 */
export function helperLoop(
  helper: HelperRun,
  buffer: ArrayBufferLike,
  controlAt: number,
  now: () => number,
): void {
  const control = teamControl(buffer, controlAt);
  const t = helper.thread;
  let chunk = 256;
  for (;;) {
    setState(control, t, RUNNING);
    const current = command(control);
    if (current === STOP) break;
    if (current !== RUN || helper.isDone) {
      helper.settle();
      setState(control, t, IDLE);
      waitForCommand(control, current);
      continue;
    }
    const start = now();
    const read = helper.train(chunk);
    const elapsed = now() - start;
    const ideal = elapsed > 0 ? (read * CHUNK_MS) / elapsed : Number.POSITIVE_INFINITY;
    chunk = Math.max(1, Math.min(Math.floor(ideal), chunk * 2, MAX_CHUNK));
  }
  helper.settle();
  setState(control, t, IDLE);
}

/** Helper t's loop from a setup (the entry point of a helper worker). */
export function runHelper(
  setup: HelperSetup,
  corpus: Corpus,
  memory: KernelMemory,
  now: () => number,
): void {
  helperLoop(createHelperRun(setup, corpus, memory), memory.buffer, setup.controlAt, now);
}
