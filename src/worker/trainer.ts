/**
 * The trainer behind the worker: one corpus, one engine, and a time-sliced training loop.
 *
 * The loop trains for about `sliceMs` (10 ms), then yields to the event loop so that comlink's
 * messages (pause, a slider) get through; settings change only between slices. Within a slice the
 * engine is called in chunks sized to take about 2 ms each, so a slow configuration (full softmax
 * on a large vocabulary) still returns on time. Frames go out on a wall-clock cadence (≤ 30 Hz)
 * and right after every command that changes the run. The trainer is a plain object: Vitest
 * drives it in Node with an injected clock and scheduler.
 */
import { defaultConfig, validateConfig } from '../core/engine';
import { nearestNeighbors, normalizeRows } from '../core/neighbors';
import type { LiveConfig, TrainConfig } from '../core/types';
import { loadCorpus, type LoadedCorpus } from './corpora';
import { createFrameSender } from './frameSender';
import type {
  Frame,
  InitResult,
  NearestResult,
  RunStatus,
  SetConfigResult,
  TrainerApi,
} from './protocol';
import {
  createRun,
  createThroughputMeter,
  divergenceMessage,
  runNumbers,
  trainChunk,
  type Run,
} from './run';
import { createYieldScheduler, type Scheduler } from './schedule';

/** Injected dependencies and tunables (tests use a fake clock and a manual scheduler). */
export interface TrainerOptions {
  /** Milliseconds, monotonic. Default `performance.now`. */
  now?: () => number;
  /** Runs a task later, after pending messages. Default: a MessageChannel yield. */
  schedule?: Scheduler;
  /** Training time per slice. Default 10 ms. */
  sliceMs?: number;
  /** Minimum time between cadence frames. Default 1000/30 ms. */
  frameMs?: number;
  /** Units per loss point. Default 100 words (stream) or 1 iteration (minibatch). */
  lossEvery?: number;
}

const SLICE_MS = 10;
const FRAME_MS = 1000 / 30;
const LIVE_KEYS: readonly (keyof LiveConfig)[] = [
  'lr',
  'negatives',
  'window',
  'annealEvery',
  'sample',
];

const errorText = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** Creates a trainer; every command of `TrainerApi`, plus nothing else. */
export function createTrainer(options: TrainerOptions = {}): TrainerApi {
  const now = options.now ?? (() => performance.now());
  const schedule = options.schedule ?? createYieldScheduler();
  const sliceMs = options.sliceMs ?? SLICE_MS;
  const frameMs = options.frameMs ?? FRAME_MS;
  const frames = createFrameSender(now);
  const speed = createThroughputMeter();

  let loaded: LoadedCorpus | null = null;
  /** The configuration the user asked for; the running engine may lag behind (restart keys). */
  let config: TrainConfig = defaultConfig();
  let run: Run | null = null;
  let runCount = 0;
  let status: RunStatus = 'idle';
  let message = '';
  /** unitsDone at which the current `step` ends; −1 while playing. */
  let stepTarget = -1;
  let stepWaiters: (() => void)[] = [];
  let isSliceScheduled = false;
  let unitVecs: { run: Run; units: number; vecs: Float32Array } | null = null;

  const setStatus = (next: RunStatus, text = ''): void => {
    status = next;
    message = text;
    if (next === 'training') return;
    stepTarget = -1;
    speed.stop();
    const waiters = stepWaiters;
    stepWaiters = [];
    for (const resolve of waiters) resolve();
  };

  const buildFrame = (): Frame => {
    const isTraining = status === 'training' && run !== null;
    const throughput = isTraining ? speed.sample(now(), run!.unitsDone) : 0;
    return { status, message, throughput, seq: 0, ...runNumbers(run, config) };
  };

  const emitFrame = (): void => frames.send(buildFrame);

  const startLoop = (): void => {
    if (isSliceScheduled) return;
    isSliceScheduled = true;
    schedule(runSlice);
  };

  /** One engine call; returns false when the loop must stop (and has said why in a frame). */
  const advance = (current: Run): boolean => {
    const toStepEnd = stepTarget >= 0 ? stepTarget - current.unitsDone : Number.POSITIVE_INFINITY;
    const report = trainChunk(current, toStepEnd, now);
    if (report.diverged) setStatus('diverged', divergenceMessage(report, config.lr));
    else if (report.done || report.processed === 0) setStatus('done');
    else if (current.unitsDone === stepTarget) setStatus('paused');
    else return true;
    // The run stopped: close the open loss point so the frame shows the last losses.
    current.recorder.flush(current.unitsDone);
    emitFrame();
    return false;
  };

  function runSlice(): void {
    isSliceScheduled = false;
    const current = run;
    if (status !== 'training' || !current) return;
    const deadline = now() + sliceMs;
    try {
      while (advance(current) && now() < deadline);
    } catch (error) {
      setStatus('error', `training stopped: ${errorText(error)}`);
      emitFrame();
      return;
    }
    if (status !== 'training') return;
    if (now() - frames.lastSentAt() >= frameMs) emitFrame();
    startLoop();
  }

  /** Reports bad settings: the previous corpus and model stay, the run pauses. */
  const reject = (errors: string[]): void => {
    setStatus('error', errors.join('; '));
    emitFrame();
  };

  /** Replaces the model by a fresh one from `config`; false (and 'error') if that fails. */
  const restart = (): boolean => {
    try {
      run = createRun(++runCount, loaded!.corpus, config, options.lossEvery);
      return true;
    } catch (error) {
      reject([errorText(error)]);
      return false;
    }
  };

  const beginTraining = (): void => {
    setStatus('training');
    speed.start(now(), run?.unitsDone ?? 0);
    startLoop();
  };

  const isFinished = (current: Run): boolean => {
    const p = current.engine.progress();
    return p.done || p.diverged;
  };

  return {
    async init(request): Promise<InitResult> {
      const nextConfig = defaultConfig(request.config);
      const errors = validateConfig(nextConfig);
      let next: LoadedCorpus | null = null;
      try {
        if (errors.length === 0) next = loadCorpus(request.corpus, request.minCount);
      } catch (error) {
        errors.push(errorText(error));
      }
      if (!next) {
        reject(errors);
        return { ok: false, errors };
      }
      const previous = { loaded, config };
      loaded = next;
      config = nextConfig;
      if (!restart()) {
        ({ loaded, config } = previous);
        return { ok: false, errors: [message] };
      }
      setStatus('idle');
      emitFrame();
      return { ok: true, corpus: next.info, config: { ...config } };
    },

    async play() {
      if (!run || !loaded) return;
      if (isFinished(run) && !restart()) return;
      stepTarget = -1;
      beginTraining();
      emitFrame();
    },

    async pause() {
      if (status !== 'training') return;
      setStatus('paused');
      emitFrame();
    },

    step(n) {
      const units = Math.floor(n);
      if (!run || !(units >= 1) || isFinished(run)) return Promise.resolve();
      const done = new Promise<void>((resolve) => stepWaiters.push(resolve));
      stepTarget = run.unitsDone + units;
      beginTraining();
      return done;
    },

    async setConfig(patch): Promise<SetConfigResult> {
      const merged: TrainConfig = { ...config, ...patch };
      const errors = validateConfig(merged);
      if (errors.length > 0) {
        reject(errors);
        return { applied: [], needsRestart: [], errors };
      }
      config = merged;
      if (status === 'error' && run) setStatus('paused');
      const running: Readonly<TrainConfig> | undefined = run?.engine.config;
      const live: LiveConfig = {};
      const applied: (keyof LiveConfig)[] = [];
      const needsRestart: (keyof TrainConfig)[] = [];
      for (const key of Object.keys(patch) as (keyof TrainConfig)[]) {
        if (!running || running[key] === merged[key]) continue;
        if ((LIVE_KEYS as readonly string[]).includes(key)) {
          const liveKey = key as keyof LiveConfig;
          live[liveKey] = merged[liveKey];
          applied.push(liveKey);
        } else {
          needsRestart.push(key);
        }
      }
      // Commands run between slices, never during one, so this lands on a slice boundary.
      if (run && applied.length > 0) run.engine.setLive(live);
      emitFrame();
      return { applied, needsRestart, errors: [] };
    },

    async reset(seed) {
      if (!loaded) return;
      if (seed !== undefined) {
        const errors = validateConfig({ ...config, seed });
        if (errors.length > 0) {
          reject(errors);
          return;
        }
        config = { ...config, seed };
      }
      const wasPlaying = status === 'training' && stepTarget < 0;
      if (!restart()) return;
      if (wasPlaying) beginTraining();
      else setStatus('idle');
      emitFrame();
    },

    async nearest(word, k): Promise<NearestResult> {
      const id = loaded?.corpus.vocab.index.get(word.trim().toLowerCase());
      if (!run || !loaded || id === undefined) return { word, neighbors: null };
      // Normalised vectors are cached until the model next changes (several queries per refresh).
      if (!unitVecs || unitVecs.run !== run || unitVecs.units !== run.unitsDone) {
        const vecs = normalizeRows(run.engine.centerVecs, run.engine.config.dim);
        unitVecs = { run, units: run.unitsDone, vecs };
      }
      const found = nearestNeighbors(unitVecs.vecs, run.engine.config.dim, id, k);
      const words = loaded.corpus.vocab.words;
      return {
        word,
        neighbors: found.map((n) => ({ word: words[n.id]!, similarity: n.similarity })),
      };
    },

    setFrameListener(listener) {
      frames.setListener(listener);
      emitFrame();
    },
  };
}
