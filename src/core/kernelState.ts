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
 * out as its weight matrices. Every array of the state, `mem` included, is cut out of one arena
 * (kernelArena.ts) at known byte offsets, so a WebAssembly kernel can share them.
 */
import { ArenaCarver, heapArena, type KernelArena } from './kernelArena';
import type { AliasTable } from './sampling';
import type { HuffmanTree, LossId } from './types';

/** Output layer codes used inside the kernel. */
export const LOSS_NS = 0;
export const LOSS_HS = 1;
export const LOSS_SOFTMAX = 2;

export const LOSS_CODES: Readonly<Record<LossId, number>> = {
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

/** Most context words one window can have: 2m with m ≤ 50. */
export const MAX_CONTEXT = 100;

/**
 * Minibatch mode's buffers for a kernel that runs whole iterations
 * (`Kernel.minibatchIteration`): the replicated, sub-sampled corpus (minibatchData.ts), sized for
 * nothing dropped, and the rows one batch touched.
 */
export interface BatchBuffers {
  /** Replicated tokens and their sentence starts (CSR); the run knows how many are in use. */
  readonly tokens: Int32Array;
  readonly starts: Int32Array;
  /**
   * Centre rows (W) and output rows touched by the batch: per row its accumulator slot + 1
   * (0: untouched), and the rows in the order they took their slots.
   */
  readonly centerSlots: Int32Array;
  readonly centerList: Int32Array;
  readonly outSlots: Int32Array;
  readonly outList: Int32Array;
  /** One window's context words. */
  readonly context: Int32Array;
}

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
  /**
   * Stream mode's sub-sampled sentence: word ids and their positions in the original sentence
   * (streamMode.ts fills them; length = the longest sentence, 0 in minibatch mode).
   */
  readonly sen: Int32Array;
  readonly senT: Int32Array;
  /** Minibatch buffers, when asked for (KernelStateOptions.batchCapacity); else null. */
  readonly batch: BatchBuffers | null;
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
  /** The generator's state to start from (copied). */
  rng: Uint32Array;
  /** Length of the sentence buffers (stream mode: the longest sentence); default 0. */
  spanCapacity?: number;
  /** Room for a replicated corpus in `batch` (minibatch mode); default none (batch null). */
  batchCapacity?: { tokens: number; sentences: number } | null;
}

/** Bytes of the arena a kernel state for `options` needs (see `createKernelState`). */
export function kernelStateBytes(options: KernelStateOptions): number {
  const carver = new ArenaCarver(null);
  carveState(options, carver);
  return carver.bytes;
}

/**
 * Allocates the memory (weights all zero) and scratch of a kernel inside `arena` (default: a
 * fresh buffer; otherwise at least `kernelStateBytes(options)` zero-filled bytes), and copies
 * the noise table, the Huffman paths and the generator state into it.
 */
export function createKernelState(
  options: KernelStateOptions,
  arena: KernelArena = heapArena(kernelStateBytes(options)),
): KernelState {
  const state = carveState(options, new ArenaCarver(arena));
  state.noiseProb.set(options.noise.prob);
  state.noiseAlias.set(options.noise.alias);
  if (options.tree) {
    state.offsets.set(options.tree.offsets);
    state.points.set(options.tree.points);
    state.codes.set(options.tree.codes);
  }
  state.rng.set(options.rng.subarray(0, 4));
  return state;
}

/** Rows of the output matrix: one per word, or one per inner node of the Huffman tree (HS). */
export function outputRows(loss: LossId, words: number): number {
  return loss === 'hs' ? Math.max(words - 1, 0) : words;
}

/** Float offsets of the regions of `mem` (see the layout at the top of this file). */
function memoryLayout(options: KernelStateOptions) {
  const { words: W, dim: D } = options;
  const outRows = outputRows(options.loss, W);
  const outBase = W * D;
  const hBase = outBase + outRows * D;
  const neuBase = hBase + D;
  const zeroBase = neuBase + D;
  const end = zeroBase + D;
  const size = options.hasGradients ? end + (W + outRows) * D : end;
  // Offsets are int32 in the kernels; keep well inside that range.
  if (size > MAX_MEMORY) {
    throw new Error(`the model needs ${size} floats; at most ${MAX_MEMORY} fit`);
  }
  const gradCenterBase = options.hasGradients ? end : -1;
  const gradOutBase = options.hasGradients ? end + W * D : -1;
  return { outRows, outBase, hBase, neuBase, zeroBase, gradCenterBase, gradOutBase, size };
}

/** Cuts every array of the state out of the carver's arena, in a fixed order. */
function carveState(options: KernelStateOptions, c: ArenaCarver): KernelState {
  const { words: W, dim: D, tree } = options;
  const { size, ...layout } = memoryLayout(options);
  const { outBase, hBase, gradCenterBase, gradOutBase } = layout;
  const mem = c.f32(size);
  const scratch = Math.max(W, MAX_NEGATIVES + 1, tree ? maxPathLength(tree) : 0);
  const span = options.spanCapacity ?? 0;
  return {
    ...layout,
    dim: D,
    words: W,
    isCbow: options.isCbow,
    isCbowExact: options.isCbowExact,
    loss: LOSS_CODES[options.loss],
    isPipelined: options.isPipelined ?? true,
    mem,
    centerVecs: mem.subarray(0, outBase),
    outVecs: mem.subarray(outBase, hBase),
    gradCenter: options.hasGradients
      ? mem.subarray(gradCenterBase, gradOutBase)
      : mem.subarray(0, 0),
    gradOut: options.hasGradients ? mem.subarray(gradOutBase) : mem.subarray(0, 0),
    noiseProb: c.f64(options.noise.prob.length),
    noiseAlias: c.i32(options.noise.alias.length),
    offsets: c.i32(tree ? tree.offsets.length : W + 1),
    points: c.i32(tree ? tree.points.length : 0),
    codes: c.u8(tree ? tree.codes.length : 0),
    rng: c.u32(4),
    rows: c.i32(scratch),
    scores: c.f64(scratch),
    gs: c.f64(scratch),
    ids: c.i32(MAX_NEGATIVES + 1),
    counts: c.i32(MAX_NEGATIVES + 1),
    nextIds: c.i32(MAX_NEGATIVES + 1),
    nextCounts: c.i32(MAX_NEGATIVES + 1),
    nextRows: c.i32(MAX_NEGATIVES + 1),
    nextScores: c.f64(MAX_NEGATIVES + 1),
    cursor: c.i32(4),
    sen: c.i32(span),
    senT: c.i32(span),
    batch: options.batchCapacity ? carveBatch(options.batchCapacity, W, layout.outRows, c) : null,
  };
}

function carveBatch(
  capacity: { tokens: number; sentences: number },
  W: number,
  outRows: number,
  c: ArenaCarver,
): BatchBuffers {
  return {
    tokens: c.i32(capacity.tokens),
    starts: c.i32(capacity.sentences + 1),
    centerSlots: c.i32(W),
    centerList: c.i32(W),
    outSlots: c.i32(outRows),
    outList: c.i32(outRows),
    context: c.i32(MAX_CONTEXT),
  };
}

function maxPathLength(tree: HuffmanTree): number {
  let longest = 0;
  for (let w = 0; w < tree.leaves; w++)
    longest = Math.max(longest, tree.offsets[w + 1]! - tree.offsets[w]!);
  return longest;
}
