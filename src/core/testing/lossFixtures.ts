/**
 * Test-only fixtures for the teaching-API tests: seeded random matrices and small hand-built
 * Huffman trees. Nothing in the engine imports this file.
 */
import { gradcheck } from '../gradcheck';
import type { PairLoss } from '../pairLoss';
import { createRng } from '../rng';
import type { HuffmanTree } from '../types';

/** A rows×d row-major Float64Array with entries uniform in [−scale, scale), from `seed`. */
export function randomMatrix(seed: number, rows: number, d: number, scale = 1): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: rows * d }, () => (2 * rng.next() - 1) * scale);
}

/**
 * Builds the CSR paths of a tree given only its children table (the `children` layout of
 * {@link HuffmanTree}: leaf w ≥ 0, inner node m as −(m + 1)); the root is inner node leaves − 2.
 */
export function treeFromChildren(leaves: number, children: readonly number[]): HuffmanTree {
  const paths: { points: number[]; codes: number[] }[] = [];
  const walk = (node: number, points: number[], codes: number[]) => {
    for (let code = 0; code < 2; code++) {
      const child = children[2 * node + code]!;
      const p = [...points, node];
      const c = [...codes, code];
      if (child >= 0) paths[child] = { points: p, codes: c };
      else walk(-child - 1, p, c);
    }
  };
  if (leaves >= 2) walk(leaves - 2, [], []);
  const offsets = new Int32Array(leaves + 1);
  for (let w = 0; w < leaves; w++) offsets[w + 1] = offsets[w]! + paths[w]!.points.length;
  return {
    leaves,
    offsets,
    points: Int32Array.from(paths.flatMap((p) => p.points)),
    codes: Uint8Array.from(paths.flatMap((p) => p.codes)),
    children: Int32Array.from(children),
  };
}

/** W = 2: one inner node (0) with leaf 0 as code 0 and leaf 1 as code 1. */
export const TREE_2 = treeFromChildren(2, [0, 1]);

/**
 * W = 4, a chain (the shape a Huffman tree takes for counts like 8, 4, 2, 1):
 * root 2 → (leaf 0, node 1); node 1 → (leaf 1, node 0); node 0 → (leaf 2, leaf 3).
 * Paths: w0 [2]/[0]; w1 [2,1]/[1,0]; w2 [2,1,0]/[1,1,0]; w3 [2,1,0]/[1,1,1].
 */
export const TREE_CHAIN_4 = treeFromChildren(4, [2, 3, 1, -1, 0, -2]);

/**
 * W = 5 with paths of length 2 and 3: root 3 → (node 2, node 1); node 2 → (leaf 0, leaf 1);
 * node 1 → (leaf 2, node 0); node 0 → (leaf 3, leaf 4).
 */
export const TREE_5 = treeFromChildren(5, [3, 4, 2, -1, 0, 1, -3, -2]);

/** Concatenates arrays into one Float64Array (the packed parameter vector of a gradient check). */
export function pack(...parts: ArrayLike<number>[]): Float64Array {
  const out = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Gradient check of a pair loss with respect to the input vector and the whole outside (or node)
 * matrix at once: x = [v ; U], J(x) = pairLoss(v, target, U).loss, ∇J = [∂J/∂v ; ∂J/∂U].
 */
export function gradcheckPairLoss(
  pairLoss: PairLoss,
  centerVec: Float64Array,
  targetWordIdx: number,
  outsideVectors: Float64Array,
) {
  const d = centerVec.length;
  const x = pack(centerVec, outsideVectors);
  return gradcheck((p) => {
    const r = pairLoss(p.subarray(0, d), targetWordIdx, p.subarray(d));
    return { loss: r.loss, grad: pack(r.gradCenterVec, r.gradOutsideVecs) };
  }, x);
}
