/**
 * Maps between a slider's integer positions and the values it stands for. Log sliders let one
 * control span 1e-4 … 10 (a learning rate from "nothing moves" to "blows up"); special ends stand
 * for "off" (sub-sampling), "the corpus decides" (min count) or "full speed".
 */

export interface SliderScale<V> {
  /**
   * The range input's own min, max and step. Linear scales use the values themselves, so the
   * input's value is the setting's value; log scales use positions 0…1000.
   */
  min: number;
  max: number;
  step: number;
  toValue(position: number): V;
  toPosition(value: V): number;
}

/** Rounds to two significant digits, so a log slider lands on 0.025, not 0.0249770. */
export function roundSignificant(value: number, digits = 2): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  return Number(value.toPrecision(digits));
}

/** Whole steps of `step` from `min` to `max`. */
export function linearScale(min: number, max: number, step = 1): SliderScale<number> {
  return {
    min,
    max,
    step,
    toValue: (p) => p,
    toPosition: (v) => Math.min(max, Math.max(min, v)),
  };
}

const LOG_POSITIONS = 1000;

/** `min … max` evenly on a log axis; values rounded to 2 significant digits (or whole numbers). */
export function logScale(min: number, max: number, isInteger = false): SliderScale<number> {
  const span = Math.log(max / min);
  return {
    min: 0,
    max: LOG_POSITIONS,
    step: 1,
    toValue: (p) => {
      const value = roundSignificant(min * Math.exp((span * p) / LOG_POSITIONS));
      return isInteger ? Math.round(value) : value;
    },
    toPosition: (v) =>
      Math.min(LOG_POSITIONS, Math.max(0, Math.round((LOG_POSITIONS * Math.log(v / min)) / span))),
  };
}

/**
 * `inner` with one extra step standing for `special`: one step before its start (`atStart`) or
 * one step after its end.
 */
export function withSpecialEnd<V, S>(
  inner: SliderScale<V>,
  special: S,
  atStart: boolean,
): SliderScale<V | S> {
  const end = atStart ? inner.min - inner.step : inner.max + inner.step;
  return {
    min: atStart ? end : inner.min,
    max: atStart ? inner.max : end,
    step: inner.step,
    toValue: (p) => (p === end ? special : inner.toValue(p)),
    toPosition: (v) => (v === special ? end : inner.toPosition(v as V)),
  };
}
