/**
 * The WebAssembly kernel's whole-iteration minibatch entry (wasm/minibatch.ts), checked two ways:
 * - bit for bit against the same kernel driven window by window from TypeScript (the batch
 *   drawn by minibatchData.ts's `sampleBatch`, one `windowGradient` call per window, the step by
 *   `RowSet.applyAndClear`): it must draw the same windows and negatives, add the same terms in
 *   the same order and round the step the same way;
 * - against the TypeScript reference kernel (engine to engine, to float32 rounding) with the
 *   CS224n preset's shape (skip-gram, negative sampling, d = 10, K = 10, 50 windows), with live
 *   changes of window and K between slices.
 */
import { describe, expect, it } from 'vitest';
import { wasmBackend } from '../../bench/wasmModule';
import { createEngine, defaultConfig } from '../core/engine';
import { buildHuffmanTree } from '../core/huffman';
import { IO_LOSS, IO_PAIRS, IO_SIZE } from '../core/kernel';
import { createKernelState, kernelStateBytes } from '../core/kernelState';
import type { KernelState, KernelStateOptions } from '../core/kernelState';
import { batchCapacity } from '../core/minibatchData';
import { MinibatchRun } from '../core/minibatchMode';
import { createRng } from '../core/rng';
import { buildAliasTable, buildNoiseTable, noiseAliasTable } from '../core/sampling';
import { handCorpus, randomF32 } from '../core/testing/engineFixtures';
import type { Corpus, LossId, ModelId, TrainConfig } from '../core/types';

const WASM = wasmBackend();
const W = 80;

/** Sentences of 1…30 words over W words, frequent words first (ids relabelled by rank). */
function zipfCorpus(): Corpus {
  const rng = createRng(11);
  const sentences: number[][] = [];
  for (let s = 0; s < 120; s++) {
    const length = 1 + rng.nextInt(30);
    sentences.push(Array.from({ length }, () => Math.floor(W * rng.next() ** 2)));
  }
  const counts = Array.from({ length: W }, () => 0);
  for (const s of sentences) for (const w of s) counts[w]!++;
  const order = counts.map((c, w) => [c, w] as const).sort((a, b) => b[0] - a[0]);
  const rank = new Map(order.map(([, w], r) => [w, r]));
  const relabelled = sentences.map((s) => s.map((w) => rank.get(w)!));
  return handCorpus(
    relabelled,
    W,
    order.map(([c]) => Math.max(c, 1)),
  );
}

const CORPUS = zipfCorpus();

/** A minibatch run over a fresh state in the WebAssembly kernel's memory, weights from a seed. */
function wasmRun(config: TrainConfig, isFused: boolean): { run: MinibatchRun; st: KernelState } {
  const tree = config.loss === 'hs' ? buildHuffmanTree(CORPUS.vocab.counts) : null;
  const options: KernelStateOptions = {
    words: W,
    dim: config.dim,
    isCbow: config.model === 'cbow',
    isCbowExact: config.cbowUpdate === 'exact',
    loss: config.loss,
    hasGradients: true,
    noise:
      config.loss === 'ns'
        ? noiseAliasTable(buildNoiseTable(CORPUS.vocab.counts), W)
        : buildAliasTable([]),
    tree,
    rng: createRng(config.seed).getState(),
    batchCapacity: batchCapacity(CORPUS),
  };
  const memory = WASM.memory(kernelStateBytes(options));
  const st = createKernelState(options, memory);
  st.centerVecs.set(randomF32(1, W, config.dim, 0.5));
  st.outVecs.set(randomF32(2, st.outRows, config.dim, 0.5));
  const full = memory.kernel(st);
  const kernel = isFused ? full : { ...full, minibatchIteration: undefined };
  return { run: new MinibatchRun(CORPUS, config, kernel, st, tree), st };
}

const MODELS: ModelId[] = ['skipgram', 'cbow'];
const LOSSES: LossId[] = ['ns', 'hs', 'softmax'];
const CASES = MODELS.flatMap((model) => LOSSES.map((loss) => [model, loss] as const));

describe.each(CASES)('one call per iteration = window by window, %s/%s', (model, loss) => {
  // d = 3 (no whole vector), 8 (no tail), 10 (the CS224n d: two vectors and a tail of two).
  it.each([3, 8, 10])('d = %i: the same weights and losses, bit for bit', (dim) => {
    const config = defaultConfig({
      model,
      loss,
      mode: 'minibatch',
      dim,
      window: 3,
      negatives: 6,
      batchSize: 7,
      lr: 0.3,
      sample: 0.01,
      seed: 4,
      cbowUpdate: dim === 8 ? 'word2vec' : 'exact',
    });
    const fused = wasmRun(config, true);
    const plain = wasmRun(config, false);
    expect(fused.run.isFused).toBe(true);
    expect(plain.run.isFused).toBe(false);
    const start = Float32Array.from(fused.st.outVecs);
    const io = [new Float64Array(IO_SIZE), new Float64Array(IO_SIZE)];
    for (const n of [1, 12, 30]) {
      const a = plain.run.train(n, io[0]!);
      const b = fused.run.train(n, io[1]!);
      expect(b).toEqual(a);
    }
    // io[ALPHA0] differs by design (the step vs the scale 1/B); the sums must not.
    expect(io[1]![IO_LOSS]).toBe(io[0]![IO_LOSS]);
    expect(io[1]![IO_PAIRS]).toBe(io[0]![IO_PAIRS]);
    const [stA, stB] = [plain.st, fused.st];
    expect(stB.rng).toEqual(stA.rng);
    expect(stB.centerVecs).toEqual(stA.centerVecs);
    expect(stB.outVecs).toEqual(stA.outVecs);
    // Between iterations the accumulators are zero, however they were laid out.
    expect(stB.gradCenter.every((x) => x === 0)).toBe(true);
    expect(stB.gradOut.every((x) => x === 0)).toBe(true);
    // The check says something only if training moved the weights.
    expect(stB.outVecs).not.toEqual(start);
  });
});

describe('the CS224n preset shape: WebAssembly = TypeScript reference', () => {
  it.each(MODELS)('%s, ns, d = 10, K = 10, 50 windows; window and K changed live', (model) => {
    const config = defaultConfig({
      model,
      loss: 'ns',
      mode: 'minibatch',
      dim: 10,
      window: 5,
      negatives: 10,
      batchSize: 50,
      lr: 0.3,
      iterations: 1000,
      annealEvery: 20,
      sample: 1e-2,
      seed: 9,
    });
    const ts = createEngine(CORPUS, config);
    const wasm = createEngine(CORPUS, config, { kernel: WASM });
    const slices: [number, Partial<TrainConfig>][] = [
      [15, {}],
      [10, { window: 2, negatives: 3 }],
      [20, { window: 7, negatives: 10, lr: 0.1 }],
    ];
    for (const [n, live] of slices) {
      ts.setLive(live);
      wasm.setLive(live);
      const a = ts.train(n);
      const b = wasm.train(n);
      expect(b.processed).toBe(a.processed);
      expect(Math.abs(b.lossSum - a.lossSum)).toBeLessThanOrEqual(1e-6 * Math.abs(a.lossSum));
    }
    expect(wasm.progress()).toEqual(ts.progress());
    for (const [x, y] of [
      [wasm.centerVecs, ts.centerVecs],
      [wasm.outsideVecs!, ts.outsideVecs!],
    ] as const) {
      let worst = 0;
      for (let i = 0; i < x.length; i++)
        worst = Math.max(worst, Math.abs(x[i]! - y[i]!) / Math.max(1, Math.abs(y[i]!)));
      // Float32 drift (SIMD lanes vs float64 sums) grows to about 1e-4 over these steps at
      // lr 0.3 (CBOW); a single draw out of step would move weights by far more than 1e-3.
      expect(worst).toBeLessThan(1e-3);
    }
  });
});
