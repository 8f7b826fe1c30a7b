import { describe, expect, it } from 'vitest';
import { DEFAULT_HIGHLIGHT_COLORS } from './exampleHighlights';
import { LEADER_MIN_DISTANCE, POINT_RADIUS, drawExampleRings, leaderLine } from './scatterDraw';

describe('leader lines', () => {
  it('are left out for a label right beside its point', () => {
    // Box starting 6 px right of the point, vertically centred on it: 6 px away.
    expect(leaderLine(100, 100, 106, 92.5, 40, 15)).toBeNull();
  });

  it('join a label stacked rows away to its point, from the rim to the nearest box edge', () => {
    // Box two rows (30 px) above the point's row, starting 6 px to the right: its nearest point
    // is its bottom-left corner (106, 77.5), 22.5 px up and 6 px right of the point.
    const line = leaderLine(100, 100, 106, 62.5, 40, 15);
    expect(line).not.toBeNull();
    const [x0, y0, x1, y1] = line!;
    expect([x1, y1]).toEqual([106, 77.5]);
    expect(Math.hypot(x0 - 100, y0 - 100)).toBeCloseTo(POINT_RADIUS, 9);
    // The rim point lies on the segment from the point to the box.
    expect((x0 - 100) * (y1 - 100) - (y0 - 100) * (x1 - 100)).toBeCloseTo(0, 9);
  });

  it('start just beyond the threshold distance, not at it', () => {
    const d = LEADER_MIN_DISTANCE;
    expect(leaderLine(0, 0, d, -5, 10, 10)).toBeNull();
    expect(leaderLine(0, 0, d + 0.5, -5, 10, 10)).not.toBeNull();
  });

  it('are left out for a point inside its label box or not yet positioned', () => {
    expect(leaderLine(5, 5, 0, 0, 40, 15)).toBeNull();
    expect(leaderLine(Number.NaN, 5, 0, 0, 40, 15)).toBeNull();
  });
});

/** A 2-D context that records the rings drawn per stroke (centre x, radius) and the stroke style. */
function recordingContext() {
  const strokes: { color: string; dashed: boolean; rings: [number, number][] }[] = [];
  let rings: [number, number][] = [];
  const ctx = {
    strokeStyle: '',
    lineWidth: 1,
    dash: [] as number[],
    beginPath: () => void (rings = []),
    moveTo: () => undefined,
    arc: (x: number, _y: number, r: number) => void rings.push([x, r]),
    setLineDash(dash: number[]) {
      this.dash = dash;
    },
    stroke() {
      strokes.push({ color: this.strokeStyle, dashed: this.dash.length > 0, rings });
    },
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, strokes };
}

describe('example rings', () => {
  // Point i sits at x = 10 i.
  const screen = Float32Array.from({ length: 12 }, (_, k) => (k % 2 === 0 ? 5 * k : 0));

  it('draw one stroke per role in its colour, the centre ring widest, negatives dashed', () => {
    const { ctx, strokes } = recordingContext();
    const highlights = { center: [1], context: [0, 2], negative: [5], touched: [] };
    drawExampleRings(ctx, screen, highlights, DEFAULT_HIGHLIGHT_COLORS);
    expect(strokes.map((s) => s.color)).toEqual([
      DEFAULT_HIGHLIGHT_COLORS.center,
      DEFAULT_HIGHLIGHT_COLORS.context,
      DEFAULT_HIGHLIGHT_COLORS.negative,
    ]);
    expect(strokes.map((s) => s.rings.map(([x]) => x))).toEqual([[10], [0, 20], [50]]);
    expect(strokes.map((s) => s.dashed)).toEqual([false, false, true]);
    const radius = (k: number) => strokes[k]!.rings[0]![1];
    expect(radius(0)).toBeGreaterThan(radius(1));
    expect(radius(1)).toBeGreaterThan(POINT_RADIUS);
  });

  it('skip points without a position', () => {
    const { ctx, strokes } = recordingContext();
    const unplaced = Float32Array.of(Number.NaN, 0, 10, 0);
    drawExampleRings(
      ctx,
      unplaced,
      { center: [], context: [0, 1], negative: [], touched: [] },
      DEFAULT_HIGHLIGHT_COLORS,
    );
    expect(strokes[0]!.rings.map(([x]) => x)).toEqual([10]);
  });
});
