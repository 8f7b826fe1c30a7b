/**
 * Layout of the Huffman tree (hierarchical softmax) for drawing, in abstract units: x in leaf
 * slots, y in tree levels (the root at depth 0). The component scales them to pixels.
 *
 * Nodes are named as in `HuffmanTree.children`: a leaf by its word id w ≥ 0, inner node n by
 * −(n + 1). Small trees are drawn whole (`layoutTree`); a large one only along one word's path,
 * with the branches beside the path folded into triangles (`layoutPath`).
 */
import type { HuffmanTree } from '../core/types';

/** Above this many leaves the tree is drawn as one path with folded branches. */
export const MAX_FULL_LEAVES = 300;

/** Reference to inner node n (the children encoding). */
export const innerRef = (n: number): number => -(n + 1);
/** Inner-node index of a reference < 0. */
export const innerIndex = (ref: number): number => -ref - 1;

/** The root's reference, or null for an empty tree (one word: the root is that leaf). */
export function rootRef(tree: HuffmanTree): number | null {
  if (tree.leaves === 0) return null;
  return tree.leaves === 1 ? 0 : innerRef(tree.leaves - 2);
}

/** Child `code` (0 or 1) of inner node n. */
export function childOf(tree: HuffmanTree, n: number, code: number): number {
  return tree.children[2 * n + code]!;
}

/** Parent and branch code of every node, found from `children` alone (−1: no parent). */
export interface ParentLinks {
  leafParent: Int32Array;
  leafCode: Uint8Array;
  innerParent: Int32Array;
  innerCode: Uint8Array;
}

export function parentLinks(tree: HuffmanTree): ParentLinks {
  const W = tree.leaves;
  const inner = Math.max(W - 1, 0);
  const links: ParentLinks = {
    leafParent: new Int32Array(W).fill(-1),
    leafCode: new Uint8Array(W),
    innerParent: new Int32Array(inner).fill(-1),
    innerCode: new Uint8Array(inner),
  };
  for (let n = 0; n < inner; n++) {
    for (let code = 0; code < 2; code++) {
      const child = childOf(tree, n, code);
      if (child >= 0) {
        links.leafParent[child] = n;
        links.leafCode[child] = code;
      } else {
        links.innerParent[innerIndex(child)] = n;
        links.innerCode[innerIndex(child)] = code;
      }
    }
  }
  return links;
}

/** Word w's path, root first: the inner nodes passed and the branch taken at each. */
export function pathTo(
  tree: HuffmanTree,
  word: number,
  links: ParentLinks = parentLinks(tree),
): { nodes: Int32Array; codes: Uint8Array } {
  const nodes: number[] = [];
  const codes: number[] = [];
  // Climb from the leaf, then reverse, so the path reads from the root down.
  let parent = links.leafParent[word] ?? -1;
  let code = links.leafCode[word] ?? 0;
  while (parent >= 0) {
    nodes.push(parent);
    codes.push(code);
    code = links.innerCode[parent]!;
    parent = links.innerParent[parent]!;
  }
  return { nodes: Int32Array.from(nodes.reverse()), codes: Uint8Array.from(codes.reverse()) };
}

/** Number of leaves under each inner node. */
export function leafCounts(tree: HuffmanTree): Int32Array {
  const inner = Math.max(tree.leaves - 1, 0);
  const counts = new Int32Array(inner);
  const size = (ref: number): number => (ref >= 0 ? 1 : counts[innerIndex(ref)]!);
  // Post-order without recursion (Huffman trees of Zipf counts can be deep).
  postOrder(tree, (n) => {
    counts[n] = size(childOf(tree, n, 0)) + size(childOf(tree, n, 1));
  });
  return counts;
}

/** Calls `visit(n)` for every inner node, children before parents. */
function postOrder(tree: HuffmanTree, visit: (n: number) => void): void {
  const root = rootRef(tree);
  if (root === null || root >= 0) return;
  const stack: number[] = [root];
  const isExpanded: boolean[] = [];
  while (stack.length > 0) {
    const n = innerIndex(stack[stack.length - 1]!);
    if (isExpanded[n]) {
      stack.pop();
      visit(n);
      continue;
    }
    isExpanded[n] = true;
    for (const code of [1, 0]) {
      const child = childOf(tree, n, code);
      if (child < 0) stack.push(child);
    }
  }
}

/** Positions of every node of the whole tree. */
export interface TreeLayout {
  /** Leaf slot of word w: 0 … W−1, left to right (code-0 branches on the left). */
  leafX: Float64Array;
  leafDepth: Int32Array;
  /** Inner node n: the midpoint of its two children, one level above them. */
  nodeX: Float64Array;
  nodeDepth: Int32Array;
  /** Deepest level. */
  depth: number;
}

/**
 * A tidy-ish layout of the whole tree: leaves in evenly spaced slots in left-to-right order,
 * each parent centred over its two children, depth on the vertical axis. O(W).
 */
export function layoutTree(tree: HuffmanTree): TreeLayout {
  const W = tree.leaves;
  const inner = Math.max(W - 1, 0);
  const layout: TreeLayout = {
    leafX: new Float64Array(W),
    leafDepth: new Int32Array(W),
    nodeX: new Float64Array(inner),
    nodeDepth: new Int32Array(inner),
    depth: 0,
  };
  const root = rootRef(tree);
  if (root === null || root >= 0) return layout;
  // Depths top-down (a parent's depth is known before its children are reached).
  const links = parentLinks(tree);
  const depthOf = (n: number): number => {
    const p = links.innerParent[n]!;
    return p < 0 ? 0 : layout.nodeDepth[p]! + 1;
  };
  const order: number[] = [];
  postOrder(tree, (n) => order.push(n));
  for (let i = order.length - 1; i >= 0; i--) layout.nodeDepth[order[i]!] = depthOf(order[i]!);
  // Leaf slots in left-to-right order: a depth-first walk taking the code-0 child first.
  let slot = 0;
  const stack: number[] = [root];
  while (stack.length > 0) {
    const ref = stack.pop()!;
    if (ref >= 0) {
      layout.leafX[ref] = slot++;
      layout.leafDepth[ref] = layout.nodeDepth[links.leafParent[ref]!]! + 1;
      layout.depth = Math.max(layout.depth, layout.leafDepth[ref]!);
    } else {
      stack.push(childOf(tree, innerIndex(ref), 1), childOf(tree, innerIndex(ref), 0));
    }
  }
  // Parents over the midpoint of their children, bottom-up.
  const xOf = (ref: number): number =>
    ref >= 0 ? layout.leafX[ref]! : layout.nodeX[innerIndex(ref)]!;
  for (const n of order)
    layout.nodeX[n] = (xOf(childOf(tree, n, 0)) + xOf(childOf(tree, n, 1))) / 2;
  return layout;
}

/** x and depth of any node of a whole-tree layout. */
export function positionOf(layout: TreeLayout, ref: number): [number, number] {
  if (ref >= 0) return [layout.leafX[ref]!, layout.leafDepth[ref]!];
  return [layout.nodeX[innerIndex(ref)]!, layout.nodeDepth[innerIndex(ref)]!];
}

/** One node of a path layout. */
export interface PathItem {
  ref: number;
  x: number;
  depth: number;
  /** On the drawn word's path (root and leaf included), else a folded branch beside it. */
  isOnPath: boolean;
  /** Branch code of the edge from its parent (root: −1). */
  code: number;
  /** Index of the parent in `items` (root: −1). */
  parent: number;
  /** Leaves under it (1 for a leaf). */
  leaves: number;
}

/**
 * A large tree drawn along one word's path: each step goes half a slot left (code 0) or right
 * (code 1), and the other child of every path node sits half a slot the other way, drawn as a
 * leaf or as a folded subtree. Two nodes per level, one slot apart: it stays readable at any W.
 * Without a word only the root and its two branches are laid out.
 */
export function layoutPath(tree: HuffmanTree, word: number | null): PathItem[] {
  const root = rootRef(tree);
  if (root === null) return [];
  const counts = leafCounts(tree);
  const leavesOf = (ref: number): number => (ref >= 0 ? 1 : counts[innerIndex(ref)]!);
  const items: PathItem[] = [
    {
      ref: root,
      x: 0,
      depth: 0,
      isOnPath: word !== null,
      code: -1,
      parent: -1,
      leaves: leavesOf(root),
    },
  ];
  if (root >= 0) return items;
  const path = word === null ? { nodes: [innerIndex(root)], codes: [-1] } : pathTo(tree, word);
  let current = 0;
  for (let j = 0; j < path.nodes.length; j++) {
    const n = path.nodes[j]!;
    const taken = path.codes[j]!;
    const parent = current;
    const here = items[parent]!;
    for (const code of [0, 1]) {
      const child = childOf(tree, n, code);
      items.push({
        ref: child,
        x: here.x + (code === 0 ? -0.5 : 0.5),
        depth: here.depth + 1,
        isOnPath: code === taken,
        code,
        parent,
        leaves: leavesOf(child),
      });
      if (code === taken) current = items.length - 1;
    }
  }
  return items;
}
