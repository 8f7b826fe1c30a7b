import { scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { coordinateFormat } from './axes';

describe('coordinateFormat', () => {
  it('prints ordinary map coordinates with two decimals', () => {
    const scale = scaleLinear().domain([-0.05, 0.045]);
    const format = scale.tickFormat(8, coordinateFormat(scale));
    expect(scale.ticks(8).map(format)).toContain('0.04');
  });

  it('switches to exponent notation for the huge coordinates of a diverged model', () => {
    const scale = scaleLinear().domain([-1e36, 2.2e36]);
    const labels = scale.ticks(8).map(scale.tickFormat(8, coordinateFormat(scale)));
    expect(labels).toContain('2e+36');
    for (const label of labels) expect(label.length).toBeLessThanOrEqual(8);
  });
});
