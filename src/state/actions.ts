/**
 * What the page can ask for, as plain module functions: components call these and never hold
 * the worker themselves. `connectTrainer` routes the worker's frames into `liveFrame` (every
 * frame) and `runStore` (only when the status changes), and refreshes the nearest neighbours
 * about 1.5 times a second while training.
 */
import { subscribeFrames, trainer } from '../worker/client';
import { applyFrame, liveFrame } from './liveFrame';
import { createNeighborScheduler } from './neighborScheduler';
import { TEACHING_RUN } from './presets';
import { runStore } from './runStore';

/** Neighbours shown per query word. */
const NEIGHBOR_COUNT = 5;
/** Minimum time between neighbour refreshes while training. */
const NEIGHBOR_REFRESH_MS = 650;

/** Loads the built-in teaching corpus with the first page's settings and starts training. */
export async function startTeachingRun(): Promise<void> {
  const result = await trainer.init({
    corpus: { kind: 'builtin', id: 'teaching' },
    config: TEACHING_RUN,
  });
  // A failure arrives as an 'error' frame too; the status line shows it.
  if (!result.ok) return;
  runStore.setState({ corpus: result.corpus, config: result.config });
  await trainer.play();
}

export function play(): Promise<void> {
  return trainer.play();
}

export function pause(): Promise<void> {
  return trainer.pause();
}

/** Play when stopped, pause when training. */
export function togglePlay(): Promise<void> {
  return runStore.getState().status === 'training' ? pause() : play();
}

/** Trains exactly `units` words (or iterations), then stays paused. */
export function step(units = 1): Promise<void> {
  return trainer.step(units);
}

/** Asks the worker for the neighbours of every query word and stores the answers. */
export async function refreshNeighbors(): Promise<void> {
  const words = runStore.getState().queryWords;
  const neighbors = await Promise.all(words.map((word) => trainer.nearest(word, NEIGHBOR_COUNT)));
  runStore.setState({ neighbors });
}

/** Routes frames from the worker into the stores; returns the function that disconnects. */
export function connectTrainer(): () => void {
  const considerNeighbors = createNeighborScheduler(refreshNeighbors, NEIGHBOR_REFRESH_MS);
  return subscribeFrames((frame) => {
    applyFrame(liveFrame, frame);
    const { status, message } = runStore.getState();
    if (status !== frame.status || message !== frame.message) {
      runStore.setState({ status: frame.status, message: frame.message });
    }
    considerNeighbors(frame);
  });
}
