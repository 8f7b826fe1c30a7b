import { describe, expect, it } from 'vitest';
import { buildHuffmanTree } from './huffman';
import { createRng } from './rng';
import type { HuffmanTree } from './types';

/** Word w's codes as a string, root first ("101"). */
function codeOf(tree: HuffmanTree, w: number): string {
  return Array.from(tree.codes.subarray(tree.offsets[w]!, tree.offsets[w + 1]!)).join('');
}

function pathOf(tree: HuffmanTree, w: number): number[] {
  return Array.from(tree.points.subarray(tree.offsets[w]!, tree.offsets[w + 1]!));
}

function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

describe('buildHuffmanTree reproduces word2vec.c CreateBinaryTree', () => {
  it('hand-worked tree for counts [5, 3, 2, 1]', () => {
    // Merges (worked by hand from the C loop): {3,2} → inner 0 (count 3); tie 3 vs 3 takes the
    // inner node first: {inner 0, 1} → inner 1 (6); {0, inner 1} → inner 2 (11, the root).
    const tree = buildHuffmanTree([5, 3, 2, 1]);
    expect(tree.leaves).toBe(4);
    expect([0, 1, 2, 3].map((w) => codeOf(tree, w))).toEqual(['0', '11', '101', '100']);
    expect(pathOf(tree, 0)).toEqual([2]);
    expect(pathOf(tree, 1)).toEqual([2, 1]);
    expect(pathOf(tree, 2)).toEqual([2, 1, 0]);
    expect(pathOf(tree, 3)).toEqual([2, 1, 0]);
    expect(Array.from(tree.offsets)).toEqual([0, 1, 3, 6, 9]);
    // children: inner 0 = (3, 2); inner 1 = (inner 0, 1); inner 2 = (0, inner 1).
    expect(Array.from(tree.children)).toEqual([3, 2, -1, 1, 0, -2]);
  });

  it('ties go to the inner node (strict <), as in the C code: counts [2, 2, 1, 1]', () => {
    // With `<=` the leaves would pair up and every code would have length 2; word2vec.c's strict
    // comparison merges inner 0 (count 2) with leaf 1 first, giving lengths 1, 2, 3, 3.
    const tree = buildHuffmanTree([2, 2, 1, 1]);
    expect([0, 1, 2, 3].map((w) => codeOf(tree, w))).toEqual(['0', '11', '101', '100']);
  });

  it('all-equal counts [1, 1, 1, 1] give a balanced tree with the C code order', () => {
    const tree = buildHuffmanTree([1, 1, 1, 1]);
    expect([0, 1, 2, 3].map((w) => codeOf(tree, w))).toEqual(['11', '10', '01', '00']);
    expect(pathOf(tree, 0)).toEqual([2, 1]);
    expect(pathOf(tree, 3)).toEqual([2, 0]);
  });

  it('two words: one inner node (the root), codes 0 and 1', () => {
    const tree = buildHuffmanTree([7, 3]);
    expect([codeOf(tree, 0), codeOf(tree, 1)]).toEqual(['1', '0']);
    expect(pathOf(tree, 0)).toEqual([0]);
    expect(Array.from(tree.children)).toEqual([1, 0]);
  });

  it('degenerate sizes: one word has an empty path, no words an empty tree', () => {
    const one = buildHuffmanTree([4]);
    expect(Array.from(one.offsets)).toEqual([0, 0]);
    expect(one.children.length).toBe(0);
    const none = buildHuffmanTree([]);
    expect(none.leaves).toBe(0);
    expect(Array.from(none.offsets)).toEqual([0]);
  });
});

describe('buildHuffmanTree matches a verbatim C port of CreateBinaryTree', () => {
  // Fixture: 40 sorted counts with many ties; the expected codes and points were printed by the
  // C function itself (compiled from word2vec.c's loop), codes and points root first.
  const counts = [
    100, 100, 40, 40, 40, 40, 13, 13, 8, 8, 8, 8, 8, 8, 5, 5, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1,
  ];
  const expectedCodes = (
    '01 00 1111 1110 1101 1100 10001 10000 101101 101100 ' +
    '101011 101010 101001 101000 1011110 1011101 10111111 10111110 10111001 10111000 ' +
    '10011111 10011110 10011101 10011100 10011011 10011010 10011001 10011000 10010111 10010110 ' +
    '10010101 10010100 100100111 100100110 100100101 100100100 100100011 100100010 100100001 100100000'
  ).split(' ');
  const expectedPoints = (
    '38,36 38,36 38,37,35,33 38,37,35,33 38,37,35,32 38,37,35,32 ' +
    '38,37,34,30,26 38,37,34,30,26 38,37,34,31,29,24 38,37,34,31,29,24 38,37,34,31,28,23 38,37,34,31,28,23 ' +
    '38,37,34,31,28,22 38,37,34,31,28,22 38,37,34,31,29,25,19 38,37,34,31,29,25,18 38,37,34,31,29,25,19,13 38,37,34,31,29,25,19,13 ' +
    '38,37,34,31,29,25,18,12 38,37,34,31,29,25,18,12 38,37,34,30,27,21,17,11 38,37,34,30,27,21,17,11 38,37,34,30,27,21,17,10 38,37,34,30,27,21,17,10 ' +
    '38,37,34,30,27,21,16,9 38,37,34,30,27,21,16,9 38,37,34,30,27,21,16,8 38,37,34,30,27,21,16,8 38,37,34,30,27,20,15,7 38,37,34,30,27,20,15,7 ' +
    '38,37,34,30,27,20,15,6 38,37,34,30,27,20,15,6 38,37,34,30,27,20,14,5,3 38,37,34,30,27,20,14,5,3 38,37,34,30,27,20,14,5,2 38,37,34,30,27,20,14,5,2 ' +
    '38,37,34,30,27,20,14,4,1 38,37,34,30,27,20,14,4,1 38,37,34,30,27,20,14,4,0 38,37,34,30,27,20,14,4,0'
  ).split(' ');

  it('every code and every path equals the C output', () => {
    const tree = buildHuffmanTree(counts);
    expect(counts.map((_, w) => codeOf(tree, w))).toEqual(expectedCodes);
    expect(counts.map((_, w) => pathOf(tree, w).join(','))).toEqual(expectedPoints);
  });
});

describe('Huffman invariants on a Zipf-like vocabulary', () => {
  const counts = Array.from({ length: 300 }, (_, r) => Math.max(1, Math.floor(5000 / (r + 1))));
  const tree = buildHuffmanTree(counts);
  const W = counts.length;

  it('codes are prefix-free and satisfy Kraft with equality (a full binary tree)', () => {
    const codes = counts.map((_, w) => codeOf(tree, w));
    const sorted = [...codes].sort();
    for (let i = 1; i < sorted.length; i++) {
      expect(sorted[i]!.startsWith(sorted[i - 1]!)).toBe(false);
    }
    const kraft = codes.reduce((sum, c) => sum + Math.pow(2, -c.length), 0);
    expect(kraft).toBeCloseTo(1, 12);
  });

  it('frequent words get codes no longer than rarer ones, and every path starts at the root', () => {
    for (let w = 1; w < W; w++) {
      const longer = tree.offsets[w + 1]! - tree.offsets[w]!;
      const shorter = tree.offsets[w]! - tree.offsets[w - 1]!;
      expect(longer).toBeGreaterThanOrEqual(shorter);
      expect(tree.points[tree.offsets[w]!]).toBe(W - 2);
    }
    // Average code length is within 1 bit of the entropy (Huffman optimality bound).
    const total = counts.reduce((a, b) => a + b, 0);
    let entropy = 0;
    let meanLength = 0;
    for (let w = 0; w < W; w++) {
      const p = counts[w]! / total;
      entropy -= p * Math.log2(p);
      meanLength += p * (tree.offsets[w + 1]! - tree.offsets[w]!);
    }
    expect(meanLength).toBeGreaterThanOrEqual(entropy);
    expect(meanLength).toBeLessThan(entropy + 1);
  });

  it('children agree with the paths: following codes from the root reaches the word', () => {
    for (let w = 0; w < W; w++) {
      let node = W - 2;
      for (let j = tree.offsets[w]!; j < tree.offsets[w + 1]!; j++) {
        expect(tree.points[j]).toBe(node);
        const child = tree.children[2 * node + tree.codes[j]!]!;
        if (j === tree.offsets[w + 1]! - 1) expect(child).toBe(w);
        else node = -child - 1;
      }
    }
  });

  it('leaf probabilities Π σ((1 − 2d_j) θ·h) sum to 1 for random θ and h', () => {
    const d = 8;
    const rng = createRng(11);
    const theta = Float64Array.from({ length: (W - 1) * d }, () => 4 * (rng.next() - 0.5));
    const h = Float64Array.from({ length: d }, () => rng.next() - 0.5);
    let sum = 0;
    for (let w = 0; w < W; w++) {
      let p = 1;
      for (let j = tree.offsets[w]!; j < tree.offsets[w + 1]!; j++) {
        let score = 0;
        for (let i = 0; i < d; i++) score += theta[tree.points[j]! * d + i]! * h[i]!;
        p *= sigmoid((1 - 2 * tree.codes[j]!) * score);
      }
      sum += p;
    }
    expect(sum).toBeCloseTo(1, 10);
  });
});
