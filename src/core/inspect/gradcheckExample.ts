/**
 * The gradient-check panel's model (MATH.md §8): the teaching API's `gradcheck` run on the current
 * example, with respect to the input rows (v_c, or CBOW's context rows) and the output rows the
 * example touches, with an optional, deliberate slip in the analytic gradient.
 */
import type { GradcheckResult } from '../gradcheck';
import { gradcheck } from '../gradcheck';
import type { TrainingExample } from './example';
import { pairCount, pairTarget } from './example';
import type { PairCore, RowOf } from './pairTrace';
import { scorePair64 } from './pairTrace';
import type { InspectWeights } from './trace';
import { inputVector, pairContext, pairGradients, rowReader } from './trace';

/**
 * A slip to put into the analytic gradient.
 * - `none`: the correct gradient.
 * - `dropSign`: the true word's term with the wrong sign — NS ∂J/∂f_o = 1 − σ(u_o·h) instead of
 *   σ(u_o·h) − 1; softmax 1 − ŷ_o instead of ŷ_o − 1; HS ascends (+g_j, word2vec.c's sign).
 * - `dropFactor`: CBOW with |C| > 1 drops the 1/|C| of ∂J/∂v_w (word2vec.c's rule taken for the
 *   gradient); otherwise the σ is dropped from the coefficient (seed 002's slip): NS f − 1 and f,
 *   HS −(1 − d_j − f_j), softmax the unnormalised e^{f_w − max f} − y_w.
 */
export type BreakMode = 'none' | 'dropSign' | 'dropFactor';

/** One block of the checked vector x: a matrix row. */
export interface CheckedRow {
  readonly matrix: 'center' | 'outside' | 'node';
  readonly row: number;
  /** Its entries are x[offset … offset + d). */
  readonly offset: number;
}

/** Outcome of {@link gradcheckExample}. */
export interface ExampleGradcheck {
  readonly breakMode: BreakMode;
  /** What x holds, row by row. */
  readonly rows: readonly CheckedRow[];
  /** g (the possibly broken analytic gradient), g̃ (central differences), per entry. */
  readonly analytic: Float64Array;
  readonly numeric: Float64Array;
  /** |g̃_i − g_i| / max(1, |g̃_i|, |g_i|). */
  readonly relErrors: Float64Array;
  readonly maxRelError: number;
  /** maxRelError < threshold. */
  readonly passed: boolean;
  readonly threshold: number;
}

/** Options of {@link gradcheckExample}. */
export interface GradcheckExampleOptions {
  readonly breakGradient?: BreakMode;
  /** Most output rows checked (softmax touches all W); the targets come first. Default 8. */
  readonly maxOutputRows?: number;
  /** Pass threshold; default 1e-5 (CS224n). */
  readonly threshold?: number;
}

/** The checked rows: input rows (v_c, or distinct context words), then output rows. */
function checkedRows(
  example: TrainingExample,
  weights: InspectWeights,
  maxOutputRows: number,
): CheckedRow[] {
  const d = weights.dim;
  const inputs = example.model === 'cbow' ? [...new Set(example.context)] : [example.center];
  const outputs = [...new Set(outputRowsOf(example, weights))].slice(0, maxOutputRows);
  const outMatrix: CheckedRow['matrix'] = example.loss === 'hs' ? 'node' : 'outside';
  return [
    ...inputs.map((row, i) => ({ matrix: 'center' as const, row, offset: i * d })),
    ...outputs.map((row, i) => ({ matrix: outMatrix, row, offset: (inputs.length + i) * d })),
  ];
}

/**
 * The output rows the example scores, targets first: NS the targets then the negatives; HS the
 * nodes on the targets' paths; softmax the targets then every word.
 */
function outputRowsOf(example: TrainingExample, weights: InspectWeights): number[] {
  const targets = Array.from({ length: pairCount(example) }, (_, j) => pairTarget(example, j));
  if (example.loss === 'ns') return [...targets, ...example.negatives.filter((w) => w >= 0)];
  if (example.loss === 'softmax') {
    const W = weights.centerVecs.length / weights.dim;
    return [...targets, ...Array.from({ length: W }, (_, w) => w)];
  }
  const tree = weights.tree!;
  return targets.flatMap((t) => [...tree.points.subarray(tree.offsets[t]!, tree.offsets[t + 1]!)]);
}

/** The coefficients ∂J/∂f_j with the requested slip. */
function breakCoefs(
  core: PairCore,
  target: number,
  mode: BreakMode,
  sigmaSlip: boolean,
): Float64Array {
  const coefs = core.coefs.slice();
  const s = core.scoring;
  if (mode === 'dropSign') {
    if (s.kind === 'ns') coefs[0] = -coefs[0]!;
    else if (s.kind === 'softmax') coefs[target] = -coefs[target]!;
    else for (let j = 0; j < coefs.length; j++) coefs[j] = -coefs[j]!;
  } else if (mode === 'dropFactor' && sigmaSlip) {
    if (s.kind === 'ns') s.scores.forEach((f, j) => (coefs[j] = j === 0 ? f - 1 : f));
    else if (s.kind === 'hs') s.scores.forEach((f, j) => (coefs[j] = -(1 - s.codes[j]! - f)));
    else {
      const max = s.scores.reduce((m, f) => (f > m ? f : m), -Infinity);
      s.scores.forEach((f, w) => (coefs[w] = Math.exp(f - max) - (w === target ? 1 : 0)));
    }
  }
  return coefs;
}

/** Reads row r from x when it is checked, else from the weights. */
function overlay(x: Float64Array, d: number, offsets: Map<number, number>, base: RowOf): RowOf {
  return (r) => {
    const at = offsets.get(r);
    return at === undefined ? base(r) : x.subarray(at, at + d);
  };
}

/**
 * J(x) and its (possibly broken) analytic gradient, x = the checked rows laid end to end:
 *
 *   J = Σ_pairs J(h, target);  ∂J/∂v_c = Σ_pairs ∂J/∂h;  CBOW ∂J/∂v_w = (k_w/|C|) ∂J/∂h;
 *   ∂J/∂row = Σ_terms (∂J/∂f) h.
 */
function objective(
  example: TrainingExample,
  weights: InspectWeights,
  rows: readonly CheckedRow[],
  mode: BreakMode,
) {
  const d = weights.dim;
  const centerAt = new Map(rows.filter((r) => r.matrix === 'center').map((r) => [r.row, r.offset]));
  const outAt = new Map(rows.filter((r) => r.matrix !== 'center').map((r) => [r.row, r.offset]));
  const C = example.context.length;
  const factorSlip = example.model === 'cbow' && C > 1;
  return (x: Float64Array) => {
    const h = inputVector(example, overlay(x, d, centerAt, rowReader(weights.centerVecs, d)), d);
    const pairs = Array.from({ length: pairCount(example) }, (_, j) => {
      // topK 0: no ranking of the vocabulary on each of the 2n + 1 evaluations.
      const base = pairContext(example, j, weights, 0);
      const ctx = { ...base, rowOf: overlay(x, d, outAt, base.rowOf) };
      return { j, ctx, core: scorePair64(h, pairTarget(example, j), ctx) };
    });
    const loss = pairs.reduce((sum, p) => sum + p.core.loss, 0);
    // The gradient is read once by gradcheck (at x itself), so it is built only on demand.
    const gradient = (): Float64Array => {
      const grad = new Float64Array(x.length);
      const gradH = new Float64Array(d);
      for (const { j, ctx, core } of pairs) {
        const coefs = breakCoefs(core, pairTarget(example, j), mode, !factorSlip);
        const g = pairGradients({ rows: core.rows, coefs }, h, ctx.rowOf);
        for (let i = 0; i < d; i++) gradH[i]! += g.gradH[i]!;
        for (const [r, c] of g.rowCoefs) {
          const at = outAt.get(r);
          if (at !== undefined) for (let i = 0; i < d; i++) grad[at + i]! += c * h[i]!;
        }
      }
      addInputGrads(example, gradH, centerAt, mode === 'dropFactor' && factorSlip, grad);
      return grad;
    };
    return {
      loss,
      get grad() {
        return gradient();
      },
    };
  };
}

/**
 * The input rows' part of the gradient: ∂J/∂v_c = Σ_pairs ∂J/∂h (skip-gram); each CBOW context
 * occurrence adds (1/|C|) ∂J/∂h, or the whole ∂J/∂h when the factor is dropped.
 */
function addInputGrads(
  example: TrainingExample,
  gradH: Float64Array,
  centerAt: Map<number, number>,
  dropShare: boolean,
  grad: Float64Array,
): void {
  const isCbow = example.model === 'cbow';
  const share = isCbow && !dropShare ? 1 / example.context.length : 1;
  for (const w of isCbow ? example.context : [example.center]) {
    const at = centerAt.get(w)!;
    for (let i = 0; i < gradH.length; i++) grad[at + i]! += share * gradH[i]!;
  }
}

/**
 * Runs `gradcheck` (central differences, h = 1e-4, float64) on the example's loss with respect to
 * the input rows and up to `maxOutputRows` output rows; all other weights are held fixed.
 *
 * @param example - the current example (its negatives stay fixed, so J is one function of x)
 * @param weights - the current weights (read only)
 * @param options - the slip to insert, the row cap, the threshold
 */
export function gradcheckExample(
  example: TrainingExample,
  weights: InspectWeights,
  options: GradcheckExampleOptions = {},
): ExampleGradcheck {
  const mode = options.breakGradient ?? 'none';
  const threshold = options.threshold ?? 1e-5;
  const d = weights.dim;
  const rows = checkedRows(example, weights, options.maxOutputRows ?? 8);
  const x = new Float64Array(rows.length * d);
  const center = rowReader(weights.centerVecs, d);
  const out = pairContext(example, 0, weights).rowOf;
  for (const r of rows) x.set(r.matrix === 'center' ? center(r.row) : out(r.row), r.offset);
  const result: GradcheckResult = gradcheck(objective(example, weights, rows, mode), x, {
    threshold,
  });
  const relErrors = Float64Array.from(result.numeric, (n, i) => {
    const a = result.analytic[i]!;
    return Math.abs(n - a) / Math.max(1, Math.abs(n), Math.abs(a));
  });
  return {
    breakMode: mode,
    rows,
    analytic: result.analytic,
    numeric: result.numeric,
    relErrors,
    maxRelError: result.maxRelError,
    passed: result.passed,
    threshold,
  };
}
