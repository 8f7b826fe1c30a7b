/**
 * The panel model equals the engine: for every model × loss the trace's loss and gradients equal
 * the float64 teaching API's, and its updates, applied to a float32 copy, equal what the engine's
 * kernel does with the same example.
 */
import { describe, expect, it } from 'vitest';
import { createKernel, IO_ALPHA0 } from '../kernel';
import type { KernelFixture } from '../testing/engineFixtures';
import { kernelState, streamIo, teachingLoss } from '../testing/engineFixtures';
import { expectArraysClose, expectClose } from '../testing/expectClose';
import type { CbowUpdateId, LossId, ModelId } from '../types';
import { cbow, skipgram } from '../windowModels';
import type { TrainingExample } from './example';
import { SKIPPED } from './example';
import type { ExampleTrace, RowChange } from './trace';
import { traceExample } from './trace';
import { cbowExample, skipgramExample, weightsOf } from './testing/inspectFixtures';

const W = 6;
const D = 5;
const K = 3;
const LR = 0.1;
const LOSSES: LossId[] = ['ns', 'hs', 'softmax'];
/** float32 storage of the weights: O(1) values, so 1e-6 absolute. */
const F32_EPS = 1e-6;

/** Row changes laid out as a full rows×d matrix of gradients (or updates). */
function dense(rows: readonly RowChange[], n: number, field: 'grad' | 'update'): Float64Array {
  const out = new Float64Array(n * D);
  for (const r of rows) out.set(r[field], r.row * D);
  return out;
}

function setup(model: ModelId, loss: LossId, cbowUpdate: CbowUpdateId = 'exact') {
  const fixture = kernelState({
    W,
    D,
    loss,
    isCbow: model === 'cbow',
    isCbowExact: cbowUpdate === 'exact',
  });
  const example = model === 'cbow' ? cbowExample(loss) : skipgramExample(loss);
  const trace = traceExample(example, weightsOf(fixture, loss), { cbowUpdate });
  return { fixture, example, trace };
}

/** The teaching API's window loss for the example. */
function teaching(fixture: KernelFixture, example: TrainingExample) {
  const V = Float64Array.from(fixture.state.centerVecs);
  const U = Float64Array.from(fixture.state.outVecs);
  const negs = (j: number) => Array.from(example.negatives.subarray(j * K, j * K + K));
  const pairLoss = teachingLoss(example.loss, fixture, negs);
  return example.model === 'cbow'
    ? cbow(example.center, example.context, V, U, pairLoss, D, 'exact')
    : skipgram(example.center, example.context, V, U, pairLoss, D);
}

/** The trace's updates applied to float32 copies of the weights. */
function applied(fixture: KernelFixture, trace: ExampleTrace) {
  const center = Float32Array.from(fixture.state.centerVecs);
  const out = Float32Array.from(fixture.state.outVecs);
  for (const r of trace.centerRows)
    for (let i = 0; i < D; i++) center[r.row * D + i]! += r.update[i]!;
  for (const r of trace.outputRows) for (let i = 0; i < D; i++) out[r.row * D + i]! += r.update[i]!;
  return { center, out };
}

describe.each(LOSSES)('trace equals the teaching API (%s)', (loss) => {
  it.each<ModelId>(['skipgram', 'cbow'])('%s: loss, ∂J/∂V and ∂J/∂U to 1e-12', (model) => {
    const { fixture, example, trace } = setup(model, loss);
    const expected = teaching(fixture, example);
    const outRows = fixture.state.outRows;
    expectClose(trace.totalLoss, expected.loss, 1e-12, 'loss');
    expectArraysClose(dense(trace.centerRows, W, 'grad'), expected.gradCenterVecs, 1e-12);
    expectArraysClose(dense(trace.outputRows, outRows, 'grad'), expected.gradOutsideVectors, 1e-12);
  });

  it('the weights are not modified by tracing', () => {
    const fixture = kernelState({ W, D, loss, isCbow: false });
    const before = fixture.state.mem.slice();
    traceExample(skipgramExample(loss), weightsOf(fixture, loss), { cbowUpdate: 'exact' });
    expect(fixture.state.mem).toEqual(before);
  });
});

describe.each(LOSSES)('trace updates equal the engine kernel (%s)', (loss) => {
  it.each<[ModelId, CbowUpdateId]>([
    ['skipgram', 'exact'],
    ['cbow', 'exact'],
    ['cbow', 'word2vec'],
  ])('%s (%s rule): minibatch kernel, weights + its accumulated −α∇J', (model, rule) => {
    const { fixture, example, trace } = setup(model, loss, rule);
    const { state } = fixture;
    const io = streamIo(K);
    io[IO_ALPHA0] = LR;
    const { context: ctx, negatives } = example;
    createKernel(state).windowGradient(example.center, ctx, 0, ctx.length, negatives, 0, io);
    const mine = applied(fixture, trace);
    const engineCenter = Float64Array.from(state.centerVecs, (v, i) => v + state.gradCenter[i]!);
    const engineOut = Float64Array.from(state.outVecs, (v, i) => v + state.gradOut[i]!);
    // The kernel's "word2vec" CBOW rule is the whole step per context occurrence.
    expectArraysClose(mine.center, engineCenter, F32_EPS);
    expectArraysClose(mine.out, engineOut, F32_EPS);
  });

  it.each<[ModelId, CbowUpdateId]>([
    ['skipgram', 'exact'],
    ['cbow', 'exact'],
    ['cbow', 'word2vec'],
  ])('%s (%s rule): stream kernel, one SGD step in place', (model, rule) => {
    // Noise holding only word 2 makes the stream kernel's K = 3 negatives known: [2, 2, 2].
    const fixture = kernelState({
      W,
      D,
      loss,
      isCbow: model === 'cbow',
      isCbowExact: rule === 'exact',
      noise: [2],
    });
    const negatives = loss === 'ns' ? Int32Array.of(2, 2, 2) : new Int32Array(0);
    const example: TrainingExample =
      model === 'cbow'
        ? { model, loss, center: 1, context: Int32Array.of(0, 3), negatives, lr: LR }
        : { model, loss, center: 1, context: Int32Array.of(4), negatives, lr: LR };
    const trace = traceExample(example, weightsOf(fixture, loss), { cbowUpdate: rule });
    const mine = applied(fixture, trace);
    const kernel = createKernel(fixture.state);
    if (model === 'cbow')
      kernel.streamSpan(Int32Array.of(0, 1, 3), Int32Array.of(0, 1, 2), 3, 1, 2, streamIo(K, LR));
    else kernel.streamSpan(Int32Array.of(1, 4), Int32Array.of(0, 1), 2, 0, 1, streamIo(K, LR));
    expectArraysClose(mine.center, fixture.state.centerVecs, F32_EPS);
    expectArraysClose(mine.out, fixture.state.outVecs, F32_EPS);
  });
});

describe.each(LOSSES)('a two-pair skip-gram window in the stream kernel (%s)', (loss) => {
  // Sentence [4, 1, 0], centre at position 1, radius 1: the pairs (1 → 4) then (1 → 0), each an
  // SGD step that the next pair sees. Noise holding only word 2 fixes the negatives.
  const run = (schedule: 'window' | 'sequential') => {
    const fixture = kernelState({ W, D, loss, isCbow: false, noise: [2] });
    const negatives = loss === 'ns' ? Int32Array.of(2, 2, 2, 2, 2, 2) : new Int32Array(0);
    const example: TrainingExample = {
      model: 'skipgram',
      loss,
      center: 1,
      context: Int32Array.of(4, 0),
      negatives,
      lr: LR,
    };
    const trace = traceExample(example, weightsOf(fixture, loss), {
      cbowUpdate: 'exact',
      schedule,
    });
    const mine = applied(fixture, trace);
    const io = streamIo(K, LR);
    createKernel(fixture.state).streamSpan(
      Int32Array.of(4, 1, 0),
      Int32Array.of(0, 1, 2),
      3,
      1,
      2,
      io,
    );
    return { mine, state: fixture.state, trace };
  };

  it('"sequential" equals the stream kernel', () => {
    const { mine, state, trace } = run('sequential');
    expect(trace.schedule).toBe('sequential');
    expectArraysClose(mine.center, state.centerVecs, F32_EPS);
    expectArraysClose(mine.out, state.outVecs, F32_EPS);
  });

  it('"window" (all pairs at the same weights) differs from it: the schedule matters', () => {
    const { mine, state } = run('window');
    expect(() => expectArraysClose(mine.center, state.centerVecs, F32_EPS)).toThrow();
  });
});

describe('word2vec.c skipped draws (SKIPPED entries)', () => {
  it('noise holding only the target: every draw skipped, the trace equals the stream kernel', () => {
    const fixture = kernelState({ W, D, loss: 'ns', isCbow: false, noise: [4] });
    const example: TrainingExample = {
      ...skipgramExample('ns'),
      context: Int32Array.of(4),
      negatives: Int32Array.of(SKIPPED, SKIPPED, SKIPPED),
    };
    const trace = traceExample(example, weightsOf(fixture, 'ns'), { cbowUpdate: 'exact' });
    const scoring = trace.pairs[0]!.scoring;
    expect(scoring.kind === 'ns' && scoring.negatives.length).toBe(0);
    expect(trace.outputRows.map((r) => r.row)).toEqual([4]);
    const mine = applied(fixture, trace);
    createKernel(fixture.state).streamSpan(
      Int32Array.of(1, 4),
      Int32Array.of(0, 1),
      2,
      0,
      1,
      streamIo(K, LR),
    );
    expectArraysClose(mine.center, fixture.state.centerVecs, F32_EPS);
    expectArraysClose(mine.out, fixture.state.outVecs, F32_EPS);
  });
});

describe('update bookkeeping', () => {
  it('CBOW word2vec rule moves each context row |C|·k/|C| = k times the exact step', () => {
    const exact = setup('cbow', 'ns', 'exact').trace;
    const w2v = setup('cbow', 'ns', 'word2vec').trace;
    const row0 = (t: ExampleTrace) => t.centerRows.find((r) => r.row === 0)!;
    // Word 0 occurs twice in a context of 3: exact share 2/3, word2vec.c's share 2.
    expectArraysClose(
      row0(w2v).update,
      row0(exact).update.map((u) => u * 3),
      1e-12,
    );
    expectArraysClose(row0(w2v).grad, row0(exact).grad, 0);
  });

  it('norms are the Euclidean norms of the vectors they describe', () => {
    const { trace } = setup('skipgram', 'hs');
    for (const r of [...trace.centerRows, ...trace.outputRows]) {
      expectClose(r.gradNorm, Math.hypot(...r.grad), 1e-12, 'grad norm');
      expectClose(r.updateNorm, LR * r.gradNorm, 1e-12, 'update norm');
    }
  });

  it('stages run centre → window → negatives/path/vocabulary → … → update', () => {
    for (const loss of LOSSES) {
      const ids = setup('skipgram', loss).trace.stages.map((s) => s.id);
      const third = { ns: 'negatives', hs: 'path', softmax: 'vocabulary' }[loss];
      expect(ids).toEqual([
        'center',
        'window',
        third,
        'scores',
        'probabilities',
        'loss',
        'gradients',
        'update',
      ]);
    }
  });
});

/** Follows a dotted path from the trace root, taking the first element of every array. */
function resolve(root: unknown, path: string): unknown {
  let node = root;
  for (const key of path.split('.')) {
    if (Array.isArray(node)) node = node[0];
    node = (node as Record<string, unknown> | undefined)?.[key];
  }
  return node;
}

describe('stages name real trace fields', () => {
  it.each<ModelId>(['skipgram', 'cbow'])(
    '%s: every "shows" path resolves for every loss',
    (model) => {
      for (const loss of LOSSES) {
        const { trace } = setup(model, loss);
        for (const stage of trace.stages) {
          for (const path of stage.shows)
            expect(resolve(trace, path), `${loss} ${path}`).toBeDefined();
        }
      }
    },
  );
});
