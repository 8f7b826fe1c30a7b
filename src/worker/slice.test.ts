import { describe, expect, it } from 'vitest';
import { planSlice, trainUntil, type SliceTiming } from './slice';

const TIMING: SliceTiming = {
  start: 1000,
  sliceMs: 10,
  projectMs: 100,
  frameMs: 33,
  lastProjectionAt: 850,
  lastProjectionMs: 3,
  lastFrameAt: 950,
};

describe('slice plan', () => {
  it('projects when both a projection and a frame are due, and pays for it from the slice', () => {
    expect(planSlice(TIMING)).toEqual({ isProjectionDue: true, deadline: 1007 });
  });

  it('does not project in a slice that sends no frame (the projection would wait unseen)', () => {
    expect(planSlice({ ...TIMING, lastFrameAt: 990 })).toEqual({
      isProjectionDue: false,
      deadline: 1010,
    });
  });

  it('spaces slow projections to at most a fifth of the time', () => {
    // A 40 ms projection may run only every 160 ms: 150 ms after the last one is too soon.
    expect(planSlice({ ...TIMING, lastProjectionMs: 40 }).isProjectionDue).toBe(false);
    expect(planSlice({ ...TIMING, lastProjectionMs: 40, lastProjectionAt: 840 })).toEqual({
      isProjectionDue: true,
      deadline: 970,
    });
  });
});

describe('training until the deadline', () => {
  it('stops when the speed cap allowance is spent and returns what is left', () => {
    const run = { unitsDone: 0 };
    const left = trainUntil(
      run,
      Number.POSITIVE_INFINITY,
      25,
      (allowed) => {
        run.unitsDone += Math.min(allowed, 10);
        return true;
      },
      () => 0,
    );
    expect(run.unitsDone).toBe(25);
    expect(left).toBe(0);
  });

  it('stops at the deadline, and at once when the run stops', () => {
    let clock = 0;
    const run = { unitsDone: 0 };
    const chunk = (): boolean => {
      run.unitsDone += 1;
      clock += 4;
      return true;
    };
    expect(trainUntil(run, 10, Number.POSITIVE_INFINITY, chunk, () => clock)).toBe(Infinity);
    expect(run.unitsDone).toBe(3);
    const stopped = { unitsDone: 0 };
    const calls: number[] = [];
    trainUntil(
      stopped,
      1e9,
      100,
      (allowed) => (calls.push(allowed), false),
      () => 0,
    );
    expect(calls).toEqual([100]);
  });
});
