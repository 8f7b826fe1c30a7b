import { describe, expect, it } from 'vitest';
import type { TrainConfig } from '../core/types';
import type { Frame } from './protocol';
import type { TrainerOptions } from './trainer';
import {
  everySlice,
  fakeClock,
  initialised,
  LONGER,
  lossSeries,
  SMALL,
  TEACHING,
} from './testing/harness';

describe('createTrainer: frames', () => {
  it('cadence frames ≥ 1000/30 ms apart while training; projections ≥ 100 ms apart, 2 numbers per shown word', async () => {
    const clock = fakeClock(0.25);
    const stamped: { frame: Frame; at: number }[] = [];
    const h = await initialised({ now: clock }, LONGER);
    const shown = (await h.trainer.getView()).shown.length;
    h.trainer.setFrameListener((frame) => {
      stamped.push({ frame, at: clock() });
    });
    await h.trainer.play();
    h.drain(400);
    const training = stamped.filter((s) => s.frame.status === 'training');
    const at = training.map((s) => s.at);
    expect(at.length).toBeGreaterThan(5);
    // The first is the answer to play(); after it, frames follow the cadence.
    for (let i = 2; i < at.length; i++) {
      expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(1000 / 30);
    }
    const withCoords = training.filter((s) => s.frame.coords.length > 0);
    expect(withCoords.length).toBeGreaterThan(3);
    expect(withCoords.length).toBeLessThan(training.length);
    // Each frame leaves a few clock reads (0.25 ms each) after its projection: allow 2 ms.
    for (let i = 1; i < withCoords.length; i++) {
      expect(withCoords[i]!.at - withCoords[i - 1]!.at).toBeGreaterThanOrEqual(98);
    }
    for (const { frame } of withCoords) {
      expect(frame.coords).toHaveLength(2 * shown);
      expect(frame.coords.every(Number.isFinite)).toBe(true);
    }
  });

  it('contents: loss points every 100 words, in order, fresh arrays per frame, none lost', async () => {
    const h = await initialised({ now: fakeClock() });
    await h.trainer.play();
    h.drain();
    const at = h.frames.flatMap((f) => Array.from(f.lossAt));
    const total = h.last().unitsTotal;
    const expectedAt = Array.from({ length: Math.ceil(total / 100) }, (_, i) =>
      Math.min((i + 1) * 100, total),
    );
    expect(at).toEqual(expectedAt);
    const losses = lossSeries(h.frames);
    expect(losses.every((x) => Number.isFinite(x) && x > 0)).toBe(true);
    const buffers = new Set(h.frames.map((f) => f.losses.buffer));
    expect(buffers.size).toBe(h.frames.length);
    expect(h.frames.map((f) => f.seq)).toEqual(h.frames.map((_, i) => i + 1));
    // The loss falls: measured about 4.1 → 3.1 with d = 10 over 2 epochs.
    const tail = losses.slice(-Math.floor(losses.length / 10));
    expect(tail.reduce((a, b) => a + b) / tail.length).toBeLessThan(0.85 * losses[0]!);
    expect(h.last().smoothedLoss).toBeLessThan(losses[0]!);
  });

  it('throughput is positive while training and 0 once stopped', async () => {
    const h = await initialised(everySlice(), LONGER);
    await h.trainer.play();
    for (let i = 0; i < 30; i++) h.tick();
    expect(h.last().status).toBe('training');
    expect(h.last().throughput).toBeGreaterThan(0);
    await h.trainer.pause();
    expect(h.last().throughput).toBe(0);
  });

  it('back-pressure: while the page has not received a frame, later ones merge; no point is lost', async () => {
    const h = await initialised(everySlice(), LONGER);
    const received: Frame[] = [];
    let release: () => void = () => undefined;
    h.trainer.setFrameListener((frame) => {
      received.push(frame);
      return new Promise<void>((resolve) => (release = resolve));
    });
    await h.trainer.play();
    for (let i = 0; i < 20; i++) h.tick();
    expect(h.queue).toHaveLength(1);
    expect(received).toHaveLength(1);
    release();
    await Promise.resolve();
    await Promise.resolve();
    expect(received).toHaveLength(2);
    const merged = received[1]!;
    expect(merged.lossAt[0]).toBe(100);
    expect(merged.lossAt.length).toBe(Math.floor(merged.unitsDone / 100));
  });
});

describe('createTrainer: reproducibility', () => {
  async function lossesOf(options: TrainerOptions, config: Partial<TrainConfig> = SMALL) {
    const h = await initialised(options, { ...TEACHING, config });
    await h.trainer.play();
    h.drain();
    return lossSeries(h.frames);
  }

  it('the same seed gives the same loss sequence, bit for bit', async () => {
    const a = await lossesOf({ now: fakeClock() });
    const b = await lossesOf({ now: fakeClock() });
    expect(b).toEqual(a);
  });

  it('however the slices fall (other clock, other slice length) the curve is the same', async () => {
    const a = await lossesOf({ now: fakeClock(0.25) });
    const b = await lossesOf({ now: fakeClock(0.9), sliceMs: 3 });
    expect(b).toHaveLength(a.length);
    for (let i = 0; i < a.length; i++) expect(b[i]).toBeCloseTo(a[i]!, 4);
  });

  it('another seed gives another curve', async () => {
    const a = await lossesOf({ now: fakeClock() });
    const b = await lossesOf({ now: fakeClock() }, { ...SMALL, seed: 8 });
    expect(b).not.toEqual(a);
  });
});
