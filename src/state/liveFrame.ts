/**
 * Fast run data, kept outside React: the latest frame's numbers, the loss and learning-rate
 * history, and the latest 2-D coordinates of the shown words.
 *
 * Frames arrive up to 30 times a second; binding them to React state would re-render the page at
 * that rate. Instead `applyFrame` writes here and bumps `version`, and whoever draws (the rAF loop
 * of the readouts, the scatter and the loss chart) reads directly and redraws only when `version`
 * (or `coordsVersion`) moved.
 */
import type { Frame } from '../worker/protocol';

/** Loss points kept for drawing; older ones are overwritten (a ring). */
export const LOSS_CAPACITY = 1 << 16;

export interface LiveFrame {
  /** Bumped on every applied frame. */
  version: number;
  /** The latest frame (its loss points are also copied into the rings below). */
  latest: Frame | null;
  /** Ring of loss points of the current run: point i lives at index i % capacity. */
  losses: Float32Array;
  lossAt: Float64Array;
  /** Learning rate at each loss point, aligned with `losses`. */
  lrs: Float32Array;
  /** Loss points received in the current run (may exceed the capacity). */
  lossCount: number;
  /** Latest projection of the shown words: x, y interleaved, 2 numbers per shown word. */
  coords: Float32Array;
  /** Explained-variance ratios of the two axes of `coords`. */
  explained: [number, number];
  /** `viewVersion` of the frame `coords` came from (which list of shown words they belong to). */
  viewVersion: number;
  /** Bumped whenever `coords` is replaced. */
  coordsVersion: number;
}

/** An empty holder with rings of `capacity` points. */
export function createLiveFrame(capacity = LOSS_CAPACITY): LiveFrame {
  return {
    version: 0,
    latest: null,
    losses: new Float32Array(capacity),
    lossAt: new Float64Array(capacity),
    lrs: new Float32Array(capacity),
    lossCount: 0,
    coords: new Float32Array(0),
    explained: [0, 0],
    viewVersion: -1,
    coordsVersion: 0,
  };
}

/**
 * Records `frame`: a new `runId` clears the loss history, then its points are appended. The
 * coordinates are replaced when the frame brings some, or when the shown list changed (a frame
 * without coordinates for a new list means there is nothing to draw yet).
 */
export function applyFrame(live: LiveFrame, frame: Frame): void {
  if (live.latest && live.latest.runId !== frame.runId) live.lossCount = 0;
  const capacity = live.losses.length;
  for (let i = 0; i < frame.losses.length; i++) {
    const slot = live.lossCount % capacity;
    live.losses[slot] = frame.losses[i]!;
    live.lossAt[slot] = frame.lossAt[i]!;
    live.lrs[slot] = frame.lrs[i] ?? frame.lr;
    live.lossCount++;
  }
  if (frame.coords.length > 0 || frame.viewVersion !== live.viewVersion) {
    live.coords = frame.coords;
    live.explained = frame.explained;
    live.viewVersion = frame.viewVersion;
    live.coordsVersion++;
  }
  live.latest = frame;
  live.version++;
}

/** Copies the last `n` points of a ring (`losses` or `lrs`), oldest first. */
function recent(live: LiveFrame, ring: Float32Array, n: number): Float32Array {
  const capacity = ring.length;
  const count = Math.min(n, live.lossCount, capacity);
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) out[i] = ring[(live.lossCount - count + i) % capacity]!;
  return out;
}

/** Copies the last `n` loss points, oldest first (fewer if fewer were received). */
export function recentLosses(live: LiveFrame, n: number): Float32Array {
  return recent(live, live.losses, n);
}

/** Copies the learning rates of the last `n` loss points, oldest first. */
export function recentLrs(live: LiveFrame, n: number): Float32Array {
  return recent(live, live.lrs, n);
}

/** The app's one holder, fed by `actions.ts`. */
export const liveFrame = createLiveFrame();
