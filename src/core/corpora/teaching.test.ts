import { describe, expect, it } from 'vitest';
import { corpusFromText, corpusStats } from '../corpus';
import { TEACHING_CORPUS, TEACHING_GROUPS } from './teaching';

describe('TEACHING_CORPUS', () => {
  const corpus = corpusFromText(TEACHING_CORPUS, { minCount: 1 });

  it('builds with minCount 1 and holds every group word', () => {
    const missing = Object.values(TEACHING_GROUPS)
      .flat()
      .filter((w) => !corpus.vocab.index.has(w));
    expect(missing).toEqual([]);
  });

  it('every group word occurs at least 5 times, so minCount 5 keeps the groups too', () => {
    const rare = Object.values(TEACHING_GROUPS)
      .flat()
      .filter((w) => corpus.vocab.counts[corpus.vocab.index.get(w)!]! < 5);
    expect(rare).toEqual([]);
  });

  it('groups are disjoint (a word gets one colour)', () => {
    const all = Object.values(TEACHING_GROUPS).flat();
    expect(new Set(all).size).toBe(all.length);
  });

  it('is small: 3k–6k tokens, a few hundred sentences, at most 60 KB', () => {
    const stats = corpusStats(corpus);
    expect(stats.tokens).toBeGreaterThanOrEqual(3000);
    expect(stats.tokens).toBeLessThanOrEqual(6000);
    expect(stats.sentences).toBeGreaterThan(300);
    expect(TEACHING_CORPUS.length).toBeLessThanOrEqual(60_000);
  });
});
