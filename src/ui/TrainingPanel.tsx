import { useMemo, useRef } from 'react';
import { PlayBar } from './PlayBar';
import { useReadouts, type ReadoutRefs } from './useReadouts';

/** One labelled number of the readout list, filled in by `useReadouts`. */
function Readout({
  id,
  label,
  valueRef,
}: {
  id: string;
  label: string;
  valueRef: ReadoutRefs['words'];
}) {
  return (
    <div className="readout">
      <dt id={id}>{label}</dt>
      <dd aria-labelledby={id} ref={valueRef} />
    </div>
  );
}

/** Controls, the status line, progress and the live numbers of the run. */
export function TrainingPanel() {
  const statusText = useRef<HTMLParagraphElement>(null);
  const status = useRef<HTMLParagraphElement>(null);
  const progress = useRef<HTMLProgressElement>(null);
  const percent = useRef<HTMLSpanElement>(null);
  const words = useRef<HTMLElement>(null);
  const updates = useRef<HTMLElement>(null);
  const loss = useRef<HTMLElement>(null);
  const lr = useRef<HTMLElement>(null);
  const speed = useRef<HTMLElement>(null);
  const refs = useMemo<ReadoutRefs>(
    () => ({ statusText, status, progress, percent, words, updates, loss, lr, speed }),
    [],
  );
  useReadouts(refs);

  return (
    <section className="panel" aria-labelledby="training-heading">
      <h2 id="training-heading">Training</h2>
      <PlayBar />
      {/* The same sentence twice: fresh on screen, calmer for screen readers (see useReadouts). */}
      <p ref={statusText} className="status-line" aria-hidden="true" />
      <p ref={status} className="visually-hidden" role="status" aria-live="polite" />
      <div className="progress-row">
        <label htmlFor="run-progress">Progress</label>
        <progress id="run-progress" ref={progress} max={1} value={0} />
        <span ref={percent} className="percent" aria-hidden="true" />
      </div>
      <dl className="readouts">
        <Readout id="readout-words" label="Words processed" valueRef={words} />
        <Readout id="readout-updates" label="SGD updates" valueRef={updates} />
        <Readout id="readout-loss" label="Loss (smoothed)" valueRef={loss} />
        <Readout id="readout-lr" label="Learning rate" valueRef={lr} />
        <Readout id="readout-speed" label="Speed" valueRef={speed} />
      </dl>
    </section>
  );
}
