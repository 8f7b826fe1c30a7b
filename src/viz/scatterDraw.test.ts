import { describe, expect, it } from 'vitest';
import { LEADER_MIN_DISTANCE, POINT_RADIUS, leaderLine } from './scatterDraw';

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
