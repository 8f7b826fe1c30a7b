/**
 * The stream kernel's pipelined skip-gram/NS loop and its numerical hazards.
 */
import { describe, expect, it } from 'vitest';
import { createKernel, IO_LOSS, IO_PAIRS, IO_WINDOW } from './kernel';
import { createRng } from './rng';
import { kernelState, streamIo } from './testing/engineFixtures';
import type { LossId } from './types';

const W = 6;
const D = 5;
const LOSSES: LossId[] = ['ns', 'hs', 'softmax'];

describe('pipelined skip-gram/NS loop (next pair scored inside the update pass)', () => {
  it.each([5, 7])('K = %i: weights and loss bit-identical to the plain pair-by-pair loop', (K) => {
    const words = 30;
    const rng = createRng(99);
    const sentence = Int32Array.from({ length: 60 }, () => rng.nextInt(words));
    const positions = Int32Array.from(sentence, (_, i) => i);
    const run = (isPipelined: boolean) => {
      const noise = Array.from({ length: words }, (_, w) => w);
      const { state } = kernelState({
        W: words,
        D: 9,
        loss: 'ns',
        isCbow: false,
        noise,
        isPipelined,
      });
      const io = streamIo(K);
      io[IO_WINDOW] = 5;
      // Three spans, as train(n) slices would cut the sentence.
      const kernel = createKernel(state);
      for (const [from, to] of [
        [0, 17],
        [17, 18],
        [18, 60],
      ] as const) {
        kernel.streamSpan(sentence, positions, 60, from, to, io);
      }
      return {
        mem: Array.from(state.mem.subarray(0, state.hBase)),
        loss: io[IO_LOSS],
        pairs: io[IO_PAIRS],
      };
    };
    const plain = run(false);
    const pipelined = run(true);
    expect(pipelined.pairs).toBe(plain.pairs);
    expect(pipelined.loss).toBe(plain.loss);
    expect(pipelined.mem).toEqual(plain.mem);
  });
});

describe('numerical hazards in the kernel', () => {
  it('scores of ±700 give a finite loss and finite updates (no overflow in σ or log σ)', () => {
    for (const loss of LOSSES) {
      const { state } = kernelState({ W, D, loss, isCbow: false, noise: [2] });
      // Rows of ±(large) make u·v_c reach about ±700.
      state.centerVecs.fill(0).set([1, 1, 1, 1, 1], 1 * D);
      for (let r = 0; r < state.outRows; r++)
        state.outVecs.fill(r % 2 === 0 ? 140 : -140, r * D, r * D + D);
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
