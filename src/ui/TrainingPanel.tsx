import { useMemo, useRef } from 'react';
import { PlayBar } from './PlayBar';
import { StatusLine } from './StatusLine';
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

/** Run controls, the status line, progress and the live numbers of the run. */
export function TrainingPanel() {
  const statusText = useRef<HTMLParagraphElement>(null);
  const status = useRef<HTMLParagraphElement>(null);
  const progress = useRef<HTMLProgressElement>(null);
  const percent = useRef<HTMLSpanElement>(null);
  const epoch = useRef<HTMLElement>(null);
  const words = useRef<HTMLElement>(null);
  const updates = useRef<HTMLElement>(null);
  const loss = useRef<HTMLElement>(null);
  const lr = useRef<HTMLElement>(null);
  const speed = useRef<HTMLElement>(null);
  const eta = useRef<HTMLElement>(null);
  const refs = useMemo<ReadoutRefs>(
    () => ({ statusText, status, progress, percent, epoch, words, updates, loss, lr, speed, eta }),
    [],
  );
  useReadouts(refs);

  return (
    <section className="panel training" aria-labelledby="training-heading">
      <h2 id="training-heading" className="visually-hidden">
        Training
      </h2>
      <PlayBar />
      <StatusLine visibleRef={statusText} liveRef={status} />
      <div className="progress-row">
        <label htmlFor="run-progress">Progress</label>
        <progress id="run-progress" ref={progress} max={1} value={0} />
        <span ref={percent} className="percent" aria-hidden="true" />
      </div>
      <dl className="readouts">
        <Readout id="readout-epoch" label="Epoch" valueRef={epoch} />
        <Readout id="readout-words" label="Words processed" valueRef={words} />
        <Readout id="readout-updates" label="SGD updates" valueRef={updates} />
        <Readout id="readout-loss" label="Loss (smoothed)" valueRef={loss} />
        <Readout id="readout-lr" label="Rate now" valueRef={lr} />
        <Readout id="readout-speed" label="Throughput" valueRef={speed} />
        <Readout id="readout-eta" label="Time left" valueRef={eta} />
      </dl>
    </section>
  );
}
