/**
 * Eigen-decomposition of a real symmetric matrix, A = Σ_k λ_k q_k q_kᵀ, for the 2-D projection.
 *
 * The classic two-stage method (Householder reduction to tridiagonal form, then the implicit QL
 * algorithm with Wilkinson-style shifts, as in EISPACK tred2/tql2 and the public-domain JAMA
 * port). It costs about 9d³ flops, several times less than cyclic Jacobi, is backward stable and
 * fully deterministic: no random start and no convergence tolerance to tune.
 */

/** Eigenvalues in descending order and the matching unit eigenvectors. */
export interface SymmetricEigen {
  /** λ₁ ≥ λ₂ ≥ … ≥ λ_d. */
  values: Float64Array;
  /** d×d row-major: row k is the unit eigenvector q_k of values[k]. */
  vectors: Float64Array;
}

/**
 * Eigenvalues and eigenvectors of a symmetric d×d matrix (only the lower triangle is read).
 * Works on a copy; `matrix` is not modified. Throws if the QL iteration fails to converge (it
 * needs about two iterations per eigenvalue; only NaN/Infinity inputs can exhaust 50·d).
 *
 * @param matrix - A, d×d row-major, symmetric
 * @param d - the order, ≥ 1
 */
export function symmetricEigen(matrix: ArrayLike<number>, d: number): SymmetricEigen {
  const v = Float64Array.from({ length: d * d }, (_, j) => matrix[j]!);
  const diag = new Float64Array(d);
  const off = new Float64Array(d);
  householderTridiagonalize(v, d, diag, off);
  const vt = transpose(v, d);
  tridiagonalQL(diag, off, vt, d);
  return sortDescending(diag, vt, d);
}

/**
 * Householder reduction (tred2): on return v holds the orthogonal Q with QᵀAQ = T, diag the
 * diagonal of T and off[i] its sub-diagonal entry T[i][i−1] (off[0] = 0). Eigenvectors of T map
 * back to A through Q (its columns).
 */
function householderTridiagonalize(
  v: Float64Array,
  d: number,
  diag: Float64Array,
  off: Float64Array,
) {
  for (let j = 0; j < d; j++) diag[j] = v[(d - 1) * d + j]!;
  for (let i = d - 1; i > 0; i--) {
    let scale = 0;
    for (let k = 0; k < i; k++) scale += Math.abs(diag[k]!);
    if (scale === 0) {
      // Row i is already reduced: nothing to annihilate.
      off[i] = diag[i - 1]!;
      for (let j = 0; j < i; j++) {
        diag[j] = v[(i - 1) * d + j]!;
        v[i * d + j] = 0;
        v[j * d + i] = 0;
      }
      diag[i] = 0;
    } else {
      diag[i] = householderStep(v, d, diag, off, i, scale);
    }
  }
  accumulateTransforms(v, d, diag);
  off[0] = 0;
}

/** One reflection that zeroes row i left of the sub-diagonal; returns the scaled norm h. */
function householderStep(
  v: Float64Array,
  d: number,
  diag: Float64Array,
  off: Float64Array,
  i: number,
  scale: number,
): number {
  let h = 0;
  for (let k = 0; k < i; k++) {
    diag[k]! /= scale;
    h += diag[k]! * diag[k]!;
  }
  const f = diag[i - 1]!;
  const g = f > 0 ? -Math.sqrt(h) : Math.sqrt(h);
  off[i] = scale * g;
  h -= f * g;
  diag[i - 1] = f - g;
  reflect(v, d, diag, off, i, h);
  return h;
}

/**
 * Applies the reflection with vector u = diag[0 … i) and norm² factor h to the leading i×i
 * block of v (lower triangle), storing u in column i for the later accumulation of Q.
 */
function reflect(
  v: Float64Array,
  d: number,
  diag: Float64Array,
  off: Float64Array,
  i: number,
  h: number,
) {
  for (let j = 0; j < i; j++) off[j] = 0;
  // off[0 … i) ← A u (lower triangle of the leading block), then p = A u / h − K u.
  for (let j = 0; j < i; j++) {
    const fj = diag[j]!;
    v[j * d + i] = fj;
    let gj = off[j]! + v[j * d + j]! * fj;
    for (let k = j + 1; k < i; k++) {
      gj += v[k * d + j]! * diag[k]!;
      off[k]! += v[k * d + j]! * fj;
    }
    off[j] = gj;
  }
  let uDotP = 0;
  for (let j = 0; j < i; j++) {
    off[j]! /= h;
    uDotP += off[j]! * diag[j]!;
  }
  const hh = uDotP / (h + h);
  for (let j = 0; j < i; j++) off[j]! -= hh * diag[j]!;
  // Rank-2 update of the leading block: A ← A − u pᵀ − p uᵀ.
  for (let j = 0; j < i; j++) {
    const fj = diag[j]!;
    const gj = off[j]!;
    for (let k = j; k < i; k++) v[k * d + j]! -= fj * off[k]! + gj * diag[k]!;
    diag[j] = v[(i - 1) * d + j]!;
    v[i * d + j] = 0;
  }
}

/** Builds Q from the stored Householder vectors (second half of tred2); diag ← diagonal of T. */
function accumulateTransforms(v: Float64Array, d: number, diag: Float64Array): void {
  for (let i = 0; i < d - 1; i++) {
    v[(d - 1) * d + i] = v[i * d + i]!;
    v[i * d + i] = 1;
    const h = diag[i + 1]!;
    if (h !== 0) {
      for (let k = 0; k <= i; k++) diag[k] = v[k * d + i + 1]! / h;
      for (let j = 0; j <= i; j++) {
        let g = 0;
        for (let k = 0; k <= i; k++) g += v[k * d + i + 1]! * v[k * d + j]!;
        for (let k = 0; k <= i; k++) v[k * d + j]! -= g * diag[k]!;
      }
    }
    for (let k = 0; k <= i; k++) v[k * d + i + 1] = 0;
  }
  for (let j = 0; j < d; j++) {
    diag[j] = v[(d - 1) * d + j]!;
    v[(d - 1) * d + j] = 0;
  }
  v[(d - 1) * d + d - 1] = 1;
}

/**
 * Implicit QL on the tridiagonal T (tql2). On return diag holds the eigenvalues and row k of
 * `vt` (which enters holding Qᵀ) the eigenvector of diag[k].
 */
function tridiagonalQL(diag: Float64Array, off: Float64Array, vt: Float64Array, d: number): void {
  for (let i = 1; i < d; i++) off[i - 1] = off[i]!;
  off[d - 1] = 0;
  let shiftSum = 0;
  let norm = 0;
  for (let l = 0; l < d; l++) {
    norm = Math.max(norm, Math.abs(diag[l]!) + Math.abs(off[l]!));
    // Find the first negligible sub-diagonal entry at or after l.
    let m = l;
    while (m < d - 1 && Math.abs(off[m]!) > Number.EPSILON * norm) m++;
    for (let iter = 0; m > l && Math.abs(off[l]!) > Number.EPSILON * norm; iter++) {
      if (iter >= 50 * d) throw new Error('symmetricEigen: QL iteration did not converge');
      shiftSum += qlSweep(diag, off, vt, d, l, m);
    }
    diag[l]! += shiftSum;
    off[l] = 0;
  }
}

/** One implicit shifted QL sweep over rows l … m; returns the shift it applied. */
function qlSweep(
  diag: Float64Array,
  off: Float64Array,
  vt: Float64Array,
  d: number,
  l: number,
  m: number,
) {
  // Shift: the eigenvalue of the leading 2×2 block closer to diag[l].
  const g0 = diag[l]!;
  let p = (diag[l + 1]! - g0) / (2 * off[l]!);
  let r = Math.hypot(p, 1);
  if (p < 0) r = -r;
  diag[l] = off[l]! / (p + r);
  diag[l + 1] = off[l]! * (p + r);
  const dl1 = diag[l + 1]!;
  const shift = g0 - diag[l]!;
  for (let i = l + 2; i < d; i++) diag[i]! -= shift;
  // Chase the bulge up from m to l with Givens rotations, applied to the eigenvectors too.
  p = diag[m]!;
  let [c, c2, c3, s, s2] = [1, 1, 1, 0, 0];
  const el1 = off[l + 1]!;
  for (let i = m - 1; i >= l; i--) {
    c3 = c2;
    c2 = c;
    s2 = s;
    const g = c * off[i]!;
    const h = c * p;
    r = Math.hypot(p, off[i]!);
    off[i + 1] = s * r;
    s = off[i]! / r;
    c = p / r;
    p = c * diag[i]! - s * g;
    diag[i + 1] = h + s * (c * g + s * diag[i]!);
    rotateRows(vt, d, i, i + 1, c, s);
  }
  p = (-s * s2 * c3 * el1 * off[l]!) / dl1;
  off[l] = s * p;
  diag[l] = c * p;
  return shift;
}

/** Rows i and i+1 of vt ← (c·row_i − s·row_{i+1}, s·row_i + c·row_{i+1}). */
function rotateRows(vt: Float64Array, d: number, i: number, j: number, c: number, s: number) {
  const a = i * d;
  const b = j * d;
  for (let k = 0; k < d; k++) {
    const h = vt[b + k]!;
    vt[b + k] = s * vt[a + k]! + c * h;
    vt[a + k] = c * vt[a + k]! - s * h;
  }
}

function transpose(v: Float64Array, d: number): Float64Array {
  const t = new Float64Array(d * d);
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) t[j * d + i] = v[i * d + j]!;
  return t;
}

/** Orders eigenpairs by descending eigenvalue (stable on ties). */
function sortDescending(diag: Float64Array, vt: Float64Array, d: number): SymmetricEigen {
  const order = Array.from({ length: d }, (_, k) => k).sort((i, j) => diag[j]! - diag[i]! || i - j);
  const values = new Float64Array(d);
  const vectors = new Float64Array(d * d);
  order.forEach((k, rank) => {
    values[rank] = diag[k]!;
    vectors.set(vt.subarray(k * d, (k + 1) * d), rank * d);
  });
  return { values, vectors };
}
