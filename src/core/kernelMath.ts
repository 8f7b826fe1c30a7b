/**
 * Float32 row kernels of the training engine. Every vector lives in ONE flat Float32Array `m`
 * (the engine's memory: centre rows, output rows, scratch), addressed by offsets, as in
 * WebAssembly's linear memory: `dot(N, m, offsetX, offsetY)` is stdlib's `dot(N, x, offsetX,
 * y, offsetY)` with x = y = m. One array object means V8 checks it once per loop iteration
 * instead of once per operand, which is most of the cost of a typed-array loop in JavaScript.
 *
 * Products and sums are formed in float64 and rounded to float32 only when stored. V8 never
 * reorders a floating-point sum, so the kernels keep several independent partial sums to let the
 * CPU overlap the additions (the result differs from a single running sum by rounding only).
 * None of them allocates.
 */

/**
 * Dot product Σ_{i<N} m[offsetX + i] · m[offsetY + i]. N ≤ 0 gives 0.
 *
 * @param N - number of entries (d)
 * @param m - the flat memory
 */
export function dot(N: number, m: Float32Array, offsetX: number, offsetY: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 3 < N; i += 4) {
    const x = offsetX + i;
    const y = offsetY + i;
    s0 += m[x]! * m[y]!;
    s1 += m[x + 1]! * m[y + 1]!;
    s2 += m[x + 2]! * m[y + 2]!;
    s3 += m[x + 3]! * m[y + 3]!;
  }
  for (; i < N; i++) s0 += m[offsetX + i]! * m[offsetY + i]!;
  return s0 + s1 + (s2 + s3);
}

/**
 * Scores of n rows against one input vector h, three rows per pass over h (h is read once for
 * three dot products):  scores[j] = m[rows[j] …]·m[offsetH …],  j < n.
 *
 * @param rows - offsets of the rows in m
 * @param scores - output, length ≥ n
 */
export function scoreRows(N: number, m: Float32Array, offsetH: number, rows: Int32Array, n: number, scores: Float64Array): void {
  let j = 0;
  for (; j + 2 < n; j += 3) {
    const r1 = rows[j]!;
    const r2 = rows[j + 1]!;
    const r3 = rows[j + 2]!;
    let a0 = 0;
    let a1 = 0;
    let b0 = 0;
    let b1 = 0;
    let c0 = 0;
    let c1 = 0;
    let i = 0;
    for (; i + 1 < N; i += 2) {
      const h0 = m[offsetH + i]!;
      const h1 = m[offsetH + i + 1]!;
      a0 += m[r1 + i]! * h0;
      a1 += m[r1 + i + 1]! * h1;
      b0 += m[r2 + i]! * h0;
      b1 += m[r2 + i + 1]! * h1;
      c0 += m[r3 + i]! * h0;
      c1 += m[r3 + i + 1]! * h1;
    }
    if (i < N) {
      const h0 = m[offsetH + i]!;
      a0 += m[r1 + i]! * h0;
      b0 += m[r2 + i]! * h0;
      c0 += m[r3 + i]! * h0;
    }
    scores[j] = a0 + a1;
    scores[j + 1] = b0 + b1;
    scores[j + 2] = c0 + c1;
  }
  if (j + 1 < n) {
    scoreRows2(N, m, offsetH, rows[j]!, rows[j + 1]!, scores, j);
    j += 2;
  }
  if (j < n) scores[j] = dot(N, m, rows[j]!, offsetH);
}

/** scores[at], scores[at + 1] = the two rows' dot products with h, in one pass over h. */
function scoreRows2(N: number, m: Float32Array, offsetH: number, r1: number, r2: number, scores: Float64Array, at: number): void {
  let a0 = 0;
  let a1 = 0;
  let b0 = 0;
  let b1 = 0;
  let i = 0;
  for (; i + 1 < N; i += 2) {
    const h0 = m[offsetH + i]!;
    const h1 = m[offsetH + i + 1]!;
    a0 += m[r1 + i]! * h0;
    a1 += m[r1 + i + 1]! * h1;
    b0 += m[r2 + i]! * h0;
    b1 += m[r2 + i + 1]! * h1;
  }
  if (i < N) {
    a0 += m[r1 + i]! * m[offsetH + i]!;
    b0 += m[r2 + i]! * m[offsetH + i]!;
  }
  scores[at] = a0 + a1;
  scores[at + 1] = b0 + b1;
}

/**
 * The output step of n distinct rows, in place (stream-mode SGD), three rows per pass over h,
 * with the input-side step e = Σ_j g_j · row_j (rows as they were before this step) chained
 * through the passes instead of being accumulated in a separate loop:
 *
 *   row_j += g_j · h                    for every j
 *   m[offsetOut …] = m[offsetIn …] + e   (partial sums of e travel through m[offsetNeu …])
 *
 * Skip-gram passes offsetIn = offsetOut = offsetH, so v_c ← v_c + e in the same pass (element i
 * of h is read before it is written); CBOW passes a zero row as offsetIn and neu1e as offsetOut.
 * Rows must be distinct and must not overlap h, neu1e or offsetIn/offsetOut.
 *
 * @param gs - step coefficients g_j, length ≥ n
 */
export function updateRowsInPlace(
  N: number,
  m: Float32Array,
  offsetH: number,
  rows: Int32Array,
  gs: Float64Array,
  n: number,
  offsetNeu: number,
  offsetIn: number,
  offsetOut: number,
): void {
  if (n === 0 && offsetIn !== offsetOut) m.copyWithin(offsetOut, offsetIn, offsetIn + N);
  let from = offsetIn;
  let j = 0;
  while (j < n) {
    const left = n - j;
    const group = left >= 3 ? 3 : left;
    const to = left === group ? offsetOut : offsetNeu;
    if (group === 3) updateRows3(N, m, offsetH, rows[j]!, rows[j + 1]!, rows[j + 2]!, gs[j]!, gs[j + 1]!, gs[j + 2]!, from, to);
    else if (group === 2) updateRows2(N, m, offsetH, rows[j]!, rows[j + 1]!, gs[j]!, gs[j + 1]!, from, to);
    else updateRows1(N, m, offsetH, rows[j]!, gs[j]!, from, to);
    from = to;
    j += group;
  }
}

/** One pass of `updateRowsInPlace` over three rows: out = in + Σ g·row; row += g·h. */
function updateRows3(
  N: number,
  m: Float32Array,
  offsetH: number,
  r1: number,
  r2: number,
  r3: number,
  g1: number,
  g2: number,
  g3: number,
  offsetIn: number,
  offsetOut: number,
): void {
  for (let i = 0; i < N; i++) {
    const h = m[offsetH + i]!;
    const u1 = m[r1 + i]!;
    const u2 = m[r2 + i]!;
    const u3 = m[r3 + i]!;
    m[r1 + i] = u1 + g1 * h;
    m[r2 + i] = u2 + g2 * h;
    m[r3 + i] = u3 + g3 * h;
    m[offsetOut + i] = m[offsetIn + i]! + (g1 * u1 + g2 * u2 + g3 * u3);
  }
}

/** Two-row pass of `updateRowsInPlace`. */
function updateRows2(N: number, m: Float32Array, offsetH: number, r1: number, r2: number, g1: number, g2: number, offsetIn: number, offsetOut: number): void {
  for (let i = 0; i < N; i++) {
    const h = m[offsetH + i]!;
    const u1 = m[r1 + i]!;
    const u2 = m[r2 + i]!;
    m[r1 + i] = u1 + g1 * h;
    m[r2 + i] = u2 + g2 * h;
    m[offsetOut + i] = m[offsetIn + i]! + (g1 * u1 + g2 * u2);
  }
}

/** One-row pass of `updateRowsInPlace`. */
function updateRows1(N: number, m: Float32Array, offsetH: number, r1: number, g1: number, offsetIn: number, offsetOut: number): void {
  for (let i = 0; i < N; i++) {
    const h = m[offsetH + i]!;
    const u1 = m[r1 + i]!;
    m[r1 + i] = u1 + g1 * h;
    m[offsetOut + i] = m[offsetIn + i]! + g1 * u1;
  }
}

/**
 * The output step of n rows written to an accumulator instead (minibatch mode): row j's step goes
 * to m[rows[j] + shift …], the rows themselves are only read.
 *
 *   neu1e += Σ_j g_j · row_j;   acc_j += g_j · h
 */
export function updateRowsInto(
  N: number,
  m: Float32Array,
  offsetH: number,
  rows: Int32Array,
  gs: Float64Array,
  n: number,
  offsetNeu: number,
  shift: number,
): void {
  for (let j = 0; j < n; j++) {
    const r = rows[j]!;
    const g = gs[j]!;
    for (let i = 0; i < N; i++) {
      m[offsetNeu + i]! += g * m[r + i]!;
      m[r + shift + i]! += g * m[offsetH + i]!;
    }
  }
}

/**
 * y += alpha · x over N entries of m (BLAS axpy on rows of one memory). With isClearing, x is
 * zeroed as it is read (the neu1e accumulator is emptied in the same pass). x and y must not
 * overlap.
 */
export function axpy(N: number, alpha: number, m: Float32Array, offsetX: number, offsetY: number, isClearing: boolean): void {
  if (isClearing) {
    for (let i = 0; i < N; i++) {
      m[offsetY + i]! += alpha * m[offsetX + i]!;
      m[offsetX + i] = 0;
    }
  } else {
    for (let i = 0; i < N; i++) m[offsetY + i]! += alpha * m[offsetX + i]!;
  }
}
