/**
 * The corpus chart's model: for the most frequent words, the three probabilities that shape what
 * training sees — how often the word occurs (unigram), how often it is drawn as a negative (the
 * noise distribution, MATH.md §3) and how often one occurrence survives sub-sampling (word2vec.c,
 * MATH.md §7).
 */
import { NOISE_POWER, keepThresholds, rejectProbabilities } from '../sampling';
import type { ModeId } from '../types';

/** One word of the table. */
export interface SamplingTableRow {
  readonly word: string;
  readonly count: number;
  /** count / T. */
  readonly unigram: number;
  /** P_n(w) = count^0.75 / Σ_x count(x)^0.75, the sum over the whole vocabulary. */
  readonly noise: number;
  /**
   * The probability that one occurrence is kept: word2vec.c's min(1, (√(f/(s·T)) + 1)·s·T/f),
   * f = count (stream mode), or CS224n's 1 − rejectProb = min(1, √(s·T/f)) (minibatch mode).
   */
  readonly keep: number;
}

/** 2^32: `keepThresholds` stores keep probabilities on the uint32 scale. */
const TWO_POW_32 = 4294967296;

/**
 * The `top` most frequent words (ties: lower id first) with their unigram, noise and keep
 * probabilities. The keep probability is the engine's own (`keepThresholds`, divided back from
 * the uint32 scale — exact, a power of two), so the chart shows what stream training uses:
 *
 *   unigram = c/T,  noise = c^0.75 / Σ_x c_x^0.75,  keep = min(1, (√(c/(sT)) + 1)·sT/c)  (1 if s = 0)
 *
 * In minibatch mode the keep probability is CS224n's instead, 1 − rejectProb(c) = min(1, √(sT/c)).
 *
 * @param counts - count(w) per word id, W entries
 * @param words - the word of each id, W entries
 * @param tokens - T, in-vocabulary tokens
 * @param sample - s ≥ 0 (0: sub-sampling off)
 * @param top - rows to return (default 30)
 * @param mode - whose sub-sampling rule: 'stream' (word2vec.c, default) or 'minibatch' (CS224n)
 */
export function samplingTable(
  counts: ArrayLike<number>,
  words: readonly string[],
  tokens: number,
  sample: number,
  top = 30,
  mode: ModeId = 'stream',
): SamplingTableRow[] {
  const W = counts.length;
  let noiseTotal = 0;
  for (let w = 0; w < W; w++) noiseTotal += Math.pow(counts[w]!, NOISE_POWER);
  const keepOf = keepRule(counts, tokens, sample, mode);
  const ids = Array.from({ length: W }, (_, w) => w);
  ids.sort((a, b) => counts[b]! - counts[a]! || a - b);
  return ids.slice(0, Math.max(0, top)).map((w) => {
    const count = counts[w]!;
    return {
      word: words[w] ?? '',
      count,
      unigram: tokens > 0 ? count / tokens : 0,
      noise: noiseTotal > 0 ? Math.pow(count, NOISE_POWER) / noiseTotal : 0,
      keep: keepOf(w),
    };
  });
}

/** The keep probability of one occurrence of word w under the mode's rule (see samplingTable). */
function keepRule(
  counts: ArrayLike<number>,
  tokens: number,
  sample: number,
  mode: ModeId,
): (w: number) => number {
  // As minibatchData: s = 0 turns CS224n's sub-sampling off (its formula would reject everything).
  if (mode === 'minibatch' && sample > 0) {
    const reject = rejectProbabilities(counts, tokens, sample);
    return (w) => 1 - reject[w]!;
  }
  const keep = keepThresholds(counts, tokens, sample);
  return (w) => keep[w]! / TWO_POW_32;
}
