import { describe, expect, it } from 'vitest';
import {
  exactLogSigmoid,
  exactSigmoid,
  sigmoidInto,
  tableLogSigmoid,
  tableSigmoid,
  TABLE_LIMIT,
} from './sigmoidTable';

/** A dense grid over the table and past both ends, off the table's nodes. */
const GRID = Array.from({ length: 40001 }, (_, k) => -20 + k * 0.001 + 1e-7);

describe('interpolated σ and log σ table', () => {
  it('σ is within 2e-7 of the exact value everywhere', () => {
    let worst = 0;
    for (const x of GRID) worst = Math.max(worst, Math.abs(tableSigmoid(x) - exactSigmoid(x)));
    expect(worst).toBeLessThan(2e-7);
  });

  it('log σ is within 5e-7 of the exact value everywhere', () => {
    let worst = 0;
    for (const x of GRID)
      worst = Math.max(worst, Math.abs(tableLogSigmoid(x) - exactLogSigmoid(x)));
    expect(worst).toBeLessThan(5e-7);
  });

  it('sigmoidInto gives both from one lookup, identical to the separate functions', () => {
    const out = new Float64Array(3);
    for (const x of [-17, -16, -3.14159, -1e-9, 0, 0.5, 15.999, 16, 700]) {
      expect(sigmoidInto(x, out, 2)).toBe(tableLogSigmoid(x));
      expect(out[2]).toBe(tableSigmoid(x));
    }
  });

  it('table ends are exact: σ(0) = 1/2, and ±16 switch to the exact formulas', () => {
    expect(tableSigmoid(0)).toBe(0.5);
    expect(tableSigmoid(TABLE_LIMIT)).toBe(exactSigmoid(TABLE_LIMIT));
    expect(tableSigmoid(-TABLE_LIMIT)).toBe(exactSigmoid(-TABLE_LIMIT));
  });
});

describe('hazards', () => {
  it('overflow: scores of ±700 stay finite and correct', () => {
    expect(tableSigmoid(700)).toBe(1);
    expect(tableSigmoid(-700)).toBeGreaterThan(0);
    expect(tableSigmoid(-700)).toBeCloseTo(Math.exp(-700), 310);
    expect(tableLogSigmoid(-700)).toBe(-700);
    expect(tableLogSigmoid(700)).toBeLessThanOrEqual(0);
    expect(Number.isFinite(tableLogSigmoid(700))).toBe(true);
  });

  it('underflow: σ(−800) is 0, not NaN, and log σ(−800) = −800', () => {
    expect(tableSigmoid(-800)).toBe(0);
    expect(tableLogSigmoid(-800)).toBe(-800);
  });

  it('NaN propagates (a diverging run is never hidden by the table)', () => {
    expect(tableSigmoid(NaN)).toBeNaN();
    expect(tableLogSigmoid(NaN)).toBeNaN();
    const out = new Float64Array(1);
    expect(sigmoidInto(NaN, out, 0)).toBeNaN();
    expect(out[0]).toBeNaN();
  });

  it('infinities give the limits', () => {
    expect(tableSigmoid(Infinity)).toBe(1);
    expect(tableSigmoid(-Infinity)).toBe(0);
    expect(tableLogSigmoid(-Infinity)).toBe(-Infinity);
  });
});
