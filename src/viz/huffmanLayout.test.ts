import { describe, expect, it } from 'vitest';
import { buildHuffmanTree } from '../core/huffman';
import {
  childOf,
  innerIndex,
  layoutPath,
  layoutTree,
  leafCounts,
  pathTo,
  positionOf,
  rootRef,
} from './huffmanLayout';

/** Zipf-like counts, sorted descending as a vocabulary is. */
function zipfCounts(W: number): number[] {
  return Array.from({ length: W }, (_, w) => Math.max(1, Math.round(1000 / (w + 1))));
}

const TREES = {
  zipf50: buildHuffmanTree(zipfCounts(50)),
  equal16: buildHuffmanTree(new Array<number>(16).fill(7)),
  two: buildHuffmanTree([3, 1]),
  zipf2000: buildHuffmanTree(zipfCounts(2000)),
};

describe('pathTo', () => {
  it.each(Object.entries(TREES))(
    'equals tree.points and tree.codes for every word (%s)',
    (_, tree) => {
      for (let w = 0; w < tree.leaves; w++) {
        const { nodes, codes } = pathTo(tree, w);
        const from = tree.offsets[w]!;
        const to = tree.offsets[w + 1]!;
        expect(Array.from(nodes)).toEqual(Array.from(tree.points.subarray(from, to)));
        expect(Array.from(codes)).toEqual(Array.from(tree.codes.subarray(from, to)));
      }
    },
  );

  it('gives a single word an empty path', () => {
    const tree = buildHuffmanTree([5]);
    expect(rootRef(tree)).toBe(0);
    expect(pathTo(tree, 0).nodes.length).toBe(0);
  });
});

describe('leafCounts', () => {
  it('counts all W leaves under the root and sums children', () => {
    const tree = TREES.zipf50;
    const counts = leafCounts(tree);
    expect(counts[innerIndex(rootRef(tree)!)]).toBe(tree.leaves);
    for (let n = 0; n < tree.leaves - 1; n++) {
      const size = (ref: number) => (ref >= 0 ? 1 : counts[innerIndex(ref)]!);
      expect(counts[n]).toBe(size(childOf(tree, n, 0)) + size(childOf(tree, n, 1)));
    }
  });
});

describe('layoutTree', () => {
  it.each(Object.entries(TREES))('puts the leaves in distinct slots 0…W−1 (%s)', (_, tree) => {
    const { leafX } = layoutTree(tree);
    expect([...leafX].sort((a, b) => a - b)).toEqual(
      Array.from({ length: tree.leaves }, (_, i) => i),
    );
  });

  it.each(Object.entries(TREES))('gives every node a distinct position (%s)', (_, tree) => {
    const layout = layoutTree(tree);
    const seen = new Set<string>();
    for (let ref = -(tree.leaves - 1); ref < tree.leaves; ref++)
      seen.add(positionOf(layout, ref).join(','));
    expect(seen.size).toBe(2 * tree.leaves - 1);
  });

  it.each(Object.entries(TREES))(
    'centres each parent strictly between its children, one level up (%s)',
    (_, tree) => {
      const layout = layoutTree(tree);
      for (let n = 0; n < tree.leaves - 1; n++) {
        const [x, depth] = positionOf(layout, -(n + 1));
        const [x0, d0] = positionOf(layout, childOf(tree, n, 0));
        const [x1, d1] = positionOf(layout, childOf(tree, n, 1));
        expect(x0).toBeLessThan(x);
        expect(x).toBeLessThan(x1);
        expect(x).toBeCloseTo((x0 + x1) / 2, 12);
        expect([d0, d1]).toEqual([depth + 1, depth + 1]);
      }
    },
  );

  it('puts each leaf at the depth of its code length', () => {
    const tree = TREES.zipf50;
    const layout = layoutTree(tree);
    for (let w = 0; w < tree.leaves; w++) {
      expect(layout.leafDepth[w]).toBe(tree.offsets[w + 1]! - tree.offsets[w]!);
    }
    expect(layout.depth).toBe(Math.max(...layout.leafDepth));
  });
});

describe('layoutPath', () => {
  it('follows the word’s codes and folds one branch per step', () => {
    const tree = TREES.zipf2000;
    const word = 1234;
    const items = layoutPath(tree, word);
    const onPath = items.filter((item) => item.isOnPath);
    const L = tree.offsets[word + 1]! - tree.offsets[word]!;
    expect(items.length).toBe(1 + 2 * L);
    expect(onPath.length).toBe(L + 1);
    expect(onPath[L]!.ref).toBe(word);
    expect(onPath.slice(1).map((item) => item.code)).toEqual(Array.from(pathTo(tree, word).codes));
    // Every level holds the path node and its folded sibling, one slot apart; leaves add up.
    for (let depth = 1; depth <= L; depth++) {
      const level = items.filter((item) => item.depth === depth);
      expect(level.length).toBe(2);
      expect(Math.abs(level[0]!.x - level[1]!.x)).toBe(1);
    }
    // Each node hangs half a slot left (code 0) or right (code 1) of its parent, one level down.
    for (const item of items.slice(1)) {
      const parent = items[item.parent]!;
      expect(parent.isOnPath).toBe(true);
      expect(item.depth).toBe(parent.depth + 1);
      expect(item.x - parent.x).toBe(item.code === 0 ? -0.5 : 0.5);
    }
    const folded = items
      .filter((item) => !item.isOnPath)
      .reduce((sum, item) => sum + item.leaves, 0);
    expect(folded + 1).toBe(tree.leaves);
  });

  it('shows the root and its two branches when no word is chosen', () => {
    const items = layoutPath(TREES.zipf2000, null);
    expect(items.length).toBe(3);
    expect(items.some((item) => item.isOnPath)).toBe(false);
    expect(items[1]!.leaves + items[2]!.leaves).toBe(2000);
  });
});
