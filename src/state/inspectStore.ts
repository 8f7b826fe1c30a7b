/**
 * The derivation panels' data: the run's fixed facts, the latest example and the slow step's
 * position. It changes about once a second at most (INSPECT_EVERY_MS), so components read it
 * reactively with atomic selectors. Which panels are open is user intent and lives in the config
 * store (`panels`), so a link carries it.
 */
import { createStore } from 'zustand/vanilla';
import type { BreakMode } from '../core/index';
import type { GradcheckAnswer, InspectContext, InspectFrame } from '../worker/protocol';

export interface InspectState {
  /** The run's vocabulary, tree, settings and sampling charts (null until a panel first opens). */
  context: InspectContext | null;
  /** The latest example (null until one arrives, and after a new model until its first). */
  frame: InspectFrame | null;
  /**
   * The slow step: index into `frame.trace.stages` while walking a pending or just-applied
   * example; null when not stepping.
   */
  stage: number | null;
  /** The gradient check panel. */
  gradcheck: {
    breakMode: BreakMode;
    answer: GradcheckAnswer | null;
    isRunning: boolean;
  };
}

export const INITIAL_INSPECT_STATE: InspectState = {
  context: null,
  frame: null,
  stage: null,
  gradcheck: { breakMode: 'none', answer: null, isRunning: false },
};

/** Creates an inspect store (tests make their own; the app uses `inspectStore`). */
export function createInspectStore(initial: InspectState = INITIAL_INSPECT_STATE) {
  return createStore<InspectState>()(() => ({ ...initial }));
}

export type InspectStore = ReturnType<typeof createInspectStore>;

export const inspectStore = createInspectStore();
