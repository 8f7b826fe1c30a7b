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
 * Scores of n rows against one input vector h, several rows per pass over h (each h entry is
 * read once for up to six dot products):  scores[j] = m[rows[j] …]·m[offsetH …],  j < n.
 *
 * @param rows - offsets of the rows in m
 * @param scores - output, length ≥ n
 */
export function scoreRows(
  N: number,
  m: Float32Array,
  offsetH: number,
  rows: Int32Array,
  n: number,
  scores: Float64Array,
): void {
  let j = 0;
  for (; j + 5 < n; j += 6) scoreRows6(N, m, offsetH, rows, j, scores);
  if (j + 2 < n) {
    scoreRows3(N, m, offsetH, rows[j]!, rows[j + 1]!, rows[j + 2]!, scores, j);
    j += 3;
  }
  for (; j < n; j++) scores[j] = dot(N, m, rows[j]!, offsetH);
}

/** scores[at … at + 6) for rows[at … at + 6), one pass over h, one partial sum per row. */
function scoreRows6(
  N: number,
  m: Float32Array,
  offsetH: number,
  rows: Int32Array,
  at: number,
  scores: Float64Array,
): void {
  const r1 = rows[at]!;
  const r2 = rows[at + 1]!;
  const r3 = rows[at + 2]!;
  const r4 = rows[at + 3]!;
  const r5 = rows[at + 4]!;
  const r6 = rows[at + 5]!;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  let s5 = 0;
  let s6 = 0;
  for (let i = 0; i < N; i++) {
    const h = m[offsetH + i]!;
    s1 += m[r1 + i]! * h;
    s2 += m[r2 + i]! * h;
    s3 += m[r3 + i]! * h;
    s4 += m[r4 + i]! * h;
    s5 += m[r5 + i]! * h;
    s6 += m[r6 + i]! * h;
  }
  scores[at] = s1;
  scores[at + 1] = s2;
  scores[at + 2] = s3;
  scores[at + 3] = s4;
  scores[at + 4] = s5;
  scores[at + 5] = s6;
}

/** scores[at … at + 3) for three rows, one pass over h, two partial sums per row. */
function scoreRows3(
  N: number,
  m: Float32Array,
  offsetH: number,
  r1: number,
  r2: number,
  r3: number,
  scores: Float64Array,
  at: number,
): void {
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
  scores[at] = a0 + a1;
  scores[at + 1] = b0 + b1;
  scores[at + 2] = c0 + c1;
}
