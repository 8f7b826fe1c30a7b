/**
 * The output-side half of a training step, float32, in the kernel's flat memory: every output
 * row a pair touched moves by g_j · h, and the input-side step e = Σ_j g_j · row_j (rows as they
 * were before the step) is carried to the input vector(s). See kernelMath.ts for the memory
 * layout and why one flat array. None of these allocates.
 */

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
    const group = left >= 6 ? 6 : left >= 3 ? 3 : left;
    const to = left === group ? offsetOut : offsetNeu;
    if (group === 6) updateRows6(N, m, offsetH, rows, gs, j, from, to);
    else if (group === 3)
      updateRows3(
        N,
        m,
        offsetH,
        rows[j]!,
        rows[j + 1]!,
        rows[j + 2]!,
        gs[j]!,
        gs[j + 1]!,
        gs[j + 2]!,
        from,
        to,
      );
    else if (group === 2)
      updateRows2(N, m, offsetH, rows[j]!, rows[j + 1]!, gs[j]!, gs[j + 1]!, from, to);
    else updateRows1(N, m, offsetH, rows[j]!, gs[j]!, from, to);
    from = to;
    j += group;
  }
}

/** One pass of `updateRowsInPlace` over rows[at … at + 6): out = in + Σ g·row; row += g·h. */
function updateRows6(
  N: number,
  m: Float32Array,
  offsetH: number,
  rows: Int32Array,
  gs: Float64Array,
  at: number,
  offsetIn: number,
  offsetOut: number,
): void {
  const r1 = rows[at]!;
  const r2 = rows[at + 1]!;
  const r3 = rows[at + 2]!;
  const r4 = rows[at + 3]!;
  const r5 = rows[at + 4]!;
  const r6 = rows[at + 5]!;
  const g1 = gs[at]!;
  const g2 = gs[at + 1]!;
  const g3 = gs[at + 2]!;
  const g4 = gs[at + 3]!;
  const g5 = gs[at + 4]!;
  const g6 = gs[at + 5]!;
  for (let i = 0; i < N; i++) {
    const h = m[offsetH + i]!;
    const u1 = m[r1 + i]!;
    const u2 = m[r2 + i]!;
    const u3 = m[r3 + i]!;
    const u4 = m[r4 + i]!;
    const u5 = m[r5 + i]!;
    const u6 = m[r6 + i]!;
    m[r1 + i] = u1 + g1 * h;
    m[r2 + i] = u2 + g2 * h;
    m[r3 + i] = u3 + g3 * h;
    m[r4 + i] = u4 + g4 * h;
    m[r5 + i] = u5 + g5 * h;
    m[r6 + i] = u6 + g6 * h;
    m[offsetOut + i] =
      m[offsetIn + i]! + (g1 * u1 + g2 * u2 + (g3 * u3 + g4 * u4) + (g5 * u5 + g6 * u6));
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
function updateRows2(
  N: number,
  m: Float32Array,
  offsetH: number,
  r1: number,
  r2: number,
  g1: number,
  g2: number,
  offsetIn: number,
  offsetOut: number,
): void {
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
function updateRows1(
  N: number,
  m: Float32Array,
  offsetH: number,
  r1: number,
  g1: number,
  offsetIn: number,
  offsetOut: number,
): void {
  for (let i = 0; i < N; i++) {
    const h = m[offsetH + i]!;
    const u1 = m[r1 + i]!;
    m[r1 + i] = u1 + g1 * h;
    m[offsetOut + i] = m[offsetIn + i]! + g1 * u1;
  }
}

/**
 * Skip-gram's pipelined pass (six rows now, six rows next): the single-pass output step of
 * `updateRowsInPlace` with in = out = h, i.e.
 *
 *   row_j += g_j · h,   h ← h + Σ_j g_j · row_j   (rows[0 … 6), coefficients gs[0 … 6))
 *
 * and, in the same pass, the next pair's scores against ITS input row h' = m[nextOffsetH …]
 * (the same centre row, or the next centre's):
 *
 *   nextScores[k] = m[nextRows[k] …] · h'     (k < 6)
 *
 * Element i of every row, h' included, is read after this pass has written it (h' may be h, a
 * next row may be one of this pass's rows), so the scores are bit-identical to a separate
 * `scoreRows` pass after the update.
 */
export function updateAndScore6(
  N: number,
  m: Float32Array,
  offsetH: number,
  rows: Int32Array,
  gs: Float64Array,
  nextOffsetH: number,
  nextRows: Int32Array,
  nextScores: Float64Array,
): void {
  const r1 = rows[0]!;
  const r2 = rows[1]!;
  const r3 = rows[2]!;
  const r4 = rows[3]!;
  const r5 = rows[4]!;
  const r6 = rows[5]!;
  const g1 = gs[0]!;
  const g2 = gs[1]!;
  const g3 = gs[2]!;
  const g4 = gs[3]!;
  const g5 = gs[4]!;
  const g6 = gs[5]!;
  const q1 = nextRows[0]!;
  const q2 = nextRows[1]!;
  const q3 = nextRows[2]!;
  const q4 = nextRows[3]!;
  const q5 = nextRows[4]!;
  const q6 = nextRows[5]!;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  let s5 = 0;
  let s6 = 0;
  for (let i = 0; i < N; i++) {
    const h = m[offsetH + i]!;
    const u1 = m[r1 + i]!;
    const u2 = m[r2 + i]!;
    const u3 = m[r3 + i]!;
    const u4 = m[r4 + i]!;
    const u5 = m[r5 + i]!;
    const u6 = m[r6 + i]!;
    m[r1 + i] = u1 + g1 * h;
    m[r2 + i] = u2 + g2 * h;
    m[r3 + i] = u3 + g3 * h;
    m[r4 + i] = u4 + g4 * h;
    m[r5 + i] = u5 + g5 * h;
    m[r6 + i] = u6 + g6 * h;
    m[offsetH + i] = h + (g1 * u1 + g2 * u2 + (g3 * u3 + g4 * u4) + (g5 * u5 + g6 * u6));
    const hNext = m[nextOffsetH + i]!;
    s1 += m[q1 + i]! * hNext;
    s2 += m[q2 + i]! * hNext;
    s3 += m[q3 + i]! * hNext;
    s4 += m[q4 + i]! * hNext;
    s5 += m[q5 + i]! * hNext;
    s6 += m[q6 + i]! * hNext;
  }
  nextScores[0] = s1;
  nextScores[1] = s2;
  nextScores[2] = s3;
  nextScores[3] = s4;
  nextScores[4] = s5;
  nextScores[5] = s6;
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
export function axpy(
  N: number,
  alpha: number,
  m: Float32Array,
  offsetX: number,
  offsetY: number,
  isClearing: boolean,
): void {
  if (isClearing) {
    for (let i = 0; i < N; i++) {
      m[offsetY + i]! += alpha * m[offsetX + i]!;
      m[offsetX + i] = 0;
    }
  } else {
    for (let i = 0; i < N; i++) m[offsetY + i]! += alpha * m[offsetX + i]!;
  }
}
