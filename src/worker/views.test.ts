import { describe, expect, it } from 'vitest';
import type { Vocab } from '../core/types';
import type { ViewRequest } from './protocol';
import { MAX_BACKGROUND, MAX_SHOWN, resolveView, viewCountProblem } from './views';

/** A vocabulary of `size` words w0, w1, … in frequency order (w0 most frequent). */
function vocabOf(size: number): Vocab {
  const words = Array.from({ length: size }, (_, i) => `w${i}`);
  const counts = Float64Array.from(words, (_, i) => size - i);
  return {
    words,
    counts,
    index: new Map(words.map((w, i) => [w, i])),
    totalCount: counts.reduce((a, b) => a + b, 0),
  };
}

const request = (patch: Partial<ViewRequest>): ViewRequest => ({
  words: [],
  top: 0,
  vectors: 'center',
  ...patch,
});

describe('resolveView: background points', () => {
  it('takes the most frequent words not already shown, after the shown ones in the ids', () => {
    const vocab = vocabOf(50);
    const { result, ids } = resolveView(
      request({ words: ['w1', 'w7'], top: 3, background: 5 }),
      vocab,
      'custom',
      true,
    );
    expect(result.shown.map((s) => s.word)).toEqual(['w1', 'w7', 'w0', 'w2']);
    expect(result.background).toEqual(['w3', 'w4', 'w5', 'w6', 'w8']);
    expect(Array.from(ids)).toEqual([1, 7, 0, 2, 3, 4, 5, 6, 8]);
    expect(result.note).toBeUndefined();
  });

  it('absent or 0 means none; a small vocabulary gives what it has', () => {
    const vocab = vocabOf(6);
    expect(resolveView(request({ top: 2 }), vocab, 'custom', true).result.background).toEqual([]);
    const all = resolveView(request({ top: 2, background: 100 }), vocab, 'custom', true);
    expect(all.result.background).toEqual(['w2', 'w3', 'w4', 'w5']);
    expect(all.ids).toHaveLength(6);
  });

  it('the full size: 1,000 labelled and 10,000 background rows, each word once', () => {
    const vocab = vocabOf(12_000);
    const { result, ids } = resolveView(
      request({ top: MAX_SHOWN, background: MAX_BACKGROUND }),
      vocab,
      'custom',
      true,
    );
    expect(result.shown).toHaveLength(1000);
    expect(result.background).toHaveLength(10_000);
    expect(new Set(ids).size).toBe(11_000);
    expect(result.background[0]).toBe('w1000');
  });

  it('words cut by the MAX_SHOWN limit become background candidates again', () => {
    const vocab = vocabOf(1200);
    const words = Array.from({ length: 1001 }, (_, i) => `w${1199 - i}`);
    const { result } = resolveView(request({ words, background: 300 }), vocab, 'custom', true);
    expect(result.shown).toHaveLength(MAX_SHOWN);
    expect(result.note).toMatch(/first 1000 of 1001/);
    // w1199 … w200 are labelled; w199 was cut, so the background is w0 … w199, w199 included.
    expect(result.background).toEqual(Array.from({ length: 200 }, (_, i) => `w${i}`));
  });

  it('bad counts are clamped into range, each with a note', () => {
    const vocab = vocabOf(20);
    const cases: [number, number][] = [
      [-5, 0],
      [2.7, 2],
      [Number.NaN, 0],
      [MAX_BACKGROUND + 1, 20],
    ];
    for (const [asked, got] of cases) {
      const { result } = resolveView(request({ background: asked }), vocab, 'custom', true);
      expect(result.background).toHaveLength(got);
      expect(result.note).toMatch(/Background points must be a whole number from 0 to 10000/);
    }
    const { result } = resolveView(request({ top: 1001 }), vocab, 'custom', true);
    expect(result.shown).toHaveLength(20);
    expect(result.note).toMatch(/Top words must be a whole number from 0 to 1000, so 1000/);
  });
});

describe('viewCountProblem', () => {
  it('accepts whole numbers from 0 to the limit and names the field otherwise', () => {
    for (const good of [0, 1, 1000]) expect(viewCountProblem('top', good)).toBeNull();
    for (const good of [0, 250, 10_000]) expect(viewCountProblem('background', good)).toBeNull();
    for (const bad of [-1, 1001, 0.5, Number.NaN, '3', null]) {
      expect(viewCountProblem('top', bad)).toBe('Top words must be a whole number from 0 to 1000.');
    }
    expect(viewCountProblem('background', 10_001)).toBe(
      'Background points must be a whole number from 0 to 10000.',
    );
  });
});
