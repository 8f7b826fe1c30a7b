/**
 * The panels' view model shows the trace's numbers: a real example is drawn, trained a little and
 * traced with the core, and every displayed value is checked against the trace (and against the
 * math it stands for: σ of the score, the path product, the accumulated repeats).
 */
import { describe, expect, it } from 'vitest';
import type { CbowUpdateId, LossId, ModeId, ModelId, TrainingExample } from '../core/index';
import {
  corpusFromText,
  createEngine,
  createExampleSampler,
  defaultConfig,
  keepThresholds,
  rejectProbabilities,
  sigmoid,
  traceExample,
} from '../core/index';
import { TEACHING_CORPUS } from '../core/corpora/teaching';
import type { InspectContext, InspectFrame } from '../worker/protocol';
import {
  centerSampling,
  currentFrame,
  exampleSummary,
  keepProbability,
  rejectProbability,
  updateSummary,
  windowSummary,
} from './inspectModel';
import { hsSummary, nsSummary, sigmoidRows, softmaxSummary } from './inspectTerms';

const CORPUS = corpusFromText(TEACHING_CORPUS);
const DIM = 8;
const BATCH = 4;

interface Setup {
  model?: ModelId;
  loss: LossId;
  mode?: ModeId;
  cbowUpdate?: CbowUpdateId;
  /** Replace the drawn example (e.g. to force repeated negatives). */
  edit?: (e: TrainingExample) => TrainingExample;
}

/** A model trained for a while, one example drawn with the run's rules and traced. */
function setup({
  model = 'skipgram',
  loss,
  mode = 'stream',
  cbowUpdate = 'word2vec',
  edit,
}: Setup) {
  const config = defaultConfig({ model, loss, mode, dim: DIM, window: 3, negatives: 4 });
  const engine = createEngine(CORPUS, { ...config, cbowUpdate, batchSize: BATCH, seed: 3 });
  engine.train(mode === 'stream' ? 2000 : 20);
  const settings = { model, loss, window: 3, negatives: 4, lr: 0.025, mode };
  const drawn = createExampleSampler(CORPUS, settings, 11).next();
  const example = edit ? edit(drawn) : drawn;
  const weights = { ...engine, dim: DIM };
  const trace = traceExample(example, weights, { cbowUpdate, topK: 5 });
  const counts = Int32Array.from(CORPUS.vocab.counts);
  const context: InspectContext = {
    runId: 7,
    model,
    loss,
    mode,
    cbowUpdate,
    dim: DIM,
    window: 3,
    negatives: 4,
    batch: mode === 'minibatch' ? BATCH : 1,
    sample: 1e-3,
    words: [...CORPUS.vocab.words],
    counts,
    tokens: CORPUS.vocab.totalCount,
    tree: engine.tree,
    sampling: [],
  };
  const frame: InspectFrame = {
    runId: 7,
    seq: 1,
    state: 'trained',
    unitsDone: 0,
    trace,
    weights: null,
  };
  return { example, trace, context, frame };
}

const norm = (x: ArrayLike<number>) => Math.hypot(...Array.from(x));

describe('inspect model: the example', () => {
  it('names the words of the trace and reports W, d and ‖h‖', () => {
    for (const loss of ['ns', 'hs'] as const) {
      const { trace, context, frame } = setup({ model: 'cbow', loss });
      const s = exampleSummary(frame, context);
      expect(s.W).toBe(CORPUS.vocab.words.length);
      expect(s.d).toBe(DIM);
      expect(s.outputRows).toBe(loss === 'hs' ? s.W - 1 : s.W);
      expect(s.centerWord).toBe(CORPUS.vocab.words[trace.center]);
      expect(s.contextWords).toEqual(Array.from(trace.context, (w) => CORPUS.vocab.words[w]));
      expect(s.hNorm).toBeCloseTo(norm(trace.pairs[0]!.h), 12);
      expect(s.hNorm).toBeGreaterThan(0);
    }
  });

  it('drops a frame of another run', () => {
    const { context, frame } = setup({ loss: 'ns' });
    expect(currentFrame(context, frame)).toBe(frame);
    expect(currentFrame({ ...context, runId: 8 }, frame)).toBeNull();
    expect(currentFrame(null, frame)).toBeNull();
  });
});

describe('inspect model: the per-loss terms', () => {
  it('softmax: the true word’s score, ŷ_o = e^{−J}, its rank and the top list', () => {
    const { trace, context, frame } = setup({ loss: 'softmax', mode: 'minibatch' });
    const pair = trace.pairs[0]!;
    if (pair.scoring.kind !== 'softmax') throw new Error('expected softmax');
    const s = softmaxSummary(frame, context, 0)!;
    expect(s.trueScore).toBe(pair.scoring.scores[pair.target]);
    expect(s.trueProb).toBe(pair.scoring.yHat[pair.target]);
    expect(s.trueProb).toBeCloseTo(Math.exp(-s.loss), 12);
    expect(s.trueRank).toBe(pair.scoring.trueRank);
    expect(s.loss).toBe(pair.loss);
    expect(s.gradHNorm).toBe(pair.gradHNorm);
    expect(s.top.map((t) => t.prob)).toEqual(pair.scoring.top.map((t) => t.prob));
    expect(s.top.map((t) => t.word)).toEqual(pair.scoring.top.map((t) => context.words[t.word]));
    expect(s.top.filter((t) => t.isTarget).length).toBe(s.trueRank <= 5 ? 1 : 0);
    expect(nsSummary(frame, context, 0)).toBeNull();
  });

  it('negative sampling: scores, σ, the shared quantity and accumulated repeats', () => {
    // Pair 0's negatives forced to [a, b, a, c]: word a is drawn twice.
    const edit = (e: TrainingExample): TrainingExample => {
      const negatives = e.negatives.slice();
      const [a, b, c] = [0, 1, 2].map((w) => (w >= e.context[0]! ? w + 1 : w));
      negatives.set([a!, b!, a!, c!], 0);
      return { ...e, negatives };
    };
    const { trace, context, frame } = setup({ loss: 'ns', mode: 'minibatch', edit });
    const pair = trace.pairs[0]!;
    if (pair.scoring.kind !== 'ns') throw new Error('expected ns');
    const s = nsSummary(frame, context, 0)!;
    const hNorm = norm(pair.h);
    expect(s.K).toBe(4);
    expect(s.loss).toBe(pair.loss);
    s.terms.forEach((t, j) => {
      expect(t.score).toBe(pair.scoring.scores[j]);
      expect(t.sigma).toBeCloseTo(sigmoid(t.score), 14);
      if (t.role === 'outside') {
        expect(t.shared).toBeCloseTo(t.sigma - 1, 14);
        expect(t.gradNorm).toBeCloseTo((1 - t.sigma) * hNorm, 12);
      } else {
        expect(t.shared).toBeCloseTo(-t.sigma, 14);
        expect(t.gradNorm).toBeCloseTo(t.repeats * t.sigma * hNorm, 12);
      }
    });
    expect(s.terms.map((t) => t.role)).toEqual([
      'outside',
      'negative',
      'negative',
      'negative',
      'negative',
    ]);
    expect(s.terms.map((t) => t.repeats)).toEqual([0, 2, 1, 2, 1]);
  });

  it('hierarchical softmax: the target’s path, factors, g and p(w|h) = e^{−J}', () => {
    const { trace, context, frame } = setup({ loss: 'hs' });
    const pair = trace.pairs[0]!;
    const tree = context.tree!;
    const path = tree.points.slice(tree.offsets[pair.target]!, tree.offsets[pair.target + 1]!);
    const s = hsSummary(frame, context, 0)!;
    expect(s.steps.map((p) => p.node)).toEqual(Array.from(path));
    let product = 1;
    for (const step of s.steps) {
      expect(step.signedScore).toBe(step.code === 0 ? step.score : -step.score);
      expect(step.factor).toBeCloseTo(sigmoid(step.signedScore), 14);
      expect(step.g).toBeCloseTo(1 - step.code - sigmoid(step.score), 14);
      expect(step.gradNorm).toBeCloseTo(Math.abs(step.g) * norm(pair.h), 12);
      product *= step.factor;
    }
    expect(s.pathProb).toBeCloseTo(product, 14);
    expect(s.pathProb).toBeCloseTo(Math.exp(-s.loss), 12);
  });

  it('the σ rows: x, σ(x), σ(−x) = 1 − σ(x) and σ(1 − σ), none for the full softmax', () => {
    for (const loss of ['ns', 'hs'] as const) {
      const { context, frame } = setup({ loss });
      const rows = sigmoidRows(frame, context, 1)!;
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) {
        expect(r.sigma).toBeCloseTo(sigmoid(r.x), 14);
        expect(r.oneMinus).toBeCloseTo(sigmoid(-r.x), 14);
        expect(r.slope).toBeCloseTo(sigmoid(r.x) * sigmoid(-r.x), 14);
      }
    }
    const { context, frame } = setup({ loss: 'softmax' });
    expect(sigmoidRows(frame, context, 0)).toBeNull();
  });
});

describe('inspect model: the window and the update', () => {
  it('skip-gram: one pair per context word, J is their sum, only v_c moves in V', () => {
    const { trace, context, frame } = setup({ loss: 'ns' });
    const s = windowSummary(frame, context);
    expect(s.pairs.map((p) => p.target)).toEqual(
      Array.from(trace.context, (w) => context.words[w]),
    );
    expect(s.pairs.map((p) => p.loss)).toEqual(trace.pairs.map((p) => p.loss));
    expect(s.totalLoss).toBeCloseTo(
      s.pairs.reduce((a, p) => a + p.loss, 0),
      12,
    );
    expect(s.centerRows).toHaveLength(1);
    expect(s.centerRows[0]!.label).toBe(context.words[trace.center]);
    expect(s.centerRows[0]!.updateNorm).toBeCloseTo(trace.lr * s.centerRows[0]!.gradNorm, 12);
  });

  it('CBOW: word2vec.c’s rule moves each context row |C| times its exact gradient step', () => {
    for (const cbowUpdate of ['word2vec', 'exact'] as const) {
      const { trace, context, frame } = setup({ model: 'cbow', loss: 'hs', cbowUpdate });
      const s = windowSummary(frame, context);
      expect(s.contextSize).toBe(trace.context.length);
      const factor = cbowUpdate === 'word2vec' ? trace.context.length : 1;
      for (const row of s.centerRows) {
        expect(row.updateNorm).toBeCloseTo(trace.lr * factor * row.gradNorm, 12);
      }
    }
  });

  it('the update lists the centre rows, then the largest output updates; α·B per iteration', () => {
    const { trace, context, frame } = setup({ loss: 'softmax', mode: 'minibatch' });
    const u = updateSummary(frame, context, 3);
    expect(u.lr).toBe(trace.lr);
    expect(u.iterationLr).toBeCloseTo(trace.lr * BATCH, 15);
    expect(u.rows).toHaveLength(trace.centerRows.length + 3);
    expect(u.hiddenRows).toBe(context.words.length - 3);
    const output = u.rows.slice(trace.centerRows.length);
    const largest = Math.max(...trace.outputRows.map((r) => r.updateNorm));
    expect(output[0]!.updateNorm).toBe(largest);
    expect(output[1]!.updateNorm).toBeLessThanOrEqual(output[0]!.updateNorm);
    for (const r of u.rows) expect(r.updateNorm).toBeCloseTo(trace.lr * r.gradNorm, 12);
  });
});

describe('inspect model: sub-sampling', () => {
  const counts = [5000, 300, 20, 1];
  const total = 100_000;

  it('keep and reject probabilities equal the engine’s', () => {
    const thresholds = keepThresholds(counts, total, 1e-3);
    const reject = rejectProbabilities(counts, total, 1e-3);
    counts.forEach((c, w) => {
      expect(keepProbability(c, total, 1e-3)).toBeCloseTo(
        Math.min(1, thresholds[w]! / 2 ** 32),
        12,
      );
      expect(rejectProbability(c, total, 1e-3)).toBeCloseTo(reject[w]!, 14);
    });
    expect(keepProbability(5000, total, 0)).toBe(1);
  });

  it('describes the centre word of the example', () => {
    const { trace, context, frame } = setup({ loss: 'ns' });
    const s = centerSampling(frame, context);
    const count = CORPUS.vocab.counts[trace.center]!;
    expect(s.count).toBe(count);
    expect(s.share).toBeCloseTo(count / CORPUS.vocab.totalCount, 15);
    expect(s.keep).toBe(keepProbability(count, context.tokens, 1e-3));
    expect(s.reject).toBe(rejectProbability(count, context.tokens, 1e-3));
  });
});
