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
 * Flags: --corpus sotu|moby|both, --file any.txt (CS224n's datasetSentences.txt is read as the
 * app reads it, min count 1), --min-count N, --model, --loss, --mode, --dim,
 * --window, --negatives, --lr, --sample, --epochs, --iterations, --batch, --anneal-every, --seed,
 * --cbow-update, --json, --kernel ts|wasm (default wasm: the WebAssembly SIMD kernel the app
 * uses; ts: the TypeScript reference), --seconds S (stop after S seconds of training; words/s is
 * measured over what was done), --all (every model × loss with both kernels — or the one given
 * by --kernel — one epoch and at most 10 s each unless told otherwise, printed as a table and,
 * with --json, as one JSON document; see trainTable.ts), --threads N (stream mode: Hogwild on N
 * threads, worker_threads sharing one memory — src/core/team.ts; default 1, the plain engine),
 * --build relaxed|simd (the WebAssembly build: with relaxed SIMD's fused multiply-add, the one
 * the app loads where the engine has it and the default here; or plain 128-bit SIMD).
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { defaultConfig } from '../src/core/engine';
import { TS_KERNEL, type KernelBackend } from '../src/core/kernel';
import type { Corpus, Engine, TrainConfig } from '../src/core/types';
import { benchCorpus, readBuiltIn, type BuiltInCorpus } from './corpora';
import { measureHandoff } from './handoff';
import { printTable, tableConfigs, type TableRow } from './trainTable';
import { benchEngine } from './teamNode';
import { kernelBuild, useKernelBuild, wasmBackend, type KernelBuild } from './wasmModule';

const { values: args } = parseArgs({
  options: {
    corpus: { type: 'string', default: 'sotu' },
    file: { type: 'string' },
    'min-count': { type: 'string' },
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
    kernel: { type: 'string' },
    build: { type: 'string' },
    seconds: { type: 'string' },
    threads: { type: 'string', default: '1' },
    all: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (args.help) {
  // The file's header comment is the manual.
  console.log(`npm run bench -- [flags]

  --corpus sotu|moby|both   built-in corpus (default sotu)   --file PATH   any text file instead
  --min-count N (5; 1 for SST)   --model skipgram|cbow   --loss ns|hs|softmax   --mode stream|minibatch
  --dim --window --negatives --lr --sample --epochs --iterations --batch --anneal-every --seed
  --cbow-update exact|word2vec   --json   one JSON document on stdout
  --kernel wasm|ts (default wasm)   --build relaxed|simd (the wasm build; default: relaxed if here)
  --seconds S   stop after S s   --threads N (Hogwild, stream)
  --all   every model × loss, both kernels (or --kernel's), 1 epoch, ≤ 10 s each: a table`);
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
 * Trains to the end (or for `seconds`) in slices, sampling memory between them. The final loss
 * is the mean loss per term (pair, or iteration in minibatch mode) over the last 10% of the work.
 */
function trainToEnd(
  engine: Engine,
  isStream: boolean,
  seconds: number,
): { seconds: number; cpuSeconds: number; finalLoss: number; diverged: boolean } {
  // Slices grow from small ones to 100k words (100 iterations) while a call takes < 0.2 s, so
  // a slow configuration (full softmax) still stops near the time budget.
  const maxSlice = isStream ? 100_000 : 100;
  let slice = isStream ? 1000 : 1;
  const tail: { processed: number; lossSum: number; lossCount: number }[] = [];
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  for (;;) {
    const callStart = performance.now();
    const report = engine.train(slice);
    if (performance.now() - callStart < 200) slice = Math.min(2 * slice, maxSlice);
    sampleMemory();
    tail.push(report);
    if (report.done || report.diverged || report.processed === 0) break;
    if (performance.now() - start > seconds * 1000) break;
  }
  const wall = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const done = tail.reduce((sum, r) => sum + r.processed, 0);
  let lossSum = 0;
  let lossCount = 0;
  let covered = 0;
  for (let i = tail.length - 1; i >= 0 && covered < done * 0.1; i--) {
    covered += tail[i]!.processed;
    lossSum += tail[i]!.lossSum;
    lossCount += tail[i]!.lossCount;
  }
  return {
    seconds: wall,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    finalLoss: lossSum / lossCount,
    diverged: engine.progress().diverged,
  };
}

/** The corpus of the flags, with the time it took to read. */
function loadCorpus(): { corpus: Corpus; source: string; seconds: number } {
  if (!['sotu', 'moby', 'both'].includes(args.corpus!)) {
    throw new Error(`--corpus must be sotu, moby or both (got ${args.corpus})`);
  }
  const start = performance.now();
  const text = args.file
    ? readFileSync(args.file, 'utf8')
    : readBuiltIn(args.corpus as BuiltInCorpus);
  const minCount = args['min-count'] === undefined ? undefined : Number(args['min-count']);
  const corpus = benchCorpus(text, minCount);
  return { corpus, source: args.file ?? args.corpus!, seconds: (performance.now() - start) / 1000 };
}

/** The kernels of the flags: --kernel's, or (for --all without it) both. */
function kernels(): KernelBackend[] {
  const id = args.kernel ?? (args.all ? 'both' : 'wasm');
  if (!['ts', 'wasm', 'both'].includes(id))
    throw new Error(`--kernel must be ts or wasm (got ${id})`);
  const list: KernelBackend[] = [];
  if (id !== 'wasm') list.push(TS_KERNEL);
  if (id !== 'ts') list.push(wasmBackend());
  return list;
}

/** Threads of the flags (1 unless --threads says otherwise; minibatch mode always 1). */
function threadsFor(config: TrainConfig): number {
  const threads = Number(args.threads);
  if (!(Number.isInteger(threads) && threads >= 1)) throw new Error('--threads must be ≥ 1');
  return config.mode === 'stream' ? threads : 1;
}

/** Trains one configuration with one kernel and measures it. */
function benchOne(corpus: Corpus, config: TrainConfig, kernel: KernelBackend, seconds: number) {
  const setupStart = performance.now();
  const threads = threadsFor(config);
  const { engine, stop, threadWords } = benchEngine(corpus, config, kernel, threads);
  const setupSeconds = (performance.now() - setupStart) / 1000;
  sampleMemory();
  const isStream = config.mode === 'stream';
  const run = trainToEnd(engine, isStream, seconds);
  const perThread = threadWords();
  stop();
  const progress = engine.progress();
  const words = isStream ? progress.wordsProcessed : 0;
  return {
    kernel: kernel.id,
    build: kernel.id === 'wasm' ? kernelBuild() : null,
    threads,
    setupSeconds: round(setupSeconds, 3),
    trainSeconds: round(run.seconds, 3),
    cpuSeconds: round(run.cpuSeconds, 3),
    words,
    wordsPerSecond: isStream ? Math.round(words / run.seconds) : null,
    threadWords: isStream ? perThread : null,
    wordsPerCpuSecond: isStream ? Math.round(words / run.cpuSeconds) : null,
    iterationsPerSecond: isStream ? null : Math.round(progress.step / run.seconds),
    updates: progress.step,
    finalLoss: round(run.finalLoss, 5),
    diverged: run.diverged,
  };
}

async function main(): Promise<void> {
  if (args.build !== undefined) {
    if (!['simd', 'relaxed'].includes(args.build))
      throw new Error(`--build must be relaxed or simd (got ${args.build})`);
    useKernelBuild(args.build as KernelBuild);
  }
  const { corpus, source, seconds: loadSeconds } = loadCorpus();
  const stats = {
    corpus: source,
    tokens: corpus.tokens.length,
    vocabSize: corpus.vocab.words.length,
    sentences: corpus.sentenceStarts.length - 1,
  };
  const seconds = Number(args.seconds ?? (args.all ? 10 : Infinity));
  if (args.all) {
    const rows: TableRow[] = [];
    for (const config of tableConfigs(configFromArgs, args.epochs === undefined))
      for (const kernel of kernels())
        rows.push({
          model: config.model,
          loss: config.loss,
          ...benchOne(corpus, config, kernel, seconds),
        });
    const document = { ...stats, config: configFromArgs(), rows, ...environment() };
    if (args.json) console.log(JSON.stringify(document, null, 2));
    else printTable(stats, rows);
    return;
  }
  const config = configFromArgs();
  const [kernel] = kernels();
  // Several threads: how long a cache line takes between two cores, before and after (handoff.ts).
  const isTeam = threadsFor(config) > 1;
  const handoffBefore = isTeam ? await measureHandoff() : null;
  const measured = benchOne(corpus, config, kernel!, seconds);
  const handoffNs = isTeam ? [handoffBefore!, await measureHandoff()] : null;
  const result = {
    ...stats,
    config,
    loadSeconds: round(loadSeconds, 3),
    ...measured,
    handoffNs,
    ...environment(),
  };
  if (args.json) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  printOne(result, config);
}

/** Peak memory, Node's version and the load average (a shared 2-core machine is noisy). */
function environment() {
  return {
    peakRssMB: round(peak.rss / 2 ** 20, 1),
    peakHeapMB: round(peak.heapUsed / 2 ** 20, 1),
    node: process.version,
    loadAverage: round(os.loadavg()[0]!, 2),
  };
}

function printOne(
  result: ReturnType<typeof benchOne> &
    ReturnType<typeof environment> & {
      corpus: string;
      tokens: number;
      vocabSize: number;
      sentences: number;
      loadSeconds: number;
      handoffNs: number[] | null;
    },
  c: TrainConfig,
): void {
  const isStream = c.mode === 'stream';
  console.log(
    `corpus ${result.corpus}: ${result.tokens} tokens, ${result.vocabSize} words, ${result.sentences} sentences`,
  );
  console.log(
    `${c.model} ${c.loss} ${c.mode}: d=${c.dim} window=${c.window} K=${c.negatives} lr=${c.lr} sample=${c.sample} epochs=${c.epochs} seed=${c.seed}; kernel ${result.kernel}, ${result.threads} thread${result.threads > 1 ? 's' : ''}`,
  );
  if (isStream) {
    console.log(
      `words/s       ${result.wordsPerSecond} (${result.words} words; ${result.wordsPerCpuSecond} per CPU second)`,
    );
    if (result.handoffNs)
      console.log(
        `core handoff  ${result.handoffNs.join(' ns, ')} ns before and after (handoff.ts)`,
      );
  } else console.log(`iterations/s  ${result.iterationsPerSecond} (${result.updates} iterations)`);
  console.log(
    `wall time     ${result.trainSeconds} s training (${result.cpuSeconds} s CPU) + ${round(result.loadSeconds + result.setupSeconds, 3)} s setup`,
  );
  console.log(
    `peak memory   rss ${result.peakRssMB} MB, heap ${result.peakHeapMB} MB (load average ${result.loadAverage})`,
  );
  console.log(
    `final loss    ${result.finalLoss}${result.diverged ? ' (DIVERGED)' : ''} per ${isStream ? 'pair' : 'iteration'}`,
  );
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

await main();
