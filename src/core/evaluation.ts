/**
 * Intrinsic evaluation of word vectors, following gensim's `evaluate_word_pairs` and
 * `evaluate_word_analogies`:
 *
 * - word similarity (wordsim353, simlex999): Spearman's ρ between human scores and the cosine
 *   cos(v_a, v_b) over the pairs whose two words are known, with the coverage found / total;
 * - analogies (Google's questions-words): a : b :: c : ? answered by 3CosAdd (the word nearest to
 *   b̂ − â + ĉ, the three question words excluded) among the `restrict` most frequent words;
 *   accuracy = correct / questions covered, with the coverage covered / total.
 *
 * Matching is case-insensitive: words are lower-cased and, when two vocabulary words fold to the
 * same form, the more frequent (lower id) one is used, as gensim does. Text parsing is here;
 * reading files is the caller's business (this module has no I/O).
 */
import { analogy } from './neighbors';

/** One human-rated pair of a similarity data set. */
export interface WordPair {
  a: string;
  b: string;
  score: number;
}

/** One analogy question a : b :: c : expected, in a named section (": capital-world" …). */
export interface AnalogyQuestion {
  section: string;
  a: string;
  b: string;
  c: string;
  expected: string;
}

/** Unit-length vectors (W×d row-major, see `normalizeRows`) and their words, id order = frequency order. */
export interface EvalModel {
  words: readonly string[];
  unitVecs: Float32Array;
  dim: number;
}

/** Result of `evaluateSimilarity`. */
export interface SimilarityResult {
  /** Spearman's ρ over the found pairs (NaN when fewer than 2). */
  spearman: number;
  /** Pearson's r over the found pairs. */
  pearson: number;
  /** Pairs with both words in the vocabulary. */
  found: number;
  total: number;
}

/** Counts of one analogy section (or of a group of sections). */
export interface AnalogyCounts {
  name: string;
  correct: number;
  /** Questions whose four words are among the restricted vocabulary. */
  covered: number;
  total: number;
  /** correct / covered (NaN when nothing is covered). */
  accuracy: number;
}

/** Result of `evaluateAnalogies`: per section, the semantic and syntactic ("gram…") groups, and all. */
export interface AnalogyResult {
  sections: AnalogyCounts[];
  semantic: AnalogyCounts;
  syntactic: AnalogyCounts;
  total: AnalogyCounts;
}

/**
 * Parses a word-pair file: `word1 word2 score` per line (tab or space separated); lines starting
 * with `#` and blank lines are skipped.
 *
 * @throws naming the line when a line has fewer than 3 fields or a score that is not a number
 */
export function parseWordPairs(text: string): WordPair[] {
  const pairs: WordPair[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line.length === 0 || line.startsWith('#')) continue;
    const fields = line.split(/\s+/);
    const score = Number(fields[2]);
    if (fields.length < 3 || fields[2] === '' || !Number.isFinite(score)) {
      throw new Error(`line ${i + 1}: expected "word1 word2 score", got ${JSON.stringify(line)}`);
    }
    pairs.push({ a: fields[0]!, b: fields[1]!, score });
  }
  return pairs;
}

/**
 * Parses questions-words.txt: `: section` headers, then `a b c expected` per line.
 *
 * @throws naming the line when a question does not have exactly four words
 */
export function parseAnalogies(text: string): AnalogyQuestion[] {
  const questions: AnalogyQuestion[] = [];
  let section = '';
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line.length === 0) continue;
    if (line.startsWith(':')) {
      section = line.slice(1).trim();
      continue;
    }
    const words = line.split(/\s+/);
    if (words.length !== 4)
      throw new Error(`line ${i + 1}: expected "a b c expected", got ${JSON.stringify(line)}`);
    questions.push({ section, a: words[0]!, b: words[1]!, c: words[2]!, expected: words[3]! });
  }
  return questions;
}

/**
 * Ranks 1…n of x, ties sharing the mean of the ranks they span (x = [10, 20, 20, 5] →
 * [2, 3.5, 3.5, 1]). This is the ranking of Spearman's ρ with ties (scipy `rankdata('average')`).
 */
export function rankWithTies(x: ArrayLike<number>): Float64Array {
  const n = x.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => x[i]! - x[j]!);
  const ranks = new Float64Array(n);
  for (let start = 0; start < n;) {
    let end = start + 1;
    while (end < n && x[order[end]!] === x[order[start]!]) end++;
    // Positions start … end−1 hold equal values: ranks start+1 … end, mean (start + 1 + end) / 2.
    const rank = (start + 1 + end) / 2;
    for (let p = start; p < end; p++) ranks[order[p]!] = rank;
    start = end;
  }
  return ranks;
}

/**
 * Pearson's r = Σ (a_i − ā)(b_i − b̄) / √(Σ (a_i − ā)² · Σ (b_i − b̄)²).
 * NaN when n < 2 or either input is constant.
 */
export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length)
    throw new Error(`pearson: lengths differ (${a.length} vs ${b.length})`);
  const n = a.length;
  if (n < 2) return NaN;
  let meanA = 0;
  let meanB = 0;
  for (let i = 0; i < n; i++) {
    meanA += a[i]!;
    meanB += b[i]!;
  }
  meanA /= n;
  meanB /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i]! - meanA;
    const db = b[i]! - meanB;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return saa === 0 || sbb === 0 ? NaN : sab / Math.sqrt(saa * sbb);
}

/** Spearman's ρ: Pearson's r of the tie-averaged ranks (`rankWithTies`) of a and b. */
export function spearman(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length)
    throw new Error(`spearman: lengths differ (${a.length} vs ${b.length})`);
  return pearson(rankWithTies(a), rankWithTies(b));
}

/**
 * Lower-cased word → id over the first `restrict` ids; when two words fold to the same form the
 * lower id (more frequent) wins, as in gensim's case-insensitive evaluation.
 */
export function foldedIndex(words: readonly string[], restrict = Infinity): Map<string, number> {
  const index = new Map<string, number>();
  for (let id = Math.min(words.length, restrict) - 1; id >= 0; id--)
    index.set(words[id]!.toLowerCase(), id);
  return index;
}

/** cos(v_a, v_b) for unit rows a and b. */
function cosineOfRows(unitVecs: Float32Array, d: number, a: number, b: number): number {
  let s = 0;
  for (let j = 0; j < d; j++) s += unitVecs[a * d + j]! * unitVecs[b * d + j]!;
  return s;
}

/**
 * Spearman (and Pearson) correlation between human scores and model cosines, over the pairs
 * whose two words are among the first `restrict` words (default all); the others are skipped
 * and only counted in `total`.
 */
export function evaluateSimilarity(
  pairs: readonly WordPair[],
  model: EvalModel,
  restrict = Infinity,
): SimilarityResult {
  const index = foldedIndex(model.words, restrict);
  const human: number[] = [];
  const cosines: number[] = [];
  for (const pair of pairs) {
    const a = index.get(pair.a.toLowerCase());
    const b = index.get(pair.b.toLowerCase());
    if (a === undefined || b === undefined) continue;
    human.push(pair.score);
    cosines.push(cosineOfRows(model.unitVecs, model.dim, a, b));
  }
  return {
    spearman: spearman(human, cosines),
    pearson: pearson(human, cosines),
    found: human.length,
    total: pairs.length,
  };
}

/** Sums counts into a named group and recomputes its accuracy. */
function sumCounts(name: string, parts: readonly AnalogyCounts[]): AnalogyCounts {
  const sum = { name, correct: 0, covered: 0, total: 0, accuracy: NaN };
  for (const p of parts) {
    sum.correct += p.correct;
    sum.covered += p.covered;
    sum.total += p.total;
  }
  sum.accuracy = sum.covered > 0 ? sum.correct / sum.covered : NaN;
  return sum;
}

/**
 * The folded answer to a : b :: c : ?, as gensim picks it: among the top 5 by 3CosAdd, the first
 * whose lower-cased form is none of the question words' (a differently cased variant of a
 * question word is passed over). Undefined when there is no candidate.
 */
function answerAnalogy(
  model: EvalModel,
  a: number,
  b: number,
  c: number,
  limit: number,
): string | undefined {
  const ignore = new Set([a, b, c].map((id) => model.words[id]!.toLowerCase()));
  for (const candidate of analogy(model.unitVecs, model.dim, a, b, c, 5, limit)) {
    const word = model.words[candidate.id]!.toLowerCase();
    if (!ignore.has(word)) return word;
  }
  return undefined;
}

/**
 * Analogy accuracy by 3CosAdd, as gensim `evaluate_word_analogies(restrict_vocab=restrict)`: a
 * question is covered when its four words are among the `restrict` most frequent (default
 * 30,000); it is correct when the top answer among those words, a, b and c excluded, is
 * `expected`. Sections whose name starts with "gram" are syntactic, the others semantic.
 */
export function evaluateAnalogies(
  questions: readonly AnalogyQuestion[],
  model: EvalModel,
  restrict = 30_000,
): AnalogyResult {
  const index = foldedIndex(model.words, restrict);
  const limit = Math.min(model.words.length, restrict);
  const bySection = new Map<string, AnalogyCounts>();
  for (const q of questions) {
    let counts = bySection.get(q.section);
    if (counts === undefined) {
      counts = { name: q.section, correct: 0, covered: 0, total: 0, accuracy: NaN };
      bySection.set(q.section, counts);
    }
    counts.total++;
    const ids = [q.a, q.b, q.c, q.expected].map((w) => index.get(w.toLowerCase()));
    if (ids.some((id) => id === undefined)) continue;
    const [a, b, c] = ids as number[];
    counts.covered++;
    if (answerAnalogy(model, a!, b!, c!, limit) === q.expected.toLowerCase()) counts.correct++;
  }
  const sections = [...bySection.values()].map((s) => sumCounts(s.name, [s]));
  return {
    sections,
    semantic: sumCounts(
      'semantic',
      sections.filter((s) => !s.name.startsWith('gram')),
    ),
    syntactic: sumCounts(
      'syntactic',
      sections.filter((s) => s.name.startsWith('gram')),
    ),
    total: sumCounts('total', sections),
  };
}
