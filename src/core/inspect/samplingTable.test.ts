/**
 * The corpus chart's table: the noise distribution sums to 1 over the vocabulary, the keep
 * probability is word2vec.c's (checked by hand), capped at 1, and 1 when sub-sampling is off.
 */
import { describe, expect, it } from 'vitest';
import { expectClose } from '../testing/expectClose';
import { samplingTable } from './samplingTable';

const WORDS = ['the', 'cat', 'sat', 'on', 'mat'];
/** T = 16 tokens. */
const COUNTS = Int32Array.of(8, 4, 2, 1, 1);

describe('samplingTable', () => {
  it('noise over the whole vocabulary sums to 1, unigram to 1', () => {
    const rows = samplingTable(COUNTS, WORDS, 16, 0.1, WORDS.length);
    expectClose(
      rows.reduce((sum, r) => sum + r.noise, 0),
      1,
      1e-15,
      'Σ noise',
    );
    expectClose(
      rows.reduce((sum, r) => sum + r.unigram, 0),
      1,
      1e-15,
      'Σ unigram',
    );
  });

  it('hand-worked: s·T = 1.6, so "the" (8) is kept with (√5 + 1)/5; rarer words always', () => {
    const [the, cat, sat] = samplingTable(COUNTS, WORDS, 16, 0.1);
    // (√(8/1.6) + 1) · 1.6/8 = (√5 + 1)/5 ≈ 0.6472
    expectClose(the!.keep, 0.6472135954999579, 1e-12, 'keep(the)');
    // (√(4/1.6) + 1) · 1.6/4 ≈ 1.03 → capped at 1
    expect(cat!.keep).toBe(1);
    expect(sat!.keep).toBe(1);
    // 8^0.75 / (8^0.75 + 4^0.75 + 2^0.75 + 1 + 1) = 4.7568 / 11.2670 (2^2.25 over 2^2.25 + 2^1.5 + 2^0.75 + 2)
    expectClose(the!.noise, 4.756828460010884 / 11.267048415264505, 1e-12, 'noise(the)');
    expect(the).toMatchObject({ word: 'the', count: 8, unigram: 0.5 });
  });

  it('keep = 1 for every word when s = 0 (sub-sampling off)', () => {
    const rows = samplingTable(COUNTS, WORDS, 16, 0);
    expect(rows.map((r) => r.keep)).toEqual([1, 1, 1, 1, 1]);
  });

  it('the top rows are the most frequent words, ties by id; top caps the length', () => {
    const rows = samplingTable(Int32Array.of(1, 5, 3, 5), ['a', 'b', 'c', 'd'], 14, 1e-3, 3);
    expect(rows.map((r) => r.word)).toEqual(['b', 'd', 'c']);
  });

  it('minibatch mode uses CS224n’s rule: keep = 1 − rejectProb = min(1, √(s·T/c))', () => {
    const [the, cat, sat] = samplingTable(COUNTS, WORDS, 16, 0.1, 30, 'minibatch');
    // s·T = 1.6: √(1.6/8) = 0.4472, √(1.6/4) = 0.6325, √(1.6/2) = 0.8944
    expectClose(the!.keep, Math.sqrt(0.2), 1e-12, 'keep(the)');
    expectClose(cat!.keep, Math.sqrt(0.4), 1e-12, 'keep(cat)');
    expectClose(sat!.keep, Math.sqrt(0.8), 1e-12, 'keep(sat)');
    expect(samplingTable(COUNTS, WORDS, 16, 0, 30, 'minibatch').map((r) => r.keep)).toEqual([
      1, 1, 1, 1, 1,
    ]);
  });
});
