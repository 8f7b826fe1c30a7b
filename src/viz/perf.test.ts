/**
 * Timing of the per-frame pure work, on this machine, in Node. The canvas calls themselves cannot
 * run here; the browser bench (e2e) measures whole frames. Medians of many runs, so a busy
 * neighbour process does not fail the test; the budgets are the (< 4 ms per frame for
 * 500 labelled points).
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng';
import { createDownsampled, downsampleMinMax, extendEma } from './downsample';
import { computeExtent, fitDomains, smoothExtent } from './extent';
import { createLabelPlacer } from './labelGrid';
import { approach } from './motion';
import { labelOrder, plotMap, plotSize, toScreen } from './scatterLayout';

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timeIt(runs: number, work: (run: number) => void): number {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    work(r);
    times.push(performance.now() - start);
  }
  return median(times);
}

function randomWords(n: number, seed: number) {
  const rng = createRng(seed);
  const coords = Float32Array.from({ length: 2 * n }, () => rng.next() * 4 - 2);
  const widths = Float32Array.from({ length: n }, () => 25 + rng.next() * 50);
  const words = Array.from({ length: n }, (_, i) => ({ count: n - i, isRequested: i % 10 === 0 }));
  return { coords, widths, words };
}

describe('per-frame cost', () => {
  it('animates, maps and labels 500 points in well under 4 ms (median)', () => {
    const n = 500;
    const { coords, widths, words } = randomWords(n, 1);
    const shown = Float32Array.from(coords, (v) => v * 0.9);
    const screen = new Float32Array(2 * n);
    const anchorX = new Float32Array(n);
    const anchorY = new Float32Array(n);
    const placer = createLabelPlacer();
    const width = 900;
    const height = 560;
    let extent = computeExtent(coords, n)!;
    const ms = timeIt(200, (run) => {
      const { order, priorityCount } = labelOrder(words, new Set([3]), run % n);
      approach(shown, coords, 2 * n, 16);
      extent = smoothExtent(extent, computeExtent(coords, n)!, 16, extent);
      const plot = plotSize(width, height);
      const map = plotMap(fitDomains(extent, plot.width, plot.height), width, height);
      toScreen(shown, n, map, { k: 1, x: 0, y: 0 }, screen, anchorX, anchorY);
      placer.place({
        order,
        orderCount: order.length,
        priorityCount,
        anchorX,
        anchorY,
        widths,
        boxHeight: 15,
        gap: 6,
        viewWidth: width,
        viewHeight: height,
      });
    });
    console.log(`scatter pure frame, 500 points: median ${ms.toFixed(3)} ms`);
    expect(ms).toBeLessThan(4);
  });

  it('places 1,000 labels in well under 4 ms (median)', () => {
    const n = 1000;
    const { coords, widths } = randomWords(n, 2);
    const anchorX = Float32Array.from({ length: n }, (_, i) => 450 + coords[2 * i]! * 200);
    const anchorY = Float32Array.from({ length: n }, (_, i) => 280 + coords[2 * i + 1]! * 120);
    const order = Int32Array.from({ length: n }, (_, i) => i);
    const placer = createLabelPlacer();
    let placed = 0;
    const ms = timeIt(200, () => {
      placed = placer.place({
        order,
        orderCount: n,
        priorityCount: 50,
        anchorX,
        anchorY,
        widths,
        boxHeight: 15,
        gap: 6,
        viewWidth: 900,
        viewHeight: 560,
      }).placedCount;
    });
    console.log(`label grid, 1,000 labels (${placed} placed): median ${ms.toFixed(3)} ms`);
    expect(ms).toBeLessThan(4);
  });

  it('names 500 requested words crowded into one small cluster in well under 4 ms (median)', () => {
    const n = 500;
    const { coords, widths } = randomWords(n, 5);
    const anchorX = Float32Array.from({ length: n }, (_, i) => 450 + coords[2 * i]! * 30);
    const anchorY = Float32Array.from({ length: n }, (_, i) => 280 + coords[2 * i + 1]! * 30);
    const order = Int32Array.from({ length: n }, (_, i) => i);
    const placer = createLabelPlacer();
    let placed = 0;
    const ms = timeIt(50, () => {
      placed = placer.place({
        order,
        orderCount: n,
        priorityCount: n,
        anchorX,
        anchorY,
        widths,
        boxHeight: 15,
        gap: 6,
        viewWidth: 900,
        viewHeight: 560,
      }).placedCount;
    });
    console.log(`label grid, 500 requested words in a 120 px cluster: median ${ms.toFixed(3)} ms`);
    expect(placed).toBe(n);
    expect(ms).toBeLessThan(4);
  });

  it('downsamples a million loss points to ≤ 2 per pixel in a few ms', () => {
    const total = 1_000_000;
    const capacity = 1 << 20;
    const rng = createRng(3);
    const xs = new Float64Array(capacity);
    const ys = new Float32Array(capacity);
    for (let j = 0; j < total; j++) {
      xs[j] = j * 100;
      ys[j] = 4 * Math.exp(-j / 2e5) + rng.next();
    }
    const series = { xs, ys, total, capacity };
    const out = createDownsampled(800);
    const smooth = new Float32Array(capacity);
    const emaMs = timeIt(5, () => extendEma(ys, smooth, capacity, 0, total, NaN));
    const ms = timeIt(15, () => downsampleMinMax(series, 0, xs[total - 1]!, 800, out));
    console.log(
      `downsample 1,000,000 points → ${out.count} vertices: median ${ms.toFixed(2)} ms; ` +
        `EMA over them from scratch: ${emaMs.toFixed(2)} ms`,
    );
    expect(out.count).toBeLessThanOrEqual(1600);
    expect(ms).toBeLessThan(40);
  });
});
