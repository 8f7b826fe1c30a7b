/**
 * The pure half of the derivation panels' feed: what the panels are told about a run (its
 * context), how the next example is drawn with the run's rules, and how a traced example becomes
 * a frame. No timing and no state beyond the per-run draw generator (inspector.ts holds those).
 */
import { createRng } from '../core/rng';
import type { TrainingExample } from '../core/inspect/example';
import { drawExample } from '../core/inspect/example';
import type { ExampleTrace, InspectWeights } from '../core/inspect/trace';
import { traceExample } from '../core/inspect/trace';
import { samplingTable } from '../core/inspect/samplingTable';
import type { AliasTable } from '../core/sampling';
import { buildNoiseTable, noiseAliasTable } from '../core/sampling';
import type { Engine, HuffmanTree } from '../core/types';
import { SOFTMAX_FULL_MAX_WORDS, WEIGHTS_MAX_WORDS } from './inspectLimits';
import type { InspectContext, InspectFrame } from './protocol';
import type { Run } from './run';

/** Length of the softmax top list in a frame. */
export const TOP_K = 10;

/** The run's draw generator and example counter (a fresh one for every run). */
export interface ExampleFeed {
  readonly run: Run;
  /** xoshiro128** state of the draws, advanced in place. */
  readonly rng: Uint32Array;
  /** The noise distribution (negative sampling), built on the first draw. */
  noise: AliasTable | null;
  /** Examples shown in this run (the frames' seq). */
  seq: number;
}

/**
 * A feed for `run`, its generator seeded from the run's seed and id: the same seed, run and
 * history give the same examples, and every fresh model draws its own.
 */
export function createFeed(run: Run): ExampleFeed {
  const seed = Math.imul(run.engine.config.seed | 0, 0x9e3779b1) ^ run.id;
  return { run, rng: createRng(seed).getState(), noise: null, seq: 0 };
}

function copyTree(tree: HuffmanTree | null): HuffmanTree | null {
  if (!tree) return null;
  const { leaves, offsets, points, codes, children } = tree;
  return {
    leaves,
    offsets: offsets.slice(),
    points: points.slice(),
    codes: codes.slice(),
    children: children.slice(),
  };
}

/** The run's fixed facts for the panels (fresh arrays: they cross the worker boundary). */
export function buildContext(run: Run): InspectContext {
  const { config, corpus, tree } = run.engine;
  const { words, counts } = corpus.vocab;
  const tokens = corpus.tokens.length;
  return {
    runId: run.id,
    model: config.model,
    loss: config.loss,
    mode: config.mode,
    cbowUpdate: config.cbowUpdate,
    dim: config.dim,
    window: config.window,
    negatives: config.negatives,
    batch: config.mode === 'minibatch' ? config.batchSize : 1,
    sample: config.sample,
    words: [...words],
    counts: Int32Array.from(counts),
    tokens,
    tree: copyTree(tree),
    sampling: samplingTable(counts, words, tokens, config.sample, 30, config.mode),
  };
}

/**
 * The step α of an example now: stream mode, the decayed rate in force (word2vec.c's α_t);
 * minibatch mode, the iteration's step shared by its B windows, step/B — one window's part of
 * params −= step · (1/B) Σ_b ∇J_b.
 */
export function exampleLr(engine: Engine): number {
  const { lr } = engine.progress();
  return engine.config.mode === 'minibatch' ? lr / engine.config.batchSize : lr;
}

/** The next example with the run's rules (mode, model, loss, m, K in force now). */
export function nextExample(feed: ExampleFeed): TrainingExample {
  const { engine } = feed.run;
  const { config, corpus } = engine;
  if (config.loss === 'ns' && !feed.noise) {
    feed.noise = noiseAliasTable(buildNoiseTable(corpus.vocab.counts), corpus.vocab.words.length);
  }
  const settings = { ...config, lr: exampleLr(engine) };
  return drawExample(corpus, settings, config.loss === 'ns' ? feed.noise : null, feed.rng);
}

/** The engine's matrices as a trace reads them (views: read before anything trains). */
export function inspectWeights(engine: Engine): InspectWeights {
  const { centerVecs, outsideVecs, nodeVecs, tree, config } = engine;
  return { centerVecs, outsideVecs, nodeVecs, tree, dim: config.dim };
}

/**
 * Softmax over more than SOFTMAX_FULL_MAX_WORDS words: the per-word arrays (scores, ŷ, ŷ − y)
 * are emptied and only the targets' and the top words' output rows are kept (in `outputRows`
 * and each pair's `outputGrads`); top, trueRank, trueProb and trueScore stay. Else unchanged.
 */
export function compactTrace(trace: ExampleTrace, W: number): ExampleTrace {
  if (trace.loss !== 'softmax' || W <= SOFTMAX_FULL_MAX_WORDS) return trace;
  const kept = new Set<number>();
  for (const pair of trace.pairs) {
    kept.add(pair.target);
    if (pair.scoring.kind === 'softmax') for (const t of pair.scoring.top) kept.add(t.word);
  }
  const empty = new Float64Array(0);
  const pairs = trace.pairs.map((pair) => ({
    ...pair,
    scoring:
      pair.scoring.kind === 'softmax'
        ? { ...pair.scoring, scores: empty, yHat: empty, shared: empty }
        : pair.scoring,
    outputGrads: pair.outputGrads.filter((g) => kept.has(g.row)),
  }));
  return { ...trace, pairs, outputRows: trace.outputRows.filter((r) => kept.has(r.row)) };
}

/**
 * Traces `example` at the engine's current weights (the weights BEFORE its update) into a frame;
 * with `wantsWeights` and W ≤ WEIGHTS_MAX_WORDS the frame carries copies of both matrices.
 */
export function traceFrame(
  feed: ExampleFeed,
  example: TrainingExample,
  state: InspectFrame['state'],
  wantsWeights: boolean,
): InspectFrame {
  const { run } = feed;
  const { engine } = run;
  const W = engine.corpus.vocab.words.length;
  const trace = traceExample(example, inspectWeights(engine), {
    cbowUpdate: engine.config.cbowUpdate,
    topK: TOP_K,
    schedule: engine.config.mode === 'stream' ? 'sequential' : 'window',
  });
  const output = engine.outsideVecs ?? engine.nodeVecs!;
  const weights =
    wantsWeights && W <= WEIGHTS_MAX_WORDS
      ? { center: engine.centerVecs.slice(), output: output.slice() }
      : null;
  feed.seq++;
  const seq = feed.seq;
  return {
    runId: run.id,
    seq,
    state,
    unitsDone: run.unitsDone,
    trace: compactTrace(trace, W),
    weights,
  };
}
