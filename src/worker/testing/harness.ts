/**
 * Test driver for `createTrainer` (used by the trainer's Vitest files): a manual scheduler whose
 * slices run only when the test ticks (the speed cap's timed waits join the same queue), a fake
 * clock, and a record of every frame.
 */
import { expect } from 'vitest';
import type { TrainConfig } from '../../core/types';
import type { Frame, InitRequest } from '../protocol';
import { createTrainer, type TrainerOptions } from '../trainer';

/** A small, fast run on the built-in corpus: ~5.2k tokens × 2 epochs. */
export const SMALL: Partial<TrainConfig> = { dim: 10, window: 2, sample: 0, epochs: 2, seed: 7 };
export const TEACHING: InitRequest = { corpus: { kind: 'builtin', id: 'teaching' }, config: SMALL };

/** A clock that moves forward by `tick` ms each time it is read: slices end after a fixed number of reads. */
export function fakeClock(tick = 0.25) {
  let t = 0;
  return () => (t += tick);
}

/**
 * A fake clock that moves `tick` ms at every reading, with `read()` to look at it without moving
 * it: the time a slice spends is then a count of the trainer's clock readings, not of this
 * machine's speed.
 */
export function steppingClock(tick = 0.25) {
  let t = 0;
  return { now: () => (t += tick), read: () => t };
}

/** A trainer whose slices run only when the test says so, recording every frame. */
export function harness(options: TrainerOptions = {}) {
  const queue: (() => void)[] = [];
  const frames: Frame[] = [];
  const trainer = createTrainer({
    schedule: (task) => queue.push(task),
    wait: (task) => queue.push(task),
    ...options,
  });
  trainer.setFrameListener((frame) => frames.push(frame));
  /** Runs one scheduled slice; false when nothing was scheduled. */
  const tick = (): boolean => {
    const task = queue.shift();
    task?.();
    return task !== undefined;
  };
  /** Runs slices until the run stops asking for more (or `limit` slices). */
  const drain = (limit = 100_000): number => {
    let slices = 0;
    while (slices < limit && tick()) slices++;
    return slices;
  };
  const last = (): Frame => frames.at(-1)!;
  return { trainer, frames, queue, tick, drain, last };
}

export type Harness = ReturnType<typeof harness>;

/** Fake clock, and a frame after every slice so each tick can be observed. */
export function everySlice(): TrainerOptions {
  return { now: fakeClock(), frameMs: 0 };
}

/**
 * SMALL, but long enough that a few dozen 10 ms slices do not finish it (~310k words; the engine
 * trains this configuration at about 700k words/s on the 2-core test machine).
 */
export const LONGER: InitRequest = { ...TEACHING, config: { ...SMALL, epochs: 60 } };

export async function initialised(options: TrainerOptions = {}, request: InitRequest = TEACHING) {
  const h = harness(options);
  const result = await h.trainer.init(request);
  expect(result.ok).toBe(true);
  return h;
}

/** All loss points a sequence of frames carried, in order. */
export function lossSeries(frames: Frame[]): number[] {
  return frames.flatMap((f) => Array.from(f.losses));
}

/** Drives a step to completion with the manual scheduler. */
export async function stepAndDrain(h: Harness, n: number) {
  const done = h.trainer.step(n);
  h.drain();
  await done;
}

/** Frames that brought a projection (a non-empty `coords`). */
export function projected(frames: Frame[]): Frame[] {
  return frames.filter((f) => f.coords.length > 0);
}
