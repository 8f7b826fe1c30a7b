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

const LOSS_CODES: Readonly<Record<LossId, number>> = {
  ns: LOSS_NS,
  hs: LOSS_HS,
  softmax: LOSS_SOFTMAX,
};

/** Slots of the `io` parameter block (Float64Array(IO_SIZE)). */
export const IO_ALPHA0 = 0; // stream: α₀; minibatch: the scale 1/B
export const IO_INV_DENOM = 1; // stream: 1 / (epochs·T + 1)
export const IO_T_BASE = 2; // stream: words read before the sentence's first token
export const IO_WINDOW = 3; // m
export const IO_NEGATIVES = 4; // K
export const IO_LOSS = 5; // out, +=: Σ pair losses
export const IO_PAIRS = 6; // out, +=: number of pair losses (SGD updates in stream mode)
export const IO_SIZE = 7;

/** Most floats the kernel memory may hold (offsets stay far from the int32 limit). */
export const MAX_MEMORY = 2 ** 30;

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
  /**
   * Skip-gram + NS in stream mode scores the next pair inside this pair's update pass (same
   * numbers bit for bit, one pass fewer). false selects the plain pair-by-pair loop, the
   * reference the pipelined loop is tested against.
   */
  readonly isPipelined: boolean;
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
  /** The same for the next pair, drawn ahead by the pipelined skip-gram path (streamKernel.ts). */
  readonly nextIds: Int32Array;
  readonly nextCounts: Int32Array;
  readonly nextRows: Int32Array;
  readonly nextScores: Float64Array;
  /** The pipelined loop's position: centre p, context q, window [lo, hi) (pipelinedSkipgram.ts). */
  readonly cursor: Int32Array;
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
  /** See KernelState.isPipelined; default true. */
  isPipelined?: boolean;
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
  const size = options.hasGradients ? end + (W + outRows) * D : end;
  // Offsets are int32 in the kernels; keep well inside that range.
  if (size > MAX_MEMORY) {
    throw new Error(`the model needs ${size} floats; at most ${MAX_MEMORY} fit`);
  }
  const mem = new Float32Array(size);
  const scratch = Math.max(W, MAX_NEGATIVES + 1, tree ? maxPathLength(tree) : 0);
  return {
    dim: D,
    words: W,
    outRows,
    isCbow: options.isCbow,
    isCbowExact: options.isCbowExact,
    loss: LOSS_CODES[options.loss],
    isPipelined: options.isPipelined ?? true,
    mem,
    outBase,
    hBase,
    neuBase,
    zeroBase,
    gradCenterBase,
    gradOutBase,
    centerVecs: mem.subarray(0, outBase),
    outVecs: mem.subarray(outBase, hBase),
    gradCenter: options.hasGradients
      ? mem.subarray(gradCenterBase, gradOutBase)
      : new Float32Array(0),
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
    nextIds: new Int32Array(MAX_NEGATIVES + 1),
    nextCounts: new Int32Array(MAX_NEGATIVES + 1),
    nextRows: new Int32Array(MAX_NEGATIVES + 1),
    nextScores: new Float64Array(MAX_NEGATIVES + 1),
    cursor: new Int32Array(4),
  };
}

function maxPathLength(tree: HuffmanTree): number {
  let longest = 0;
  for (let w = 0; w < tree.leaves; w++)
    longest = Math.max(longest, tree.offsets[w + 1]! - tree.offsets[w]!);
  return longest;
}
