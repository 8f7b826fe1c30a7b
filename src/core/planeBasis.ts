/**
 * Small helpers for a pair of orthonormal directions in R^d, stored as the two rows of a 2×d
 * Float64Array (q₁ = q[0 … d), q₂ = q[d … 2d)): the Rayleigh–Ritz rotation of the pair, rotating,
 * measuring how far it moved, and Gram–Schmidt. Used by the power iteration of the 2-D view
 * (powerProjection.ts); pure, no allocation except `unitAxis`'s fallback.
 */

/**
 * The rotation [c s; −s c] whose rows are the eigenvectors of the symmetric 2×2 matrix
 * T = [t₁₁ t₁₂; t₁₂ t₂₂], larger eigenvalue first: θ = ½·atan2(2t₁₂, t₁₁ − t₂₂), returned as
 * [cos θ, sin θ]. Then RTRᵀ is diagonal.
 */
export function ritzRotation([t11, t12, t22]: [number, number, number]): [number, number] {
  const theta = 0.5 * Math.atan2(2 * t12, t11 - t22);
  return [Math.cos(theta), Math.sin(theta)];
}

/**
 * out = R·Q for the 2×2 rotation R = [c s; −s c] and Q 2×d: out₁ = c·q₁ + s·q₂,
 * out₂ = c·q₂ − s·q₁. `out` may be `q` (in place).
 */
export function rotate(
  [c, s]: [number, number],
  q: Float64Array,
  d: number,
  out: Float64Array,
): void {
  for (let j = 0; j < d; j++) {
    const a = q[j]!;
    const b = q[d + j]!;
    out[j] = c * a + s * b;
    out[d + j] = c * b - s * a;
  }
}

/**
 * How far the rows of `a` moved from those of `b` (both 2×d with unit rows): max over k of
 * 1 − |aₖ·bₖ|, which is about θₖ²/2 for a small angle θₖ and ignores a flipped sign.
 */
export function moved(a: Float64Array, b: Float64Array, d: number): number {
  return Math.max(1 - Math.abs(dot(d, a, 0, b, 0)), 1 - Math.abs(dot(d, a, d, b, d)));
}

/**
 * Gram–Schmidt on the two rows of q (2×d, in place): q₁ ← q₁/‖q₁‖, q₂ ← q₂ − (q₁·q₂)q₁ (twice,
 * for rounding), then normalised. A row that vanishes (rank-deficient or constant
 * data) is replaced by the unit vector of `fallback`'s row made orthogonal to the first, or by a
 * coordinate axis, so the axes are always orthonormal when the input is finite.
 */
export function orthonormalise(q: Float64Array, d: number, fallback: Float64Array): void {
  if (!normalise(q, 0, d)) q.set(unitAxis(d, 0, q), 0);
  for (let pass = 0; pass < 2; pass++) subtract(q, d, dot(d, q, 0, q, d));
  if (normalise(q, d, d)) return;
  q.set(fallback.subarray(d, 2 * d), d);
  for (let pass = 0; pass < 2; pass++) subtract(q, d, dot(d, q, 0, q, d));
  if (normalise(q, d, d)) return;
  q.set(unitAxis(d, 1, q), d);
  subtract(q, d, dot(d, q, 0, q, d));
  normalise(q, d, d);
}

/** q₂ ← q₂ − proj·q₁. */
function subtract(q: Float64Array, d: number, proj: number): void {
  for (let j = 0; j < d; j++) q[d + j]! -= proj * q[j]!;
}

/** Scales q[offset … offset+d) to unit length; false when it is (numerically) zero or NaN. */
function normalise(q: Float64Array, offset: number, d: number): boolean {
  const norm = Math.sqrt(dot(d, q, offset, q, offset));
  if (!(norm > 1e-150)) return false;
  for (let j = offset; j < offset + d; j++) q[j]! /= norm;
  return true;
}

/** The coordinate axis e_j where the first row of q is smallest (so e_j is far from it). */
function unitAxis(d: number, row: number, q: Float64Array): Float64Array {
  const e = new Float64Array(d);
  let best = 0;
  if (row === 1) for (let j = 1; j < d; j++) if (Math.abs(q[j]!) < Math.abs(q[best]!)) best = j;
  e[best] = 1;
  return e;
}

/** x[ox … ox+n) · y[oy … oy+n). */
export function dot(n: number, x: Float64Array, ox: number, y: Float64Array, oy: number): number {
  let sum = 0;
  for (let k = 0; k < n; k++) sum += x[ox + k]! * y[oy + k]!;
  return sum;
}
