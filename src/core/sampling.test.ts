import { describe, expect, it } from 'vitest';
import { createRng, xoshiroInt, xoshiroNext } from './rng';
import {
  buildAliasTable,
  buildNoiseTable,
  drawAlias,
  drawNoise,
  noiseAliasTable,
  drawRadius,
  keepThresholds,
  keepToken,
  NOISE_TABLE_SIZE,
  rejectProbabilities,
} from './sampling';

const TWO_POW_32 = 4294967296;

describe('raw-state xoshiro128** is the same generator as createRng', () => {
  it('xoshiroNext on getState() continues rng.nextUint32() exactly, xoshiroInt matches nextInt', () => {
    const a = createRng(42);
    const b = createRng(42);
    const state = b.getState();
    for (let i = 0; i < 1000; i++) expect(xoshiroNext(state)).toBe(a.nextUint32());
    for (let i = 0; i < 1000; i++) expect(xoshiroInt(state, 1000003)).toBe(a.nextInt(1000003));
  });
});

describe('noise table (word2vec.c InitUnigramTable)', () => {
  it('reproduces the C walk, including writing the current word before stepping', () => {
    // counts [16, 1]: shares of count^0.75 are 8/9 and 1/9. With 10 entries the C loop only
    // steps to word 1 after writing entry 9, so word 1 never appears.
    expect(Array.from(buildNoiseTable([16, 1], 10))).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    // With 100 entries: entries 0…89 are word 0 (89/100 is the first a/size above 8/9).
    const table = buildNoiseTable([16, 1], 100);
    expect(table.indexOf(1)).toBe(90);
    expect(table.filter((w) => w === 1).length).toBe(10);
  });

  it('the 1e6 table holds each word in proportion to count^0.75', () => {
    const counts = [1000, 300, 50, 7, 1];
    const table = buildNoiseTable(counts);
    expect(table.length).toBe(NOISE_TABLE_SIZE);
    const total = counts.reduce((s, c) => s + Math.pow(c, 0.75), 0);
    counts.forEach((c, w) => {
      const share = table.filter((x) => x === w).length / NOISE_TABLE_SIZE;
      expect(Math.abs(share - Math.pow(c, 0.75) / total)).toBeLessThan(2e-6);
    });
  });

  it('drawNoise samples the table uniformly', () => {
    const table = buildNoiseTable([81, 16, 1]);
    const state = createRng(3).getState();
    const hits = [0, 0, 0];
    for (let i = 0; i < 200000; i++) hits[drawNoise(state, table)]!++;
    const total = 27 + 8 + 1;
    expect(hits[0]! / 200000).toBeCloseTo(27 / total, 2);
    expect(hits[2]! / 200000).toBeCloseTo(1 / total, 2);
  });
});

describe('alias table (how the engine samples the noise distribution)', () => {
  /** P(i) implied by an alias table: its own slot's share plus what other slots pass to it. */
  function impliedProbabilities(prob: Float64Array, alias: Int32Array): number[] {
    const p = Array.from(prob, (x) => x / prob.length);
    alias.forEach((a, i) => (p[a]! += (1 - prob[i]!) / prob.length));
    return p;
  }

  it('reproduces the 1e6 table’s distribution exactly, word2vec.c’s rounding included', () => {
    const counts = [1000, 300, 50, 7, 1, 1];
    const table = buildNoiseTable(counts);
    const { prob, alias } = noiseAliasTable(table, counts.length);
    const implied = impliedProbabilities(prob, alias);
    counts.forEach((_, w) => {
      const share = table.filter((x) => x === w).length / NOISE_TABLE_SIZE;
      expect(implied[w]).toBeCloseTo(share, 14);
    });
  });

  it('words with zero weight are never drawn; draws follow the weights', () => {
    const { prob, alias } = buildAliasTable([3, 0, 1, 0]);
    expect(impliedProbabilities(prob, alias)).toEqual([0.75, 0, 0.25, 0]);
    const state = createRng(8).getState();
    const hits = [0, 0, 0, 0];
    for (let i = 0; i < 100000; i++) hits[drawAlias(state, prob, alias)]!++;
    expect(hits[1]).toBe(0);
    expect(hits[3]).toBe(0);
    expect(hits[0]! / 100000).toBeCloseTo(0.75, 2);
  });
});

describe('word2vec.c sub-sampling', () => {
  const counts = [1000, 10, 1];
  const T = 1011;

  it('keep = (√(f/s) + 1)·s/f, capped at 1, on the uint32 scale', () => {
    const s = 1e-3;
    const thresholds = keepThresholds(counts, T, s);
    const f = 1000 / T;
    expect(thresholds[0]! / TWO_POW_32).toBeCloseTo((Math.sqrt(f / s) + 1) * (s / f), 12);
    // (√(10/1.011) + 1)·1.011/10 ≈ 0.419
    expect(thresholds[1]! / TWO_POW_32).toBeCloseTo((Math.sqrt(10 / 1.011) + 1) * 0.1011, 12);
    // Rare words are always kept.
    expect(thresholds[2]).toBe(TWO_POW_32);
  });

  it('sample = 0 turns sub-sampling off (every word kept, no draws)', () => {
    const thresholds = keepThresholds(counts, T, 0);
    expect(Array.from(thresholds)).toEqual([TWO_POW_32, TWO_POW_32, TWO_POW_32]);
    const state = createRng(1).getState();
    const before = state.slice();
    expect(keepToken(state, thresholds[0]!)).toBe(true);
    expect(Array.from(state)).toEqual(Array.from(before));
  });

  it('keepToken keeps a word with its keep probability', () => {
    const thresholds = keepThresholds(counts, T, 1e-3);
    const state = createRng(9).getState();
    let kept = 0;
    for (let i = 0; i < 100000; i++) if (keepToken(state, thresholds[0]!)) kept++;
    expect(kept / 100000).toBeCloseTo(thresholds[0]! / TWO_POW_32, 2);
  });
});

describe('CS224n rejectProb', () => {
  it('max(0, 1 − √(s·T / count))', () => {
    const reject = rejectProbabilities([100, 4, 1], 105, 1e-2);
    expect(reject[0]).toBeCloseTo(1 - Math.sqrt(1.05 / 100), 14);
    expect(reject[1]).toBeCloseTo(1 - Math.sqrt(1.05 / 4), 14);
    // count below the threshold: never rejected (not a negative probability).
    expect(reject[2]).toBe(0);
  });
});

describe('random window radius', () => {
  it('is uniform in 1…m and never 0 or above m', () => {
    const state = createRng(5).getState();
    const m = 5;
    const hits = new Array<number>(m + 2).fill(0);
    for (let i = 0; i < 100000; i++) hits[drawRadius(state, m)]!++;
    expect(hits[0]).toBe(0);
    expect(hits[m + 1]).toBe(0);
    for (let r = 1; r <= m; r++) expect(hits[r]! / 100000).toBeCloseTo(1 / m, 2);
    expect(drawRadius(state, 1)).toBe(1);
  });
});
