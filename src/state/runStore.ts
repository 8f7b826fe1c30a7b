/**
 * Run status and the few things that change a few times a second at most: what the trainer is
 * doing, the corpus and configuration in force, the shown words, the latest nearest-neighbour
 * answers and the page's own notices. A vanilla store: components read it with atomic selectors
 * (`useStore(runStore, s => s.status)`).
 */
import { createStore } from 'zustand/vanilla';
import type { TrainConfig } from '../core/types';
import type { CorpusInfo, NearestResult, RunStatus, ViewResult } from '../worker/protocol';

export interface RunState {
  status: RunStatus;
  /** Plain-words explanation for 'diverged' and 'error'. */
  message: string;
  /** True while a corpus is being loaded (the trainer is busy with `init`). */
  isLoading: boolean;
  corpus: CorpusInfo | null;
  /** The configuration of the model in force (the config store may be ahead of it). */
  config: TrainConfig | null;
  /** The words the scatter shows, and the requested words the vocabulary lacks. */
  view: ViewResult;
  /** The frame `viewVersion` that `view` belongs to (−1 before the first). */
  viewVersion: number;
  /** Words whose neighbours the page shows. */
  queryWords: string[];
  /** Latest answers, in `queryWords` order (empty until the first answer). */
  neighbors: NearestResult[];
  /**
   * A message from the page itself (a file that could not be read, ignored link values, a
   * preset's caveat), shown in the status line until the next user action.
   */
  notice: string;
}

export const EMPTY_VIEW: ViewResult = { shown: [], missing: [], background: [] };

export const INITIAL_RUN_STATE: RunState = {
  status: 'idle',
  message: '',
  isLoading: false,
  corpus: null,
  config: null,
  view: EMPTY_VIEW,
  viewVersion: -1,
  queryWords: ['king', 'dog', 'coffee', 'rain'],
  neighbors: [],
  notice: '',
};

/** Creates a run store (tests make their own; the app uses `runStore`). */
export function createRunStore(initial: RunState = INITIAL_RUN_STATE) {
  return createStore<RunState>()(() => ({ ...initial }));
}

export type RunStore = ReturnType<typeof createRunStore>;

export const runStore = createRunStore();
