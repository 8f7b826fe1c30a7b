/**
 * One training example for the derivation panels: the centre, its window, and the negatives of
 * each pair, drawn with the engine's rules — minibatch (CS224n, MATH.md §10) or stream (word2vec.c,
 * §7) — from one seeded generator. Nothing here trains; a panel traces the example against the
 * current weights.
 */
import { createRng, xoshiroInt } from '../rng';
import type { AliasTable } from '../sampling';
import { buildNoiseTable, drawAlias, drawRadius, noiseAliasTable } from '../sampling';
import type { Corpus, LossId, ModeId, ModelId } from '../types';

/**
 * One example. Pairs: skip-gram has one pair (c, o_j) per context entry j; CBOW has one pair,
 * (context → c).
 */
export interface TrainingExample {
  readonly model: ModelId;
  readonly loss: LossId;
  /** c (skip-gram) or the target w_t (CBOW). */
  readonly center: number;
  /** The outside words o (skip-gram window) or the CBOW context, in sentence order; ≥ 1 entry. */
  readonly context: Int32Array;
  /**
   * K per pair, pair-major: pair j owns negatives[j·K … j·K + K); empty for hs/softmax. An entry
   * {@link SKIPPED} is a draw equal to the pair's target that word2vec.c skips (stream rules).
   */
  readonly negatives: Int32Array;
  /** The learning rate α of the step. */
  readonly lr: number;
}

/** The settings an example is drawn with (a subset of TrainConfig). */
export interface ExampleSettings {
  model: ModelId;
  loss: LossId;
  /** m: the radius is uniform in 1…m. */
  window: number;
  /** K (negative sampling only). */
  negatives: number;
  lr: number;
  /** Whose sampling rules: `minibatch` (default) or `stream`, see {@link createExampleSampler}. */
  mode?: ModeId;
}

/** A negative-sampling draw equal to its target, skipped under word2vec.c's (stream) rules. */
export const SKIPPED = -1;

/** Draws examples one after another from one seeded generator. */
export interface ExampleSampler {
  next(): TrainingExample;
  /** The generator state (4 × uint32), to replay a draw. */
  getState(): Uint32Array;
}

/** Windows tried before giving up (a corpus without two different neighbours). */
const MAX_WINDOW_TRIES = 100_000;
/** Redraws of a negative equal to its target before the engine's fallback word. */
const MAX_NEGATIVE_TRIES = 1000;

/** Number of pairs of an example: |context| for skip-gram, 1 for CBOW. */
export function pairCount(example: Pick<TrainingExample, 'model' | 'context'>): number {
  return example.model === 'cbow' ? 1 : example.context.length;
}

/** The target word of pair j: o_j (skip-gram) or the centre (CBOW). */
export function pairTarget(example: TrainingExample, j: number): number {
  return example.model === 'cbow' ? example.center : example.context[j]!;
}

/** Pair j's K negatives (a view; empty for hs/softmax). */
export function pairNegatives(example: TrainingExample, j: number, K: number): Int32Array {
  return example.negatives.subarray(j * K, j * K + K);
}

/**
 * Creates a sampler over a corpus. A radius r uniform in 1…m, then, as the engine's modes do:
 * - `minibatch`: a uniform sentence and a uniform centre position in it; the context is the
 *   tokens within r minus those equal to the centre word; K noise words per pair, a draw equal to
 *   the pair's target redrawn;
 * - `stream`: a uniform token of the corpus as the centre; the context is every other token
 *   within r (a repeat of the centre word included); a noise draw equal to the target is kept
 *   in the list as {@link SKIPPED} (word2vec.c trains one negative fewer).
 * An empty context is drawn again. Noise: P_n(w) ∝ count(w)^0.75, the engine's 1e6-entry table
 * as an alias table. (Stream sub-sampling is not applied: the example is one window of the text.)
 *
 * @param corpus - tokens and sentence starts; needs a sentence with two different words
 * @param settings - model, loss, m, K, α
 * @param seed - the generator seed: same seed, corpus and settings ⇒ same examples
 */
export function createExampleSampler(
  corpus: Corpus,
  settings: ExampleSettings,
  seed: number,
): ExampleSampler {
  const state = createRng(seed).getState();
  const noise =
    settings.loss === 'ns'
      ? noiseAliasTable(buildNoiseTable(corpus.vocab.counts), corpus.vocab.counts.length)
      : null;
  return {
    next: () => drawExample(corpus, settings, noise, state),
    getState: () => state.slice(),
  };
}

/** One example from the raw generator state (advanced in place). */
export function drawExample(
  corpus: Corpus,
  settings: ExampleSettings,
  noise: AliasTable | null,
  state: Uint32Array,
): TrainingExample {
  const isStream = settings.mode === 'stream';
  const { center, context } = drawWindow(corpus, settings.window, isStream, state);
  const K = settings.negatives;
  const pairs = pairCount({ model: settings.model, context });
  const negatives = new Int32Array(noise ? pairs * K : 0);
  if (noise) {
    for (let j = 0; j < pairs; j++) {
      const target = settings.model === 'cbow' ? center : context[j]!;
      for (let k = 0; k < K; k++) {
        negatives[j * K + k] = isStream
          ? skipTarget(drawAlias(state, noise.prob, noise.alias), target)
          : drawNegative(noise, target, state);
      }
    }
  }
  return {
    model: settings.model,
    loss: settings.loss,
    center,
    context,
    negatives,
    lr: settings.lr,
  };
}

function skipTarget(w: number, target: number): number {
  return w === target ? SKIPPED : w;
}

/** The sentence holding token position pos (binary search over the starts). */
function sentenceOf(starts: Int32Array, pos: number): number {
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A centre position: a uniform token (stream) or a uniform sentence, then position (minibatch). */
function drawCenter(corpus: Corpus, isStream: boolean, state: Uint32Array): [number, number] {
  const { tokens, sentenceStarts } = corpus;
  if (isStream) {
    const pos = xoshiroInt(state, tokens.length);
    return [pos, sentenceOf(sentenceStarts, pos)];
  }
  const s = xoshiroInt(state, sentenceStarts.length - 1);
  const begin = sentenceStarts[s]!;
  return [begin + xoshiroInt(state, sentenceStarts[s + 1]! - begin), s];
}

/** A window of radius 1…m around a drawn centre (see {@link createExampleSampler}). */
function drawWindow(
  corpus: Corpus,
  window: number,
  isStream: boolean,
  state: Uint32Array,
): { center: number; context: Int32Array } {
  const { tokens, sentenceStarts } = corpus;
  if (tokens.length < 1) throw new Error('the corpus has no sentence to draw an example from');
  const radius = drawRadius(state, window);
  for (let tries = 0; tries < MAX_WINDOW_TRIES; tries++) {
    const [pos, s] = drawCenter(corpus, isStream, state);
    const begin = sentenceStarts[s]!;
    const end = sentenceStarts[s + 1]!;
    const center = tokens[pos]!;
    const context: number[] = [];
    const hi = Math.min(end, pos + radius + 1);
    for (let q = Math.max(begin, pos - radius); q < hi; q++) {
      if (q !== pos && (isStream || tokens[q] !== center)) context.push(tokens[q]!);
    }
    if (context.length > 0) return { center, context: Int32Array.from(context) };
  }
  throw new Error('no window with a context found: the corpus needs two different neighbours');
}

/** A noise word ≠ target (redrawn; after 1000 tries word 0, or 1 when the target is 0). */
function drawNegative(noise: AliasTable, target: number, state: Uint32Array): number {
  let w = target;
  for (let tries = 0; w === target && tries < MAX_NEGATIVE_TRIES; tries++) {
    w = drawAlias(state, noise.prob, noise.alias);
  }
  if (w !== target) return w;
  return target === 0 ? 1 : 0;
}
