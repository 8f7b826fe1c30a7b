/**
 * The data side of minibatch mode, as CS224n builds and samples it (MATH.md §10): the
 * sub-sampled, replicated corpus and the random windows (with their negatives) of one batch.
 */
import type { AliasTable } from './sampling';
import { drawAlias, rejectProbabilities } from './sampling';
import { xoshiroInt, xoshiroNext } from './rng';
import type { Corpus, TrainConfig } from './types';

/** CS224n replicates the corpus this many times before sub-sampling it. */
export const REPLICAS = 30;

/** The replicated, sub-sampled sentences: tokens with CSR sentence starts. */
export interface ReplicatedData {
  readonly tokens: Int32Array;
  /** Length sentences + 1. */
  readonly starts: Int32Array;
}

/**
 * The windows of one batch. Window b: centre centers[b], context ctx[ctxStarts[b] … ctxStarts[b+1]).
 * Negatives, K per pair: skip-gram pair j (the j-th context entry overall) owns negs[j·K … j·K+K);
 * CBOW window b owns negs[b·K … b·K+K).
 */
export interface BatchPlan {
  size: number;
  centers: Int32Array;
  ctxStarts: Int32Array;
  ctx: Int32Array;
  negs: Int32Array;
}

/** Most replicated tokens a kernel memory reserves room for (128 MB); see `batchCapacity`. */
export const MAX_BATCH_TOKENS = 2 ** 25;

/**
 * The room `buildReplicatedData` may need in a kernel's memory (every token kept, 30 times), or
 * null when that exceeds MAX_BATCH_TOKENS: the run then keeps its data on the JavaScript heap and
 * takes the plan-by-plan path.
 */
export function batchCapacity(corpus: Corpus): { tokens: number; sentences: number } | null {
  const tokens = corpus.tokens.length * REPLICAS;
  if (tokens > MAX_BATCH_TOKENS) return null;
  return { tokens, sentences: (corpus.sentenceStarts.length - 1) * REPLICAS };
}

/**
 * CS224n `allSentences`: the corpus replicated 30 times; each token dropped with probability
 * rejectProb(w) = max(0, 1 − √(s·T / count(w))) (no draw when it is 0; s = 0 turns dropping
 * off); sentences left with ≤ 1 token removed. Throws when no sentence with two different words
 * survives (no window would ever have a context).
 *
 * @param rng - xoshiro128** state, advanced in place
 * @param into - buffers to write into (room as `batchCapacity` says); the result is then views
 *   of them. Default: fresh arrays.
 */
export function buildReplicatedData(
  corpus: Corpus,
  sample: number,
  rng: Uint32Array,
  into?: ReplicatedData,
): ReplicatedData {
  const { tokens, sentenceStarts } = corpus;
  const reject =
    sample > 0
      ? rejectProbabilities(corpus.vocab.counts, tokens.length, sample)
      : new Float64Array(corpus.vocab.counts.length);
  const sentences = sentenceStarts.length - 1;
  const out = into?.tokens ?? new Int32Array(tokens.length * REPLICAS);
  const starts = into?.starts ?? new Int32Array(sentences * REPLICAS + 1);
  if (out.length < tokens.length * REPLICAS || starts.length < sentences * REPLICAS + 1)
    throw new RangeError('buildReplicatedData: the buffers are too small for this corpus');
  let length = 0;
  let count = 0;
  let isUsable = false;
  for (let copy = 0; copy < REPLICAS; copy++) {
    for (let s = 0; s < sentences; s++) {
      const begin = length;
      for (let i = sentenceStarts[s]!; i < sentenceStarts[s + 1]!; i++) {
        const w = tokens[i]!;
        const p = reject[w]!;
        if (p <= 0 || xoshiroNext(rng) / 4294967296 >= p) out[length++] = w;
      }
      if (length - begin <= 1) {
        length = begin;
        continue;
      }
      starts[++count] = length;
      for (let i = begin + 1; i < length && !isUsable; i++) isUsable = out[i] !== out[begin];
    }
  }
  if (!isUsable)
    throw new Error(
      'minibatch mode needs a sentence with two different words (after sub-sampling)',
    );
  starts[0] = 0;
  if (into) return { tokens: out.subarray(0, length), starts: starts.subarray(0, count + 1) };
  // Copy only when most of the buffer went unused; otherwise keep a view and skip the copy.
  const kept = length < out.length / 2 ? out.slice(0, length) : out.subarray(0, length);
  return { tokens: kept, starts: starts.slice(0, count + 1) };
}

/**
 * Draws one window (CS224n `getRandomContext` with radius C1): a uniform sentence, a uniform centre
 * position, the up-to-C1 tokens on each side minus those equal to the centre; an empty context is
 * drawn again with the same C1. Writes the centre to plan.centers[b] and the context at
 * plan.ctx[at …]; returns the context length.
 */
function drawWindow(
  data: ReplicatedData,
  radius: number,
  plan: BatchPlan,
  b: number,
  at: number,
  rng: Uint32Array,
): number {
  const sentences = data.starts.length - 1;
  for (;;) {
    const s = xoshiroInt(rng, sentences);
    const begin = data.starts[s]!;
    const end = data.starts[s + 1]!;
    const pos = begin + xoshiroInt(rng, end - begin);
    const center = data.tokens[pos]!;
    let n = 0;
    const hi = Math.min(end, pos + radius + 1);
    for (let q = Math.max(begin, pos - radius); q < hi; q++) {
      if (q !== pos && data.tokens[q] !== center) plan.ctx[at + n++] = data.tokens[q]!;
    }
    if (n > 0) {
      plan.centers[b] = center;
      return n;
    }
  }
}

/** Makes sure the plan's arrays fit size windows of radius ≤ m with K negatives per pair. */
function ensureCapacity(plan: BatchPlan, size: number, m: number, K: number): void {
  if (plan.centers.length < size) {
    plan.centers = new Int32Array(size);
    plan.ctxStarts = new Int32Array(size + 1);
  }
  if (plan.ctx.length < size * 2 * m) plan.ctx = new Int32Array(size * 2 * m);
  if (plan.negs.length < size * 2 * m * K) plan.negs = new Int32Array(size * 2 * m * K);
}

/**
 * Fills `plan` with config.batchSize windows (radius C1 uniform in 1…m each) and, when asked,
 * K negatives per pair from the noise distribution (alias table of the 1e6-entry table), a draw
 * equal to the pair's target redrawn (CS224n).
 */
export function sampleBatch(
  data: ReplicatedData,
  plan: BatchPlan,
  config: Readonly<TrainConfig>,
  needsNegatives: boolean,
  noise: AliasTable,
  rng: Uint32Array,
): void {
  const { batchSize: B, window: m, negatives: K } = config;
  ensureCapacity(plan, B, m, needsNegatives ? K : 0);
  plan.size = B;
  plan.ctxStarts[0] = 0;
  for (let b = 0; b < B; b++) {
    const radius = 1 + xoshiroInt(rng, m);
    const at = plan.ctxStarts[b]!;
    const end = at + drawWindow(data, radius, plan, b, at, rng);
    plan.ctxStarts[b + 1] = end;
    if (!needsNegatives) continue;
    if (config.model === 'cbow') drawNegatives(plan.negs, b * K, K, plan.centers[b]!, noise, rng);
    else
      for (let j = at; j < end; j++) drawNegatives(plan.negs, j * K, K, plan.ctx[j]!, noise, rng);
  }
}

/**
 * K noise words into out[at …], each ≠ target (redrawn). If the noise hardly holds any other
 * word, gives up after 1000 tries and takes word 0 (word 1 when the target is 0), so the loop
 * always ends.
 */
function drawNegatives(
  out: Int32Array,
  at: number,
  K: number,
  target: number,
  noise: AliasTable,
  rng: Uint32Array,
): void {
  for (let k = 0; k < K; k++) {
    let w = target;
    for (let tries = 0; w === target && tries < 1000; tries++)
      w = drawAlias(rng, noise.prob, noise.alias);
    out[at + k] = w === target ? (target === 0 ? 1 : 0) : w;
  }
}
