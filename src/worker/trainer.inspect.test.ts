/**
 * The derivation panels' feed, driven through the trainer's commands: the context on opening and
 * after every new model, examples while training at the feed's pace (fake clock), one after each
 * step, nothing while closed; the slow step holds an example until `applyPending` trains it.
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../core/engine';
import { INSPECT_EVERY_MS } from './inspectLimits';
import {
  LONGER,
  SMALL,
  TEACHING,
  everySlice,
  harness,
  initialised,
  stepAndDrain,
  steppingClock,
} from './testing/harness';
import { expectFrameApplied, listen, open } from './testing/inspect';

const D = SMALL.dim!;

describe('inspect feed: context', () => {
  it('arrives when the panels open and after a reset, with the run’s facts', async () => {
    const h = await initialised(everySlice());
    const feed = listen(h);
    expect(feed.messages).toHaveLength(0);
    await open(h);
    const [first] = feed.contexts();
    expect(first).toMatchObject({ runId: h.last().runId, model: 'skipgram', mode: 'stream' });
    expect(first).toMatchObject({ dim: D, window: SMALL.window, batch: 1, sample: 0 });
    expect(first!.words).toHaveLength(first!.counts.length);
    expect(first!.counts.reduce((a, b) => a + b, 0)).toBe(first!.tokens);
    expect(first!.sampling).toHaveLength(30);
    expect(first!.sampling[0]).toMatchObject({ word: first!.words[0], keep: 1 });
    await h.trainer.reset(3);
    expect(feed.contexts()).toHaveLength(2);
    expect(feed.contexts()[1]!.runId).toBe(h.last().runId);
    expect(feed.contexts()[1]!.runId).not.toBe(first!.runId);
  });

  it('minibatch runs report their batch size', async () => {
    const config = { ...SMALL, mode: 'minibatch' as const, batchSize: 7 };
    const h = await initialised(everySlice(), { ...TEACHING, config });
    const feed = listen(h);
    await open(h);
    expect(feed.contexts()[0]).toMatchObject({ mode: 'minibatch', batch: 7 });
  });
});

describe('inspect feed: examples', () => {
  it('nothing is sent while the panels are closed, training or stepping', async () => {
    const h = await initialised(everySlice(), LONGER);
    const feed = listen(h);
    await h.trainer.play();
    for (let i = 0; i < 30; i++) h.tick();
    await h.trainer.pause();
    await stepAndDrain(h, 100);
    expect(h.last().unitsDone).toBeGreaterThan(100);
    expect(feed.messages).toHaveLength(0);
  });

  it('while training: trained examples, at most one per INSPECT_EVERY_MS of the clock', async () => {
    const clock = steppingClock(2);
    const h = await initialised({ now: clock.now }, LONGER);
    const feed = listen(h, clock.read);
    await open(h);
    await h.trainer.play();
    for (let i = 0; i < 400 && feed.examples().length < 4; i++) h.tick();
    await h.trainer.pause();
    const times = feed.exampleTimes();
    expect(times.length).toBe(4);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(INSPECT_EVERY_MS);
    // …and not much more: one slice past the pace at most.
    for (const gap of gaps) expect(gap).toBeLessThan(INSPECT_EVERY_MS + 50);
    const frames = feed.examples();
    expect(frames.map((f) => f.seq)).toEqual([1, 2, 3, 4]);
    expect(frames.every((f) => f.state === 'trained' && f.runId === h.last().runId)).toBe(true);
    // Pausing shows nothing new.
    const count = frames.length;
    h.drain();
    expect(feed.examples()).toHaveLength(count);
  });

  it('one example after each step, and its numbers move on', async () => {
    const h = await initialised(everySlice());
    const feed = listen(h);
    await open(h);
    for (let n = 1; n <= 3; n++) {
      await stepAndDrain(h, 40);
      expect(feed.examples()).toHaveLength(n);
    }
    const [a, b, c] = feed.examples();
    expect(b!.unitsDone - a!.unitsDone).toBe(40);
    expect(c!.unitsDone - b!.unitsDone).toBe(40);
    expect(b!.trace.totalLoss).not.toBe(a!.trace.totalLoss);
    expect(c!.trace.totalLoss).not.toBe(b!.trace.totalLoss);
    // Stream mode: α is the decayed rate the engine uses for its next words.
    expect(c!.trace.lr).toBeCloseTo(h.last().lr, 6);
  });

  it('minibatch: α of the example is the iteration’s step over B (one window’s share)', async () => {
    const config = { ...SMALL, mode: 'minibatch' as const, batchSize: 5, annealEvery: 2 };
    const h = await initialised(everySlice(), { ...TEACHING, config });
    const feed = listen(h);
    await open(h);
    await stepAndDrain(h, 3);
    expect(feed.examples()[0]!.trace.lr).toBe(h.last().lr / 5);
    // Three iterations done, halving every two: the step is lr / 2.
    expect(h.last().lr).toBe(defaultConfig(config).lr / 2);
  });
});

describe('inspect feed: the slow step', () => {
  it('slowStep pauses, sends the example as pending and leaves the weights alone', async () => {
    const h = await initialised(everySlice(), LONGER);
    const feed = listen(h);
    await open(h, true);
    await h.trainer.play();
    h.tick();
    const first = await h.trainer.slowStep();
    expect(h.last().status).toBe('paused');
    const second = await h.trainer.slowStep();
    expect(first).toMatchObject({ state: 'pending', runId: h.last().runId });
    expect(feed.examples().slice(-2)).toEqual([first, second]);
    expect(second!.seq).toBe(first!.seq + 1);
    // Nothing trained between the two draws.
    expect(second!.weights).toEqual(first!.weights);
  });

  it('applyPending trains exactly the shown update, once', async () => {
    const h = await initialised(everySlice());
    const feed = listen(h);
    await open(h, true);
    await stepAndDrain(h, 500);
    const pending = (await h.trainer.slowStep())!;
    expect(await h.trainer.applyPending()).toBe(true);
    expect(feed.examples().at(-1)).toEqual({ ...pending, state: 'trained' });
    expect(await h.trainer.applyPending()).toBe(false);
    const after = (await h.trainer.slowStep())!;
    expectFrameApplied(pending, after, D);
  });

  it('a pending example is dropped once the weights change (a step, a reset)', async () => {
    const h = await initialised(everySlice());
    listen(h);
    await open(h);
    await h.trainer.slowStep();
    await stepAndDrain(h, 10);
    expect(await h.trainer.applyPending()).toBe(false);
    await h.trainer.slowStep();
    await h.trainer.reset();
    expect(await h.trainer.applyPending()).toBe(false);
  });

  it('without a model there is nothing to step or check', async () => {
    const h = harness(everySlice());
    expect(await h.trainer.slowStep()).toBeNull();
    expect(await h.trainer.applyPending()).toBe(false);
    expect(await h.trainer.gradcheck('none')).toBeNull();
  });
});
