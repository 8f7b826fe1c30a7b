/**
 * The Huffman tree of hierarchical softmax, built exactly as word2vec.c's `CreateBinaryTree`
 * (MATH.md §6), so that codes and paths — ties included — match the reference implementation.
 */
import type { HuffmanTree } from './types';

/** word2vec.c's "not built yet" count for the inner-node slots. */
const SENTINEL_COUNT = 1e15;

/**
 * Builds the Huffman tree over W leaves.
 *
 * Algorithm (word2vec.c): leaves 0…W−1 hold the counts, which are sorted descending, so the
 * smallest leaf is at the end; inner nodes W…2W−2 are created in order of increasing count. Two
 * cursors walk the two sorted lists — pos1 leftwards over the leaves, pos2 rightwards over the
 * inner nodes — and each step takes the two smallest with `count[pos1] < count[pos2]` (strict:
 * a tie takes the inner node). Slots of inner nodes not built yet hold 1e15. The smaller of the
 * two becomes the parent's code-0 child, the other its code-1 child (`binary[min2i] = 1`).
 *
 * Output layout (see {@link HuffmanTree}): inner node W + n is reported as n, the root as W − 2.
 * Word w's path runs from the root down to its parent, `points[offsets[w] … offsets[w+1])`,
 * with the branch taken at each node in `codes`, so p(w | h) = Π_j σ((1 − 2d_j) θ_{n(w,j)}·h).
 * A single word gets an empty path (p = 1, no inner node); W = 0 gives an empty tree.
 *
 * @param counts - count(w) for w = 0 … W−1, sorted descending (as the vocabulary is)
 * @returns the tree: CSR paths and codes, and the children of every inner node
 */
export function buildHuffmanTree(counts: ArrayLike<number>): HuffmanTree {
  const leaves = counts.length;
  const { parent, binary, children } = mergeNodes(counts);
  // Path lengths first (leaf → root walk), then the CSR offsets.
  const offsets = new Int32Array(leaves + 1);
  const root = 2 * leaves - 2;
  for (let w = 0; w < leaves; w++) {
    let depth = 0;
    for (let node = w; node !== root; node = parent[node]!) depth++;
    offsets[w + 1] = offsets[w]! + depth;
  }
  const points = new Int32Array(offsets[leaves]!);
  const codes = new Uint8Array(offsets[leaves]!);
  // Walk each leaf up to the root, filling its path from the end (root first in the output).
  for (let w = 0; w < leaves; w++) {
    let j = offsets[w + 1]! - 1;
    for (let node = w; j >= offsets[w]!; node = parent[node]!, j--) {
      codes[j] = binary[node]!;
      points[j] = parent[node]! - leaves;
    }
  }
  return { leaves, offsets, points, codes, children };
}

/**
 * The merge loop of `CreateBinaryTree`: parent and branch bit of every node (leaves 0…W−1,
 * inner nodes W…2W−2) and the two children of each inner node.
 */
function mergeNodes(counts: ArrayLike<number>): {
  parent: Int32Array;
  binary: Uint8Array;
  children: Int32Array;
} {
  const leaves = counts.length;
  const count = new Float64Array(Math.max(2 * leaves, 1)).fill(SENTINEL_COUNT);
  for (let w = 0; w < leaves; w++) count[w] = counts[w]!;
  const parent = new Int32Array(Math.max(2 * leaves - 1, 0));
  const binary = new Uint8Array(Math.max(2 * leaves - 1, 0));
  const children = new Int32Array(Math.max(2 * (leaves - 1), 0));
  let pos1 = leaves - 1;
  let pos2 = leaves;
  // The smaller of count[pos1], count[pos2]; a tie goes to pos2, the inner node.
  const takeSmallest = (): number => {
    if (pos1 >= 0 && count[pos1]! < count[pos2]!) return pos1--;
    return pos2++;
  };
  for (let a = 0; a < leaves - 1; a++) {
    const min1 = takeSmallest();
    const min2 = takeSmallest();
    const node = leaves + a;
    count[node] = count[min1]! + count[min2]!;
    parent[min1] = node;
    parent[min2] = node;
    binary[min2] = 1;
    // Leaves as their word id, inner node m as −(m + 1).
    children[2 * a] = min1 < leaves ? min1 : -(min1 - leaves + 1);
    children[2 * a + 1] = min2 < leaves ? min2 : -(min2 - leaves + 1);
  }
  return { parent, binary, children };
}
