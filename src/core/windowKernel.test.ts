/**
 * The minibatch half of the kernel: one window's accumulated gradient equals the teaching API's.
 */
import { describe, it } from 'vitest';
import { createKernel, IO_ALPHA0, IO_LOSS } from './kernel';
import { expectArraysClose, expectClose } from './testing/expectClose';
import { kernelState, streamIo, teachingLoss } from './testing/engineFixtures';
import type { LossId } from './types';
import { cbow, skipgram } from './windowModels';

const W = 6;
const D = 5;
const EPS = 1e-6;
const LOSS_EPS = 1e-5;
const LOSSES: LossId[] = ['ns', 'hs', 'softmax'];

describe.each(LOSSES)('minibatch window gradient equals the teaching API (%s)', (loss) => {
  // Distinct and repeated negatives per pair, given explicitly as the minibatch plan gives them.
  const K = 3;
  const negs = [2, 5, 3, 3, 3, 5];

  it('skip-gram window: centre 1, outside [4, 0], accumulated −scale·∇J_sg', () => {
    const fixture = kernelState({ W, D, loss, isCbow: false });
    const { state } = fixture;
    const V = Float64Array.from(state.centerVecs);
    const U = Float64Array.from(state.outVecs);
    const expected = skipgram(
      1,
      [4, 0],
      V,
      U,
      teachingLoss(loss, fixture, (j) => negs.slice(j * K, j * K + K)),
      D,
    );

    const { gradCenter, gradOut } = state;
    const io = streamIo(K);
    io[IO_ALPHA0] = 1;
    createKernel(state).windowGradient(1, Int32Array.of(4, 0), 0, 2, Int32Array.from(negs), 0, io);

    expectClose(io[IO_LOSS]!, expected.loss, LOSS_EPS, 'loss');
    expectArraysClose(
      gradCenter,
      expected.gradCenterVecs.map((g) => -g),
      EPS,
    );
    expectArraysClose(
      gradOut,
      expected.gradOutsideVectors.map((g) => -g),
      EPS,
    );
    // The weights themselves are untouched until the step is applied.
    expectArraysClose(state.centerVecs, V, 0);
  });

  it('CBOW window (exact): context [0, 3, 0] → centre 1, repeated context word counted twice', () => {
    const fixture = kernelState({ W, D, loss, isCbow: true, isCbowExact: true });
    const { state } = fixture;
    const V = Float64Array.from(state.centerVecs);
    const U = Float64Array.from(state.outVecs);
    const expected = cbow(
      1,
      [0, 3, 0],
      V,
      U,
      teachingLoss(loss, fixture, () => negs.slice(0, K)),
      D,
      'exact',
    );

    const { gradCenter, gradOut } = state;
    const io = streamIo(K);
    io[IO_ALPHA0] = 1;
    createKernel(state).windowGradient(
      1,
      Int32Array.of(0, 3, 0),
      0,
      3,
      Int32Array.from(negs),
      0,
      io,
    );

    expectClose(io[IO_LOSS]!, expected.loss, LOSS_EPS, 'loss');
    expectArraysClose(
      gradCenter,
      expected.gradCenterVecs.map((g) => -g),
      EPS,
    );
    expectArraysClose(
      gradOut,
      expected.gradOutsideVectors.map((g) => -g),
      EPS,
    );
  });
});
