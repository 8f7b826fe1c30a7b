/**
 * gensim beside the app: writes the corpus the engine trains on as plain text, trains gensim's
 * Word2Vec on it with the same settings (bench/gensim_train.py, in a Python that has gensim), and
 * returns gensim's timing and the path of its vectors. Used by `npm run bench -- --gensim` and
 * `npm run eval -- --gensim`. gensim is not an npm package: on Debian `apt-get install -y
 * python3-gensim` provides gensim 4.2 for /usr/bin/python3. Nothing in `npm test` needs it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Corpus, TrainConfig } from '../src/core/types';

const SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'gensim_train.py');

/** What bench/gensim_train.py prints. */
export interface GensimRun {
  gensim: string;
  fastVersion: number;
  workers: number;
  vocabSize: number;
  corpusWords: number;
  epochs: number;
  trainSeconds: number;
  rawWords: number;
  effectiveWords: number;
  wordsPerSecond: number;
  /** The vectors, in word2vec's text format. */
  vectorsFile: string;
}

/** A Python that can import gensim ($GENSIM_PYTHON, python3 on the PATH, /usr/bin/python3), or null. */
export function findGensimPython(): string | null {
  const candidates = [process.env.GENSIM_PYTHON, 'python3', '/usr/bin/python3'];
  for (const python of candidates) {
    if (!python) continue;
    const probe = spawnSync(python, ['-c', 'import gensim'], { stdio: 'ignore' });
    if (probe.status === 0) return python;
  }
  return null;
}

/** One sentence per line, the in-vocabulary tokens exactly as the engine sees them. */
export function writeCorpusText(corpus: Corpus, file: string): void {
  const { words } = corpus.vocab;
  const lines: string[] = [];
  for (let s = 0; s + 1 < corpus.sentenceStarts.length; s++) {
    const sentence = corpus.tokens.subarray(corpus.sentenceStarts[s], corpus.sentenceStarts[s + 1]);
    lines.push(Array.from(sentence, (id) => words[id]).join(' '));
  }
  writeFileSync(file, lines.join('\n') + '\n');
}

/**
 * Trains gensim on `corpus` with `config`'s settings (skip-gram or CBOW, NS or HS; stream mode)
 * and `workers` threads. Throws when no Python with gensim is found.
 */
export function runGensim(corpus: Corpus, config: TrainConfig, workers: number): GensimRun {
  const python = findGensimPython();
  if (python === null) {
    throw new Error(
      'gensim not found: install it (Debian: apt-get install -y python3-gensim) or set GENSIM_PYTHON',
    );
  }
  if (config.loss === 'softmax' || config.mode !== 'stream') {
    throw new Error(
      'gensim runs only the stream mode with negative sampling or hierarchical softmax',
    );
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'w2v-gensim-'));
  const corpusFile = path.join(dir, 'corpus.txt');
  const vectorsFile = path.join(dir, `vectors-${workers}.txt`);
  writeCorpusText(corpus, corpusFile);
  const flags = {
    workers,
    dim: config.dim,
    window: config.window,
    negatives: config.negatives,
    sample: config.sample,
    'min-count': 1,
    epochs: config.epochs,
    alpha: config.lr,
    seed: config.seed,
    sg: config.model === 'skipgram' ? 1 : 0,
    hs: config.loss === 'hs' ? 1 : 0,
  };
  const argv = Object.entries(flags).flatMap(([k, v]) => [`--${k}`, String(v)]);
  const out = execFileSync(python, [SCRIPT, corpusFile, vectorsFile, ...argv], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return {
    ...(JSON.parse(out.trim().split('\n').pop()!) as Omit<GensimRun, 'vectorsFile'>),
    vectorsFile,
  };
}
