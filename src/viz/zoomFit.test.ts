import { describe, expect, it } from 'vitest';
import { MAX_FIT_SCALE, frameTransform } from './zoomFit';

const box = { x0: 100, y0: -20, x1: 300, y1: 80 };

describe('frameTransform', () => {
  it('centres a box that fits, as large as the view allows', () => {
    const t = frameTransform({ bounds: box }, 250, 400);
    expect(t.k).toBe(250 / 200);
    const [cx, cy] = t.apply([(box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2]);
    expect(cx).toBeCloseTo(125, 9);
    expect(cy).toBeCloseTo(200, 9);
  });

  it('never magnifies past MAX_FIT_SCALE', () => {
    expect(frameTransform({ bounds: { x0: 0, y0: 0, x1: 10, y1: 10 } }, 800, 800).k).toBe(
      MAX_FIT_SCALE,
    );
  });

  it('keeps the anchor in view when the box is too big at the minimum scale', () => {
    const big = { x0: 0, y0: 0, x1: 4000, y1: 2000 };
    const anchor = [2000, 1000] as const;
    const t = frameTransform({ bounds: big, anchor, minScale: 0.5 }, 500, 400);
    expect(t.k).toBe(0.5);
    const [ax, ay] = t.apply([...anchor]);
    expect(ax).toBeCloseTo(250, 9);
    expect(ay).toBeGreaterThan(0);
    expect(ay).toBeLessThan(400);
  });

  it('stops at the box edges instead of showing empty space around an anchor near them', () => {
    const big = { x0: -60, y0: -30, x1: 4000, y1: 2000 };
    const t = frameTransform({ bounds: big, anchor: [0, 90], minScale: 1 }, 500, 400);
    const [left, top] = t.apply([big.x0, big.y0]);
    expect(left).toBeCloseTo(0, 9);
    expect(top).toBeCloseTo(0, 9);
    const [ax, ay] = t.apply([0, 90]);
    expect(ax).toBeGreaterThan(0);
    expect(ay).toBeLessThan(400);
  });

  it('shows the whole box, however small the scale, without a minimum', () => {
    const big = { x0: 0, y0: 0, x1: 4000, y1: 400 };
    const t = frameTransform({ bounds: big }, 500, 400);
    const [left] = t.apply([0, 0]);
    const [right] = t.apply([4000, 0]);
    expect(left).toBeGreaterThanOrEqual(-1e-9);
    expect(right).toBeLessThanOrEqual(500 + 1e-9);
  });
});
