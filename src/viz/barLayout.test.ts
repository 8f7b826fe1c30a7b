import { describe, expect, it } from 'vitest';
import type { HsScoring, NsScoring, SoftmaxScoring } from '../core/inspect/pairTrace';
import { barItems, binMax, binOf, describeBars, formatProb, samplingShares } from './barLayout';

const WORDS = ['the', 'king', 'queen', 'man', 'woman', 'crown'];
const wordOf = (w: number) => WORDS[w]!;

const NS: NsScoring = {
  kind: 'ns',
  negatives: Int32Array.from([0, 3]),
  scores: Float64Array.from([0.4, -0.1, 0.2]),
  sigmas: Float64Array.from([0.6, 0.475, 0.55]),
  shared: Float64Array.from([-0.4, -0.525, -0.45]),
};

const HS: HsScoring = {
  kind: 'hs',
  nodes: Int32Array.from([4, 2]),
  codes: Uint8Array.from([1, 0]),
  scores: Float64Array.from([0.3, 0.2]),
  factors: Float64Array.from([0.4, 0.55]),
  pathProb: 0.22,
  g: Float64Array.from([0.4, 0.45]),
};

function softmax(top: [number, number][], trueRank: number, trueProb: number): SoftmaxScoring {
  return {
    kind: 'softmax',
    scores: new Float64Array(0),
    yHat: new Float64Array(0),
    shared: new Float64Array(0),
    top: top.map(([word, prob]) => ({ word, prob })),
    trueRank,
    trueProb,
    trueScore: Math.log(trueProb),
  };
}

describe('formatProb', () => {
  it('keeps three significant digits and switches to exponents for tiny values', () => {
    expect(formatProb(0.51234)).toBe('0.512');
    expect(formatProb(0.012345)).toBe('0.0123');
    expect(formatProb(1)).toBe('1');
    expect(formatProb(0)).toBe('0');
    expect(formatProb(2.34e-5)).toBe('2.3e-5');
    expect(formatProb(Number.NaN)).toBe('NaN');
  });
});

describe('barItems', () => {
  it('gives NS the true word first, then each negative with its σ', () => {
    const items = barItems(NS, 2, wordOf);
    expect(items.map((b) => [b.label, b.value, b.tone])).toEqual([
      ['queen', NS.sigmas[0], 'outside'],
      ['the', NS.sigmas[1], 'negative'],
      ['man', NS.sigmas[2], 'negative'],
    ]);
  });

  it('gives HS one factor per path node with its code, then the product', () => {
    const items = barItems(HS, 5, wordOf);
    expect(items.map((b) => b.value)).toEqual([...HS.factors, HS.pathProb]);
    expect(items[0]!.label).toBe('node 4, code 1');
    expect(items[0]!.note).toContain('σ(−θ·h)');
    expect(items[1]!.note).toContain('σ(θ·h)');
    expect(items[2]!.label).toBe('p(crown)');
  });

  it('marks the true word inside the softmax top list', () => {
    const items = barItems(
      softmax(
        [
          [0, 0.3],
          [2, 0.2],
        ],
        2,
        0.2,
      ),
      2,
      wordOf,
    );
    expect(items.map((b) => b.tone)).toEqual(['prob', 'outside']);
    expect(items.length).toBe(2);
  });

  it('appends the true word with its rank when it is outside the top list', () => {
    const items = barItems(
      softmax(
        [
          [0, 0.3],
          [1, 0.2],
        ],
        17,
        0.004,
      ),
      4,
      wordOf,
    );
    expect(items[2]).toMatchObject({ label: 'woman', value: 0.004, tone: 'outside' });
    expect(items[2]!.note).toContain('rank 17');
  });
});

describe('describeBars', () => {
  it('states every number shown', () => {
    const text = describeBars(NS, barItems(NS, 2, wordOf), 6);
    for (const item of barItems(NS, 2, wordOf))
      expect(text).toContain(`${item.label} ${formatProb(item.value)}`);
    const scoring = softmax([[0, 0.3]], 9, 0.01);
    expect(describeBars(scoring, barItems(scoring, 1, wordOf), 6)).toContain('ranked 9');
    expect(describeBars(HS, barItems(HS, 5, wordOf), 6)).toContain('p(crown) 0.22');
  });
});

describe('binMax and binOf', () => {
  const values = Float64Array.from({ length: 1003 }, (_, i) => Math.sin(i * 1.7) ** 2);

  it('keeps one bin per value when there is room', () => {
    expect(Array.from(binMax(values.subarray(0, 5), 100))).toEqual(
      Array.from(values.subarray(0, 5)),
    );
  });

  it('keeps every spike: the max over the bins is the max over the values', () => {
    const bins = binMax(values, 400);
    expect(bins.length).toBe(400);
    expect(Math.max(...bins)).toBe(Math.max(...values));
  });

  it('places every index in the bin whose range holds it', () => {
    for (const bins of [1, 7, 400, 1003, 2000]) {
      const count = Math.min(bins, values.length);
      for (let i = 0; i < values.length; i++) {
        const b = binOf(i, values.length, bins);
        expect(Math.floor((b * values.length) / count)).toBeLessThanOrEqual(i);
        expect(Math.floor(((b + 1) * values.length) / count)).toBeGreaterThan(i);
      }
    }
  });
});

describe('samplingShares', () => {
  it('adds the shares of the rows and the dropped share of tokens', () => {
    const rows = [
      { unigram: 0.5, noise: 0.3, keep: 0.2 },
      { unigram: 0.1, noise: 0.12, keep: 1 },
    ];
    const shares = samplingShares(rows);
    expect(shares.unigram).toBeCloseTo(0.6, 12);
    expect(shares.noise).toBeCloseTo(0.42, 12);
    expect(shares.dropped).toBeCloseTo(0.4, 12);
    expect(samplingShares([])).toEqual({ unigram: 0, noise: 0, dropped: 0 });
  });
});
