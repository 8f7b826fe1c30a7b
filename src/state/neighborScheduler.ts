/**
 * When to ask the worker for fresh nearest neighbours: only when the model changed since the last
 * answer; at most every `intervalMs` while training; at once when training stops; and never two
 * requests at a time, so a slow answer cannot pile up a queue.
 */
import type { Frame } from '../worker/protocol';

/** Returns the function to call with every frame; it calls `refresh` when an answer is due. */
export function createNeighborScheduler(
  refresh: () => Promise<void>,
  intervalMs: number,
  now: () => number = () => performance.now(),
): (frame: Frame) => void {
  let isInFlight = false;
  let lastAt = Number.NEGATIVE_INFINITY;
  let asked = { runId: -1, unitsDone: -1 };
  let latest: Frame | null = null;

  const consider = (frame: Frame): void => {
    latest = frame;
    const isChanged = frame.runId !== asked.runId || frame.unitsDone !== asked.unitsDone;
    if (isInFlight || !isChanged || frame.runId === 0) return;
    const t = now();
    if (frame.status === 'training' && t - lastAt < intervalMs) return;
    isInFlight = true;
    lastAt = t;
    asked = { runId: frame.runId, unitsDone: frame.unitsDone };
    void refresh().finally(() => {
      isInFlight = false;
      // A frame that arrived meanwhile (e.g. the last one after a pause) may need an answer too.
      if (latest && latest.status !== 'training') consider(latest);
    });
  };
  return consider;
}
