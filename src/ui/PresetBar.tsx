import { useStore } from 'zustand';
import { applyPreset } from '../state/actions';
import { PRESETS } from '../state/presets';
import { runStore } from '../state/runStore';

/** One click to a known configuration; each button says what it sets. */
export function PresetBar() {
  const isLoaded = useStore(runStore, (s) => s.corpus !== null && !s.isLoading);
  return (
    <div className="preset-bar" role="group" aria-label="Presets">
      {PRESETS.map((preset) => (
        <div key={preset.id} className="preset">
          <button
            type="button"
            disabled={!isLoaded}
            aria-describedby={`preset-${preset.id}`}
            onClick={() => void applyPreset(preset.id)}
          >
            {preset.label}
          </button>
          <span id={`preset-${preset.id}`} className="visually-hidden">
            {preset.explain}
          </span>
        </div>
      ))}
    </div>
  );
}
