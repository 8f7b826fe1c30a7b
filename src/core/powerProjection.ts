/**
 * The 2-D view of many rows (MATH.md §9) by subspace (block power) iteration, for maps of
 * thousands of words: the same top-2 principal axes as `project2d`, reached by repeated products
 * with the covariance instead of a full eigen-decomposition. One step costs O(n·d) instead of
 * O(n·d² + d³), and while training the axes barely move between two projections, so starting from
 * the previous axes a couple of steps per projection keep them converged.
 */
import { dot, moved, orthonormalise, ritzRotation, rotate } from './planeBasis';
import { alignAxes, fixSign, type Projection } from './projection';

/** How many steps `powerProject2d` takes and when it may stop early. */
export interface PowerOptions {
  /** Most iteration steps (each one pass over the rows). Default 2 from a warm start, else 12. */
  iterations?: number;
  /**
   * Stop once both Ritz vectors moved less than this between two steps (1 − |q·q_prev|).
   * Default 1e-9.
   */
  tolerance?: number;
}

const WARM_ITERATIONS = 2;
const COLD_ITERATIONS = 12;
const DEFAULT_TOLERANCE = 1e-9;

/**
 * Projects n rows of dimension d on (an approximation of) their top-2 principal axes:
 *
 *   X̄ = X − 1μᵀ,  C = X̄ᵀX̄/n,  Q ← orth(C Q)  (repeated),  coords = X̄ Qᵀ
 *
 * Q (2×d) starts from `previous.axes` when `previous` has the same d (warm start), else from a
 * fixed pseudo-random pair. Every step is one pass over the rows that also yields the
 * Rayleigh–Ritz pair of the current Q: T = QCQᵀ = YᵀY/n with Y = X̄Qᵀ; T's eigenvectors rotate Q
 * into the Ritz vectors (ordered λ₁ ≥ λ₂), so the two axes separate as soon as the plane has
 * converged. X̄ is never stored: X̄q = Xq − (μ·q)1 and X̄ᵀy = Xᵀy − μ(1ᵀy).
 *
 * The plane converges like (λ₃/λ₂)^steps. The result has the same shape and sign rules as
 * `project2d` (largest entry positive without `previous`, aligned with `previous` otherwise);
 * `variance` holds the Ritz values qₖᵀCqₖ, `totalVariance` = trace C = Σ‖xᵢ‖²/n − ‖μ‖². A NaN in
 * the rows gives NaN coordinates and ratios. Nothing is modified; cost O(n·d) per step.
 *
 * @param rows - X, n×d row-major (entries past n·d, as in a reused buffer, are ignored)
 * @param n - number of rows, ≥ 1
 * @param d - dimension, ≥ 2
 * @param previous - the last projection: warm start and sign alignment
 */
export function powerProject2d(
  rows: Float32Array | Float64Array,
  n: number,
  d: number,
  previous?: Projection,
  options: PowerOptions = {},
): Projection {
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(d) || d < 2 || rows.length < n * d) {
    throw new RangeError(`powerProject2d needs n ≥ 1, d ≥ 2 and n·d rows (n=${n}, d=${d})`);
  }
  const isWarm = previous !== undefined && previous.d === d && allFinite(previous.axes);
  const steps = options.iterations ?? (isWarm ? WARM_ITERATIONS : COLD_ITERATIONS);
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const { mean, totalVariance } = meanAndTrace(rows, n, d);
  const axes = isWarm ? previous.axes.slice() : startAxes(d);
  const next = new Float64Array(2 * d);
  const ritz = new Float64Array(2 * d);
  const lastRitz = new Float64Array(2 * d);
  for (let step = 0; step < steps; step++) {
    // next = C·Q (unnormalised), T = QCQᵀ; the Ritz vectors of Q are a rotation of Q.
    const t = powerStep(rows, n, d, mean, axes, next);
    const rotation = ritzRotation(t);
    rotate(rotation, axes, d, ritz);
    const hasSettled = step > 0 && moved(ritz, lastRitz, d) < tolerance;
    lastRitz.set(ritz);
    // C·(RQ) = R·(CQ): the next iterate starts from the Ritz vectors, best first.
    rotate(rotation, next, d, next);
    orthonormalise(next, d, ritz);
    axes.set(next);
    if (hasSettled) break;
  }
  return finish(rows, n, d, mean, totalVariance, axes, previous);
}

/**
 * Column means μ and the total variance Σ‖xᵢ‖²/n − ‖μ‖² (clamped at 0) in one pass, rows in
 * pairs (half the loads and stores on μ; an odd last row pairs with itself at weight 0).
 */
function meanAndTrace(rows: ArrayLike<number>, n: number, d: number) {
  const mean = new Float64Array(d);
  let squares = 0;
  for (let i = 0; i < n; i += 2) {
    const ra = i * d;
    const rb = i + 1 < n ? ra + d : ra;
    const wb = i + 1 < n ? 1 : 0;
    for (let c = 0; c < d; c++) {
      const xa = rows[ra + c]!;
      const xb = wb * rows[rb + c]!;
      mean[c]! += xa + xb;
      squares += xa * xa + xb * xb;
    }
  }
  let meanSquare = 0;
  for (let c = 0; c < d; c++) {
    mean[c]! /= n;
    meanSquare += mean[c]! * mean[c]!;
  }
  // NaN stays NaN: a diverged model must not look plausible.
  const trace = squares / n - meanSquare;
  return { mean, totalVariance: Number.isNaN(trace) ? trace : Math.max(0, trace) };
}

/**
 * A fixed start for a cold run: two orthonormal directions from a hash, so every entry is
 * non-zero and no principal axis is orthogonal to the start in practice.
 */
function startAxes(d: number): Float64Array {
  const axes = new Float64Array(2 * d);
  for (let j = 0; j < 2 * d; j++) {
    // Knuth's multiplicative hash of j, mapped to (−0.5, 0.5).
    axes[j] = (Math.imul(j + 1, 2654435761) >>> 0) / 2 ** 32 - 0.5;
  }
  orthonormalise(axes, d, new Float64Array(2 * d));
  return axes;
}

/**
 * One pass over the rows: yᵢ = X̄ᵢQᵀ (2 numbers), next = Σᵢ yᵢ ⊗ x̄ᵢ / n = C·Q (2×d, overwritten),
 * and T = Σᵢ yᵢyᵢᵀ / n = QCQᵀ returned as [t₁₁, t₁₂, t₂₂]. Each row is read once for both, and
 * rows go in pairs (a, b): half the loads and stores on `next`. An odd last row pairs with
 * itself at weight 0. The products use uncentred x; the centring is applied once at the end.
 */
function powerStep(
  rows: ArrayLike<number>,
  n: number,
  d: number,
  mean: Float64Array,
  axes: Float64Array,
  next: Float64Array,
): [number, number, number] {
  const shift0 = dot(d, mean, 0, axes, 0);
  const shift1 = dot(d, mean, 0, axes, d);
  next.fill(0);
  let t11 = 0;
  let t12 = 0;
  let t22 = 0;
  let sum0 = 0;
  let sum1 = 0;
  for (let i = 0; i < n; i += 2) {
    const ra = i * d;
    const rb = i + 1 < n ? ra + d : ra;
    let a0 = -shift0;
    let a1 = -shift1;
    let b0 = -shift0;
    let b1 = -shift1;
    for (let c = 0; c < d; c++) {
      const xa = rows[ra + c]!;
      const xb = rows[rb + c]!;
      a0 += xa * axes[c]!;
      a1 += xa * axes[d + c]!;
      b0 += xb * axes[c]!;
      b1 += xb * axes[d + c]!;
    }
    if (rb === ra) b0 = b1 = 0;
    for (let c = 0; c < d; c++) {
      const xa = rows[ra + c]!;
      const xb = rows[rb + c]!;
      next[c]! += a0 * xa + b0 * xb;
      next[d + c]! += a1 * xa + b1 * xb;
    }
    t11 += a0 * a0 + b0 * b0;
    t12 += a0 * a1 + b0 * b1;
    t22 += a1 * a1 + b1 * b1;
    sum0 += a0 + b0;
    sum1 += a1 + b1;
  }
  // Xᵀy − μ(1ᵀy): the centring of the second product, without a centred copy of X.
  for (let c = 0; c < d; c++) {
    next[c] = (next[c]! - mean[c]! * sum0) / n;
    next[d + c] = (next[d + c]! - mean[c]! * sum1) / n;
  }
  return [t11 / n, t12 / n, t22 / n];
}

/**
 * The final pass: Y = X̄Qᵀ, the last Rayleigh–Ritz rotation, sign rules, and the coordinates
 * as the same rotation and flips applied to Y (no second pass).
 */
function finish(
  rows: ArrayLike<number>,
  n: number,
  d: number,
  mean: Float64Array,
  totalVariance: number,
  basis: Float64Array,
  previous: Projection | undefined,
): Projection {
  const y = projectRows(rows, n, d, mean, basis);
  const t = gram(y, n);
  const [c, s] = ritzRotation(t);
  const axes = new Float64Array(2 * d);
  rotate([c, s], basis, d, axes);
  const variance = Float64Array.of(
    Math.max(0, c * c * t[0] + 2 * c * s * t[1] + s * s * t[2]),
    Math.max(0, s * s * t[0] - 2 * c * s * t[1] + c * c * t[2]),
  );
  if (!allFinite(t)) variance.fill(Number.NaN);
  for (let k = 0; k < 2; k++) fixSign(axes, k * d, d);
  if (previous && previous.d === d) alignAxes(axes, variance, previous.axes, d);
  const coords = coordsInBasis(y, n, axes, basis, d);
  const explainedVarianceRatio = Float64Array.from(variance, (v) =>
    totalVariance === 0 ? 0 : v / totalVariance,
  );
  return { n, d, coords, axes, mean, variance, explainedVarianceRatio, totalVariance };
}

/** Y = X̄Qᵀ, n×2 interleaved (float64); rows in pairs as in `meanAndTrace`. */
function projectRows(
  rows: ArrayLike<number>,
  n: number,
  d: number,
  mean: Float64Array,
  axes: Float64Array,
): Float64Array {
  const shift0 = dot(d, mean, 0, axes, 0);
  const shift1 = dot(d, mean, 0, axes, d);
  const y = new Float64Array(2 * n + 2);
  for (let i = 0; i < n; i += 2) {
    const ra = i * d;
    const rb = i + 1 < n ? ra + d : ra;
    let a0 = -shift0;
    let a1 = -shift1;
    let b0 = -shift0;
    let b1 = -shift1;
    for (let c = 0; c < d; c++) {
      const q0 = axes[c]!;
      const q1 = axes[d + c]!;
      const xa = rows[ra + c]!;
      const xb = rows[rb + c]!;
      a0 += xa * q0;
      a1 += xa * q1;
      b0 += xb * q0;
      b1 += xb * q1;
    }
    // For odd n the last pair writes one row past 2n: y has room for it and it is cut below.
    y[2 * i] = a0;
    y[2 * i + 1] = a1;
    y[2 * i + 2] = b0;
    y[2 * i + 3] = b1;
  }
  return y.subarray(0, 2 * n);
}

/** T = YᵀY/n as [t₁₁, t₁₂, t₂₂]. */
function gram(y: Float64Array, n: number): [number, number, number] {
  let t11 = 0;
  let t12 = 0;
  let t22 = 0;
  for (let i = 0; i < n; i++) {
    const a = y[2 * i]!;
    const b = y[2 * i + 1]!;
    t11 += a * a;
    t12 += a * b;
    t22 += b * b;
  }
  return [t11 / n, t12 / n, t22 / n];
}

/**
 * coordsᵢₖ = x̄ᵢ·aₖ where the final axes aₖ lie in the plane of the orthonormal basis B:
 * aₖ = Σⱼ (aₖ·bⱼ) bⱼ, so coordsᵢₖ = Σⱼ (aₖ·bⱼ) yᵢⱼ with y = X̄Bᵀ, rounded to float32.
 */
function coordsInBasis(
  y: Float64Array,
  n: number,
  axes: Float64Array,
  basis: Float64Array,
  d: number,
): Float32Array {
  const m00 = dot(d, axes, 0, basis, 0);
  const m01 = dot(d, axes, 0, basis, d);
  const m10 = dot(d, axes, d, basis, 0);
  const m11 = dot(d, axes, d, basis, d);
  const coords = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    const a = y[2 * i]!;
    const b = y[2 * i + 1]!;
    coords[2 * i] = m00 * a + m01 * b;
    coords[2 * i + 1] = m10 * a + m11 * b;
  }
  return coords;
}

function allFinite(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i]!)) return false;
  return true;
}
