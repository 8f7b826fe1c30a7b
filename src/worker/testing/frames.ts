/**
 * Test-only: a complete `Frame` with neutral values, so a test states only the fields it is
 * about (and a new Frame field is added in one place).
 */
import type { Frame } from '../protocol';

export function makeFrame(patch: Partial<Frame> = {}): Frame {
  return {
    status: 'training',
    runId: 1,
    threads: 1,
    message: '',
    mode: 'stream',
    unit: 'word',
    unitsDone: 0,
    unitsTotal: 1000,
    step: 0,
    words: 0,
    epoch: 0,
    epochs: 1,
    fraction: 0,
    lr: 0.025,
    losses: new Float32Array(0),
    lossAt: new Float64Array(0),
    lossEvery: 100,
    smoothedLoss: Number.NaN,
    throughput: 0,
    seq: 1,
    viewVersion: 1,
    coords: new Float32Array(0),
    explained: [0, 0],
    lrs: new Float32Array(0),
    ...patch,
  };
}
