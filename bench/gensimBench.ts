/**
 * gensim's speed on the benchmark's corpus: `npm run bench:gensim -- [--workers 1] [--corpus sotu]
 * [--epochs 5]`. Trains gensim's Word2Vec (bench/gensim.ts) with word2vec.c's classic settings —
 * skip-gram, negative sampling, d = 100, window 5, K = 5, sample 1e-3, min count 5 — on the very
 * token stream `npm run bench` trains on, and prints one JSON document in the same units (words
 * per second counted before sub-sampling). Run it right after `npm run bench -- --threads N` with
 * `--workers N` for the side-by-side figure. Needs a Python with gensim (Debian:
 * `apt-get install -y python3-gensim`); nothing else in the project does.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { defaultConfig } from '../src/core/engine';
import { benchCorpus, readBuiltIn, type BuiltInCorpus } from './corpora';
import { runGensim } from './gensim';

const { values: args } = parseArgs({
  options: {
    workers: { type: 'string', default: '1' },
    corpus: { type: 'string', default: 'sotu' },
    epochs: { type: 'string', default: '5' },
  },
});

const corpus = benchCorpus(readBuiltIn(args.corpus as BuiltInCorpus), 5);
const config = {
  ...defaultConfig({ model: 'skipgram', loss: 'ns', dim: 100, window: 5, negatives: 5 }),
  lr: 0.025,
  sample: 1e-3,
  epochs: Number(args.epochs),
};
const run = runGensim(corpus, config, Number(args.workers));
console.log(
  JSON.stringify(
    {
      corpus: args.corpus,
      tokens: corpus.tokens.length,
      ...run,
      loadAverage: Math.round(os.loadavg()[0]! * 100) / 100,
    },
    null,
    2,
  ),
);
