import { describe, expect, it } from 'vitest';
import { describeReadout } from './lossChartController';
import { axisTitle } from './scatterController';

describe('axis titles', () => {
  it('name the share of variance as a whole percentage', () => {
    expect(axisTitle('horizontal', 0.3849)).toBe('horizontal — 38% of variance');
    expect(axisTitle('vertical', 0.051)).toBe('vertical — 5% of variance');
  });

  it('say only the axis before there is a projection or when it is NaN', () => {
    expect(axisTitle('horizontal', 0)).toBe('horizontal');
    expect(axisTitle('vertical', Number.NaN)).toBe('vertical');
    expect(axisTitle('vertical', undefined)).toBe('vertical');
  });
});

describe('loss read-out', () => {
  it('gives the units, the raw and smoothed loss and the learning rate', () => {
    const text = describeReadout(
      { x: 12000, raw: 3.21449, smoothed: 3.4, lr: 0.024125, px: 0 },
      'word',
    );
    expect(text).toBe('words 12,000 · loss 3.214 · smoothed 3.4 · learning rate 0.0241');
  });

  it('shows a diverged loss as NaN instead of hiding it', () => {
    const text = describeReadout(
      { x: 50, raw: Number.NaN, smoothed: 2, lr: 10, px: 0 },
      'iteration',
    );
    expect(text).toBe('iterations 50 · loss NaN · smoothed 2 · learning rate 10');
  });
});
