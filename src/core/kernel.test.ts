/**
 * EQUIVALENCE: one engine update equals `params − lr × gradient` of the float64 teaching API, for
 * every model × loss, through the kernel the engine runs (stream mode: one SGD step; minibatch:
 * the accumulated gradient).
 */
import { describe, expect, it } from 'vitest';
import { createKernel, IO_ALPHA0, IO_INV_DENOM, IO_LOSS, IO_NEGATIVES, IO_PAIRS, IO_SIZE, IO_WINDOW } from './kernel';
import { naiveSoftmaxLossAndGradient } from './naiveSoftmax';
import type { PairLoss } from './pairLoss';
import { expectArraysClose, expectClose } from './testing/expectClose';
import { kernelState, sgdStep } from './testing/engineFixtures';
import type { KernelFixture } from './testing/engineFixtures';
import type { LossId } from './types';
import { cbow, skipgram, withNegatives, withTree } from './windowModels';

const W = 6;
const D = 5;
const LR = 0.1;
/** float32 storage rounds each result; values are O(1), so 1e-6 absolute is float32 tolerance. */
const EPS = 1e-6;
/** The loss uses the interpolated log σ table (error ≤ 5e-7 per term) and, in CBOW, a float32 h. */
const LOSS_EPS = 1e-5;
const LOSSES: LossId[] = ['ns', 'hs', 'softmax'];

/** io block for one stream step at constant learning rate LR (no decay), radius 1. */
function streamIo(K: number): Float64Array {
  const io = new Float64Array(IO_SIZE);
  io[IO_ALPHA0] = LR;
  io[IO_INV_DENOM] = 0;
  io[IO_WINDOW] = 1;
  io[IO_NEGATIVES] = K;
  return io;
}

/** The teaching-API pair loss matching a fixture; `negs(j)` gives pair j's negatives (ns). */
function teachingLoss(loss: LossId, fixture: KernelFixture, negs: (j: number) => number[]): PairLoss {
  if (loss === 'ns') return withNegatives((_target, j) => negs(j));
  if (loss === 'hs') return withTree(fixture.tree!);
  return naiveSoftmaxLossAndGradient;
}

describe.each(LOSSES)('one stream update equals params − lr·∇J (%s)', (loss) => {
  // With a noise table holding only word 2, the K = 3 negatives are known: [2, 2, 2]. The repeat
  // must accumulate three gradient terms on u_2 (MATH.md §3).
  const K = 3;
  const negatives = [2, 2, 2];

  it('skip-gram pair (c = 1, o = 4): v_c and the output rows', () => {
    const fixture = kernelState({ W, D, loss, isCbow: false, noise: [2] });
    const { state } = fixture;
    const V = Float64Array.from(state.centerVecs);
    const U = Float64Array.from(state.outVecs);
    const expected = skipgram(1, [4], V, U, teachingLoss(loss, fixture, () => negatives), D);

    const io = streamIo(K);
    // Sentence [1, 4], radius 1, centre position 0: exactly the pair (1 → 4).
    createKernel(state).streamSpan(Int32Array.of(1, 4), Int32Array.of(0, 1), 2, 0, 1, io);

    expect(io[IO_PAIRS]).toBe(1);
    expectClose(io[IO_LOSS]!, expected.loss, LOSS_EPS, 'loss');
    expectArraysClose(state.centerVecs, sgdStep(V, expected.gradCenterVecs, LR), EPS);
    expectArraysClose(state.outVecs, sgdStep(U, expected.gradOutsideVectors, LR), EPS);
  });

  it('CBOW exact (context [0, 3] → centre 1): each context row gets ∂J/∂h / |C|', () => {
    const fixture = kernelState({ W, D, loss, isCbow: true, isCbowExact: true, noise: [2] });
    const { state } = fixture;
    const V = Float64Array.from(state.centerVecs);
    const U = Float64Array.from(state.outVecs);
    const expected = cbow(1, [0, 3], V, U, teachingLoss(loss, fixture, () => negatives), D, 'exact');

    const io = streamIo(K);
    createKernel(state).streamSpan(Int32Array.of(0, 1, 3), Int32Array.of(0, 1, 2), 3, 1, 2, io);

    expectClose(io[IO_LOSS]!, expected.loss, LOSS_EPS, 'loss');
    expectArraysClose(state.centerVecs, sgdStep(V, expected.gradCenterVecs, LR), EPS);
    expectArraysClose(state.outVecs, sgdStep(U, expected.gradOutsideVectors, LR), EPS);
  });

  it("CBOW word2vec rule: each context row gets the WHOLE ∂J/∂h step (|C| × the exact gradient)", () => {
    // word2vec.c departs from the gradient here: it adds α·neu1e to every context vector without
    // dividing by |C| (MATH.md §5). The output rows still follow the exact gradient.
    const fixture = kernelState({ W, D, loss, isCbow: true, isCbowExact: false, noise: [2] });
    const { state } = fixture;
    const V = Float64Array.from(state.centerVecs);
    const U = Float64Array.from(state.outVecs);
    const exact = cbow(1, [0, 3], V, U, teachingLoss(loss, fixture, () => negatives), D, 'exact');
    const contextSize = 2;

    createKernel(state).streamSpan(Int32Array.of(0, 1, 3), Int32Array.of(0, 1, 2), 3, 1, 2, streamIo(K));

    expectArraysClose(state.centerVecs, sgdStep(V, exact.gradCenterVecs, LR * contextSize), EPS);
    expectArraysClose(state.outVecs, sgdStep(U, exact.gradOutsideVectors, LR), EPS);
  });
});

describe('stream negative sampling: a negative equal to the target is skipped (word2vec.c)', () => {
  it('noise that only holds the target leaves the positive term alone', () => {
    const fixture = kernelState({ W, D, loss: 'ns', isCbow: false, noise: [4] });
    const { state } = fixture;
    const V = Float64Array.from(state.centerVecs);
    const U = Float64Array.from(state.outVecs);
    const expected = skipgram(1, [4], V, U, withNegatives(() => []), D);

    createKernel(state).streamSpan(Int32Array.of(1, 4), Int32Array.of(0, 1), 2, 0, 1, streamIo(5));

    expectArraysClose(state.centerVecs, sgdStep(V, expected.gradCenterVecs, LR), EPS);
    expectArraysClose(state.outVecs, sgdStep(U, expected.gradOutsideVectors, LR), EPS);
  });
});

describe.each(LOSSES)('minibatch window gradient equals the teaching API (%s)', (loss) => {
  // Distinct and repeated negatives per pair, given explicitly as the minibatch plan gives them.
  const K = 3;
  const negs = [2, 5, 3, 3, 3, 5];

  it('skip-gram window: centre 1, outside [4, 0], accumulated −scale·∇J_sg', () => {
    const fixture = kernelState({ W, D, loss, isCbow: false });
    const { state } = fixture;
    const V = Float64Array.from(state.centerVecs);
    const U = Float64Array.from(state.outVecs);
    const expected = skipgram(1, [4, 0], V, U, teachingLoss(loss, fixture, (j) => negs.slice(j * K, j * K + K)), D);

    const { gradCenter, gradOut } = state;
    const io = streamIo(K);
    io[IO_ALPHA0] = 1;
    createKernel(state).windowGradient(1, Int32Array.of(4, 0), 0, 2, Int32Array.from(negs), 0, io);

    expectClose(io[IO_LOSS]!, expected.loss, LOSS_EPS, 'loss');
    expectArraysClose(gradCenter, expected.gradCenterVecs.map((g) => -g), EPS);
    expectArraysClose(gradOut, expected.gradOutsideVectors.map((g) => -g), EPS);
    // The weights themselves are untouched until the step is applied.
    expectArraysClose(state.centerVecs, V, 0);
  });

  it('CBOW window (exact): context [0, 3, 0] → centre 1, repeated context word counted twice', () => {
    const fixture = kernelState({ W, D, loss, isCbow: true, isCbowExact: true });
    const { state } = fixture;
    const V = Float64Array.from(state.centerVecs);
    const U = Float64Array.from(state.outVecs);
    const expected = cbow(1, [0, 3, 0], V, U, teachingLoss(loss, fixture, () => negs.slice(0, K)), D, 'exact');

    const { gradCenter, gradOut } = state;
    const io = streamIo(K);
    io[IO_ALPHA0] = 1;
    createKernel(state).windowGradient(1, Int32Array.of(0, 3, 0), 0, 3, Int32Array.from(negs), 0, io);

    expectClose(io[IO_LOSS]!, expected.loss, LOSS_EPS, 'loss');
    expectArraysClose(gradCenter, expected.gradCenterVecs.map((g) => -g), EPS);
    expectArraysClose(gradOut, expected.gradOutsideVectors.map((g) => -g), EPS);
  });
});

describe('numerical hazards in the kernel', () => {
  it('scores of ±700 give a finite loss and finite updates (no overflow in σ or log σ)', () => {
    for (const loss of LOSSES) {
      const { state } = kernelState({ W, D, loss, isCbow: false, noise: [2] });
      // Rows of ±(large) make u·v_c reach about ±700.
      state.centerVecs.fill(0).set([1, 1, 1, 1, 1], 1 * D);
      for (let r = 0; r < state.outRows; r++) state.outVecs.fill(r % 2 === 0 ? 140 : -140, r * D, r * D + D);
      const io = streamIo(3);
      createKernel(state).streamSpan(Int32Array.of(1, 4), Int32Array.of(0, 1), 2, 0, 1, io);
      expect(Number.isFinite(io[IO_LOSS]!), `${loss} loss ${io[IO_LOSS]}`).toBe(true);
      expect(io[IO_LOSS]!).toBeGreaterThan(0);
      expect(state.centerVecs.every(Number.isFinite)).toBe(true);
      expect(state.outVecs.every(Number.isFinite)).toBe(true);
    }
  });

  it('a NaN weight propagates to the loss (it is never hidden)', () => {
    for (const loss of LOSSES) {
      const { state } = kernelState({ W, D, loss, isCbow: false, noise: [2] });
      state.centerVecs[1 * D] = NaN;
      const io = streamIo(3);
      createKernel(state).streamSpan(Int32Array.of(1, 4), Int32Array.of(0, 1), 2, 0, 1, io);
      expect(Number.isNaN(io[IO_LOSS]!), loss).toBe(true);
    }
  });
});
