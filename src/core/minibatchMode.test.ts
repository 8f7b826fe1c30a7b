import { describe, expect, it } from 'vitest';
import { createEngine, defaultConfig } from './engine';
import { createKernel, IO_SIZE } from './kernel';
import { buildReplicatedData, REPLICAS, sampleBatch } from './minibatchData';
import type { BatchPlan } from './minibatchData';
import { MinibatchRun } from './minibatchMode';
import { naiveSoftmaxLossAndGradient } from './naiveSoftmax';
import type { PairLoss } from './pairLoss';
import { createRng } from './rng';
import { buildNoiseTable, noiseAliasTable } from './sampling';
import { expectArraysClose, expectClose } from './testing/expectClose';
import { handCorpus, kernelState, sgdStep } from './testing/engineFixtures';
import type { LossId, ModelId } from './types';
import { cbow, skipgram, withNegatives, withTree } from './windowModels';

const W = 8;
const CORPUS = handCorpus(
  Array.from({ length: 12 }, (_, s) =>
    s % 3 === 0 ? [0, 1, 0, 2, 3, 0] : s % 3 === 1 ? [4, 5, 6, 7, 1] : [2],
  ),
  W,
);

describe('annealing (CS224n: step × 0.5 every annealEvery iterations)', () => {
  const base = defaultConfig({
    mode: 'minibatch',
    dim: 4,
    batchSize: 5,
    lr: 0.2,
    sample: 0,
    iterations: 100,
  });

  it('the step in force halves at each multiple of annealEvery', () => {
    const engine = createEngine(CORPUS, { ...base, annealEvery: 3 });
    const steps: number[] = [];
    for (let i = 0; i < 7; i++) {
      steps.push(engine.progress().lr);
      engine.train(1);
    }
    expect(steps).toEqual([0.2, 0.2, 0.2, 0.1, 0.1, 0.1, 0.05]);
  });

  it('the halved step is the one applied: annealEvery 1 equals a manual lr change', () => {
    // The random draws do not depend on the weights, so both runs see the same batches.
    const annealed = createEngine(CORPUS, { ...base, annealEvery: 1 });
    annealed.train(2);
    const manual = createEngine(CORPUS, { ...base, annealEvery: 0 });
    manual.train(1);
    manual.setLive({ lr: 0.1 });
    manual.train(1);
    expect(Array.from(annealed.centerVecs)).toEqual(Array.from(manual.centerVecs));
    expect(Array.from(annealed.outsideVecs!)).toEqual(Array.from(manual.outsideVecs!));
  });
});

/** Teaching-API loss of pair j of a batch plan (negatives as the plan holds them). */
function planLoss(
  loss: LossId,
  plan: BatchPlan,
  K: number,
  tree: ReturnType<typeof kernelState>['tree'],
  negBase: number,
): PairLoss {
  if (loss === 'ns')
    return withNegatives((_t, j) =>
      Array.from(plan.negs.subarray((negBase + j) * K, (negBase + j + 1) * K)),
    );
  if (loss === 'hs') return withTree(tree!);
  return naiveSoftmaxLossAndGradient;
}

describe.each([
  ['skipgram', 'ns'],
  ['skipgram', 'hs'],
  ['skipgram', 'softmax'],
  ['cbow', 'ns'],
  ['cbow', 'hs'],
  ['cbow', 'softmax'],
] as [ModelId, LossId][])('one minibatch iteration (%s/%s)', (model, loss) => {
  it('weights move by −step × (mean over the batch of the teaching-API gradient)', () => {
    const D = 3;
    const K = 4;
    const config = defaultConfig({
      model,
      loss,
      mode: 'minibatch',
      dim: D,
      window: 2,
      negatives: K,
      batchSize: 6,
      lr: 0.4,
      sample: 0,
      cbowUpdate: 'exact',
    });
    const counts = Array.from(CORPUS.vocab.counts);
    const { state, tree } = kernelState({
      W,
      D,
      loss,
      isCbow: model === 'cbow',
      counts,
      noise: Array.from(buildNoiseTable(counts)),
    });
    const V = Float64Array.from(state.centerVecs);
    const U = Float64Array.from(state.outVecs);
    const run = new MinibatchRun(CORPUS, config, createKernel(state), state, tree);
    const { lossSum } = run.train(1, new Float64Array(IO_SIZE));

    // Expected: the mean over the plan's windows of the teaching skipgram/cbow gradients.
    const { plan } = run;
    const gradV = new Float64Array(V.length);
    const gradU = new Float64Array(U.length);
    let meanLoss = 0;
    for (let b = 0; b < plan.size; b++) {
      const ctx = Array.from(plan.ctx.subarray(plan.ctxStarts[b]!, plan.ctxStarts[b + 1]!));
      const center = plan.centers[b]!;
      const r =
        model === 'cbow'
          ? cbow(center, ctx, V, U, planLoss(loss, plan, K, tree, b), D, 'exact')
          : skipgram(center, ctx, V, U, planLoss(loss, plan, K, tree, plan.ctxStarts[b]!), D);
      r.gradCenterVecs.forEach((g, i) => (gradV[i]! += g / plan.size));
      r.gradOutsideVectors.forEach((g, i) => (gradU[i]! += g / plan.size));
      meanLoss += r.loss / plan.size;
    }
    expectClose(lossSum, meanLoss, 1e-6, 'batch loss');
    expectArraysClose(state.centerVecs, sgdStep(V, gradV, 0.4), 1e-6);
    expectArraysClose(state.outVecs, sgdStep(U, gradU, 0.4), 1e-6);
  });
});

describe('CS224n data: replicated corpus and random windows', () => {
  it('replicates 30× and drops sentences with ≤ 1 token', () => {
    const data = buildReplicatedData(CORPUS, 0, createRng(1).getState());
    // Sentences [2] (one token) are dropped; the 8 others have 6 or 5 tokens.
    expect(data.starts.length - 1).toBe(8 * REPLICAS);
    expect(data.tokens.length).toBe((4 * 6 + 4 * 5) * REPLICAS);
  });

  it('rejectProb sub-sampling thins frequent words at the expected rate', () => {
    const counts = CORPUS.vocab.counts;
    const T = CORPUS.tokens.length;
    const data = buildReplicatedData(CORPUS, 0.05, createRng(2).getState());
    const keptZero = data.tokens.filter((w) => w === 0).length;
    const expectedKeep = Math.sqrt((0.05 * T) / counts[0]!);
    expect(keptZero / (counts[0]! * REPLICAS)).toBeGreaterThan(expectedKeep - 0.1);
    expect(keptZero / (counts[0]! * REPLICAS)).toBeLessThan(expectedKeep + 0.1);
  });

  it('a corpus without two different words in a sentence is refused', () => {
    expect(() =>
      buildReplicatedData(handCorpus([[0, 0, 0], [1]], 2), 0, createRng(1).getState()),
    ).toThrow(/two different words/);
  });

  it('windows stay in their sentence, within the radius, never contain the centre word; negatives ≠ target', () => {
    const data = buildReplicatedData(CORPUS, 0, createRng(3).getState());
    const config = defaultConfig({ mode: 'minibatch', window: 2, negatives: 3, batchSize: 200 });
    const plan: BatchPlan = {
      size: 0,
      centers: new Int32Array(0),
      ctxStarts: new Int32Array(1),
      ctx: new Int32Array(0),
      negs: new Int32Array(0),
    };
    const noise = buildNoiseTable(CORPUS.vocab.counts);
    sampleBatch(data, plan, config, true, noiseAliasTable(noise, W), createRng(4).getState());
    expect(plan.size).toBe(200);
    for (let b = 0; b < plan.size; b++) {
      const n = plan.ctxStarts[b + 1]! - plan.ctxStarts[b]!;
      expect(n).toBeGreaterThan(0);
      expect(n).toBeLessThanOrEqual(4);
      for (let j = plan.ctxStarts[b]!; j < plan.ctxStarts[b + 1]!; j++) {
        expect(plan.ctx[j]).not.toBe(plan.centers[b]);
        for (let k = 0; k < 3; k++) expect(plan.negs[j * 3 + k]).not.toBe(plan.ctx[j]);
      }
    }
    // Sentence [4, 5, 6, 7, 1] with radius ≤ 2: a window around 4 never reaches 7 or 1.
    for (let b = 0; b < plan.size; b++) {
      if (plan.centers[b] !== 4) continue;
      const ctx = Array.from(plan.ctx.subarray(plan.ctxStarts[b]!, plan.ctxStarts[b + 1]!));
      expect(ctx.every((w) => w === 5 || w === 6)).toBe(true);
    }
  });
});
