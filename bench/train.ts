/**
 * Training benchmark: `npm run bench -- [flags]` (runs `tsx bench/train.ts`).
 *
 * Trains the engine in Node on a real corpus — the State of the Union addresses, Moby Dick, both,
 * or any text file — lower-cased with non-letters as spaces (tokenize split 'none', keepDigits
 * false), min count 5, sentences cut at 1,000 words, with word2vec.c's classic settings by default
 * (skip-gram, negative sampling, d = 100, window 5, K = 5, sample 1e-3, 5 epochs, α₀ = 0.025).
 * Prints words/second (in-vocabulary tokens read × epochs, as word2vec.c counts), wall time,
 * peak memory (rss and heap sampled between training slices) and the final loss. `--json` prints
 * one JSON document instead. Benchmarks never gate the tests.
 *
 * Flags: --corpus sotu|moby|both, --file any.txt, --min-count N, --model, --loss, --mode, --dim,
 * --window, --negatives, --lr, --sample, --epochs, --iterations, --batch, --anneal-every, --seed,
 * --cbow-update, --json.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { corpusFromText } from '../src/core/corpus';
import { createEngine, defaultConfig } from '../src/core/engine';
import type { Engine, TrainConfig } from '../src/core/types';
import { readBuiltIn, type BuiltInCorpus } from './corpora';

const { values: args } = parseArgs({
  options: {
    corpus: { type: 'string', default: 'sotu' },
    file: { type: 'string' },
    'min-count': { type: 'string', default: '5' },
    model: { type: 'string' },
    loss: { type: 'string' },
    mode: { type: 'string' },
    dim: { type: 'string' },
    window: { type: 'string' },
    negatives: { type: 'string' },
    lr: { type: 'string' },
    sample: { type: 'string' },
    epochs: { type: 'string' },
    iterations: { type: 'string' },
    batch: { type: 'string' },
    'anneal-every': { type: 'string' },
    seed: { type: 'string' },
    'cbow-update': { type: 'string' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (args.help) {
  // The file's header comment is the manual.
  console.log(`npm run bench -- [flags]

  --corpus sotu|moby|both   built-in corpus (default sotu)   --file PATH   any text file instead
  --min-count N (5)   --model skipgram|cbow   --loss ns|hs|softmax   --mode stream|minibatch
  --dim --window --negatives --lr --sample --epochs --iterations --batch --anneal-every --seed
  --cbow-update exact|word2vec   --json   one JSON document on stdout`);
  process.exit(0);
}

/** TrainConfig from the flags: word2vec.c defaults, then whatever was given. */
function configFromArgs(): TrainConfig {
  const partial: Partial<TrainConfig> = {};
  const num = (flag: string | undefined): number | undefined =>
    flag === undefined ? undefined : Number(flag);
  const set = <K extends keyof TrainConfig>(key: K, value: TrainConfig[K] | undefined) => {
    if (value !== undefined) partial[key] = value;
  };
  set('model', args.model as TrainConfig['model'] | undefined);
  set('loss', args.loss as TrainConfig['loss'] | undefined);
  set('mode', args.mode as TrainConfig['mode'] | undefined);
  set('cbowUpdate', args['cbow-update'] as TrainConfig['cbowUpdate'] | undefined);
  set('dim', num(args.dim));
  set('window', num(args.window));
  set('negatives', num(args.negatives));
  set('lr', num(args.lr));
  set('sample', num(args.sample));
  set('epochs', num(args.epochs));
  set('iterations', num(args.iterations));
  set('batchSize', num(args.batch));
  set('annealEvery', num(args['anneal-every']));
  set('seed', num(args.seed));
  return defaultConfig(partial);
}

/** Peak memory seen so far, in bytes. */
const peak = { rss: 0, heapUsed: 0 };
function sampleMemory(): void {
  const m = process.memoryUsage();
  peak.rss = Math.max(peak.rss, m.rss);
  peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
}

/**
 * Trains to the end in slices, sampling memory between them. The final loss is the mean loss per
 * term (pair, or iteration in minibatch mode) over the last 10% of the run.
 */
function trainToEnd(
  engine: Engine,
  isStream: boolean,
): { seconds: number; cpuSeconds: number; finalLoss: number; diverged: boolean } {
  const slice = isStream ? 100_000 : 100;
  const budget = isStream ? engine.progress().totalWords : engine.config.iterations;
  const tail: { processed: number; lossSum: number; lossCount: number }[] = [];
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  for (;;) {
    const report = engine.train(slice);
    sampleMemory();
    tail.push(report);
    if (report.done || report.diverged || report.processed === 0) break;
  }
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  let lossSum = 0;
  let lossCount = 0;
  let covered = 0;
  for (let i = tail.length - 1; i >= 0 && covered < budget * 0.1; i--) {
    covered += tail[i]!.processed;
    lossSum += tail[i]!.lossSum;
    lossCount += tail[i]!.lossCount;
  }
  return {
    seconds,
    cpuSeconds,
    finalLoss: lossSum / lossCount,
    diverged: engine.progress().diverged,
  };
}

function main(): void {
  if (!['sotu', 'moby', 'both'].includes(args.corpus!)) {
    throw new Error(`--corpus must be sotu, moby or both (got ${args.corpus})`);
  }
  const config = configFromArgs();
  const source = args.file ?? (args.corpus as BuiltInCorpus);
  const loadStart = performance.now();
  const text = args.file
    ? readFileSync(args.file, 'utf8')
    : readBuiltIn(args.corpus as BuiltInCorpus);
  const corpus = corpusFromText(text, {
    split: 'none',
    keepDigits: false,
    minCount: Number(args['min-count']),
    maxSentenceLength: 1000,
  });
  const engine = createEngine(corpus, config);
  const setupSeconds = (performance.now() - loadStart) / 1000;
  sampleMemory();
  const isStream = config.mode === 'stream';
  const { seconds, cpuSeconds, finalLoss, diverged } = trainToEnd(engine, isStream);
  const progress = engine.progress();
  const words = isStream ? progress.wordsProcessed : 0;
  const result = {
    corpus: source,
    tokens: corpus.tokens.length,
    vocabSize: corpus.vocab.words.length,
    sentences: corpus.sentenceStarts.length - 1,
    config,
    setupSeconds: round(setupSeconds, 3),
    trainSeconds: round(seconds, 3),
    cpuSeconds: round(cpuSeconds, 3),
    words,
    wordsPerSecond: isStream ? Math.round(words / seconds) : null,
    wordsPerCpuSecond: isStream ? Math.round(words / cpuSeconds) : null,
    iterationsPerSecond: isStream ? null : Math.round(progress.step / seconds),
    updates: progress.step,
    finalLoss: round(finalLoss, 5),
    diverged,
    peakRssMB: round(peak.rss / 2 ** 20, 1),
    peakHeapMB: round(peak.heapUsed / 2 ** 20, 1),
    node: process.version,
  };
  if (args.json) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  const c = config;
  console.log(
    `corpus ${source}: ${result.tokens} tokens, ${result.vocabSize} words, ${result.sentences} sentences`,
  );
  console.log(
    `${c.model} ${c.loss} ${c.mode}: d=${c.dim} window=${c.window} K=${c.negatives} lr=${c.lr} sample=${c.sample} epochs=${c.epochs} seed=${c.seed}`,
  );
  if (isStream) {
    console.log(
      `words/s       ${result.wordsPerSecond} (${words} words; ${result.wordsPerCpuSecond} per CPU second)`,
    );
  } else console.log(`iterations/s  ${result.iterationsPerSecond} (${progress.step} iterations)`);
  console.log(
    `wall time     ${result.trainSeconds} s training (${result.cpuSeconds} s CPU) + ${result.setupSeconds} s setup`,
  );
  console.log(`peak memory   rss ${result.peakRssMB} MB, heap ${result.peakHeapMB} MB`);
  console.log(
    `final loss    ${result.finalLoss}${diverged ? ' (DIVERGED)' : ''} per ${isStream ? 'pair' : 'iteration'}`,
  );
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

main();
