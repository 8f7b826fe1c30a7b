import { useStore } from 'zustand';
import { step, togglePlay } from '../state/actions';
import { runStore } from '../state/runStore';

/** Play/Pause and Step. Step trains exactly one word (or one iteration) and leaves the run paused. */
export function PlayBar() {
  const status = useStore(runStore, (s) => s.status);
  const isLoaded = useStore(runStore, (s) => s.corpus !== null);
  const isTraining = status === 'training';
  const canStep = isLoaded && status !== 'done' && status !== 'diverged';

  return (
    <div className="play-bar" role="group" aria-label="Run controls">
      <button
        type="button"
        className="primary"
        disabled={!isLoaded}
        onClick={() => void togglePlay()}
      >
        {isTraining ? 'Pause' : 'Play'}
      </button>
      <button
        type="button"
        disabled={!canStep}
        onClick={() => void step(1)}
        aria-describedby="step-hint"
      >
        Step
      </button>
      <span id="step-hint" className="hint">
        Step trains one word, then pauses.
      </span>
    </div>
  );
}
