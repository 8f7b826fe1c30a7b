import { useId } from 'react';
import { useStore } from 'zustand';
import { setThreads } from '../state/actions';
import { configStore } from '../state/configStore';
import { THREADS } from '../state/registry';

const CHOICES = [1, 2] as const;

/** Why this page trains on one thread whatever is chosen, or null. */
function unavailableReason(mode: string): string | null {
  if (!globalThis.crossOriginIsolated) return THREADS.isolated;
  return mode === 'minibatch' ? THREADS.minibatch : null;
}

/** How many threads train the next model: faster, or exactly reproducible. */
export function ThreadsField() {
  const id = useId();
  const threads = useStore(configStore, (s) => s.threads);
  const mode = useStore(configStore, (s) => s.config.mode);
  const isPending = useStore(configStore, (s) => s.pendingRestart.includes('threads'));
  const reason = unavailableReason(mode);
  return (
    <div className={`field select${reason ? ' is-disabled' : ''}`}>
      <div className="field-head">
        <label htmlFor={id}>{THREADS.label}</label>
        {isPending && <span className="badge">waits for restart</span>}
      </div>
      <select
        id={id}
        value={String(threads)}
        disabled={reason === THREADS.isolated}
        aria-describedby={`${id}-explain${reason ? ` ${id}-reason` : ''}`}
        onChange={(e) => setThreads(Number(e.currentTarget.value))}
      >
        {CHOICES.map((n) => (
          <option key={n} value={n}>
            {n === 1 ? '1 (exactly reproducible)' : `${n} (faster)`}
          </option>
        ))}
      </select>
      <p id={`${id}-explain`} className="explain">
        {THREADS.explain}
      </p>
      {reason && (
        <p id={`${id}-reason`} className="reason">
          {reason}
        </p>
      )}
    </div>
  );
}
