import { describe, expect, it } from 'vitest';
import { corpusFromText } from './corpus';
import { TEACHING_CORPUS, TEACHING_GROUPS } from './corpora/teaching';
import { createEngine, defaultConfig, validateConfig } from './engine';
import { naiveSoftmaxLossAndGradient } from './naiveSoftmax';
import { expectArraysClose } from './testing/expectClose';
import { handCorpus, sgdStep } from './testing/engineFixtures';
import type { Engine, LossId, ModelId, TrainConfig } from './types';
import { skipgram, withTree } from './windowModels';

const LOSSES: LossId[] = ['ns', 'hs', 'softmax'];
const MODELS: ModelId[] = ['skipgram', 'cbow'];

/** A small corpus with two clearly separated topics, for the quick engine tests. */
const SMALL = handCorpus(
  Array.from({ length: 40 }, (_, s) =>
    s % 2 === 0 ? [0, 2, 4, 6, 0, 2, 4] : [1, 3, 5, 7, 1, 3, 5],
  ),
  8,
);

describe('configuration', () => {
  it('defaults are word2vec.c’s, with 0.05 for CBOW', () => {
    const c = defaultConfig();
    expect(c).toMatchObject({
      model: 'skipgram',
      loss: 'ns',
      mode: 'stream',
      dim: 100,
      window: 5,
      negatives: 5,
    });
    expect(c).toMatchObject({
      lr: 0.025,
      sample: 1e-3,
      epochs: 5,
      batchSize: 50,
      annealEvery: 20000,
      iterations: 40000,
    });
    expect(defaultConfig({ model: 'cbow' }).lr).toBe(0.05);
    expect(defaultConfig({ model: 'cbow', lr: 0.01 }).lr).toBe(0.01);
    expect(validateConfig(c)).toEqual([]);
  });

  it('NaN, absurd and missing values are each reported in words', () => {
    const bad = {
      ...defaultConfig(),
      dim: NaN,
      window: 0,
      negatives: 51,
      lr: Infinity,
      sample: -1,
      model: 'gru',
    };
    const problems = validateConfig(bad as unknown as TrainConfig);
    expect(problems).toHaveLength(6);
    expect(problems.join('\n')).toMatch(/dim must be a whole number from 1 to 1000 \(got NaN\)/);
    expect(problems.join('\n')).toMatch(
      /learning rate must be a finite number above 0 and at most 10/,
    );
    expect(validateConfig({ ...defaultConfig(), lr: 0 })).toHaveLength(1);
    expect(validateConfig({ ...defaultConfig(), dim: 2.5 })).toHaveLength(1);
  });

  it('createEngine throws an Error listing every problem, and refuses an empty corpus', () => {
    expect(() => createEngine(SMALL, { ...defaultConfig(), dim: 0, epochs: -1 })).toThrow(
      /dim[\s\S]*epochs/,
    );
    expect(() => createEngine(handCorpus([], 0), defaultConfig())).toThrow(/no words/);
  });
});

describe('determinism', () => {
  const config = (seed: number, model: ModelId, loss: LossId): TrainConfig =>
    defaultConfig({ model, loss, dim: 8, window: 3, epochs: 4, seed, sample: 0.05 });

  it.each(MODELS.flatMap((m) => LOSSES.map((l) => [m, l] as const)))(
    '%s/%s: same seed ⇒ bit-identical weights, sliced or not; another seed differs',
    (model, loss) => {
      const whole = createEngine(SMALL, config(1, model, loss));
      whole.train(1000);
      const sliced = createEngine(SMALL, config(1, model, loss));
      for (let i = 0; i < 10; i++) sliced.train(100);
      expect(sliced.progress().wordsProcessed).toBe(1000);
      expect(Array.from(sliced.centerVecs)).toEqual(Array.from(whole.centerVecs));
      expect(Array.from(sliced.outsideVecs ?? sliced.nodeVecs!)).toEqual(
        Array.from(whole.outsideVecs ?? whole.nodeVecs!),
      );
      const other = createEngine(SMALL, config(2, model, loss));
      other.train(1000);
      expect(Array.from(other.centerVecs)).not.toEqual(Array.from(whole.centerVecs));
    },
  );

  it('minibatch mode: train(12) equals train(5) + train(7)', () => {
    const cfg = defaultConfig({
      mode: 'minibatch',
      dim: 6,
      window: 3,
      batchSize: 4,
      iterations: 100,
      lr: 0.3,
      sample: 0,
    });
    const a = createEngine(SMALL, cfg);
    a.train(12);
    const b = createEngine(SMALL, cfg);
    b.train(5);
    b.train(7);
    expect(Array.from(b.centerVecs)).toEqual(Array.from(a.centerVecs));
    expect(Array.from(b.outsideVecs!)).toEqual(Array.from(a.outsideVecs!));
  });
});

describe('engine-level update through createEngine (no random negatives: hs, softmax)', () => {
  // One-sentence corpus [2, 0]: train(1) reads word 2 as centre, radius 1 ⇒ exactly the pair
  // (2 → 0) at α = α₀ (t = 0). Weights are set by hand through the live arrays.
  const corpus = handCorpus([[2, 0]], 4, [4, 3, 2, 1]);
  it.each(['hs', 'softmax'] as const)('%s: weights after train(1) = params − α₀∇J', (loss) => {
    const engine = createEngine(
      corpus,
      defaultConfig({ loss, dim: 3, window: 1, sample: 0, lr: 0.2 }),
    );
    const out = engine.outsideVecs ?? engine.nodeVecs!;
    engine.centerVecs.forEach((_, i) => (engine.centerVecs[i] = Math.sin(i + 1) / 2));
    out.forEach((_, i) => (out[i] = Math.cos(3 * i + 1) / 2));
    const V = Float64Array.from(engine.centerVecs);
    const U = Float64Array.from(out);
    const pairLoss = loss === 'hs' ? withTree(engine.tree!) : naiveSoftmaxLossAndGradient;
    const expected = skipgram(2, [0], V, U, pairLoss, 3);
    const report = engine.train(1);
    expect(report).toMatchObject({ processed: 1, lossCount: 1 });
    expect(report.lossSum).toBeCloseTo(expected.loss, 5);
    expectArraysClose(engine.centerVecs, sgdStep(V, expected.gradCenterVecs, 0.2), 1e-6);
    expectArraysClose(out, sgdStep(U, expected.gradOutsideVectors, 0.2), 1e-6);
  });
});

describe('schedule and progress (stream)', () => {
  it('counts words as word2vec.c does, decays α linearly, and stops at the budget', () => {
    const engine = createEngine(SMALL, defaultConfig({ dim: 4, epochs: 2, lr: 0.1 }));
    const T = SMALL.tokens.length;
    expect(engine.progress()).toMatchObject({
      wordsProcessed: 0,
      totalWords: 2 * T,
      lr: 0.1,
      done: false,
    });
    engine.train(T);
    const half = engine.progress();
    expect(half.epoch).toBe(1);
    expect(half.lr).toBeCloseTo(0.1 * (1 - T / (2 * T + 1)), 12);
    const last = engine.train(10 * T);
    expect(last.processed).toBe(T);
    expect(last.done).toBe(true);
    expect(engine.progress()).toMatchObject({ fraction: 1, done: true, wordsProcessed: 2 * T });
    expect(engine.train(5).processed).toBe(0);
  });

  it('setLive applies from the next unit and rejects bad values', () => {
    const engine = createEngine(SMALL, defaultConfig({ dim: 4, epochs: 2, lr: 0.1 }));
    engine.train(10);
    engine.setLive({ lr: 0.05, window: 2, negatives: 3, sample: 0 });
    expect(engine.config.lr).toBe(0.05);
    expect(engine.progress().lr).toBeCloseTo(0.05 * (1 - 10 / (2 * SMALL.tokens.length + 1)), 12);
    expect(() => engine.setLive({ lr: NaN })).toThrow(/learning rate/);
    expect(() => engine.setLive({ window: 0 })).toThrow(/window/);
    expect(engine.config.window).toBe(2);
  });
});

describe('divergence is detected and never continued silently', () => {
  it('lr 10 with huge initial vectors ⇒ diverged, training stops', () => {
    const engine = createEngine(SMALL, defaultConfig({ dim: 8, lr: 10, epochs: 50, sample: 0 }));
    engine.centerVecs.fill(1e30);
    const report = engine.train(10000);
    expect(report.diverged).toBe(true);
    expect(report.processed).toBeLessThan(10000);
    const after = Array.from(engine.centerVecs);
    expect(engine.train(100)).toMatchObject({ processed: 0, diverged: true });
    expect(Array.from(engine.centerVecs)).toEqual(after);
    expect(engine.progress().diverged).toBe(true);
  });

  it.each(LOSSES)('an injected NaN weight ⇒ diverged (%s)', (loss) => {
    const engine = createEngine(SMALL, defaultConfig({ loss, dim: 8, sample: 0 }));
    engine.centerVecs[3] = NaN; // word 0, the first centre word
    expect(engine.train(50).diverged).toBe(true);
  });

  it('a NaN in a row never read again is caught when the run ends', () => {
    const corpus = handCorpus([[0, 1, 0, 1]], 3, [2, 2, 0]);
    const engine = createEngine(corpus, defaultConfig({ dim: 4, epochs: 1, sample: 0 }));
    engine.centerVecs[2 * 4] = NaN; // word 2 never occurs
    expect(engine.train(100)).toMatchObject({ done: true, diverged: true });
  });

  it('minibatch mode: a NaN weight ⇒ diverged', () => {
    const engine = createEngine(
      SMALL,
      defaultConfig({ mode: 'minibatch', dim: 4, sample: 0, batchSize: 10 }),
    );
    engine.centerVecs.fill(NaN);
    expect(engine.train(5)).toMatchObject({ processed: 1, diverged: true });
  });
});

/** Mean cosine similarity within groups minus across groups, on mean-centred centre vectors. */
function groupSeparation(engine: Engine): { within: number; across: number } {
  const { dim: D } = engine.config;
  const { index } = engine.corpus.vocab;
  const W = engine.corpus.vocab.words.length;
  const mean = new Float64Array(D);
  engine.centerVecs.forEach((x, i) => (mean[i % D]! += x / W));
  const row = (w: number) =>
    Array.from({ length: D }, (_, k) => engine.centerVecs[w * D + k]! - mean[k]!);
  const cos = (a: number[], b: number[]) =>
    a.reduce((s, x, k) => s + x * b[k]!, 0) / Math.hypot(...a) / Math.hypot(...b);
  const groups = Object.values(TEACHING_GROUPS).map((g) => g.map((w) => index.get(w)!).map(row));
  let within = 0;
  let across = 0;
  let nWithin = 0;
  let nAcross = 0;
  groups.forEach((g, gi) =>
    groups.forEach((h, hi) =>
      g.forEach((a, ai) =>
        h.forEach((b, bi) => {
          if (gi === hi && ai === bi) return;
          if (gi === hi) [within, nWithin] = [within + cos(a, b), nWithin + 1];
          else [across, nAcross] = [across + cos(a, b), nAcross + 1];
        }),
      ),
    ),
  );
  return { within: within / nWithin, across: across / nAcross };
}

describe('learns: on the teaching corpus related words end up nearer than unrelated ones', () => {
  const corpus = corpusFromText(TEACHING_CORPUS);

  it.each(MODELS.flatMap((m) => LOSSES.map((l) => [m, l] as const)))(
    '%s/%s (stream)',
    (model, loss) => {
      // Full softmax costs O(W·d) per pair, so it gets fewer epochs.
      const epochs = loss === 'softmax' ? 4 : 10;
      const engine = createEngine(
        corpus,
        defaultConfig({ model, loss, dim: 16, epochs, seed: 3, sample: 0 }),
      );
      const T = corpus.tokens.length;
      const first = engine.train(T);
      let last = first;
      while (!last.done) last = engine.train(T);
      expect(last.diverged).toBe(false);
      // The loss falls: the last epoch's mean pair loss is at least 10% below the first's.
      expect(last.lossSum / last.lossCount).toBeLessThan(0.9 * (first.lossSum / first.lossCount));
      const { within, across } = groupSeparation(engine);
      expect(within - across, `within ${within} across ${across}`).toBeGreaterThan(0.3);
    },
    60_000,
  );

  it('skip-gram/ns in minibatch mode (CS224n schedule)', () => {
    const cfg = defaultConfig({
      mode: 'minibatch',
      dim: 16,
      lr: 0.3,
      iterations: 1500,
      annealEvery: 1000,
      sample: 0,
      seed: 3,
    });
    const engine = createEngine(corpus, cfg);
    const first = engine.train(100);
    let last = first;
    while (!last.done) last = engine.train(100);
    expect(last.lossSum / last.lossCount).toBeLessThan(0.85 * (first.lossSum / first.lossCount));
    const { within, across } = groupSeparation(engine);
    expect(within - across, `within ${within} across ${across}`).toBeGreaterThan(0.3);
  }, 60_000);
});
