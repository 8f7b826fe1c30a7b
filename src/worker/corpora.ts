/**
 * Resolves a `CorpusSource` to a tokenised corpus, with plain-words errors for input that cannot
 * be trained on (empty, binary, too large, fewer than two different words).
 *
 * The teaching corpus is bundled with the worker; Moby Dick and the State of the Union addresses
 * come from the app's own gzip assets through the injected `fetchText`. Large texts are read in
 * pieces of a quarter of a million characters, with `progress` awaited between pieces so that
 * the worker still answers messages and can show how far it got.
 */
import { buildCorpus, corpusStats, isSstFormat, parseSstSentences, tokenize } from '../core/corpus';
import { TEACHING_CORPUS } from '../core/corpora/teaching';
import type { Corpus } from '../core/types';
import type { AssetCorpusId } from './corpusAssets';
import type { BuiltinCorpusId, CorpusInfo, CorpusSource } from './protocol';
import type { ViewKey } from './views';

/** Texts longer than this many characters (~100 MB of ASCII) are refused. */
export const MAX_TEXT_CHARS = 100 * 1024 * 1024;
/** Characters per piece when reading a large text (~25 ms of tokenising each). */
const PIECE_CHARS = 1 << 18;
/** Above this many raw tokens an uploaded text drops words seen fewer than 5 times. */
const SMALL_TEXT_TOKENS = 50_000;

interface BuiltinCorpus {
  name: string;
  minCount: number;
}

/** The corpora that ship with the app, by id. */
const BUILTIN_CORPORA: Record<BuiltinCorpusId, BuiltinCorpus> = {
  // Written for this app: every word matters, so nothing is cut by count.
  teaching: { name: 'the teaching corpus', minCount: 1 },
  // Large real texts: words seen fewer than 5 times get too few updates to place (word2vec.c's
  // default cut), and dropping them shrinks the vocabulary several-fold.
  moby: { name: 'Moby Dick', minCount: 5 },
  sotu: { name: 'the State of the Union addresses', minCount: 5 },
};

/** A loaded corpus, its summary, and which default view and word groups it uses. */
export interface LoadedCorpus {
  corpus: Corpus;
  info: CorpusInfo;
  viewKey: ViewKey;
}

export interface LoadOptions {
  minCount?: number;
  maxVocab?: number;
}

export interface LoadDeps {
  /** The text of an asset corpus (Moby Dick, SOTU). */
  fetchText(id: AssetCorpusId): Promise<string>;
  /** Awaited between pieces of a large text with the fraction read so far. */
  progress(fraction: number): Promise<void>;
}

/** How a source is called in messages. */
export function sourceName(source: CorpusSource): string {
  return source.kind === 'builtin' ? BUILTIN_CORPORA[source.id].name : `“${source.name}”`;
}

/**
 * Loads and tokenises `source`. Ordinary text is read with `tokenize` (sentences end at . ! ?
 * and line breaks); a file starting with the SST header with `parseSstSentences`. Throws an
 * Error whose message says, in plain words, why the text cannot be used.
 */
export async function loadCorpus(
  source: CorpusSource,
  options: LoadOptions,
  deps: LoadDeps,
): Promise<LoadedCorpus> {
  const name = sourceName(source);
  const text = await sourceText(source, deps);
  checkText(name, text);
  const format = source.kind === 'text' && isSstFormat(text) ? 'sst' : 'text';
  const sentences = await readSentences(text, format, deps.progress);
  let words = 0;
  for (const sentence of sentences) words += sentence.length;
  const minCount = options.minCount ?? defaultMinCount(source, format, words);
  const corpus = buildCorpus(sentences, { minCount, maxVocab: options.maxVocab });
  if (corpus.vocab.words.length < 2) throw new Error(tooFewWords(name, sentences, minCount));
  const stats = corpusStats(corpus, 10);
  const id = source.kind === 'builtin' ? source.id : 'custom';
  return {
    corpus,
    info: { id, format, name: displayName(source), words, ...stats },
    viewKey: format === 'sst' ? 'sst' : id,
  };
}

function displayName(source: CorpusSource): string {
  return source.kind === 'builtin' ? BUILTIN_CORPORA[source.id].name : source.name;
}

async function sourceText(source: CorpusSource, deps: LoadDeps): Promise<string> {
  if (source.kind === 'text') return source.text;
  return source.id === 'teaching' ? TEACHING_CORPUS : deps.fetchText(source.id);
}

/**
 * The corpus's own min-count: 1 for the teaching corpus and for SST (the assignment keeps every
 * word), 5 for the large built-ins, and for other text 1 when small (every word counts in a short
 * text) or 5 from 50,000 tokens on.
 */
function defaultMinCount(source: CorpusSource, format: 'text' | 'sst', words: number): number {
  if (source.kind === 'builtin') return BUILTIN_CORPORA[source.id].minCount;
  if (format === 'sst') return 1;
  return words < SMALL_TEXT_TOKENS ? 1 : 5;
}

/** Refuses text that is too large, empty, or binary (NUL bytes, or mostly not text). */
export function checkText(name: string, text: string): void {
  if (text.length > MAX_TEXT_CHARS) {
    const mb = Math.round(text.length / (1024 * 1024));
    throw new Error(`${name} is too large (about ${mb} MB); the limit is 100 MB`);
  }
  if (text.trim().length === 0) throw new Error(`${name} is empty`);
  if (looksBinary(text)) {
    throw new Error(
      `${name} does not look like plain text (it holds binary data); open a .txt file`,
    );
  }
}

/**
 * True when the text has a NUL character, or when more than a tenth of its first 64k characters
 * are control characters (other than tab, line breaks, form feed) or U+FFFD, the mark a decoder
 * leaves for bytes that are not valid UTF-8 — what a PDF, an image or a zip looks like as text.
 */
function looksBinary(text: string): boolean {
  if (text.includes('\0')) return true;
  const sample = Math.min(text.length, 1 << 16);
  let odd = 0;
  for (let i = 0; i < sample; i++) {
    const c = text.charCodeAt(i);
    const isControl =
      (c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || (c >= 0x7f && c < 0xa0);
    if (isControl || c === 0xfffd) odd++;
  }
  return odd > sample / 10;
}

/** The message for a vocabulary of fewer than two words. */
function tooFewWords(name: string, sentences: readonly string[][], minCount: number): string {
  const distinct = new Set<string>();
  for (const sentence of sentences) for (const w of sentence) distinct.add(w);
  if (distinct.size === 0) return `${name} contains no words`;
  if (distinct.size === 1) {
    return `${name} needs at least two different words (it only has “${[...distinct][0]}”)`;
  }
  return `${name} needs at least two different words seen ${minCount} times or more; lower the min count`;
}

/**
 * Reads the text piece by piece. Pieces end just after a line break (or, for ordinary text, a
 * sentence end), where both readers start a new sentence anyway, so the result is exactly that of
 * reading the text in one go. A text with no such place in a piece's reach is read whole.
 */
async function readSentences(
  text: string,
  format: 'text' | 'sst',
  progress: (fraction: number) => Promise<void>,
): Promise<string[][]> {
  const marks = format === 'sst' ? ['\n', '\r'] : ['\n', '.', '!', '?', '\r'];
  const sentences: string[][] = [];
  for (let start = 0; start < text.length;) {
    const end = pieceEnd(text, start, marks);
    const piece = text.slice(start, end);
    // parseSstSentences skips its first line (the header): later pieces get an empty one.
    const read =
      format === 'sst' ? parseSstSentences(start === 0 ? piece : `\n${piece}`) : tokenize(piece);
    for (const sentence of read) sentences.push(sentence);
    start = end;
    if (start < text.length) await progress(start / text.length);
  }
  return sentences;
}

/** Where the piece starting at `start` ends: just after the first mark found past PIECE_CHARS. */
function pieceEnd(text: string, start: number, marks: readonly string[]): number {
  const from = start + PIECE_CHARS;
  if (from >= text.length) return text.length;
  for (const mark of marks) {
    const at = text.indexOf(mark, from);
    if (at >= 0 && at < from + PIECE_CHARS) return at + 1;
  }
  return text.length;
}
