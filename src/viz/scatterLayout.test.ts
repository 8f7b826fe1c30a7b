import { describe, expect, it } from 'vitest';
import { PLOT_MARGIN, labelOrder, plotMap, toScreen } from './scatterLayout';

describe('plotMap and toScreen', () => {
  it('puts the domain corners on the plot area corners, y pointing up', () => {
    const map = plotMap({ x: [-1, 1], y: [0, 2] }, 400, 300);
    const out = new Float32Array(4);
    toScreen(Float32Array.of(-1, 0, 1, 2), 2, map, { k: 1, x: 0, y: 0 }, out);
    expect(Array.from(out)).toEqual([
      PLOT_MARGIN.left,
      300 - PLOT_MARGIN.bottom,
      400 - PLOT_MARGIN.right,
      PLOT_MARGIN.top,
    ]);
  });

  it('applies the zoom transform after the base map', () => {
    const map = plotMap({ x: [0, 1], y: [0, 1] }, 200, 200);
    const plain = new Float32Array(2);
    const zoomed = new Float32Array(2);
    toScreen(Float32Array.of(0.5, 0.5), 1, map, { k: 1, x: 0, y: 0 }, plain);
    toScreen(Float32Array.of(0.5, 0.5), 1, map, { k: 2, x: 10, y: -5 }, zoomed);
    expect(zoomed[0]).toBeCloseTo(2 * plain[0]! + 10, 4);
    expect(zoomed[1]).toBeCloseTo(2 * plain[1]! - 5, 4);
  });
});

describe('labelOrder', () => {
  const words = [
    { count: 5, isRequested: false },
    { count: 50, isRequested: false },
    { count: 9, isRequested: true },
    { count: 90, isRequested: true },
    { count: 1, isRequested: false },
  ];

  it('puts hovered, pinned, then requested words (most frequent first) before the rest', () => {
    const { order, priorityCount } = labelOrder(words, new Set([0]), 4);
    expect(Array.from(order)).toEqual([4, 0, 3, 2, 1]);
    expect(priorityCount).toBe(4);
  });

  it('caps the unrequested labels but never the requested ones', () => {
    const { order, priorityCount } = labelOrder(words, new Set(), -1, 1);
    expect(Array.from(order)).toEqual([3, 2, 1]);
    expect(priorityCount).toBe(2);
  });
});
