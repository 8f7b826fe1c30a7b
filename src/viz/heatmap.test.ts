import { describe, expect, it } from 'vitest';
import {
  DIVERGING_STOPS,
  NAN_RGB,
  cellAt,
  divergingCss,
  divergingRgb,
  finiteRange,
  heatmapLayout,
  paintMatrix,
  rowCentre,
  spreadLabels,
  symmetricMax,
} from './heatmap';

const rgbOf = (t: number): number[] => {
  const out = [0, 0, 0];
  divergingRgb(t, out);
  return out;
};
const lightness = ([r, g, b]: number[]) => 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;

describe('divergingRgb', () => {
  it('hits the end and middle stops exactly', () => {
    expect(rgbOf(-1)).toEqual([...DIVERGING_STOPS[0]!]);
    expect(rgbOf(0)).toEqual([...DIVERGING_STOPS[2]!]);
    expect(rgbOf(1)).toEqual([...DIVERGING_STOPS[4]!]);
  });

  it('clamps values beyond ±1', () => {
    expect(rgbOf(-7)).toEqual(rgbOf(-1));
    expect(rgbOf(1e30)).toEqual(rgbOf(1));
  });

  it('marks NaN and infinities with the out-of-scale colour', () => {
    expect(rgbOf(Number.NaN)).toEqual([...NAN_RGB]);
    expect(rgbOf(Number.POSITIVE_INFINITY)).toEqual([...NAN_RGB]);
  });

  it('gets darker with |t| on both sides, so the magnitude reads without hue', () => {
    for (const sign of [-1, 1]) {
      let previous = lightness(rgbOf(0));
      for (let a = 0.1; a <= 1; a += 0.1) {
        const current = lightness(rgbOf(sign * a));
        expect(current).toBeLessThan(previous);
        previous = current;
      }
    }
  });

  it('tells the signs apart by hue: negative is blue-dominant, positive red-dominant', () => {
    const [r0, , b0] = rgbOf(-0.6);
    const [r1, , b1] = rgbOf(0.6);
    expect(b0!).toBeGreaterThan(r0!);
    expect(r1!).toBeGreaterThan(b1!);
    expect(divergingCss(0)).toBe('rgb(247, 247, 247)');
  });
});

describe('symmetricMax and paintMatrix', () => {
  it('takes the largest finite |value|', () => {
    expect(
      symmetricMax(Float32Array.from([0.5, -2, Number.NaN, 1, Number.NEGATIVE_INFINITY])),
    ).toBe(2);
    expect(symmetricMax(new Float32Array(4))).toBe(0);
  });

  it('gives the finite range, and [0, 0] for a matrix of NaN', () => {
    expect(finiteRange(Float32Array.from([0.5, -2, Number.NaN, 1]))).toEqual([-2, 1]);
    expect(finiteRange(Float32Array.from([Number.NaN]))).toEqual([0, 0]);
  });

  it('paints one opaque pixel per cell, symmetric around zero', () => {
    const values = Float32Array.from([-2, 0, 2, 1]);
    const out = new Uint8ClampedArray(16);
    paintMatrix(values, 2, 2, 2, out);
    expect([...out.subarray(0, 3)]).toEqual(rgbOf(-1));
    expect([...out.subarray(4, 7)]).toEqual(rgbOf(0));
    expect([...out.subarray(8, 11)]).toEqual(rgbOf(1));
    expect([...out.subarray(12, 15)]).toEqual(rgbOf(0.5));
    expect([out[3], out[7], out[11], out[15]]).toEqual([255, 255, 255, 255]);
  });

  it('paints an all-zero matrix white instead of dividing by zero', () => {
    const out = new Uint8ClampedArray(8);
    paintMatrix(new Float32Array(2), 1, 2, 0, out);
    expect([...out.subarray(4, 7)]).toEqual(rgbOf(0));
  });
});

describe('heatmapLayout and cellAt', () => {
  const layout = heatmapLayout(50, 10, { width: 380, labelWidth: 80, maxHeight: 300 });

  it('fills the width after the gutter and clamps the row height', () => {
    expect(layout.cellWidth).toBe(30);
    expect(layout.cellHeight).toBe(6);
    expect(heatmapLayout(4, 10, { width: 380, labelWidth: 80, maxHeight: 300 }).cellHeight).toBe(
      10,
    );
    expect(heatmapLayout(400, 10, { width: 380, labelWidth: 80, maxHeight: 300 }).cellHeight).toBe(
      1,
    );
  });

  it('finds the cell under a point and nothing outside', () => {
    expect(cellAt(layout, 80, 0)).toEqual({ row: 0, col: 0 });
    expect(cellAt(layout, 80 + 30 * 3 + 1, 6 * 7 + 5.9)).toEqual({ row: 7, col: 3 });
    expect(cellAt(layout, 379.9, 299.9)).toEqual({ row: 49, col: 9 });
    expect(cellAt(layout, 79, 10)).toBeNull();
    expect(cellAt(layout, 380, 10)).toBeNull();
    expect(cellAt(layout, 100, 300)).toBeNull();
    expect(cellAt(layout, 100, -1)).toBeNull();
  });

  it('hit-tests a row centre back to its row', () => {
    for (const row of [0, 17, 49])
      expect(cellAt(layout, 100, rowCentre(layout, row))!.row).toBe(row);
  });
});

describe('spreadLabels', () => {
  it('leaves labels that are already apart in place', () => {
    expect(spreadLabels([10, 40, 90], 12, 0, 100)).toEqual([10, 40, 90]);
  });

  it('keeps the order and at least the gap between neighbours', () => {
    const out = spreadLabels([20, 21, 22, 60], 12, 0, 200);
    expect(out).toEqual([20, 32, 44, 60]);
  });

  it('pulls a crowded tail back inside the range', () => {
    const out = spreadLabels([95, 96, 97], 10, 0, 100);
    expect(out).toEqual([80, 90, 100]);
  });
});
