/**
 * The trainer worker's API, declared once. TYPES ONLY: the UI reaches the worker through
 * `import type` of this file and `Comlink.wrap<TrainerApi>`, so no worker code is bundled into
 * the page and no DOM type leaks into the worker.
 */
import type { BreakMode } from '../core/index';
import type { LiveConfig, ModeId, TrainConfig } from '../core/types';
import type {
  GradcheckAnswer,
  InspectFrame,
  InspectListener,
  InspectRequest,
} from './inspectProtocol';

/**
 * What the trainer is doing. 'loading': a corpus is being fetched or tokenised (the message says
 * how far); the previous model, if any, stays and waits.
 */
export type RunStatus = 'idle' | 'loading' | 'training' | 'paused' | 'done' | 'diverged' | 'error';

/** Ids of the corpora bundled with the app. */
export type BuiltinCorpusId = 'teaching' | 'moby' | 'sotu';

/**
 * Where the training text comes from. `text` covers uploaded files and pasted text; CS224n's
 * `datasetSentences.txt` is recognised by its header and read as the assignment reads it.
 */
export type CorpusSource =
  { kind: 'builtin'; id: BuiltinCorpusId } | { kind: 'text'; text: string; name: string };

/** `init` arguments: a corpus and (part of) a configuration; missing settings take defaults. */
export interface InitRequest {
  corpus: CorpusSource;
  config?: Partial<TrainConfig>;
  /**
   * Words seen fewer times are left out of the vocabulary. Default: the corpus's own choice
   * (teaching 1, moby and sotu 5, SST 1 as in the assignment, other text 1 below 50,000 tokens
   * and 5 above).
   */
  minCount?: number;
  /** Keep only this many most frequent words (after minCount). Default: no limit. */
  maxVocab?: number;
  /** The words to show. Default: the corpus's own list (`DEFAULT_VIEW_WORDS`). */
  view?: ViewRequest;
  /** Training threads for this and later models (see `setThreads`). Default: as before (1). */
  threads?: number;
}

/** Summary of the loaded corpus, for display. */
export interface CorpusInfo {
  /** The built-in id, or 'custom' for uploaded or pasted text. */
  id: BuiltinCorpusId | 'custom';
  /** 'sst' when the text was CS224n's datasetSentences.txt. */
  format: 'text' | 'sst';
  name: string;
  /** Raw tokens read, before the min-count and max-vocabulary cuts. */
  words: number;
  /** In-vocabulary tokens. */
  tokens: number;
  vocabSize: number;
  sentences: number;
  /** The most frequent words, most frequent first. */
  topWords: { word: string; count: number }[];
  /** Set when training cannot use the fast WebAssembly kernel: why, in plain words. */
  kernelNote?: string;
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

/** Which vectors a view or a query uses: v_w, u_w, or [v_w ; u_w] (what CS224n concatenates). */
export type VectorChoice = 'center' | 'outside' | 'concat';

/** Which words the scatter shows. */
export interface ViewRequest {
  /** Explicit words, in order (case and surrounding spaces are ignored); may be empty. */
  words: string[];
  /** Also show the `top` most frequent words of the vocabulary (each once); 0 = none. */
  top: number;
  vectors: VectorChoice;
  /**
   * Background points: this many of the most frequent words not shown above, drawn as small
   * unlabelled dots in the same projection (0…MAX_BACKGROUND in views.ts). Absent = 0.
   */
  background?: number;
}

/** One shown word; its coordinates are at `coords[2i], coords[2i+1]` for shown index i. */
export interface ShownWord {
  id: number;
  word: string;
  count: number;
  /** Its word group (teaching groups, the CS224n groups, …), null if it belongs to none. */
  group: string | null;
  /** True when it came from `words`, false when it came from `top`. */
  isRequested: boolean;
}

/** Answer of `setView` / `getView`. */
export interface ViewResult {
  shown: ShownWord[];
  /**
   * The background words, most frequent first; point `shown.length + j` of the coordinates is
   * `background[j]`. Empty when none were asked for.
   */
  background: string[];
  /** Requested words that are not in the vocabulary, in request order. */
  missing: string[];
  /** Why the result differs from the request (fallback to centre vectors, words cut), if it does. */
  note?: string;
}

/** One nearest neighbour of a query word. */
export interface NeighborWord {
  word: string;
  /** Cosine similarity of the chosen vectors (centre by default), in [−1, 1]. */
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
  /** Threads training this model: 1, or the size of its Hogwild team (stream mode only). */
  threads: number;
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
  /** Learning rate of the last updates of each loss point, aligned with `losses`. */
  lrs: Float32Array;
  /** Bumps whenever the shown words change (`getView()` then gives the new list). */
  viewVersion: number;
  /**
   * The 2-D SVD projection of the shown words and then the background words, x,y interleaved
   * (length 2 × (shown + background)), all on the same axes, sign-aligned with the previous
   * projection. Projections are made at most every ~100 ms while training and
   * always after init, step, pause, reset and setView; a frame made since the last projection
   * carries an EMPTY array, meaning "unchanged". NaN-free: a diverged model keeps the last
   * finite picture.
   */
  coords: Float32Array;
  /** Explained-variance ratios of the two axes of the latest projection, each in [0, 1]. */
  explained: [number, number];
  /** Frame counter, from 1; a gap means a frame was merged into a later one. */
  seq: number;
}

export type {
  GradcheckAnswer,
  InspectContext,
  InspectFrame,
  InspectListener,
  InspectMessage,
  InspectRequest,
  SamplingRow,
} from './inspectProtocol';

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
  /**
   * Threads the next models train on (1 … MAX_THREADS of core/team.ts): several run Hogwild
   * (stream mode only, and only where the page can share memory; else one, and the corpus info's
   * `kernelNote` of the next `init` says why). The model in force keeps its own until `reset`.
   */
  setThreads(threads: number): Promise<void>;
  /**
   * The k words nearest to `word` by cosine similarity of the chosen vectors (default centre;
   * without outside vectors, hierarchical softmax, centre vectors are used).
   */
  nearest(word: string, k: number, vectors?: VectorChoice): Promise<NearestResult>;
  /** Chooses the shown words; the answer lists them, and a frame with their coords follows. */
  setView(view: ViewRequest): Promise<ViewResult>;
  /** The shown words now (call it when a frame's `viewVersion` changes). */
  getView(): Promise<ViewResult>;
  /**
   * Caps training at `unitsPerSecond` words (stream) or iterations (minibatch) per second, for
   * slow classroom demos; null (or anything but a positive finite number) = full speed. `step` is
   * not capped.
   */
  setSpeed(unitsPerSecond: number | null): Promise<void>;
  /**
   * Where the built-in corpus assets live (`<app base>/generated/`). client.ts calls it once:
   * a worker cannot tell the page's base URL from its own location.
   */
  setAssetBase(url: string): void;
  /** Registers the one frame callback (null removes it). */
  setFrameListener(listener: FrameListener | null): void;
  /**
   * Opens or closes the derivation panels' feed. While open: a context message at once and after
   * every new model; while training, every INSPECT_EVERY_MS one example is drawn with the run's
   * rules, traced, trained by the engine and sent ('trained'); after a `step`, one more.
   */
  setInspect(request: InspectRequest): Promise<void>;
  /** Registers the one panels callback (null removes it). */
  setInspectListener(listener: InspectListener | null): void;
  /**
   * The slow step: pauses, draws the next example and sends it 'pending' (not trained); the
   * answer is that frame (null when there is no model).
   */
  slowStep(): Promise<InspectFrame | null>;
  /**
   * Trains the pending example, if the model has not changed since it was drawn, and sends it
   * again as 'trained'. False when there was nothing to apply.
   */
  applyPending(): Promise<boolean>;
  /**
   * The gradient check (MATH.md §8) of the pending example, or of a freshly drawn one (not
   * trained) at the current weights, with an optional deliberate slip. Null without a model.
   */
  gradcheck(breakGradient: BreakMode): Promise<GradcheckAnswer | null>;
}
