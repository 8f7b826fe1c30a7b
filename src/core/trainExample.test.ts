/**
 * Engine.trainExample trains exactly the example the panels show: for every model × loss × mode
 * (and both CBOW rules), the weight change equals the trace's updates row by row (up to float32
 * rounding), untouched rows stay bit for bit, and the returned loss is the trace's J. It leaves
 * the run's counters and generator alone, and a NaN marks the run diverged. All of it holds with
 * either kernel: the TypeScript reference and the WebAssembly SIMD build.
 */
import { describe, expect, it } from 'vitest';
import { wasmBackend } from '../../bench/wasmModule';
import { corpusFromText } from './corpus';
import { TEACHING_CORPUS } from './corpora/teaching';
import { createEngine, defaultConfig } from './engine';
import { TS_KERNEL, type KernelBackend } from './kernel';
import type { TrainingExample } from './inspect/example';
import { SKIPPED, createExampleSampler } from './inspect/example';
import type { RowChange } from './inspect/trace';
import { traceExample } from './inspect/trace';
import { expectClose } from './testing/expectClose';
import type { CbowUpdateId, Engine, LossId, ModeId, ModelId, TrainConfig } from './types';

const CORPUS = corpusFromText(TEACHING_CORPUS);
const D = 8;
const LR = 0.2;
/**
 * Float32 storage and the σ table (≤ 2e-7 absolute in σ, so ≤ 2e-7·α·|row| in a step): errors
 * of ~1e-7 of the numbers involved.
 */
const F32_REL = 1e-6;

const KERNELS: Record<string, KernelBackend> = { ts: TS_KERNEL, wasm: wasmBackend() };
type KernelId = keyof typeof KERNELS;

function engineFor(
  model: ModelId,
  loss: LossId,
  mode: ModeId,
  cbowUpdate: CbowUpdateId,
  kernel: KernelId = 'ts',
) {
  const config: TrainConfig = defaultConfig({
    model,
    loss,
    mode,
    cbowUpdate,
    dim: D,
    window: 3,
    negatives: 4,
    sample: 0,
    batchSize: 5,
    seed: 11,
  });
  const engine = createEngine(CORPUS, config, { kernel: KERNELS[kernel] });
  // Non-trivial weights first: the output matrix starts at zero.
  engine.train(mode === 'stream' ? 3000 : 30);
  return engine;
}

function outputOf(engine: Engine): Float32Array {
  return engine.outsideVecs ?? engine.nodeVecs!;
}

function maxAbs(x: ArrayLike<number>, from = 0, to = x.length): number {
  let m = 0;
  for (let i = from; i < to; i++) m = Math.max(m, Math.abs(x[i]!));
  return m;
}

/**
 * after − before equals the listed updates (to F32_REL of the row, the update and `scale`, the
 * size of the σ table's error); every other row is bit-for-bit unchanged.
 */
function expectChange(
  before: Float32Array,
  after: Float32Array,
  rows: readonly RowChange[],
  scale: number,
  what: string,
) {
  const listed = new Map(rows.map((r) => [r.row, r.update]));
  for (let r = 0; r < before.length / D; r++) {
    const update = listed.get(r);
    for (let i = 0; i < D; i++) {
      const at = r * D + i;
      const delta = after[at]! - before[at]!;
      if (!update) {
        if (after[at] !== before[at]) throw new Error(`${what} row ${r} changed but is not listed`);
        continue;
      }
      const tol = F32_REL * (maxAbs(before, r * D, r * D + D) + maxAbs(update) + scale);
      if (Math.abs(delta - update[i]!) > tol) {
        throw new Error(`${what} row ${r}[${i}]: moved ${delta}, trace says ${update[i]}`);
      }
    }
  }
}

const CASES: [ModelId, LossId, ModeId, CbowUpdateId, KernelId][] = [];
for (const kernel of Object.keys(KERNELS)) {
  for (const mode of ['stream', 'minibatch'] as ModeId[]) {
    for (const loss of ['ns', 'hs', 'softmax'] as LossId[]) {
      CASES.push(['skipgram', loss, mode, 'exact', kernel]);
      CASES.push(['cbow', loss, mode, 'exact', kernel], ['cbow', loss, mode, 'word2vec', kernel]);
    }
  }
}

describe.each(CASES)('trainExample %s/%s/%s (CBOW rule %s, %s kernel)', (...args) => {
  const [model, loss, mode, cbowUpdate, kernel] = args;
  it('weights move by the trace’s update, only on its rows; the loss is the trace’s J', () => {
    const engine = engineFor(model, loss, mode, cbowUpdate, kernel);
    const settings = { model, loss, window: 3, negatives: 4, lr: LR, mode };
    const sampler = createExampleSampler(CORPUS, settings, 5);
    const schedule = mode === 'stream' ? 'sequential' : 'window';
    for (let n = 0; n < 4; n++) {
      const example = sampler.next();
      const center = engine.centerVecs.slice();
      const output = outputOf(engine).slice();
      const weights = {
        centerVecs: center,
        outsideVecs: engine.outsideVecs ? output : null,
        nodeVecs: engine.nodeVecs ? output : null,
        tree: engine.tree,
        dim: D,
      };
      const trace = traceExample(example, weights, { cbowUpdate, schedule });
      const progress = engine.progress();
      const loss = engine.trainExample(example);
      expectClose(loss, trace.totalLoss, 1e-5, 'J');
      const scale = LR * (maxAbs(center) + maxAbs(output));
      expectChange(center, engine.centerVecs, trace.centerRows, scale, 'centre');
      expectChange(output, outputOf(engine), trace.outputRows, scale, 'output');
      expect(engine.progress()).toEqual(progress);
    }
  });
});

describe.each(Object.keys(KERNELS))(
  'trainExample: counters, generator, … (%s kernel)',
  (kernel) => {
    it.each<ModeId>(['stream', 'minibatch'])(
      '%s: with α = 0 nothing moves and later training is bit-identical to a run without it',
      (mode) => {
        const a = engineFor('skipgram', 'ns', mode, 'exact', kernel);
        const b = engineFor('skipgram', 'ns', mode, 'exact', kernel);
        const sampler = createExampleSampler(CORPUS, { ...a.config, lr: 0 }, 3);
        const before = a.centerVecs.slice();
        a.trainExample(sampler.next());
        expect(a.centerVecs).toEqual(before);
        const n = mode === 'stream' ? 2000 : 20;
        a.train(n);
        b.train(n);
        expect(a.progress()).toEqual(b.progress());
        expect(a.centerVecs).toEqual(b.centerVecs);
        expect(a.outsideVecs).toEqual(b.outsideVecs);
      },
    );

    it.each<ModeId>(['stream', 'minibatch'])('%s: a NaN weight marks the run diverged', (mode) => {
      const engine = engineFor('cbow', 'hs', mode, 'exact', kernel);
      const example = createExampleSampler(CORPUS, { ...engine.config, mode }, 4).next();
      const w = example.context[0]!;
      engine.centerVecs.fill(Number.NaN, w * D, w * D + D);
      expect(engine.trainExample(example)).toBeNaN();
      expect(engine.progress().diverged).toBe(true);
      expect(engine.train(10)).toMatchObject({ processed: 0, diverged: true });
      expect(engine.trainExample(example)).toBeNaN();
    });

    it('refuses examples the engine cannot train, in words, without touching the weights', () => {
      const stream = engineFor('skipgram', 'ns', 'stream', 'exact', kernel);
      const minibatch = engineFor('skipgram', 'ns', 'minibatch', 'exact', kernel);
      const good: TrainingExample = {
        model: 'skipgram',
        loss: 'ns',
        center: 1,
        context: Int32Array.of(2, 3),
        negatives: Int32Array.of(4, SKIPPED, 5, 6),
        lr: 0.1,
      };
      const before = minibatch.centerVecs.slice();
      expect(() => minibatch.trainExample(good)).toThrow(/negative 1 has id -1/);
      expect(() => stream.trainExample({ ...good, model: 'cbow' })).toThrow(/cbow\/ns/);
      expect(() => stream.trainExample({ ...good, center: 1e6 })).toThrow(/centre/);
      expect(() => stream.trainExample({ ...good, negatives: Int32Array.of(1, 2, 3) })).toThrow(
        /per pair/,
      );
      expect(() => stream.trainExample({ ...good, context: new Int32Array(0) })).toThrow(/empty/);
      expect(minibatch.centerVecs).toEqual(before);
      expect(Number.isFinite(stream.trainExample(good))).toBe(true);
    });
  },
);
