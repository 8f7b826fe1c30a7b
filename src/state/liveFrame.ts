/**
 * Fast run data, kept outside React: the latest frame's numbers and the loss history.
 *
 * Frames arrive up to 30 times a second; binding them to React state would re-render the page at
 * that rate. Instead `applyFrame` writes here and bumps `version`, and whoever draws (the rAF loop
 * of the readouts, later the loss chart) reads directly and redraws only when `version` moved.
 */
import type { Frame } from '../worker/protocol';

/** Loss points kept for drawing; older ones are overwritten (a ring). */
export const LOSS_CAPACITY = 1 << 16;

export interface LiveFrame {
  /** Bumped on every applied frame. */
  version: number;
  /** The latest frame (its loss points are also copied into the ring below). */
  latest: Frame | null;
  /** Ring of loss points of the current run: point i lives at index i % LOSS_CAPACITY. */
  losses: Float32Array;
  lossAt: Float64Array;
  /** Loss points received in the current run (may exceed the capacity). */
  lossCount: number;
}

/** An empty holder with a ring of `capacity` points. */
export function createLiveFrame(capacity = LOSS_CAPACITY): LiveFrame {
  return {
    version: 0,
    latest: null,
    losses: new Float32Array(capacity),
    lossAt: new Float64Array(capacity),
    lossCount: 0,
  };
}

/** Records `frame`: a new `runId` clears the loss history, then its points are appended. */
export function applyFrame(live: LiveFrame, frame: Frame): void {
  if (live.latest && live.latest.runId !== frame.runId) live.lossCount = 0;
  const capacity = live.losses.length;
  for (let i = 0; i < frame.losses.length; i++) {
    const slot = live.lossCount % capacity;
    live.losses[slot] = frame.losses[i]!;
    live.lossAt[slot] = frame.lossAt[i]!;
    live.lossCount++;
  }
  live.latest = frame;
  live.version++;
}

/** Copies the last `n` loss points, oldest first (fewer if fewer were received). */
export function recentLosses(live: LiveFrame, n: number): Float32Array {
  const capacity = live.losses.length;
  const count = Math.min(n, live.lossCount, capacity);
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) out[i] = live.losses[(live.lossCount - count + i) % capacity]!;
  return out;
}

/** The app's one holder, fed by `actions.ts`. */
export const liveFrame = createLiveFrame();
