import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng';
import { createLabelPlacer, type LabelPlacement, type LabelRequest } from './labelGrid';

const VIEW_W = 800;
const VIEW_H = 500;
const BOX_H = 15;

function randomRequest(n: number, priorityCount: number, seed: number): LabelRequest {
  const rng = createRng(seed);
  const anchorX = new Float32Array(n);
  const anchorY = new Float32Array(n);
  const widths = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    anchorX[i] = rng.next() * VIEW_W;
    anchorY[i] = rng.next() * VIEW_H;
    widths[i] = 20 + rng.next() * 60;
  }
  const order = Int32Array.from({ length: n }, (_, i) => i);
  return {
    order,
    orderCount: n,
    priorityCount,
    anchorX,
    anchorY,
    widths,
    boxHeight: BOX_H,
    gap: 6,
    viewWidth: VIEW_W,
    viewHeight: VIEW_H,
  };
}

/** Pairs of placed labels whose boxes overlap (brute force). */
function overlaps(request: LabelRequest, placement: LabelPlacement, among: number[]): number {
  let count = 0;
  for (let a = 0; a < among.length; a++) {
    for (let b = a + 1; b < among.length; b++) {
      const i = among[a]!;
      const j = among[b]!;
      if (!placement.isPlaced[i] || !placement.isPlaced[j]) continue;
      const separate =
        placement.left[i]! + request.widths[i]! <= placement.left[j]! ||
        placement.left[j]! + request.widths[j]! <= placement.left[i]! ||
        placement.top[i]! + BOX_H <= placement.top[j]! ||
        placement.top[j]! + BOX_H <= placement.top[i]!;
      if (!separate) count++;
    }
  }
  return count;
}

describe('label grid', () => {
  it('places 1,000 crowded labels without a single overlap, all inside the view', () => {
    const request = randomRequest(1000, 0, 7);
    const placement = createLabelPlacer().place(request);
    const all = Array.from({ length: 1000 }, (_, i) => i);
    expect(placement.placedCount).toBeGreaterThan(100);
    expect(placement.placedCount).toBeLessThan(1000); // the view cannot hold them all
    expect(overlaps(request, placement, all)).toBe(0);
    for (const i of all.filter((k) => placement.isPlaced[k])) {
      expect(placement.left[i]).toBeGreaterThanOrEqual(0);
      expect(placement.top[i]).toBeGreaterThanOrEqual(0);
      expect(placement.left[i]! + request.widths[i]!).toBeLessThanOrEqual(VIEW_W);
      expect(placement.top[i]! + BOX_H).toBeLessThanOrEqual(VIEW_H);
    }
  });

  it('always places the priority labels, even in a crowd, and the others never cover them', () => {
    const request = randomRequest(1000, 40, 11);
    const placement = createLabelPlacer().place(request);
    for (let k = 0; k < 40; k++) expect(placement.isPlaced[request.order[k]!]).toBe(1);
    const all = Array.from({ length: 1000 }, (_, i) => i);
    expect(overlaps(request, placement, all)).toBe(0);
  });

  it('names every requested word sitting on one point, moving them out on leader lines', () => {
    const n = 60;
    const request = randomRequest(n, n, 3);
    request.anchorX.fill(400);
    request.anchorY.fill(250);
    const placement = createLabelPlacer().place(request);
    expect(placement.placedCount).toBe(n);
    const all = Array.from({ length: n }, (_, i) => i);
    expect(overlaps(request, placement, all)).toBe(0);
    expect(all.filter((i) => placement.hasLeader[i]).length).toBeGreaterThan(0);
    expect(placement.hasLeader[0]).toBe(0); // the first found a spot beside the point
  });

  it('still names a requested word when no free spot is left anywhere (overlap is the last resort)', () => {
    const request = randomRequest(30, 30, 8);
    Object.assign(request, { viewWidth: 120, viewHeight: 40 });
    request.anchorX.fill(60);
    request.anchorY.fill(20);
    const placement = createLabelPlacer().place(request);
    expect(placement.placedCount).toBe(30);
  });

  it('drops ordinary labels when crowded but never a point outside the view', () => {
    const request = randomRequest(4, 1, 5);
    request.anchorX.set([400, 401, 402, -30]);
    request.anchorY.set([250, 250, 250, 250]);
    request.widths.fill(300);
    const placement = createLabelPlacer().place(request);
    expect(placement.isPlaced[0]).toBe(1);
    expect(placement.isPlaced[3]).toBe(0);
    expect(overlaps(request, placement, [0, 1, 2])).toBe(0);
  });

  it('gives the same answer when the placer is reused (buffers are reset)', () => {
    const placer = createLabelPlacer();
    const first = randomRequest(300, 10, 9);
    const a = Uint8Array.from(placer.place(first).isPlaced.subarray(0, 300));
    placer.place(randomRequest(500, 0, 1));
    const b = placer.place(first).isPlaced.subarray(0, 300);
    expect(Array.from(b)).toEqual(Array.from(a));
  });
});
