/**
 * Writes the live readouts (status line, progress, counters, loss) straight into the DOM from a
 * requestAnimationFrame loop, so 30 frames a second never re-render React. It redraws only when a
 * new frame arrived or the run store changed.
 */
import { useEffect, type RefObject } from 'react';
import { liveFrame } from '../state/liveFrame';
import { runStore } from '../state/runStore';
import type { Frame } from '../worker/protocol';
import { composeStatus, formatCount, formatEta, formatThroughput, formatValue } from './format';

/**
 * While training, the polite live region changes at most this often, so screen readers are not
 * flooded; the visible copy of the line follows every frame.
 */
const STATUS_INTERVAL_MS = 1000;

type TextRef = RefObject<HTMLElement | null>;

export interface ReadoutRefs {
  /** The visible status line (every frame) and its live-region twin (throttled). */
  statusText: TextRef;
  status: TextRef;
  progress: RefObject<HTMLProgressElement | null>;
  percent: TextRef;
  epoch: TextRef;
  words: TextRef;
  updates: TextRef;
  loss: TextRef;
  lr: TextRef;
  speed: TextRef;
  eta: TextRef;
}

function setText(ref: TextRef, text: string): void {
  if (ref.current && ref.current.textContent !== text) ref.current.textContent = text;
}

function epochText(frame: Frame): string {
  if (frame.mode === 'minibatch') return '—';
  return `${Math.min(frame.epoch + 1, frame.epochs)} of ${frame.epochs}`;
}

function writeNumbers(refs: ReadoutRefs, frame: Frame): void {
  if (refs.progress.current) refs.progress.current.value = frame.fraction;
  setText(refs.percent, `${Math.floor(frame.fraction * 100)}%`);
  setText(refs.epoch, epochText(frame));
  setText(refs.words, formatCount(frame.words));
  setText(refs.updates, formatCount(frame.step));
  setText(refs.loss, formatValue(frame.smoothedLoss));
  setText(refs.lr, formatValue(frame.lr));
  setText(refs.speed, formatThroughput(frame));
  setText(refs.eta, formatEta(frame));
}

export function useReadouts(refs: ReadoutRefs): void {
  useEffect(() => {
    let seenVersion = -1;
    let isStoreDirty = true;
    let statusWrittenAt = Number.NEGATIVE_INFINITY;
    let lastStatus = '';
    let isSpeedSaid = false;
    const unsubscribe = runStore.subscribe(() => {
      isStoreDirty = true;
    });

    const draw = (time: number): void => {
      if (liveFrame.version === seenVersion && !isStoreDirty) return;
      seenVersion = liveFrame.version;
      isStoreDirty = false;
      const frame = liveFrame.latest;
      if (frame) writeNumbers(refs, frame);
      const status = frame?.status ?? 'idle';
      const text = composeStatus(frame, runStore.getState());
      setText(refs.statusText, text);
      // Keep the live region calm while training; say every change of status at once, and the
      // first sentence of a run that knows its speed (the very first frame cannot).
      const isSpeedKnown = (frame?.throughput ?? 0) > 0;
      if (
        status === 'training' &&
        status === lastStatus &&
        (isSpeedSaid || !isSpeedKnown) &&
        time - statusWrittenAt < STATUS_INTERVAL_MS
      )
        return;
      setText(refs.status, text);
      statusWrittenAt = time;
      lastStatus = status;
      isSpeedSaid = status === 'training' && isSpeedKnown;
    };

    let frameId = 0;
    const tick = (time: number): void => {
      draw(time);
      frameId = requestAnimationFrame(tick);
    };
    frameId = requestAnimationFrame(tick);
    return () => {
      cancelAnimationFrame(frameId);
      unsubscribe();
    };
  }, [refs]);
}
