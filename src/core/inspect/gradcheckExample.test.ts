/**
 * The gradient-check panel: the correct gradient passes CS224n's 1e-5 for every model × loss, and
 * each deliberate slip fails it.
 */
import { describe, expect, it } from 'vitest';
import { kernelState } from '../testing/engineFixtures';
import type { LossId, ModelId } from '../types';
import type { TrainingExample } from './example';
import { SKIPPED } from './example';
import type { BreakMode } from './gradcheckExample';
import { gradcheckExample } from './gradcheckExample';
import { cbowExample, skipgramExample, weightsOf } from './testing/inspectFixtures';

const LOSSES: LossId[] = ['ns', 'hs', 'softmax'];
const MODELS: ModelId[] = ['skipgram', 'cbow'];

function setup(model: ModelId, loss: LossId) {
  const fixture = kernelState({ W: 6, D: 5, loss, isCbow: model === 'cbow' });
  const example = model === 'cbow' ? cbowExample(loss) : skipgramExample(loss);
  return { fixture, example, weights: weightsOf(fixture, loss) };
}

describe.each(LOSSES)('gradcheckExample (%s)', (loss) => {
  it.each(MODELS)('%s: the correct gradient passes at 1e-5', (model) => {
    const { fixture, example, weights } = setup(model, loss);
    const before = fixture.state.mem.slice();
    const result = gradcheckExample(example, weights);
    expect(result.passed, `max error ${result.maxRelError}`).toBe(true);
    expect(result.maxRelError).toBeLessThan(1e-7);
    // The checked vector covers the input rows and the touched output rows.
    expect(result.analytic.length).toBe(result.rows.length * 5);
    expect(result.rows.some((r) => r.matrix === 'center')).toBe(true);
    expect(result.rows.some((r) => r.matrix === (loss === 'hs' ? 'node' : 'outside'))).toBe(true);
    expect(fixture.state.mem).toEqual(before);
  });

  it.each<[ModelId, BreakMode]>([
    ['skipgram', 'dropSign'],
    ['skipgram', 'dropFactor'],
    ['cbow', 'dropSign'],
    ['cbow', 'dropFactor'],
  ])('%s with "%s": the check fails', (model, breakGradient) => {
    const { example, weights } = setup(model, loss);
    const result = gradcheckExample(example, weights, { breakGradient });
    expect(result.passed).toBe(false);
    expect(result.maxRelError).toBeGreaterThan(1e-3);
    // The numeric side does not depend on the slip.
    const clean = gradcheckExample(example, weights);
    expect(Array.from(result.numeric)).toEqual(Array.from(clean.numeric));
  });
});

describe('gradcheckExample edge cases', () => {
  it('CBOW with one context word: "dropFactor" falls back to the σ slip and still fails', () => {
    const { weights } = setup('cbow', 'ns');
    const example: TrainingExample = {
      ...cbowExample('ns'),
      context: Int32Array.of(3),
    };
    expect(gradcheckExample(example, weights).passed).toBe(true);
    expect(gradcheckExample(example, weights, { breakGradient: 'dropFactor' }).passed).toBe(false);
  });

  it('CBOW "dropFactor" only scales the context rows (the output rows stay right)', () => {
    const { example, weights } = setup('cbow', 'hs');
    const result = gradcheckExample(example, weights, { breakGradient: 'dropFactor' });
    for (const row of result.rows) {
      const errors = result.relErrors.subarray(row.offset, row.offset + 5);
      const worst = Math.max(...errors);
      if (row.matrix === 'center') expect(worst).toBeGreaterThan(1e-3);
      else expect(worst).toBeLessThan(1e-7);
    }
  });

  it('maxOutputRows caps the softmax check to the target and the first words', () => {
    const { example, weights } = setup('skipgram', 'softmax');
    const result = gradcheckExample(example, weights, { maxOutputRows: 3 });
    expect(result.rows.map((r) => r.row)).toEqual([1, 4, 0, 1]);
  });
});

describe('gradcheckExample with word2vec.c skipped draws', () => {
  it('SKIPPED entries are left out of J and of the checked rows', () => {
    const { weights } = setup('skipgram', 'ns');
    const example: TrainingExample = {
      ...skipgramExample('ns'),
      negatives: Int32Array.of(2, SKIPPED, 3, SKIPPED, SKIPPED, 5),
    };
    const result = gradcheckExample(example, weights);
    expect(result.passed).toBe(true);
    expect(result.rows.map((r) => r.row)).toEqual([1, 4, 0, 2, 3, 5]);
  });
});
