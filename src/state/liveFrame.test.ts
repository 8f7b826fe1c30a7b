import { describe, expect, it } from 'vitest';
import type { Frame } from '../worker/protocol';
import { makeFrame } from '../worker/testing/frames';
import { applyFrame, createLiveFrame, recentLosses, recentLrs } from './liveFrame';

function frame(runId: number, losses: number[], unitsDone = 0, patch: Partial<Frame> = {}): Frame {
  return makeFrame({
    runId,
    unitsDone,
    words: unitsDone,
    fraction: unitsDone / 1000,
    losses: Float32Array.from(losses),
    lossAt: Float64Array.from(losses.map((_, i) => (i + 1) * 10)),
    lossEvery: 10,
    smoothedLoss: losses.at(-1) ?? Number.NaN,
    lrs: Float32Array.from(losses.map(() => 0.025)),
    ...patch,
  });
}

describe('liveFrame', () => {
  it('appends the loss points of successive frames in order and bumps the version', () => {
    const live = createLiveFrame(8);
    applyFrame(live, frame(1, [4, 3.5]));
    applyFrame(live, frame(1, []));
    applyFrame(live, frame(1, [3]));
    expect(live.version).toBe(3);
    expect(live.lossCount).toBe(3);
    expect(Array.from(recentLosses(live, 10))).toEqual([4, 3.5, 3]);
    expect(Array.from(recentLosses(live, 2))).toEqual([3.5, 3]);
  });

  it('ring overflow keeps the newest points, oldest first', () => {
    const live = createLiveFrame(4);
    applyFrame(live, frame(1, [1, 2, 3]));
    applyFrame(live, frame(1, [4, 5, 6]));
    expect(live.lossCount).toBe(6);
    expect(Array.from(recentLosses(live, 10))).toEqual([3, 4, 5, 6]);
  });

  it('a new runId (reset) starts the loss history over', () => {
    const live = createLiveFrame(8);
    applyFrame(live, frame(1, [4, 3]));
    applyFrame(live, frame(2, [5]));
    expect(Array.from(recentLosses(live, 10))).toEqual([5]);
    expect(live.latest?.runId).toBe(2);
  });

  it('keeps the learning rate of every loss point aligned with the losses', () => {
    const live = createLiveFrame(4);
    applyFrame(live, frame(1, [5, 4], 0, { lrs: Float32Array.from([0.5, 0.25]) }));
    applyFrame(live, frame(1, [3, 2, 1], 0, { lrs: Float32Array.from([0.125, 0.0625, 0.03125]) }));
    expect(Array.from(recentLosses(live, 4))).toEqual([4, 3, 2, 1]);
    expect(Array.from(recentLrs(live, 4))).toEqual([0.25, 0.125, 0.0625, 0.03125]);
  });

  it('keeps the last coordinates through frames that bring none, for the same shown list', () => {
    const live = createLiveFrame(4);
    const coords = Float32Array.from([1, 2, 3, 4]);
    applyFrame(live, frame(1, [], 0, { coords, explained: [0.4, 0.2] }));
    applyFrame(live, frame(1, []));
    expect(live.coords).toBe(coords);
    expect(live.explained).toEqual([0.4, 0.2]);
    expect(live.coordsVersion).toBe(1);
  });

  it('a new shown list drops the old coordinates even before new ones arrive', () => {
    const live = createLiveFrame(4);
    applyFrame(live, frame(1, [], 0, { coords: Float32Array.from([1, 2]) }));
    applyFrame(live, frame(1, [], 0, { viewVersion: 2 }));
    expect(live.coords.length).toBe(0);
    expect(live.viewVersion).toBe(2);
    expect(live.coordsVersion).toBe(2);
  });
});
