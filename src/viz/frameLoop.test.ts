import { describe, expect, it, vi } from 'vitest';
import { createFrameLoop, type Scheduler } from './frameLoop';

function fakeScheduler() {
  const pending = new Map<number, (time: number) => void>();
  let next = 1;
  const scheduler: Scheduler = {
    request(callback) {
      pending.set(next, callback);
      return next++;
    },
    cancel(handle) {
      pending.delete(handle);
    },
  };
  const flush = (time: number): void => {
    const callbacks = [...pending.values()];
    pending.clear();
    for (const callback of callbacks) callback(time);
  };
  return { scheduler, pending, flush };
}

describe('frameLoop', () => {
  it('runs one loop for all renderers and asks for frames only while one is registered', () => {
    const { scheduler, pending, flush } = fakeScheduler();
    const loop = createFrameLoop(scheduler);
    expect(pending.size).toBe(0);
    const a = vi.fn();
    const b = vi.fn();
    const removeA = loop.add(a);
    const removeB = loop.add(b);
    expect(pending.size).toBe(1);
    flush(16);
    flush(32);
    expect(a).toHaveBeenCalledTimes(2);
    expect(b).toHaveBeenLastCalledWith(32);
    removeA();
    removeB();
    expect(pending.size).toBe(0);
    loop.add(a);
    expect(pending.size).toBe(1);
  });

  it('keeps running when a renderer throws', () => {
    const { scheduler, flush } = fakeScheduler();
    const loop = createFrameLoop(scheduler);
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const good = vi.fn();
    loop.add(() => {
      throw new Error('broken renderer');
    });
    loop.add(good);
    flush(16);
    flush(32);
    expect(good).toHaveBeenCalledTimes(2);
    spy.mockRestore();
  });
});
