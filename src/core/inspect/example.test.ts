/**
 * The example sampler: deterministic under a seed; the window follows the radius rule (r uniform
 * in 1…m, tokens equal to the centre dropped); negatives are K per pair, never the pair's target,
 * and follow P_n ∝ count^0.75.
 */
import { describe, expect, it } from 'vitest';
import { handCorpus } from '../testing/engineFixtures';
import type { LossId, ModelId } from '../types';
import type { ExampleSettings, TrainingExample } from './example';
import {
  SKIPPED,
  createExampleSampler,
  drawExample,
  pairCount,
  pairNegatives,
  pairTarget,
} from './example';

function settings(
  model: ModelId,
  loss: LossId,
  window = 3,
  negatives = 4,
  mode: ExampleSettings['mode'] = 'minibatch',
): ExampleSettings {
  return { model, loss, window, negatives, lr: 0.025, mode };
}

function draw(
  n: number,
  seed: number,
  s: ExampleSettings,
  sentences: number[][],
  W: number,
  counts?: number[],
) {
  const sampler = createExampleSampler(handCorpus(sentences, W, counts), s, seed);
  return Array.from({ length: n }, () => sampler.next());
}

const LINE = [Array.from({ length: 20 }, (_, i) => i)];

describe('example sampler: seeded', () => {
  it('the same seed gives the same examples; another seed other ones', () => {
    const s = settings('skipgram', 'ns');
    const a = draw(30, 5, s, LINE, 20);
    const b = draw(30, 5, s, LINE, 20);
    const c = draw(30, 6, s, LINE, 20);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('getState replays: drawExample from a saved state draws what the sampler draws next', () => {
    const corpus = handCorpus(LINE, 20);
    const s = settings('cbow', 'hs');
    const sampler = createExampleSampler(corpus, s, 9);
    sampler.next();
    const state = sampler.getState();
    const next = sampler.next();
    expect(drawExample(corpus, s, null, state)).toEqual(next);
    // getState is a copy: drawing from it did not advance the sampler twice.
    expect(sampler.next()).toEqual(drawExample(corpus, s, null, state));
  });
});

describe('example sampler: the window', () => {
  it('on a line of distinct words the context is exactly [c − r, c + r] ∖ {c}, r uniform in 1…m', () => {
    const m = 3;
    const seen = new Map<number, number>();
    for (const e of draw(3000, 1, settings('skipgram', 'hs', m), LINE, 20)) {
      const c = e.center;
      // The radius is the distance to the far side that is not clipped by the sentence ends.
      const r = Math.max(...Array.from(e.context, (w) => Math.abs(w - c)));
      const expected = [];
      for (let w = Math.max(0, c - r); w <= Math.min(19, c + r); w++) if (w !== c) expected.push(w);
      expect(Array.from(e.context)).toEqual(expected);
      expect(r).toBeGreaterThanOrEqual(1);
      expect(r).toBeLessThanOrEqual(m);
      if (c >= m && c <= 19 - m) seen.set(r, (seen.get(r) ?? 0) + 1);
    }
    const total = [...seen.values()].reduce((a, b) => a + b, 0);
    for (let r = 1; r <= m; r++) expect(Math.abs(seen.get(r)! / total - 1 / m)).toBeLessThan(0.05);
  });

  it('tokens equal to the centre word are dropped from its context', () => {
    for (const e of draw(300, 2, settings('cbow', 'softmax', 2), [[0, 1, 0, 1, 0, 2]], 3)) {
      expect(e.context.length).toBeGreaterThan(0);
      expect(Array.from(e.context)).not.toContain(e.center);
    }
  });

  it('a corpus without two different neighbours throws instead of looping', () => {
    expect(() => draw(1, 1, settings('skipgram', 'ns'), [[0, 0, 0], [1]], 2)).toThrow(/context/);
  });

  it('carries model, loss and α through', () => {
    const [e] = draw(1, 3, settings('cbow', 'softmax'), LINE, 20) as [TrainingExample];
    expect([e.model, e.loss, e.lr]).toEqual(['cbow', 'softmax', 0.025]);
    expect(e.negatives).toHaveLength(0);
  });
});

describe('example sampler: negatives', () => {
  it.each<ModelId>(['skipgram', 'cbow'])('%s: K per pair, never the pair target', (model) => {
    const K = 4;
    for (const e of draw(300, 4, settings(model, 'ns', 3, K), LINE, 20)) {
      expect(e.negatives).toHaveLength(pairCount(e) * K);
      for (let j = 0; j < pairCount(e); j++) {
        expect(Array.from(pairNegatives(e, j, K))).not.toContain(pairTarget(e, j));
      }
    }
  });

  it('follow P_n ∝ count^0.75 conditioned on ≠ target (counts 81, 16, 1, 1 → weights 27, 8, 1, 1)', () => {
    const weights = [27, 8, 1, 1];
    const tally = weights.map(() => new Float64Array(4));
    const sentences = [[0, 1, 2, 3, 0, 1, 2, 3]];
    for (const e of draw(4000, 5, settings('skipgram', 'ns', 2, 5), sentences, 4, [81, 16, 1, 1])) {
      for (let j = 0; j < pairCount(e); j++) {
        for (const w of pairNegatives(e, j, 5)) tally[pairTarget(e, j)]![w]!++;
      }
    }
    for (let t = 0; t < 4; t++) {
      const n = tally[t]!.reduce((a, b) => a + b, 0);
      const rest = 37 - weights[t]!;
      for (let w = 0; w < 4; w++) {
        const expected = w === t ? 0 : weights[w]! / rest;
        expect(Math.abs(tally[t]![w]! / n - expected), `target ${t}, word ${w}`).toBeLessThan(0.02);
      }
    }
  });
});

describe('example sampler: stream (word2vec.c) rules', () => {
  it('the centre is a uniform token, not a uniform sentence', () => {
    const sentences = [
      [0, 1],
      [2, 3, 4, 5, 6, 7, 8, 9],
    ];
    const share = (mode: 'stream' | 'minibatch') => {
      const examples = draw(4000, 6, settings('skipgram', 'hs', 2, 4, mode), sentences, 10);
      return examples.filter((e) => e.center <= 1).length / examples.length;
    };
    expect(Math.abs(share('stream') - 0.2)).toBeLessThan(0.03);
    expect(Math.abs(share('minibatch') - 0.5)).toBeLessThan(0.03);
  });

  it('a repeat of the centre word stays in the context', () => {
    const examples = draw(200, 7, settings('cbow', 'hs', 2, 4, 'stream'), [[0, 1, 0, 1, 0]], 2);
    expect(examples.some((e) => Array.from(e.context).includes(e.center))).toBe(true);
  });

  it('a draw equal to the target is kept as SKIPPED, at the rate P_n(target)', () => {
    // counts 81, 16, 1, 1 → P_n = 27/37, 8/37, 1/37, 1/37.
    const p = [27 / 37, 8 / 37, 1 / 37, 1 / 37];
    const skipped = [0, 0, 0, 0];
    const total = [0, 0, 0, 0];
    const s = settings('skipgram', 'ns', 2, 5, 'stream');
    for (const e of draw(3000, 8, s, [[0, 1, 2, 3, 0, 1, 2, 3]], 4, [81, 16, 1, 1])) {
      for (let j = 0; j < pairCount(e); j++) {
        const t = pairTarget(e, j);
        for (const w of pairNegatives(e, j, 5)) {
          expect(w).not.toBe(t);
          total[t]!++;
          if (w === SKIPPED) skipped[t]!++;
        }
      }
    }
    for (let t = 0; t < 4; t++)
      expect(Math.abs(skipped[t]! / total[t]! - p[t]!)).toBeLessThan(0.02);
  });
});
