import { useStore } from 'zustand';
import { newSeed, reset, restart, step, togglePlay } from '../state/actions';
import { configStore } from '../state/configStore';
import { MIN_COUNT, SETTINGS, THREADS } from '../state/registry';
import { runStore } from '../state/runStore';

/** "Dimension, Loss" for the restart hint. */
function pendingNames(keys: readonly string[]): string {
  return keys
    .map((k) => {
      if (k === 'minCount') return MIN_COUNT.label;
      if (k === 'threads') return THREADS.label;
      return SETTINGS[k as keyof typeof SETTINGS].label;
    })
    .join(', ');
}

/**
 * Play/Pause, Step (one word or iteration, then paused), Step 10 and Step 100, Reset (same seed),
 * New seed, and "Restart to apply" while settings wait for a fresh model.
 */
export function PlayBar() {
  const status = useStore(runStore, (s) => s.status);
  const isLoaded = useStore(runStore, (s) => s.corpus !== null && !s.isLoading);
  const unit = useStore(runStore, (s) => (s.config?.mode === 'minibatch' ? 'iteration' : 'word'));
  const pending = useStore(configStore, (s) => s.pendingRestart);
  const isTraining = status === 'training';
  const canStep = isLoaded && status !== 'done' && status !== 'diverged';

  return (
    <div className="play-bar-wrap">
      <div className="play-bar" role="group" aria-label="Run controls">
        <button
          type="button"
          className="primary play"
          disabled={!isLoaded}
          onClick={() => void togglePlay()}
          aria-keyshortcuts="Space"
        >
          {isTraining ? 'Pause' : 'Play'}
        </button>
        <button
          type="button"
          disabled={!canStep}
          onClick={() => void step(1)}
          aria-describedby="step-hint"
          aria-keyshortcuts="ArrowRight"
        >
          Step
        </button>
        <button type="button" disabled={!canStep} onClick={() => void step(10)}>
          Step 10
        </button>
        <button type="button" disabled={!canStep} onClick={() => void step(100)}>
          Step 100
        </button>
        <button type="button" disabled={!isLoaded} onClick={() => void reset()}>
          Reset
        </button>
        <button type="button" disabled={!isLoaded} onClick={() => void newSeed()}>
          New seed
        </button>
        <span id="step-hint" className="hint">
          Step trains one {unit}, then pauses; Reset starts over with the same seed. Keys: space, →.
        </span>
      </div>
      {pending.length > 0 && (
        <div className="restart-row">
          <button
            type="button"
            className="primary"
            disabled={!isLoaded}
            onClick={() => void restart()}
          >
            Restart to apply
          </button>
          <span className="hint">Changed: {pendingNames(pending)}. The model must start over.</span>
        </div>
      )}
    </div>
  );
}
