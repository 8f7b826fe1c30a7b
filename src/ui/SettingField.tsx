import { useId, useState } from 'react';
import { useStore } from 'zustand';
import type { TrainConfig } from '../core/types';
import { setSetting } from '../state/actions';
import { configStore } from '../state/configStore';
import {
  SETTINGS,
  notApplicableReason,
  type ChoiceSetting,
  type NumberSetting,
} from '../state/registry';
import { formatCount, formatValue } from './format';
import { Slider } from './Slider';
import { linearScale, logScale, withSpecialEnd, type SliderScale } from './sliderScale';

/** 0.001 → "1e-3", 0 → "off" (sub-sampling and other small rates). */
function formatSmall(value: number): string {
  if (value === 0) return 'off';
  return value < 0.01 ? value.toExponential().replace(/\.?0+e/, 'e') : formatValue(value);
}

function scaleOf(spec: NumberSetting): SliderScale<number> {
  const inner =
    spec.scale === 'log'
      ? logScale(spec.min, spec.max, spec.isInteger)
      : linearScale(spec.min, spec.max, spec.step);
  return spec.isZeroOff ? withSpecialEnd(inner, 0, true) : inner;
}

function formatOf(spec: NumberSetting): (value: number) => string {
  if (spec.isZeroOff || spec.key === 'sample') return formatSmall;
  return spec.isInteger ? formatCount : formatValue;
}

/** Why the control is off, and whether its change waits for a restart. */
function useFieldState(key: keyof TrainConfig) {
  const config = useStore(configStore, (s) => s.config);
  const isPending = useStore(configStore, (s) => s.pendingRestart.includes(key));
  return {
    value: config[key],
    reason: notApplicableReason(SETTINGS[key], config),
    badge: isPending ? 'waits for restart' : undefined,
  };
}

function SettingSlider({ spec }: { spec: NumberSetting }) {
  const { value, reason, badge } = useFieldState(spec.key);
  return (
    <Slider
      label={spec.label}
      explain={spec.explain}
      value={value as number}
      scale={scaleOf(spec)}
      format={formatOf(spec)}
      onChange={(v) => setSetting(spec.key, v)}
      disabledReason={reason}
      badge={badge}
    />
  );
}

function SettingSelect({ spec }: { spec: ChoiceSetting }) {
  const id = useId();
  const { value, reason, badge } = useFieldState(spec.key);
  const chosen = spec.choices.find((c) => c.id === value);
  return (
    <div className={`field select${reason ? ' is-disabled' : ''}`}>
      <div className="field-head">
        <label htmlFor={id}>{spec.label}</label>
        {badge && <span className="badge">{badge}</span>}
      </div>
      <select
        id={id}
        value={String(value)}
        disabled={Boolean(reason)}
        aria-describedby={`${id}-explain${reason ? ` ${id}-reason` : ''}`}
        onChange={(e) => setSetting(spec.key, e.currentTarget.value as never)}
      >
        {spec.choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </select>
      <p id={`${id}-explain`} className="explain">
        {spec.explain} {chosen && <em>{chosen.explain}</em>}
      </p>
      {reason && (
        <p id={`${id}-reason`} className="reason">
          {reason}
        </p>
      )}
    </div>
  );
}

/** The seed as a number box: anything that is not a whole number in range is refused in place. */
export function SeedField() {
  const id = useId();
  const spec = SETTINGS.seed;
  const { value, badge } = useFieldState('seed');
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const onChange = (text: string): void => {
    setDraft(text);
    const problem = setSetting('seed', text.trim() === '' ? Number.NaN : Number(text));
    setError(problem);
  };
  return (
    <div className="field seed">
      <div className="field-head">
        <label htmlFor={id}>{spec.label}</label>
        {badge && <span className="badge">{badge}</span>}
      </div>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        value={draft ?? String(value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-explain${error ? ` ${id}-error` : ''}`}
        onChange={(e) => onChange(e.currentTarget.value)}
        onBlur={() => {
          if (!error) setDraft(null);
        }}
      />
      <p id={`${id}-explain`} className="explain">
        {spec.explain}
      </p>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error} The run keeps seed {value}.
        </p>
      )}
    </div>
  );
}

/** The control for one TrainConfig key, as the registry describes it. */
export function SettingField({ settingKey }: { settingKey: keyof TrainConfig }) {
  const spec = SETTINGS[settingKey];
  if (settingKey === 'seed') return <SeedField />;
  return spec.kind === 'choice' ? <SettingSelect spec={spec} /> : <SettingSlider spec={spec} />;
}
