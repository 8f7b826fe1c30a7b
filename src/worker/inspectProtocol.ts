/**
 * The derivation panels' part of the trainer worker's API (protocol.ts has the rest and the
 * `TrainerApi` that uses these). TYPES ONLY, like protocol.ts.
 */
import type { ExampleGradcheck, ExampleTrace } from '../core/index';
import type { CbowUpdateId, HuffmanTree, LossId, ModeId, ModelId } from '../core/types';

/** What the derivation panels ask of the trainer (`setInspect`). */
export interface InspectRequest {
  /**
   * At least one derivation panel is open. While false the trainer draws, traces and sends
   * nothing, so closed panels cost no training speed.
   */
  isOpen: boolean;
  /** The weights view is open: example frames carry copies of the matrices (W ≤ WEIGHTS_MAX_WORDS, inspectLimits.ts). */
  wantsWeights: boolean;
}

/** One row of the corpus charts: a frequent word with its sampling probabilities. */
export interface SamplingRow {
  word: string;
  count: number;
  /** count / tokens. */
  unigram: number;
  /** Noise probability P_n(w) = count^0.75 / Σ count^0.75 (over the whole vocabulary). */
  noise: number;
  /**
   * The probability of keeping one occurrence at the run's `sample` (1 when off): word2vec.c's
   * rule in stream mode, CS224n's 1 − rejectProb in minibatch mode.
   */
  keep: number;
}

/** The run's fixed facts the panels need; sent when inspecting starts and after every new model. */
export interface InspectContext {
  runId: number;
  model: ModelId;
  loss: LossId;
  mode: ModeId;
  cbowUpdate: CbowUpdateId;
  dim: number;
  window: number;
  negatives: number;
  /** Windows per minibatch iteration (minibatch mode; 1 in stream mode). */
  batch: number;
  /** The sub-sampling threshold of the run. */
  sample: number;
  /** The whole vocabulary, by word id (most frequent first). */
  words: string[];
  counts: Int32Array;
  /** In-vocabulary tokens. */
  tokens: number;
  /** The Huffman tree (hierarchical softmax), else null. */
  tree: HuffmanTree | null;
  /** The most frequent words (up to 30) with their unigram, noise and keep probabilities. */
  sampling: SamplingRow[];
}

/** One example shown by the panels. */
export interface InspectFrame {
  runId: number;
  /** Counts the examples shown in this run, from 1. */
  seq: number;
  /**
   * 'trained': the engine trained this example (its update is in the weights now);
   * 'pending': the slow step holds it, drawn and traced but not trained yet (`applyPending`).
   */
  state: 'trained' | 'pending';
  /** Units done by the run when the example was drawn. */
  unitsDone: number;
  /**
   * Everything about the example, traced at the weights before its update. The update is applied
   * with the engine's schedule: pairs one after another (stream), or at the same weights with
   * step α/B (minibatch: one window's share of an iteration). Softmax pairs above
   * SOFTMAX_FULL_MAX_WORDS words carry empty per-word arrays (their `top` list stays).
   */
  trace: ExampleTrace;
  /** Copies of v (W×d) and the output matrix (u: W×d, θ: (W−1)×d) before the update, when asked for and W ≤ WEIGHTS_MAX_WORDS. */
  weights: { center: Float32Array; output: Float32Array } | null;
}

/** Messages to the panels' listener. */
export type InspectMessage =
  { kind: 'context'; context: InspectContext } | { kind: 'example'; frame: InspectFrame };

/** The panels' callback, registered once as a `Comlink.proxy`. */
export type InspectListener = (message: InspectMessage) => unknown;

/** Answer of `gradcheck`: the check and the example it ran on (traced at the same weights). */
export interface GradcheckAnswer {
  check: ExampleGradcheck;
  /** The example's centre and target words, for the panel's caption. */
  center: string;
  targets: string[];
}
