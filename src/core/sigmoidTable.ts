/**
 * σ(x) and log σ(x) from a fine lookup table with linear interpolation — the engine's
 * replacement for word2vec.c's coarse EXP_TABLE (1000 steps over [−6, 6], no interpolation,
 * updates skipped beyond ±6). Here the table spans [−16, 16] in steps of 1/256 and values are
 * interpolated, so σ is within 2·10⁻⁷ and log σ within 5·10⁻⁷ of the exact value (the linear
 * interpolation error h²/8 · max|f''| with h = 1/256). Outside the table, and for NaN, the exact
 * stable formulas are used, so nothing is clipped: σ(±700) and log σ(±700) are right, and a NaN
 * stays NaN.
 */

/** Half-width of the tabulated range. */
export const TABLE_LIMIT = 16;

/** Table steps per unit of x. */
export const TABLE_RESOLUTION = 256;

const TABLE_STEPS = 2 * TABLE_LIMIT * TABLE_RESOLUTION;

/** Exact, stable σ(x) (also the table's source). NaN → NaN. */
export function exactSigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** Exact, stable log σ(x) = −log1p(e^{−x}) (x ≥ 0) or x − log1p(e^{x}) (x < 0). NaN → NaN. */
export function exactLogSigmoid(x: number): number {
  return x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x));
}

/** SIGMOID[k] = σ(−16 + k/256), k = 0 … 8192 (one extra entry for interpolation at the end). */
const SIGMOID = new Float64Array(TABLE_STEPS + 2);
/** LOG_SIGMOID[k] = log σ(−16 + k/256). */
const LOG_SIGMOID = new Float64Array(TABLE_STEPS + 2);
/** Both, interleaved (BOTH[2k] = σ, BOTH[2k + 1] = log σ), for the hot loop's single lookup. */
const BOTH = new Float64Array(2 * (TABLE_STEPS + 2));
for (let k = 0; k < SIGMOID.length; k++) {
  const x = -TABLE_LIMIT + k / TABLE_RESOLUTION;
  SIGMOID[k] = exactSigmoid(x);
  LOG_SIGMOID[k] = exactLogSigmoid(x);
  BOTH[2 * k] = SIGMOID[k]!;
  BOTH[2 * k + 1] = LOG_SIGMOID[k]!;
}

/**
 * σ(x) = 1 / (1 + e^{−x}), interpolated from the table inside (−16, 16), exact outside.
 *
 * @param x - any number; NaN gives NaN
 */
export function tableSigmoid(x: number): number {
  if (!(x > -TABLE_LIMIT && x < TABLE_LIMIT)) return exactSigmoid(x);
  const t = (x + TABLE_LIMIT) * TABLE_RESOLUTION;
  const k = t | 0;
  const a = SIGMOID[k]!;
  return a + (t - k) * (SIGMOID[k + 1]! - a);
}

/**
 * log σ(x), interpolated inside (−16, 16), exact outside. −log σ(x) is the loss of a positive
 * score, and −log σ(−x) = −log σ(x) + x that of a negative one.
 *
 * @param x - any number; NaN gives NaN
 */
export function tableLogSigmoid(x: number): number {
  if (!(x > -TABLE_LIMIT && x < TABLE_LIMIT)) return exactLogSigmoid(x);
  const t = (x + TABLE_LIMIT) * TABLE_RESOLUTION;
  const k = t | 0;
  const a = LOG_SIGMOID[k]!;
  return a + (t - k) * (LOG_SIGMOID[k + 1]! - a);
}

/**
 * σ(x) and log σ(x) from one table lookup (the hot loop needs both per score): writes σ(x) to
 * out[at] and returns log σ(x). Same accuracy as {@link tableSigmoid} / {@link tableLogSigmoid}.
 *
 * @param x - any number; NaN gives NaN in both
 * @param out - receives σ(x) at index at
 */
export function sigmoidInto(x: number, out: Float64Array, at: number): number {
  if (!(x > -TABLE_LIMIT && x < TABLE_LIMIT)) {
    out[at] = exactSigmoid(x);
    return exactLogSigmoid(x);
  }
  const t = (x + TABLE_LIMIT) * TABLE_RESOLUTION;
  const k = t | 0;
  const frac = t - k;
  const s0 = BOTH[2 * k]!;
  const l0 = BOTH[2 * k + 1]!;
  out[at] = s0 + frac * (BOTH[2 * k + 2]! - s0);
  return l0 + frac * (BOTH[2 * k + 3]! - l0);
}

/** Entries of the interleaved σ / log σ table (2 per step, see {@link copySigmoidTable}). */
export const SIGMOID_TABLE_LENGTH = BOTH.length;

/**
 * Copies the interleaved table (entry 2k = σ(x_k), 2k + 1 = log σ(x_k), x_k = −16 + k/256) into
 * `out`, for a kernel that cannot reach this module's memory (WebAssembly): with the same bits
 * and the same interpolation it computes the same σ and log σ.
 *
 * @param out - length ≥ SIGMOID_TABLE_LENGTH
 */
export function copySigmoidTable(out: Float64Array): void {
  out.set(BOTH);
}
