import { describe, expect, it } from 'vitest';
import type { Frame } from './protocol';
import {
  everySlice,
  fakeClock,
  initialised,
  LONGER,
  SMALL,
  stepAndDrain,
  TEACHING,
} from './testing/harness';

/** A clock the test can read without moving it (the trainer's reads move it by `tick`). */
function observableClock(tick: number) {
  let t = 0;
  return { now: () => (t += tick), peek: () => t };
}

describe('createTrainer: setSpeed', () => {
  it('caps throughput at the given rate (plus at most a tenth of a second of credit)', async () => {
    const clock = observableClock(0.25);
    const h = await initialised({ now: clock.now, frameMs: 0 }, LONGER);
    await h.trainer.setSpeed(2000);
    await h.trainer.play();
    const start = clock.peek();
    for (let i = 0; i < 2000; i++) h.tick();
    const elapsedS = (clock.peek() - start) / 1000;
    const done = h.last().unitsDone;
    expect(h.last().status).toBe('training');
    expect(elapsedS).toBeGreaterThan(0.5);
    expect(done).toBeLessThanOrEqual(2000 * elapsedS + 200 + 1);
    // …and it does train at (close to) that rate, not far below it.
    expect(done).toBeGreaterThan(0.8 * 2000 * elapsedS);
  });

  it('null lifts the cap; a capped run waits instead of spinning when it has no credit', async () => {
    const clock = observableClock(0.25);
    const waits: number[] = [];
    const h = await initialised(
      { now: clock.now, frameMs: 0, wait: (task, ms) => (waits.push(ms), h.queue.push(task)) },
      LONGER,
    );
    await h.trainer.setSpeed(5);
    await h.trainer.play();
    for (let i = 0; i < 50; i++) h.tick();
    expect(waits.length).toBeGreaterThan(0);
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(1);
    const slow = h.last().unitsDone;
    await h.trainer.setSpeed(null);
    for (let i = 0; i < 50; i++) h.tick();
    expect(h.last().unitsDone - slow).toBeGreaterThan(1000);
  });

  it('step is not capped: step(500) at 1 word/s still trains exactly 500 words', async () => {
    const h = await initialised(everySlice());
    await h.trainer.setSpeed(1);
    await stepAndDrain(h, 500);
    expect(h.last()).toMatchObject({ status: 'paused', unitsDone: 500 });
  });
});

describe('createTrainer: learning rates of the loss points', () => {
  const allLrs = (frames: Frame[]) => frames.flatMap((f) => Array.from(f.lrs));

  it('stream: one lr per loss point, falling linearly from lr to (nearly) 0 as word2vec.c does', async () => {
    const h = await initialised({ now: fakeClock() });
    await h.trainer.play();
    h.drain();
    for (const f of h.frames) expect(f.lrs).toHaveLength(f.losses.length);
    const lrs = allLrs(h.frames);
    expect(lrs.length).toBeGreaterThan(50);
    for (let i = 1; i < lrs.length; i++) expect(lrs[i]!).toBeLessThanOrEqual(lrs[i - 1]!);
    expect(lrs[0]!).toBeLessThanOrEqual(0.025);
    expect(lrs[0]!).toBeGreaterThan(0.024);
    expect(lrs.at(-1)!).toBeLessThan(0.001);
  });

  it('a live lr change shows in the next points', async () => {
    const h = await initialised(everySlice(), { ...TEACHING, config: { ...SMALL, epochs: 20 } });
    await stepAndDrain(h, 1000);
    await h.trainer.setConfig({ lr: 0.1 });
    await stepAndDrain(h, 1000);
    const lrs = allLrs(h.frames);
    expect(lrs.slice(0, 10).every((lr) => lr < 0.026)).toBe(true);
    expect(lrs.slice(-5).every((lr) => lr > 0.09)).toBe(true);
  });

  it('minibatch: the step is halved every annealEvery iterations', async () => {
    const config = {
      ...SMALL,
      mode: 'minibatch',
      batchSize: 5,
      iterations: 60,
      annealEvery: 20,
      lr: 0.3,
    } as const;
    const h = await initialised({ now: fakeClock() }, { ...TEACHING, config });
    await h.trainer.play();
    h.drain();
    const lrs = allLrs(h.frames);
    expect(lrs).toHaveLength(60);
    // Iterations 1–20 use 0.3, 21–40 use 0.15, 41–60 use 0.075 (float32 in the frame).
    const expected = [0.3, 0.15, 0.075].flatMap((lr) => Array<number>(20).fill(Math.fround(lr)));
    expect(lrs).toEqual(expected);
  });
});
