/**
 * The trainer worker's API, declared once. TYPES ONLY: the UI reaches the worker through
 * `import type` of this file and `Comlink.wrap<TrainerApi>`, so no worker code is bundled into
 * the page and no DOM type leaks into the worker.
 */
import type { LiveConfig, ModeId, TrainConfig } from '../core/types';

/** What the trainer is doing. */
export type RunStatus = 'idle' | 'training' | 'paused' | 'done' | 'diverged' | 'error';

/** Ids of the corpora bundled with the app. */
export type BuiltinCorpusId = 'teaching';

/** Where the training text comes from. */
export type CorpusSource =
  { kind: 'builtin'; id: BuiltinCorpusId } | { kind: 'text'; text: string; name: string };

/** `init` arguments: a corpus and (part of) a configuration; missing settings take defaults. */
export interface InitRequest {
  corpus: CorpusSource;
  config?: Partial<TrainConfig>;
  /** Words seen fewer times are left out of the vocabulary. Default: the corpus's own choice. */
  minCount?: number;
}

/** Summary of the loaded corpus, for display. */
export interface CorpusInfo {
  name: string;
  /** In-vocabulary tokens. */
  tokens: number;
  vocabSize: number;
  sentences: number;
  /** The most frequent words, most frequent first. */
  topWords: { word: string; count: number }[];
}

/** Answer of `init`: the corpus and the full configuration now in force, or why nothing changed. */
export type InitResult =
  { ok: true; corpus: CorpusInfo; config: TrainConfig } | { ok: false; errors: string[] };

/** Answer of `setConfig`. Nothing is applied when `errors` is non-empty. */
export interface SetConfigResult {
  /** Settings the running model took at once. */
  applied: (keyof LiveConfig)[];
  /** Settings stored for the next `reset` (the running model cannot take them). */
  needsRestart: (keyof TrainConfig)[];
  errors: string[];
}

/** One nearest neighbour of a query word. */
export interface NeighborWord {
  word: string;
  /** Cosine similarity of the centre vectors, in [−1, 1]. */
  similarity: number;
}

/** Answer of `nearest`: `neighbors` is null when the word is not in the vocabulary. */
export interface NearestResult {
  word: string;
  neighbors: NeighborWord[] | null;
}

/**
 * A snapshot of the run, sent at most ~30 times a second while training and once after every
 * command that changes the run. Typed arrays are fresh for each frame and transferred.
 */
export interface Frame {
  status: RunStatus;
  /** Changes whenever a fresh model starts (init, reset, restart): the loss history starts over. */
  runId: number;
  /** Plain-words explanation for 'diverged' and 'error'; empty otherwise. */
  message: string;
  mode: ModeId;
  /** What one unit is: a word read (stream) or an iteration (minibatch). */
  unit: 'word' | 'iteration';
  /** Units done so far and the run's budget in units. */
  unitsDone: number;
  unitsTotal: number;
  /** SGD updates applied (stream) or iterations done (minibatch). */
  step: number;
  /** Words read so far (stream; 0 in minibatch mode). */
  words: number;
  /** Current epoch, 0-based (stream), and the number of epochs. */
  epoch: number;
  epochs: number;
  /** Fraction of the budget done, 0…1. */
  fraction: number;
  /** Learning rate in force now. */
  lr: number;
  /**
   * Loss points completed since the previous frame: each is the mean loss over `lossEvery` units
   * (a `step` command closes its last point early). `lossAt[i]` is `unitsDone` at point i's end.
   */
  losses: Float32Array;
  lossAt: Float64Array;
  /** Units per loss point. */
  lossEvery: number;
  /** Exponential moving average of the loss points (NaN before the first point). */
  smoothedLoss: number;
  /** Units per second of wall time while training (0 when not training). */
  throughput: number;
  /** Frame counter, from 1; a gap means a frame was merged into a later one. */
  seq: number;
}

/** The UI's frame callback, registered once as a `Comlink.proxy`. */
export type FrameListener = (frame: Frame) => unknown;

/** The commands the worker answers. All are small; bulk data travels only in frames. */
export interface TrainerApi {
  /** Loads a corpus and builds a fresh model; the run is then 'idle' until `play` or `step`. */
  init(request: InitRequest): Promise<InitResult>;
  /** Trains in time slices until paused, done or diverged. From 'done' or 'diverged' it restarts. */
  play(): Promise<void>;
  /** Stops after the current slice. */
  pause(): Promise<void>;
  /** Pauses, trains exactly n units (fewer if the budget ends first), then stays paused. */
  step(n: number): Promise<void>;
  /** Live settings apply from the next slice; the others wait for `reset`. */
  setConfig(patch: Partial<TrainConfig>): Promise<SetConfigResult>;
  /** A fresh model from the latest configuration, with `seed` if given; paused at step 0. */
  reset(seed?: number): Promise<void>;
  /** The k words nearest to `word` by cosine similarity of the centre vectors. */
  nearest(word: string, k: number): Promise<NearestResult>;
  /** Registers the one frame callback (null removes it). */
  setFrameListener(listener: FrameListener | null): void;
}
