import { describe, expect, it } from 'vitest';
import type { Frame } from '../worker/protocol';
import { applyFrame, createLiveFrame, recentLosses } from './liveFrame';

function frame(runId: number, losses: number[], unitsDone = 0): Frame {
  return {
    status: 'training',
    runId,
    message: '',
    mode: 'stream',
    unit: 'word',
    unitsDone,
    unitsTotal: 1000,
    step: 0,
    words: unitsDone,
    epoch: 0,
    epochs: 1,
    fraction: unitsDone / 1000,
    lr: 0.025,
    losses: Float32Array.from(losses),
    lossAt: Float64Array.from(losses.map((_, i) => (i + 1) * 10)),
    lossEvery: 10,
    smoothedLoss: losses.at(-1) ?? Number.NaN,
    throughput: 0,
    seq: 1,
  };
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
});
