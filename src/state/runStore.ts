/**
 * Run status and the few things that change a few times a second at most: what the trainer is
 * doing, the corpus and configuration in force, and the latest nearest-neighbour answers.
 * A vanilla store: components read it with atomic selectors (`useStore(runStore, s => s.status)`).
 */
import { createStore } from 'zustand/vanilla';
import type { TrainConfig } from '../core/types';
import type { CorpusInfo, NearestResult, RunStatus } from '../worker/protocol';

export interface RunState {
  status: RunStatus;
  /** Plain-words explanation for 'diverged' and 'error'. */
  message: string;
  corpus: CorpusInfo | null;
  config: TrainConfig | null;
  /** Words whose neighbours the page shows. */
  queryWords: string[];
  /** Latest answers, in `queryWords` order (empty until the first answer). */
  neighbors: NearestResult[];
}

export const INITIAL_RUN_STATE: RunState = {
  status: 'idle',
  message: '',
  corpus: null,
  config: null,
  queryWords: ['king', 'dog', 'coffee', 'rain'],
  neighbors: [],
};

/** Creates a run store (tests make their own; the app uses `runStore`). */
export function createRunStore(initial: RunState = INITIAL_RUN_STATE) {
  return createStore<RunState>()(() => ({ ...initial }));
}

export const runStore = createRunStore();
