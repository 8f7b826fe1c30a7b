/**
 * From raw text to a `Corpus`: tokenisation, vocabulary counting and the token-id stream.
 *
 * Two readers feed the same builder:
 * - `tokenize` for ordinary text (runs of Unicode letters and digits, lower-cased), and
 * - `parseSstSentences` for the CS224n/SST `datasetSentences.txt` file, read exactly as the
 *   assignment reads it (whitespace tokens, lower-cased, nothing filtered).
 *
 * `buildCorpus` then counts words, applies the min-count and max-vocabulary cuts, sorts the
 * vocabulary by count (ties: first appearance first) and writes every in-vocabulary token into
 * one `Int32Array`, with sentence boundaries kept in `sentenceStarts` (see `Corpus` in types.ts).
 */
import type { Corpus, Vocab } from './types';

/** Options of `buildCorpus`. */
export interface CorpusOptions {
  /** Words seen fewer than this many times are dropped from the vocabulary. Default 1. */
  minCount?: number;
  /** Keep only the this many most frequent words (after minCount). Default: no limit. */
  maxVocab?: number;
  /**
   * Longer sentences are cut into pieces of at most this many in-vocabulary tokens, the rest
   * continuing as the next sentence, as word2vec.c's `MAX_SENTENCE_LENGTH`. Default 1000.
   */
  maxSentenceLength?: number;
}

/** Options of `tokenize`. */
export interface TokenizeOptions {
  /**
   * Where sentences end. `sentences`: at a line break or at `.`, `!`, `?`; `lines`: at line
   * breaks only; `none`: the whole text is one token stream. Default `sentences`.
   */
  split?: 'sentences' | 'lines' | 'none';
  /** Keep digits as word characters ("route66" stays one token). Default true. */
  keepDigits?: boolean;
}

/** Summary numbers of a corpus, for display. */
export interface CorpusStats {
  /** In-vocabulary tokens (= tokens.length = vocab.totalCount). */
  tokens: number;
  /** Vocabulary size W. */
  vocabSize: number;
  /** Stored (non-empty) sentences. */
  sentences: number;
  /** The most frequent words, most frequent first. */
  topWords: { word: string; count: number }[];
}

const DEFAULT_MAX_SENTENCE_LENGTH = 1000;

// One regex per tokeniser flavour. A word is a letter (or digit) followed by letters, digits and
// combining marks; the alternatives after `|` are single sentence terminators, returned as their
// own matches so that one `String.prototype.match` pass yields words and boundaries together.
const WORD_WITH_DIGITS = '[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}]*';
const WORD_LETTERS_ONLY = '\\p{L}[\\p{L}\\p{M}]*';
const LINE_BREAKS = '\\n\\r\\u2028\\u2029';
// Every character a pattern below may match on its own, besides one-letter or one-digit words.
const TERMINATORS = '.!?\n\r\u2028\u2029';
const TOKEN_PATTERNS = {
  sentences: `|[.!?${LINE_BREAKS}]`,
  lines: `|[${LINE_BREAKS}]`,
  none: '',
} as const;

/**
 * Splits text into lower-cased word tokens, grouped into sentences.
 *
 * A token is a maximal run of Unicode letters (`\p{L}`, with combining marks `\p{M}` attached)
 * and, when `keepDigits`, digits (`\p{N}`). Everything else separates tokens, so an apostrophe
 * splits a word: "Don't" → ["don", "t"], and "3.5" → ["3"], ["5"] in 'sentences' mode since `.`
 * ends a sentence. Empty sentences (e.g. after "...") are not returned.
 *
 * Cost: one `toLowerCase` and one regex pass over the text, plus a loop over the matches.
 *
 * @returns sentences, each an array of tokens; 'none' gives at most one sentence
 */
export function tokenize(text: string, options: TokenizeOptions = {}): string[][] {
  const split = options.split ?? 'sentences';
  const word = (options.keepDigits ?? true) ? WORD_WITH_DIGITS : WORD_LETTERS_ONLY;
  const matches = text.toLowerCase().match(new RegExp(word + TOKEN_PATTERNS[split], 'gu')) ?? [];
  if (split === 'none') return matches.length > 0 ? [matches] : [];

  const sentences: string[][] = [];
  let start = 0;
  for (let i = 0; i < matches.length; i++) {
    // A terminator is a one-character match that is not a letter or digit.
    const m = matches[i]!;
    if (m.length === 1 && TERMINATORS.includes(m)) {
      if (i > start) sentences.push(matches.slice(start, i));
      start = i + 1;
    }
  }
  if (matches.length > start) sentences.push(matches.slice(start));
  return sentences;
}

/** First-pass result: ids in order of first appearance, and the raw token stream. */
interface RawCounts {
  words: string[];
  counts: number[];
  rawTokens: Int32Array;
  /** Length of each input sentence in raw tokens. */
  sentenceLengths: number[];
}

/** One pass over the sentences: assigns first-appearance ids, counts, and records the stream. */
function countRaw(sentences: Iterable<readonly string[]>): RawCounts {
  const index = new Map<string, number>();
  const words: string[] = [];
  const counts: number[] = [];
  const sentenceLengths: number[] = [];
  let rawTokens = new Int32Array(1024);
  let n = 0;
  for (const sentence of sentences) {
    if (n + sentence.length > rawTokens.length) {
      const grown = new Int32Array(Math.max(rawTokens.length * 2, n + sentence.length));
      grown.set(rawTokens);
      rawTokens = grown;
    }
    for (const w of sentence) {
      let id = index.get(w);
      if (id === undefined) {
        id = words.length;
        index.set(w, id);
        words.push(w);
        counts.push(0);
      }
      counts[id]!++;
      rawTokens[n++] = id;
    }
    sentenceLengths.push(sentence.length);
  }
  return { words, counts, rawTokens: rawTokens.subarray(0, n), sentenceLengths };
}

/**
 * Chooses the vocabulary: raw ids with count ≥ minCount, sorted by count descending (a stable
 * sort over first-appearance ids breaks ties by first appearance), cut to maxVocab.
 *
 * @returns the kept raw ids in final order
 */
function selectVocab(counts: readonly number[], minCount: number, maxVocab: number): number[] {
  const kept: number[] = [];
  for (let id = 0; id < counts.length; id++) if (counts[id]! >= minCount) kept.push(id);
  kept.sort((a, b) => counts[b]! - counts[a]!);
  return kept.length > maxVocab ? kept.slice(0, maxVocab) : kept;
}

/**
 * Builds a `Vocab` from words already in their final order (count descending).
 *
 * @param words - words[i] is word id i
 * @param counts - counts[i] is the count of word i; totalCount = Σ counts
 */
export function createVocab(words: readonly string[], counts: ArrayLike<number>): Vocab {
  if (words.length !== counts.length)
    throw new Error('createVocab: words and counts differ in length');
  const index = new Map<string, number>();
  const countArray = Float64Array.from(counts);
  let totalCount = 0;
  for (let i = 0; i < words.length; i++) {
    if (index.has(words[i]!)) throw new Error(`createVocab: duplicate word "${words[i]}"`);
    index.set(words[i]!, i);
    totalCount += countArray[i]!;
  }
  return { words: words.slice(), counts: countArray, index, totalCount };
}

/**
 * Counts words and turns sentences of string tokens into a `Corpus`.
 *
 * - vocabulary: words with count ≥ minCount, the maxVocab most frequent, sorted by count
 *   descending, ties broken by first appearance;
 * - tokens: every in-vocabulary token in reading order (out-of-vocabulary tokens are dropped);
 * - sentences: a sentence longer than maxSentenceLength in-vocabulary tokens is cut into pieces
 *   of that length; sentences left empty are not stored.
 *
 * The input is read once, so a generator works. Invariant: tokens.length = vocab.totalCount.
 */
export function buildCorpus(
  sentences: Iterable<readonly string[]>,
  options: CorpusOptions = {},
): Corpus {
  const minCount = options.minCount ?? 1;
  const maxVocab = options.maxVocab ?? Infinity;
  const maxLength = options.maxSentenceLength ?? DEFAULT_MAX_SENTENCE_LENGTH;
  if (!(maxLength >= 1))
    throw new Error(`buildCorpus: maxSentenceLength must be ≥ 1, got ${maxLength}`);
  if (!(maxVocab >= 0)) throw new Error(`buildCorpus: maxVocab must be ≥ 0, got ${maxVocab}`);

  const raw = countRaw(sentences);
  const order = selectVocab(raw.counts, minCount, maxVocab);
  // rawToId maps a first-appearance id to its final id, or −1 when the word was dropped.
  const rawToId = new Int32Array(raw.words.length).fill(-1);
  order.forEach((rawId, id) => (rawToId[rawId] = id));
  const vocab = createVocab(
    order.map((rawId) => raw.words[rawId]!),
    order.map((rawId) => raw.counts[rawId]!),
  );

  return { vocab, ...writeTokens(raw, rawToId, vocab.totalCount, maxLength) };
}

/**
 * Maps the raw stream to final ids, dropping out-of-vocabulary tokens (rawToId −1), and records
 * sentence starts, cutting pieces of maxLength tokens and skipping sentences left empty.
 */
function writeTokens(
  raw: RawCounts,
  rawToId: Int32Array,
  totalCount: number,
  maxLength: number,
): { tokens: Int32Array; sentenceStarts: Int32Array } {
  const tokens = new Int32Array(totalCount);
  const starts: number[] = [0];
  let n = 0;
  let r = 0;
  for (const length of raw.sentenceLengths) {
    let inSentence = 0;
    for (const end = r + length; r < end; r++) {
      const id = rawToId[raw.rawTokens[r]!]!;
      if (id < 0) continue;
      // Cut before the token that would make the piece longer than maxLength.
      if (inSentence === maxLength) {
        starts.push(n);
        inSentence = 0;
      }
      tokens[n++] = id;
      inSentence++;
    }
    if (inSentence > 0) starts.push(n);
  }
  return { tokens, sentenceStarts: Int32Array.from(starts) };
}

/** `tokenize` then `buildCorpus`, with both option sets in one object. */
export function corpusFromText(
  text: string,
  options: CorpusOptions & TokenizeOptions = {},
): Corpus {
  return buildCorpus(tokenize(text, options), options);
}

const SST_HEADER = 'sentence_index\tsentence';
// Python's str.split() whitespace (ASCII space and controls, U+001C–U+001F, U+0085, and the
// Unicode space separators), so that tokens match the assignment's `line.strip().split()`.
const PY_WHITESPACE =
  // eslint-disable-next-line no-control-regex -- U+001C–U+001F are whitespace to Python
  /[\t\n\v\f\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

/** True when the text starts with the SST `datasetSentences.txt` header `sentence_index<TAB>sentence`. */
export function isSstFormat(text: string): boolean {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!body.startsWith(SST_HEADER)) return false;
  const next = body.charAt(SST_HEADER.length);
  return next === '' || next === '\n' || next === '\r';
}

/**
 * Reads CS224n/SST `datasetSentences.txt` as the assignment's `StanfordSentiment.sentences()`:
 * skip the header line; for every other line, `line.strip().split()[1:]` lower-cased (the first
 * field is the sentence index). No character is filtered: "``", "'s" and "," are tokens.
 * Lines (\n, \r\n or \r, like Python's universal newlines) that hold no token after the index
 * are skipped.
 */
export function parseSstSentences(text: string): string[][] {
  const lines = text.split(/\r\n|\r|\n/);
  const sentences: string[][] = [];
  for (let i = 1; i < lines.length; i++) {
    const fields = lines[i]!.split(PY_WHITESPACE).filter((f) => f.length > 0);
    if (fields.length < 2) continue;
    const sentence = new Array<string>(fields.length - 1);
    for (let j = 1; j < fields.length; j++) sentence[j - 1] = fields[j]!.toLowerCase();
    sentences.push(sentence);
  }
  return sentences;
}

/** Token, vocabulary and sentence counts, and the `top` most frequent words (default 10). */
export function corpusStats(corpus: Corpus, top = 10): CorpusStats {
  const { vocab } = corpus;
  const shown = Math.min(Math.max(0, top), vocab.words.length);
  const topWords: { word: string; count: number }[] = [];
  // The vocabulary is sorted by count, so the top words are its first rows.
  for (let i = 0; i < shown; i++) topWords.push({ word: vocab.words[i]!, count: vocab.counts[i]! });
  return {
    tokens: corpus.tokens.length,
    vocabSize: vocab.words.length,
    sentences: corpus.sentenceStarts.length - 1,
    topWords,
  };
}
