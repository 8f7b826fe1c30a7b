import { describe, expect, it } from 'vitest';
import { buildHoverIndex, createLazyHoverIndex } from './hoverIndex';

describe('hover index', () => {
  const xy = Float32Array.of(10, 10, 50, 50, 52, 49, NaN, 0, 200, 5);

  it('finds the nearest point within the radius, and nothing beyond it', () => {
    const index = buildHoverIndex(xy, 5);
    expect(index.find(11, 12, 10)).toBe(0);
    expect(index.find(53, 50, 10)).toBe(2);
    expect(index.find(49, 51, 10)).toBe(1);
    expect(index.find(120, 120, 10)).toBe(-1);
    expect(index.find(199, 5, 2)).toBe(4);
  });

  it('leaves out points without a position', () => {
    const index = buildHoverIndex(Float32Array.of(NaN, NaN, 5, 5), 2);
    expect(index.find(0, 0, 100)).toBe(1);
  });

  it('rebuilds only after an invalidation', () => {
    let builds = 0;
    const positions = Float32Array.of(0, 0);
    const lazy = createLazyHoverIndex(() => {
      builds++;
      return { xy: positions, count: 1 };
    });
    expect(lazy.find(1, 1, 5)).toBe(0);
    expect(lazy.find(2, 2, 5)).toBe(0);
    expect(builds).toBe(1);
    positions[0] = 100;
    expect(lazy.find(1, 1, 5)).toBe(0); // stale until invalidated
    lazy.invalidate();
    expect(lazy.find(1, 1, 5)).toBe(-1);
    expect(builds).toBe(2);
  });
});
