/**
 * The hierarchical-softmax loss of one pair, float64, word2vec.c convention (MATH.md §6).
 * Cost O(L_w·d) with L_w the length of the target's Huffman path (≈ log₂ W).
 */
import { logSigmoid, sigmoid } from './activations';
import type { PairLossResult } from './pairLoss';
import { axpyRows, checkRow, dotRows, rowsOf } from './pairLoss';
import type { HuffmanTree } from './types';

/**
 * Hierarchical-softmax loss and gradients for predicting word w from the input vector h (v_c in
 * skip-gram, the context mean in CBOW). Along w's path n(w,1) … n(w,L) with codes d_1 … d_L:
 *
 *   p(w | h) = Π_j σ((1 − 2d_j) θ_{n(w,j)}·h),   J = −Σ_j log σ((1 − 2d_j) θ_{n(w,j)}·h)
 *   q_j = σ(θ_{n(w,j)}·h),  g_j = 1 − d_j − q_j
 *   ∂J/∂θ_{n(w,j)} = −g_j h,   ∂J/∂h = −Σ_j g_j θ_{n(w,j)}
 *
 * (word2vec.c ascends with the same g: `neu1e += α g θ; θ += α g h`.) A node visited twice
 * would accumulate (+=). Stable for scores of ±700; NaN inputs give NaN. Nothing is modified in
 * place; exp(−J) is the leaf probability p(w | h).
 *
 * @param h - input vector, length d
 * @param targetWordIdx - w, 0 ≤ w < tree.leaves
 * @param nodeVectors - θ stored (W−1)×d row-major (row n is inner node n)
 * @param tree - the Huffman tree (CSR paths, see {@link HuffmanTree})
 * @returns loss J, gradCenterVec = ∂J/∂h (d), gradOutsideVecs = ∂J/∂θ ((W−1)×d)
 */
export function hierarchicalSoftmaxLossAndGradient(
  h: Float64Array,
  targetWordIdx: number,
  nodeVectors: Float64Array,
  tree: HuffmanTree,
): PairLossResult {
  const d = h.length;
  const nodeCount = rowsOf(nodeVectors, d, 'nodeVectors');
  if (nodeCount !== tree.leaves - 1) {
    throw new RangeError(`nodeVectors has ${nodeCount} rows; the tree needs ${tree.leaves - 1}`);
  }
  checkRow(targetWordIdx, tree.leaves, 'targetWordIdx');
  const gradCenterVec = new Float64Array(d);
  const gradOutsideVecs = new Float64Array(nodeVectors.length);
  let loss = 0;
  for (let j = tree.offsets[targetWordIdx]!; j < tree.offsets[targetWordIdx + 1]!; j++) {
    const node = tree.points[j]!;
    checkRow(node, nodeCount, 'tree node');
    const code = tree.codes[j]!;
    const row = node * d;
    const score = dotRows(d, nodeVectors, row, h, 0);
    // Code 0 asks for σ(score), code 1 for σ(−score).
    loss -= logSigmoid(code === 0 ? score : -score);
    const g = 1 - code - sigmoid(score);
    axpyRows(d, -g, nodeVectors, row, gradCenterVec, 0);
    axpyRows(d, -g, h, 0, gradOutsideVecs, row);
  }
  return { loss, gradCenterVec, gradOutsideVecs };
}
