/**
 * The 2-D view of chosen embedding rows (MATH.md §9): centre, take the top-2 principal axes,
 * project. The axes come from a full symmetric eigen-decomposition of the d×d covariance — or of
 * the n×n Gram matrix when there are fewer rows than dimensions — (Householder + QL, `symmetricEigen.ts`): exact to rounding, deterministic, and independent of
 * any starting guess, so no warm start is needed and none can go stale.
 */
import { symmetricEigen } from './symmetricEigen';

/** A 2-D projection of n rows of dimension d. */
export interface Projection {
  /** Number of rows projected. */
  n: number;
  /** Dimension of each row. */
  d: number;
  /** Coordinates X̄Q, interleaved: row i is at (coords[2i], coords[2i+1]). Length 2n. */
  coords: Float32Array;
  /** The two unit axes Q as rows, 2×d row-major: axis k is axes[k·d … (k+1)·d). */
  axes: Float64Array;
  /** Column means that were subtracted, length d. */
  mean: Float64Array;
  /** Variance along each axis, qₖᵀ C qₖ with C = X̄ᵀX̄/n (the eigenvalues), length 2. */
  variance: Float64Array;
  /** Share of the total variance along each axis, in [0, 1], summing to ≤ 1; length 2. */
  explainedVarianceRatio: Float64Array;
  /** Total variance trace(C) = Σ of all d eigenvalues. */
  totalVariance: number;
}

/**
 * Projects n rows of dimension d onto their top-2 principal axes:
 *
 *   X̄ = X − 1 meanᵀ,  C = X̄ᵀX̄ / n,  C q_k = λ_k q_k (λ₁ ≥ λ₂ ≥ …),  coords = X̄ [q₁ q₂]
 *
 * The q_k are the top-2 right singular vectors of X̄. Their sign is arbitrary, so it is fixed:
 * without `previous`, each axis's largest-magnitude entry is made positive; with a `previous`
 * projection of the same d, the axes are reordered if that matches the previous ones better and
 * each is flipped so that qₖ · previousₖ ≥ 0, so points do not jump between frames. Then
 * `variance` and `explainedVarianceRatio` follow the returned axis order. A NaN in the rows
 * gives NaN coordinates and ratios (never a plausible picture). Cost O(n·d² + d³), or
 * O(n²·d + n³) when n < d.
 *
 * @param rows - X, n×d row-major (not modified)
 * @param n - number of rows, ≥ 1
 * @param d - dimension, ≥ 2
 * @param previous - the last projection, for sign (and order) alignment
 */
export function project2d(
  rows: Float32Array | Float64Array,
  n: number,
  d: number,
  previous?: Projection,
): Projection {
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(d) || d < 2 || rows.length !== n * d) {
    throw new RangeError(`project2d needs n ≥ 1, d ≥ 2 and n·d rows (n=${n}, d=${d})`);
  }
  const mean = columnMeans(rows, n, d);
  const centred = centreRows(rows, n, d, mean);
  const { axes, variance, totalVariance } =
    (n < d && gramAxes(centred, n, d)) || covarianceAxes(centred, n, d);
  for (let k = 0; k < 2; k++) fixSign(axes, k * d, d);
  if (previous && previous.d === d) alignAxes(axes, variance, previous.axes, d);
  // No variance at all gives ratios 0; a NaN anywhere stays NaN.
  const explainedVarianceRatio = Float64Array.from(variance, (v) =>
    totalVariance === 0 ? 0 : v / totalVariance,
  );
  const coords = projectRows(centred, n, d, axes);
  return { n, d, coords, axes, mean, variance, explainedVarianceRatio, totalVariance };
}

interface TopAxes {
  /** q₁, q₂ as rows, 2×d. */
  axes: Float64Array;
  /** λ₁, λ₂. */
  variance: Float64Array;
  /** trace(C). */
  totalVariance: number;
}

/** Top-2 eigenvectors of the d×d covariance C = X̄ᵀX̄/n. Cost O(n·d² + d³). */
function covarianceAxes(centred: Float64Array, n: number, d: number): TopAxes {
  const { values, vectors } = symmetricEigen(covariance(centred, n, d), d);
  let totalVariance = 0;
  for (let k = 0; k < d; k++) totalVariance += Math.max(0, values[k]!);
  const variance = Float64Array.of(Math.max(0, values[0]!), Math.max(0, values[1]!));
  return { axes: vectors.slice(0, 2 * d), variance, totalVariance };
}

/**
 * The same axes from the n×n Gram matrix G = X̄X̄ᵀ/n when there are fewer rows than dimensions:
 * G and C share their non-zero eigenvalues, and G p = λ p gives the axis q = X̄ᵀp / ‖X̄ᵀp‖.
 * Cost O(n²·d + n³) — for 30 words at d = 100 about 50× less than the d×d route. Returns null
 * when λ₂ is (numerically) zero, where q₂ is not determined by G; the caller then uses C.
 */
function gramAxes(centred: Float64Array, n: number, d: number): TopAxes | null {
  const gram = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const g = dot(d, centred, i * d, centred, j * d) / n;
      gram[i * n + j] = g;
      gram[j * n + i] = g;
    }
  }
  const { values, vectors } = symmetricEigen(gram, n);
  let totalVariance = 0;
  for (let i = 0; i < n; i++) totalVariance += gram[i * n + i]!;
  if (!(values[1]! > 1e-12 * totalVariance)) return null;
  const axes = new Float64Array(2 * d);
  for (let k = 0; k < 2; k++) {
    // q_k ∝ X̄ᵀ p_k: a weighted sum of the centred rows.
    for (let i = 0; i < n; i++) {
      const weight = vectors[k * n + i]!;
      for (let c = 0; c < d; c++) axes[k * d + c]! += weight * centred[i * d + c]!;
    }
    const norm = Math.sqrt(dot(d, axes, k * d, axes, k * d));
    for (let c = 0; c < d; c++) axes[k * d + c]! /= norm;
  }
  const variance = Float64Array.of(values[0]!, values[1]!);
  return { axes, variance, totalVariance };
}

/**
 * Copies chosen rows of a W×d matrix: result row i is matrix row ids[i].
 *
 * @param out - where to write (length ≥ ids.length × d); default a new Float64Array. A reused
 *   Float32Array holds float32 weights exactly at half the memory.
 * @returns the first ids.length × d entries of `out`
 */
export function gatherRows(
  matrix: Float32Array | Float64Array,
  d: number,
  ids: ArrayLike<number>,
  out: Float32Array | Float64Array = new Float64Array(ids.length * d),
): Float32Array | Float64Array {
  checkOut(out, ids.length * d);
  for (let i = 0; i < ids.length; i++) {
    const row = checkedRow(matrix, d, ids[i]!);
    for (let k = 0; k < d; k++) out[i * d + k] = matrix[row + k]!;
  }
  return out.length === ids.length * d ? out : out.subarray(0, ids.length * d);
}

/**
 * The concatenation CS224n projects: result row i is [v_w ; u_w] for w = ids[i].
 *
 * @param centerVecs - V, W×d row-major
 * @param outsideVecs - U, W×d row-major
 * @param out - where to write (length ≥ ids.length × 2d); default a new Float64Array
 * @returns the first ids.length × 2d entries of `out`
 */
export function gatherConcatRows(
  centerVecs: Float32Array | Float64Array,
  outsideVecs: Float32Array | Float64Array,
  d: number,
  ids: ArrayLike<number>,
  out: Float32Array | Float64Array = new Float64Array(ids.length * 2 * d),
): Float32Array | Float64Array {
  checkOut(out, ids.length * 2 * d);
  for (let i = 0; i < ids.length; i++) {
    const rowV = checkedRow(centerVecs, d, ids[i]!);
    const rowU = checkedRow(outsideVecs, d, ids[i]!);
    for (let k = 0; k < d; k++) {
      out[2 * i * d + k] = centerVecs[rowV + k]!;
      out[(2 * i + 1) * d + k] = outsideVecs[rowU + k]!;
    }
  }
  return out.length === ids.length * 2 * d ? out : out.subarray(0, ids.length * 2 * d);
}

function checkOut(out: ArrayLike<number>, length: number): void {
  if (out.length < length) throw new RangeError(`out holds ${out.length} < ${length} values`);
}

function columnMeans(rows: ArrayLike<number>, n: number, d: number): Float64Array {
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let k = 0; k < d; k++) mean[k]! += rows[i * d + k]!;
  for (let k = 0; k < d; k++) mean[k]! /= n;
  return mean;
}

/** X̄ = X − 1 meanᵀ as a new n×d Float64Array. */
function centreRows(rows: ArrayLike<number>, n: number, d: number, mean: Float64Array) {
  const centred = new Float64Array(n * d);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < d; k++) centred[i * d + k] = rows[i * d + k]! - mean[k]!;
  return centred;
}

/**
 * C = X̄ᵀX̄ / n, d×d. The upper triangle is accumulated four rows at a time (a quarter of the
 * loads and stores on C), then scaled and mirrored.
 */
function covariance(centred: Float64Array, n: number, d: number): Float64Array {
  const cov = new Float64Array(d * d);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const [r0, r1, r2, r3] = [i * d, (i + 1) * d, (i + 2) * d, (i + 3) * d];
    for (let a = 0; a < d; a++) {
      const [x0, x1, x2, x3] = [
        centred[r0 + a]!,
        centred[r1 + a]!,
        centred[r2 + a]!,
        centred[r3 + a]!,
      ];
      for (let b = a; b < d; b++) {
        cov[a * d + b]! +=
          x0 * centred[r0 + b]! +
          x1 * centred[r1 + b]! +
          x2 * centred[r2 + b]! +
          x3 * centred[r3 + b]!;
      }
    }
  }
  for (; i < n; i++) {
    for (let a = 0; a < d; a++) {
      const xa = centred[i * d + a]!;
      for (let b = a; b < d; b++) cov[a * d + b]! += xa * centred[i * d + b]!;
    }
  }
  for (let a = 0; a < d; a++) {
    for (let b = a; b < d; b++) cov[b * d + a] = cov[a * d + b]! /= n;
  }
  return cov;
}

/**
 * Reorders and flips `axes` (2×d, in place) to match `prev` (2×d): the two are swapped when
 * |q₁·p₂| + |q₂·p₁| > |q₁·p₁| + |q₂·p₂|, then each qₖ is negated when qₖ·pₖ < 0. `variance`
 * (length 2) follows the order.
 */
export function alignAxes(
  axes: Float64Array,
  variance: Float64Array,
  prev: Float64Array,
  d: number,
) {
  const m = (i: number, j: number) => dot(d, axes, i * d, prev, j * d);
  if (Math.abs(m(0, 1)) + Math.abs(m(1, 0)) > Math.abs(m(0, 0)) + Math.abs(m(1, 1))) {
    const first = axes.slice(0, d);
    axes.copyWithin(0, d, 2 * d);
    axes.set(first, d);
    variance.reverse();
  }
  for (let k = 0; k < 2; k++) if (m(k, k) < 0) negate(axes, k * d, d);
}

/**
 * Makes the largest-magnitude entry of axes[offset … offset+d) positive (in place). Entries within
 * 1e-9 of the largest count as ties and the first of them decides, so rounding cannot flip the
 * choice.
 */
export function fixSign(axes: Float64Array, offset: number, d: number): void {
  let largest = 0;
  for (let k = offset; k < offset + d; k++) largest = Math.max(largest, Math.abs(axes[k]!));
  let k = offset;
  while (Math.abs(axes[k]!) < largest * (1 - 1e-9)) k++;
  if (axes[k]! < 0) negate(axes, offset, d);
}

function negate(x: Float64Array, offset: number, n: number): void {
  for (let k = offset; k < offset + n; k++) x[k] = -x[k]!;
}

function dot(n: number, x: Float64Array, ox: number, y: Float64Array, oy: number): number {
  let sum = 0;
  for (let k = 0; k < n; k++) sum += x[ox + k]! * y[oy + k]!;
  return sum;
}

/** coords[2i + k] = x̄_i · q_k, rounded to float32. */
function projectRows(centred: Float64Array, n: number, d: number, axes: Float64Array) {
  const coords = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    coords[2 * i] = dot(d, centred, i * d, axes, 0);
    coords[2 * i + 1] = dot(d, centred, i * d, axes, d);
  }
  return coords;
}

function checkedRow(matrix: ArrayLike<number>, d: number, id: number): number {
  if (!Number.isInteger(id) || id < 0 || (id + 1) * d > matrix.length) {
    throw new RangeError(`row ${id} is outside the matrix`);
  }
  return id * d;
}
