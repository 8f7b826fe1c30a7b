/**
 * One model being trained — the engine plus the loop's bookkeeping for it — and the pieces of
 * the trainer that only look at one run: an adaptively sized engine call, the frame's numbers,
 * the throughput meter and the divergence message.
 */
import { createEngine } from '../core/engine';
import type { KernelBackend } from '../core/kernel';
import { createTeamEngine, type SharedKernelBackend, type Team } from '../core/teamEngine';
import type { Corpus, Engine, TrainConfig, TrainReport } from '../core/types';
import { createLossRecorder, type LossRecorder } from './lossRecorder';
import type { Frame } from './protocol';
import { startHelpers, type HelperPool, type SpawnHelper } from './teamWorkers';

/** Target duration of one `engine.train` call, so a slice overshoots its budget by little. */
const CHUNK_MS = 2;
const MAX_CHUNK = 1 << 16;
/** Weight of the newest measurement in the throughput average. */
const THROUGHPUT_WEIGHT = 0.3;

export interface Run {
  /** Counts fresh models: the frame's `runId`. */
  id: number;
  engine: Engine;
  recorder: LossRecorder;
  unitsDone: number;
  unitsTotal: number;
  /** Units per `engine.train` call, adapted to take about CHUNK_MS. */
  chunk: number;
  /** The Hogwild team and its helper workers (several threads), else null. */
  team: Team | null;
  pool: HelperPool | null;
}

/** Training on several threads: how many, on which shared kernel, with which workers. */
export interface TeamOptions {
  threads: number;
  backend: SharedKernelBackend;
  spawn: SpawnHelper;
}

/**
 * A fresh engine on `kernel` (default the TypeScript one; throws like `createEngine` on a bad
 * setup). Loss points cover `lossEvery` units: default 100 words (stream) or 1 iteration
 * (minibatch). With `team` (stream mode, 2 or more threads) the engine is thread 0 of a Hogwild
 * team whose helpers start parked in workers of their own.
 */
export function createRun(
  id: number,
  corpus: Corpus,
  config: TrainConfig,
  lossEvery?: number,
  kernel?: KernelBackend,
  team?: TeamOptions,
): Run {
  const isTeam = team !== undefined && team.threads > 1 && config.mode === 'stream';
  const teamEngine = isTeam
    ? createTeamEngine(corpus, config, { kernel: team.backend, threads: team.threads })
    : null;
  const engine = teamEngine ?? createEngine(corpus, config, kernel ? { kernel } : {});
  const isStream = engine.config.mode === 'stream';
  return {
    id,
    engine,
    recorder: createLossRecorder(lossEvery ?? (isStream ? 100 : 1)),
    unitsDone: 0,
    unitsTotal: isStream ? engine.progress().totalWords : engine.config.iterations,
    chunk: 1,
    team: teamEngine?.team ?? null,
    pool: teamEngine ? startHelpers(teamEngine, team!.spawn) : null,
  };
}

/**
 * Parks the helpers, waits until none is inside a chunk and records what they did since the last
 * engine call, so that thread 0 then trains alone from an exact unit count (steps, the slow step).
 */
export function settleTeam(run: Run): void {
  if (!run.team) return;
  run.team.quiesce();
  const report = run.team.collect();
  if (report.processed === 0 && report.lossCount === 0) return;
  run.unitsDone += report.processed;
  run.recorder.add(report, run.unitsDone, run.engine.progress().lr);
}

/**
 * Trains at most `maxUnits` units in one engine call, never across a loss-point boundary, and
 * records the loss. The next call is sized to take about CHUNK_MS, growing at most twofold per
 * call, so the first calls of a slow configuration stay short.
 */
export function trainChunk(run: Run, maxUnits: number, now: () => number): TrainReport {
  const n = Math.min(run.chunk, run.recorder.unitsToBoundary(), maxUnits);
  // The rate these updates use: read before training, since the engine then moves it on.
  const lr = run.engine.progress().lr;
  const start = now();
  const report = run.engine.train(n);
  const elapsed = now() - start;
  run.unitsDone += report.processed;
  run.recorder.add(report, run.unitsDone, lr);
  const ideal = elapsed > 0 ? (report.processed * CHUNK_MS) / elapsed : Number.POSITIVE_INFINITY;
  run.chunk = Math.max(1, Math.min(Math.floor(ideal), run.chunk * 2, MAX_CHUNK));
  return report;
}

/** True when the run reached its budget or diverged: it cannot train further. */
export function isFinished(run: Run): boolean {
  const p = run.engine.progress();
  return p.done || p.diverged;
}

/** The numbers of a frame that come from the run; takes (empties) the run's loss points. */
export type RunNumbers = Omit<
  Frame,
  'status' | 'message' | 'throughput' | 'seq' | 'viewVersion' | 'coords' | 'explained'
>;

export function runNumbers(run: Run | null, config: TrainConfig): RunNumbers {
  const p = run?.engine.progress();
  const runConfig = run?.engine.config ?? config;
  const points = run?.recorder.take();
  return {
    runId: run?.id ?? 0,
    threads: run?.team?.threads ?? 1,
    mode: runConfig.mode,
    unit: runConfig.mode === 'stream' ? 'word' : 'iteration',
    unitsDone: run?.unitsDone ?? 0,
    unitsTotal: run?.unitsTotal ?? 0,
    step: p?.step ?? 0,
    words: p?.wordsProcessed ?? 0,
    epoch: p?.epoch ?? 0,
    epochs: runConfig.epochs,
    fraction: p?.fraction ?? 0,
    lr: p?.lr ?? runConfig.lr,
    losses: points?.losses ?? new Float32Array(0),
    lossAt: points?.lossAt ?? new Float64Array(0),
    lrs: points?.lrs ?? new Float32Array(0),
    lossEvery: run?.recorder.lossEvery ?? 0,
    smoothedLoss: run ? run.recorder.smoothed() : Number.NaN,
  };
}

/** Units per second of wall time, averaged over frames; started by play, stopped by a pause. */
export function createThroughputMeter() {
  let since = 0;
  let units = 0;
  let value = 0;
  return {
    start(t: number, unitsDone: number): void {
      since = t;
      units = unitsDone;
    },
    /** Folds the units done since the last sample into the average and returns it. */
    sample(t: number, unitsDone: number): number {
      if (t <= since) return value;
      const rate = ((unitsDone - units) * 1000) / (t - since);
      value = value === 0 ? rate : (1 - THROUGHPUT_WEIGHT) * value + THROUGHPUT_WEIGHT * rate;
      since = t;
      units = unitsDone;
      return value;
    },
    stop(): void {
      value = 0;
    },
  };
}

/** Formats a number for a message: at most four significant digits. */
function short(value: number): string {
  return String(Number(value.toPrecision(4)));
}

/** The plain-words explanation of a diverged run. */
export function divergenceMessage(report: TrainReport, lr: number): string {
  const what = Number.isFinite(report.lossSum) || Number.isNaN(report.lossSum) ? 'NaN' : 'infinite';
  return `the loss became ${what}: the learning rate ${short(lr)} is too high — training paused; lower it and press play`;
}
