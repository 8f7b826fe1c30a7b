import { describe, expect, it } from 'vitest';
import { gradcheckExample, type BreakMode, type ExampleGradcheck } from '../../core/index';
import {
  cbowExample,
  skipgramExample,
  weightsOf,
} from '../../core/inspect/testing/inspectFixtures';
import { kernelState } from '../../core/testing/engineFixtures';
import type { ModelId } from '../../core/types';
import { FIXTURE_WORDS } from '../../state/testing/inspectFrames';
import { formatError, gradcheckLines, plotDomain, rowLength, verdictText } from './gradcheckView';

function check(breakGradient: BreakMode, model: ModelId = 'skipgram'): ExampleGradcheck {
  const fixture = kernelState({ W: 6, D: 5, loss: 'ns', isCbow: model === 'cbow' });
  const example = model === 'cbow' ? cbowExample('ns') : skipgramExample('ns');
  return gradcheckExample(example, weightsOf(fixture, 'ns'), { breakGradient });
}

describe('gradient check panel view', () => {
  it('lists the first entries of every checked row with its word, in the check’s order', () => {
    const result = check('none');
    const lines = gradcheckLines(result, FIXTURE_WORDS, 2);
    expect(rowLength(result)).toBe(5);
    expect(lines).toHaveLength(2 * result.rows.length);
    // Skip-gram: v_c (word 1) first, then the outside rows, targets first.
    expect(lines.slice(0, 4).map((l) => [l.matrix, l.row, l.entry])).toEqual([
      ['v (centre)', 'w1', 0],
      ['v (centre)', 'w1', 1],
      ['u (outside)', 'w4', 0],
      ['u (outside)', 'w4', 1],
    ]);
    const second = result.rows[1]!;
    expect(lines[3]!.analytic).toBe(result.analytic[second.offset + 1]);
    expect(lines[3]!.numeric).toBe(result.numeric[second.offset + 1]);
    expect(lines[3]!.relError).toBe(result.relErrors[second.offset + 1]);
  });

  it('says passed or failed in words, with the numbers', () => {
    const good = check('none');
    const bad = check('dropSign');
    expect(good.passed).toBe(true);
    expect(verdictText(good)).toMatch(
      /^Passed: the largest relative error, .+, is below the threshold 1e-5\.$/,
    );
    expect(bad.passed).toBe(false);
    expect(verdictText(bad)).toMatch(/^Failed: .*not below the threshold 1e-5\.$/);
    expect(verdictText(bad)).toContain(formatError(bad.maxRelError));
  });

  it('a dropped factor fails for CBOW (the 1/|C| of the average)', () => {
    expect(check('dropFactor', 'cbow').passed).toBe(false);
  });

  it('formats errors short: tiny and huge in scientific notation', () => {
    expect(formatError(3.14159e-9)).toBe('3.1e-9');
    expect(formatError(0.52345)).toBe('0.523');
    expect(formatError(1e-5)).toBe('1e-5');
    expect(formatError(0)).toBe('0');
  });

  it('the plot domain holds every value, and is never empty', () => {
    const result = check('dropSign');
    const [lo, hi] = plotDomain(result);
    for (const x of [...result.analytic, ...result.numeric]) {
      expect(x).toBeGreaterThanOrEqual(lo);
      expect(x).toBeLessThanOrEqual(hi);
    }
    const zeros = { ...result, analytic: new Float64Array(3), numeric: new Float64Array(3) };
    expect(plotDomain(zeros)).toEqual([-1, 1]);
  });
});
