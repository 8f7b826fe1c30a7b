import { describe, expect, it } from 'vitest';
import { analogy, nearestNeighbors, normalizeRows } from './neighbors';
import { createRng } from './rng';

// Five 2-D unit rows at known angles: cosines against row 0 are 1, 0.8, 0, −1, 0.6.
const PLANE = new Float32Array([1, 0, 0.8, 0.6, 0, 1, -1, 0, 0.6, 0.8]);

describe('normalizeRows', () => {
  it('scales each row to unit length and leaves the input untouched', () => {
    const vecs = new Float32Array([3, 4, 0, 0, -2, 0]);
    const unit = normalizeRows(vecs, 2);
    expect(Array.from(unit)).toEqual([Math.fround(0.6), Math.fround(0.8), 0, 0, -1, 0]);
    expect(Array.from(vecs)).toEqual([3, 4, 0, 0, -2, 0]);
  });

  it('zero rows stay zero instead of turning into NaN', () => {
    const unit = normalizeRows(new Float32Array(6), 3);
    expect(Array.from(unit)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('underflow: rows of tiny float32 values (squares below float32 range) still normalise', () => {
    const unit = normalizeRows(new Float32Array([3e-30, 4e-30]), 2);
    expect(unit[0]).toBeCloseTo(0.6, 6);
    expect(unit[1]).toBeCloseTo(0.8, 6);
  });

  it('overflow: rows near float32 max normalise without Infinity', () => {
    const unit = normalizeRows(new Float32Array([3e38, 3e38]), 2);
    expect(unit[0]).toBeCloseTo(Math.SQRT1_2, 6);
  });

  it('rejects a length that is not a multiple of d', () => {
    expect(() => normalizeRows(new Float32Array(5), 2)).toThrow(/multiple/);
    expect(() => normalizeRows(new Float32Array(4), 0)).toThrow(/positive/);
  });
});

describe('nearestNeighbors', () => {
  it('ranks by cosine and excludes the query word by default', () => {
    expect(nearestNeighbors(PLANE, 2, 0, 2)).toEqual([
      { id: 1, similarity: Math.fround(0.8) },
      { id: 4, similarity: Math.fround(0.6) },
    ]);
  });

  it('an explicit exclude list replaces the default; [] keeps the query word', () => {
    expect(nearestNeighbors(PLANE, 2, 0, 1, [])).toEqual([{ id: 0, similarity: 1 }]);
    expect(nearestNeighbors(PLANE, 2, 0, 2, [0, 1]).map((n) => n.id)).toEqual([4, 2]);
  });

  it('normalises a vector query, so its length does not matter', () => {
    const result = nearestNeighbors(PLANE, 2, new Float32Array([0, 5]), 3);
    expect(result.map((n) => n.id)).toEqual([2, 4, 1]);
    expect(result[0]!.similarity).toBe(1);
    expect(result[2]!.similarity).toBeCloseTo(0.6, 6);
  });

  it('a zero query gives similarity 0 everywhere, ties ranked by lower id', () => {
    const result = nearestNeighbors(PLANE, 2, new Float32Array(2), 3);
    expect(result).toEqual([
      { id: 0, similarity: 0 },
      { id: 1, similarity: 0 },
      { id: 2, similarity: 0 },
    ]);
  });

  it('returns fewer than k when fewer words remain, and nothing for k ≤ 0', () => {
    expect(nearestNeighbors(PLANE, 2, 0, 99)).toHaveLength(4);
    expect(nearestNeighbors(PLANE, 2, 0, 0)).toEqual([]);
    expect(nearestNeighbors(PLANE, 2, 0, -3)).toEqual([]);
  });

  it('limit searches only the first rows (gensim restrict_vocab)', () => {
    expect(nearestNeighbors(PLANE, 2, 0, 5, undefined, 3).map((n) => n.id)).toEqual([1, 2]);
  });

  it('NaN propagation: a diverged row is never returned and does not disturb the others', () => {
    const vecs = PLANE.slice();
    vecs[2] = NaN;
    expect(nearestNeighbors(vecs, 2, 0, 4).map((n) => n.id)).toEqual([4, 2, 3]);
  });

  it('rejects bad ids and query lengths', () => {
    expect(() => nearestNeighbors(PLANE, 2, 5, 1)).toThrow(/out of range/);
    expect(() => nearestNeighbors(PLANE, 2, new Float32Array(3), 1)).toThrow(/length/);
  });

  it('agrees with a full sort on random vectors for many k (heap selection is exact)', () => {
    const rng = createRng(7);
    const W = 300;
    const d = 8;
    const raw = new Float32Array(W * d).map(() => rng.next() - 0.5);
    const unit = normalizeRows(raw, d);
    for (const k of [1, 2, 5, 17, 64, 299, 300]) {
      const query = 11;
      const expected = Array.from({ length: W }, (_, w) => {
        let s = 0;
        for (let j = 0; j < d; j++) s += unit[w * d + j]! * unit[query * d + j]!;
        return { id: w, similarity: s };
      })
        .filter((n) => n.id !== query)
        .sort((x, y) => y.similarity - x.similarity || x.id - y.id)
        .slice(0, k);
      expect(nearestNeighbors(unit, d, query, k)).toEqual(expected);
    }
  });
});

describe('analogy', () => {
  // 3-D toy: man, woman, king, queen, apple. king = man + royal, queen = woman + royal.
  const raw = new Float32Array([1, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 1, 0.2, 0.2, -1]);
  const unit = normalizeRows(raw, 3);
  const [MAN, WOMAN, KING, QUEEN] = [0, 1, 2, 3];

  it('king − man + woman lands on queen, with the three query words excluded', () => {
    const result = analogy(unit, 3, MAN, KING, WOMAN, 2);
    expect(result.map((n) => n.id)).toEqual([QUEEN, 4]);
    // x = kinĝ − man̂ + woman̂ = (1/√2 − 1, 1, 1/√2); cos(x, queen̂) = (1 + 1/√2)/√2 / ‖x‖.
    const s = Math.SQRT1_2;
    const norm = Math.hypot(s - 1, 1, s);
    expect(result[0]!.similarity).toBeCloseTo(((1 + s) * s) / norm, 6);
  });

  it('query words are excluded even when they are the nearest to x', () => {
    // b − a + c with a = c: x = b̂, so without exclusion b itself would win with cosine 1.
    const result = analogy(unit, 3, MAN, KING, MAN, 4);
    expect(result.map((n) => n.id)).not.toContain(KING);
    expect(result.map((n) => n.id)).not.toContain(MAN);
    expect(result).toHaveLength(3);
  });

  it('rejects out-of-range ids', () => {
    expect(() => analogy(unit, 3, 0, 1, 9, 1)).toThrow(/out of range/);
  });
});
