import { describe, expect, it } from 'vitest';
import {
  evaluateAnalogies,
  evaluateSimilarity,
  foldedIndex,
  parseAnalogies,
  parseWordPairs,
  pearson,
  rankWithTies,
  spearman,
  type EvalModel,
} from './evaluation';
import { normalizeRows } from './neighbors';

describe('rankWithTies', () => {
  it('gives tied values the mean of the ranks they span', () => {
    expect(Array.from(rankWithTies([10, 20, 20, 5]))).toEqual([2, 3.5, 3.5, 1]);
    expect(Array.from(rankWithTies([7, 7, 7]))).toEqual([2, 2, 2]);
    expect(Array.from(rankWithTies([3, 1, 2, 1, 3, 1]))).toEqual([5.5, 2, 4, 2, 5.5, 2]);
    expect(rankWithTies([]).length).toBe(0);
  });
});

describe('pearson and spearman', () => {
  it('pearson on a hand-worked case: r = 5 / √(2 · 114/9)', () => {
    expect(pearson([1, 2, 3], [2, 4, 7])).toBeCloseTo(5 / Math.sqrt((2 * 114) / 9), 14);
  });

  it('spearman is 1 / −1 for any monotone relation, not only linear ones', () => {
    expect(spearman([1, 2, 3, 4], [1, 8, 27, 1000])).toBeCloseTo(1, 14);
    expect(spearman([1, 2, 3, 4], [0.9, 0.5, 0.1, -3])).toBeCloseTo(-1, 14);
  });

  it('spearman with ties: ranks [1..5] vs [1, 2, 3.5, 5, 3.5] give 8/√95 (scipy spearmanr)', () => {
    expect(spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7])).toBeCloseTo(8 / Math.sqrt(95), 14);
  });

  it('is NaN for fewer than two points or a constant input, and throws on a length mismatch', () => {
    expect(spearman([1], [2])).toBeNaN();
    expect(spearman([], [])).toBeNaN();
    expect(spearman([1, 2, 3], [4, 4, 4])).toBeNaN();
    expect(() => spearman([1, 2], [1])).toThrow(/lengths differ/);
  });
});

describe('parsers', () => {
  it('parseWordPairs skips comments and blank lines, reads tabs or spaces', () => {
    const text = '# header\n# Word 1\tWord 2\tHuman\nlove\tsex\t6.77\r\n\ntiger cat 7.35\n';
    expect(parseWordPairs(text)).toEqual([
      { a: 'love', b: 'sex', score: 6.77 },
      { a: 'tiger', b: 'cat', score: 7.35 },
    ]);
    expect(() => parseWordPairs('a\tb\n')).toThrow(/line 1/);
    expect(() => parseWordPairs('# c\na b x\n')).toThrow(/line 2/);
  });

  it('parseAnalogies keeps section names and rejects short lines', () => {
    const text = ': family\nboy girl brother sister\n: gram8-plural\ncat cats dog dogs\n';
    expect(parseAnalogies(text)).toEqual([
      { section: 'family', a: 'boy', b: 'girl', c: 'brother', expected: 'sister' },
      { section: 'gram8-plural', a: 'cat', b: 'cats', c: 'dog', expected: 'dogs' },
    ]);
    expect(() => parseAnalogies(': x\na b c\n')).toThrow(/line 2/);
  });
});

describe('foldedIndex', () => {
  it('folds case, the more frequent (lower id) word winning, and honours restrict', () => {
    const index = foldedIndex(['Paris', 'the', 'paris', 'rome']);
    expect(index.get('paris')).toBe(0);
    expect(index.get('rome')).toBe(3);
    expect(foldedIndex(['Paris', 'the', 'paris', 'rome'], 2).has('rome')).toBe(false);
  });
});

// Toy vectors: man, woman, king, queen, apple (king = man + royal, queen = woman + royal).
function toyModel(extraWords: string[] = [], extraRows: number[] = []): EvalModel {
  const raw = new Float32Array([1, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 1, 0.2, 0.2, -1, ...extraRows]);
  return {
    words: ['man', 'woman', 'king', 'queen', 'apple', ...extraWords],
    unitVecs: normalizeRows(raw, 3),
    dim: 3,
  };
}

describe('evaluateSimilarity', () => {
  it('correlates human scores with cosines over found pairs only; matching ignores case', () => {
    const pairs = parseWordPairs(
      'King\tqueen\t8\nman\twoman\t7\nking\tapple\t1\nman\tunicorn\t5\n',
    );
    const result = evaluateSimilarity(pairs, toyModel());
    // cos(king, queen) = 0.5, cos(man, woman) = 0, cos(king, apple) = (0.2 − 1)/(√2 · √1.08) < 0:
    // the same order as 8 > 7 > 1, so ρ = 1.
    expect(result.found).toBe(3);
    expect(result.total).toBe(4);
    expect(result.spearman).toBeCloseTo(1, 12);
    const cosines = [0.5, 0, (0.2 - 1) / (Math.SQRT2 * Math.sqrt(1.08))];
    expect(result.pearson).toBeCloseTo(pearson([8, 7, 1], cosines), 6);
  });

  it('restrict drops pairs outside the most frequent words', () => {
    const pairs = parseWordPairs('king queen 8\nman woman 7\n');
    expect(evaluateSimilarity(pairs, toyModel(), 2)).toMatchObject({ found: 1, total: 2 });
  });
});

describe('evaluateAnalogies', () => {
  const QUESTIONS = parseAnalogies(
    [
      ': family',
      'man king woman queen',
      'king man queen woman',
      'man king woman unicorn',
      ': gram-x',
      'man woman king apple',
    ].join('\n'),
  );

  it('answers by 3CosAdd and reports coverage and accuracy per section and group', () => {
    const result = evaluateAnalogies(QUESTIONS, toyModel());
    expect(result.sections).toEqual([
      { name: 'family', correct: 2, covered: 2, total: 3, accuracy: 1 },
      // woman − man + king points to queen, not apple.
      { name: 'gram-x', correct: 0, covered: 1, total: 1, accuracy: 0 },
    ]);
    expect(result.semantic).toMatchObject({ correct: 2, covered: 2, total: 3 });
    expect(result.syntactic).toMatchObject({ correct: 0, covered: 1, total: 1 });
    expect(result.total).toEqual({
      name: 'total',
      correct: 2,
      covered: 3,
      total: 4,
      accuracy: 2 / 3,
    });
  });

  it('restrict leaves questions with rarer words uncovered; nothing covered gives NaN', () => {
    const result = evaluateAnalogies(QUESTIONS, toyModel(), 3);
    expect(result.total.covered).toBe(0);
    expect(result.total.accuracy).toBeNaN();
  });

  it('a differently cased copy of a question word is passed over, as in gensim', () => {
    // "King" duplicates king's vector. For woman : king :: woman : ?, x = kinĝ, so "King" has
    // cosine 1; it folds to a question word, and the next candidate, man (cos 1/√2), is the answer.
    const model = toyModel(['King'], [1, 0, 1]);
    const result = evaluateAnalogies(parseAnalogies(': t\nwoman king woman man\n'), model);
    expect(result.total.correct).toBe(1);
  });
});
