import { describe, expect, it } from 'vitest';
import type { Frame, RunStatus } from '../worker/protocol';
import { makeFrame } from '../worker/testing/frames';
import { createNeighborScheduler } from './neighborScheduler';

function frame(status: RunStatus, unitsDone: number, runId = 1): Frame {
  return makeFrame({ status, runId, unitsDone, words: unitsDone });
}

/** A refresh whose answers the test releases one by one. */
function controlledRefresh() {
  const pending: (() => void)[] = [];
  let calls = 0;
  const refresh = () => {
    calls++;
    return new Promise<void>((resolve) => pending.push(resolve));
  };
  const answer = async () => {
    pending.shift()?.();
    // Let the `finally` continuation run.
    await Promise.resolve();
    await Promise.resolve();
  };
  return { refresh, answer, calls: () => calls };
}

describe('createNeighborScheduler', () => {
  it('while training: at most one request per interval, never two in flight', async () => {
    let t = 0;
    const r = controlledRefresh();
    const consider = createNeighborScheduler(r.refresh, 650, () => t);
    consider(frame('training', 100));
    expect(r.calls()).toBe(1);
    t = 700;
    consider(frame('training', 200));
    expect(r.calls()).toBe(1); // the first answer has not come back
    await r.answer();
    t = 800;
    consider(frame('training', 300));
    expect(r.calls()).toBe(2);
    t = 1000;
    await r.answer();
    consider(frame('training', 400));
    expect(r.calls()).toBe(2); // only 200 ms since the last request
    t = 1500;
    consider(frame('training', 500));
    expect(r.calls()).toBe(3);
  });

  it('the frame that stops training gets an answer even if it came during a request', async () => {
    let t = 0;
    const r = controlledRefresh();
    const consider = createNeighborScheduler(r.refresh, 650, () => t);
    consider(frame('training', 100));
    t = 10;
    consider(frame('paused', 180));
    expect(r.calls()).toBe(1);
    await r.answer();
    expect(r.calls()).toBe(2);
  });

  it('an unchanged model is not asked again; a new run is, and no model (runId 0) never', async () => {
    const r = controlledRefresh();
    const consider = createNeighborScheduler(r.refresh, 650, () => 0);
    consider(frame('idle', 0, 0));
    expect(r.calls()).toBe(0);
    consider(frame('paused', 50));
    await r.answer();
    consider(frame('paused', 50));
    expect(r.calls()).toBe(1);
    consider(frame('idle', 0, 2));
    expect(r.calls()).toBe(2);
  });
});
