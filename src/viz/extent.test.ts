import { describe, expect, it } from 'vitest';
import { SHRINK_TAU_MS, computeExtent, fitDomains, smoothExtent } from './extent';
import { approach } from './motion';

describe('computeExtent', () => {
  it('bounds the finite points and skips NaN and infinite ones', () => {
    const xy = Float32Array.of(1, 2, NaN, 5, -3, 4, Infinity, 0, 2, -1);
    expect(computeExtent(xy, 5)).toEqual({ x0: -3, x1: 2, y0: -1, y1: 4 });
  });

  it('widens a single point to a unit box and returns null when nothing is finite', () => {
    expect(computeExtent(Float32Array.of(2, 3), 1)).toEqual({ x0: 1.5, x1: 2.5, y0: 2.5, y1: 3.5 });
    expect(computeExtent(Float32Array.of(NaN, NaN), 1)).toBeNull();
  });
});

describe('smoothExtent', () => {
  const previous = { x0: -1, x1: 1, y0: -1, y1: 1 };

  it('expands at once when a point leaves the view', () => {
    const next = smoothExtent(previous, { x0: -3, x1: 0.5, y0: -1, y1: 2 }, 16);
    expect(next.x0).toBe(-3);
    expect(next.y1).toBe(2);
  });

  it('shrinks slowly: one time constant removes 1 − 1/e of the excess, never overshooting', () => {
    const next = smoothExtent(previous, { x0: -1, x1: 0, y0: -1, y1: 1 }, SHRINK_TAU_MS);
    expect(next.x1).toBeCloseTo(1 - (1 - Math.exp(-1)), 10);
    const oneFrame = smoothExtent(previous, { x0: -1, x1: 0, y0: -1, y1: 1 }, 16);
    expect(oneFrame.x1).toBeGreaterThan(0.98);
    let e = { ...previous };
    for (let i = 0; i < 1000; i++) e = smoothExtent(e, { x0: -1, x1: 0, y0: -1, y1: 1 }, 16, e);
    expect(e.x1).toBeGreaterThanOrEqual(0);
    expect(e.x1).toBeCloseTo(0, 5);
  });

  it('takes the target as is without a previous extent', () => {
    expect(smoothExtent(null, previous, 16)).toEqual(previous);
  });
});

describe('fitDomains', () => {
  const unitsPerPixel = (d: { x: number[]; y: number[] }, w: number, h: number) => [
    (d.x[1]! - d.x[0]!) / w,
    (d.y[1]! - d.y[0]!) / h,
  ];

  it('with stretch 1, uses the same data units per pixel on both axes and contains the extent', () => {
    const d = fitDomains({ x0: 0, x1: 10, y0: -1, y1: 1 }, 400, 300, 0.06, 1);
    const [ux, uy] = unitsPerPixel(d, 400, 300);
    expect(ux).toBeCloseTo(uy!, 10);
    expect(d.x[0]).toBeLessThanOrEqual(0);
    expect(d.x[1]).toBeGreaterThanOrEqual(10);
    expect(d.y[0]).toBeLessThanOrEqual(-1);
    expect(d.y[1]).toBeGreaterThanOrEqual(1);
  });

  it('fills the plot on both axes while the stretch stays within the bound', () => {
    const d = fitDomains({ x0: 0, x1: 4, y0: 0, y1: 2 }, 400, 400, 0);
    expect(d.x).toEqual([0, 4]);
    expect(d.y).toEqual([0, 2]);
  });

  it('limits the stretch of a thin cloud to the bound, centred', () => {
    const d = fitDomains({ x0: -0.1, x1: 0.1, y0: -3, y1: 3 }, 500, 500, 0, 3);
    const [ux, uy] = unitsPerPixel(d, 500, 500);
    expect(uy! / ux!).toBeCloseTo(3, 10);
    expect(d.y).toEqual([-3, 3]);
    expect(d.x[0]! + d.x[1]!).toBeCloseTo(0, 12);
  });
});

describe('approach', () => {
  it('moves a fraction 1 − e^(−dt/τ) toward the target and reports what remains', () => {
    const current = Float32Array.of(0, 10);
    const target = Float32Array.of(1, 10);
    const left = approach(current, target, 2, 100, 100);
    expect(current[0]).toBeCloseTo(1 - Math.exp(-1), 6);
    expect(current[1]).toBe(10);
    expect(left).toBeCloseTo(Math.exp(-1), 6);
  });

  it('snaps a NaN position to its target instead of staying NaN forever', () => {
    const current = Float32Array.of(NaN, 0);
    approach(current, Float32Array.of(3, 0), 2, 16);
    expect(current[0]).toBe(3);
  });
});
