/**
 * EQUIVALENCE: one engine update equals `params − lr × gradient` of the float64 teaching API, for
 * every model × loss, through the stream kernel the engine runs (one SGD step). The minibatch
 * kernel's accumulated gradient is checked in windowKernel.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { createKernel, IO_LOSS, IO_PAIRS } from './kernel';
import { xoshiroInt } from './rng';
import { drawAlias } from './sampling';
import { expectArraysClose, expectClose } from './testing/expectClose';
import { kernelState, sgdStep, streamIo, teachingLoss } from './testing/engineFixtures';
import type { LossId } from './types';
import { cbow, skipgram, withNegatives } from './windowModels';

const W = 6;
const D = 5;
const LR = 0.1;
/** float32 storage rounds each result; values are O(1), so 1e-6 absolute is float32 tolerance. */
const EPS = 1e-6;
/** The loss uses the interpolated log σ table (error ≤ 5e-7 per term) and, in CBOW, a float32 h. */
const LOSS_EPS = 1e-5;
const LOSSES: LossId[] = ['ns', 'hs', 'softmax'];

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
    const expected = skipgram(
      1,
      [4],
      V,
      U,
      teachingLoss(loss, fixture, () => negatives),
      D,
    );

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
    const expected = cbow(
      1,
      [0, 3],
      V,
      U,
      teachingLoss(loss, fixture, () => negatives),
      D,
      'exact',
    );

    const io = streamIo(K);
    createKernel(state).streamSpan(Int32Array.of(0, 1, 3), Int32Array.of(0, 1, 2), 3, 1, 2, io);

    expectClose(io[IO_LOSS]!, expected.loss, LOSS_EPS, 'loss');
    expectArraysClose(state.centerVecs, sgdStep(V, expected.gradCenterVecs, LR), EPS);
    expectArraysClose(state.outVecs, sgdStep(U, expected.gradOutsideVectors, LR), EPS);
  });

  it('CBOW word2vec rule: each context row gets the WHOLE ∂J/∂h step (|C| × the exact gradient)', () => {
    // word2vec.c departs from the gradient here: it adds α·neu1e to every context vector without
    // dividing by |C| (MATH.md §5). The output rows still follow the exact gradient.
    const fixture = kernelState({ W, D, loss, isCbow: true, isCbowExact: false, noise: [2] });
    const { state } = fixture;
    const V = Float64Array.from(state.centerVecs);
    const U = Float64Array.from(state.outVecs);
    const exact = cbow(
      1,
      [0, 3],
      V,
      U,
      teachingLoss(loss, fixture, () => negatives),
      D,
      'exact',
    );
    const contextSize = 2;

    createKernel(state).streamSpan(
      Int32Array.of(0, 1, 3),
      Int32Array.of(0, 1, 2),
      3,
      1,
      2,
      streamIo(K),
    );

    expectArraysClose(state.centerVecs, sgdStep(V, exact.gradCenterVecs, LR * contextSize), EPS);
    expectArraysClose(state.outVecs, sgdStep(U, exact.gradOutsideVectors, LR), EPS);
  });
});

describe('stream negative sampling with many distinct negatives (row groups of 6, 3, 2, 1)', () => {
  it.each([5, 8, 11])(
    'K = %i negatives from a uniform noise over 14 words, replayed from the RNG',
    (K) => {
      const words = 14;
      const fixture = kernelState({
        W: words,
        D: 7,
        loss: 'ns',
        isCbow: false,
        noise: Array.from({ length: words }, (_, w) => w),
      });
      const { state } = fixture;
      // Replay the kernel's draws on a copy of its generator: the radius, then K negatives.
      const replay = state.rng.slice();
      xoshiroInt(replay, 1);
      const negatives: number[] = [];
      for (let k = 0; k < K; k++) {
        const w = drawAlias(replay, state.noiseProb, state.noiseAlias);
        if (w !== 4) negatives.push(w);
      }
      const V = Float64Array.from(state.centerVecs);
      const U = Float64Array.from(state.outVecs);
      const expected = skipgram(
        1,
        [4],
        V,
        U,
        withNegatives(() => negatives),
        7,
      );

      const io = streamIo(K);
      createKernel(state).streamSpan(Int32Array.of(1, 4), Int32Array.of(0, 1), 2, 0, 1, io);

      expectClose(io[IO_LOSS]!, expected.loss, LOSS_EPS, 'loss');
      expectArraysClose(state.centerVecs, sgdStep(V, expected.gradCenterVecs, LR), EPS);
      expectArraysClose(state.outVecs, sgdStep(U, expected.gradOutsideVectors, LR), EPS);
    },
  );
});

describe('stream negative sampling: a negative equal to the target is skipped (word2vec.c)', () => {
  it('noise that only holds the target leaves the positive term alone', () => {
    const fixture = kernelState({ W, D, loss: 'ns', isCbow: false, noise: [4] });
    const { state } = fixture;
    const V = Float64Array.from(state.centerVecs);
    const U = Float64Array.from(state.outVecs);
    const expected = skipgram(
      1,
      [4],
      V,
      U,
      withNegatives(() => []),
      D,
    );

    createKernel(state).streamSpan(Int32Array.of(1, 4), Int32Array.of(0, 1), 2, 0, 1, streamIo(5));

    expectArraysClose(state.centerVecs, sgdStep(V, expected.gradCenterVecs, LR), EPS);
    expectArraysClose(state.outVecs, sgdStep(U, expected.gradOutsideVectors, LR), EPS);
  });
});
