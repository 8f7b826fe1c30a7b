import { describe, expect, it } from 'vitest';
import type { Frame } from './protocol';
import { createTrainer } from './trainer';
import {
  everySlice,
  fakeClock,
  initialised,
  LONGER,
  lossSeries,
  SMALL,
  stepAndDrain,
  TEACHING,
  steppingClock,
  harness,
} from './testing/harness';

describe('createTrainer: init', () => {
  it('loads the teaching corpus; the run waits, idle at zero, with a budget of tokens × epochs', async () => {
    const h = harness({ now: fakeClock() });
    const result = await h.trainer.init(TEACHING);
    if (!result.ok) throw new Error(result.errors.join());
    expect(result.corpus.name).toBe('the teaching corpus');
    expect(result.corpus.tokens).toBeGreaterThan(3000);
    expect(result.config).toMatchObject(SMALL);
    expect(h.last()).toMatchObject({
      status: 'idle',
      unitsDone: 0,
      unitsTotal: result.corpus.tokens * 2,
      unit: 'word',
    });
    expect(h.queue).toHaveLength(0);
  });

  it('bad config: the validateConfig message, status error, and no model', async () => {
    const h = harness();
    const result = await h.trainer.init({ ...TEACHING, config: { dim: 0 } });
    expect(result.ok).toBe(false);
    expect(h.last().status).toBe('error');
    expect(h.last().message).toMatch(/dim must be a whole number from 1/);
    await h.trainer.play();
    expect(h.queue).toHaveLength(0);
  });

  it('a corpus with fewer than two words is refused in plain words', async () => {
    const h = harness();
    const result = await h.trainer.init({
      corpus: { kind: 'text', text: 'hello hello', name: 'my text' },
    });
    expect(result).toEqual({
      ok: false,
      errors: ['“my text” needs at least two different words (it only has “hello”)'],
    });
  });
});

describe('createTrainer: the time-sliced loop', () => {
  it('each slice returns to the event loop within its budget and schedules the next', async () => {
    // Time on a stepping clock, so the budget is checked without timing this machine (the real
    // slice lengths are measured by `npm run bench:browser` and the responsiveness journey).
    const clock = steppingClock();
    const h = await initialised({ frameMs: 0, now: clock.now }, LONGER);
    await h.trainer.play();
    const durations: number[] = [];
    let before = 0;
    for (let slice = 0; slice < 20 && h.queue.length > 0; slice++) {
      const start = clock.read();
      h.tick();
      durations.push(clock.read() - start);
      const units = h.last().unitsDone;
      expect(units).toBeGreaterThanOrEqual(before);
      before = units;
    }
    expect(h.queue).toHaveLength(1);
    expect(h.last().status).toBe('training');
    expect(h.last().unitsDone).toBeLessThan(h.last().unitsTotal);
    // The 10 ms budget, overrun only by the few clock readings after the deadline check
    // (measured: 11.25–11.5 ms on the 0.25 ms stepping clock).
    expect(Math.max(...durations)).toBeLessThanOrEqual(12);
  });

  it('plays to the end of the budget: status done, every unit trained, then no more slices', async () => {
    const h = await initialised({ now: fakeClock() });
    await h.trainer.play();
    const slices = h.drain();
    expect(slices).toBeGreaterThan(1);
    expect(h.last()).toMatchObject({ status: 'done', fraction: 1 });
    expect(h.last().unitsDone).toBe(h.last().unitsTotal);
    expect(h.queue).toHaveLength(0);
  });

  it('pause stops progress: the scheduled slice does nothing and the loop ends', async () => {
    const h = await initialised({ now: fakeClock() });
    await h.trainer.play();
    h.tick();
    h.tick();
    await h.trainer.pause();
    const paused = h.last();
    expect(paused.status).toBe('paused');
    expect(paused.unitsDone).toBeGreaterThan(0);
    h.drain();
    expect(h.queue).toHaveLength(0);
    expect(h.last().unitsDone).toBe(paused.unitsDone);
  });

  it('step(n) advances exactly n units from idle, from paused and while playing', async () => {
    const h = await initialised(everySlice());
    let expected = 0;
    for (const n of [1, 7, 250, 1]) {
      await stepAndDrain(h, n);
      expected += n;
      expect(h.last()).toMatchObject({ status: 'paused', unitsDone: expected, words: expected });
    }
    await h.trainer.play();
    h.tick();
    const atStep = h.last().unitsDone;
    await stepAndDrain(h, 3);
    expect(h.last()).toMatchObject({ status: 'paused', unitsDone: atStep + 3 });
  });

  it('step near the end stops at the budget and reports done', async () => {
    const h = await initialised({ now: fakeClock() });
    const total = h.last().unitsTotal;
    await stepAndDrain(h, total - 5);
    await stepAndDrain(h, 100);
    expect(h.last()).toMatchObject({ status: 'done', unitsDone: total });
  });
});

describe('createTrainer: divergence, bad settings, restarts', () => {
  it('a NaN loss stops the run with the plain-words message; play after lowering lr restarts', async () => {
    const h = await initialised(everySlice(), { ...TEACHING, config: { ...SMALL, lr: 10 } });
    await h.trainer.play();
    h.drain();
    expect(h.last().status).toBe('diverged');
    expect(h.last().message).toBe(
      'the loss became NaN: the learning rate 10 is too high — training paused; lower it and press play',
    );
    expect(h.queue).toHaveLength(0);
    const { runId } = h.last();
    const result = await h.trainer.setConfig({ lr: 0.025 });
    expect(result.errors).toEqual([]);
    await h.trainer.play();
    h.tick();
    expect(h.last()).toMatchObject({ status: 'training', runId: runId + 1 });
    expect(h.last().unitsDone).toBeGreaterThan(0);
  });

  it('a bad setting: error status with the validateConfig message, the model kept; play resumes it', async () => {
    const h = await initialised(everySlice());
    await stepAndDrain(h, 300);
    const before = await h.trainer.nearest('king', 3);
    const result = await h.trainer.setConfig({ window: 0 });
    expect(result.errors).toEqual(['window must be a whole number from 1 to 50 (got 0)']);
    expect(h.last()).toMatchObject({ status: 'error', message: result.errors[0], unitsDone: 300 });
    expect(await h.trainer.nearest('king', 3)).toEqual(before);
    await h.trainer.play();
    h.tick();
    expect(h.last().status).toBe('training');
    expect(h.last().unitsDone).toBeGreaterThan(300);
  });

  it('setConfig: live settings apply at once; the others wait for reset', async () => {
    const h = await initialised({ now: fakeClock() });
    const result = await h.trainer.setConfig({ lr: 0.05, dim: 20, window: 2 });
    expect(result).toEqual({ applied: ['lr'], needsRestart: ['dim'], errors: [] });
    expect(h.last().lr).toBeCloseTo(0.05, 6);
    await stepAndDrain(h, 50);
    const { runId } = h.last();
    await h.trainer.reset();
    expect(h.last()).toMatchObject({ status: 'idle', runId: runId + 1, unitsDone: 0 });
  });

  it('reset with the same seed replays the same curve; reset while playing keeps playing', async () => {
    const h = await initialised({ now: fakeClock() });
    await stepAndDrain(h, 500);
    const first = lossSeries(h.frames);
    await h.trainer.reset();
    const from = h.frames.length;
    await stepAndDrain(h, 500);
    expect(lossSeries(h.frames.slice(from))).toEqual(first);
    await h.trainer.play();
    await h.trainer.reset(99);
    expect(h.last().status).toBe('training');
    expect(h.queue).toHaveLength(1);
  });
});

describe('createTrainer: nearest', () => {
  it('k neighbours by cosine, best first, never the word itself; unknown words get null', async () => {
    const h = await initialised({ now: fakeClock() });
    await stepAndDrain(h, 2000);
    const result = await h.trainer.nearest('King', 5);
    expect(result.neighbors).toHaveLength(5);
    const sims = result.neighbors!.map((n) => n.similarity);
    expect([...sims].sort((a, b) => b - a)).toEqual(sims);
    expect(sims.every((s) => s <= 1 && s >= -1)).toBe(true);
    expect(result.neighbors!.map((n) => n.word)).not.toContain('king');
    expect(await h.trainer.nearest('zyzzyva', 5)).toEqual({ word: 'zyzzyva', neighbors: null });
  });
});

describe('createTrainer: the default scheduler', () => {
  it('yields through the event loop in Node too, and finishes', async () => {
    const trainer = createTrainer();
    const finished = new Promise<Frame>((resolve) => {
      trainer.setFrameListener((frame) => {
        if (frame.status === 'done') resolve(frame);
      });
    });
    await trainer.init({ ...TEACHING, config: { ...SMALL, epochs: 1 } });
    await trainer.play();
    const frame = await finished;
    expect(frame.unitsDone).toBe(frame.unitsTotal);
  });
});
