/**
 * The memory and scratch a training kernel works on, allocated once per engine.
 *
 * All float32 data sits in one flat `mem` (see kernelMath.ts for why), laid out as
 *
 *   [ centre rows v_w: W×d | output rows u_w (W×d) or θ_n ((W−1)×d) | h: d | neu1e: d |
 *     zero row: d (never written) | (minibatch only) ∂centre accumulator: W×d |
 *     ∂output accumulator: rows×d ]
 *
 * `centerVecs`, `outVecs`, `gradCenter` and `gradOut` are views of it, which the engine hands
 * out as its weight matrices.
 */
import type { AliasTable } from './sampling';
import type { HuffmanTree, LossId } from './types';

/** Output layer codes used inside the kernel. */
export const LOSS_NS = 0;
export const LOSS_HS = 1;
export const LOSS_SOFTMAX = 2;

const LOSS_CODES: Readonly<Record<LossId, number>> = { ns: LOSS_NS, hs: LOSS_HS, softmax: LOSS_SOFTMAX };

/** Largest K the scratch lists are sized for. */
export const MAX_NEGATIVES = 50;

/** Everything the kernel reads and writes. */
export interface KernelState {
  /** d. */
  readonly dim: number;
  /** W, the number of centre rows. */
  readonly words: number;
  /** Rows of the output matrix: W (ns, softmax) or W − 1 (hs). */
  readonly outRows: number;
  /** true: CBOW; false: skip-gram. */
  readonly isCbow: boolean;
  /** CBOW rule: true = exact (∂J/∂h / |context|), false = word2vec.c (the whole step). */
  readonly isCbowExact: boolean;
  /** LOSS_NS, LOSS_HS or LOSS_SOFTMAX. */
  readonly loss: number;
  /** The flat float32 memory. Centre row w starts at w·d. */
  readonly mem: Float32Array;
  /** Offsets in mem: output row r starts at outBase + r·d; h, neu1e and an all-zero row. */
  readonly outBase: number;
  readonly hBase: number;
  readonly neuBase: number;
  readonly zeroBase: number;
  /** Offsets of the minibatch accumulators (−1 when absent). */
  readonly gradCenterBase: number;
  readonly gradOutBase: number;
  /** Views of mem: v (W×d), u or θ (outRows×d), and the accumulators (empty when absent). */
  readonly centerVecs: Float32Array;
  readonly outVecs: Float32Array;
  readonly gradCenter: Float32Array;
  readonly gradOut: Float32Array;
  /** The noise distribution as an alias table (negative sampling; empty otherwise). */
  readonly noiseProb: Float64Array;
  readonly noiseAlias: Int32Array;
  /** Huffman paths in CSR form (hierarchical softmax; trivial otherwise). */
  readonly offsets: Int32Array;
  readonly points: Int32Array;
  readonly codes: Uint8Array;
  /** xoshiro128** state, advanced in place: the engine's one generator. */
  readonly rng: Uint32Array;
  /** Per-pair scratch: row offsets, scores and step coefficients of the targets. */
  readonly rows: Int32Array;
  readonly scores: Float64Array;
  readonly gs: Float64Array;
  /** Negative-sampling target list: distinct ids and their multiplicities. */
  readonly ids: Int32Array;
  readonly counts: Int32Array;
}

/** What `createKernelState` needs. */
export interface KernelStateOptions {
  words: number;
  dim: number;
  isCbow: boolean;
  isCbowExact: boolean;
  loss: LossId;
  /** Allocate the minibatch gradient accumulators. */
  hasGradients: boolean;
  noise: AliasTable;
  tree: HuffmanTree | null;
  rng: Uint32Array;
}

/** Allocates the memory (all zero) and scratch of a kernel. */
export function createKernelState(options: KernelStateOptions): KernelState {
  const { words: W, dim: D, tree } = options;
  const outRows = options.loss === 'hs' ? Math.max(W - 1, 0) : W;
  const outBase = W * D;
  const hBase = outBase + outRows * D;
  const neuBase = hBase + D;
  const zeroBase = neuBase + D;
  const end = zeroBase + D;
  const gradCenterBase = options.hasGradients ? end : -1;
  const gradOutBase = options.hasGradients ? end + W * D : -1;
  const mem = new Float32Array(options.hasGradients ? end + (W + outRows) * D : end);
  const scratch = Math.max(W, MAX_NEGATIVES + 1, tree ? maxPathLength(tree) : 0);
  return {
    dim: D,
    words: W,
    outRows,
    isCbow: options.isCbow,
    isCbowExact: options.isCbowExact,
    loss: LOSS_CODES[options.loss],
    mem,
    outBase,
    hBase,
    neuBase,
    zeroBase,
    gradCenterBase,
    gradOutBase,
    centerVecs: mem.subarray(0, outBase),
    outVecs: mem.subarray(outBase, hBase),
    gradCenter: options.hasGradients ? mem.subarray(gradCenterBase, gradOutBase) : new Float32Array(0),
    gradOut: options.hasGradients ? mem.subarray(gradOutBase) : new Float32Array(0),
    noiseProb: options.noise.prob,
    noiseAlias: options.noise.alias,
    offsets: tree?.offsets ?? new Int32Array(W + 1),
    points: tree?.points ?? new Int32Array(0),
    codes: tree?.codes ?? new Uint8Array(0),
    rng: options.rng,
    rows: new Int32Array(scratch),
    scores: new Float64Array(scratch),
    gs: new Float64Array(scratch),
    ids: new Int32Array(MAX_NEGATIVES + 1),
    counts: new Int32Array(MAX_NEGATIVES + 1),
  };
}

function maxPathLength(tree: HuffmanTree): number {
  let longest = 0;
  for (let w = 0; w < tree.leaves; w++) longest = Math.max(longest, tree.offsets[w + 1]! - tree.offsets[w]!);
  return longest;
}
