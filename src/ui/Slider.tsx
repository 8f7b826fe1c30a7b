import { useId } from 'react';
import type { SliderScale } from './sliderScale';

export interface SliderProps<V> {
  /** The accessible name, shown above the track. */
  label: string;
  /** One plain line under the control, linked with aria-describedby. */
  explain: string;
  value: V;
  scale: SliderScale<V>;
  /** The visible value (also the screen reader's aria-valuetext). */
  format: (value: V) => string;
  onChange: (value: V) => void;
  /** When set, the control is disabled and this says why. */
  disabledReason?: string | null;
  /** A short flag after the value, e.g. "restart to apply". */
  badge?: string;
}

/** A labelled range input showing its value, with a one-line explanation. */
export function Slider<V>({
  label,
  explain,
  value,
  scale,
  format,
  onChange,
  disabledReason,
  badge,
}: SliderProps<V>) {
  const id = useId();
  const text = format(value);
  const describedBy = disabledReason ? `${id}-explain ${id}-reason` : `${id}-explain`;
  return (
    <div className={`field slider${disabledReason ? ' is-disabled' : ''}`}>
      <div className="field-head">
        <label htmlFor={id}>{label}</label>
        {/* Not an <output>: its implicit role "status" would compete with the status line. */}
        <span className="field-value" aria-hidden="true">
          {text}
        </span>
        {badge && <span className="badge">{badge}</span>}
      </div>
      <input
        id={id}
        type="range"
        min={scale.min}
        max={scale.max}
        step={scale.step}
        value={scale.toPosition(value)}
        aria-valuetext={text}
        aria-describedby={describedBy}
        disabled={Boolean(disabledReason)}
        onChange={(event) => onChange(scale.toValue(Number(event.currentTarget.value)))}
      />
      <p id={`${id}-explain`} className="explain">
        {explain}
      </p>
      {disabledReason && (
        <p id={`${id}-reason`} className="reason">
          {disabledReason}
        </p>
      )}
    </div>
  );
}
