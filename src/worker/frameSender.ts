/**
 * Delivers frames to the one registered listener, transferring their typed arrays.
 *
 * Back-pressure: when the listener returns a promise (a `Comlink.proxy` call does, resolving once
 * the page has run it), no new frame is sent until it settles. Frames asked for meanwhile merge
 * into one, built when it is finally sent, so a busy page receives fewer, fuller frames instead of
 * a growing queue.
 */
import { transfer } from 'comlink';
import type { Frame, FrameListener } from './protocol';

export interface FrameSender {
  setListener(listener: FrameListener | null): void;
  hasListener(): boolean;
  /** Sends `build()` now, or as soon as the previous frame has been received. */
  send(build: () => Frame): void;
  /** Clock time of the last frame sent (−Infinity before the first). */
  lastSentAt(): number;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

/** A sender stamped by `now` (milliseconds). */
export function createFrameSender(now: () => number): FrameSender {
  let listener: FrameListener | null = null;
  let isInFlight = false;
  let owed: (() => Frame) | null = null;
  let lastAt = Number.NEGATIVE_INFINITY;
  let seq = 0;

  const send = (build: () => Frame): void => {
    if (!listener) {
      // Nobody listens: build anyway so the frame's loss points are consumed, not hoarded.
      build();
      return;
    }
    if (isInFlight) {
      owed = build;
      return;
    }
    const frame = build();
    frame.seq = ++seq;
    lastAt = now();
    const buffers = [
      frame.losses.buffer,
      frame.lossAt.buffer,
      frame.lrs.buffer,
      frame.coords.buffer,
    ];
    const received = listener(transfer(frame, buffers));
    if (!isThenable(received)) return;
    isInFlight = true;
    const settle = (): void => {
      isInFlight = false;
      const next = owed;
      owed = null;
      if (next) send(next);
    };
    received.then(settle, settle);
  };

  return {
    setListener(next) {
      listener = next;
      isInFlight = false;
      owed = null;
    },
    hasListener: () => listener !== null,
    send,
    lastSentAt: () => lastAt,
  };
}
