/**
 * The random choices of training, as precomputed tables the hot loop can use with one integer
 * draw each (MATH.md §3, §7, §10):
 * - the noise distribution P_n(w) ∝ count(w)^0.75 as a lookup table (word2vec.c
 *   `InitUnigramTable`), and the same distribution as a W-entry alias table for sampling;
 * - word2vec.c sub-sampling: keep probability (√(f/s) + 1)·s/f, capped at 1, as a uint32-scale
 *   threshold;
 * - the CS224n reject probability max(0, 1 − √(s·T / count));
 * - the random window radius, uniform in 1…m.
 */
import { xoshiroInt, xoshiroNext } from './rng';

/** Entries in the noise table: 1e6 (word2vec.c uses 1e8; 1e6 fits the cache, same quality). */
export const NOISE_TABLE_SIZE = 1_000_000;

/** The exponent of the noise distribution, count^0.75. */
export const NOISE_POWER = 0.75;

/** 2^32: uint32 draws are compared with probabilities scaled by this. */
const TWO_POW_32 = 4294967296;

/**
 * The noise table of word2vec.c's `InitUnigramTable`: entry a holds the word whose cumulative
 * share of Σ count^0.75 first exceeds a / size, so a uniform index draws w with probability
 * ≈ count(w)^0.75 / Σ_x count(x)^0.75. The walk is word2vec.c's, including its habit of writing
 * the current word before stepping to the next one.
 *
 * @param counts - count(w) for w = 0 … W−1 (any order; the vocabulary is sorted descending)
 * @param size - number of entries, default {@link NOISE_TABLE_SIZE}
 * @returns Int32Array(size) of word ids (empty vocabulary: all 0)
 */
export function buildNoiseTable(counts: ArrayLike<number>, size = NOISE_TABLE_SIZE): Int32Array {
  const table = new Int32Array(size);
  const wordCount = counts.length;
  if (wordCount === 0) return table;
  let total = 0;
  for (let w = 0; w < wordCount; w++) total += Math.pow(counts[w]!, NOISE_POWER);
  let word = 0;
  let cumulative = Math.pow(counts[0]!, NOISE_POWER) / total;
  for (let a = 0; a < size; a++) {
    table[a] = word;
    if (a / size > cumulative && word < wordCount - 1) {
      word++;
      cumulative += Math.pow(counts[word]!, NOISE_POWER) / total;
    }
  }
  return table;
}

/**
 * Draws one noise word: a uniform entry of the table (one uint32 draw).
 *
 * @param state - xoshiro128** state, advanced in place
 * @param table - from {@link buildNoiseTable}
 */
export function drawNoise(state: Uint32Array, table: Int32Array): number {
  return table[xoshiroInt(state, table.length)]!;
}

/**
 * Walker's alias table (Vose's construction) of a discrete distribution over W outcomes: draw
 * i uniform in 0…W−1 and a coin c uniform in [0, 1); the outcome is i if c < prob[i], else
 * alias[i]. Two W-entry arrays instead of a 1e6-entry table: the engine draws its negatives this
 * way because the 4 MB table misses the CPU cache on nearly every draw, and the W-entry tables
 * do not. Built from the table's histogram it reproduces the table's distribution exactly,
 * word2vec.c's rounding included.
 */
export interface AliasTable {
  /** Acceptance probability of outcome i itself, in [0, 1]. */
  readonly prob: Float64Array;
  /** The other outcome of slot i. */
  readonly alias: Int32Array;
}

/**
 * Builds the alias table of weights w_i ≥ 0 (not all 0): P(i) = w_i / Σ w. Exact for integer
 * weights up to 2^53 / W (the arithmetic stays in integers until the final division).
 */
export function buildAliasTable(weights: ArrayLike<number>): AliasTable {
  const n = weights.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i]!;
  // q_i = w_i · n; slot i is full when q_i = total.
  const q = Float64Array.from({ length: n }, (_, i) => weights[i]! * n);
  const prob = new Float64Array(n).fill(1);
  const alias = Int32Array.from({ length: n }, (_, i) => i);
  const small: number[] = [];
  const large: number[] = [];
  for (let i = 0; i < n; i++) (q[i]! < total ? small : large).push(i);
  while (small.length > 0 && large.length > 0) {
    const s = small.pop()!;
    const l = large.pop()!;
    prob[s] = q[s]! / total;
    alias[s] = l;
    // The large outcome gives slot s what s lacks.
    q[l] = q[l]! + q[s]! - total;
    (q[l]! < total ? small : large).push(l);
  }
  return { prob, alias };
}

/**
 * The noise distribution of a noise table as an alias table over W words: word w has weight
 * (number of entries holding w), so sampling it equals drawing a uniform table entry.
 *
 * @param table - from {@link buildNoiseTable}
 * @param W - vocabulary size
 */
export function noiseAliasTable(table: Int32Array, W: number): AliasTable {
  const entries = new Float64Array(W);
  for (let a = 0; a < table.length; a++) entries[table[a]!]!++;
  return buildAliasTable(entries);
}

/**
 * One draw from an alias table with one uint32: x = u·W, slot ⌊x⌋, coin x − ⌊x⌋ (32 − log₂W
 * bits of it, plenty for sampling).
 *
 * @param state - xoshiro128** state, advanced in place
 */
export function drawAlias(state: Uint32Array, prob: Float64Array, alias: Int32Array): number {
  const x = xoshiroNext(state) * (prob.length / TWO_POW_32);
  const slot = Math.floor(x);
  return x - slot < prob[slot]! ? slot : alias[slot]!;
}

/**
 * word2vec.c sub-sampling, precomputed per word. With f = count/T and threshold s:
 *
 *   keep(w) = min(1, (√(f/s) + 1) · s/f)
 *
 * stored as keep(w) · 2^32, so that a token is kept when a uint32 draw r satisfies r < keep·2^32
 * (probability exactly keep). Words with keep(w) = 1 (or s = 0, sub-sampling off) get 2^32,
 * which every uint32 beats; the hot loop skips the draw for them.
 *
 * @param counts - count(w), W entries
 * @param totalCount - T, the number of in-vocabulary tokens
 * @param sample - s ≥ 0; 0 turns sub-sampling off
 * @returns Float64Array(W) of thresholds on the uint32 scale, in (0, 2^32]
 */
export function keepThresholds(
  counts: ArrayLike<number>,
  totalCount: number,
  sample: number,
): Float64Array {
  const thresholds = new Float64Array(counts.length).fill(TWO_POW_32);
  if (!(sample > 0) || !(totalCount > 0)) return thresholds;
  const scaled = sample * totalCount;
  for (let w = 0; w < counts.length; w++) {
    const count = counts[w]!;
    if (!(count > 0)) continue;
    // (√(f/s) + 1)·s/f with f = count/T is (√(count/(sT)) + 1)·sT/count.
    const keep = (Math.sqrt(count / scaled) + 1) * (scaled / count);
    if (keep < 1) thresholds[w] = keep * TWO_POW_32;
  }
  return thresholds;
}

/**
 * Draws whether one token of word w survives sub-sampling (no draw when keep(w) = 1).
 *
 * @param state - xoshiro128** state, advanced in place when a draw is needed
 * @param threshold - keepThresholds(...)[w]
 */
export function keepToken(state: Uint32Array, threshold: number): boolean {
  return threshold >= TWO_POW_32 || xoshiroNext(state) < threshold;
}

/**
 * The CS224n reject probability of each word (its `rejectProb`):
 *
 *   rejectProb(w) = max(0, 1 − √(threshold / count(w))),  threshold = s · T
 *
 * @param counts - count(w), W entries
 * @param totalCount - T
 * @param sample - s (CS224n uses 1e-5)
 * @returns Float64Array(W) of probabilities in [0, 1)
 */
export function rejectProbabilities(
  counts: ArrayLike<number>,
  totalCount: number,
  sample: number,
): Float64Array {
  const reject = new Float64Array(counts.length);
  const threshold = sample * totalCount;
  for (let w = 0; w < counts.length; w++) {
    const count = counts[w]!;
    reject[w] = count > 0 ? Math.max(0, 1 - Math.sqrt(threshold / count)) : 0;
  }
  return reject;
}

/**
 * Random window radius uniform in 1…m (word2vec.c: m − (random mod m); CS224n: randint(1, m)).
 *
 * @param state - xoshiro128** state, advanced in place
 * @param window - m ≥ 1
 */
export function drawRadius(state: Uint32Array, window: number): number {
  return window - xoshiroInt(state, window);
}
