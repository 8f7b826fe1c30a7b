/**
 * What the derivation panels read: the run's kind (for the formulas), the current example (for
 * the numbers), the chosen pair, and a few fast values polled from `liveFrame` at ~4 Hz.
 */
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { CbowUpdateId, LossId, ModeId, ModelId } from '../../core/index';
import { currentFrame } from '../../state/inspectModel';
import { inspectStore } from '../../state/inspectStore';
import { liveFrame } from '../../state/liveFrame';
import { runStore } from '../../state/runStore';

/** Poll period of the fast values: the panels are read, not watched, so ~4 Hz is enough. */
const POLL_MS = 250;

export interface RunKind {
  model: ModelId;
  loss: LossId;
  mode: ModeId;
  cbowUpdate: CbowUpdateId;
}

/** The run's model, loss, mode and CBOW rule: the inspected run's, else the configuration's. */
export function useRunKind(): RunKind {
  const context = useStore(inspectStore, (s) => s.context);
  const config = useStore(runStore, (s) => s.config);
  const from = context ?? config;
  return {
    model: from?.model ?? 'skipgram',
    loss: from?.loss ?? 'ns',
    mode: from?.mode ?? 'stream',
    cbowUpdate: from?.cbowUpdate ?? 'word2vec',
  };
}

/** The run's facts and its latest example (null until there is one for this run). */
export function useCurrentExample() {
  const context = useStore(inspectStore, (s) => s.context);
  const frame = useStore(inspectStore, (s) => currentFrame(s.context, s.frame));
  return { context, frame };
}

/** The fast values the panels show: the learning rate in force and the map's explained variance. */
export interface LiveValues {
  lr: number;
  explained: readonly [number, number];
}

function readLive(): LiveValues {
  return { lr: liveFrame.latest?.lr ?? NaN, explained: liveFrame.explained };
}

function isSame(a: LiveValues, b: LiveValues): boolean {
  return (
    Object.is(a.lr, b.lr) &&
    Object.is(a.explained[0], b.explained[0]) &&
    Object.is(a.explained[1], b.explained[1])
  );
}

/** `liveFrame`'s learning rate and explained variance, re-read every POLL_MS (re-renders only on change). */
export function useLiveValues(): LiveValues {
  const [values, setValues] = useState(readLive);
  useEffect(() => {
    const id = window.setInterval(() => {
      const next = readLive();
      setValues((prev) => (isSame(prev, next) ? prev : next));
    }, POLL_MS);
    return () => window.clearInterval(id);
  }, []);
  return values;
}
