/**
 * The built-in real corpora of the benchmark, read from the @stdlib dataset packages:
 * the State of the Union addresses (one file per address) and Moby Dick (the whole book in
 * `data.txt`; the per-chapter files repeat it, so they are not read again).
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCorpus, corpusFromText, isSstFormat, parseSstSentences } from '../src/core/corpus';
import type { Corpus } from '../src/core/types';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATASETS = path.join(REPO_ROOT, 'node_modules', '@stdlib');

/** Names accepted by `--corpus`. */
export type BuiltInCorpus = 'sotu' | 'moby' | 'both';

/** Concatenates the .txt files of a dataset folder (sorted by name), one newline between them. */
function readTextFiles(dir: string, only?: string): string {
  if (!existsSync(dir)) throw new Error(`dataset folder not found: ${dir} (run npm install)`);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt') && (only === undefined || f === only))
    .sort();
  return files.map((f) => readFileSync(path.join(dir, f), 'utf8')).join('\n');
}

/** The State of the Union addresses, 1790 onwards, as one text. */
export function readSotu(): string {
  return readTextFiles(path.join(DATASETS, 'datasets-sotu', 'data'));
}

/** Moby Dick as one text. */
export function readMobyDick(): string {
  return readTextFiles(path.join(DATASETS, 'datasets-moby-dick', 'data'), 'data.txt');
}

/** The text of a built-in corpus by name. */
export function readBuiltIn(name: BuiltInCorpus): string {
  if (name === 'sotu') return readSotu();
  if (name === 'moby') return readMobyDick();
  return `${readSotu()}\n${readMobyDick()}`;
}

/**
 * A text as a corpus, read as the app reads an opened file when it is CS224n's
 * datasetSentences.txt (its header line skipped, the sentence-index column dropped, whitespace
 * tokens lower-cased, one sentence per line, min count 1 unless given); any other text the
 * benchmark's own way: lower-cased letters only, one token stream cut every 1,000 words, min
 * count 5 unless given.
 */
export function benchCorpus(text: string, minCount: number | undefined): Corpus {
  if (isSstFormat(text)) return buildCorpus(parseSstSentences(text), { minCount: minCount ?? 1 });
  return corpusFromText(text, {
    split: 'none',
    keepDigits: false,
    minCount: minCount ?? 5,
    maxSentenceLength: 1000,
  });
}
