/**
 * The panel model: everything the derivation panels show about one training example, as a pure
 * function of the example and the current weights, in float64 (MATH.md §1, §3–§6). The weights
 * are only read. The pairs of a skip-gram window are scored at the same weights (minibatch
 * kernel) or one SGD step after another (stream kernel), see {@link TraceOptions.schedule}.
 */
import type { CbowUpdateId, HuffmanTree, LossId, ModelId } from '../types';
import type { TrainingExample } from './example';
import { pairCount, pairNegatives, pairTarget } from './example';
import type { PairContext, PairCore, PairScoring, Row, RowOf } from './pairTrace';
import { scorePair64 } from './pairTrace';
import type { TraceStage } from './stages';
import { traceStages } from './stages';

/** The weights a trace reads (the engine's matrices; see types.ts Engine). */
export interface InspectWeights {
  /** v_w: W×d. */
  readonly centerVecs: Float32Array;
  /** u_w: W×d (ns, softmax), else null. */
  readonly outsideVecs: Float32Array | null;
  /** θ_n: (W−1)×d (hs), else null. */
  readonly nodeVecs: Float32Array | null;
  readonly tree: HuffmanTree | null;
  readonly dim: number;
}

/** Options of {@link traceExample}. */
export interface TraceOptions {
  /** How CBOW's ∂J/∂h reaches the context rows (see types.ts CbowUpdateId). */
  readonly cbowUpdate: CbowUpdateId;
  /** Length of the softmax top list; default 10. */
  readonly topK?: number;
  /**
   * Skip-gram windows with several pairs: `window` (default) scores every pair at the same
   * weights (minibatch kernel, teaching API); `sequential` applies each pair's SGD step before
   * scoring the next (stream kernel, word2vec.c). CBOW has one pair: both agree.
   */
  readonly schedule?: TraceSchedule;
}

/** See {@link TraceOptions.schedule}. */
export type TraceSchedule = 'window' | 'sequential';

/** A matrix row the step changes. */
export interface RowChange {
  /** centre matrix (v), outside matrix (u) or Huffman node matrix (θ). */
  readonly matrix: 'center' | 'outside' | 'node';
  readonly row: number;
  /** ∂J/∂row (d), summed over every term and pair that touches the row. */
  readonly grad: Float64Array;
  readonly gradNorm: number;
  /** The change applied: −α ∂J/∂row, except CBOW's word2vec rule (see {@link traceExample}). */
  readonly update: Float64Array;
  readonly updateNorm: number;
}

/** One (h, target) pair of the example. */
export interface PairTrace {
  readonly index: number;
  /** The word predicted: o_j (skip-gram) or the centre (CBOW). */
  readonly target: number;
  /** h (d): v_c (skip-gram) or the context mean (CBOW). */
  readonly h: Float64Array;
  readonly loss: number;
  /** Scores, probabilities and the shared quantity, per loss. */
  readonly scoring: PairScoring;
  /** ∂J/∂h of this pair (d) and its norm. */
  readonly gradH: Float64Array;
  readonly gradHNorm: number;
  /**
   * The output rows this pair touches (repeats merged), first appearance order:
   * ∂J/∂row = coef · h (coef = Σ ∂J/∂f over the row's terms), norm = ‖∂J/∂row‖.
   */
  readonly outputGrads: readonly { row: number; coef: number; norm: number }[];
}

/** Everything about one example. */
export interface ExampleTrace {
  readonly model: ModelId;
  readonly loss: LossId;
  readonly center: number;
  readonly context: Int32Array;
  readonly lr: number;
  readonly cbowUpdate: CbowUpdateId;
  readonly schedule: TraceSchedule;
  readonly pairs: readonly PairTrace[];
  /** J of the example: Σ over pairs (skip-gram), the one pair (CBOW). */
  readonly totalLoss: number;
  /** Centre-matrix rows: v_c (skip-gram) or each distinct context word (CBOW). */
  readonly centerRows: readonly RowChange[];
  /** Output rows (u or θ), merged over pairs, first appearance order. */
  readonly outputRows: readonly RowChange[];
  readonly stages: readonly TraceStage[];
}

/** Row r of a float32 matrix as a read-only view (no copy). */
export function rowReader(matrix: Float32Array, d: number): RowOf {
  return (r) => matrix.subarray(r * d, r * d + d);
}

/** ‖x‖₂. */
export function norm2(x: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += x[i]! * x[i]!;
  return Math.sqrt(sum);
}

/** The input vector: v_c, or h = (1/|C|) Σ_{w∈C} v_w for CBOW (MATH.md §5). */
export function inputVector(example: TrainingExample, centerOf: RowOf, d: number): Float64Array {
  if (example.model === 'skipgram') return Float64Array.from(centerOf(example.center));
  const h = new Float64Array(d);
  const C = example.context.length;
  for (const w of example.context) {
    const v = centerOf(w);
    for (let i = 0; i < d; i++) h[i]! += v[i]! / C;
  }
  return h;
}

/** ∂J/∂h = Σ_j coef_j row_j and ∂J/∂row = (Σ coefs of that row) h, repeats merged. */
export function pairGradients(
  core: Pick<PairCore, 'rows' | 'coefs'>,
  h: Float64Array,
  rowOf: RowOf,
): { gradH: Float64Array; rowCoefs: Map<number, number> } {
  const gradH = new Float64Array(h.length);
  const rowCoefs = new Map<number, number>();
  for (let j = 0; j < core.rows.length; j++) {
    const r = core.rows[j]!;
    const c = core.coefs[j]!;
    const row = rowOf(r);
    for (let i = 0; i < h.length; i++) gradH[i]! += c * row[i]!;
    rowCoefs.set(r, (rowCoefs.get(r) ?? 0) + c);
  }
  return { gradH, rowCoefs };
}

function scale(x: Float64Array, a: number): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = a * x[i]!;
  return out;
}

/** The scorer's context for pair j of the example. */
export function pairContext(
  example: TrainingExample,
  j: number,
  weights: InspectWeights,
  topK?: number,
): PairContext {
  const out = example.loss === 'hs' ? weights.nodeVecs : weights.outsideVecs;
  if (!out) throw new Error(`the ${example.loss} output matrix is missing`);
  const K = example.negatives.length / pairCount(example);
  return {
    loss: example.loss,
    rowOf: rowReader(out, weights.dim),
    words: weights.centerVecs.length / weights.dim,
    negatives: example.loss === 'ns' ? pairNegatives(example, j, K) : new Int32Array(0),
    tree: weights.tree,
    topK,
  };
}

function tracePair(
  example: TrainingExample,
  j: number,
  h: Float64Array,
  ctx: PairContext,
): PairTrace {
  const target = pairTarget(example, j);
  const core = scorePair64(h, target, ctx);
  const { gradH, rowCoefs } = pairGradients(core, h, ctx.rowOf);
  const hNorm = norm2(h);
  const outputGrads = [...rowCoefs].map(([row, coef]) => ({
    row,
    coef,
    norm: Math.abs(coef) * hNorm,
  }));
  const { loss, scoring } = core;
  return { index: j, target, h, loss, scoring, gradH, gradHNorm: norm2(gradH), outputGrads };
}

/**
 * The pairs of the example. `sequential`: after pair j, u_r ← u_r − α ∂J_j/∂u_r for its rows and
 * v_c ← v_c − α ∂J_j/∂v_c, and pair j + 1 is scored on the moved rows (float64 copies).
 */
function tracePairs(
  example: TrainingExample,
  weights: InspectWeights,
  options: TraceOptions,
): PairTrace[] {
  const d = weights.dim;
  const moved = new Map<string, Float64Array>();
  const baseCenter = rowReader(weights.centerVecs, d);
  const centerOf: RowOf = (r) => moved.get(`v${r}`) ?? baseCenter(r);
  const pairs: PairTrace[] = [];
  for (let j = 0; j < pairCount(example); j++) {
    const base = pairContext(example, j, weights, options.topK);
    const rowOf: RowOf = (r) => moved.get(`u${r}`) ?? base.rowOf(r);
    const pair = tracePair(example, j, inputVector(example, centerOf, d), { ...base, rowOf });
    pairs.push(pair);
    if (options.schedule !== 'sequential') continue;
    for (const { row, coef } of pair.outputGrads) {
      moved.set(`u${row}`, addScaled(rowOf(row), -example.lr * coef, pair.h));
    }
    moved.set(`v${example.center}`, addScaled(centerOf(example.center), -example.lr, pair.gradH));
  }
  return pairs;
}

/** x + a·y, new array. */
function addScaled(x: Row, a: number, y: Float64Array): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i]! + a * y[i]!;
  return out;
}

function rowChange(
  matrix: RowChange['matrix'],
  row: number,
  grad: Float64Array,
  update: Float64Array,
): RowChange {
  return { matrix, row, grad, gradNorm: norm2(grad), update, updateNorm: norm2(update) };
}

/** Output rows merged over pairs: grad = Σ_pairs ∂J/∂row, update = −α grad. */
function mergeOutputRows(pairs: readonly PairTrace[], matrix: 'outside' | 'node', lr: number) {
  const sums = new Map<number, Float64Array>();
  for (const pair of pairs) {
    const h = pair.h;
    for (const { row, coef } of pair.outputGrads) {
      const acc = sums.get(row) ?? new Float64Array(h.length);
      for (let i = 0; i < h.length; i++) acc[i]! += coef * h[i]!;
      sums.set(row, acc);
    }
  }
  return [...sums].map(([row, grad]) => rowChange(matrix, row, grad, scale(grad, -lr)));
}

/**
 * Centre rows. Skip-gram: ∂J/∂v_c = Σ_j ∂J_j/∂v_c. CBOW: a word occurring k times in C gets
 * the gradient (k/|C|) ∂J/∂h; its update is −α(k/|C|) ∂J/∂h (exact) or −α k ∂J/∂h (word2vec).
 */
function centerRowChanges(
  example: TrainingExample,
  pairs: readonly PairTrace[],
  cbowUpdate: CbowUpdateId,
): RowChange[] {
  const d = pairs[0]!.h.length;
  if (example.model === 'skipgram') {
    const grad = new Float64Array(d);
    for (const p of pairs) for (let i = 0; i < d; i++) grad[i]! += p.gradH[i]!;
    return [rowChange('center', example.center, grad, scale(grad, -example.lr))];
  }
  const C = example.context.length;
  const occurrences = new Map<number, number>();
  for (const w of example.context) occurrences.set(w, (occurrences.get(w) ?? 0) + 1);
  const gradH = pairs[0]!.gradH;
  return [...occurrences].map(([w, k]) => {
    const share = cbowUpdate === 'exact' ? k / C : k;
    return rowChange('center', w, scale(gradH, k / C), scale(gradH, -example.lr * share));
  });
}

/**
 * Traces one example against the weights (not modified), in float64:
 *
 *   h = v_c (skip-gram) or (1/|C|) Σ_{w∈C} v_w (CBOW);  per pair: scores, probabilities, J,
 *   the shared quantity, ∂J/∂h = Σ_j (∂J/∂f_j) row_j, ∂J/∂row_j = (∂J/∂f_j) h;
 *   update of every touched row = −α ∂J/∂row (SGD, MATH.md §7), CBOW context rows per `cbowUpdate`.
 *
 * @param example - centre, context, negatives (K per pair) and α
 * @param weights - v (W×d), u (W×d) or θ ((W−1)×d) with the tree, d
 * @param options - the CBOW rule, the softmax top-list length
 */
export function traceExample(
  example: TrainingExample,
  weights: InspectWeights,
  options: TraceOptions,
): ExampleTrace {
  const pairs = tracePairs(example, weights, options);
  const outputMatrix = example.loss === 'hs' ? 'node' : 'outside';
  return {
    model: example.model,
    loss: example.loss,
    center: example.center,
    context: example.context,
    lr: example.lr,
    cbowUpdate: options.cbowUpdate,
    schedule: options.schedule ?? 'window',
    pairs,
    totalLoss: pairs.reduce((sum, p) => sum + p.loss, 0),
    centerRows: centerRowChanges(example, pairs, options.cbowUpdate),
    outputRows: mergeOutputRows(pairs, outputMatrix, example.lr),
    stages: traceStages(example.model, example.loss),
  };
}
