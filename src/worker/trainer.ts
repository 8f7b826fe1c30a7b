/**
 * The trainer behind the worker: one corpus, one engine, and a time-sliced training loop.
 *
 * The loop trains for about `sliceMs` (10 ms), then yields to the event loop so that comlink's
 * messages (pause, a slider) get through; settings change only between slices. Within a slice the
 * engine is called in chunks sized to take about 2 ms each, so a slow configuration (full softmax
 * on a large vocabulary) still returns on time. The shown words are projected at most every
 * `projectMs` while training, inside a slice shortened by the projection's cost (slice.ts plans
 * each slice). Frames go out on a wall-clock cadence (≤ 30 Hz) and right after every command
 * that changes the run. The trainer is a plain object: Vitest drives it in Node with an injected
 * clock, scheduler and corpus fetcher.
 */
import { defaultConfig, validateConfig } from '../core/engine';
import type { TrainConfig } from '../core/types';
import type { LoadedCorpus } from './corpora';
import { createFrameSender } from './frameSender';
import { errorText, loadForInit } from './initLoad';
import { createInspector } from './inspector';
import { createLoader } from './loader';
import type { Frame, InitResult, RunStatus, TrainerApi } from './protocol';
import {
  createRun,
  createThroughputMeter,
  divergenceMessage,
  isFinished,
  runNumbers,
  settleTeam,
  trainChunk,
  type Run,
} from './run';
import { applyConfig } from './setConfig';
import { planSlice, trainUntil } from './slice';
import { createThreads } from './threads';
import { createThrottle } from './throttle';
import { resolveOptions, type TrainerOptions } from './trainerOptions';
import { createViewCommands } from './viewCommands';
import { createViewState } from './viewState';
import { defaultView } from './views';

export type { TrainerOptions } from './trainerOptions';

/** Creates a trainer; every command of `TrainerApi`, plus nothing else. */
export function createTrainer(options: TrainerOptions = {}): TrainerApi {
  const resolved = resolveOptions(options);
  const { now, schedule, wait, sliceMs, frameMs, projectMs, assets, kernel } = resolved;
  const frames = createFrameSender(now);
  const speed = createThroughputMeter();
  const throttle = createThrottle();
  const view = createViewState(now);

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
  const loader = createLoader({
    ...resolved,
    report(text) {
      message = text;
      emitFrame();
    },
  });

  // Helpers train only while thread 0 trains freely: playing, no step, no speed cap.
  const isFree = (): boolean => status === 'training' && stepTarget < 0 && throttle.rate === null;
  const threads = createThreads(resolved.spawnHelper, () => run, isFree);

  const setStatus = (next: RunStatus, text = ''): void => {
    status = next;
    message = text;
    threads.sync();
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
    const numbers = runNumbers(run, config);
    return { status, message, throughput, seq: 0, ...numbers, ...view.frameFields() };
  };

  const emitFrame = (): void => frames.send(buildFrame);

  /** Projects the shown words of the current run (if any) and sends a frame. */
  const showNow = (): void => {
    if (run) view.project(run);
    emitFrame();
  };

  const pauseNow = async (): Promise<void> => {
    if (status !== 'training') return;
    setStatus('paused');
    showNow();
  };

  // The derivation panels' feed: examples trained by the engine between slices (inspector.ts).
  const hooks = { now, run: () => run, pause: pauseNow, onTrained: showNow };
  const inspect = createInspector({ ...hooks, alone: threads.alone });

  const startLoop = (): void => {
    if (isSliceScheduled) return;
    isSliceScheduled = true;
    schedule(runSlice);
  };

  /** One engine call of at most `allowed` units; false when the loop must stop (said in a frame). */
  const advance = (current: Run, allowed: number): boolean => {
    const toStepEnd = stepTarget >= 0 ? stepTarget - current.unitsDone : Number.POSITIVE_INFINITY;
    const report = trainChunk(current, Math.min(toStepEnd, allowed), now);
    if (report.diverged) setStatus('diverged', divergenceMessage(report, config.lr));
    else if (report.done || report.processed === 0) setStatus('done');
    else if (current.unitsDone === stepTarget) {
      setStatus('paused');
      inspect.afterStep();
    } else return true;
    // The run stopped: close the open loss point so the frame shows the last losses.
    current.recorder.flush(current.unitsDone);
    showNow();
    return false;
  };

  function runSlice(): void {
    isSliceScheduled = false;
    const current = run;
    if (status !== 'training' || !current) return;
    const start = now();
    const { lastAt: lastProjectionAt, lastMs: lastProjectionMs } = view.projector;
    const timing = { start, sliceMs, projectMs, frameMs, lastProjectionAt, lastProjectionMs };
    const { isProjectionDue, deadline } = planSlice({
      ...timing,
      lastFrameAt: frames.lastSentAt(),
    });
    const isCapped = stepTarget < 0 && throttle.rate !== null;
    const allowance = isCapped ? throttle.allowance(start) : Number.POSITIVE_INFINITY;
    let left = allowance;
    try {
      const chunk = (allowed: number): boolean => advance(current, allowed);
      if (allowance >= 1) left = trainUntil(current, deadline, allowance, chunk, now);
    } catch (error) {
      setStatus('error', `training stopped: ${errorText(error)}`);
      emitFrame();
      return;
    }
    if (isCapped) throttle.spend(allowance - left);
    if (status !== 'training') return;
    inspect.whileTraining();
    if (isProjectionDue) view.project(current);
    if (now() - frames.lastSentAt() >= frameMs) emitFrame();
    if (isCapped && left < 1) {
      isSliceScheduled = true;
      wait(runSlice, throttle.waitMs());
    } else startLoop();
  }

  /** Reports bad settings or input: the previous corpus and model stay, the run pauses. */
  const reject = (errors: string[]): void => {
    setStatus('error', errors.join('; '));
    emitFrame();
  };

  /** Replaces the model by a fresh one from `config`; false (and 'error') if that fails. */
  const restart = (): boolean => {
    const team = threads.teamFor(config, kernel.choice());
    try {
      const { corpus } = loaded!;
      const next = createRun(
        ++runCount,
        corpus,
        config,
        resolved.lossEvery,
        kernel.backend(),
        team,
      );
      run?.pool?.dispose();
      run = next;
    } catch (error) {
      reject([errorText(error)]);
      return false;
    }
    view.forgetAlignment();
    view.refresh(loaded, run);
    inspect.sendContext();
    return true;
  };

  const beginTraining = (): void => {
    setStatus('training');
    speed.start(now(), run?.unitsDone ?? 0);
    throttle.start(now());
    startLoop();
  };

  const isBusy = (): boolean => status === 'loading';

  return {
    async init(request): Promise<InitResult> {
      const loading = (text: string): void => {
        setStatus('loading', text);
        emitFrame();
      };
      const kernelLoad = kernel.load();
      if (request.threads !== undefined) threads.set(request.threads);
      const result = await loadForInit(request, loader, { reject, loading });
      if (!result.ok) return result;
      const note = threads.note(await kernelLoad);
      const { next } = result;
      const previous = { loaded, config, view: view.request() };
      loaded = next;
      config = result.config;
      view.setRequest(request.view ?? defaultView(next.viewKey));
      if (!restart()) {
        ({ loaded, config } = previous);
        view.setRequest(previous.view);
        view.refresh(loaded, run);
        return { ok: false, errors: [message] };
      }
      setStatus('idle');
      showNow();
      const corpus = note ? { ...next.info, kernelNote: note } : next.info;
      return { ok: true, corpus, config: { ...config } };
    },

    async play() {
      if (!run || !loaded || isBusy()) return;
      if (isFinished(run) && !restart()) return;
      stepTarget = -1;
      beginTraining();
      showNow();
    },

    pause: pauseNow,

    step(n) {
      const units = Math.floor(n);
      if (!run || !(units >= 1) || isFinished(run) || isBusy()) return Promise.resolve();
      const done = new Promise<void>((resolve) => stepWaiters.push(resolve));
      settleTeam(run);
      stepTarget = run.unitsDone + units;
      beginTraining();
      return done;
    },

    async setConfig(patch) {
      const answer = applyConfig(config, run, patch);
      if (answer.errors.length > 0) {
        reject(answer.errors);
        return answer;
      }
      config = answer.config;
      if (answer.applied.length > 0) inspect.sendContext();
      if (status === 'error' && run) setStatus('paused');
      emitFrame();
      return { applied: answer.applied, needsRestart: answer.needsRestart, errors: [] };
    },

    async reset(seed) {
      if (!loaded || isBusy()) return;
      const errors = seed === undefined ? [] : validateConfig({ ...config, seed });
      if (errors.length > 0) return reject(errors);
      if (seed !== undefined) config = { ...config, seed };
      const wasPlaying = status === 'training' && stepTarget < 0;
      if (!restart()) return;
      if (wasPlaying) beginTraining();
      else setStatus('idle');
      showNow();
    },

    async setSpeed(unitsPerSecond) {
      throttle.setRate(unitsPerSecond);
      throttle.start(now());
      threads.sync();
    },

    async setThreads(count) {
      threads.set(count);
    },

    ...createViewCommands({
      run: () => run,
      loaded: () => loaded,
      view,
      frames,
      assets,
      showNow,
      emitFrame,
    }),
    ...inspect.commands,
  };
}
