import { describe, expect, it } from 'vitest';
import { linearScale, logScale, roundSignificant, withSpecialEnd } from './sliderScale';

describe('sliderScale', () => {
  it('the learning-rate slider reaches both ends exactly and lands on round values', () => {
    const scale = logScale(1e-4, 10);
    expect(scale.toValue(0)).toBe(1e-4);
    expect(scale.toValue(scale.max)).toBe(10);
    expect(scale.toValue(scale.toPosition(0.025))).toBe(0.025);
    expect(scale.toValue(scale.toPosition(0.3))).toBe(0.3);
  });

  it('values beyond a log range pin to its ends instead of leaving the track', () => {
    const scale = logScale(1, 100);
    expect(scale.toPosition(1e-9)).toBe(0);
    expect(scale.toPosition(1e9)).toBe(scale.max);
  });

  it('an integer log slider gives whole numbers', () => {
    const scale = logScale(10, 200_000, true);
    for (let p = 0; p <= scale.max; p += 37) {
      expect(Number.isInteger(scale.toValue(p))).toBe(true);
    }
    expect(scale.toValue(scale.toPosition(40_000))).toBe(40_000);
  });

  it('a linear slider input holds the setting itself (so filling in 7 means 7)', () => {
    const scale = linearScale(1, 20);
    expect(scale.toValue(7)).toBe(7);
    expect(scale.toPosition(7)).toBe(7);
    expect(scale.toPosition(50)).toBe(20);
  });

  it('a special end ("off", "full speed") sits outside the inner range', () => {
    const off = withSpecialEnd(logScale(1e-6, 0.1), 0, true);
    expect(off.min).toBe(-1);
    expect(off.toValue(-1)).toBe(0);
    expect(off.toPosition(0)).toBe(-1);
    expect(off.toValue(0)).toBe(1e-6);
    const full = withSpecialEnd(logScale(1, 1e5), null, false);
    expect(full.toValue(full.max)).toBeNull();
    expect(full.toPosition(null)).toBe(full.max);
    expect(full.toValue(full.max - 1)).toBe(1e5);
    const auto = withSpecialEnd(linearScale(1, 50), null, true);
    expect([auto.min, auto.toValue(0), auto.toValue(3), auto.toPosition(null)]).toEqual([
      0,
      null,
      3,
      0,
    ]);
  });

  it('rounds to two significant digits', () => {
    expect(roundSignificant(0.024977)).toBe(0.025);
    expect(roundSignificant(0)).toBe(0);
  });
});
