/**
 * Turns the loss sums of `Engine.train` calls into loss points of a fixed number of units, and
 * keeps the finished points until the next frame takes them.
 *
 * Fixed-size points make the loss curve independent of how the time slices happened to cut the
 * run, so the same seed draws the same curve on a fast and on a slow machine.
 */
import type { TrainReport } from '../core/types';

/** Weight of the newest point in the moving average (CS224n's 0.95 · old + 0.05 · new). */
const EMA_WEIGHT = 0.05;
const INITIAL_CAPACITY = 256;

export interface LossPoints {
  losses: Float32Array;
  lossAt: Float64Array;
  /** Learning rate of the last updates of each point. */
  lrs: Float32Array;
}

export interface LossRecorder {
  readonly lossEvery: number;
  /** Units left before the open point closes (≥ 1). */
  unitsToBoundary(): number;
  /**
   * Adds one train call's loss terms, `lr` being the learning rate its updates used; closes the
   * open point when it reaches `lossEvery` units.
   */
  add(report: TrainReport, unitsDone: number, lr: number): void;
  /** Closes the open point early (end of a `step`), if it holds any loss term. */
  flush(unitsDone: number): void;
  /** Fresh copies of the points finished since the last call; the buffer is then emptied. */
  take(): LossPoints;
  /** Moving average of all points so far (NaN before the first). */
  smoothed(): number;
}

/** A recorder whose points each cover `lossEvery` units. */
export function createLossRecorder(lossEvery: number): LossRecorder {
  let losses = new Float32Array(INITIAL_CAPACITY);
  let lossAt = new Float64Array(INITIAL_CAPACITY);
  let lrs = new Float32Array(INITIAL_CAPACITY);
  let count = 0;
  let lastLr = 0;
  // The open point: loss sum, number of loss terms and units so far.
  let openSum = 0;
  let openTerms = 0;
  let openUnits = 0;
  let ema = Number.NaN;
  let hasPoint = false;

  const push = (value: number, at: number): void => {
    if (count === losses.length) {
      // Grow by doubling; this runs rarely (only when frames are not being taken).
      losses = grown(losses, new Float32Array(count * 2));
      lossAt = grown(lossAt, new Float64Array(count * 2));
      lrs = grown(lrs, new Float32Array(count * 2));
    }
    losses[count] = value;
    lossAt[count] = at;
    lrs[count] = lastLr;
    count++;
    // The first point seeds the average, as CS224n's `sgd` does.
    ema = hasPoint ? (1 - EMA_WEIGHT) * ema + EMA_WEIGHT * value : value;
    hasPoint = true;
  };

  const close = (unitsDone: number): void => {
    if (openTerms > 0) push(openSum / openTerms, unitsDone);
    openSum = 0;
    openTerms = 0;
    openUnits = 0;
  };

  return {
    lossEvery,
    unitsToBoundary: () => Math.max(1, lossEvery - openUnits),
    add(report, unitsDone, lr) {
      lastLr = lr;
      openSum += report.lossSum;
      openTerms += report.lossCount;
      openUnits += report.processed;
      if (openUnits >= lossEvery) close(unitsDone);
    },
    flush: close,
    take() {
      const points = {
        losses: losses.slice(0, count),
        lossAt: lossAt.slice(0, count),
        lrs: lrs.slice(0, count),
      };
      count = 0;
      return points;
    },
    smoothed: () => ema,
  };
}

/** `into` (twice as long) holding a copy of `from`. */
function grown<T extends Float32Array | Float64Array>(from: T, into: T): T {
  into.set(from);
  return into;
}
