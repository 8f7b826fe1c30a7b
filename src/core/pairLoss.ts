/**
 * The shape shared by the three pair losses of the teaching API (float64, MATH.md §1, §3, §6),
 * plus the small row kernels they are built from.
 *
 * A pair loss scores one target word given one input vector: skip-gram calls it with the centre
 * vector v_c and an outside word o; CBOW with the context mean h and the centre word. Matrices
 * are flat, row-major Float64Arrays with d = centerVec.length columns, one word (or, for
 * hierarchical softmax, one inner node) per row.
 */

/** Loss and gradients of one (input vector, target word) pair. */
export interface PairLossResult {
  /** J for this pair. */
  loss: number;
  /** ∂J/∂v_c (or ∂J/∂h), length d. */
  gradCenterVec: Float64Array;
  /**
   * ∂J/∂U stored like U: rows×d, row-major, the same shape as the `outsideVectors` argument
   * (for hierarchical softmax ∂J/∂θ, (W−1)×d). Rows the pair does not touch are 0.
   */
  gradOutsideVecs: Float64Array;
}

/**
 * A pair loss: (v_c or h, target word index, U or θ) → loss and gradients. Inputs are never
 * modified; every result array is freshly allocated.
 *
 * `pairIndex` is the position of this pair inside its window (skip-gram passes 0, 1, 2, … for
 * the outside words; CBOW passes 0). Losses that need no extra data ignore it; the adapters in
 * `windowModels.ts` use it to pick the negatives of each pair deterministically.
 */
export type PairLoss = (
  centerVec: Float64Array,
  targetWordIdx: number,
  outsideVectors: Float64Array,
  pairIndex?: number,
) => PairLossResult;

/**
 * Number of rows of a flat row-major matrix with d columns. Throws a RangeError when d < 1 or
 * the length is not a multiple of d, naming the matrix.
 */
export function rowsOf(matrix: ArrayLike<number>, d: number, name: string): number {
  if (!Number.isInteger(d) || d < 1) throw new RangeError(`dimension d must be ≥ 1, got ${d}`);
  if (matrix.length % d !== 0) {
    throw new RangeError(`${name} has length ${matrix.length}, not a multiple of d = ${d}`);
  }
  return matrix.length / d;
}

/** Throws a RangeError unless idx is an integer row index in [0, rows). */
export function checkRow(idx: number, rows: number, name: string): void {
  if (!Number.isInteger(idx) || idx < 0 || idx >= rows) {
    throw new RangeError(`${name} ${idx} is outside 0…${rows - 1}`);
  }
}

/**
 * Dot product of n entries: Σ_i x[offsetX + i] · y[offsetY + i] (addresses a row of a flat
 * matrix without a copy). n ≤ 0 gives 0.
 */
export function dotRows(
  n: number,
  x: ArrayLike<number>,
  offsetX: number,
  y: ArrayLike<number>,
  offsetY: number,
): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += x[offsetX + i]! * y[offsetY + i]!;
  return sum;
}

/**
 * In place: y[offsetY + i] += alpha · x[offsetX + i] for i < n (BLAS axpy on rows). n ≤ 0 does
 * nothing. Accumulates, so repeated rows add up.
 */
export function axpyRows(
  n: number,
  alpha: number,
  x: ArrayLike<number>,
  offsetX: number,
  y: Float64Array,
  offsetY: number,
): void {
  for (let i = 0; i < n; i++) y[offsetY + i]! += alpha * x[offsetX + i]!;
}
