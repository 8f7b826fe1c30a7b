/**
 * Shared types of the word2vec engine. Notation follows MATH.md:
 * W words, d dimensions; `centerVecs` holds v_w (row w), `outsideVecs` holds u_w (row w),
 * `nodeVecs` holds the Huffman inner-node vectors θ_n (row n). All matrices are row-major,
 * one word (or node) per row.
 */
import type { TrainingExample } from './inspect/example';

/** Architecture: skip-gram predicts each context word from the centre; CBOW the reverse. */
export type ModelId = 'skipgram' | 'cbow';

/** Output layer: negative sampling, hierarchical softmax or the full (naive) softmax. */
export type LossId = 'ns' | 'hs' | 'softmax';

/**
 * Training mode.
 * - `stream`: word2vec.c — stream the corpus word by word, sub-sampling, random radius, linear
 *   learning-rate decay, one SGD update per (centre, context) pair.
 * - `minibatch`: CS224n — minibatches of random windows, gradient averaged over the batch,
 *   learning rate halved every `annealEvery` iterations.
 */
export type ModeId = 'stream' | 'minibatch';

/**
 * How CBOW spreads ∂J/∂h over the context vectors.
 * - `exact`: the true gradient, ∂J/∂v_{w_{t+j}} = (1/|context|) ∂J/∂h.
 * - `word2vec`: word2vec.c's rule, the whole ∂J/∂h step added to every context vector.
 */
export type CbowUpdateId = 'exact' | 'word2vec';

/** The vocabulary, sorted by count descending (ties: first appearance first). */
export interface Vocab {
  /** words[i] is the word with id i. */
  readonly words: readonly string[];
  /** counts[i] is the corpus count of word i (after min-count filtering). */
  readonly counts: Float64Array;
  /** word → id. */
  readonly index: ReadonlyMap<string, number>;
  /** Σ counts: the number of in-vocabulary tokens. */
  readonly totalCount: number;
}

/** A tokenised corpus: ids of in-vocabulary tokens, with sentence boundaries kept. */
export interface Corpus {
  readonly vocab: Vocab;
  /** All in-vocabulary tokens, sentence after sentence (out-of-vocabulary tokens dropped). */
  readonly tokens: Int32Array;
  /**
   * Sentence s spans tokens[sentenceStarts[s] … sentenceStarts[s+1]). Length = sentences + 1,
   * last entry = tokens.length. Empty sentences are not stored.
   */
  readonly sentenceStarts: Int32Array;
}

/** Every setting of a training run. The engine validates it (see `validateConfig`). */
export interface TrainConfig {
  model: ModelId;
  loss: LossId;
  mode: ModeId;
  /** Embedding dimension d. */
  dim: number;
  /** Window radius m; in both modes the radius used per centre word is uniform in 1…m. */
  window: number;
  /** Negative samples K per (centre, outside) pair (negative sampling only). */
  negatives: number;
  /** Initial learning rate α₀ (stream) or the step size (minibatch). */
  lr: number;
  /** Sub-sampling threshold s (stream; 0 turns it off). */
  sample: number;
  /** Passes over the corpus (stream). */
  epochs: number;
  /** Number of minibatch iterations (minibatch). */
  iterations: number;
  /** Windows per minibatch (minibatch). */
  batchSize: number;
  /** Halve the step every this many iterations (minibatch); 0 turns annealing off. */
  annealEvery: number;
  /** CBOW context-gradient rule. */
  cbowUpdate: CbowUpdateId;
  /** Seed of the one RNG: same seed + same settings ⇒ bit-identical weights. */
  seed: number;
}

/** What one call of `Engine.train` did. */
export interface TrainReport {
  /** Units processed by this call: words (stream) or iterations (minibatch). */
  readonly processed: number;
  /** Number of loss terms summed in `lossSum` (pairs in stream mode, iterations in minibatch). */
  readonly lossCount: number;
  /** Sum of the per-pair (stream) or per-iteration (minibatch) losses of this call. */
  readonly lossSum: number;
  /** True when the run has reached its epoch/iteration budget. */
  readonly done: boolean;
  /** True when a NaN or ±Infinity appeared; training stopped and will not continue. */
  readonly diverged: boolean;
}

/** Where a run stands. */
export interface TrainProgress {
  /** Current epoch, 0-based (stream); 0 in minibatch mode. */
  readonly epoch: number;
  /** Words processed so far, counted as word2vec.c counts them (in-vocabulary tokens read). */
  readonly wordsProcessed: number;
  /** Words the whole run will read: tokens × epochs (stream), or 0 (minibatch). */
  readonly totalWords: number;
  /** Iterations done (minibatch), or SGD updates applied (stream). */
  readonly step: number;
  /** Learning rate in force now. */
  readonly lr: number;
  /** Fraction of the budget done, 0…1. */
  readonly fraction: number;
  readonly done: boolean;
  readonly diverged: boolean;
}

/** Settings that a running engine accepts without restarting. */
export type LiveConfig = Partial<
  Pick<TrainConfig, 'lr' | 'negatives' | 'window' | 'annealEvery' | 'sample'>
>;

/**
 * The Huffman tree of hierarchical softmax, built exactly as word2vec.c's `CreateBinaryTree`.
 * Inner nodes are numbered 0 … W−2 (word2vec.c's node id minus W); the root is W−2. Row n of
 * `nodeVecs` is θ_n. Word w's path, root first, is `points[offsets[w] … offsets[w+1])` and its
 * binary codes are `codes[offsets[w] … offsets[w+1])` (0 = first child, 1 = second child), so
 * p(w | h) = Π_j σ((1 − 2 d_j) θ_{n(w,j)} · h).
 */
export interface HuffmanTree {
  /** Number of leaves W. */
  readonly leaves: number;
  /** CSR offsets into `points`/`codes`, length W + 1. */
  readonly offsets: Int32Array;
  /** Inner-node index at each step of each word's path, root first. */
  readonly points: Int32Array;
  /** Binary code at each step of each word's path, root first. */
  readonly codes: Uint8Array;
  /**
   * Children of inner node n: `children[2n]` (code 0) and `children[2n+1]` (code 1), encoded as
   * a leaf word id w ≥ 0, or −(m + 1) for inner node m. For drawing the tree.
   */
  readonly children: Int32Array;
}

/**
 * A trainer over one corpus and one configuration, holding its weights in place.
 * Created by `createEngine(corpus, config)`; resumable: `train(n)` does n units and returns.
 */
export interface Engine {
  readonly config: Readonly<TrainConfig>;
  readonly corpus: Corpus;
  /** v_w: W×d, row-major. */
  readonly centerVecs: Float32Array;
  /** u_w: W×d, row-major (negative sampling and full softmax); null for hierarchical softmax. */
  readonly outsideVecs: Float32Array | null;
  /** θ_n: (W−1)×d, row-major (hierarchical softmax); null otherwise. */
  readonly nodeVecs: Float32Array | null;
  /** The Huffman tree (hierarchical softmax); null otherwise. */
  readonly tree: HuffmanTree | null;
  /** Train n units — words (stream) or iterations (minibatch) — then return. */
  train(n: number): TrainReport;
  progress(): TrainProgress;
  /**
   * Trains one explicit example in place, with the engine's own kernel code, at step example.lr:
   * stream mode applies word2vec.c's SGD steps (skip-gram pairs one after another, SKIPPED
   * negatives left out, repeats merged; CBOW one pair by the run's `cbowUpdate` rule); minibatch
   * mode takes the window's gradient at the current weights (all pairs at the same weights) and
   * moves the touched rows by −example.lr · ∇J. The run's counters (step, words, iterations) and
   * its generator are not touched. Returns the loss J summed over the example's pairs (float64);
   * a non-finite J marks the run diverged, and a diverged run trains nothing (returns NaN).
   * Throws when the example does not fit the engine (model, loss, word ids, K ≤ 50).
   */
  trainExample(example: TrainingExample): number;
  /** Applies settings the running model can take; used from the next unit on. */
  setLive(patch: LiveConfig): void;
}
