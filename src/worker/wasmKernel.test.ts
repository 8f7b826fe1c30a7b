/**
 * The WebAssembly SIMD kernel against the TypeScript reference: for every model × loss, in both
 * modes, two engines with the same corpus, configuration and seed — one per kernel — end with the
 * same weights (to float32 rounding), the same loss sums and the same counters. Equal counters
 * and weights after sub-sampling, random radii and noise draws mean the generator was consumed
 * in the same order: one draw out of step would change every later choice. Both builds are
 * checked: plain 128-bit SIMD, and relaxed SIMD with fused multiply-adds (the one the app loads
 * where the engine has it).
 */
import { describe, expect, it } from 'vitest';
import { wasmBackend } from '../../bench/wasmModule';
import { createEngine, defaultConfig } from '../core/engine';
import type { KernelBackend } from '../core/kernel';
import { createRng } from '../core/rng';
import { handCorpus } from '../core/testing/engineFixtures';
import type { Engine, LossId, ModelId, TrainConfig } from '../core/types';

const BUILDS = [
  ['plain SIMD', wasmBackend('simd')],
  ['relaxed SIMD', wasmBackend('relaxed')],
] as const;
const W = 60;

/** Zipf-like sentences of 1…40 words over W words (frequent words first, as a vocabulary is). */
function zipfCorpus() {
  const rng = createRng(5);
  const sentences: number[][] = [];
  for (let s = 0; s < 150; s++) {
    const length = 1 + rng.nextInt(40);
    sentences.push(Array.from({ length }, () => Math.floor(W * rng.next() ** 2.5)));
  }
  const counts = Array.from(
    { length: W },
    (_, w) => sentences.flat().filter((x) => x === w).length,
  );
  // Keep the vocabulary sorted by count, as the engine expects: relabel by rank.
  const order = counts.map((c, w) => [c, w] as const).sort((a, b) => b[0] - a[0]);
  const rank = new Map(order.map(([, w], r) => [w, r]));
  return handCorpus(
    sentences.map((s) => s.map((w) => rank.get(w)!)),
    W,
    order.map(([c]) => Math.max(c, 1)),
  );
}

const CORPUS = zipfCorpus();

/**
 * Float32 tolerance: each SGD step rounds every weight to float32 (relative 6e-8), the SIMD
 * kernel sums its dot products in float32 lanes where the reference sums in float64, and these
 * differences add up over the few hundred updates a row gets here (to about 2e-6 at most).
 */
const WEIGHT_EPS = 1e-5;
const LOSS_EPS = 1e-6;

function maxRelDiff(a: Float32Array, b: Float32Array): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++)
    worst = Math.max(worst, Math.abs(a[i]! - b[i]!) / Math.max(1, Math.abs(a[i]!)));
  return worst;
}

function output(engine: Engine): Float32Array {
  return engine.outsideVecs ?? engine.nodeVecs!;
}

/** Trains both engines in the same slices; checks every report, then the weights. */
function expectSameRun(kernel: KernelBackend, config: Partial<TrainConfig>, slices: number[]) {
  const cfg = defaultConfig(config);
  const ts = createEngine(CORPUS, cfg);
  const wasm = createEngine(CORPUS, cfg, { kernel });
  expect(wasm.centerVecs).toEqual(ts.centerVecs);
  for (const n of slices) {
    const a = ts.train(n);
    const b = wasm.train(n);
    expect(b.processed).toBe(a.processed);
    expect(b.lossCount).toBe(a.lossCount);
    expect(Math.abs(b.lossSum - a.lossSum)).toBeLessThanOrEqual(LOSS_EPS * Math.abs(a.lossSum));
  }
  expect(wasm.progress()).toEqual(ts.progress());
  expect(maxRelDiff(wasm.centerVecs, ts.centerVecs)).toBeLessThan(WEIGHT_EPS);
  expect(maxRelDiff(output(wasm), output(ts))).toBeLessThan(WEIGHT_EPS);
  // The output matrix starts at zero: it must have moved far more than the tolerance, or the
  // check says nothing.
  expect(maxRelDiff(output(ts), new Float32Array(output(ts).length))).toBeGreaterThan(
    100 * WEIGHT_EPS,
  );
  return { ts, wasm };
}

const MODELS: ModelId[] = ['skipgram', 'cbow'];
const LOSSES: LossId[] = ['ns', 'hs', 'softmax'];
const CASES = MODELS.flatMap((model) => LOSSES.map((loss) => [model, loss] as const));

describe.each(BUILDS)('%s build', (_, kernel) => {
  describe.each(CASES)('WebAssembly kernel = TypeScript kernel, %s/%s', (model, loss) => {
    const base = { model, loss, window: 4, sample: 1e-2, epochs: 3, lr: 0.05, seed: 3 };

    // Slices cut sentences in the middle, as the trainer's time-sized chunks do.
    it.each([13, 16, 3])('stream mode, d = %i', (dim) => {
      expectSameRun(kernel, { ...base, dim }, [700, 1, 1299, 3000]);
    });

    it('stream mode, CBOW word2vec rule and K = 7 (six rows, then one)', () => {
      expectSameRun(kernel, { ...base, dim: 10, negatives: 7, cbowUpdate: 'word2vec' }, [2500]);
    });

    it('minibatch mode (gradients at fixed weights, then one step)', () => {
      const config = { ...base, mode: 'minibatch' as const, dim: 13, batchSize: 8, lr: 0.3 };
      expectSameRun(kernel, config, [20, 1, 29]);
    });
  });
});
