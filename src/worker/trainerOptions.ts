/**
 * The trainer's injected dependencies and tunables, with their defaults. Tests inject a fake
 * clock, a manual scheduler and the corpus texts; the worker takes the defaults.
 */
import { createAssetLoader, type AssetCorpusId } from './corpusAssets';
import { createKernelSlot, TS_CHOICE, type KernelChoice } from './kernelLoader';
import { createYieldScheduler, type Scheduler } from './schedule';
import type { SpawnHelper } from './teamWorkers';

export interface TrainerOptions {
  /** Milliseconds, monotonic. Default `performance.now`. */
  now?: () => number;
  /** Runs a task later, after pending messages. Default: a MessageChannel yield. */
  schedule?: Scheduler;
  /** Runs a task after `ms` milliseconds (waits of the speed cap). Default `setTimeout`. */
  wait?: (task: () => void, ms: number) => void;
  /** Training time per slice. Default 10 ms. */
  sliceMs?: number;
  /** Minimum time between cadence frames. Default 1000/30 ms. */
  frameMs?: number;
  /** Minimum time between projections while training. Default 100 ms. */
  projectMs?: number;
  /** Units per loss point. Default 100 words (stream) or 1 iteration (minibatch). */
  lossEvery?: number;
  /** The text of Moby Dick or SOTU. Default: the app's gzip asset (see `setAssetBase`). */
  fetchText?: (id: AssetCorpusId) => Promise<string>;
  /** Lets messages through during a long load. Default: one macrotask. */
  breathe?: () => Promise<void>;
  /**
   * Loads the kernel to train with, given the URL of a generated asset file; called once, at the
   * first `init`. Default: the TypeScript kernel (the worker passes `loadWasmKernel`).
   */
  loadKernel?: (assetUrl: (file: string) => URL) => Promise<KernelChoice>;
  /**
   * Starts a helper worker of a Hogwild team (teamWorkers.ts). Default none: every model trains
   * on one thread, whatever `setThreads` asks (the worker passes a nested-worker spawner).
   */
  spawnHelper?: SpawnHelper;
}

/**
 * The options with every default filled in, plus the asset loader behind `fetchText` and the
 * kernel slot behind `loadKernel`.
 */
export function resolveOptions(options: TrainerOptions) {
  const assets = createAssetLoader();
  const loadKernel = options.loadKernel ?? (async () => TS_CHOICE);
  return {
    now: options.now ?? (() => performance.now()),
    schedule: options.schedule ?? createYieldScheduler(),
    wait: options.wait ?? ((task: () => void, ms: number) => void setTimeout(task, ms)),
    sliceMs: options.sliceMs ?? 10,
    frameMs: options.frameMs ?? 1000 / 30,
    projectMs: options.projectMs ?? 100,
    lossEvery: options.lossEvery,
    spawnHelper: options.spawnHelper,
    fetchText: options.fetchText ?? assets.load,
    breathe: options.breathe ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0))),
    assets,
    kernel: createKernelSlot(() => loadKernel(assets.url)),
  };
}
